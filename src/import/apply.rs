//! Applying an import plan: the file is backed up next to itself (SQLite
//! online backup), then the whole plan is written as one journaled edit —
//! all of it or, on any error or a cancel, none of it — so one undo takes
//! the whole import back. Progress is reported through a callback every
//! few dozen processes; the callback returning `false` cancels, up to the moment
//! of commit.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use bia_excel::import::{Action, ImportError, Plan, PlannedObjectives, PlannedProcess, Target};
use bia_model::{
    FieldIssue, Id, IdText, Methodology, NodeRef, Objectives, ProcessInput, ResourceInput,
    ResourceKind, ScoreInput, Strength, UnitInput, name_key,
};
use bia_store::{NewScore, Store, Writer};

use crate::error::{Error, Result};

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

/// Progress is reported (and a cancel heard) about a hundred times a
/// stage: after every process of a small workbook, every 1% of a large one
/// (a 10,000-process import does not send 10,000 events), and at the end.
fn progress_step(count: usize) -> usize {
    (count / 100).max(1)
}

/// What writing each process reuses rather than allocates again: its
/// scores' cells as text, one after the other.
#[derive(Default)]
struct Buffers {
    cells: String,
    ends: Vec<usize>,
}

/// The objectives a plan sets, as stored.
fn objectives_of(process: Id, o: &PlannedObjectives) -> Objectives {
    let minutes = |s: Option<bia_model::duration::Spoken>| s.map(|s| s.minutes);
    Objectives {
        process_id: process,
        mtpd_override: minutes(o.mtpd),
        mtpd_override_reason: o.mtpd_override_reason.clone(),
        rto: minutes(o.rto),
        rpo: minutes(o.rpo),
        rpo_not_applicable: o.rpo_not_applicable,
        wrt: minutes(o.wrt),
        mbco_percent: o.mbco_percent,
        rationale: o.rationale.clone(),
        agreed_by: o.agreed_by.clone(),
        agreed_on: o.agreed_on.clone(),
        provenance: o.provenance.clone(),
    }
}

/// Applies `plan` (made from the assessment in `store`) in one transaction
/// after a backup of the file. `progress` is told how far it has got; when
/// it returns `false` the import stops and nothing is changed.
pub fn apply(
    store: &mut Store,
    plan: &Plan,
    progress: &mut dyn FnMut(&Progress) -> bool,
) -> Result<Applied> {
    if plan.processes.is_empty() {
        return Err(ImportError::NothingImported {
            path: plan.file.clone().into(),
        }
        .into());
    }
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
            Err(ImportError::Cancelled.into())
        }
    };
    report("backup", 0)?;
    // A new file being built (not yet at its name) has nothing to back up.
    let backup = if store.path().exists() {
        store.backup_before_import()?.display().to_string()
    } else {
        String::new()
    };
    let mut applied = Applied {
        backup,
        ..Applied::default()
    };
    let label = format!("Import “{}”", plan.file);
    let rationale = format!("Imported from {}", plan.file);
    // The store's edit takes the store's error; the cause of a failure
    // (a cancel, a refusal) is kept here and given back as it was.
    let mut failure: Option<Error> = None;
    let outcome = store.edit(&label, &rationale, |w| {
        let mut step = || -> Result<()> {
            let mut units: FxHashMap<String, Id> = FxHashMap::default();
            for name in &plan.units {
                if w.unit_by_name(name)?.is_none() {
                    let unit = w.create_unit(&UnitInput {
                        name: name.clone().into(),
                        parent_id: None,
                    })?;
                    units.insert(name_key(name), unit.id);
                    applied.units_created += 1;
                }
            }
            let known = Known::of(&w.methodology()?);
            let mut processes: FxHashMap<String, Id> = FxHashMap::default();
            let mut buffers = Buffers::default();
            let count = plan.processes.len();
            let every = progress_step(count);
            for (i, p) in plan.processes.iter().enumerate() {
                let id = write_process(w, p, &known, &mut units, &mut applied, &mut buffers)?;
                processes.insert(p.input.name.key(), id);
                if (i + 1) % every == 0 || i + 1 == count {
                    report("processes", i + 1)?;
                }
            }
            let mut resources: FxHashMap<(ResourceKind, String), Id> = FxHashMap::default();
            for r in &plan.resources {
                let id = match r.existing {
                    Some(id) => id,
                    None => {
                        applied.resources_created += 1;
                        w.create_resource(
                            &ResourceInput {
                                kind: r.kind,
                                name: r.name.clone().into(),
                                ..ResourceInput::default()
                            },
                            &r.provenance,
                        )?
                    }
                };
                resources.insert((r.kind, name_key(&r.name)), id);
            }
            let every = progress_step(plan.dependencies.len());
            // A name is named by many dependencies: each written form is
            // looked up once (its key folds case and spacing).
            let mut named: FxHashMap<&str, Id> = FxHashMap::default();
            let mut targets: FxHashMap<&Target, NodeRef> = FxHashMap::default();
            for (i, d) in plan.dependencies.iter().enumerate() {
                let from = match named.get(d.process.as_str()) {
                    Some(id) => *id,
                    None => {
                        let id = process_id(w, &processes, &d.process)?;
                        named.insert(&d.process, id);
                        id
                    }
                };
                let to = match targets.get(&d.target) {
                    Some(to) => *to,
                    None => {
                        let to = match &d.target {
                            Target::Process { name } => {
                                NodeRef::Process(process_id(w, &processes, name)?)
                            }
                            Target::Resource { resource, name } => NodeRef::Resource(
                                *resources.get(&(*resource, name_key(name))).ok_or_else(|| {
                                    bia_store::Error::NoSuchName {
                                        kind: resource.label(),
                                        name: name.clone(),
                                    }
                                })?,
                            ),
                        };
                        targets.insert(&d.target, to);
                        to
                    }
                };
                if w.link(NodeRef::Process(from), to, Strength::Required, &d.note)? {
                    applied.dependencies_created += 1;
                }
                if (i + 1) % every == 0 || i + 1 == plan.dependencies.len() {
                    report("dependencies", plan.processes.len() + i + 1)?;
                }
            }
            report("commit", total)
        };
        step().map_err(|e| match e {
            Error::Store(e) => e,
            other => {
                failure = Some(other);
                bia_store::Error::Journal {
                    reason: "the import stopped".into(),
                }
            }
        })
    });
    match (outcome, failure) {
        (Ok(()), _) => Ok(applied),
        (Err(_), Some(cause)) => Err(cause),
        (Err(e), None) => Err(e.into()),
    }
}

fn process_id(w: &Writer, planned: &FxHashMap<String, Id>, name: &str) -> Result<Id> {
    if let Some(id) = planned.get(&name_key(name)) {
        return Ok(*id);
    }
    Ok(w.process_by_name(name)?
        .ok_or_else(|| bia_store::Error::NoSuchName {
            kind: "process",
            name: name.to_string(),
        })?)
}

fn write_process(
    w: &mut Writer,
    p: &PlannedProcess,
    methodology: &Known,
    units: &mut FxHashMap<String, Id>,
    applied: &mut Applied,
    buffers: &mut Buffers,
) -> Result<Id> {
    let unit_id = match &p.unit {
        None => None,
        Some(name) => match units.get(&name_key(name)) {
            Some(id) => Some(*id),
            None => {
                let id = match w.unit_by_name(name)? {
                    Some(u) => u.id,
                    None => {
                        applied.units_created += 1;
                        w.create_unit(&UnitInput {
                            name: name.clone().into(),
                            parent_id: None,
                        })?
                        .id
                    }
                };
                units.insert(name_key(name), id);
                Some(id)
            }
        },
    };
    let id = match (p.action, p.existing) {
        (Action::Unchanged, Some(id)) => return Ok(id),
        (Action::Create, _) | (_, None) => {
            applied.processes_created += 1;
            w.create_process_in(&p.input, unit_id, &p.provenance)?
        }
        (Action::Update, Some(id)) => {
            let input = ProcessInput {
                unit_id,
                ..p.input.clone()
            };
            w.replace_process(id, &input, &p.provenance)?;
            applied.processes_updated += 1;
            id
        }
    };
    if let Some(o) = &p.objectives {
        w.put_objectives(id, &objectives_of(id, o))?;
        applied.objectives += 1;
    }
    if p.action == Action::Create {
        // A new process has no cells yet: its scores are written directly,
        // the methodology having been checked once for the whole plan; its
        // file and sheet are stored once, each score naming its cell.
        write_new_scores(w, id, p, methodology, buffers)?;
        applied.scores += p.scores.len();
        return Ok(id);
    }
    for s in &p.scores {
        let provenance = p.score_provenance(s);
        w.set_score(
            id,
            &ScoreInput {
                category_id: s.category_id,
                horizon_id: s.horizon_id,
                severity: Some(s.severity),
                note: (!s.note().is_empty()).then(|| s.note().to_string()),
            },
            &provenance,
        )?;
        applied.scores += 1;
    }
    Ok(id)
}

/// The scores of a process new in this import, checked against the
/// methodology, in runs of the same sheet (one source each), each run
/// written through one prepared statement.
fn write_new_scores(
    w: &mut Writer,
    id: Id,
    p: &PlannedProcess,
    methodology: &Known,
    buffers: &mut Buffers,
) -> Result<()> {
    let mut text: IdText = [0; 36];
    let process = id.text(&mut text);
    let mut rest = &p.scores[..];
    while let Some(first) = rest.first() {
        let sheet = first.sheet();
        let run = rest.iter().take_while(|s| s.sheet() == sheet).count();
        let (scores, next) = rest.split_at(run);
        rest = next;
        let source = w.source(&p.score_provenance(first))?;
        buffers.cells.clear();
        buffers.ends.clear();
        for s in scores {
            s.cell.write_a1(&mut buffers.cells);
            buffers.ends.push(buffers.cells.len());
        }
        let mut start = 0;
        let mut rows = Vec::with_capacity(scores.len());
        for (s, &end) in scores.iter().zip(&buffers.ends) {
            let (category, horizon) = methodology.check(s.category_id, s.horizon_id, s.severity)?;
            rows.push(NewScore {
                category,
                horizon,
                severity: s.severity,
                note: s.note(),
                cell: &buffers.cells[start..end],
            });
            start = end;
        }
        w.insert_scores(process, source, &rows)?;
    }
    Ok(())
}

/// The methodology as the file holds it when the plan is applied (it may
/// have changed since the plan was made), with each id's text as stored.
struct Known {
    categories: FxHashMap<Id, String>,
    horizons: FxHashMap<Id, String>,
    max_severity: u8,
}

impl Known {
    fn of(m: &Methodology) -> Known {
        Known {
            categories: m
                .categories
                .iter()
                .map(|c| (c.id, c.id.to_string()))
                .collect(),
            horizons: m
                .horizons
                .iter()
                .map(|h| (h.id, h.id.to_string()))
                .collect(),
            max_severity: m.scale.iter().map(|l| l.value).max().unwrap_or(0),
        }
    }

    /// Checks a score against the methodology; gives its category's and
    /// horizon's ids as text.
    fn check(&self, category: Id, horizon: Id, severity: u8) -> Result<(&str, &str)> {
        let Some(category) = self.categories.get(&category) else {
            return Err(bia_store::Error::NoSuchId {
                kind: "impact category",
                id: category.to_string(),
            }
            .into());
        };
        let Some(horizon) = self.horizons.get(&horizon) else {
            return Err(bia_store::Error::NoSuchId {
                kind: "horizon",
                id: horizon.to_string(),
            }
            .into());
        };
        if severity > self.max_severity {
            return Err(Error::Invalid {
                issues: vec![FieldIssue::new(
                    "severity",
                    format!(
                        "Severity {severity} is outside the scale; use 0 to {}.",
                        self.max_severity
                    ),
                )],
            });
        }
        Ok((category, horizon))
    }
}
