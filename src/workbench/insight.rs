//! What the assessment says, drawn and written: charts, the executive
//! workbook, the JSON dump.

use std::path::Path;

use bia_chart::{ChartKind, ChartOptions, Format};
use bia_excel::export::{ExportProgress, ExportReport};

use bia_model::{Assessment, Decision};

use super::Workbench;
use crate::error::Result;

impl Workbench {
    /// A chart of the assessment as SVG text or PNG bytes.
    pub fn chart(
        &self,
        kind: ChartKind,
        options: &ChartOptions,
        format: Format,
    ) -> Result<Vec<u8>> {
        crate::charts::render(
            &*self.assessment()?,
            &*self.analysis()?,
            kind,
            options,
            format,
        )
    }

    /// Writes a chart to `path`, as SVG or PNG by its extension.
    pub fn save_chart(&self, kind: ChartKind, options: &ChartOptions, path: &Path) -> Result<()> {
        crate::charts::save(
            &*self.assessment()?,
            &*self.analysis()?,
            kind,
            options,
            path,
        )
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
        Ok(crate::dump::Dump::new(&*self.assessment()?, &decisions).to_json())
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
    Ok(bia_excel::export::export(
        assessment, decisions, path, progress,
    )?)
}
