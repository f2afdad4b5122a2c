//! Why the executive workbook could not be written: the wrong extension,
//! a chart that could not be drawn, the writer failing, or the file
//! system refusing the file. Each names the file.

use std::path::PathBuf;

use bia_chart::ChartError;

pub type Result<T, E = ExportError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{}: export the workbook as .xlsx", path.display())]
    Format { path: PathBuf },

    #[error("{}: the workbook could not be written: {message}", path.display())]
    Write { path: PathBuf, message: String },

    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error(transparent)]
    Chart(#[from] ChartError),
}

impl ExportError {
    /// A stable code for programs.
    pub fn code(&self) -> &'static str {
        match self {
            ExportError::Format { .. } => "export_format",
            ExportError::Write { .. } => "export",
            ExportError::Io { .. } => "io",
            ExportError::Chart(e) => e.code(),
        }
    }

    /// Structured context: the file.
    pub fn details(&self) -> serde_json::Value {
        match self {
            ExportError::Format { path }
            | ExportError::Write { path, .. }
            | ExportError::Io { path, .. } => serde_json::json!({ "path": path }),
            ExportError::Chart(_) => serde_json::Value::Null,
        }
    }
}

/// Every code an export error can carry.
pub fn codes() -> impl Iterator<Item = &'static str> {
    ["export_format", "export", "io"]
        .into_iter()
        .chain(bia_chart::error_codes())
}
