//! Spreadsheets in and out: reading the legacy BIA workbooks people already
//! keep ([`import`]) and writing the executive workbook ([`export`]).
//! Import reads files and builds plans; it never opens an assessment — the
//! application layer (`bia`) applies a plan through the store. Both sides
//! share the workbook's [`layout`].

pub mod export;
pub mod import;
pub mod layout;
