//! Organisational units: list, create, rename or move, delete.

use bia::model::{Id, Unit, UnitInput};
use tauri::State;

use crate::error::ApiResult;
use crate::session::AppState;

#[tauri::command(async)]
pub fn list_units(state: State<'_, AppState>) -> ApiResult<Vec<Unit>> {
    state.with_workbench(|s| s.units())
}

#[tauri::command(async)]
pub fn create_unit(state: State<'_, AppState>, input: UnitInput) -> ApiResult<Unit> {
    state.with_workbench(|s| s.create_unit(&input))
}

#[tauri::command(async)]
pub fn update_unit(state: State<'_, AppState>, id: Id, input: UnitInput) -> ApiResult<Unit> {
    state.with_workbench(|s| s.update_unit(id, &input))
}

#[tauri::command(async)]
pub fn delete_unit(state: State<'_, AppState>, id: Id) -> ApiResult<()> {
    state.with_workbench(|s| s.delete_unit(id))
}
