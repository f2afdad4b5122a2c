//! The layout of the executive workbook that the export writes and the
//! import reads back: the sheets in order, the row of their headers, and
//! how a unit's path is written. One place, so the two never drift apart.

/// The sheets, in the order they appear.
pub const SHEETS: [&str; 9] = [
    "Summary",
    "Processes",
    "Impact",
    "Objectives",
    "Resources",
    "Dependencies",
    "Gaps",
    "Decision log",
    "Methodology",
];

/// The optional last sheet, after [`SHEETS`]: what changed since another
/// state of the assessment (its title says since when). Reading our own
/// export back passes over it.
pub const CHANGES_SHEET: &str = "Changes";

/// The header row of every list sheet (0-based; "row 4" in Excel). Rows
/// 0–1 hold the title.
pub const HEADER_ROW: u32 = 3;

/// The separator of the hidden "Unit path" column
/// ("Operations › Warehouse Operations").
pub const UNIT_PATH_SEPARATOR: &str = " › ";

/// The label of the Methodology sheet's row naming the currency of the
/// amounts in the level definitions: its ISO 4217 code in the next cell
/// (read back), then the symbol and name for a reader.
pub const CURRENCY_LABEL: &str = "Currency of amounts";

/// The hidden id column of the register, first on its header row.
pub const PROCESS_ID_HEADER: &str = "Process ID";

/// The questionnaire workbook a process owner fills in offline: what the
/// writer (`export::questionnaire`) lays down and the reader
/// (`import::questionnaire`) looks for.
pub mod questionnaire {
    /// The first cell of the hidden data sheet: how a returned workbook is
    /// recognised, whatever the sheet is called now.
    pub const MARKER: &str = "BIA Workbench questionnaire";
    /// The data sheet's format; written beside the marker.
    pub const VERSION: u32 = 1;
    /// The data sheet's name as written (very hidden; never relied on).
    pub const DATA_SHEET: &str = "_bia";
    /// The first sheet.
    pub const INSTRUCTIONS: &str = "Instructions";
    /// A name no process sheet takes (Excel keeps it for itself).
    pub const RESERVED: &str = "History";
    /// Before the process's id in the hidden first cell of its sheet.
    pub const PROCESS_TAG: &str = "bia-process:";
    /// The column of the labels on a process sheet (B): every answer's row
    /// label is there, and the answer at a known offset to its right.
    pub const LABEL_COLUMN: u32 = 1;
    /// Rows of the data sheet (0-based): the questionnaire's id, the
    /// assessment's, the header, then one row per answer cell.
    pub const QUESTIONNAIRE_ROW: u32 = 1;
    pub const ASSESSMENT_ROW: u32 = 2;
    pub const HEADER_ROW: u32 = 3;
    pub const FIRST_ROW: u32 = 4;
    /// The columns of an answer row of the data sheet.
    pub const COLUMNS: [&str; 9] = [
        "Process id",
        "Process",
        "Sheet",
        "Key",
        "Defined name",
        "Cell",
        "Value as sent",
        "Row label",
        "Column label",
    ];
    /// The three cells of a new-dependency row, keyed
    /// `dependency:<n>:<part>` (n from 1).
    pub const DEPENDENCY_PARTS: [&str; 3] = ["kind", "name", "note"];

    /// `dependency:2:name`.
    pub fn dependency_key(n: usize, part: &str) -> String {
        format!("dependency:{n}:{part}")
    }

    /// `dependency:2:name` → (2, "name").
    pub fn parse_dependency_key(key: &str) -> Option<(usize, &str)> {
        let (n, part) = key.strip_prefix("dependency:")?.split_once(':')?;
        let n = n.parse().ok()?;
        DEPENDENCY_PARTS.contains(&part).then_some((n, part))
    }
}
