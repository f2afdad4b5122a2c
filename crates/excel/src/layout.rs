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
