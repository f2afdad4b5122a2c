//! The process register: list, check as the user types, create, edit, delete.

use bia::model::{FieldIssue, Id, Process, ProcessInput};
use tauri::State;

use crate::error::ApiResult;
use crate::session::AppState;

#[tauri::command(async)]
pub fn list_processes(state: State<'_, AppState>) -> ApiResult<Vec<Process>> {
    state.with_workbench(|s| s.processes())
}

#[tauri::command(async)]
pub fn check_process(
    state: State<'_, AppState>,
    input: ProcessInput,
    id: Option<Id>,
) -> ApiResult<Vec<FieldIssue>> {
    state.with_workbench(|s| s.check_process(&input, id))
}

#[tauri::command(async)]
pub fn create_process(state: State<'_, AppState>, input: ProcessInput) -> ApiResult<Process> {
    state.with_workbench(|s| s.create_process(&input))
}

#[tauri::command(async)]
pub fn update_process(
    state: State<'_, AppState>,
    id: Id,
    input: ProcessInput,
) -> ApiResult<Process> {
    state.with_workbench(|s| s.update_process(id, &input))
}

#[tauri::command(async)]
pub fn delete_process(state: State<'_, AppState>, id: Id) -> ApiResult<()> {
    state.with_workbench(|s| s.delete_process(id))
}
