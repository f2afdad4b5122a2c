//! BIA Workbench desktop shell: the Tauri application around the `bia` core.
//!
//! [`builder`] wires everything (plugins, state, menu, commands) onto any
//! Tauri runtime, so `main` and the mock-runtime tests share one wiring.
//! The shell holds no business logic: commands call the core, and the core
//! owns every rule and every write.

#[macro_use]
#[path = "commands/list.rs"]
mod command_list;

/// The invoke handler of every command in `commands/list.rs`.
macro_rules! handler {
    ($($module:ident :: $name:ident),* $(,)?) => {
        tauri::generate_handler![$(commands::$module::$name),*]
    };
}

/// The names of every command in `commands/list.rs`, as the UI invokes them.
macro_rules! command_names {
    ($($module:ident :: $name:ident),* $(,)?) => {
        &[$(stringify!($name)),*]
    };
}

/// Every command the UI may invoke, in the order of `commands/list.rs`.
pub const COMMANDS: &[&str] = with_commands!(command_names);

pub mod commands;
pub mod error;
pub mod menu;
pub mod recent;
pub mod rendering;
pub mod session;

use std::path::PathBuf;

use tauri::{AppHandle, Builder, Manager, Runtime};

use crate::session::AppState;

/// What the window shows first.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Startup {
    #[default]
    StartScreen,
    /// Open the demo assessment (`--demo`).
    Demo,
    /// Open this file (given on the command line).
    File(PathBuf),
}

/// Everything the app needs, on top of `builder`. `state` carries the data
/// folder when the caller (a test) wants its own; otherwise the app's data
/// folder is used.
pub fn builder<R: Runtime>(builder: Builder<R>, state: AppState, startup: Startup) -> Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .on_menu_event(|app, event| menu::on_event(app, event))
        .setup(move |app| {
            start(app.handle(), &startup);
            Ok(())
        })
        .invoke_handler(with_commands!(handler))
}

/// What happens once the app is ready (the `setup` hook; tests on the mock
/// runtime, where no event loop runs, call it themselves): find the data
/// folder, show the menu, open what the command line named.
pub fn start<R: Runtime>(app: &AppHandle<R>, startup: &Startup) {
    let state = app.state::<AppState>();
    commands::audience::tell_audience_of_changes(app, &state);
    let needs_dir = state.data_dir.lock().map(|d| d.is_none()).unwrap_or(false);
    if needs_dir
        && let Ok(dir) = app.path().app_data_dir()
        && let Ok(mut slot) = state.data_dir.lock()
    {
        *slot = Some(dir);
    }
    let recent = commands::files::data_dir(&state)
        .map(|d| recent::load(&d.join("recent.json")))
        .unwrap_or_default();
    menu::refresh(app, &recent);
    let opened = match startup {
        Startup::StartScreen => Ok(None),
        Startup::Demo => commands::files::open_demo_in(app, &state).map(Some),
        Startup::File(path) => commands::files::open_path(app, &state, path).map(Some),
    };
    if let Err(err) = opened
        && let Ok(mut slot) = state.startup_error.lock()
    {
        *slot = Some(err);
    }
}

/// Runs the desktop app. However it ends (Quit, the window's close button),
/// the open assessment is closed properly, its write-ahead log folded back
/// so that the `.bia` file alone carries everything.
pub fn run(startup: Startup) {
    let state = AppState {
        native_menu: true,
        currency: bia::locale::currency(),
        ..AppState::default()
    };
    builder(tauri::Builder::default(), state, startup)
        .build(tauri::generate_context!())
        .expect("the BIA Workbench window could not start")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event
                && let Ok(mut slot) = app.state::<AppState>().store.lock()
                && let Some(store) = slot.take()
            {
                let _ = store.close();
            }
        });
}
