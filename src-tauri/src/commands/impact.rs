//! Impact over time, analysis, recovery objectives, the decision log and the
//! review workflow.

use bia::analysis::{Analysis, ProcessAnalysis};
use bia::model::{
    Decision, Id, Objectives, ObjectivesInput, Process, ProcessImpact, Provenance, ScoreInput,
    Status,
};
use bia::objectives::ObjectivesCheck;
use tauri::State;

use crate::error::ApiResult;
use crate::session::AppState;

#[tauri::command(async)]
pub fn get_process_impact(state: State<'_, AppState>, process_id: Id) -> ApiResult<ProcessImpact> {
    state.with_store(|s| s.process_impact(process_id))
}

#[tauri::command(async)]
pub fn set_scores(
    state: State<'_, AppState>,
    process_id: Id,
    inputs: Vec<ScoreInput>,
) -> ApiResult<ProcessImpact> {
    state.with_store(|s| s.set_scores(process_id, &inputs, &Provenance::Workshop))
}

#[tauri::command(async)]
pub fn set_impact_rationale(
    state: State<'_, AppState>,
    process_id: Id,
    rationale: String,
) -> ApiResult<ProcessImpact> {
    state.with_store(|s| s.set_impact_rationale(process_id, &rationale))
}

#[tauri::command(async)]
pub fn analyze(state: State<'_, AppState>) -> ApiResult<Analysis> {
    state.with_store(|s| s.load().map(|a| bia::analysis::analyze(&a)))
}

#[tauri::command(async)]
pub fn analyze_process(state: State<'_, AppState>, process_id: Id) -> ApiResult<ProcessAnalysis> {
    state.with_store(|s| bia::objectives::analyze_process(s, process_id))
}

#[tauri::command(async)]
pub fn get_objectives(state: State<'_, AppState>, process_id: Id) -> ApiResult<Option<Objectives>> {
    state.with_store(|s| s.objectives(process_id))
}

#[tauri::command(async)]
pub fn check_objectives(
    state: State<'_, AppState>,
    process_id: Id,
    input: ObjectivesInput,
) -> ApiResult<ObjectivesCheck> {
    state.with_store(|s| bia::objectives::check(s, process_id, &input))
}

#[tauri::command(async)]
pub fn set_objectives(
    state: State<'_, AppState>,
    process_id: Id,
    input: ObjectivesInput,
) -> ApiResult<Objectives> {
    state.with_store(|s| bia::objectives::agree(s, process_id, &input, &Provenance::Workshop))
}

#[tauri::command(async)]
pub fn decisions(state: State<'_, AppState>, process_id: Option<Id>) -> ApiResult<Vec<Decision>> {
    state.with_store(|s| s.decisions(process_id))
}

#[tauri::command(async)]
pub fn set_status(
    state: State<'_, AppState>,
    process_id: Id,
    status: Status,
    note: String,
) -> ApiResult<Process> {
    state.with_store(|s| s.set_status(process_id, status, &note))
}
