//! Copies handed out and merged back (File ▸ Give a Copy To…, File ▸ Merge
//! a Copy…): what the open file is among its copies, writing a copy for a
//! colleague to the path the save dialog chose, merging one back (a dry run
//! first, for the preview), merging like an import a file that shares no
//! fork point with this one (File ▸ Import… of a .bia or of this program's
//! exported workbook), and the conflicts merges left in the file, resolved
//! one at a time. The merging is the core's; the other file is only read.

use std::path::Path;

use bia::model::{Conflict, CopyInfo, GivenCopy, MergeReport, Prefer, ResolveInput};
use tauri::State;

use crate::error::ApiResult;
use crate::session::AppState;

#[tauri::command(async)]
pub fn copy_info(state: State<'_, AppState>) -> ApiResult<CopyInfo> {
    state.with_workbench(|s| s.copy_info())
}

/// Writes a copy of the open assessment to `path` (a new file) for `holder`.
#[tauri::command(async)]
pub fn give_copy(state: State<'_, AppState>, path: String, holder: String) -> ApiResult<GivenCopy> {
    state.with_workbench(|s| s.give_copy(Path::new(&path), &holder))
}

/// Merges the copy at `path` (only read) into the open file as one
/// undoable edit after a backup; with `dry_run`, only says what it would
/// do. `prefer` settles every conflict on one side; without it they stay
/// listed, "mine" kept, until resolved.
#[tauri::command(async)]
pub fn merge_copy(
    state: State<'_, AppState>,
    path: String,
    prefer: Option<Prefer>,
    dry_run: bool,
) -> ApiResult<MergeReport> {
    state.with_workbench(|s| s.merge_copy(Path::new(&path), prefer, dry_run))
}

/// Merges the assessment file or exported workbook at `path` (only read)
/// like an import: rows matched by id, then by name, a field empty here
/// filled, one filled differently on both sides a conflict, nothing here
/// removed. One undoable edit after a backup; with `dry_run`, only says
/// what it would do.
#[tauri::command(async)]
pub fn import_assessment(
    state: State<'_, AppState>,
    path: String,
    dry_run: bool,
) -> ApiResult<MergeReport> {
    state.with_workbench(|s| s.import_assessment(Path::new(&path), dry_run))
}

/// Every conflict merges have left in the file, the unresolved first.
#[tauri::command(async)]
pub fn list_conflicts(state: State<'_, AppState>) -> ApiResult<Vec<Conflict>> {
    state.with_workbench(|s| s.conflicts())
}

/// Resolves one conflict (mine, theirs, a typed value, or both) as one
/// undoable edit.
#[tauri::command(async)]
pub fn resolve_conflict(state: State<'_, AppState>, input: ResolveInput) -> ApiResult<Conflict> {
    state.with_workbench(|s| s.resolve_conflict(&input))
}
