//! The whole assessment as JSON (`bia dump`): a stable, documented format
//! for scripts. Top-level keys are `format`, `assessment`, `methodology`,
//! `units` and `processes`; later versions add keys and never rename these.
//! See `docs/dump-format.md`.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::analysis::{self, Analysis, DecreasingRow, MtpdReason, Violation};
use crate::model::{Assessment, AssessmentInfo, Decision, Methodology, Status};

/// The value of the `format` key.
pub const FORMAT: &str = "bia-workbench/1";

#[derive(Serialize)]
pub struct Dump<'a> {
    pub format: &'static str,
    pub assessment: &'a AssessmentInfo,
    pub methodology: &'a Methodology,
    pub units: Vec<DumpUnit<'a>>,
    pub processes: Vec<DumpProcess<'a>>,
    /// Every scored cell, by names.
    pub impacts: Vec<DumpImpact<'a>>,
    /// The decision log, oldest first.
    pub decisions: &'a [Decision],
}

#[derive(Serialize)]
pub struct DumpImpact<'a> {
    pub process: &'a str,
    pub category: &'a str,
    pub horizon_minutes: u32,
    pub severity: u8,
    pub note: &'a str,
}

/// A process's objectives, agreed and derived; durations in minutes,
/// null where not set.
#[derive(Serialize)]
pub struct DumpObjectives<'a> {
    pub mtpd_derived_minutes: Option<u32>,
    pub mtpd_minutes: Option<u32>,
    pub mtpd_override_reason: &'a str,
    pub rto_minutes: Option<u32>,
    pub rpo_minutes: Option<u32>,
    pub rpo_not_applicable: bool,
    pub wrt_minutes: Option<u32>,
    pub mbco_percent: Option<u8>,
    /// The tier's name, from the RTO.
    pub tier: Option<String>,
    pub rationale: &'a str,
    pub agreed_by: &'a str,
    pub agreed_on: &'a str,
}

#[derive(Serialize)]
pub struct DumpUnit<'a> {
    pub id: String,
    pub name: &'a str,
    /// The parent unit's name, if any.
    pub parent: Option<&'a str>,
}

#[derive(Serialize)]
pub struct DumpProcess<'a> {
    pub id: String,
    pub name: &'a str,
    /// The unit's name, if any.
    pub unit: Option<&'a str>,
    pub owner: &'a str,
    pub description: &'a str,
    pub peak_periods: &'a str,
    pub minimum_staff: Option<u32>,
    pub workaround: &'a str,
    pub notes: &'a str,
    pub status: Status,
    pub custom_fields: Map<String, Value>,
    pub impact_rationale: &'a str,
    pub objectives: DumpObjectives<'a>,
}

impl<'a> Dump<'a> {
    pub fn new(a: &'a Assessment) -> Dump<'a> {
        let unit_name = |id| a.unit(id).map(|u| u.name.as_str());
        let analysis = analysis::analyze(a);
        let process_name = |id| {
            a.processes
                .iter()
                .find(|p| p.id == id)
                .map_or("", |p| p.name.as_str())
        };
        let category_name = |id| {
            a.methodology
                .categories
                .iter()
                .find(|c| c.id == id)
                .map_or("", |c| c.name.as_str())
        };
        let horizon_minutes = |id| {
            a.methodology
                .horizons
                .iter()
                .find(|h| h.id == id)
                .map_or(0, |h| h.minutes.0)
        };
        Dump {
            format: FORMAT,
            assessment: &a.info,
            methodology: &a.methodology,
            units: a
                .units
                .iter()
                .map(|u| DumpUnit {
                    id: u.id.to_string(),
                    name: &u.name,
                    parent: u.parent_id.and_then(unit_name),
                })
                .collect(),
            processes: a
                .processes
                .iter()
                .zip(&analysis.processes)
                .map(|(p, an)| DumpProcess {
                    id: p.id.to_string(),
                    name: &p.name,
                    unit: p.unit_id.and_then(unit_name),
                    owner: &p.owner,
                    description: &p.description,
                    peak_periods: &p.peak_periods,
                    minimum_staff: p.minimum_staff,
                    workaround: &p.workaround,
                    notes: &p.notes,
                    status: p.status,
                    custom_fields: p
                        .custom_fields
                        .iter()
                        .map(|f| (f.name.clone(), Value::String(f.value.clone())))
                        .collect(),
                    impact_rationale: a
                        .impact_rationales
                        .iter()
                        .find(|(id, _)| *id == p.id)
                        .map_or("", |(_, r)| r.as_str()),
                    objectives: {
                        let o = a.objectives.iter().find(|o| o.process_id == p.id);
                        DumpObjectives {
                            mtpd_derived_minutes: an.mtpd_derived.map(|m| m.0),
                            mtpd_minutes: an.mtpd.map(|m| m.0),
                            mtpd_override_reason: o.map_or("", |o| o.mtpd_override_reason.as_str()),
                            rto_minutes: an.rto.map(|m| m.0),
                            rpo_minutes: an.rpo.map(|m| m.0),
                            rpo_not_applicable: an.rpo_not_applicable,
                            wrt_minutes: an.wrt.map(|m| m.0),
                            mbco_percent: an.mbco_percent,
                            tier: an.tier.as_ref().map(|t| t.name.clone()),
                            rationale: o.map_or("", |o| o.rationale.as_str()),
                            agreed_by: o.map_or("", |o| o.agreed_by.as_str()),
                            agreed_on: o.map_or("", |o| o.agreed_on.as_str()),
                        }
                    },
                })
                .collect(),
            impacts: a
                .scores
                .iter()
                .filter_map(|s| {
                    Some(DumpImpact {
                        process: process_name(s.process_id),
                        category: category_name(s.category_id),
                        horizon_minutes: horizon_minutes(s.horizon_id),
                        severity: s.severity?,
                        note: &s.note,
                    })
                })
                .collect(),
            decisions: &a.decisions,
        }
    }

    /// Pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a dump is always serialisable")
    }
}

/// `bia analyze --json`: per process, the derived and agreed MTPD, the
/// objectives, the tier and what is wrong. Durations in minutes.
#[derive(Serialize)]
pub struct AnalysisJson<'a> {
    pub format: &'static str,
    pub processes: Vec<ProcessAnalysisJson<'a>>,
}

#[derive(Serialize)]
pub struct ProcessAnalysisJson<'a> {
    pub process: &'a str,
    pub mtpd_derived_minutes: Option<u32>,
    pub mtpd_reason: Option<&'a MtpdReason>,
    pub mtpd_minutes: Option<u32>,
    pub mtpd_overridden: bool,
    pub rto_minutes: Option<u32>,
    pub rpo_minutes: Option<u32>,
    pub rpo_not_applicable: bool,
    pub wrt_minutes: Option<u32>,
    pub mbco_percent: Option<u8>,
    pub tier: Option<&'a str>,
    pub violations: &'a [Violation],
    pub decreasing: &'a [DecreasingRow],
    pub scored_cells: u32,
    pub total_cells: u32,
}

impl<'a> AnalysisJson<'a> {
    pub fn new(analysis: &'a Analysis) -> AnalysisJson<'a> {
        AnalysisJson {
            format: FORMAT,
            processes: analysis
                .processes
                .iter()
                .map(|p| ProcessAnalysisJson {
                    process: &p.process,
                    mtpd_derived_minutes: p.mtpd_derived.map(|m| m.0),
                    mtpd_reason: p.mtpd_reason.as_ref(),
                    mtpd_minutes: p.mtpd.map(|m| m.0),
                    mtpd_overridden: p.mtpd_overridden,
                    rto_minutes: p.rto.map(|m| m.0),
                    rpo_minutes: p.rpo.map(|m| m.0),
                    rpo_not_applicable: p.rpo_not_applicable,
                    wrt_minutes: p.wrt.map(|m| m.0),
                    mbco_percent: p.mbco_percent,
                    tier: p.tier.as_ref().map(|t| t.name.as_str()),
                    violations: &p.violations,
                    decreasing: &p.decreasing,
                    scored_cells: p.scored_cells,
                    total_cells: p.total_cells,
                })
                .collect(),
        }
    }
}
