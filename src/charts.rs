//! Charts of the open assessment: drawn from a fresh load of the file, as
//! SVG for the desktop or PNG/SVG bytes for a file the user named.

use std::path::Path;

use bia_chart::{ChartKind, ChartOptions, Format};
use bia_store::Store;

use crate::error::{Error, Result};

/// The chart of the assessment in `store`.
pub fn render(
    store: &Store,
    kind: ChartKind,
    options: &ChartOptions,
    format: Format,
) -> Result<Vec<u8>> {
    Ok(bia_chart::render(kind, &store.load()?, options, format)?)
}

/// Writes the chart to `path`, as SVG or PNG by its extension.
pub fn save(store: &Store, kind: ChartKind, options: &ChartOptions, path: &Path) -> Result<()> {
    let format = Format::from_path(path).ok_or_else(|| Error::ChartFormat {
        path: path.to_path_buf(),
    })?;
    let bytes = render(store, kind, options, format)?;
    std::fs::write(path, bytes).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}
