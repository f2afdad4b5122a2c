//! Recovery objectives: reading and agreeing them. Checking them against
//! the analysis (an RTO not below the agreed MTPD, RTO + WRT beyond it) is
//! the application layer's job. Every change is logged as a decision (see
//! `decisions`).

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

use super::Store;
use super::journal::{self, Table};
use super::processes::ensure_unlocked;
use super::row::id_col;
use crate::error::{Error, Result};
use bia_model::{Id, IdText, Minutes, ObjectiveField, Objectives};

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

/// A process's objectives as the columns of its row.
pub(super) fn columns(o: &Objectives) -> Vec<(&'static str, Value)> {
    let mut cols: Vec<(&'static str, Value)> = ObjectiveField::ALL
        .iter()
        .map(|f| {
            let value = f.value(o).map_or(Value::Null, |v| Value::Integer(v.into()));
            (f.column(), value)
        })
        .collect();
    let reason = if o.mtpd_override.is_some() {
        o.mtpd_override_reason.clone()
    } else {
        String::new()
    };
    cols.extend([
        ("mtpd_override_reason", Value::Text(reason)),
        (
            "rpo_not_applicable",
            Value::Integer(o.rpo_not_applicable.into()),
        ),
        ("rationale", Value::Text(o.rationale.clone())),
        ("agreed_by", Value::Text(o.agreed_by.clone())),
        ("agreed_on", Value::Text(o.agreed_on.clone())),
        (
            "provenance",
            Value::Text(serde_json::to_string(&o.provenance).unwrap_or_default()),
        ),
    ]);
    cols
}

/// Writes a process's objectives row inside an edit under way (creating
/// it when there is none). `cols` are objective columns and values.
pub(super) fn upsert(tx: &mut journal::Tx, process: Id, cols: &[(&str, Value)]) -> Result<()> {
    let existing: Option<Id> = tx
        .conn()
        .prepare_cached("SELECT id FROM objective WHERE process_id = ?1")?
        .query_row([process.to_string()], |r| id_col(r, 0))
        .optional()?;
    match existing {
        Some(id) => tx.update(Table::Objective, id, cols),
        None => {
            let mut with_process = vec![("process_id", Value::Text(process.to_string()))];
            with_process.extend(cols.iter().cloned());
            let id = Id::derived(&["objective", &process.to_string()]);
            tx.insert(Table::Objective, id, &with_process)
        }
    }
}

const INSERT: &str = "INSERT INTO objective (id, process_id, mtpd_override_minutes, mtpd_override_reason, \
                      rto_minutes, rpo_minutes, rpo_not_applicable, wrt_minutes, mbco_percent, rationale, \
                      agreed_by, agreed_on, provenance) \
                      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";

/// Writes the objectives of a process inserted by this edit (it has none
/// yet): one statement kept prepared, its values bound in place, and its
/// decisions logged from `o` rather than from the row read back.
pub(super) fn insert_new(tx: &mut journal::Tx, process: Id, o: &Objectives) -> Result<()> {
    let mut text: IdText = [0; 36];
    let process = process.text(&mut text);
    let id = Id::new().to_string();
    let reason = if o.mtpd_override.is_some() {
        o.mtpd_override_reason.as_str()
    } else {
        ""
    };
    let provenance = serde_json::to_string(&o.provenance).unwrap_or_default();
    tx.insert_objective(
        INSERT,
        id.clone(),
        rusqlite::params![
            id,
            process,
            o.mtpd_override.map(|m| m.0),
            reason,
            o.rto.map(|m| m.0),
            o.rpo.map(|m| m.0),
            o.rpo_not_applicable,
            o.wrt.map(|m| m.0),
            o.mbco_percent,
            o.rationale,
            o.agreed_by,
            o.agreed_on,
            provenance,
        ],
    )?;
    super::decisions::new_objectives(tx.conn(), process, o, &tx.decision)
}

impl Store {
    /// What the room agreed for a process, if anything.
    pub fn objectives(&self, process: Id) -> Result<Option<Objectives>> {
        of_process(&self.conn, process)
    }

    /// Agrees the objectives of a process (replacing what was there); each
    /// changed value is appended to the decision log with the rationale.
    /// The caller has checked them against the analysis (`bia::objectives`).
    pub fn set_objectives(&mut self, objectives: &Objectives) -> Result<Objectives> {
        let process = objectives.process_id;
        let name = ensure_unlocked(&self.conn, process)?;
        let cols = columns(objectives);
        journal::edit(
            self.writable()?,
            &format!("Agree objectives of “{name}”"),
            |tx| {
                tx.decision.rationale = objectives.rationale.clone();
                tx.decision.who = objectives.agreed_by.clone();
                upsert(tx, process, &cols)
            },
        )?;
        of_process(&self.conn, process)?.ok_or(Error::NoSuchId {
            kind: "objectives",
            id: process.to_string(),
        })
    }
}
