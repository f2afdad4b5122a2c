//! Impact over time, analysis, recovery objectives, the decision log and the
//! review workflow.

use bia::analysis::{Analysis, Overview, ProcessAnalysis};
use bia::model::{
    Decision, Id, Objectives, ObjectivesInput, Process, ProcessImpact, ScoreInput, Status,
};
use bia::objectives::ObjectivesCheck;
use tauri::State;

use crate::error::ApiResult;
use crate::session::AppState;

#[tauri::command(async)]
pub fn get_process_impact(state: State<'_, AppState>, process_id: Id) -> ApiResult<ProcessImpact> {
    state.with_workbench(|s| s.process_impact(process_id))
}

#[tauri::command(async)]
pub fn set_scores(
    state: State<'_, AppState>,
    process_id: Id,
    inputs: Vec<ScoreInput>,
) -> ApiResult<ProcessImpact> {
    state.with_workbench(|s| s.set_scores(process_id, &inputs))
}

#[tauri::command(async)]
pub fn set_impact_rationale(
    state: State<'_, AppState>,
    process_id: Id,
    rationale: String,
) -> ApiResult<ProcessImpact> {
    state.with_workbench(|s| s.set_impact_rationale(process_id, &rationale))
}

/// The assessment at a glance: the Dashboard's tiles and its list of the
/// most time-critical processes (a few hundred bytes, whatever the size).
#[tauri::command(async)]
pub fn overview(state: State<'_, AppState>) -> ApiResult<Overview> {
    let insight = state.with_workbench(|s| s.insight())?;
    Ok(insight.overview())
}

#[tauri::command(async)]
pub fn analyze(state: State<'_, AppState>) -> ApiResult<Analysis> {
    state.with_workbench(|s| s.analyze())
}

#[tauri::command(async)]
pub fn analyze_process(state: State<'_, AppState>, process_id: Id) -> ApiResult<ProcessAnalysis> {
    state.with_workbench(|s| s.analyze_process(process_id))
}

#[tauri::command(async)]
pub fn get_objectives(state: State<'_, AppState>, process_id: Id) -> ApiResult<Option<Objectives>> {
    state.with_workbench(|s| s.objectives(process_id))
}

#[tauri::command(async)]
pub fn check_objectives(
    state: State<'_, AppState>,
    process_id: Id,
    input: ObjectivesInput,
) -> ApiResult<ObjectivesCheck> {
    state.with_workbench(|s| s.check_objectives(process_id, &input))
}

#[tauri::command(async)]
pub fn set_objectives(
    state: State<'_, AppState>,
    process_id: Id,
    input: ObjectivesInput,
) -> ApiResult<Objectives> {
    state.with_workbench(|s| s.agree_objectives(process_id, &input))
}

#[tauri::command(async)]
pub fn decisions(state: State<'_, AppState>, process_id: Option<Id>) -> ApiResult<Vec<Decision>> {
    state.with_workbench(|s| s.decisions(process_id))
}

#[tauri::command(async)]
pub fn set_status(
    state: State<'_, AppState>,
    process_id: Id,
    status: Status,
    note: String,
) -> ApiResult<Process> {
    state.with_workbench(|s| s.set_status(process_id, status, &note))
}
