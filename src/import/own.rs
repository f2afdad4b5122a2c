//! This program's own exported workbook, back into a new assessment:
//! `bia_excel::import::read_own` reads it into an [`OwnPlan`]; here the
//! file is created with the plan's facts and everything else is written
//! as one journaled edit through the store's `Writer`. Into a new
//! assessment the round trip gives back the same assessment, ids and
//! timestamps apart.

use std::path::Path;

use bia_excel::import::{ImportError, OwnNode, OwnPlan, OwnSource, Workbook, read_own};
use bia_model::{Currency, Id, NodeRef, Provenance, ScoreInput, Status, UnitInput};
use bia_store::{NewFile, Store, Writer};

use crate::error::{Error, Result};

/// What reading the workbook into a new assessment made.
#[derive(Debug, Default)]
pub struct OwnImport {
    pub units: usize,
    pub processes: usize,
    pub scores: usize,
    pub objectives: usize,
    pub resources: usize,
    pub dependencies: usize,
}

/// Builds a new assessment for `into` from an exported `workbook`, its
/// amounts in the currency the workbook names, else (an export older than
/// the currency) in `currency`. The caller puts it in place
/// ([`NewFile::finish`]) or drops it (a dry run, a failure), which leaves
/// nothing at `into`.
pub fn import_into_new(
    workbook: &Workbook,
    into: &Path,
    currency: Currency,
) -> Result<(NewFile, OwnImport)> {
    let mut plan = read_own(workbook)?;
    if plan.methodology.currency.trim().is_empty() {
        plan.methodology.currency = currency.to_string();
    }
    let mut new = Store::create_new(into, &plan.facts, currency)?;
    let label = format!("Import “{}”", plan.file);
    let rationale = format!("Imported from {}", plan.file);
    let mut failure: Option<Error> = None;
    let outcome = new.edit(&label, &rationale, |w| {
        write(w, &plan).map_err(|e| match e {
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
        (Ok(out), _) => Ok((new, out)),
        (Err(_), Some(cause)) => Err(cause),
        (Err(e), None) => Err(e.into()),
    }
}

/// Writes everything but the facts through `w`, in one edit.
fn write(w: &mut Writer, plan: &OwnPlan) -> Result<OwnImport> {
    let provenance = |from: &OwnSource| Provenance::Imported {
        file: plan.file.as_str().into(),
        sheet: from.sheet.into(),
        cell: from.cell(),
        values: Vec::new(),
    };
    w.update_methodology(&plan.methodology)?;
    let m = w.methodology()?;
    let mut out = OwnImport::default();

    let mut units: Vec<Id> = Vec::with_capacity(plan.units.len());
    for unit in &plan.units {
        let created = w.create_unit(&UnitInput {
            name: unit.name.as_str().into(),
            parent_id: unit.parent.map(|i| units[i]),
        })?;
        units.push(created.id);
        out.units += 1;
    }

    let mut processes: Vec<Id> = Vec::with_capacity(plan.processes.len());
    for p in &plan.processes {
        let mut input = p.input.clone();
        input.unit_id = p.unit.map(|i| units[i]);
        processes.push(w.create_process(&input, &provenance(&p.from))?);
        out.processes += 1;
    }

    // Objectives as the room agreed them, even where the scores now put
    // the MTPD below them (the analysis flags it).
    for o in &plan.objectives {
        let process = processes[o.process];
        let objectives = o
            .input
            .parse(process, &provenance(&o.from))
            .map_err(|issues| Error::Invalid { issues })?;
        w.put_objectives(process, &objectives)?;
        out.objectives += 1;
    }

    for impact in &plan.impacts {
        let process = processes[impact.process];
        let from = provenance(&impact.from);
        for s in &impact.scores {
            let (Some(category), Some(horizon)) = (
                m.categories.iter().find(|c| c.name == s.category),
                m.horizons.iter().find(|h| h.label == s.horizon),
            ) else {
                continue;
            };
            let score = ScoreInput {
                category_id: category.id,
                horizon_id: horizon.id,
                severity: s.severity,
                note: s.note.clone(),
            };
            w.set_score(process, &score, &from)?;
            out.scores += 1;
        }
        if !impact.rationale.is_empty() {
            w.set_impact_rationale(process, &impact.rationale)?;
        }
    }

    let mut resources: Vec<Id> = Vec::with_capacity(plan.resources.len());
    for r in &plan.resources {
        resources.push(w.create_resource(&r.input, &provenance(&r.from))?);
        out.resources += 1;
    }

    let node = |n: OwnNode| match n {
        OwnNode::Process(i) => NodeRef::Process(processes[i]),
        OwnNode::Resource(i) => NodeRef::Resource(resources[i]),
    };
    for d in &plan.dependencies {
        if !w.link(node(d.from), node(d.to), d.strength, &d.note)? {
            return Err(ImportError::Own {
                address: format!("Dependencies!{}", d.source.cell()),
                reason: "this dependency ties a node to itself or repeats another".into(),
            }
            .into());
        }
        out.dependencies += 1;
    }

    // Review status last.
    for (p, id) in plan.processes.iter().zip(&processes) {
        if p.status != Status::Draft {
            w.set_status(*id, p.status)?;
        }
    }
    Ok(out)
}
