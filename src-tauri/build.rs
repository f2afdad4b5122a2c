//! Generates the Tauri context (config, capabilities, icons) at build time.
//! The app's commands come from the one list in `src/commands/list.rs`: a
//! permission for each, and the capability file granting exactly those
//! plus the few core and dialog permissions the window needs, written here
//! (only when it changed) before Tauri reads it.

#[macro_use]
#[path = "src/commands/list.rs"]
mod command_list;

macro_rules! command_names {
    ($($module:ident :: $name:ident),* $(,)?) => {
        &[$(stringify!($name)),*]
    };
}

const COMMANDS: &[&str] = with_commands!(command_names);

/// What the main window may do besides calling the app's own commands.
const OTHER_PERMISSIONS: &[&str] = &[
    "core:event:allow-listen",
    "core:event:allow-unlisten",
    "dialog:allow-open",
    "dialog:allow-save",
    "dialog:allow-message",
    "dialog:allow-ask",
    "dialog:allow-confirm",
    // Ctrl +, Ctrl − and Ctrl 0 zoom the whole interface (WebKit's page zoom).
    "core:webview:allow-set-webview-zoom",
];

/// What the audience window (the projector's, read-only) may call: reading
/// commands only, and the events it follows.
const AUDIENCE_PERMISSIONS: &[&str] = &[
    "core:event:allow-listen",
    "core:event:allow-unlisten",
    "allow-current-session",
    "allow-get-methodology",
    "allow-list-processes",
    "allow-list-units",
    "allow-get-process-impact",
    "allow-analyze-process",
    "allow-get-objectives",
    "allow-list-resources",
    "allow-list-dependencies",
    "allow-list-workshops",
    "allow-list-actions",
    "allow-chart-svg",
    "allow-audience-view",
];

fn audience_capability() -> String {
    let permissions: Vec<String> = AUDIENCE_PERMISSIONS
        .iter()
        .map(|p| format!("    \"{p}\""))
        .collect();
    format!(
        "{{\n  \"identifier\": \"audience\",\n  \"description\": \"The audience window on the projector: reading commands and the events it follows; it changes nothing. Written by build.rs.\",\n  \"windows\": [\n    \"audience\"\n  ],\n  \"permissions\": [\n{}\n  ]\n}}\n",
        permissions.join(",\n")
    )
}

fn capability() -> String {
    let permissions: Vec<String> = OTHER_PERMISSIONS
        .iter()
        .map(|p| p.to_string())
        .chain(
            COMMANDS
                .iter()
                .map(|c| format!("allow-{}", c.replace('_', "-"))),
        )
        .map(|p| format!("    \"{p}\""))
        .collect();
    format!(
        "{{\n  \"identifier\": \"main\",\n  \"description\": \"The main window: the app's own commands, menu events and the native file and message dialogs; nothing else. Written by build.rs from src/commands/list.rs.\",\n  \"windows\": [\n    \"main\"\n  ],\n  \"permissions\": [\n{}\n  ]\n}}\n",
        permissions.join(",\n")
    )
}

fn main() {
    for (file, wanted) in [
        ("capabilities/main.json", capability()),
        ("capabilities/audience.json", audience_capability()),
    ] {
        let path = std::path::Path::new(file);
        if std::fs::read_to_string(path).ok().as_deref() != Some(wanted.as_str()) {
            std::fs::write(path, &wanted)
                .unwrap_or_else(|e| panic!("{file} could not be written: {e}"));
        }
    }
    println!("cargo:rerun-if-changed=src/commands/list.rs");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("the Tauri build step failed");
}
