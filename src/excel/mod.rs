//! Spreadsheets in and out: reading the legacy BIA workbooks people already
//! keep ([`import`]) and writing the executive workbook ([`export`]).
//! Import reads files and builds plans; it never speaks SQL — the store
//! applies an import plan.

pub mod export;
pub mod import;
