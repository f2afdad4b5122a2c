//! Excel and other spreadsheets: reading the legacy BIA workbooks people
//! already keep ([`import`]). Export for executives lives beside it when it
//! lands. Reads files and builds plans; it never speaks SQL — the store
//! applies an import plan.

pub mod import;
