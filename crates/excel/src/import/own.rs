//! Recognising a workbook this program exported, so that it is read back
//! exactly (by the application layer) instead of guessed at.

use super::Workbook;
use crate::layout::{HEADER_ROW, PROCESS_ID_HEADER, SHEETS};

/// Whether `workbook` is one this program exported: its nine sheets in
/// order and the hidden id column of the register.
pub fn is_own_export(workbook: &Workbook) -> bool {
    let names: Vec<&str> = workbook.sheets.iter().map(|s| s.name.as_str()).collect();
    names.as_slice() == SHEETS.as_slice()
        && workbook
            .sheets
            .iter()
            .find(|s| s.name == "Processes")
            .and_then(|s| s.rows.iter().find(|r| r.index == HEADER_ROW))
            .and_then(|r| r.get(0))
            .is_some_and(|v| v.display() == PROCESS_ID_HEADER)
}
