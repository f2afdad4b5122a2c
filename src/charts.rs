//! Charts of the open assessment, drawn from it as loaded and analysed
//! (see `Workbench::assessment`), as SVG for the desktop or PNG/SVG bytes
//! for a file the user named.

use std::path::Path;

use bia_analysis::Analysis;
use bia_chart::{ChartKind, ChartOptions, Format};
use bia_model::Assessment;

use crate::error::{Error, Result};

/// The chart of assessment `a`, whose analysis is `analysis`.
pub fn render(
    a: &Assessment,
    analysis: &Analysis,
    kind: ChartKind,
    options: &ChartOptions,
    format: Format,
) -> Result<Vec<u8>> {
    Ok(bia_chart::render_analysed(
        kind,
        a,
        &analysis.processes,
        options,
        format,
    )?)
}

/// Writes the chart to `path`, as SVG or PNG by its extension.
pub fn save(
    a: &Assessment,
    analysis: &Analysis,
    kind: ChartKind,
    options: &ChartOptions,
    path: &Path,
) -> Result<()> {
    let format = Format::from_path(path).ok_or_else(|| Error::ChartFormat {
        path: path.to_path_buf(),
    })?;
    let bytes = render(a, analysis, kind, options, format)?;
    std::fs::write(path, bytes).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}
