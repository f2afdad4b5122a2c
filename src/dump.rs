//! The whole assessment as JSON (`bia dump`): a stable, documented format
//! for scripts. Top-level keys are `format`, `assessment`, `methodology`,
//! `units`, `processes`, `impacts`, `decisions`, `resources`, `dependencies`,
//! `workshops`, `actions`, `questionnaires` and `conflicts`; later versions add keys and never
//! rename these.
//! See `docs/dump-format.md`.

use serde::Serialize;
use serde_json::{Map, Value};

use bia_analysis::{
    self as analysis, Analysis, Cycle, DecreasingRow, GapKind, MtpdReason, SinglePointOfFailure,
    TierClaim, Violation,
};
use bia_model::{
    Action, ActionKind, ActionStatus, AgendaStatus, Assessment, AssessmentInfo, Decision,
    Methodology, Redundancy, ResourceKind, Status, Strength, Workshop, WorkshopStatus,
};

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
    pub resources: Vec<DumpResource<'a>>,
    /// `from` relies on `to`, by id.
    pub dependencies: Vec<DumpDependency<'a>>,
    /// Workshops, the latest first (see [`Dump::with_workshops`]).
    pub workshops: Vec<DumpWorkshop>,
    /// Actions and open questions, open ones first.
    pub actions: Vec<DumpAction>,
    /// Questionnaires sent, the latest first (see
    /// [`Dump::with_questionnaires`]).
    pub questionnaires: Vec<DumpQuestionnaire>,
    /// Conflicts found merging copies, the unresolved first (see
    /// [`Dump::with_conflicts`]).
    pub conflicts: Vec<DumpConflict>,
}

#[derive(Serialize)]
pub struct DumpConflict {
    pub id: String,
    /// field, edited_deleted, deleted_edited or same_name.
    pub kind: &'static str,
    pub area: String,
    pub subject: String,
    pub field: String,
    pub mine: String,
    pub theirs: String,
    pub base: String,
    /// Who holds the copy it came from.
    pub from: String,
    pub found_at: String,
    /// null while unresolved; else mine, theirs, typed or both.
    pub resolution: Option<&'static str>,
    pub resolved_value: String,
    pub resolved_by: String,
    pub resolved_at: String,
}

#[derive(Serialize)]
pub struct DumpQuestionnaire {
    pub id: String,
    /// The owner's name, or the unit's path.
    pub recipient: String,
    /// The processes' names (as sent, for one deleted since).
    pub processes: Vec<String>,
    pub sent_on: String,
    pub due: String,
    /// Empty until returned.
    pub returned_on: String,
    /// sent, overdue, returned, applied or withdrawn.
    pub status: &'static str,
}

#[derive(Serialize)]
pub struct DumpWorkshop {
    pub id: String,
    pub title: String,
    pub date: String,
    pub start_time: String,
    pub place: String,
    pub facilitator: String,
    pub scribe: String,
    pub status: WorkshopStatus,
    pub started_at: String,
    pub finished_at: String,
    pub participants: Vec<DumpParticipant>,
    pub agenda: Vec<DumpAgendaItem>,
    pub signoffs: Vec<DumpSignoff>,
}

#[derive(Serialize)]
pub struct DumpParticipant {
    pub name: String,
    pub role: String,
    pub unit: String,
    pub present: bool,
}

#[derive(Serialize)]
pub struct DumpAgendaItem {
    /// The process's name.
    pub process: String,
    pub status: AgendaStatus,
    pub timebox_minutes: u32,
    pub spent_minutes: u32,
    pub notes: String,
}

#[derive(Serialize)]
pub struct DumpSignoff {
    pub process: String,
    pub by: Vec<String>,
    pub at: String,
}

#[derive(Serialize)]
pub struct DumpAction {
    pub id: String,
    /// The workshop's title, or null when raised outside any.
    pub workshop: Option<String>,
    pub text: String,
    pub kind: ActionKind,
    pub owner: String,
    /// YYYY-MM-DD, or "".
    pub due: String,
    pub status: ActionStatus,
    /// The process's name, or null.
    pub process: Option<String>,
    /// The resource's name, or null.
    pub resource: Option<String>,
}

#[derive(Serialize)]
pub struct DumpResource<'a> {
    pub id: String,
    pub name: &'a str,
    pub kind: ResourceKind,
    pub owner: &'a str,
    pub description: &'a str,
    pub rto_capability_minutes: Option<u32>,
    pub rpo_capability_minutes: Option<u32>,
    pub redundancy: Redundancy,
    pub contractual_recovery_minutes: Option<u32>,
    pub notes: &'a str,
    pub custom_fields: Map<String, Value>,
}

#[derive(Serialize)]
pub struct DumpDependency<'a> {
    pub from: String,
    pub to: String,
    pub strength: Strength,
    pub note: &'a str,
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
    /// The name of the tier the process's claimed tier reads as, if any.
    pub claimed_tier: Option<String>,
    /// Where the claimed tier and the tier from the RTO disagree, or the
    /// claim names no tier: the finding's message.
    pub claimed_tier_finding: Option<String>,
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
    /// The tier claimed for the process, as written ("" for none).
    pub claimed_tier: &'a str,
    pub status: Status,
    pub custom_fields: Map<String, Value>,
    pub impact_rationale: &'a str,
    pub objectives: DumpObjectives<'a>,
}

impl<'a> Dump<'a> {
    /// The dump of `a`, with its decision log `decisions` (oldest first).
    pub fn new(a: &'a Assessment, decisions: &'a [Decision]) -> Dump<'a> {
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
                    claimed_tier: &p.claimed_tier,
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
                            claimed_tier: an
                                .claimed_tier
                                .as_ref()
                                .and_then(|c| c.tier.as_ref())
                                .map(|t| t.name.clone()),
                            claimed_tier_finding: an
                                .claimed_tier
                                .as_ref()
                                .and_then(|c| c.finding.as_ref())
                                .map(|f| f.message.clone()),
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
            decisions,
            resources: a
                .resources
                .iter()
                .map(|r| DumpResource {
                    id: r.id.to_string(),
                    name: &r.name,
                    kind: r.kind,
                    owner: &r.owner,
                    description: &r.description,
                    rto_capability_minutes: r.rto_capability.map(|m| m.0),
                    rpo_capability_minutes: r.rpo_capability.map(|m| m.0),
                    redundancy: r.redundancy,
                    contractual_recovery_minutes: r.contractual_recovery.map(|m| m.0),
                    notes: &r.notes,
                    custom_fields: r
                        .custom_fields
                        .iter()
                        .map(|f| (f.name.clone(), Value::String(f.value.clone())))
                        .collect(),
                })
                .collect(),
            dependencies: a
                .dependencies
                .iter()
                .map(|d| DumpDependency {
                    from: d.from.id().to_string(),
                    to: d.to.id().to_string(),
                    strength: d.strength,
                    note: &d.note,
                })
                .collect(),
            workshops: Vec::new(),
            actions: Vec::new(),
            questionnaires: Vec::new(),
            conflicts: Vec::new(),
        }
    }

    /// Adds the conflicts merges found.
    pub fn with_conflicts(mut self, list: &[bia_model::Conflict]) -> Dump<'a> {
        self.conflicts = list
            .iter()
            .map(|c| DumpConflict {
                id: c.id.to_string(),
                kind: c.kind.as_str(),
                area: c.area.clone(),
                subject: c.subject.clone(),
                field: c.field.clone(),
                mine: c.mine.clone(),
                theirs: c.theirs.clone(),
                base: c.base.clone(),
                from: c.from_holder.clone(),
                found_at: c.found_at.clone(),
                resolution: c.resolution.map(|r| r.as_str()),
                resolved_value: c.resolved_value.clone(),
                resolved_by: c.resolved_by.clone(),
                resolved_at: c.resolved_at.clone(),
            })
            .collect();
        self
    }

    /// Adds the questionnaires sent.
    pub fn with_questionnaires(mut self, list: &[bia_model::Questionnaire]) -> Dump<'a> {
        self.questionnaires = list
            .iter()
            .map(|q| DumpQuestionnaire {
                id: q.id.to_string(),
                recipient: q.recipient.clone(),
                processes: q.processes.iter().map(|p| p.name.clone()).collect(),
                sent_on: q.sent_on.clone(),
                due: q.due.clone(),
                returned_on: q.returned_on.clone(),
                status: q.status.as_str(),
            })
            .collect();
        self
    }

    /// Adds the workshops and the actions (`a` names their processes).
    pub fn with_workshops(
        mut self,
        a: &Assessment,
        workshops: &[Workshop],
        actions: &[Action],
    ) -> Dump<'a> {
        let process = |id: bia_model::Id| {
            a.processes
                .iter()
                .find(|p| p.id == id)
                .map_or_else(|| "(deleted process)".to_string(), |p| p.name.clone())
        };
        self.workshops = workshops
            .iter()
            .map(|w| DumpWorkshop {
                id: w.id.to_string(),
                title: w.title.clone(),
                date: w.date.clone(),
                start_time: w.start_time.clone(),
                place: w.place.clone(),
                facilitator: w.facilitator.clone(),
                scribe: w.scribe.clone(),
                status: w.status,
                started_at: w.started_at.clone(),
                finished_at: w.finished_at.clone(),
                participants: w
                    .participants
                    .iter()
                    .map(|p| DumpParticipant {
                        name: p.name.clone(),
                        role: p.role.clone(),
                        unit: p.unit.clone(),
                        present: p.present,
                    })
                    .collect(),
                agenda: w
                    .agenda
                    .iter()
                    .map(|i| DumpAgendaItem {
                        process: process(i.process_id),
                        status: i.status,
                        timebox_minutes: i.timebox_minutes,
                        spent_minutes: (i.spent_seconds + 30) / 60,
                        notes: i.notes.clone(),
                    })
                    .collect(),
                signoffs: w
                    .signoffs
                    .iter()
                    .map(|s| DumpSignoff {
                        process: process(s.process_id),
                        by: s.by.clone(),
                        at: s.at.clone(),
                    })
                    .collect(),
            })
            .collect();
        self.actions = actions
            .iter()
            .map(|x| DumpAction {
                id: x.id.to_string(),
                workshop: x
                    .workshop_id
                    .and_then(|id| workshops.iter().find(|w| w.id == id))
                    .map(|w| w.title.clone()),
                text: x.text.clone(),
                kind: x.kind,
                owner: x.owner.clone(),
                due: x.due.clone(),
                status: x.status,
                process: x.process_id.map(process),
                resource: x.resource_id.map(|r| {
                    a.resources
                        .iter()
                        .find(|res| res.id == r)
                        .map_or_else(|| "(deleted resource)".to_string(), |res| res.name.clone())
                }),
            })
            .collect();
        self
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
    pub resources: Vec<ResourceRequirementJson<'a>>,
    pub upstream: Vec<UpstreamRequirementJson<'a>>,
    pub gaps: Vec<GapJson<'a>>,
    pub spofs: &'a [SinglePointOfFailure],
    pub cycles: &'a [Cycle],
    pub orphans: &'a [String],
}

#[derive(Serialize)]
pub struct ResourceRequirementJson<'a> {
    pub id: String,
    pub name: &'a str,
    pub required_rto_minutes: Option<u32>,
    pub rto_chain: &'a [String],
    pub required_rpo_minutes: Option<u32>,
    pub rpo_chain: &'a [String],
}

#[derive(Serialize)]
pub struct UpstreamRequirementJson<'a> {
    pub process: &'a str,
    pub required_rto_minutes: Option<u32>,
    pub rto_chain: &'a [String],
}

#[derive(Serialize)]
pub struct GapJson<'a> {
    pub kind: GapKind,
    pub subject: &'a str,
    pub required_minutes: Option<u32>,
    pub capability_minutes: Option<u32>,
    pub gap_minutes: Option<u32>,
    pub chain: &'a [String],
    pub message: &'a str,
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
    /// The tier claimed, how it reads and any finding; absent when none is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claimed_tier: Option<&'a TierClaim>,
    pub violations: &'a [Violation],
    pub decreasing: &'a [DecreasingRow],
    pub scored_cells: u32,
    pub total_cells: u32,
}

impl<'a> AnalysisJson<'a> {
    pub fn new(analysis: &'a Analysis) -> AnalysisJson<'a> {
        let d = &analysis.dependencies;
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
                    claimed_tier: p.claimed_tier.as_ref(),
                    violations: &p.violations,
                    decreasing: &p.decreasing,
                    scored_cells: p.scored_cells,
                    total_cells: p.total_cells,
                })
                .collect(),
            resources: d
                .resources
                .iter()
                .map(|r| ResourceRequirementJson {
                    id: r.resource_id.to_string(),
                    name: &r.name,
                    required_rto_minutes: r.required_rto.map(|m| m.0),
                    rto_chain: &r.rto_chain,
                    required_rpo_minutes: r.required_rpo.map(|m| m.0),
                    rpo_chain: &r.rpo_chain,
                })
                .collect(),
            upstream: d
                .upstream
                .iter()
                .map(|u| UpstreamRequirementJson {
                    process: &u.name,
                    required_rto_minutes: u.required_rto.map(|m| m.0),
                    rto_chain: &u.rto_chain,
                })
                .collect(),
            gaps: d
                .gaps
                .iter()
                .map(|g| GapJson {
                    kind: g.kind,
                    subject: &g.subject,
                    required_minutes: g.required_minutes,
                    capability_minutes: g.capability_minutes,
                    gap_minutes: g.gap_minutes,
                    chain: &g.chain,
                    message: &g.message,
                })
                .collect(),
            spofs: &d.spofs,
            cycles: &d.cycles,
            orphans: &d.orphans,
        }
    }
}

/// `bia gaps --json`: the findings the Gaps screen lists — gaps, single
/// points of failure, loops, orphan resources, and claimed tiers that the
/// agreed RTOs do not bear out.
#[derive(Serialize)]
pub struct GapsJson<'a> {
    pub format: &'static str,
    pub gaps: Vec<GapJson<'a>>,
    pub spofs: &'a [SinglePointOfFailure],
    pub cycles: &'a [Cycle],
    pub orphans: &'a [String],
    pub claimed_tiers: Vec<ClaimedTierJson<'a>>,
}

/// A process whose claimed tier differs from the tier its RTO gives
/// (`claimed_tier_differs`), or names no tier (`claimed_tier_unread`).
#[derive(Serialize)]
pub struct ClaimedTierJson<'a> {
    pub process: &'a str,
    /// As written ("P1").
    pub text: &'a str,
    /// The tier it reads as, if any.
    pub claimed: Option<&'a str>,
    /// The tier the agreed RTO gives.
    pub derived: Option<&'a str>,
    pub code: &'a str,
    pub message: &'a str,
}

impl<'a> GapsJson<'a> {
    pub fn new(analysis: &'a Analysis) -> GapsJson<'a> {
        let all = AnalysisJson::new(analysis);
        GapsJson {
            format: FORMAT,
            gaps: all.gaps,
            spofs: all.spofs,
            cycles: all.cycles,
            orphans: all.orphans,
            claimed_tiers: analysis
                .processes
                .iter()
                .filter_map(|p| {
                    let claim = p.claimed_tier.as_ref()?;
                    let finding = claim.finding.as_ref()?;
                    Some(ClaimedTierJson {
                        process: &p.process,
                        text: &claim.text,
                        claimed: claim.tier.as_ref().map(|t| t.name.as_str()),
                        derived: p.tier.as_ref().map(|t| t.name.as_str()),
                        code: &finding.code,
                        message: &finding.message,
                    })
                })
                .collect(),
        }
    }
}
