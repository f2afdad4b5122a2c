//! The audience view: a second window the facilitator drags to the
//! projector (or sends full screen on a chosen display). It is read-only
//! (its capability grants reading commands only) and follows the
//! facilitator's window: each step, process or focused cell, each edit
//! and the timer reach it as an `audience` event carrying an
//! [`AudienceView`], which the shell also keeps so that a window opened
//! (or reloaded) late starts where the facilitator stands.

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime, State, WebviewUrl, WebviewWindowBuilder};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult, ShellCode};
use crate::session::{AppState, AudienceView};

/// The label of the audience window.
pub const AUDIENCE_WINDOW: &str = "audience";
/// The event carrying an [`AudienceView`] to the audience window.
pub const AUDIENCE_EVENT: &str = "audience";
/// The event telling the audience window that the open file changed (any
/// command that wrote to it): it reads what it shows again.
pub const CHANGED_EVENT: &str = "assessment-changed";

/// Tells the audience window after every write to the open file (`AppState::on_change`).
pub fn tell_audience_of_changes<R: Runtime>(app: &AppHandle<R>, state: &AppState) {
    let app = app.clone();
    if let Ok(mut slot) = state.on_change.lock() {
        *slot = Some(std::sync::Arc::new(move || {
            let _ = app.emit_to(AUDIENCE_WINDOW, CHANGED_EVENT, ());
        }));
    }
}

/// A display the audience window may go full screen on.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Display {
    pub index: u32,
    pub name: String,
    pub width: u32,
    pub height: u32,
    pub primary: bool,
}

/// The displays attached, the primary one marked.
#[tauri::command(async)]
pub fn list_displays<R: Runtime>(app: AppHandle<R>) -> ApiResult<Vec<Display>> {
    let primary = app.primary_monitor().ok().flatten();
    let monitors = app.available_monitors().unwrap_or_default();
    Ok(monitors
        .iter()
        .enumerate()
        .map(|(i, m)| Display {
            index: i as u32,
            name: m
                .name()
                .cloned()
                .unwrap_or_else(|| format!("Display {}", i + 1)),
            width: m.size().width,
            height: m.size().height,
            primary: primary
                .as_ref()
                .is_some_and(|p| p.name() == m.name() && p.position() == m.position()),
        })
        .collect())
}

/// Opens the audience window (or brings it forward), full screen on
/// `display` when one is given.
#[tauri::command(async)]
pub fn open_audience<R: Runtime>(app: AppHandle<R>, display: Option<u32>) -> ApiResult<()> {
    let failed = |e: tauri::Error| {
        ApiError::new(
            ShellCode::Window,
            format!("the audience window could not open ({e})"),
        )
    };
    let window = match app.get_webview_window(AUDIENCE_WINDOW) {
        Some(w) => w,
        None => WebviewWindowBuilder::new(
            &app,
            AUDIENCE_WINDOW,
            WebviewUrl::App("index.html?view=audience".into()),
        )
        .title("BIA Workbench — audience")
        .inner_size(1280.0, 720.0)
        .min_inner_size(640.0, 360.0)
        .build()
        .map_err(failed)?,
    };
    if let Some(index) = display {
        let monitors = app.available_monitors().map_err(failed)?;
        let monitor = monitors.get(index as usize).ok_or_else(|| {
            ApiError::new(
                ShellCode::Window,
                format!(
                    "there is no display {} ({} attached)",
                    index + 1,
                    monitors.len()
                ),
            )
        })?;
        window
            .set_position(*monitor.position())
            .and_then(|_| window.set_fullscreen(true))
            .map_err(failed)?;
    }
    let _ = window.set_focus();
    Ok(())
}

#[tauri::command(async)]
pub fn close_audience<R: Runtime>(app: AppHandle<R>) -> ApiResult<()> {
    if let Some(w) = app.get_webview_window(AUDIENCE_WINDOW) {
        w.close().map_err(|e| {
            ApiError::new(
                ShellCode::Window,
                format!("the audience window could not close ({e})"),
            )
        })?;
    }
    Ok(())
}

/// Shows `view` to the audience (and keeps it for a window opened later).
#[tauri::command(async)]
pub fn present<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    view: AudienceView,
) -> ApiResult<()> {
    *state.audience.lock().map_err(|_| ApiError::poisoned())? = Some(view.clone());
    let _ = app.emit_to(AUDIENCE_WINDOW, AUDIENCE_EVENT, view);
    Ok(())
}

/// What the audience window shows first: the view last presented.
#[tauri::command(async)]
pub fn audience_view(state: State<'_, AppState>) -> ApiResult<Option<AudienceView>> {
    Ok(state
        .audience
        .lock()
        .map_err(|_| ApiError::poisoned())?
        .clone())
}
