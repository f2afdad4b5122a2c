//! The store's typed errors: one variant per thing a user can fix, each
//! carrying what is needed to fix it (the file, the name, the field).
//!
//! [`Error::code`] is a stable machine-readable code; the application
//! layer (`bia::Error`) passes it on, and the desktop shell sends it across
//! IPC as `{code, message, details}`. Nothing ever parses the message.

use std::path::PathBuf;

use bia_model::{FieldIssue, Id};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: no such file", path.display())]
    FileNotFound { path: PathBuf },

    #[error("{}: a file already exists there; choose another name", path.display())]
    FileExists { path: PathBuf },

    #[error("{}: not a BIA assessment (it is not a SQLite database)", path.display())]
    NotSqlite { path: PathBuf },

    #[error("{}: not a BIA assessment (a SQLite database of another program)", path.display())]
    NotAnAssessment { path: PathBuf },

    #[error(
        "{}: written by a newer BIA Workbench (file format {found}, this program reads up to {supported}); \
         update the program to open it",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    #[error("{}: the file is damaged ({reason})", path.display())]
    Corrupt { path: PathBuf, reason: String },

    #[error("{}: the file is open in another program; close it there first", path.display())]
    Locked { path: PathBuf },

    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("{}: upgrading the file failed ({reason}); it was left as it was", path.display())]
    Migration { path: PathBuf, reason: String },

    #[error("a process named \"{name}\" already exists")]
    DuplicateProcess { name: String, existing: Id },

    #[error("a unit named \"{name}\" already exists")]
    DuplicateUnit { name: String, existing: Id },

    #[error("{} named \"{name}\" already exists", with_article(kind))]
    DuplicateResource {
        kind: &'static str,
        name: String,
        existing: Id,
    },

    #[error("{}", .issues.iter().map(|i| i.message.as_str()).collect::<Vec<_>>().join(" "))]
    Invalid { issues: Vec<FieldIssue> },

    #[error("no {kind} with id {id}")]
    NoSuchId { kind: &'static str, id: String },

    #[error("no {kind} named \"{name}\"")]
    NoSuchName { kind: &'static str, name: String },

    #[error(
        "unit \"{name}\" still holds {processes} process(es) and {units} unit(s); move or delete them first"
    )]
    UnitInUse {
        name: String,
        processes: usize,
        units: usize,
    },

    #[error("unit \"{name}\" cannot sit under itself or under one of its own sub-units")]
    UnitCycle { name: String },

    #[error("\"{name}\" is approved and locked; reopen it to make changes")]
    ProcessLocked { name: String },

    #[error("{what} is still used by {count} impact score(s); {hint}")]
    MethodologyInUse {
        what: String,
        count: usize,
        hint: &'static str,
    },

    #[error("\"{name}\" could be {}; write {hint}", candidates.join(" or "))]
    Ambiguous {
        name: String,
        candidates: Vec<String>,
        hint: String,
    },

    #[error("{0}")]
    BadDependency(String),

    #[error("nothing to undo")]
    NothingToUndo,

    #[error("nothing to redo")]
    NothingToRedo,

    #[error("the edit history in the file is damaged ({reason}); nothing was changed")]
    Journal { reason: String },

    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// "an application", "a supplier".
fn with_article(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {noun}")
}

impl Error {
    /// A stable code for programs (the UI, `--json` callers).
    pub fn code(&self) -> &'static str {
        match self {
            Error::FileNotFound { .. } => "file_not_found",
            Error::FileExists { .. } => "file_exists",
            Error::NotSqlite { .. } => "not_sqlite",
            Error::NotAnAssessment { .. } => "not_an_assessment",
            Error::TooNew { .. } => "too_new",
            Error::Corrupt { .. } => "corrupt",
            Error::Locked { .. } => "locked",
            Error::Io { .. } => "io",
            Error::Migration { .. } => "migration",
            Error::DuplicateProcess { .. } => "duplicate_process",
            Error::DuplicateUnit { .. } => "duplicate_unit",
            Error::DuplicateResource { .. } => "duplicate_resource",
            Error::Invalid { .. } => "invalid",
            Error::NoSuchId { .. } => "no_such_id",
            Error::NoSuchName { .. } => "no_such_name",
            Error::UnitInUse { .. } => "unit_in_use",
            Error::UnitCycle { .. } => "unit_cycle",
            Error::ProcessLocked { .. } => "process_locked",
            Error::MethodologyInUse { .. } => "methodology_in_use",
            Error::Ambiguous { .. } => "ambiguous_name",
            Error::BadDependency(_) => "bad_dependency",
            Error::NothingToUndo => "nothing_to_undo",
            Error::NothingToRedo => "nothing_to_redo",
            Error::Journal { .. } => "journal",
            Error::Sqlite(_) => "database",
        }
    }

    /// Structured context for programs: the field issues of an invalid
    /// input, the path of a file, the id of a clashing row.
    pub fn details(&self) -> serde_json::Value {
        use serde_json::json;
        match self {
            Error::Invalid { issues } => json!({ "issues": issues }),
            Error::DuplicateProcess { name, existing }
            | Error::DuplicateUnit { name, existing } => {
                json!({ "issues": [FieldIssue::new("name", self.to_string())], "name": name, "existing": existing })
            }
            Error::FileNotFound { path }
            | Error::FileExists { path }
            | Error::NotSqlite { path }
            | Error::NotAnAssessment { path }
            | Error::Corrupt { path, .. }
            | Error::Locked { path }
            | Error::Io { path, .. }
            | Error::Migration { path, .. } => json!({ "path": path }),
            Error::TooNew {
                path,
                found,
                supported,
            } => json!({ "path": path, "found": found, "supported": supported }),
            _ => serde_json::Value::Null,
        }
    }
}
