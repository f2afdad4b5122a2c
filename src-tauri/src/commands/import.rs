//! Import… : a legacy BIA workbook read once, planned against the open
//! assessment (again after each change of a column's mapping, without
//! re-reading the file), shown as a preview, then applied in one undoable
//! step with progress as `import-progress` events, cancellable until the
//! commit.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use bia::excel::import::{
    ColumnChoice, ImportError, Limits, Mapping, Plan, Pos, Workbook, column_letters, is_own_export,
    plan, read_workbook,
};
use bia::store::{Applied, Progress};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Runtime, State};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult};
use crate::session::AppState;

/// The event carrying [`Progress`] while an import is applied.
pub const PROGRESS_EVENT: &str = "import-progress";

/// A workbook read for the preview, kept while its mapping is adjusted.
pub struct PendingImport {
    path: PathBuf,
    workbook: Workbook,
}

/// The cells around one cell of the workbook, for "show me the cell".
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct CellContext {
    pub sheet: String,
    /// `B7`.
    pub cell: String,
    /// Column letters, left to right.
    pub columns: Vec<String>,
    /// Row numbers as Excel shows them, with the cells' text.
    pub rows: Vec<ContextRow>,
    /// Where the cell is in `rows` and `columns`.
    pub focus_row: usize,
    pub focus_column: usize,
}

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct ContextRow {
    pub number: u32,
    pub cells: Vec<String>,
}

/// Runs `f` on the workbook at `path`, reading it unless it is the one
/// already read.
fn with_workbook<T>(
    state: &AppState,
    path: &str,
    f: impl FnOnce(&PathBuf, &Workbook) -> ApiResult<T>,
) -> ApiResult<T> {
    let path = PathBuf::from(path);
    let mut pending = state
        .import
        .lock()
        .map_err(|_| ApiError::new("internal", "The app state is poisoned."))?;
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

/// Plans `workbook` against `current`. This program's own export goes back
/// exactly only into a new file (`bia import`), never merged here.
fn plan_of(
    path: &std::path::Path,
    workbook: &Workbook,
    current: &bia::model::Assessment,
    mapping: &Mapping,
) -> ApiResult<Plan> {
    if is_own_export(workbook) {
        return Err(bia::Error::from(ImportError::OwnIntoExisting {
            path: path.to_path_buf(),
        })
        .into());
    }
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
    with_workbook(&state, &path, |path, workbook| {
        plan_of(path, workbook, &current, &mapping)
    })
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
    if planned.processes.is_empty() {
        return Err(ApiError::new(
            "import_empty",
            format!("{path}: nothing could be imported (no table of processes was recognised)"),
        ));
    }
    let cancel = &state.import_cancel;
    let applied = state.with_store(|s| {
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
    const AROUND: u32 = 3;
    with_workbook(&state, &path, |_, workbook| {
        let found = workbook
            .sheets
            .iter()
            .find(|s| s.name == sheet)
            .ok_or_else(|| {
                ApiError::new(
                    "no_such_sheet",
                    format!("{path}: no sheet named \"{sheet}\""),
                )
            })?;
        let (rows, cols) = (
            cell.row.saturating_sub(AROUND)..=cell.row + AROUND,
            cell.col.saturating_sub(AROUND)..=cell.col + AROUND,
        );
        let context_rows = rows
            .clone()
            .map(|r| ContextRow {
                number: r + 1,
                cells: cols
                    .clone()
                    .map(|c| {
                        found
                            .rows
                            .iter()
                            .find(|row| row.index == r)
                            .and_then(|row| row.get(c))
                            .map_or_else(String::new, |v| v.display())
                    })
                    .collect(),
            })
            .collect();
        Ok(CellContext {
            sheet: found.name.clone(),
            cell: cell.a1(),
            columns: cols.clone().map(column_letters).collect(),
            rows: context_rows,
            focus_row: (cell.row - rows.start()) as usize,
            focus_column: (cell.col - cols.start()) as usize,
        })
    })
}
