//! The Tauri commands, one module per area. Each is a few lines: take the
//! arguments, call one core function on the open store, map the error.
//! All run off the main thread (`async`), so the window never waits on the
//! file.

pub mod assessment;
pub mod audience;
pub mod charts;
pub mod compare;
pub mod export;
pub mod files;
pub mod impact;
pub mod import;
pub mod merge;
pub mod processes;
pub mod questionnaires;
pub mod resources;
pub mod units;
pub mod workshops;
