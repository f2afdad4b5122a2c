//! The app's own commands, by module, in one list. Everything that must
//! agree with it is made from it: the invoke handler (`lib.rs`), a
//! permission per command and the capability granting exactly those
//! (`build.rs` writes `capabilities/main.json`), and the UI's `Command`
//! union (`ui/src/lib/bindings/Command.ts`, written by the contract test,
//! which also checks that `api.ts` calls every command and no other).
//!
//! Loaded as a module by both `build.rs` and `lib.rs` (`#[macro_use]`), so
//! it holds a macro only: `with_commands!(m)` expands to
//! `m! { module::name, … }`.

macro_rules! with_commands {
    ($then:ident) => {
        $then! {
            files::current_session,
            files::new_assessment,
            files::open_assessment,
            files::open_demo,
            files::save_copy,
            files::recover_assessment,
            files::close_assessment,
            files::recent_files,
            files::forget_recent,
            assessment::update_assessment,
            assessment::counts,
            assessment::get_methodology,
            assessment::history,
            assessment::check_assessment,
            assessment::undo,
            assessment::redo,
            assessment::set_undo_limit,
            processes::list_processes,
            processes::check_process,
            processes::create_process,
            processes::update_process,
            processes::delete_process,
            units::list_units,
            units::create_unit,
            units::update_unit,
            units::delete_unit,
            assessment::update_methodology,
            impact::get_process_impact,
            impact::set_scores,
            impact::set_impact_rationale,
            impact::analyze,
            impact::overview,
            impact::analyze_process,
            impact::get_objectives,
            impact::check_objectives,
            impact::set_objectives,
            impact::decisions,
            impact::set_status,
            resources::list_resources,
            resources::check_resource,
            resources::create_resource,
            resources::update_resource,
            resources::set_resource_kind,
            resources::delete_resource,
            resources::list_dependencies,
            resources::create_dependency,
            resources::update_dependency,
            resources::delete_dependency,
            charts::chart_svg,
            charts::save_chart,
            export::export_workbook,
            export::reveal_in_folder,
            import::plan_import,
            import::import_page,
            import::apply_import,
            import::cancel_import,
            import::import_cell_context,
        }
    };
}
