//! The store's typed errors: one variant per thing a user can fix, each
//! carrying what is needed to fix it (the file, the name, the field).
//!
//! [`Error::code`] is a stable machine-readable code; the application
//! layer (`bia::Error`) passes it on, and the desktop shell sends it across
//! IPC as `{code, message, details}`. Nothing ever parses the message.

use std::path::PathBuf;

use bia_model::{FieldIssue, Id};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error, strum::EnumDiscriminants)]
#[strum_discriminants(
    name(ErrorKind),
    derive(strum::EnumIter),
    doc = "What went wrong, without the details: one per variant of [`Error`]."
)]
pub enum Error {
    #[error("{}: no such file", path.display())]
    FileNotFound { path: PathBuf },

    #[error("{}: a file already exists there; choose another name", path.display())]
    FileExists { path: PathBuf },

    #[error("{}: not an assessment file: it is {what}", path.display())]
    NotAFile { path: PathBuf, what: &'static str },

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

    #[error(
        "{}: the file is damaged ({reason}); nothing was changed. {}",
        path.display(),
        match backup {
            Some(b) => format!(
                "Restore the latest backup, {}, or recover what can be read into a new file.",
                b.display()
            ),
            None => "Recover what can be read into a new file, or restore a copy you keep elsewhere.".to_string(),
        }
    )]
    Corrupt {
        path: PathBuf,
        reason: String,
        /// The latest backup beside the file, if any.
        backup: Option<PathBuf>,
    },

    #[error(
        "{}: {}; save a copy to edit it",
        path.display(),
        match why {
            crate::ReadOnly::Viewing => "opened to read only",
            crate::ReadOnly::NotWritable => "the file or its folder cannot be written, so it is open read-only",
        }
    )]
    ReadOnly { path: PathBuf, why: crate::ReadOnly },

    #[error("{}: could not back up the file ({reason}); nothing was changed", path.display())]
    Backup { path: PathBuf, reason: String },

    #[error("{}: could not recover the file ({reason}); nothing was written", path.display())]
    Recover { path: PathBuf, reason: String },

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

    #[error("the workshop “{running}” is running; finish it before starting “{title}”")]
    WorkshopRunning { running: String, title: String },

    #[error("the workshop “{title}” is finished; it cannot be {doing}")]
    WorkshopFinished { title: String, doing: &'static str },

    #[error(
        "{} not among the participants of “{workshop}”: add them as participants first",
        names_are(names)
    )]
    NotAParticipant {
        names: Vec<String>,
        workshop: String,
    },

    #[error("“{process}” is not on the agenda of “{workshop}”")]
    NotOnAgenda { process: String, workshop: String },

    #[error(
        "{}: “{theirs}” is another assessment than this file's “{mine}” (created apart, not \
         handed out from it), so the two share no state to merge from; nothing was merged. \
         Compare with it (File ▸ Compare with…), or import it (File ▸ Import…, or bia import \
         FILE --into THIS.bia), which merges it like an import: its processes matched by name, \
         what is empty here filled, what differs listed as conflicts",
        path.display()
    )]
    MergeOtherAssessment {
        path: PathBuf,
        mine: String,
        theirs: String,
    },

    #[error(
        "{}: this is the same copy as the open file (or a plain file copy of it), so there is \
         nothing to merge; hand copies out with Give a Copy To… to merge them back",
        path.display()
    )]
    MergeSameCopy { path: PathBuf },

    #[error("no conflict with id {id}; it may have been resolved or undone")]
    UnknownConflict { id: String },

    #[error("nothing to undo")]
    NothingToUndo,

    #[error("nothing to redo")]
    NothingToRedo,

    #[error("the edit history in the file is damaged ({reason}); nothing was changed")]
    Journal { reason: String },

    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// "“Ana” is", "“Ana” and “Bo” are".
fn names_are(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("“{n}”")).collect();
    match quoted.as_slice() {
        [one] => format!("{one} is"),
        _ => format!("{} are", quoted.join(" and ")),
    }
}

/// "an application", "a supplier".
fn with_article(noun: &str) -> String {
    if noun == bia_model::ResourceKind::Unclassified.label() {
        return bia_model::ResourceKind::Unclassified.with_article();
    }
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
        ErrorKind::from(self).code()
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
            Error::Corrupt { path, backup, .. } => json!({ "path": path, "backup": backup }),
            Error::ReadOnly { path, why } => json!({ "path": path, "why": why }),
            Error::NotAParticipant { names, .. } => json!({ "names": names }),
            Error::FileNotFound { path }
            | Error::FileExists { path }
            | Error::NotAFile { path, .. }
            | Error::Backup { path, .. }
            | Error::Recover { path, .. }
            | Error::NotSqlite { path }
            | Error::NotAnAssessment { path }
            | Error::Locked { path }
            | Error::Io { path, .. }
            | Error::Migration { path, .. }
            | Error::MergeOtherAssessment { path, .. }
            | Error::MergeSameCopy { path } => json!({ "path": path }),
            Error::TooNew {
                path,
                found,
                supported,
            } => json!({ "path": path, "found": found, "supported": supported }),
            _ => serde_json::Value::Null,
        }
    }
}

impl ErrorKind {
    /// The stable code of this kind of error.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::FileNotFound => "file_not_found",
            ErrorKind::FileExists => "file_exists",
            ErrorKind::NotAFile => "not_a_file",
            ErrorKind::NotSqlite => "not_sqlite",
            ErrorKind::NotAnAssessment => "not_an_assessment",
            ErrorKind::TooNew => "too_new",
            ErrorKind::Corrupt => "corrupt",
            ErrorKind::ReadOnly => "read_only",
            ErrorKind::Backup => "backup_failed",
            ErrorKind::Recover => "recover_failed",
            ErrorKind::Locked => "locked",
            ErrorKind::Io => "io",
            ErrorKind::Migration => "migration",
            ErrorKind::DuplicateProcess => "duplicate_process",
            ErrorKind::DuplicateUnit => "duplicate_unit",
            ErrorKind::DuplicateResource => "duplicate_resource",
            ErrorKind::Invalid => "invalid",
            ErrorKind::NoSuchId => "no_such_id",
            ErrorKind::NoSuchName => "no_such_name",
            ErrorKind::UnitInUse => "unit_in_use",
            ErrorKind::UnitCycle => "unit_cycle",
            ErrorKind::ProcessLocked => "process_locked",
            ErrorKind::MethodologyInUse => "methodology_in_use",
            ErrorKind::Ambiguous => "ambiguous_name",
            ErrorKind::BadDependency => "bad_dependency",
            ErrorKind::WorkshopRunning => "workshop_running",
            ErrorKind::WorkshopFinished => "workshop_finished",
            ErrorKind::NotAParticipant => "not_a_participant",
            ErrorKind::NotOnAgenda => "not_on_agenda",
            ErrorKind::MergeOtherAssessment => "merge_other_assessment",
            ErrorKind::MergeSameCopy => "merge_same_copy",
            ErrorKind::UnknownConflict => "conflict_unknown",
            ErrorKind::NothingToUndo => "nothing_to_undo",
            ErrorKind::NothingToRedo => "nothing_to_redo",
            ErrorKind::Journal => "journal",
            ErrorKind::Sqlite => "database",
        }
    }
}

/// Every code an error of this layer can carry.
pub fn codes() -> impl Iterator<Item = &'static str> {
    <ErrorKind as strum::IntoEnumIterator>::iter().map(ErrorKind::code)
}
