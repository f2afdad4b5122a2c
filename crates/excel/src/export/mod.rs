//! The executive workbook (rust_xlsxwriter): nine sheets in a fixed order
//! (Summary, Processes, Impact, Objectives, Resources, Dependencies, Gaps,
//! Decision log, Methodology) and, when given a comparison with another
//! state of the assessment, a tenth at the end ("Changes"), each with a title, the assessment's name and
//! date in the page header, frozen header rows, an autofilter, column widths
//! that fit, and landscape fit-to-width printing with repeated header rows.
//!
//! Durations are shown as people read them ("4 h", "3 d"); beside each, a
//! hidden "… (minutes)" column keeps the exact value, and every row carries
//! its hidden id, so reading the workbook back is exact.
//!
//! Every text from the user is written as a string cell, so a process
//! called `=HYPERLINK(…)` or `+cmd` shows as text and never becomes a
//! formula. Text longer than Excel's 32,767-character cell limit is cut
//! with a marker and reported in [`ExportReport::warnings`].
//!
//! The workbook is written to a temporary file beside the target and moved
//! into place, so a failed export never leaves half a file behind.

mod error;
mod minutes;
mod questionnaire;
mod sheet;
mod sheets;

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use bia_analysis::Comparison;
use bia_model::{Assessment, Decision};

pub use crate::layout::{CHANGES_SHEET, SHEETS};
pub use error::{ExportError, Result, codes as error_codes};
pub use minutes::{MINUTES_SHEETS, minutes_workbook, write_minutes_workbook};
pub use questionnaire::{questionnaire_workbook, write_questionnaire};
pub use sheet::CELL_LIMIT;

use error::ExportError as Error;

/// How far an export has got: `done` of `total` steps, and the step now
/// under way ("Writing Impact").
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ExportProgress {
    pub done: u32,
    pub total: u32,
    pub step: String,
}

/// What an export wrote, and what the reader should know about it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ExportReport {
    pub path: String,
    pub sheets: Vec<String>,
    pub processes: u32,
    pub resources: u32,
    pub dependencies: u32,
    /// Cells cut to Excel's limit, by sheet and cell: "Processes!E7: …".
    pub warnings: Vec<String>,
}

/// What changed since another state of the assessment, for the optional
/// last sheet: the comparison (`bia_analysis::compare`, the other file as
/// `old`) and its title, "Changes since 2025 BIA (12 Mar 2025)"
/// (`Comparison::since` gives that one).
#[derive(Clone, Copy, Debug)]
pub struct Changes<'a> {
    pub comparison: &'a Comparison,
    pub label: &'a str,
}

/// Writes the workbook of `a`, with its decision log `decisions`, to
/// `path`, reporting progress as it goes.
pub fn export(
    a: &Assessment,
    decisions: &[Decision],
    path: &Path,
    progress: &mut dyn FnMut(ExportProgress),
) -> Result<ExportReport> {
    export_with(a, decisions, None, path, progress)
}

/// [`export`], with the Changes sheet last when `changes` are given.
pub fn export_with(
    a: &Assessment,
    decisions: &[Decision],
    changes: Option<&Changes>,
    path: &Path,
    progress: &mut dyn FnMut(ExportProgress),
) -> Result<ExportReport> {
    let total = sheet_count(changes) + 1;
    let warnings = save(path, || {
        let written = write(a, decisions, changes, progress)?;
        progress(ExportProgress {
            done: total - 1,
            total,
            step: "Saving the workbook".into(),
        });
        Ok(written)
    })?;
    progress(ExportProgress {
        done: total,
        total,
        step: "Done".into(),
    });
    let mut report = report_of(a);
    if changes.is_some() {
        report.sheets.push(CHANGES_SHEET.to_string());
    }
    report.path = path.display().to_string();
    report.warnings = warnings;
    Ok(report)
}

/// How many sheets the workbook has.
fn sheet_count(changes: Option<&Changes>) -> u32 {
    SHEETS.len() as u32 + u32::from(changes.is_some())
}

/// The workbook of `a`, with its decision log, as the bytes of an .xlsx file.
pub fn to_bytes(a: &Assessment, decisions: &[Decision]) -> Result<Vec<u8>> {
    to_bytes_with(a, decisions, None)
}

/// [`to_bytes`], with the Changes sheet last when `changes` are given.
pub fn to_bytes_with(
    a: &Assessment,
    decisions: &[Decision],
    changes: Option<&Changes>,
) -> Result<Vec<u8>> {
    Ok(write(a, decisions, changes, &mut |_| {})?.0)
}

fn write(
    a: &Assessment,
    decisions: &[Decision],
    changes: Option<&Changes>,
    progress: &mut dyn FnMut(ExportProgress),
) -> Result<(Vec<u8>, Vec<String>)> {
    let mut warnings = Vec::new();
    let mut workbook = sheets::build(a, decisions, changes, progress, &mut warnings)?;
    Ok((workbook.save_to_buffer().map_err(sheet::xlsx)?, warnings))
}

/// Makes a workbook with `make` and writes it to `path` (.xlsx, else
/// refused) through a hidden temporary file beside it, so a failure leaves
/// nothing behind; returns what `make` returned beside the bytes.
pub(super) fn save<T>(path: &Path, make: impl FnOnce() -> Result<(Vec<u8>, T)>) -> Result<T> {
    let is_xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if !is_xlsx {
        return Err(Error::Format {
            path: path.to_path_buf(),
        });
    }
    let (bytes, made) = make().map_err(|e| match e {
        Error::Write { message, .. } => Error::Write {
            path: path.to_path_buf(),
            message,
        },
        other => other,
    })?;
    let temp = temp_path(path);
    std::fs::write(&temp, &bytes)
        .and_then(|()| std::fs::rename(&temp, path))
        .map_err(|source| {
            let _ = std::fs::remove_file(&temp);
            Error::Io {
                path: path.to_path_buf(),
                source,
            }
        })?;
    Ok(made)
}

fn report_of(a: &Assessment) -> ExportReport {
    ExportReport {
        path: String::new(),
        sheets: SHEETS.iter().map(|s| s.to_string()).collect(),
        processes: a.processes.len() as u32,
        resources: a.resources.len() as u32,
        dependencies: a.dependencies.len() as u32,
        warnings: Vec::new(),
    }
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.part", std::process::id()))
}
