//! The one error shape that crosses IPC: `{code, message, details}`, built
//! from the core's typed error. The UI switches on `code` and shows
//! `message`; it never parses text.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct ApiError {
    /// Stable machine-readable code (`duplicate_process`, `locked`, …):
    /// one of [`error_codes`], a union the UI switches on.
    #[ts(type = "import(\"./ErrorCode\").ErrorCode")]
    pub code: String,
    /// One sentence for the user.
    pub message: String,
    /// Structured context, e.g. `{ "issues": [{ "field", "message" }] }`.
    #[ts(type = "unknown")]
    pub details: serde_json::Value,
}

/// The shell's own failures, which have no core error behind them.
#[derive(Clone, Copy, Debug, strum::IntoStaticStr, strum::EnumIter)]
#[strum(serialize_all = "snake_case")]
pub enum ShellCode {
    /// The app's state is unusable (a thread panicked holding it).
    Internal,
    NoAssessment,
    /// The app's data folder could not be used.
    Io,
    /// A chart came back as something other than SVG text.
    Chart,
    /// The file manager could not show a file.
    Reveal,
    /// A cell of the workbook being previewed was asked of a sheet it lacks.
    NoSuchSheet,
    /// A page of an import's plan was asked for a workbook not being previewed.
    NotPlanned,
    /// The audience window could not open, move or close.
    Window,
    /// The tier movement was asked for before anything was compared.
    NotCompared,
}

impl ApiError {
    /// For the shell's own failures that have no core error behind them.
    pub fn new(code: ShellCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code: <&str>::from(code).to_string(),
            message: message.into(),
            details: serde_json::Value::Null,
        }
    }

    pub fn no_assessment() -> ApiError {
        ApiError::new(ShellCode::NoAssessment, "No assessment is open.")
    }

    pub fn poisoned() -> ApiError {
        ApiError::new(ShellCode::Internal, "The app state is poisoned.")
    }
}

/// Every code an `ApiError` can carry: the application layer's and the
/// shell's own, sorted, each once.
pub fn error_codes() -> Vec<&'static str> {
    let mut all = bia::Error::codes();
    all.extend(<ShellCode as strum::IntoEnumIterator>::iter().map(<&str>::from));
    all.sort_unstable();
    all.dedup();
    all
}

impl From<bia::Error> for ApiError {
    fn from(err: bia::Error) -> ApiError {
        ApiError {
            code: err.code().to_string(),
            message: err.to_string(),
            details: err.details(),
        }
    }
}

/// Every layer's error crosses as the application layer's.
macro_rules! from_layer {
    ($($t:ty),*) => {$(
        impl From<$t> for ApiError {
            fn from(err: $t) -> ApiError {
                ApiError::from(bia::Error::from(err))
            }
        }
    )*};
}

from_layer!(
    bia::store::Error,
    bia::excel::import::ImportError,
    bia::excel::export::ExportError,
    bia::chart::ChartError,
    bia::model::UnknownName
);

pub type ApiResult<T> = Result<T, ApiError>;
