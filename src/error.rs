//! The application layer's error: every way a user action can fail, from
//! whichever layer refused it, with one stable code.
//!
//! Each layer has its own typed error (`bia_store::Error`,
//! `bia_excel::import::ImportError`, `bia_excel::export::ExportError`,
//! `bia_chart::ChartError`, `bia_model::UnknownName`); this one wraps them
//! and adds the refusals that need the whole assessment (objectives that
//! break the analysis). [`Error::code`] and [`Error::details`] are what the
//! desktop shell sends across IPC as `{code, message, details}` and what
//! `bia --json` prints: the UI switches on the code and never parses the
//! message. [`Error::codes`] lists every code, for the UI's generated union.

use bia_chart::ChartError;
use bia_excel::export::ExportError;
use bia_excel::import::ImportError;
use bia_model::{FieldIssue, UnknownName};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] bia_store::Error),

    #[error(transparent)]
    Import(#[from] ImportError),

    #[error(transparent)]
    Export(#[from] ExportError),

    #[error(transparent)]
    Chart(#[from] ChartError),

    #[error(transparent)]
    Unknown(#[from] UnknownName),

    #[error(transparent)]
    Document(#[from] bia_documents::DocumentError),

    /// A chart saved under a name that is neither .svg nor .png.
    #[error("{}: save a chart as .svg or .png", path.display())]
    ChartFormat { path: std::path::PathBuf },

    /// Minutes saved under a name that is neither .xlsx nor .pdf.
    #[error("{}: save the minutes as .xlsx or .pdf", path.display())]
    MinutesFormat { path: std::path::PathBuf },

    /// A file an action writes (a chart) could not be written.
    #[error("{}: {source}", path.display())]
    Io {
        path: std::path::PathBuf,
        source: std::io::Error,
    },

    /// A questionnaire sent about no process.
    #[error("Pick at least one process to send a questionnaire about.")]
    NothingToSend,

    /// Processes with nobody to send their questionnaire to.
    #[error(
        "{} {} no {}, so no questionnaire can go to anyone: {}. Give {} one, or send by {}.",
        processes.len(),
        if processes.len() == 1 { "process has" } else { "processes have" },
        if *by == bia_model::Recipients::Owner { "owner" } else { "unit" },
        processes.join(", "),
        if processes.len() == 1 { "it" } else { "each" },
        if *by == bia_model::Recipients::Owner { "unit" } else { "owner" }
    )]
    NoRecipient {
        by: bia_model::Recipients,
        processes: Vec<String>,
    },

    /// A returned questionnaire sent from another assessment.
    #[error(
        "{}: this questionnaire was sent from another assessment (\"{assessment}\" is not it); \
         open the assessment it was sent from to receive it",
        path.display()
    )]
    OtherAssessment {
        path: std::path::PathBuf,
        assessment: String,
    },

    /// A questionnaire this assessment has no record of.
    #[error(
        "{}: this assessment has no record of sending this questionnaire (its record was \
         deleted, or it was sent from a copy of the file)",
        path.display()
    )]
    UnknownQuestionnaire { path: std::path::PathBuf },

    /// A return of a withdrawn questionnaire.
    #[error(
        "{}: the questionnaire sent to {recipient} was withdrawn; send it again to take answers",
        path.display()
    )]
    WithdrawnQuestionnaire {
        path: std::path::PathBuf,
        recipient: String,
    },

    /// A returned workbook changed between its review and applying it.
    #[error(
        "{}: the workbook changed since it was reviewed; review it again before applying",
        path.display()
    )]
    QuestionnaireChanged { path: std::path::PathBuf },

    /// Input that breaks a rule only the whole assessment can check (an
    /// RTO not below the MTPD the scores give, say), by field.
    #[error("{}", .issues.iter().map(|i| i.message.as_str()).collect::<Vec<_>>().join(" "))]
    Invalid { issues: Vec<FieldIssue> },
}

impl Error {
    /// A stable code for programs (the UI, `--json` callers).
    pub fn code(&self) -> &'static str {
        match self {
            Error::Store(e) => e.code(),
            Error::Import(e) => e.code(),
            Error::Export(e) => e.code(),
            Error::Chart(e) => e.code(),
            Error::Document(e) => e.code(),
            Error::Unknown(_) => "unknown_name",
            Error::ChartFormat { .. } => "chart_format",
            Error::MinutesFormat { .. } => "minutes_format",
            Error::Io { .. } => "io",
            Error::Invalid { .. } => "invalid",
            Error::NothingToSend => "questionnaire_nothing_to_send",
            Error::NoRecipient { .. } => "questionnaire_no_recipient",
            Error::OtherAssessment { .. } => "questionnaire_other_assessment",
            Error::UnknownQuestionnaire { .. } => "questionnaire_unknown",
            Error::WithdrawnQuestionnaire { .. } => "questionnaire_withdrawn",
            Error::QuestionnaireChanged { .. } => "questionnaire_changed",
        }
    }

    /// Every code an action can fail with, each once: the layers' codes and
    /// this layer's own. The desktop shell adds its few and generates the
    /// UI's `ErrorCode` union from the list.
    pub fn codes() -> Vec<&'static str> {
        let mut all: Vec<&'static str> = bia_store::error_codes()
            .chain(bia_excel::import::error_codes())
            .chain(bia_excel::export::error_codes())
            .chain(bia_chart::error_codes())
            .chain(bia_documents::error_codes())
            .chain([
                "unknown_name",
                "invalid",
                "chart_format",
                "minutes_format",
                "io",
                "questionnaire_nothing_to_send",
                "questionnaire_no_recipient",
                "questionnaire_other_assessment",
                "questionnaire_unknown",
                "questionnaire_withdrawn",
                "questionnaire_changed",
            ])
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// Structured context for programs: the field issues of an invalid
    /// input, the path of a file, the id of a clashing row.
    pub fn details(&self) -> serde_json::Value {
        match self {
            Error::Store(e) => e.details(),
            Error::Import(e) => e.details(),
            Error::Export(e) => e.details(),
            Error::Invalid { issues } => serde_json::json!({ "issues": issues }),
            Error::Io { path, .. }
            | Error::ChartFormat { path }
            | Error::MinutesFormat { path } => {
                serde_json::json!({ "path": path })
            }
            Error::NoRecipient { processes, .. } => serde_json::json!({ "names": processes }),
            Error::OtherAssessment { path, .. }
            | Error::UnknownQuestionnaire { path }
            | Error::WithdrawnQuestionnaire { path, .. }
            | Error::QuestionnaireChanged { path } => serde_json::json!({ "path": path }),
            Error::Chart(_) | Error::Unknown(_) | Error::Document(_) | Error::NothingToSend => {
                serde_json::Value::Null
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_codes_of_this_layer_are_listed() {
        let own = [
            Error::Unknown(UnknownName {
                kind: "horizon",
                name: "5 h".into(),
                accepted: "1 h".into(),
            }),
            Error::Invalid { issues: Vec::new() },
            Error::ChartFormat {
                path: "chart.jpg".into(),
            },
            Error::Io {
                path: "chart.png".into(),
                source: std::io::Error::other("disk full"),
            },
        ];
        let codes = Error::codes();
        for e in own {
            assert!(codes.contains(&e.code()), "{} is not listed", e.code());
        }
        assert!(codes.contains(&"duplicate_process") && codes.contains(&"workbook_encrypted"));
    }
}
