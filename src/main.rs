//! `bia`: the command-line tool. Thin over the library: parse the arguments,
//! call one core function, print, and map errors to exit codes —
//! 0 success, 1 a user error (one line on stderr), 2 a usage error (clap).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use bia::dump::Dump;
use bia::model::{AssessmentInput, ProcessInput, Provenance};
use bia::{Store, demo};
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "bia", version, about = "BIA Workbench: business impact analysis from the command line")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new, empty assessment file.
    New {
        file: PathBuf,
        /// The assessment's name.
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "")]
        organisation: String,
        #[arg(long, default_value = "")]
        scope: String,
        #[arg(long, default_value = "")]
        facilitator: String,
    },
    /// Create the demo assessment (Harbourline Logistics) in a new file.
    Demo { file: PathBuf },
    /// Print the whole assessment as JSON (format "bia-workbench/1").
    Dump { file: PathBuf },
    /// Add or list business processes.
    #[command(subcommand)]
    Process(ProcessCommand),
}

#[derive(Subcommand)]
enum ProcessCommand {
    /// Add a process; `--unit` names an existing unit or creates it.
    Add {
        file: PathBuf,
        #[arg(long)]
        name: String,
        #[arg(long)]
        unit: String,
        #[arg(long, default_value = "")]
        owner: String,
    },
    /// List the processes, by name.
    List {
        file: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    match run(cli.command, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = out.flush();
            eprintln!("bia: {err}");
            ExitCode::from(1)
        }
    }
}

fn run(command: Command, out: &mut impl Write) -> bia::Result<()> {
    match command {
        Command::New { file, name, organisation, scope, facilitator } => {
            let store = Store::create(&file, &AssessmentInput { name, organisation, scope, facilitator })?;
            store.close()?;
            writeln!(out, "created {}", file.display()).ok();
        }
        Command::Demo { file } => {
            let store = demo::create(&file)?;
            let count = store.processes()?.len();
            store.close()?;
            writeln!(out, "created {} (demo: {count} processes)", file.display()).ok();
        }
        Command::Dump { file } => {
            let store = Store::open(&file)?;
            let assessment = store.load()?;
            store.close()?;
            writeln!(out, "{}", Dump::new(&assessment).to_json()).ok();
        }
        Command::Process(ProcessCommand::Add { file, name, unit, owner }) => {
            let mut store = Store::open(&file)?;
            let input = ProcessInput { name, owner, ..Default::default() };
            let process = store.create_process_in(&unit, &input, &Provenance::Workshop)?;
            store.close()?;
            writeln!(out, "added process \"{}\" ({})", process.name, process.id).ok();
        }
        Command::Process(ProcessCommand::List { file, json }) => {
            let store = Store::open(&file)?;
            let assessment = store.load()?;
            store.close()?;
            let dump = Dump::new(&assessment);
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&dump.processes).unwrap_or_default()).ok();
            } else {
                print_table(out, &dump);
            }
        }
    }
    Ok(())
}

fn print_table(out: &mut impl Write, dump: &Dump) {
    let rows: Vec<[&str; 4]> = dump
        .processes
        .iter()
        .map(|p| [p.name, p.unit.unwrap_or("—"), p.owner, p.status.as_str()])
        .collect();
    let header = ["PROCESS", "UNIT", "OWNER", "STATUS"];
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    for row in std::iter::once(&header).chain(rows.iter()) {
        let line: Vec<String> = row.iter().zip(widths).map(|(c, w)| format!("{c:<w$}")).collect();
        writeln!(out, "{}", line.join("  ").trim_end()).ok();
    }
    writeln!(out, "{} process(es)", rows.len()).ok();
}
