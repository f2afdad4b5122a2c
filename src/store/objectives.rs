//! Recovery objectives: reading, checking (durations that do not parse, an
//! RTO not below the agreed MTPD, RTO + WRT beyond it) and agreeing them.
//! Every change is logged as a decision (see `decisions`).

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

use super::Store;
use super::journal::{self, Table};
use super::processes::{ensure_unlocked, id_col};
use crate::analysis::{self, ProcessAnalysis};
use crate::error::{Error, Result};
use crate::model::{
    FieldIssue, Id, Minutes, Objectives, ObjectivesInput, ParsedObjectives, Provenance, duration,
};

/// What the objectives form shows while the room types.
#[derive(Clone, Debug, PartialEq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ObjectivesCheck {
    /// Every problem, by field; empty when the input can be agreed.
    pub issues: Vec<FieldIssue>,
    /// The process analysed as if the typed values were agreed.
    pub preview: ProcessAnalysis,
}

const COLUMNS: &str = "process_id, mtpd_override_minutes, mtpd_override_reason, rto_minutes, rpo_minutes, \
                       rpo_not_applicable, wrt_minutes, mbco_percent, rationale, agreed_by, agreed_on, provenance";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Objectives> {
    let minutes = |i| r.get::<_, Option<u32>>(i).map(|m| m.map(Minutes));
    let provenance: String = r.get(11)?;
    Ok(Objectives {
        process_id: id_col(r, 0)?,
        mtpd_override: minutes(1)?,
        mtpd_override_reason: r.get(2)?,
        rto: minutes(3)?,
        rpo: minutes(4)?,
        rpo_not_applicable: r.get(5)?,
        wrt: minutes(6)?,
        mbco_percent: r.get(7)?,
        rationale: r.get(8)?,
        agreed_by: r.get(9)?,
        agreed_on: r.get(10)?,
        provenance: serde_json::from_str(&provenance).unwrap_or_default(),
    })
}

pub(super) fn all(conn: &Connection) -> Result<Vec<Objectives>> {
    let rows = conn
        .prepare(&format!("SELECT {COLUMNS} FROM objective"))?
        .query_map([], from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

fn of_process(conn: &Connection, process: Id) -> Result<Option<Objectives>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM objective WHERE process_id = ?1"),
            [process.to_string()],
            from_row,
        )
        .optional()?)
}

/// The analysis of one process as it stands in the file.
fn analysis_of(
    store: &Store,
    process: Id,
    objectives: Option<&Objectives>,
) -> Result<ProcessAnalysis> {
    let name: String = store
        .conn
        .query_row(
            "SELECT name FROM process WHERE id = ?1",
            [process.to_string()],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(Error::NoSuchId {
            kind: "process",
            id: process.to_string(),
        })?;
    let scores = super::impact::of_process(&store.conn, process)?;
    Ok(analysis::analyze_process(
        &store.methodology()?,
        process,
        &name,
        &scores,
        objectives,
    ))
}

/// Writes a process's objectives row inside an edit under way (creating
/// it when there is none). `cols` are objective columns and values.
pub(super) fn upsert(tx: &mut journal::Tx, process: Id, cols: &[(&str, Value)]) -> Result<()> {
    let existing: Option<Id> = tx
        .conn()
        .query_row(
            "SELECT id FROM objective WHERE process_id = ?1",
            [process.to_string()],
            |r| id_col(r, 0),
        )
        .optional()?;
    match existing {
        Some(id) => tx.update(Table::Objective, id, cols),
        None => {
            let mut with_process = vec![("process_id", Value::Text(process.to_string()))];
            with_process.extend(cols.iter().cloned());
            tx.insert(Table::Objective, Id::new(), &with_process)
        }
    }
}

impl Store {
    /// What the room agreed for a process, if anything.
    pub fn objectives(&self, process: Id) -> Result<Option<Objectives>> {
        of_process(&self.conn, process)
    }

    /// The derived MTPD, tier, violations and flags of one process.
    pub fn analyze_process(&self, process: Id) -> Result<ProcessAnalysis> {
        let objectives = of_process(&self.conn, process)?;
        analysis_of(self, process, objectives.as_ref())
    }

    /// What a form shows as objectives are typed: every problem with `input`
    /// (none when it can be agreed), and the process analysed as if the
    /// typed values were agreed (the tier an RTO would give, the agreed
    /// MTPD). Fields that do not parse are left out of the preview.
    pub fn check_objectives(
        &self,
        process: Id,
        input: &ObjectivesInput,
    ) -> Result<ObjectivesCheck> {
        let issues = match self.validated(process, input) {
            Ok(_) => Vec::new(),
            Err(Error::Invalid { issues }) => issues,
            Err(e) => return Err(e),
        };
        let typed = |text: &str| duration::parse_optional(text).ok().flatten();
        let candidate = Objectives {
            process_id: process,
            mtpd_override: typed(&input.mtpd_override),
            rto: typed(&input.rto),
            wrt: typed(&input.wrt),
            ..Default::default()
        };
        Ok(ObjectivesCheck {
            issues,
            preview: analysis_of(self, process, Some(&candidate))?,
        })
    }

    fn validated(&self, process: Id, input: &ObjectivesInput) -> Result<ParsedObjectives> {
        let parsed = input.parse().map_err(|issues| Error::Invalid { issues })?;
        let candidate = Objectives {
            process_id: process,
            mtpd_override: parsed.mtpd_override,
            rto: parsed.rto,
            wrt: parsed.wrt,
            ..Default::default()
        };
        let analysis = analysis_of(self, process, Some(&candidate))?;
        let issues: Vec<FieldIssue> = analysis
            .violations
            .iter()
            .map(|v| {
                let source = match analysis.mtpd_reason.as_ref() {
                    Some(r) if !analysis.mtpd_overridden => format!(" ({})", r.text),
                    _ => String::new(),
                };
                FieldIssue::new(
                    &v.field,
                    format!("{}{source}", v.message.trim_end_matches('.')) + ".",
                )
            })
            .collect();
        if !issues.is_empty() {
            return Err(Error::Invalid { issues });
        }
        Ok(parsed)
    }

    /// Agrees the objectives of a process (replacing what was there); each
    /// changed value is appended to the decision log with the rationale.
    pub fn set_objectives(
        &mut self,
        process: Id,
        input: &ObjectivesInput,
        provenance: &Provenance,
    ) -> Result<Objectives> {
        let name = ensure_unlocked(&self.conn, process)?;
        let p = self.validated(process, input)?;
        let minutes = |m: Option<Minutes>| m.map_or(Value::Null, |m| Value::Integer(m.0.into()));
        let cols = [
            ("mtpd_override_minutes", minutes(p.mtpd_override)),
            (
                "mtpd_override_reason",
                Value::Text(p.mtpd_override_reason.clone()),
            ),
            ("rto_minutes", minutes(p.rto)),
            ("rpo_minutes", minutes(p.rpo)),
            (
                "rpo_not_applicable",
                Value::Integer(p.rpo_not_applicable.into()),
            ),
            ("wrt_minutes", minutes(p.wrt)),
            (
                "mbco_percent",
                p.mbco_percent
                    .map_or(Value::Null, |v| Value::Integer(v.into())),
            ),
            ("rationale", Value::Text(p.rationale.clone())),
            ("agreed_by", Value::Text(p.agreed_by.clone())),
            ("agreed_on", Value::Text(p.agreed_on.clone())),
            (
                "provenance",
                Value::Text(serde_json::to_string(provenance).unwrap_or_default()),
            ),
        ];
        journal::edit(
            &mut self.conn,
            &format!("Agree objectives of “{name}”"),
            |tx| {
                tx.decision.rationale = p.rationale.clone();
                tx.decision.who = p.agreed_by.clone();
                upsert(tx, process, &cols)
            },
        )?;
        of_process(&self.conn, process)?.ok_or(Error::NoSuchId {
            kind: "objectives",
            id: process.to_string(),
        })
    }
}
