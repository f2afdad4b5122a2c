//! Import… : a legacy BIA workbook read once, planned against the open
//! assessment (again after each change of a column's mapping, without
//! re-reading the file), shown as a preview, then applied in one undoable
//! step with progress as `import-progress` events, cancellable until the
//! commit.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use bia::excel::import::{
    CellContext, ColumnChoice, Limits, Mapping, Plan, Pos, Workbook, plan, read_and_plan,
    read_workbook,
};
use bia::import::{Applied, Progress};
use tauri::{AppHandle, Emitter, Runtime, State};

use crate::error::{ApiError, ApiResult};
use crate::session::AppState;

/// The event carrying [`Progress`] while an import is applied.
pub const PROGRESS_EVENT: &str = "import-progress";

/// A workbook read for the preview, kept while its mapping is adjusted.
pub struct PendingImport {
    path: PathBuf,
    workbook: Workbook,
}

/// Runs `f` on the workbook at `path`, reading it unless it is the one
/// already read.
fn with_workbook<T>(
    state: &AppState,
    path: &str,
    f: impl FnOnce(&PathBuf, &Workbook) -> ApiResult<T>,
) -> ApiResult<T> {
    let path = PathBuf::from(path);
    let mut pending = state.import.lock().map_err(|_| ApiError::poisoned())?;
    let fresh = pending.as_ref().is_none_or(|p| p.path != path);
    if fresh {
        let workbook = read_workbook(&path, &Limits::default()).map_err(bia::Error::from)?;
        *pending = Some(PendingImport {
            path: path.clone(),
            workbook,
        });
    }
    let p = pending.as_ref().expect("just read");
    f(&p.path, &p.workbook)
}

fn plan_of(
    path: &std::path::Path,
    workbook: &Workbook,
    current: &bia::model::Assessment,
    mapping: &Mapping,
) -> ApiResult<Plan> {
    Ok(plan(path, workbook, current, mapping).map_err(bia::Error::from)?)
}

fn mapping(choices: Vec<ColumnChoice>) -> Mapping {
    Mapping {
        choices,
        ..Mapping::default()
    }
}

/// What importing `path` into the open assessment would do.
#[tauri::command(async)]
pub fn plan_import(
    state: State<'_, AppState>,
    path: String,
    choices: Vec<ColumnChoice>,
) -> ApiResult<Plan> {
    let current = state.with_store(|s| s.load())?;
    let mapping = mapping(choices);
    let path = PathBuf::from(path);
    let mut pending = state.import.lock().map_err(|_| ApiError::poisoned())?;
    if let Some(p) = pending.as_ref().filter(|p| p.path == path) {
        return plan_of(&p.path, &p.workbook, &current, &mapping);
    }
    // First look at this file: planned on the second core while it is read.
    let (workbook, plan) =
        read_and_plan(&path, &Limits::default(), &current, &mapping).map_err(bia::Error::from)?;
    *pending = Some(PendingImport { path, workbook });
    Ok(plan.map_err(bia::Error::from)?)
}

/// Applies the import: a backup, then one journaled edit (undone as one).
#[tauri::command(async)]
pub fn apply_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
    choices: Vec<ColumnChoice>,
) -> ApiResult<Applied> {
    state.import_cancel.store(false, Ordering::SeqCst);
    let mapping = mapping(choices);
    let planned = {
        let current = state.with_store(|s| s.load())?;
        with_workbook(&state, &path, |path, workbook| {
            plan_of(path, workbook, &current, &mapping)
        })?
    };
    let cancel = &state.import_cancel;
    let applied = state.with_store(|s| {
        bia::import::apply(s, &planned, &mut |p: &Progress| {
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
    with_workbook(&state, &path, |_, workbook| {
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
    })
}
