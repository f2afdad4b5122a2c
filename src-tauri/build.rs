//! Generates the Tauri context (config, capabilities, icons) at build time,
//! and a permission for each of the app's own commands, so that the
//! capability file grants exactly those (see capabilities/main.json).

const COMMANDS: &[&str] = &[
    "current_session",
    "new_assessment",
    "open_assessment",
    "open_demo",
    "close_assessment",
    "recent_files",
    "forget_recent",
    "update_assessment",
    "get_methodology",
    "history",
    "undo",
    "redo",
    "list_processes",
    "check_process",
    "create_process",
    "update_process",
    "delete_process",
    "list_units",
    "create_unit",
    "update_unit",
    "delete_unit",
    "update_methodology",
    "get_process_impact",
    "set_scores",
    "set_impact_rationale",
    "analyze",
    "analyze_process",
    "get_objectives",
    "check_objectives",
    "set_objectives",
    "decisions",
    "set_status",
    "list_resources",
    "check_resource",
    "create_resource",
    "update_resource",
    "delete_resource",
    "list_dependencies",
    "create_dependency",
    "update_dependency",
    "delete_dependency",
    "chart_svg",
    "save_chart",
    "export_workbook",
    "reveal_in_folder",
    "plan_import",
    "apply_import",
    "cancel_import",
    "import_cell_context",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("the Tauri build step failed");
}
