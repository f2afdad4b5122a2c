//! BIA Workbench core: everything a user can do with an assessment, callable
//! from the `bia` CLI, the tests and the desktop shell alike.
//!
//! - [`model`]: domain types and their rules; no I/O.
//! - [`store`]: the `.bia` assessment file (SQLite): open, migrate, read, and
//!   journaled edits with undo/redo. The only module that speaks SQL.
//! - [`analysis`]: pure functions over a loaded assessment (MTPD, tiers,
//!   violations).
//! - [`chart`]: heatmaps and charts (plotters), as SVG or PNG.
//! - [`demo`]: the fictional organisation shipped as the demo assessment.
//! - [`dump`]: the stable JSON form of a whole assessment (`bia dump`).
//! - [`excel`]: import of legacy BIA spreadsheets, and the executive
//!   workbook (rust_xlsxwriter).
//!
//! This crate deliberately knows nothing about Tauri, windows or terminals.

pub mod analysis;
pub mod chart;
pub mod demo;
pub mod dump;
pub mod error;
pub mod excel;
pub mod model;
pub mod store;

pub use error::{Error, Result};
pub use store::Store;
