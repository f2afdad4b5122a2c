//! `bia-workbench [--demo | FILE]`: starts the desktop app, on the start
//! screen, on the demo assessment, or on the given file.

// No console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::PathBuf;

use bia_workbench::Startup;
use clap::Parser;

#[derive(Parser)]
#[command(
    name = "bia-workbench",
    version,
    about = "BIA Workbench: business impact analysis workshops"
)]
struct Args {
    /// Open the demo assessment (Harbourline Logistics).
    #[arg(long, conflicts_with = "file")]
    demo: bool,
    /// An assessment file (.bia) to open.
    file: Option<PathBuf>,
}

fn main() {
    bia_workbench::rendering::choose();
    let args = Args::parse();
    let startup = match (args.demo, args.file) {
        (true, _) => Startup::Demo,
        (false, Some(file)) => Startup::File(file),
        (false, None) => Startup::StartScreen,
    };
    bia_workbench::run(startup);
}
