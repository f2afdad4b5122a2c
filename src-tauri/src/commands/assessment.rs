//! The assessment's facts, its methodology, and undo/redo.

use bia::History;
use bia::model::{AssessmentInfo, AssessmentInput, Counts, Methodology, MethodologyInput};
use tauri::State;

use crate::error::ApiResult;
use crate::session::AppState;

#[tauri::command(async)]
pub fn update_assessment(
    state: State<'_, AppState>,
    input: AssessmentInput,
) -> ApiResult<AssessmentInfo> {
    state.with_workbench(|s| s.update_info(&input))
}

/// How many processes (by status and unit), units, resources and
/// dependencies there are: the dashboard's first figures, counted without
/// loading the assessment.
#[tauri::command(async)]
pub fn counts(state: State<'_, AppState>) -> ApiResult<Counts> {
    state.with_workbench(|s| s.counts())
}

#[tauri::command(async)]
pub fn get_methodology(state: State<'_, AppState>) -> ApiResult<Methodology> {
    state.with_workbench(|s| s.methodology())
}

/// Checks the whole file, every page and everything in it (what opening a
/// large file leaves out); a damaged file is a `corrupt` error naming it.
#[tauri::command(async)]
pub fn check_assessment(state: State<'_, AppState>) -> ApiResult<()> {
    state.with_workbench(|s| s.check())
}

#[tauri::command(async)]
pub fn history(state: State<'_, AppState>) -> ApiResult<History> {
    state.with_workbench(|s| s.history())
}

#[tauri::command(async)]
pub fn undo(state: State<'_, AppState>) -> ApiResult<History> {
    state.with_workbench(|s| s.undo())
}

#[tauri::command(async)]
pub fn redo(state: State<'_, AppState>) -> ApiResult<History> {
    state.with_workbench(|s| s.redo())
}

/// Keeps the latest `limit` edits for undo (`None`: the default); older
/// ones are forgotten at once. Answers the limit now kept.
#[tauri::command(async)]
pub fn set_undo_limit(
    state: State<'_, AppState>,
    limit: Option<std::num::NonZeroU32>,
) -> ApiResult<u32> {
    state.with_workbench(|s| s.set_undo_limit(limit).map(|kept| kept.get()))
}

#[tauri::command(async)]
pub fn update_methodology(
    state: State<'_, AppState>,
    input: MethodologyInput,
) -> ApiResult<Methodology> {
    state.with_workbench(|s| s.update_methodology(&input))
}
