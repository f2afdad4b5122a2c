//! The assessment at a glance, from its analysis: what an executive reads
//! first on the Dashboard (and `bia overview` prints). Counts and a short
//! list only, so that a screen showing them never carries the analysis of
//! every process across to the window.

use serde::Serialize;
use ts_rs::TS;

use bia_model::{Assessment, Id, Minutes};

use super::{Analysis, ProcessAnalysis, TierRef};

/// How many processes the overview names as the most time-critical.
pub const CRITICAL_SHOWN: usize = 5;

/// Processes of one tier of the methodology.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TierCount {
    pub tier: TierRef,
    pub processes: u32,
}

/// One of the most time-critical processes.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CriticalProcess {
    pub process_id: Id,
    pub name: String,
    /// The agreed MTPD (the override, else the derived value).
    pub mtpd: Minutes,
    pub rto: Option<Minutes>,
    pub tier: Option<TierRef>,
    /// Gaps whose chain starts at this process.
    pub gaps: u32,
}

/// The assessment at a glance.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Overview {
    pub processes: u32,
    /// Every tier of the methodology, most urgent first, with its count
    /// (zero included, so a chart of them keeps its shape).
    pub tiers: Vec<TierCount>,
    /// Processes with no tier: no RTO agreed yet.
    pub untiered: u32,
    /// Processes with no MTPD: impact not scored, or never reaching the
    /// threshold within the horizons.
    pub without_mtpd: u32,
    /// Recovery gaps: dependencies slower (or losing more data) than
    /// required, upstream processes too slow, unknown capabilities.
    pub gaps: u32,
    /// Of those, resources whose recovery capability is unknown.
    pub gaps_unknown: u32,
    /// Processes with at least one gap in their dependency chains.
    pub processes_with_gaps: u32,
    pub single_points_of_failure: u32,
    /// Processes whose objectives break a rule (RTO not below the MTPD, …).
    pub processes_with_violations: u32,
    /// The most time-critical processes (shortest agreed MTPD, then tier,
    /// then name), at most [`CRITICAL_SHOWN`].
    pub critical: Vec<CriticalProcess>,
}

/// Processes most time-critical first: by agreed MTPD, then tier, then
/// name; a process with no MTPD or tier after those that have one. The
/// order of the charts' rows and of the overview's critical processes.
pub fn most_critical(processes: &[ProcessAnalysis]) -> Vec<&ProcessAnalysis> {
    let mut ordered: Vec<&ProcessAnalysis> = processes.iter().collect();
    ordered.sort_by(|x, y| {
        let key = |p: &ProcessAnalysis| {
            (
                p.mtpd.map_or(u32::MAX, |m| m.0),
                p.tier.as_ref().map_or(u8::MAX, |t| t.rank),
            )
        };
        key(x).cmp(&key(y)).then_with(|| x.process.cmp(&y.process))
    });
    ordered
}

/// The overview of an assessment from its analysis.
pub fn overview(a: &Assessment, analysis: &Analysis) -> Overview {
    let processes = &analysis.processes;
    let mut tiers: Vec<TierCount> = a
        .methodology
        .tiers
        .iter()
        .map(|t| TierCount {
            tier: TierRef {
                rank: t.rank,
                name: t.name.clone(),
            },
            processes: 0,
        })
        .collect();
    let mut untiered = 0;
    for p in processes {
        match p
            .tier
            .as_ref()
            .and_then(|t| tiers.iter_mut().find(|c| c.tier.rank == t.rank))
        {
            Some(count) => count.processes += 1,
            None => untiered += 1,
        }
    }
    let gaps = &analysis.dependencies.gaps;
    let mut gaps_of: std::collections::HashMap<Id, u32> = std::collections::HashMap::new();
    for id in gaps.iter().filter_map(|g| g.source_process_id) {
        *gaps_of.entry(id).or_default() += 1;
    }
    let critical = most_critical(processes)
        .into_iter()
        .filter_map(|p| {
            Some(CriticalProcess {
                process_id: p.process_id,
                name: p.process.clone(),
                mtpd: p.mtpd?,
                rto: p.rto,
                tier: p.tier.clone(),
                gaps: gaps_of.get(&p.process_id).copied().unwrap_or(0),
            })
        })
        .take(CRITICAL_SHOWN)
        .collect();
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Overview {
        processes: count(processes.len()),
        tiers,
        untiered,
        without_mtpd: count(processes.iter().filter(|p| p.mtpd.is_none()).count()),
        gaps: count(gaps.len()),
        gaps_unknown: count(
            gaps.iter()
                .filter(|g| g.kind == super::GapKind::UnknownCapability)
                .count(),
        ),
        processes_with_gaps: count(gaps_of.len()),
        single_points_of_failure: count(analysis.dependencies.spofs.len()),
        processes_with_violations: count(
            processes
                .iter()
                .filter(|p| !p.violations.is_empty())
                .count(),
        ),
        critical,
    }
}
