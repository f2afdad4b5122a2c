//! Why a workbook could not be imported at all: one variant per thing the
//! user can fix, each naming the file and, where there is one, the sheet and
//! the cell. Problems with single cells are not errors: they are issues in
//! the plan, and the rest of the workbook is still imported.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error, strum::EnumDiscriminants)]
#[strum_discriminants(
    name(ImportErrorKind),
    derive(strum::EnumIter),
    doc = "What went wrong, without the details: one per variant of [`ImportError`]."
)]
pub enum ImportError {
    #[error("{address}: {reason} (a workbook exported by BIA Workbench is read by its headers)")]
    Own { address: String, reason: String },

    #[error(
        "{}: this workbook was exported by BIA Workbench: it is read back whole, not planned \
         column by column; into a new file it gives the assessment back (bia import WORKBOOK \
         --into NEW.bia), into an existing one it merges like an import (File ▸ Import…, or \
         bia import WORKBOOK --into EXISTING.bia)",
        path.display()
    )]
    OwnIntoExisting { path: PathBuf },

    #[error(
        "{}: not an assessment file nor a workbook exported by BIA Workbench, so it cannot be \
         merged as one; import it as a workbook instead (its preview maps its columns)",
        path.display()
    )]
    NotOwnExport { path: PathBuf },

    #[error("{}: no such file", path.display())]
    NotFound { path: PathBuf },

    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error(
        "{}: not a spreadsheet ({what}); import reads .xlsx, .xlsm, .xlsb, .xls, .ods and .csv",
        path.display()
    )]
    NotASpreadsheet { path: PathBuf, what: String },

    #[error(
        "{}: the workbook is protected by a password (encrypted); open it in Excel, remove the \
         password (File › Info › Protect Workbook), save, and import that copy",
        path.display()
    )]
    Encrypted { path: PathBuf },

    #[error("{}: the file is damaged and cannot be read ({reason})", path.display())]
    Corrupt { path: PathBuf, reason: String },

    #[error(
        "{}: {what} is {size} bytes, over the {limit}-byte limit of an import (a BIA register is \
         far smaller; this may be a zip bomb)",
        path.display()
    )]
    TooLarge {
        path: PathBuf,
        what: &'static str,
        size: u64,
        limit: u64,
    },

    #[error(
        "{}: sheet \"{sheet}\" holds more than {limit} filled cells (reached at {cell}); import \
         stops there — delete what is not the BIA, or split the workbook",
        path.display()
    )]
    TooManyCells {
        path: PathBuf,
        sheet: String,
        cell: String,
        limit: u64,
    },

    #[error(
        "{}: sheet \"{sheet}\" has data on row {row}, beyond the {limit} rows an import reads; \
         delete the rows that are not the BIA, or split the workbook",
        path.display()
    )]
    TooManyRows {
        path: PathBuf,
        sheet: String,
        row: u64,
        limit: u32,
    },

    #[error(
        "{}: sheet \"{sheet}\" has data in column {} (at {cell}), beyond the {limit} columns an \
         import reads (Excel's own limit); delete the columns that are not the BIA",
        path.display(),
        cell.trim_end_matches(|c: char| c.is_ascii_digit())
    )]
    TooManyColumns {
        path: PathBuf,
        sheet: String,
        cell: String,
        limit: u32,
    },

    #[error(
        "{}: {at} holds more than {limit} bytes of text, far more than the 32,767 characters \
         Excel lets a cell hold; import stops there (a file made to exhaust memory looks like \
         this)",
        path.display()
    )]
    CellTooLarge {
        path: PathBuf,
        sheet: Option<String>,
        cell: Option<String>,
        /// Where, as a message says it: `sheet "Register", cell C2`.
        at: String,
        limit: usize,
    },

    #[error("{}: the workbook is empty (no sheet holds a value){left_out}", path.display())]
    Empty {
        path: PathBuf,
        /// The first cell left out, when one was: "; error: Register!C2: …".
        left_out: String,
    },

    #[error(
        "{}: no sheet has a header row naming the processes (a column such as \"Process\", \
         \"Business Function\" or \"Activity\"); {detail}",
        path.display()
    )]
    NoTable { path: PathBuf, detail: String },

    #[error("{}: the mapping file cannot be used: {reason}", path.display())]
    Mapping { path: PathBuf, reason: String },

    #[error("{}: nothing could be imported (no row gave a process); see the issues", path.display())]
    NothingImported { path: PathBuf },

    #[error("the import was cancelled; the assessment was not changed")]
    Cancelled,

    #[error(
        "{}: this file is not a questionnaire of this program: it has no questionnaire data \
         sheet. Import it as a workbook instead?",
        path.display()
    )]
    NotAQuestionnaire { path: PathBuf },

    #[error(
        "{}: the questionnaire's hidden data sheet \"{sheet}\" cannot be read at {cell}: {reason}; \
         send the owner a new questionnaire",
        path.display()
    )]
    QuestionnaireData {
        path: PathBuf,
        sheet: String,
        cell: String,
        reason: String,
    },
}

impl ImportError {
    /// A stable code for programs (the UI, `--json` callers).
    pub fn code(&self) -> &'static str {
        ImportErrorKind::from(self).code()
    }

    /// Structured context: the file, and the sheet and cell when known.
    pub fn details(&self) -> serde_json::Value {
        use serde_json::json;
        match self {
            ImportError::TooManyCells {
                path, sheet, cell, ..
            }
            | ImportError::TooManyColumns {
                path, sheet, cell, ..
            } => json!({ "path": path, "sheet": sheet, "cell": cell }),
            ImportError::CellTooLarge {
                path, sheet, cell, ..
            } => json!({ "path": path, "sheet": sheet, "cell": cell }),
            ImportError::TooManyRows {
                path, sheet, row, ..
            } => json!({ "path": path, "sheet": sheet, "row": row }),
            ImportError::NotFound { path }
            | ImportError::Io { path, .. }
            | ImportError::NotASpreadsheet { path, .. }
            | ImportError::Encrypted { path }
            | ImportError::Corrupt { path, .. }
            | ImportError::TooLarge { path, .. }
            | ImportError::Empty { path, .. }
            | ImportError::NoTable { path, .. }
            | ImportError::Mapping { path, .. }
            | ImportError::OwnIntoExisting { path }
            | ImportError::NotOwnExport { path }
            | ImportError::NothingImported { path }
            | ImportError::NotAQuestionnaire { path } => json!({ "path": path }),
            ImportError::QuestionnaireData {
                path, sheet, cell, ..
            } => json!({ "path": path, "sheet": sheet, "cell": cell }),
            ImportError::Own { address, .. } => json!({ "address": address }),
            ImportError::Cancelled => serde_json::Value::Null,
        }
    }
}

impl ImportErrorKind {
    /// The stable code of this kind of error.
    pub fn code(self) -> &'static str {
        match self {
            ImportErrorKind::Own => "import_own",
            ImportErrorKind::OwnIntoExisting => "import_own_into_existing",
            ImportErrorKind::NotOwnExport => "import_not_own_export",
            ImportErrorKind::NotFound => "import_file_not_found",
            ImportErrorKind::Io => "import_io",
            ImportErrorKind::NotASpreadsheet => "not_a_spreadsheet",
            ImportErrorKind::Encrypted => "workbook_encrypted",
            ImportErrorKind::Corrupt => "workbook_corrupt",
            ImportErrorKind::TooLarge => "workbook_too_large",
            ImportErrorKind::TooManyCells => "too_many_cells",
            ImportErrorKind::TooManyRows => "too_many_rows",
            ImportErrorKind::TooManyColumns => "too_many_columns",
            ImportErrorKind::CellTooLarge => "cell_too_large",
            ImportErrorKind::Empty => "workbook_empty",
            ImportErrorKind::NoTable => "no_table",
            ImportErrorKind::Mapping => "bad_mapping",
            ImportErrorKind::NothingImported => "nothing_imported",
            ImportErrorKind::Cancelled => "import_cancelled",
            ImportErrorKind::NotAQuestionnaire => "not_a_questionnaire",
            ImportErrorKind::QuestionnaireData => "questionnaire_data",
        }
    }
}

/// Every code an error of this layer can carry.
pub fn codes() -> impl Iterator<Item = &'static str> {
    <ImportErrorKind as strum::IntoEnumIterator>::iter().map(ImportErrorKind::code)
}
