//! Workshops: plan, run and finish one; its agenda, participants and
//! sign-offs; actions and open questions; the minutes written where the
//! save dialog said.

use std::path::PathBuf;

use bia::model::{
    Action, ActionInput, AgendaInput, AgendaUpdate, Id, MoveOn, MovedOn, ParticipantInput, Status,
    Workshop, WorkshopInput,
};
use bia::workbench::KnownPerson;
use tauri::State;

use crate::error::ApiResult;
use crate::session::AppState;

#[tauri::command(async)]
pub fn list_workshops(state: State<'_, AppState>) -> ApiResult<Vec<Workshop>> {
    state.with_workbench(|s| s.workshops())
}

/// The workshop running now, if one is: opening a file offers to resume it.
#[tauri::command(async)]
pub fn running_workshop(state: State<'_, AppState>) -> ApiResult<Option<Workshop>> {
    state.with_workbench(|s| s.running_workshop())
}

#[tauri::command(async)]
pub fn known_people(state: State<'_, AppState>) -> ApiResult<Vec<KnownPerson>> {
    state.with_workbench(|s| s.known_people())
}

#[tauri::command(async)]
pub fn create_workshop(
    state: State<'_, AppState>,
    input: WorkshopInput,
    participants: Vec<ParticipantInput>,
    agenda: Vec<AgendaInput>,
) -> ApiResult<Workshop> {
    state.with_workbench(|s| s.create_workshop(&input, &participants, &agenda))
}

#[tauri::command(async)]
pub fn update_workshop(
    state: State<'_, AppState>,
    id: Id,
    input: WorkshopInput,
    participants: Vec<ParticipantInput>,
    agenda: Vec<AgendaInput>,
) -> ApiResult<Workshop> {
    state.with_workbench(|s| s.update_workshop(id, &input, &participants, &agenda))
}

#[tauri::command(async)]
pub fn delete_workshop(state: State<'_, AppState>, id: Id) -> ApiResult<()> {
    state.with_workbench(|s| s.delete_workshop(id))
}

#[tauri::command(async)]
pub fn start_workshop(state: State<'_, AppState>, id: Id) -> ApiResult<Workshop> {
    state.with_workbench(|s| s.start_workshop(id))
}

#[tauri::command(async)]
pub fn finish_workshop(state: State<'_, AppState>, id: Id) -> ApiResult<Workshop> {
    state.with_workbench(|s| s.finish_workshop(id))
}

#[tauri::command(async)]
pub fn update_agenda_item(
    state: State<'_, AppState>,
    workshop: Id,
    process: Id,
    update: AgendaUpdate,
) -> ApiResult<Workshop> {
    state.with_workbench(|s| s.update_agenda_item(workshop, process, &update))
}

/// Moves on in a running workshop as one step: the item left, how it is
/// left and its time; the next item put under discussion.
#[tauri::command(async)]
pub fn move_on(state: State<'_, AppState>, workshop: Id, mv: MoveOn) -> ApiResult<MovedOn> {
    state.with_workbench(|s| s.move_on(workshop, &mv))
}

#[tauri::command(async)]
pub fn set_participant_present(
    state: State<'_, AppState>,
    workshop: Id,
    participant: Id,
    present: bool,
) -> ApiResult<Workshop> {
    state.with_workbench(|s| s.set_participant_present(workshop, participant, present))
}

#[tauri::command(async)]
pub fn sign_off(
    state: State<'_, AppState>,
    workshop: Id,
    process: Id,
    by: Vec<String>,
    status: Option<Status>,
) -> ApiResult<Workshop> {
    state.with_workbench(|s| s.sign_off(workshop, process, &by, status))
}

#[tauri::command(async)]
pub fn list_actions(state: State<'_, AppState>, workshop: Option<Id>) -> ApiResult<Vec<Action>> {
    state.with_workbench(|s| s.actions(workshop))
}

#[tauri::command(async)]
pub fn add_action(state: State<'_, AppState>, input: ActionInput) -> ApiResult<Action> {
    state.with_workbench(|s| s.add_action(&input))
}

#[tauri::command(async)]
pub fn update_action(state: State<'_, AppState>, id: Id, input: ActionInput) -> ApiResult<Action> {
    state.with_workbench(|s| s.update_action(id, &input))
}

#[tauri::command(async)]
pub fn delete_action(state: State<'_, AppState>, id: Id) -> ApiResult<()> {
    state.with_workbench(|s| s.delete_action(id))
}

/// Writes a workshop's minutes to the path the save dialog gave: a
/// workbook (.xlsx) or a PDF (.pdf).
#[tauri::command(async)]
pub fn save_minutes(state: State<'_, AppState>, workshop: Id, path: String) -> ApiResult<()> {
    let path = PathBuf::from(path);
    state.with_workbench(|s| s.save_minutes(workshop, &path))
}
