//! Applying an import plan: the file is backed up next to itself (SQLite
//! online backup), then the whole plan is written as one journaled edit —
//! all of it or, on any error or a cancel, none of it — so one undo takes
//! the whole import back. Progress is reported through a callback after
//! each process; the callback returning `false` cancels, up to the moment
//! of commit.

use rusqlite::types::Value;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Store;
use super::journal::{self, Table, Tx};
use crate::error::{Error, Result};
use crate::excel::import::{Action, ImportError, Plan, PlannedObjectives, Target};
use crate::model::{
    Id, ProcessInput, ResourceInput, ResourceKind, ScoreInput, UnitInput, name_key,
};

/// How far an import has got.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportProgress")]
pub struct Progress {
    /// "backup", "processes", "dependencies", "commit".
    pub stage: String,
    pub done: usize,
    pub total: usize,
}

/// What an applied import did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportApplied")]
pub struct Applied {
    /// The copy of the file taken before the import.
    pub backup: String,
    pub processes_created: usize,
    pub processes_updated: usize,
    pub units_created: usize,
    pub resources_created: usize,
    pub dependencies_created: usize,
    pub scores: usize,
    pub objectives: usize,
}

fn minutes(m: Option<crate::model::duration::Spoken>) -> Value {
    m.map_or(Value::Null, |s| Value::Integer(s.minutes.0.into()))
}

fn objective_columns(o: &PlannedObjectives) -> Vec<(&'static str, Value)> {
    vec![
        ("mtpd_override_minutes", minutes(o.mtpd)),
        (
            "mtpd_override_reason",
            Value::Text(if o.mtpd.is_some() {
                o.mtpd_override_reason.clone()
            } else {
                String::new()
            }),
        ),
        ("rto_minutes", minutes(o.rto)),
        ("rpo_minutes", minutes(o.rpo)),
        (
            "rpo_not_applicable",
            Value::Integer(o.rpo_not_applicable.into()),
        ),
        ("wrt_minutes", minutes(o.wrt)),
        (
            "mbco_percent",
            o.mbco_percent
                .map_or(Value::Null, |p| Value::Integer(p.into())),
        ),
        ("rationale", Value::Text(o.rationale.clone())),
        ("agreed_by", Value::Text(o.agreed_by.clone())),
        ("agreed_on", Value::Text(o.agreed_on.clone())),
        (
            "provenance",
            Value::Text(serde_json::to_string(&o.provenance).unwrap_or_default()),
        ),
    ]
}

impl Store {
    /// Applies `plan` (made from this assessment) in one transaction after
    /// a backup of the file. `progress` is told how far it has got; when
    /// it returns `false` the import stops and nothing is changed.
    pub fn apply_import(
        &mut self,
        plan: &Plan,
        progress: &mut dyn FnMut(&Progress) -> bool,
    ) -> Result<Applied> {
        let total = plan.processes.len() + plan.dependencies.len();
        let mut report = |stage: &str, done: usize| -> Result<()> {
            let go_on = progress(&Progress {
                stage: stage.to_string(),
                done,
                total,
            });
            if go_on {
                Ok(())
            } else {
                Err(Error::Import(ImportError::Cancelled))
            }
        };
        report("backup", 0)?;
        let backup = super::file::backup_before_import(&self.conn, &self.path)?;
        let mut applied = Applied {
            backup: backup.display().to_string(),
            ..Applied::default()
        };
        let label = format!("Import “{}”", plan.file);
        journal::edit(&mut self.conn, &label, |tx| {
            tx.decision.rationale = format!("Imported from {}", plan.file);
            let mut units: FxHashMap<String, Id> = FxHashMap::default();
            for name in &plan.units {
                if super::units::by_name(tx.conn(), name)?.is_none() {
                    let unit = super::units::insert(
                        tx,
                        &UnitInput {
                            name: name.clone(),
                            parent_id: None,
                        },
                    )?;
                    units.insert(name_key(name), unit.id);
                    applied.units_created += 1;
                }
            }
            let known = Known::load(tx)?;
            let mut processes: FxHashMap<String, Id> = FxHashMap::default();
            for (i, p) in plan.processes.iter().enumerate() {
                let id = write_process(tx, p, &known, &mut units, &mut applied)?;
                processes.insert(name_key(&p.input.name), id);
                report("processes", i + 1)?;
            }
            let mut resources: FxHashMap<(ResourceKind, String), Id> = FxHashMap::default();
            for r in &plan.resources {
                let id = match r.existing {
                    Some(id) => id,
                    None => {
                        applied.resources_created += 1;
                        super::resources::insert(
                            tx,
                            &ResourceInput {
                                kind: r.kind,
                                name: r.name.clone(),
                                ..ResourceInput::default()
                            },
                            &r.provenance,
                        )?
                    }
                };
                resources.insert((r.kind, name_key(&r.name)), id);
            }
            for (i, d) in plan.dependencies.iter().enumerate() {
                let from = process_id(tx, &processes, &d.process)?;
                let (to_kind, to) = match &d.target {
                    Target::Process { name } => ("process", process_id(tx, &processes, name)?),
                    Target::Resource { resource, name } => (
                        "resource",
                        *resources.get(&(*resource, name_key(name))).ok_or_else(|| {
                            Error::NoSuchName {
                                kind: resource.label(),
                                name: name.clone(),
                            }
                        })?,
                    ),
                };
                let known: Option<i64> =
                    rusqlite::OptionalExtension::optional(tx.conn().query_row(
                        "SELECT 1 FROM dependency WHERE from_id = ?1 AND to_id = ?2",
                        [from.to_string(), to.to_string()],
                        |r| r.get(0),
                    ))?;
                if known.is_none() && from != to {
                    tx.insert(
                        Table::Dependency,
                        Id::new(),
                        &[
                            ("from_kind", Value::Text("process".into())),
                            ("from_id", Value::Text(from.to_string())),
                            ("to_kind", Value::Text(to_kind.into())),
                            ("to_id", Value::Text(to.to_string())),
                            ("strength", Value::Text("required".into())),
                            ("note", Value::Text(d.note.clone())),
                        ],
                    )?;
                    applied.dependencies_created += 1;
                }
                report("dependencies", plan.processes.len() + i + 1)?;
            }
            report("commit", total)
        })?;
        Ok(applied)
    }
}

fn process_id(tx: &Tx, planned: &FxHashMap<String, Id>, name: &str) -> Result<Id> {
    if let Some(id) = planned.get(&name_key(name)) {
        return Ok(*id);
    }
    super::processes::by_name(tx.conn(), name)?.ok_or_else(|| Error::NoSuchName {
        kind: "process",
        name: name.to_string(),
    })
}

fn write_process(
    tx: &mut Tx,
    p: &crate::excel::import::PlannedProcess,
    methodology: &Known,
    units: &mut FxHashMap<String, Id>,
    applied: &mut Applied,
) -> Result<Id> {
    let unit_id = match &p.unit {
        None => None,
        Some(name) => match units.get(&name_key(name)) {
            Some(id) => Some(*id),
            None => {
                let id = match super::units::by_name(tx.conn(), name)? {
                    Some(u) => u.id,
                    None => {
                        applied.units_created += 1;
                        super::units::insert(
                            tx,
                            &UnitInput {
                                name: name.clone(),
                                parent_id: None,
                            },
                        )?
                        .id
                    }
                };
                units.insert(name_key(name), id);
                Some(id)
            }
        },
    };
    let input = ProcessInput {
        unit_id,
        ..p.input.clone()
    };
    let id = match (p.action, p.existing) {
        (Action::Unchanged, Some(id)) => return Ok(id),
        (Action::Create, _) | (_, None) => {
            applied.processes_created += 1;
            super::processes::insert(tx, &input, &p.provenance)?
        }
        (Action::Update, Some(id)) => {
            super::processes::ensure_unlocked(tx.conn(), id)?;
            super::processes::refuse(tx.conn(), &input, Some(id))?;
            let mut cols = super::processes::field_values(&input);
            cols.push((
                "provenance",
                Value::Text(serde_json::to_string(&p.provenance).unwrap_or_default()),
            ));
            cols.push(("updated_at", Value::Text(super::now())));
            tx.update(Table::Process, id, &cols)?;
            super::processes::write_custom_fields(tx, id, &input.custom_fields)?;
            applied.processes_updated += 1;
            id
        }
    };
    if let Some(o) = &p.objectives {
        super::objectives::upsert(tx, id, &objective_columns(o))?;
        applied.objectives += 1;
    }
    for s in &p.scores {
        let provenance = p.score_provenance(s);
        if p.action == Action::Create {
            // A new process has no cells yet: write each one directly, the
            // methodology having been checked once for the whole plan.
            methodology.check(s.category_id, s.horizon_id, s.severity)?;
            tx.insert(
                Table::Impact,
                Id::new(),
                &[
                    ("process_id", Value::Text(id.to_string())),
                    ("category_id", Value::Text(s.category_id.to_string())),
                    ("horizon_id", Value::Text(s.horizon_id.to_string())),
                    ("severity", Value::Integer(s.severity.into())),
                    ("note", Value::Text(s.note().to_string())),
                    (
                        "provenance",
                        Value::Text(serde_json::to_string(&provenance).unwrap_or_default()),
                    ),
                ],
            )?;
        } else {
            super::impact::set_cell(
                tx,
                id,
                &ScoreInput {
                    category_id: s.category_id,
                    horizon_id: s.horizon_id,
                    severity: Some(s.severity),
                    note: (!s.note().is_empty()).then(|| s.note().to_string()),
                },
                &provenance,
            )?;
        }
        applied.scores += 1;
    }
    Ok(id)
}

/// The methodology as the file holds it when the plan is applied (it may
/// have changed since the plan was made).
struct Known {
    categories: rustc_hash::FxHashSet<Id>,
    horizons: rustc_hash::FxHashSet<Id>,
    max_severity: u8,
}

impl Known {
    fn load(tx: &Tx) -> Result<Known> {
        let m = super::methodology::read(tx.conn())?;
        Ok(Known {
            categories: m.categories.iter().map(|c| c.id).collect(),
            horizons: m.horizons.iter().map(|h| h.id).collect(),
            max_severity: m.scale.iter().map(|l| l.value).max().unwrap_or(0),
        })
    }

    fn check(&self, category: Id, horizon: Id, severity: u8) -> Result<()> {
        if !self.categories.contains(&category) {
            return Err(Error::NoSuchId {
                kind: "impact category",
                id: category.to_string(),
            });
        }
        if !self.horizons.contains(&horizon) {
            return Err(Error::NoSuchId {
                kind: "horizon",
                id: horizon.to_string(),
            });
        }
        if severity > self.max_severity {
            return Err(Error::Invalid {
                issues: vec![crate::model::FieldIssue::new(
                    "severity",
                    format!(
                        "Severity {severity} is outside the scale; use 0 to {}.",
                        self.max_severity
                    ),
                )],
            });
        }
        Ok(())
    }
}
