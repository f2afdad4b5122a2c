//! BIA Workbench's application layer: every user action on an assessment
//! as one method of [`Workbench`], called alike by the `bia` CLI, the
//! desktop shell and the tests. The layers beneath are crates of their own (`crates/`), so
//! that a dependency the wrong way does not compile:
//!
//! - [`model`] (`bia-model`): domain types and their rules; no I/O.
//! - [`analysis`] (`bia-analysis`): pure functions over a loaded assessment.
//! - [`store`] (`bia-store`): the `.bia` file (SQLite): open, migrate, read,
//!   and journaled edits with undo/redo. The only crate that speaks SQL.
//! - [`chart`] (`bia-chart`): heatmaps and charts (plotters), SVG or PNG.
//! - [`excel`] (`bia-excel`): import plans from legacy workbooks and the
//!   executive workbook; never opens an assessment.
//!
//! Here: the rules that need the whole assessment ([`objectives`]),
//! applying an import plan as one edit ([`import`]), the demo assessment
//! ([`demo`]), the stable JSON of `bia dump` ([`dump`]), the defaults a
//! new assessment takes from the machine's locale ([`locale`]) and the error
//! every action returns ([`Error`], with its stable code).
//!
//! This crate deliberately knows nothing about Tauri, windows or terminals.

pub mod charts;
pub mod demo;
pub mod dump;
pub mod error;
pub mod import;
pub mod locale;
mod minutes;
pub mod objectives;
pub mod questionnaires;
pub mod workbench;

pub use bia_analysis as analysis;
pub use bia_chart as chart;
pub use bia_excel as excel;
pub use bia_model as model;
pub use bia_store as store;

pub use error::{Error, Result};
pub use store::{History, Store, now};
pub use workbench::{Insight, Workbench};
