//! What a disruption does to the business: given what is lost (resources —
//! a site, a supplier, an application — or processes) and for how long,
//! every process it reaches through the dependencies, with the path that
//! makes it affected, its MTPD and RTO, whether the outage breaks its
//! MTPD and by how much, what may cover it (a redundant resource on the
//! path, its own manual workaround), and its impact by category at that
//! duration, read from its grid.
//!
//! The walk goes from the lost nodes up the dependencies, against their
//! direction (a process relies on what it depends on): over *required*
//! links first, which stop a process, then over *degraded* ones, which
//! slow it; *optional* links carry nothing. A breadth-first walk visits
//! each node once per pass, so cycles cannot loop it and the first path
//! found is a shortest one.

use std::collections::VecDeque;

use rustc_hash::FxHashMap;
use serde::Serialize;
use ts_rs::TS;

use super::ProcessAnalysis;
use bia_model::{Assessment, Id, Minutes, NodeRef, Redundancy, Strength};

/// How a process is affected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Effect {
    /// Lost itself.
    Lost,
    /// Every link on its path is required: it stops.
    Stopped,
    /// A degraded link is on its path: it goes on, slowed.
    Degraded,
}

/// What may keep an affected process going.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[ts(export)]
pub enum Cover {
    /// A resource on its path has an alternate or fails over.
    Redundancy {
        resource: String,
        redundancy: Redundancy,
    },
    /// The process's own manual workaround.
    Workaround { text: String },
}

/// The impact of a process in one category at the scenario's duration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CategoryImpact {
    pub category: String,
    /// `None`: not scored at that horizon.
    pub severity: Option<u8>,
}

/// One process the scenario reaches.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AffectedProcess {
    pub process_id: Id,
    pub process: String,
    pub effect: Effect,
    /// From the process down to what was lost: "Pick, pack and dispatch",
    /// "WMS", "Reading data centre".
    pub path: Vec<String>,
    pub mtpd: Option<Minutes>,
    pub rto: Option<Minutes>,
    /// By how much the outage outlasts the MTPD; `None`: it does not (or
    /// no MTPD is known).
    pub breach: Option<Minutes>,
    pub covers: Vec<Cover>,
    /// The label of the horizon the impact is read at (the longest not
    /// beyond the duration); `None` when the outage is shorter than every
    /// horizon.
    pub horizon: Option<String>,
    pub impact: Vec<CategoryImpact>,
}

/// What a scenario does.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ScenarioOutcome {
    pub duration: Minutes,
    /// The names of what was lost.
    pub lost: Vec<String>,
    /// Breached first (the largest breach first), then by MTPD, then name.
    pub affected: Vec<AffectedProcess>,
    /// How many affected processes the outage takes past their MTPD.
    pub breached: usize,
}

/// Runs the scenario "lose `lost` for `duration`" over the assessment `a`
/// (with its analysis `processes`, for the agreed MTPD and RTO). Lost
/// nodes the assessment does not have are ignored (the caller checks
/// names).
pub fn run_scenario(
    a: &Assessment,
    processes: &[ProcessAnalysis],
    lost: &[NodeRef],
    duration: Minutes,
) -> ScenarioOutcome {
    // Nodes by id: processes first, then resources.
    let mut index: FxHashMap<Id, usize> = FxHashMap::default();
    let mut names: Vec<&str> = Vec::new();
    let mut redundancy: Vec<Redundancy> = Vec::new();
    for p in &a.processes {
        index.insert(p.id, names.len());
        names.push(&p.name);
        redundancy.push(Redundancy::None);
    }
    let processes_end = names.len();
    for r in &a.resources {
        index.insert(r.id, names.len());
        names.push(&r.name);
        redundancy.push(r.redundancy);
    }
    // Who relies on each node, and how.
    let mut relied: Vec<Vec<(usize, Strength)>> = vec![Vec::new(); names.len()];
    for d in &a.dependencies {
        if let (Some(&from), Some(&to)) = (index.get(&d.from.id()), index.get(&d.to.id())) {
            relied[to].push((from, d.strength));
        }
    }
    let starts: Vec<usize> = lost
        .iter()
        .filter_map(|n| index.get(&n.id()).copied())
        .collect();
    // Pass 1 over required links (stopped), pass 2 over required and
    // degraded ones (degraded, for what pass 1 did not reach).
    let mut parent: Vec<Option<usize>> = vec![None; names.len()];
    let mut effect: Vec<Option<Effect>> = vec![None; names.len()];
    for &s in &starts {
        effect[s] = Some(Effect::Lost);
    }
    for (pass, carries) in [
        (Effect::Stopped, &[Strength::Required][..]),
        (
            Effect::Degraded,
            &[Strength::Required, Strength::Degraded][..],
        ),
    ] {
        let mut queue: VecDeque<usize> = VecDeque::new();
        let mut seen = vec![false; names.len()];
        for i in 0..names.len() {
            if matches!(effect[i], Some(e) if e == Effect::Lost || e == Effect::Stopped) {
                queue.push_back(i);
                seen[i] = true;
            }
        }
        while let Some(at) = queue.pop_front() {
            for &(by, strength) in &relied[at] {
                if seen[by] || !carries.contains(&strength) {
                    continue;
                }
                seen[by] = true;
                if effect[by].is_none() {
                    effect[by] = Some(pass);
                    parent[by] = Some(at);
                }
                queue.push_back(by);
            }
        }
    }

    let by_process: FxHashMap<Id, &ProcessAnalysis> =
        processes.iter().map(|p| (p.process_id, p)).collect();
    let horizon = a
        .methodology
        .horizons
        .iter()
        .filter(|h| h.minutes.0 <= duration.0)
        .max_by_key(|h| h.minutes.0);
    // The scores at that horizon, by (process, category).
    let at_horizon: FxHashMap<(Id, Id), Option<u8>> = match horizon {
        None => FxHashMap::default(),
        Some(h) => a
            .scores
            .iter()
            .filter(|s| s.horizon_id == h.id)
            .map(|s| ((s.process_id, s.category_id), s.severity))
            .collect(),
    };
    let mut affected = Vec::new();
    for (i, p) in a.processes.iter().enumerate().take(processes_end) {
        let Some(effect) = effect[i] else { continue };
        let mut path = vec![i];
        let mut at = i;
        while let Some(next) = parent[at] {
            if path.len() > names.len() {
                break;
            }
            path.push(next);
            at = next;
        }
        let mut covers: Vec<Cover> = path
            .iter()
            .filter(|&&n| n >= processes_end)
            .filter(|&&n| {
                matches!(
                    redundancy[n],
                    Redundancy::Alternate
                        | Redundancy::AutomaticFailover
                        | Redundancy::ManualWorkaround
                )
            })
            .map(|&n| Cover::Redundancy {
                resource: names[n].to_string(),
                redundancy: redundancy[n],
            })
            .collect();
        if !p.workaround.trim().is_empty() {
            covers.push(Cover::Workaround {
                text: p.workaround.clone(),
            });
        }
        let analysis = by_process.get(&p.id);
        let mtpd = analysis.and_then(|x| x.mtpd);
        let breach = mtpd
            .filter(|m| duration.0 > m.0)
            .map(|m| Minutes(duration.0 - m.0));
        let impact = match horizon {
            None => Vec::new(),
            Some(_) => a
                .methodology
                .categories
                .iter()
                .filter(|c| !c.retired)
                .map(|c| CategoryImpact {
                    category: c.name.clone(),
                    severity: at_horizon.get(&(p.id, c.id)).copied().flatten(),
                })
                .collect(),
        };
        affected.push(AffectedProcess {
            process_id: p.id,
            process: p.name.clone(),
            effect,
            path: path.iter().map(|&n| names[n].to_string()).collect(),
            mtpd,
            rto: analysis.and_then(|x| x.rto),
            breach,
            covers,
            horizon: horizon.map(|h| h.label.clone()),
            impact,
        });
    }
    affected.sort_by(|x, y| {
        y.breach
            .map(|m| m.0)
            .cmp(&x.breach.map(|m| m.0))
            .then(
                x.mtpd
                    .map_or(u32::MAX, |m| m.0)
                    .cmp(&y.mtpd.map_or(u32::MAX, |m| m.0)),
            )
            .then(x.process.cmp(&y.process))
    });
    ScenarioOutcome {
        duration,
        lost: starts.iter().map(|&s| names[s].to_string()).collect(),
        breached: affected.iter().filter(|p| p.breach.is_some()).count(),
        affected,
    }
}

#[cfg(test)]
#[path = "scenario_tests.rs"]
mod tests;
