//! Export… : the executive workbook written where the save dialog said,
//! with progress as `export-progress` events, and "Show in folder" after;
//! with `changes_since`, a last sheet of what changed since that file.

use std::path::PathBuf;

use bia::excel::export::{ExportProgress, ExportReport};
use tauri::{AppHandle, Emitter, Runtime, State};

use crate::error::{ApiError, ApiResult};
use crate::session::AppState;

/// The event carrying [`ExportProgress`] while an export runs.
pub const PROGRESS_EVENT: &str = "export-progress";

#[tauri::command(async)]
pub fn export_workbook<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
    changes_since: Option<String>,
) -> ApiResult<ExportReport> {
    let path = PathBuf::from(path);
    // Read under the lock, write without it: other commands carry on. The
    // core refuses a path that is not .xlsx.
    let (assessment, decisions, changes) = state.with_workbench(|s| {
        let changes = changes_since
            .map(|since| s.compare_with(std::path::Path::new(&since), true))
            .transpose()?;
        Ok::<_, bia::Error>((s.assessment()?, s.decisions(None)?, changes))
    })?;
    Ok(bia::workbench::export_with(
        &assessment,
        &decisions,
        changes.as_ref(),
        &path,
        &mut |p: ExportProgress| {
            let _ = app.emit(PROGRESS_EVENT, p);
        },
    )?)
}

/// Shows a file in the system's file manager, selected.
#[tauri::command(async)]
pub fn reveal_in_folder(path: String) -> ApiResult<()> {
    tauri_plugin_opener::reveal_item_in_dir(&path).map_err(|e| {
        ApiError::new(
            crate::error::ShellCode::Reveal,
            format!("{path}: could not show it in its folder ({e})"),
        )
    })
}
