//! The native menu: File (New, Open, Open Recent, Import, Export, Compare
//! with…, Give a Copy To…, Merge a Copy…, Close, Quit) and Edit
//! (Undo, Redo, and the clipboard items). A menu click is sent to the UI as
//! a `menu` event carrying a `MenuAction`; the UI runs the same flow as its
//! own buttons, so there is one path for each action.

use serde::Serialize;
use tauri::menu::{
    Menu, MenuBuilder, MenuEvent, MenuItemBuilder, PredefinedMenuItem, Submenu, SubmenuBuilder,
};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::session::{AppState, RecentFile};

/// What the UI is asked to do (see `MenuAction` in `ui/src/lib/api.ts`).
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum MenuAction {
    New,
    Open,
    OpenRecent { path: String },
    Close,
    Import,
    Export,
    Compare,
    GiveCopy,
    MergeCopy,
    Undo,
    Redo,
}

const RECENT_PREFIX: &str = "recent:";
const FILE: &str = "file";
const QUIT: &str = "quit";
const OPEN_RECENT: &str = "open_recent";

/// Puts the recent files (those still present) into the Open Recent submenu.
fn fill_recent<R: Runtime>(
    app: &AppHandle<R>,
    submenu: &Submenu<R>,
    recent: &[RecentFile],
) -> tauri::Result<()> {
    for item in submenu.items()? {
        submenu.remove(&item)?;
    }
    let present: Vec<_> = recent.iter().filter(|r| r.exists).collect();
    if present.is_empty() {
        submenu.append(
            &MenuItemBuilder::with_id("recent-none", "No recent files")
                .enabled(false)
                .build(app)?,
        )?;
    }
    for r in present {
        let label = format!("{} — {}", r.name, r.path);
        submenu.append(
            &MenuItemBuilder::with_id(format!("{RECENT_PREFIX}{}", r.path), label).build(app)?,
        )?;
    }
    Ok(())
}

/// The Open Recent submenu of the menu in use, if there is one.
fn recent_submenu<R: Runtime>(app: &AppHandle<R>) -> Option<Submenu<R>> {
    let file = app.menu()?.get(FILE)?;
    let open_recent = file.as_submenu()?.get(OPEN_RECENT)?;
    open_recent.as_submenu().cloned()
}

pub fn build<R: Runtime>(app: &AppHandle<R>, recent: &[RecentFile]) -> tauri::Result<Menu<R>> {
    let open_recent = SubmenuBuilder::with_id(app, OPEN_RECENT, "Open Recent").build()?;
    fill_recent(app, &open_recent, recent)?;
    let file = SubmenuBuilder::with_id(app, FILE, "File")
        .item(
            &MenuItemBuilder::with_id("new", "New Assessment…")
                .accelerator("CmdOrCtrl+N")
                .build(app)?,
        )
        .item(
            &MenuItemBuilder::with_id("open", "Open…")
                .accelerator("CmdOrCtrl+O")
                .build(app)?,
        )
        .item(&open_recent)
        .separator()
        .item(
            &MenuItemBuilder::with_id("import", "Import…")
                .accelerator("CmdOrCtrl+I")
                .build(app)?,
        )
        .item(
            &MenuItemBuilder::with_id("export", "Export Workbook…")
                .accelerator("CmdOrCtrl+E")
                .build(app)?,
        )
        .item(&MenuItemBuilder::with_id("compare", "Compare with…").build(app)?)
        .separator()
        .item(&MenuItemBuilder::with_id("give_copy", "Give a Copy To…").build(app)?)
        .item(&MenuItemBuilder::with_id("merge_copy", "Merge a Copy…").build(app)?)
        .separator()
        .item(
            &MenuItemBuilder::with_id("close", "Close")
                .accelerator("CmdOrCtrl+W")
                .build(app)?,
        )
        .separator()
        .item(
            &MenuItemBuilder::with_id(QUIT, "Quit")
                .accelerator("CmdOrCtrl+Q")
                .build(app)?,
        )
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(
            &MenuItemBuilder::with_id("undo", "Undo")
                .accelerator("CmdOrCtrl+Z")
                .build(app)?,
        )
        .item(
            &MenuItemBuilder::with_id("redo", "Redo")
                .accelerator("CmdOrCtrl+Shift+Z")
                .build(app)?,
        )
        .separator()
        .item(&PredefinedMenuItem::cut(app, None)?)
        .item(&PredefinedMenuItem::copy(app, None)?)
        .item(&PredefinedMenuItem::paste(app, None)?)
        .item(&PredefinedMenuItem::select_all(app, None)?)
        .build()?;
    MenuBuilder::new(app).item(&file).item(&edit).build()
}

/// Maps a menu id to what the UI should do.
pub fn action(id: &str) -> Option<MenuAction> {
    Some(match id {
        "new" => MenuAction::New,
        "open" => MenuAction::Open,
        "close" => MenuAction::Close,
        "import" => MenuAction::Import,
        "export" => MenuAction::Export,
        "compare" => MenuAction::Compare,
        "give_copy" => MenuAction::GiveCopy,
        "merge_copy" => MenuAction::MergeCopy,
        "undo" => MenuAction::Undo,
        "redo" => MenuAction::Redo,
        other => MenuAction::OpenRecent {
            path: other.strip_prefix(RECENT_PREFIX)?.to_string(),
        },
    })
}

pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    if event.id().as_ref() == QUIT {
        // The exit handler in `run` closes the open assessment.
        app.exit(0);
        return;
    }
    if let Some(action) = action(event.id().as_ref()) {
        let _ = app.emit("menu", action);
    }
}

/// Brings File ▸ Open Recent up to date (building the menu the first time). Menus are GTK objects:
/// they are built on the main thread, whichever thread asks (commands run
/// on worker threads, and building a menu there can deadlock).
pub fn refresh<R: Runtime>(app: &AppHandle<R>, recent: &[RecentFile]) {
    if !app.state::<AppState>().native_menu {
        return;
    }
    let handle = app.clone();
    let recent = recent.to_vec();
    let _ = app.run_on_main_thread(move || match recent_submenu(&handle) {
        Some(submenu) => {
            let _ = fill_recent(&handle, &submenu, &recent);
        }
        None => {
            if let Ok(menu) = build(&handle, &recent) {
                let _ = handle.set_menu(menu);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_ids_carry_their_path() {
        assert!(
            matches!(action("recent:/home/ana/acme.bia"), Some(MenuAction::OpenRecent { path }) if path == "/home/ana/acme.bia")
        );
        assert!(matches!(action("undo"), Some(MenuAction::Undo)));
        assert!(matches!(action("give_copy"), Some(MenuAction::GiveCopy)));
        assert!(matches!(action("merge_copy"), Some(MenuAction::MergeCopy)));
        assert!(action("recent-none").is_none());
    }
}
