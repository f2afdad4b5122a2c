//! Agreeing recovery objectives: the rules that need the process's scores
//! and the methodology, not just the typed values — an RTO not below the
//! MTPD the scores give (or the agreed one), RTO + WRT beyond it. The
//! store persists what passes; the form's preview comes from here too.

use bia_analysis::{self as analysis, ProcessAnalysis};
use bia_model::{FieldIssue, Id, Objectives, ObjectivesInput, Provenance, duration};
use bia_store::Store;

use crate::error::{Error, Result};

/// What the objectives form shows while the room types.
#[derive(Clone, Debug, PartialEq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ObjectivesCheck {
    /// Every problem, by field; empty when the input can be agreed.
    pub issues: Vec<FieldIssue>,
    /// The process analysed as if the typed values were agreed.
    pub preview: ProcessAnalysis,
}

/// The derived MTPD, tier, violations and flags of one process as it
/// stands in the file.
pub fn analyze_process(store: &Store, process: Id) -> Result<ProcessAnalysis> {
    let objectives = store.objectives(process)?;
    analysis_of(store, process, objectives.as_ref())
}

/// What a form shows as objectives are typed: every problem with `input`
/// (none when it can be agreed), and the process analysed as if the typed
/// values were agreed (the tier an RTO would give, the agreed MTPD).
/// Fields that do not parse are left out of the preview.
pub fn check(store: &Store, process: Id, input: &ObjectivesInput) -> Result<ObjectivesCheck> {
    let issues = match validated(store, process, input, &Provenance::Workshop) {
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
        preview: analysis_of(store, process, Some(&candidate))?,
    })
}

/// Agrees the objectives of a process (replacing what was there) when
/// they parse and fit the analysis; each changed value is appended to the
/// decision log with the rationale.
pub fn agree(
    store: &mut Store,
    process: Id,
    input: &ObjectivesInput,
    provenance: &Provenance,
) -> Result<Objectives> {
    store.ensure_unlocked(process)?;
    let objectives = validated(store, process, input, provenance)?;
    Ok(store.set_objectives(&objectives)?)
}

/// `input` parsed and checked against the analysis of the process.
fn validated(
    store: &Store,
    process: Id,
    input: &ObjectivesInput,
    provenance: &Provenance,
) -> Result<Objectives> {
    let objectives = input
        .parse(process, provenance)
        .map_err(|issues| Error::Invalid { issues })?;
    let analysis = analysis_of(store, process, Some(&objectives))?;
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
    Ok(objectives)
}

/// The analysis of one process with `objectives` as if agreed.
fn analysis_of(
    store: &Store,
    process: Id,
    objectives: Option<&Objectives>,
) -> Result<ProcessAnalysis> {
    let found = store.process(process)?;
    let scores = store.process_impact(process)?.scores;
    let methodology = store.methodology()?;
    let mut analysis =
        analysis::analyze_process(&methodology, process, &found.name, &scores, objectives);
    analysis.claimed_tier = analysis::tier_claim(&methodology, &found, &analysis);
    Ok(analysis)
}
