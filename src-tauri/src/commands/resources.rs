//! Resources and the dependencies between processes and resources.

use bia::model::{
    Dependency, DependencyInput, FieldIssue, Id, Resource, ResourceInput, ResourceKind, Strength,
};
use tauri::State;

use crate::error::ApiResult;
use crate::session::AppState;

#[tauri::command(async)]
pub fn list_resources(state: State<'_, AppState>) -> ApiResult<Vec<Resource>> {
    state.with_workbench(|s| s.resources())
}

#[tauri::command(async)]
pub fn check_resource(
    state: State<'_, AppState>,
    input: ResourceInput,
    id: Option<Id>,
) -> ApiResult<Vec<FieldIssue>> {
    state.with_workbench(|s| s.check_resource(&input, id))
}

#[tauri::command(async)]
pub fn create_resource(state: State<'_, AppState>, input: ResourceInput) -> ApiResult<Resource> {
    state.with_workbench(|s| s.create_resource(&input))
}

#[tauri::command(async)]
pub fn update_resource(
    state: State<'_, AppState>,
    id: Id,
    input: ResourceInput,
) -> ApiResult<Resource> {
    state.with_workbench(|s| s.update_resource(id, &input))
}

/// Gives a resource its kind (classifies one imported "to classify").
#[tauri::command(async)]
pub fn set_resource_kind(
    state: State<'_, AppState>,
    id: Id,
    kind: ResourceKind,
) -> ApiResult<Resource> {
    state.with_workbench(|s| s.set_resource_kind(id, kind))
}

#[tauri::command(async)]
pub fn delete_resource(state: State<'_, AppState>, id: Id) -> ApiResult<()> {
    state.with_workbench(|s| s.delete_resource(id))
}

#[tauri::command(async)]
pub fn list_dependencies(state: State<'_, AppState>) -> ApiResult<Vec<Dependency>> {
    state.with_workbench(|s| s.dependencies())
}

#[tauri::command(async)]
pub fn create_dependency(
    state: State<'_, AppState>,
    input: DependencyInput,
) -> ApiResult<Dependency> {
    state.with_workbench(|s| s.create_dependency(&input))
}

#[tauri::command(async)]
pub fn update_dependency(
    state: State<'_, AppState>,
    id: Id,
    strength: Strength,
    note: String,
) -> ApiResult<Dependency> {
    state.with_workbench(|s| s.update_dependency(id, strength, &note))
}

#[tauri::command(async)]
pub fn delete_dependency(state: State<'_, AppState>, id: Id) -> ApiResult<()> {
    state.with_workbench(|s| s.delete_dependency(id))
}
