//! `bia`: the command-line tool. Thin over the library: parse the arguments,
//! call one core function, print, and map errors to exit codes —
//! 0 success, 1 a user error (one line on stderr), 2 a usage error (clap).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use bia::dump::Dump;
use bia::model::{
    AssessmentInput, DependencyInput, DependencyTarget, ProcessInput, Provenance, Redundancy,
    ResourceInput, ResourceKind, ScoreInput, Strength,
};
use bia::{Store, demo};
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "bia",
    version,
    about = "BIA Workbench: business impact analysis from the command line"
)]
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
    /// Score the impact of a disruption of a process in one category at one horizon.
    Score {
        file: PathBuf,
        #[arg(long)]
        process: String,
        /// A category's name, e.g. Financial.
        #[arg(long)]
        category: String,
        /// A horizon's label ("1 d") or any duration equal to one ("24h").
        #[arg(long)]
        horizon: String,
        /// A level of the scale, by number (0–5) or name (Major).
        #[arg(long)]
        severity: String,
    },
    /// Agree recovery objectives for a process; what is not given stays as it was.
    Objectives {
        file: PathBuf,
        #[arg(long)]
        process: String,
        /// Recovery time objective, e.g. "4h", "1 day".
        #[arg(long, allow_hyphen_values = true)]
        rto: Option<String>,
        /// Recovery point objective, or "n/a".
        #[arg(long, allow_hyphen_values = true)]
        rpo: Option<String>,
        /// Work recovery time.
        #[arg(long, allow_hyphen_values = true)]
        wrt: Option<String>,
        /// Minimum business continuity objective, in percent.
        #[arg(long, allow_hyphen_values = true)]
        mbco: Option<String>,
        /// Replace the derived MTPD (needs --override-reason).
        #[arg(long, allow_hyphen_values = true)]
        mtpd_override: Option<String>,
        #[arg(long)]
        override_reason: Option<String>,
        #[arg(long)]
        agreed_by: Option<String>,
        /// YYYY-MM-DD.
        #[arg(long)]
        agreed_on: Option<String>,
        /// Why; recorded in the decision log.
        #[arg(long)]
        rationale: String,
    },
    /// Add resources (applications, suppliers, people, sites, …).
    #[command(subcommand)]
    Resource(ResourceCommand),
    /// Record that a process or resource relies on another.
    Depend {
        file: PathBuf,
        /// The process or resource that relies on the other.
        #[arg(long)]
        from: String,
        /// What it relies on.
        #[arg(long)]
        to: String,
        /// required, degraded or optional.
        #[arg(long, default_value = "required")]
        strength: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Draw a chart of the assessment to a file (.svg or .png).
    Chart {
        /// heatmap (processes × horizons), categories (processes × categories
        /// at one horizon), dependencies (processes and what they rely on, in
        /// layers), gaps (required vs capable recovery time per resource) or
        /// tiers (processes per tier).
        #[arg(value_enum)]
        kind: ChartArg,
        file: PathBuf,
        /// Where to write it; the format follows the extension (.svg or .png).
        #[arg(long)]
        out: PathBuf,
        /// categories: the horizon, by label or duration ("1 d", "24h").
        #[arg(long)]
        horizon: Option<String>,
        /// dependencies: one process (name or id) and everything upstream of it.
        #[arg(long)]
        process: Option<String>,
        /// heatmap, categories: group the rows by unit.
        #[arg(long)]
        by_unit: bool,
    },
    /// Write the executive workbook (.xlsx): summary, register, impact,
    /// objectives, resources, dependencies, gaps, decisions, methodology.
    Export {
        file: PathBuf,
        /// The workbook to write (.xlsx); replaced if it exists.
        #[arg(long)]
        out: PathBuf,
    },
    /// Import a legacy BIA spreadsheet (.xlsx, .xlsm, .xlsb, .xls, .ods, .csv)
    /// into an assessment, in one undoable step after a backup of the file.
    Import {
        workbook: PathBuf,
        /// The assessment file; created with the default methodology if missing.
        #[arg(long)]
        into: PathBuf,
        /// A mapping file (TOML, or JSON by its extension): `[synonyms]` to
        /// add to the shipped table, `[columns]` pinning headers (or
        /// `Sheet!F`) to fields.
        #[arg(long)]
        mapping: Option<PathBuf>,
        /// Show what would be imported; change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print the plan and the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// MTPD, tier and objective violations per process.
    Analyze {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ChartArg {
    Heatmap,
    Categories,
    Dependencies,
    Gaps,
    Tiers,
}

#[derive(Subcommand)]
enum ResourceCommand {
    /// Add a resource.
    Add {
        file: PathBuf,
        /// application, infrastructure, data, supplier, people, site or equipment.
        #[arg(long)]
        kind: String,
        #[arg(long)]
        name: String,
        /// How long it takes to restore, e.g. "4h".
        #[arg(long, allow_hyphen_values = true)]
        rto_capability: Option<String>,
        /// How much data it can lose, e.g. "15 min".
        #[arg(long, allow_hyphen_values = true)]
        rpo_capability: Option<String>,
        /// none, manual_workaround, alternate or automatic_failover.
        #[arg(long, default_value = "none")]
        redundancy: String,
        #[arg(long, default_value = "")]
        owner: String,
    },
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
        Command::New {
            file,
            name,
            organisation,
            scope,
            facilitator,
        } => {
            let store = Store::create(
                &file,
                &AssessmentInput {
                    name,
                    organisation,
                    scope,
                    facilitator,
                },
            )?;
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
        Command::Process(ProcessCommand::Add {
            file,
            name,
            unit,
            owner,
        }) => {
            let mut store = Store::open(&file)?;
            let input = ProcessInput {
                name,
                owner,
                ..Default::default()
            };
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
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&dump.processes).unwrap_or_default()
                )
                .ok();
            } else {
                print_table(out, &dump);
            }
        }
        Command::Score {
            file,
            process,
            category,
            horizon,
            severity,
        } => {
            let mut store = Store::open(&file)?;
            let p = process_named(&store, &process)?;
            let m = store.methodology()?;
            let (c, h, sev) = (
                m.category_named(&category)?,
                m.horizon_named(&horizon)?,
                m.severity_named(&severity)?,
            );
            let input = ScoreInput {
                category_id: c.id,
                horizon_id: h.id,
                severity: Some(sev),
                note: None,
            };
            store.set_scores(p.id, &[input], &Provenance::Workshop)?;
            let a = store.analyze_process(p.id)?;
            store.close()?;
            let mtpd = match (a.mtpd_derived, a.mtpd_reason) {
                (Some(m), Some(r)) => format!("derived MTPD {m} ({})", r.text),
                _ => "no category reaches its threshold: MTPD beyond the last horizon".to_string(),
            };
            writeln!(
                out,
                "{}: {} at {} = {sev} – {}; {mtpd}",
                p.name,
                c.name,
                h.label,
                m.level_name(sev)
            )
            .ok();
        }
        Command::Objectives {
            file,
            process,
            rto,
            rpo,
            wrt,
            mbco,
            mtpd_override,
            override_reason,
            agreed_by,
            agreed_on,
            rationale,
        } => {
            let mut store = Store::open(&file)?;
            let p = process_named(&store, &process)?;
            let mut input = store
                .objectives(p.id)?
                .map(|o| o.to_input())
                .unwrap_or_default();
            let given = [
                (&mut input.rto, rto),
                (&mut input.rpo, rpo),
                (&mut input.wrt, wrt),
                (&mut input.mbco, mbco),
                (&mut input.mtpd_override, mtpd_override),
                (&mut input.mtpd_override_reason, override_reason),
                (&mut input.agreed_by, agreed_by),
                (&mut input.agreed_on, agreed_on),
            ];
            for (field, value) in given {
                if let Some(v) = value {
                    *field = v;
                }
            }
            input.rationale = rationale;
            store.set_objectives(p.id, &input, &Provenance::Workshop)?;
            let a = store.analyze_process(p.id)?;
            store.close()?;
            let text =
                |m: Option<bia::model::Minutes>| m.map_or("not set".to_string(), |m| m.to_string());
            let tier = a.tier.map_or("no tier".to_string(), |t| t.name);
            writeln!(
                out,
                "{}: RTO {}, MTPD {}, {tier}",
                p.name,
                text(a.rto),
                text(a.mtpd)
            )
            .ok();
        }
        Command::Resource(ResourceCommand::Add {
            file,
            kind,
            name,
            rto_capability,
            rpo_capability,
            redundancy,
            owner,
        }) => {
            let unknown =
                |what: &'static str, given: &str, accepted: Vec<&str>| bia::Error::Unknown {
                    kind: what,
                    name: given.trim().to_string(),
                    accepted: accepted.join(", "),
                };
            let kind = ResourceKind::parse(&kind).ok_or_else(|| {
                unknown(
                    "resource kind",
                    &kind,
                    ResourceKind::ALL.iter().map(|k| k.as_str()).collect(),
                )
            })?;
            let redundancy = Redundancy::parse(&redundancy).ok_or_else(|| {
                unknown(
                    "redundancy",
                    &redundancy,
                    Redundancy::ALL.iter().map(|r| r.as_str()).collect(),
                )
            })?;
            let mut store = Store::open(&file)?;
            let input = ResourceInput {
                kind,
                name,
                owner,
                rto_capability: rto_capability.unwrap_or_default(),
                rpo_capability: rpo_capability.unwrap_or_default(),
                redundancy,
                ..Default::default()
            };
            let r = store.create_resource(&input, &Provenance::Workshop)?;
            store.close()?;
            writeln!(out, "added {} \"{}\" ({})", r.kind.label(), r.name, r.id).ok();
        }
        Command::Depend {
            file,
            from,
            to,
            strength,
            note,
        } => {
            let strength = Strength::parse(&strength).ok_or_else(|| bia::Error::Unknown {
                kind: "strength",
                name: strength.trim().to_string(),
                accepted: "required, degraded, optional".into(),
            })?;
            let mut store = Store::open(&file)?;
            let input = DependencyInput {
                from: store.node_named(&from)?,
                to: DependencyTarget::Existing(store.node_named(&to)?),
                strength,
                note,
            };
            store.create_dependency(&input, &Provenance::Workshop)?;
            store.close()?;
            writeln!(
                out,
                "{} relies on {} ({})",
                from.trim(),
                to.trim(),
                strength.as_str()
            )
            .ok();
        }
        Command::Chart {
            kind,
            file,
            out: target,
            horizon,
            process,
            by_unit,
        } => {
            let format =
                bia::chart::Format::from_path(&target).ok_or_else(|| bia::Error::Unknown {
                    kind: "chart format",
                    name: target.display().to_string(),
                    accepted: ".svg, .png".into(),
                })?;
            let store = Store::open(&file)?;
            let assessment = store.load()?;
            store.close()?;
            let kind = match kind {
                ChartArg::Heatmap => bia::chart::ChartKind::Heatmap,
                ChartArg::Tiers => bia::chart::ChartKind::Tiers,
                ChartArg::Gaps => bia::chart::ChartKind::Gaps,
                ChartArg::Categories => bia::chart::ChartKind::Categories,
                ChartArg::Dependencies => bia::chart::ChartKind::Dependencies,
            };
            let options = bia::chart::ChartOptions {
                horizon,
                process,
                by_unit,
            };
            let bytes = bia::chart::render(kind, &assessment, &options, format)?;
            std::fs::write(&target, bytes).map_err(|source| bia::Error::Io {
                path: target.clone(),
                source,
            })?;
            writeln!(out, "wrote {}", target.display()).ok();
        }
        Command::Export { file, out: target } => {
            let store = Store::open(&file)?;
            let assessment = store.load()?;
            store.close()?;
            let report = bia::excel::export::export(&assessment, &target, &mut |_| {})?;
            for warning in &report.warnings {
                writeln!(out, "warning: {warning}").ok();
            }
            writeln!(
                out,
                "wrote {} ({} processes, {} resources, {} dependencies; sheets: {})",
                target.display(),
                report.processes,
                report.resources,
                report.dependencies,
                report.sheets.join(", ")
            )
            .ok();
        }
        Command::Import {
            workbook,
            into,
            mapping,
            dry_run,
            json,
        } => {
            use bia::excel::import::{self, ImportError, Mapping, Options};
            let options = Options {
                into,
                mapping: match mapping {
                    Some(path) => Mapping::from_file(&path)?,
                    None => Mapping::default(),
                },
                limits: import::Limits::default(),
                dry_run,
            };
            let report = import::import_workbook(&workbook, &options, &mut |_| true)?;
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&report).unwrap_or_default()
                )
                .ok();
            } else {
                print_import(out, &report, &options.into);
            }
            let c = &report.plan.counts;
            if report.plan.processes.is_empty() && c.processes_new == 0 {
                return Err(ImportError::NothingImported { path: workbook }.into());
            }
        }
        Command::Analyze { file, json } => {
            let store = Store::open(&file)?;
            let assessment = store.load()?;
            store.close()?;
            let analysis = bia::analysis::analyze(&assessment);
            if json {
                let text = serde_json::to_string_pretty(&bia::dump::AnalysisJson::new(&analysis))
                    .unwrap_or_default();
                writeln!(out, "{text}").ok();
            } else {
                print_analysis(out, &analysis);
            }
        }
    }
    Ok(())
}

/// The process with this name, or an error naming it.
fn process_named(store: &Store, name: &str) -> bia::Result<bia::model::Process> {
    store
        .process_by_name(name)?
        .ok_or_else(|| bia::Error::NoSuchName {
            kind: "process",
            name: name.trim().to_string(),
        })
}

fn print_analysis(out: &mut impl Write, analysis: &bia::analysis::Analysis) {
    let dur = |m: Option<bia::model::Minutes>| m.map_or("—".to_string(), |m| m.to_string());
    let rows: Vec<[String; 6]> = analysis
        .processes
        .iter()
        .map(|p| {
            let mtpd = match (p.mtpd, p.mtpd_overridden) {
                (Some(m), true) => format!("{m} (agreed)"),
                (Some(m), false) => m.to_string(),
                (None, _) if p.scored_cells == 0 => "unscored".into(),
                (None, _) => "beyond".into(),
            };
            [
                p.process.clone(),
                mtpd,
                dur(p.rto),
                if p.rpo_not_applicable {
                    "n/a".into()
                } else {
                    dur(p.rpo)
                },
                p.tier.as_ref().map_or("—".into(), |t| t.name.clone()),
                p.violations
                    .iter()
                    .map(|v| v.message.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            ]
        })
        .collect();
    print_rows(
        out,
        ["PROCESS", "MTPD", "RTO", "RPO", "TIER", "VIOLATIONS"],
        &rows,
    );
    let violations: usize = analysis.processes.iter().map(|p| p.violations.len()).sum();
    writeln!(out, "{} process(es), {violations} violation(s)", rows.len()).ok();
    let d = &analysis.dependencies;
    if !d.gaps.is_empty() || !d.spofs.is_empty() || !d.cycles.is_empty() {
        writeln!(out).ok();
    }
    for g in &d.gaps {
        writeln!(out, "gap: {}\n     {}", g.message, g.chain.join(" → ")).ok();
    }
    for s in &d.spofs {
        writeln!(out, "single point of failure: {}", s.message).ok();
    }
    for c in &d.cycles {
        writeln!(out, "cycle: {}", c.message).ok();
    }
    writeln!(
        out,
        "{} gap(s), {} single point(s) of failure, {} cycle(s)",
        d.gaps.len(),
        d.spofs.len(),
        d.cycles.len()
    )
    .ok();
}

fn print_import(out: &mut impl Write, report: &bia::excel::import::Report, into: &std::path::Path) {
    let plan = &report.plan;
    for t in &plan.tables {
        writeln!(
            out,
            "{}: sheet \"{}\", header on row {}{}, {} row(s)",
            plan.file,
            t.sheet,
            t.header_row,
            t.band_row
                .map(|b| format!(" (band on row {b})"))
                .unwrap_or_default(),
            t.rows
        )
        .ok();
    }
    let c = &plan.counts;
    writeln!(
        out,
        "processes: {} new, {} updated, {} unchanged; units: {} new; resources: {} new; \
         dependencies: {} new; impact scores: {}; objectives: {}; custom fields: {}",
        c.processes_new,
        c.processes_updated,
        c.processes_unchanged,
        c.units_new,
        c.resources_new,
        c.dependencies_new,
        c.scores,
        c.objectives,
        c.custom_fields
    )
    .ok();
    for p in plan.processes.iter().filter(|p| !p.changes.is_empty()) {
        for ch in &p.changes {
            writeln!(
                out,
                "  change: {}: {} \"{}\" → \"{}\" ({})",
                p.input.name, ch.field, ch.old, ch.new, ch.address
            )
            .ok();
        }
    }
    if !plan.unmapped.is_empty() {
        writeln!(out, "unmapped columns, kept as custom fields:").ok();
        for u in &plan.unmapped {
            let sheet = bia::excel::import::quote_sheet(&u.sheet);
            writeln!(out, "  {sheet}!{} \"{}\"", u.column, u.header).ok();
        }
    }
    if !plan.issues.is_empty() {
        let infos = plan.issues.len() - c.errors - c.warnings;
        writeln!(
            out,
            "issues: {} error(s), {} warning(s), {infos} note(s)",
            c.errors, c.warnings
        )
        .ok();
        for issue in &plan.issues {
            writeln!(out, "  {issue}").ok();
        }
    }
    match &report.applied {
        Some(a) => {
            writeln!(
                out,
                "imported into {}{} as one undoable edit (backup: {})",
                into.display(),
                if report.created { ", created" } else { "" },
                a.backup
            )
            .ok();
        }
        None if report.dry_run => {
            writeln!(out, "dry run: {} was not changed", into.display()).ok();
        }
        None => {}
    }
}

fn print_rows<const N: usize>(out: &mut impl Write, header: [&str; N], rows: &[[String; N]]) {
    let mut widths = header.map(|h| h.chars().count());
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let header = header.map(str::to_string);
    for row in std::iter::once(&header).chain(rows.iter()) {
        let line: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        writeln!(out, "{}", line.join("  ").trim_end()).ok();
    }
}

fn print_table(out: &mut impl Write, dump: &Dump) {
    let rows: Vec<[String; 4]> = dump
        .processes
        .iter()
        .map(|p| {
            [
                p.name.to_string(),
                p.unit.unwrap_or("—").to_string(),
                p.owner.to_string(),
                p.status.as_str().to_string(),
            ]
        })
        .collect();
    print_rows(out, ["PROCESS", "UNIT", "OWNER", "STATUS"], &rows);
    writeln!(out, "{} process(es)", rows.len()).ok();
}
