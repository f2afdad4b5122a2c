//! The one error shape that crosses IPC: `{code, message, details}`, built
//! from the core's typed error. The UI switches on `code` and shows
//! `message`; it never parses text.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct ApiError {
    /// Stable machine-readable code (`duplicate_process`, `locked`, …).
    pub code: String,
    /// One sentence for the user.
    pub message: String,
    /// Structured context, e.g. `{ "issues": [{ "field", "message" }] }`.
    #[ts(type = "unknown")]
    pub details: serde_json::Value,
}

impl ApiError {
    /// For the shell's own failures that have no core error behind them.
    pub fn new(code: &str, message: impl Into<String>) -> ApiError {
        ApiError {
            code: code.to_string(),
            message: message.into(),
            details: serde_json::Value::Null,
        }
    }

    pub fn no_assessment() -> ApiError {
        ApiError::new("no_assessment", "No assessment is open.")
    }
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
