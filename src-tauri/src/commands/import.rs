//! Import… : a legacy BIA workbook read once, planned against the open
//! assessment (again after each change of a column's mapping, without
//! re-reading the file), shown as a preview, then applied in one undoable
//! step with progress as `import-progress` events, cancellable until the
//! commit.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use bia::excel::import::{CellContext, ColumnChoice, Mapping, Pos, ResourceKindChoice};
use bia::import::{Applied, Plan, Progress};
use tauri::{AppHandle, Emitter, Runtime, State};

use crate::error::{ApiError, ApiResult};
use crate::session::{AppState, PendingImport};

/// The event carrying [`Progress`] while an import is applied.
pub const PROGRESS_EVENT: &str = "import-progress";

/// The user's column choices, and the kinds given to resources to classify.
fn mapping(choices: Vec<ColumnChoice>, kinds: Option<Vec<ResourceKindChoice>>) -> Mapping {
    Mapping {
        choices,
        kinds: kinds.unwrap_or_default(),
        ..Mapping::default()
    }
}

/// What importing `path` into the open assessment would do. The workbook
/// is read once and kept; a changed mapping is planned again from it.
#[tauri::command(async)]
pub fn plan_import(
    state: State<'_, AppState>,
    path: String,
    choices: Vec<ColumnChoice>,
    kinds: Option<Vec<ResourceKindChoice>>,
) -> ApiResult<Plan> {
    let mapping = mapping(choices, kinds);
    let path = PathBuf::from(path);
    let mut pending = state.import.lock().map_err(|_| ApiError::poisoned())?;
    if let Some(p) = pending.as_ref().filter(|p| p.path == path) {
        return state.with_workbench(|s| s.replan_import(&p.path, &p.workbook, &mapping));
    }
    let (workbook, plan) = state.with_workbench(|s| s.plan_import(&path, &mapping))?;
    *pending = Some(PendingImport { path, workbook });
    Ok(plan)
}

/// Applies the import: a backup, then one journaled edit (undone as one).
#[tauri::command(async)]
pub fn apply_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
    choices: Vec<ColumnChoice>,
    kinds: Option<Vec<ResourceKindChoice>>,
) -> ApiResult<Applied> {
    state.import_cancel.store(false, Ordering::SeqCst);
    let mapping = mapping(choices, kinds);
    let path = PathBuf::from(path);
    let planned = {
        let mut pending = state.import.lock().map_err(|_| ApiError::poisoned())?;
        match pending.as_ref().filter(|p| p.path == path) {
            Some(p) => state.with_workbench(|s| s.replan_import(&p.path, &p.workbook, &mapping))?,
            None => {
                let (workbook, plan) = state.with_workbench(|s| s.plan_import(&path, &mapping))?;
                *pending = Some(PendingImport {
                    path: path.clone(),
                    workbook,
                });
                plan
            }
        }
    };
    let cancel = &state.import_cancel;
    let applied = state.with_workbench(|s| {
        s.apply_import(&planned, &mut |p: &Progress| {
            let _ = app.emit(PROGRESS_EVENT, p);
            !cancel.load(Ordering::SeqCst)
        })
    })?;
    // The workbook is imported; a new preview reads it afresh.
    if let Ok(mut pending) = state.import.lock() {
        *pending = None;
    }
    Ok(applied)
}

/// Asks a running import to stop before it commits.
#[tauri::command]
pub fn cancel_import(state: State<'_, AppState>) {
    state.import_cancel.store(true, Ordering::SeqCst);
}

/// The cells around `cell` on `sheet` of the workbook being previewed.
#[tauri::command(async)]
pub fn import_cell_context(
    state: State<'_, AppState>,
    path: String,
    sheet: String,
    cell: Pos,
) -> ApiResult<CellContext> {
    let file = PathBuf::from(&path);
    let mut pending = state.import.lock().map_err(|_| ApiError::poisoned())?;
    if pending.as_ref().is_none_or(|p| p.path != file) {
        let workbook = bia::import::read(&file)?;
        *pending = Some(PendingImport {
            path: file.clone(),
            workbook,
        });
    }
    let workbook = &pending.as_ref().expect("just read").workbook;
    {
        let found = workbook
            .sheets
            .iter()
            .find(|s| s.name == sheet)
            .ok_or_else(|| {
                ApiError::new(
                    crate::error::ShellCode::NoSuchSheet,
                    format!("{path}: no sheet named \"{sheet}\""),
                )
            })?;
        Ok(found.context(cell, 3))
    }
}
