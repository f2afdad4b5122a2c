//! What the assessment says, drawn and written: charts, the executive
//! workbook, the JSON dump.

use std::path::Path;
use std::sync::Arc;

use bia_chart::{ChartKind, ChartOptions, Format};
use bia_excel::export::{Changes, ExportProgress, ExportReport};

use bia_analysis::{Analysis, Comparison, Overview, ScenarioOutcome};
use bia_model::{Assessment, Decision, FieldIssue};

use super::Workbench;
use crate::error::Result;

/// The assessment as the file held it when asked for, and its analysis:
/// what charts and the overview are drawn from, read without the
/// [`Workbench`] (which one thread at a time may hold), so that the
/// desktop draws the Dashboard's four charts side by side once the file
/// is loaded and analysed.
#[derive(Clone)]
pub struct Insight {
    assessment: Arc<Assessment>,
    analysis: Arc<Analysis>,
}

impl Insight {
    /// A chart of the assessment as SVG text or PNG bytes.
    pub fn chart(
        &self,
        kind: ChartKind,
        options: &ChartOptions,
        format: Format,
    ) -> Result<Vec<u8>> {
        crate::charts::render(&self.assessment, &self.analysis, kind, options, format)
    }

    /// Writes a chart to `path`, as SVG or PNG by its extension.
    pub fn save_chart(&self, kind: ChartKind, options: &ChartOptions, path: &Path) -> Result<()> {
        crate::charts::save(&self.assessment, &self.analysis, kind, options, path)
    }

    /// The assessment and its analysis, for the application layer's own
    /// documents (the minutes).
    pub(crate) fn parts(&self) -> (&Assessment, &Analysis) {
        (&self.assessment, &self.analysis)
    }

    /// The assessment at a glance; see [`Workbench::overview`].
    pub fn overview(&self) -> Overview {
        bia_analysis::overview(&self.assessment, &self.analysis)
    }
}

impl Workbench {
    /// The assessment and its analysis as the file holds them now (loaded
    /// and analysed once per change of the file), to read on any thread.
    pub fn insight(&self) -> Result<Insight> {
        Ok(Insight {
            assessment: self.assessment()?,
            analysis: self.analysis()?,
        })
    }

    /// Writes the executive workbook to `path` (.xlsx), reporting progress.
    pub fn export(
        &self,
        path: &Path,
        progress: &mut dyn FnMut(ExportProgress),
    ) -> Result<ExportReport> {
        export(&*self.assessment()?, &self.decisions(None)?, path, progress)
    }

    /// The whole assessment as the stable JSON of `bia dump`.
    pub fn dump_json(&self) -> Result<String> {
        let decisions = self.decisions(None)?;
        let (workshops, actions) = (self.workshops()?, self.actions(None)?);
        let a = self.assessment()?;
        Ok(crate::dump::Dump::new(&a, &decisions)
            .with_workshops(&a, &workshops, &actions)
            .with_questionnaires(&self.questionnaires()?)
            .with_conflicts(&self.conflicts()?)
            .to_json())
    }
}

/// Writes the executive workbook of an assessment already loaded, with its
/// decision log (so a caller can read under its lock and write without it).
pub fn export(
    assessment: &Assessment,
    decisions: &[Decision],
    path: &Path,
    progress: &mut dyn FnMut(ExportProgress),
) -> Result<ExportReport> {
    export_with(assessment, decisions, None, path, progress)
}

/// [`export`], with the Changes sheet last when given a comparison of an
/// earlier state with this one (`Workbench::compare_with`); its title is
/// the comparison's `since()`.
pub fn export_with(
    assessment: &Assessment,
    decisions: &[Decision],
    changes: Option<&Comparison>,
    path: &Path,
    progress: &mut dyn FnMut(ExportProgress),
) -> Result<ExportReport> {
    let label = changes.map(Comparison::since).unwrap_or_default();
    let changes = changes.map(|comparison| Changes {
        comparison,
        label: &label,
    });
    Ok(bia_excel::export::export_with(
        assessment,
        decisions,
        changes.as_ref(),
        path,
        progress,
    )?)
}

impl Workbench {
    /// "If we lose these for this long": every process the loss reaches
    /// through the dependencies, whether the outage breaks its MTPD and by
    /// how much, what may cover it, and its impact at that duration.
    /// `lose` names resources or processes (`kind:NAME` when a name is
    /// both); `duration` is written as people say it ("3d", "36 h").
    pub fn scenario(&self, lose: &[String], duration: &str) -> Result<ScenarioOutcome> {
        let invalid = |field: &str, message: String| crate::Error::Invalid {
            issues: vec![FieldIssue::new(field, message)],
        };
        if lose.iter().all(|n| n.trim().is_empty()) {
            return Err(invalid(
                "lose",
                "Say what is lost: a resource, site, supplier or process (--lose NAME).".into(),
            ));
        }
        let duration = match bia_model::duration::parse_optional(duration) {
            Ok(Some(d)) => d,
            Ok(None) => {
                return Err(invalid(
                    "for",
                    "Say for how long it is lost, e.g. 3d or 36h (--for).".into(),
                ));
            }
            Err(e) => return Err(invalid("for", format!("{duration:?}: {e}"))),
        };
        let assessment = self.assessment()?;
        let lost = lose
            .iter()
            .filter(|n| !n.trim().is_empty())
            .map(|n| {
                self.node_named(n)
                    .map_err(|_| invalid("lose", unknown(&assessment, n)))
            })
            .collect::<Result<Vec<_>>>()?;
        let analysis = self.analysis()?;
        Ok(bia_analysis::run_scenario(
            &assessment,
            &analysis.processes,
            &lost,
            duration,
        ))
    }
}

/// What to say of a name no process or resource has: those it is part
/// of, else where the names are listed.
fn unknown(a: &Assessment, name: &str) -> String {
    let key = bia_model::name_key(name);
    let mut like: Vec<&str> = a
        .processes
        .iter()
        .map(|p| p.name.as_str())
        .chain(a.resources.iter().map(|r| r.name.as_str()))
        .filter(|n| bia_model::name_key(n).contains(&key))
        .collect();
    like.sort_unstable();
    like.truncate(8);
    match like.as_slice() {
        [] => format!(
            "No process or resource is named “{name}” (bia process list and bia resource list \
             give the names)."
        ),
        names => format!(
            "No process or resource is named “{name}”; did you mean: {}?",
            names.join("; ")
        ),
    }
}
