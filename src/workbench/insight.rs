//! What the assessment says, drawn and written: charts, the executive
//! workbook, the JSON dump.

use std::path::Path;
use std::sync::Arc;

use bia_chart::{ChartKind, ChartOptions, Format};
use bia_excel::export::{Changes, ExportProgress, ExportReport};

use bia_analysis::{Analysis, Comparison, Overview};
use bia_model::{Assessment, Decision};

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
