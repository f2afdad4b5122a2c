//! The demo assessment: Harbourline Logistics, a fictional freight,
//! warehousing and distribution company, so that the app has something
//! real to show on first launch and tests have a realistic workshop.
//!
//! Built through the same store calls a user's edits go through, then the
//! edit history is cleared (making the demo is not the user's to undo).

use std::path::Path;

use crate::error::Result;
use bia_model::{
    AssessmentInput, Currency, CustomField, DependencyInput, DependencyTarget, ObjectivesInput,
    ProcessInput, Provenance, ResourceInput, ScoreInput, Status, UnitInput,
};
use bia_store::Store;

mod organisation;
mod resources;
mod workshops;

use organisation::{CLAIMED_TIERS, IMPACTS, PROCESSES, RTO_BEYOND_MTPD, UNITS, WORKSHOP_DAY};
use resources::{DEPENDENCIES, RESOURCES};

/// Writes the demo assessment to a new file at `path` (nothing is at
/// `path` until it is complete).
pub fn create(path: &Path) -> Result<Store> {
    let mut new = Store::create_new(
        path,
        &AssessmentInput {
            name: "Harbourline Logistics — BIA 2026".into(),
            organisation: "Harbourline Logistics Ltd".into(),
            scope: "UK freight forwarding, warehousing and distribution: Felixstowe DC, Birmingham hub, head office"
                .into(),
            facilitator: "Eleanor Marsh (Continuity Partners)".into(),
        },
        // A UK firm: its amounts are in pounds sterling.
        Currency::gbp(),
    )?;
    fill(&mut new)?;
    Ok(new.finish()?)
}

fn fill(store: &mut Store) -> Result<()> {
    for (name, parent) in UNITS {
        let parent_id = match parent {
            Some(p) => store.unit_by_name(p)?.map(|u| u.id),
            None => None,
        };
        store.create_unit(&UnitInput {
            name: (*name).into(),
            parent_id,
        })?;
    }
    for p in PROCESSES {
        let unit_id = store.unit_by_name(p.unit)?.map(|u| u.id);
        let input = ProcessInput {
            name: p.name.into(),
            unit_id,
            owner: p.owner.into(),
            description: p.description.into(),
            peak_periods: p.peak.into(),
            minimum_staff: p.staff,
            workaround: p.workaround.into(),
            notes: String::new(),
            claimed_tier: CLAIMED_TIERS
                .iter()
                .find(|(name, _)| *name == p.name)
                .map_or_else(String::new, |(_, claim)| (*claim).to_string()),
            status: Status::Draft,
            custom_fields: p
                .custom
                .iter()
                .map(|(n, v)| CustomField {
                    name: (*n).into(),
                    value: (*v).into(),
                })
                .collect(),
        };
        store.create_process(&input, &Provenance::Demo)?;
    }
    let m = store.methodology()?;
    for (name, profile, agreed) in IMPACTS {
        let Some(process) = store.process_by_name(name)? else {
            continue;
        };
        let agree = |store: &mut Store| -> Result<()> {
            let Some(a) = agreed else { return Ok(()) };
            let (mtpd_override, reason) = a.mtpd_override.unwrap_or(("", ""));
            let input = ObjectivesInput {
                mtpd_override: mtpd_override.into(),
                mtpd_override_reason: reason.into(),
                rto: a.rto.into(),
                rpo: a.rpo.into(),
                wrt: a.wrt.into(),
                mbco: a.mbco.into(),
                rationale: "Agreed in the BIA workshop with the process owner".into(),
                agreed_by: format!("{}; Eleanor Marsh", process.owner),
                agreed_on: WORKSHOP_DAY.into(),
            };
            crate::objectives::agree(store, process.id, &input, &Provenance::Demo).map(|_| ())
        };
        if *name == RTO_BEYOND_MTPD {
            agree(store)?;
        }
        if let Some(profile) = profile {
            let mut cells = Vec::new();
            for (c, category) in m.categories.iter().enumerate() {
                for (h, horizon) in m.horizons.iter().enumerate() {
                    let grown = if h < profile.onset {
                        0
                    } else {
                        ((h - profile.onset + 1) as u8 * profile.rate).min(profile.peaks[c])
                    };
                    let severity = profile
                        .tweaks
                        .iter()
                        .find(|(tc, th, _)| *tc == c && *th == h)
                        .map_or(grown, |t| t.2);
                    cells.push(ScoreInput {
                        category_id: category.id,
                        horizon_id: horizon.id,
                        severity: Some(severity),
                        note: None,
                    });
                }
            }
            store.set_scores(process.id, &cells, &Provenance::Demo)?;
        }
        if *name != RTO_BEYOND_MTPD {
            agree(store)?;
        }
    }
    for p in PROCESSES.iter().filter(|p| p.status != Status::Draft) {
        if let Some(process) = store.process_by_name(p.name)? {
            let note = match p.status {
                Status::Approved => format!(
                    "Signed off by {} in the workshop of {WORKSHOP_DAY}",
                    p.owner
                ),
                _ => "Scores and objectives ready for the owner's review".to_string(),
            };
            store.set_status(process.id, p.status, &note)?;
        }
    }
    for (kind, name, owner, rto, rpo, redundancy, contractual) in RESOURCES {
        let input = ResourceInput {
            kind: *kind,
            name: (*name).into(),
            owner: (*owner).into(),
            rto_capability: (*rto).into(),
            rpo_capability: (*rpo).into(),
            redundancy: *redundancy,
            contractual_recovery: (*contractual).into(),
            ..Default::default()
        };
        store.create_resource(&input, &Provenance::Demo)?;
    }
    for (from, to, strength) in DEPENDENCIES {
        let input = DependencyInput {
            from: store.node_named(from)?,
            to: DependencyTarget::Existing(store.node_named(to)?),
            strength: *strength,
            note: String::new(),
        };
        store.create_dependency(&input, &Provenance::Demo)?;
    }
    workshops::fill(store)?;
    Ok(store.forget_history()?)
}
