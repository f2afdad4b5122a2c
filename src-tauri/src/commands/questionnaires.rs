//! Questionnaires: send each owner a workbook into the folder the dialog
//! chose, list and withdraw them, and take returned workbooks back —
//! reviewed first, then applied as the facilitator accepted.

use std::path::PathBuf;

use bia::model::{Acceptance, Id, Questionnaire, QuestionnaireReview, ReceiveOutcome, SendInput};
use bia::questionnaires::SentQuestionnaire;
use tauri::State;

use crate::error::ApiResult;
use crate::session::AppState;

#[tauri::command(async)]
pub fn list_questionnaires(state: State<'_, AppState>) -> ApiResult<Vec<Questionnaire>> {
    state.with_workbench(|s| s.questionnaires())
}

/// Writes one workbook per recipient into `folder` and records them.
#[tauri::command(async)]
pub fn send_questionnaires(
    state: State<'_, AppState>,
    input: SendInput,
    folder: String,
) -> ApiResult<Vec<SentQuestionnaire>> {
    let folder = PathBuf::from(folder);
    state.with_workbench(|s| s.send_questionnaires(&input, &folder))
}

#[tauri::command(async)]
pub fn resend_questionnaire(
    state: State<'_, AppState>,
    id: Id,
    folder: String,
) -> ApiResult<SentQuestionnaire> {
    let folder = PathBuf::from(folder);
    state.with_workbench(|s| s.resend_questionnaire(id, &folder))
}

#[tauri::command(async)]
pub fn withdraw_questionnaire(state: State<'_, AppState>, id: Id) -> ApiResult<Questionnaire> {
    state.with_workbench(|s| s.withdraw_questionnaire(id))
}

#[tauri::command(async)]
pub fn delete_questionnaire(state: State<'_, AppState>, id: Id) -> ApiResult<()> {
    state.with_workbench(|s| s.delete_questionnaire(id))
}

/// What a returned workbook proposes, beside what was sent and what is
/// there now; changes nothing.
#[tauri::command(async)]
pub fn review_questionnaire(
    state: State<'_, AppState>,
    path: String,
) -> ApiResult<QuestionnaireReview> {
    let path = PathBuf::from(path);
    state.with_workbench(|s| s.review_questionnaire(&path))
}

/// Applies a returned workbook's answers as accepted, as one undoable edit
/// after a backup; `reviewed` (the review's fingerprint) refuses a file
/// changed since it was reviewed.
#[tauri::command(async)]
pub fn receive_questionnaire(
    state: State<'_, AppState>,
    path: String,
    acceptance: Acceptance,
    reviewed: Option<String>,
) -> ApiResult<ReceiveOutcome> {
    let path = PathBuf::from(path);
    state.with_workbench(|s| s.receive_questionnaire(&path, &acceptance, reviewed.as_deref()))
}
