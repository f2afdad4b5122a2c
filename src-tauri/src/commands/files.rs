//! Opening, creating and closing assessment files; the demo; the recent list.
//! Also keeps the window title and the File ▸ Open Recent menu in step.

use std::path::{Path, PathBuf};

use bia::Workbench;
use bia::model::AssessmentInput;
use tauri::{AppHandle, Manager, Runtime, State};

use crate::error::{ApiError, ApiResult};
use crate::menu;
use crate::recent;
use crate::session::{AppState, RecentFile, Session, session_of};

/// The demo's file name in the app's data folder.
pub const DEMO_FILE: &str = "Harbourline Logistics (demo).bia";
const RECENT_FILE: &str = "recent.json";
const APP_TITLE: &str = "BIA Workbench";

#[tauri::command(async)]
pub fn current_session(state: State<'_, AppState>) -> ApiResult<Option<Session>> {
    if let Some(err) = state.startup_error.lock().ok().and_then(|mut e| e.take()) {
        return Err(err);
    }
    let guard = state.store.lock().map_err(|_| ApiError::poisoned())?;
    Ok(guard.as_ref().map(session_of).transpose()?)
}

#[tauri::command(async)]
pub fn new_assessment<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
    input: AssessmentInput,
) -> ApiResult<Session> {
    let store = Workbench::create(Path::new(&path), &input, state.currency.clone())?;
    install(&app, &state, store)
}

#[tauri::command(async)]
pub fn open_assessment<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
) -> ApiResult<Session> {
    open_path(&app, &state, Path::new(&path))
}

/// Opens the demo in the app's data folder, creating it the first time.
#[tauri::command(async)]
pub fn open_demo<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> ApiResult<Session> {
    open_demo_in(&app, &state)
}

pub fn open_demo_in<R: Runtime>(app: &AppHandle<R>, state: &AppState) -> ApiResult<Session> {
    let path = data_dir(state)?.join(DEMO_FILE);
    if path.exists() {
        return open_path(app, state, &path);
    }
    std::fs::create_dir_all(path.parent().unwrap_or(Path::new("."))).map_err(|e| {
        ApiError::new(
            crate::error::ShellCode::Io,
            format!("{}: {e}", path.display()),
        )
    })?;
    let store = Workbench::create_demo(&path)?;
    install(app, state, store)
}

/// "Save a copy to edit": writes the open assessment to `path` (a new
/// file) and opens the copy for editing in its place.
#[tauri::command(async)]
pub fn save_copy<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
) -> ApiResult<Session> {
    let copy = state.with_workbench(|s| s.save_copy(Path::new(&path)))?;
    install(&app, &state, copy)
}

/// What a recovery made: the new file, open, and what it could not copy.
#[derive(Debug, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Recovered {
    pub session: Session,
    pub recovery: bia::workbench::Recovery,
}

/// "Recover what can be read into a new file": copies what can be read of
/// the damaged file at `path` into a new one at `out`, and opens it.
#[tauri::command(async)]
pub fn recover_assessment<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
    out: String,
) -> ApiResult<Recovered> {
    let (damaged, out) = (Path::new(&path), Path::new(&out));
    // The open file, found damaged after opening, is read through its own
    // connection (which holds its lock); any other file is read anew.
    let recovered = {
        let guard = state.store.lock().map_err(|_| ApiError::poisoned())?;
        match guard
            .as_ref()
            .filter(|open| same_file(open.path(), damaged))
        {
            Some(open) => open.recover_into(out),
            None => Workbench::recover(damaged, out),
        }
    };
    let (store, recovery) = recovered?;
    let session = install(&app, &state, store)?;
    Ok(Recovered { session, recovery })
}

#[tauri::command(async)]
pub fn close_assessment<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> ApiResult<()> {
    let store = state.store.lock().map_err(|_| ApiError::poisoned())?.take();
    set_title(&app, APP_TITLE);
    match store {
        Some(store) => Ok(store.close()?),
        None => Ok(()),
    }
}

#[tauri::command(async)]
pub fn recent_files(state: State<'_, AppState>) -> ApiResult<Vec<RecentFile>> {
    Ok(recent::load(&data_dir(&state)?.join(RECENT_FILE)))
}

#[tauri::command(async)]
pub fn forget_recent<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
) -> ApiResult<Vec<RecentFile>> {
    let file = data_dir(&state)?.join(RECENT_FILE);
    let mut list = recent::load(&file);
    recent::forget(&mut list, &path);
    recent::save(&file, &list).map_err(|e| {
        ApiError::new(
            crate::error::ShellCode::Io,
            format!("{}: {e}", file.display()),
        )
    })?;
    menu::refresh(&app, &list);
    Ok(list)
}

/// Opens `path`, unless it is the file already open here.
pub fn open_path<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    path: &Path,
) -> ApiResult<Session> {
    {
        let guard = state.store.lock().map_err(|_| ApiError::poisoned())?;
        if let Some(store) = guard.as_ref()
            && same_file(store.path(), path)
        {
            return Ok(session_of(store)?);
        }
    }
    let store = Workbench::open(path)?;
    install(app, state, store)
}

/// Makes `store` the open assessment (closing any other), and records it.
fn install<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    store: Workbench,
) -> ApiResult<Session> {
    let session = session_of(&store)?;
    let previous = {
        let mut guard = state.store.lock().map_err(|_| ApiError::poisoned())?;
        guard.replace(store)
    };
    if let Some(previous) = previous {
        let _ = previous.close();
    }
    set_title(app, &format!("{} — {APP_TITLE}", session.file_name));
    if let Ok(dir) = data_dir(state) {
        let file = dir.join(RECENT_FILE);
        let mut list = recent::load(&file);
        let entry = RecentFile {
            path: session.path.clone(),
            name: session.info.name.clone(),
            opened_at: bia::now(),
            exists: true,
        };
        recent::remember(&mut list, entry);
        // The recent list is a convenience: failing to save it is not an error.
        let _ = recent::save(&file, &list);
        menu::refresh(app, &list);
    }
    Ok(session)
}

pub fn data_dir(state: &AppState) -> ApiResult<PathBuf> {
    state
        .data_dir
        .lock()
        .ok()
        .and_then(|d| d.clone())
        .ok_or_else(|| {
            ApiError::new(
                crate::error::ShellCode::Io,
                "The app's data folder is not known.",
            )
        })
}

fn set_title<R: Runtime>(app: &AppHandle<R>, title: &str) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(title);
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
