//! Running a parsed `bia` command: open the file, call the application
//! layer once, close, and hand what came back to [`super::print`].

use std::io::Write;
use std::path::Path;

use super::args::{ChartArg, Command, ProcessCommand, ResourceCommand, Setting, UndoLimit};
use super::print::{
    print_analysis, print_claimed_tier, print_comparison, print_counts, print_gaps, print_import,
    print_overview, print_resources, print_step, print_table,
};
use bia::Workbench;
use bia::dump::Dump;
use bia::model::UnknownName;
use bia::model::{
    AssessmentInput, DependencyInput, DependencyTarget, ProcessInput, Redundancy, ResourceInput,
    ResourceKind, Strength,
};
use bia::workbench::NamedScore;

pub fn run(command: Command, out: &mut impl Write) -> bia::Result<()> {
    match command {
        Command::Workshop(command) => super::workshop::run(command, out)?,
        Command::Questionnaire(command) => super::questionnaire::run(command, out)?,
        Command::Copies(command) => super::merge::run(command, out)?,
        Command::New {
            file,
            name,
            organisation,
            scope,
            facilitator,
            currency,
        } => {
            let store = Workbench::create(
                &file,
                &AssessmentInput {
                    name,
                    organisation,
                    scope,
                    facilitator,
                },
                currency.unwrap_or_else(bia::locale::currency),
            )?;
            store.close()?;
            writeln!(out, "created {}", file.display()).ok();
        }
        Command::Demo { file } => {
            let store = Workbench::create_demo(&file)?;
            let count = store.processes()?.len();
            store.close()?;
            writeln!(out, "created {} (demo: {count} processes)", file.display()).ok();
        }
        Command::Dump { file } => {
            let store = Workbench::open_to_read(&file)?;
            let json = store.dump_json()?;
            store.close()?;
            writeln!(out, "{json}").ok();
        }
        Command::Process(ProcessCommand::Add {
            file,
            name,
            unit,
            owner,
            claimed_tier,
        }) => {
            let mut store = Workbench::open(&file)?;
            let input = ProcessInput {
                name: name.into(),
                owner,
                claimed_tier,
                ..Default::default()
            };
            let process = store.create_process_in(&unit, &input)?;
            store.close()?;
            writeln!(out, "added process \"{}\" ({})", process.name, process.id).ok();
        }
        Command::Process(ProcessCommand::Set {
            file,
            process,
            claimed_tier,
        }) => {
            let mut store = Workbench::open(&file)?;
            let p = match claimed_tier {
                Some(claim) => store.set_claimed_tier(&process, &claim.into_text())?,
                None => store.process_named(&process)?,
            };
            let a = store.analyze_process(p.id)?;
            store.close()?;
            print_claimed_tier(out, &p.name, a.claimed_tier.as_ref());
        }
        Command::Process(ProcessCommand::List { file, json }) => {
            let store = Workbench::open_to_read(&file)?;
            let assessment = store.load()?;
            store.close()?;
            // The register only: the decision log is not read.
            let dump = Dump::new(&assessment, &[]);
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
            let mut store = Workbench::open(&file)?;
            let scored = store.score(&NamedScore {
                process: &process,
                category: &category,
                horizon: &horizon,
                severity: &severity,
            })?;
            store.close()?;
            let a = &scored.analysis;
            let mtpd = match (a.mtpd_derived, &a.mtpd_reason) {
                (Some(m), Some(r)) => format!("derived MTPD {m} ({})", r.text),
                _ => "no category reaches its threshold: MTPD beyond the last horizon".to_string(),
            };
            writeln!(
                out,
                "{}: {} at {} = {} – {}; {mtpd}",
                scored.process, scored.category, scored.horizon, scored.severity, scored.level
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
            let mut store = Workbench::open(&file)?;
            let p = store.process_named(&process)?;
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
                    *field = v.into_text();
                }
            }
            input.rationale = rationale;
            store.agree_objectives(p.id, &input)?;
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
            let unknown = |what: &'static str, given: &str, accepted: Vec<&str>| UnknownName {
                kind: what,
                name: given.trim().to_string(),
                accepted: accepted.join(", "),
            };
            // A new resource is given a kind; "to classify" is only what an
            // import leaves.
            let given = ResourceKind::parse(&kind).filter(|k| !k.is_unclassified());
            let kind = given.ok_or_else(|| {
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
            let mut store = Workbench::open(&file)?;
            let input = ResourceInput {
                kind,
                name: name.into(),
                owner,
                rto_capability: rto_capability.map(Setting::into_text).unwrap_or_default(),
                rpo_capability: rpo_capability.map(Setting::into_text).unwrap_or_default(),
                redundancy,
                ..Default::default()
            };
            let r = store.create_resource(&input)?;
            store.close()?;
            writeln!(out, "added {} \"{}\" ({})", r.kind.label(), r.name, r.id).ok();
        }
        Command::Resource(ResourceCommand::List {
            file,
            to_classify,
            json,
        }) => {
            let store = Workbench::open_to_read(&file)?;
            let resources = if to_classify {
                store.resources_to_classify()?
            } else {
                store.resources()?
            };
            store.close()?;
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&resources).unwrap_or_default()
                )
                .ok();
            } else {
                print_resources(out, &resources, to_classify);
            }
        }
        Command::Resource(ResourceCommand::SetKind { file, name, kind }) => {
            let kind = ResourceKind::parse(&kind).ok_or_else(|| UnknownName {
                kind: "resource kind",
                name: kind.trim().to_string(),
                accepted: ResourceKind::ALL.map(ResourceKind::as_str).join(", "),
            })?;
            let mut store = Workbench::open(&file)?;
            let r = store.set_resource_kind_named(&name, kind)?;
            store.close()?;
            writeln!(
                out,
                "\"{}\" is now {} ({})",
                r.name,
                r.kind.with_article(),
                r.id
            )
            .ok();
        }
        Command::Depend {
            file,
            from,
            to,
            strength,
            note,
        } => {
            let strength = Strength::parse(&strength).ok_or_else(|| UnknownName {
                kind: "strength",
                name: strength.trim().to_string(),
                accepted: "required, degraded, optional".into(),
            })?;
            let mut store = Workbench::open(&file)?;
            let input = DependencyInput {
                from: store.node_named(&from)?,
                to: DependencyTarget::Existing(store.node_named(&to)?),
                strength,
                note,
            };
            store.create_dependency(&input)?;
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
            rows,
            offset,
            unit,
            workshop,
            width,
            since,
        } => {
            let kind = match kind {
                ChartArg::TierMovement => {
                    let store = Workbench::open_to_read(&file)?;
                    // Required with tier-movement (clap holds it).
                    let since = since.unwrap_or_default();
                    let compared = store.compare_with(&since, true);
                    store.close()?;
                    let options = bia::chart::ChartOptions {
                        width,
                        ..Default::default()
                    };
                    bia::workbench::save_tier_movement_chart(&compared?, &options, &target)?;
                    writeln!(out, "wrote {}", target.display()).ok();
                    return Ok(());
                }
                ChartArg::Heatmap => bia::chart::ChartKind::Heatmap,
                ChartArg::Tiers => bia::chart::ChartKind::Tiers,
                ChartArg::Gaps => bia::chart::ChartKind::Gaps,
                ChartArg::Categories => bia::chart::ChartKind::Categories,
                ChartArg::Dependencies => bia::chart::ChartKind::Dependencies,
            };
            let mut options = bia::chart::ChartOptions {
                horizon,
                process,
                by_unit,
                rows,
                offset,
                unit,
                width,
                ..Default::default()
            };
            let store = Workbench::open_to_read(&file)?;
            let saved = workshop
                .map(|w| store.workshop_named(&w))
                .transpose()
                .and_then(|w| {
                    if let Some(w) = w {
                        options.processes = Some(w.agenda.iter().map(|i| i.process_id).collect());
                        options.selection = Some(w.title);
                    }
                    store.insight()
                })
                .and_then(|i| i.save_chart(kind, &options, &target));
            store.close()?;
            saved?;
            writeln!(out, "wrote {}", target.display()).ok();
        }
        Command::Export {
            file,
            out: target,
            changes_since,
        } => {
            let store = Workbench::open_to_read(&file)?;
            let report = match changes_since {
                Some(since) => {
                    let report = store.export_with_changes(&target, &since, &mut |_| {});
                    store.close()?;
                    report?
                }
                None => {
                    let assessment = store.load()?;
                    let decisions = store.decisions(None)?;
                    store.close()?;
                    bia::workbench::export(&assessment, &decisions, &target, &mut |_| {})?
                }
            };
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
        Command::Compare { old, new, json } => {
            let store = Workbench::open_to_read(&new)?;
            let compared = store.compare_with(&old, true);
            store.close()?;
            let comparison = compared?;
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&comparison).unwrap_or_default()
                )
                .ok();
            } else {
                print_comparison(out, &comparison, &old, &new);
            }
        }
        Command::Import {
            workbook,
            into,
            mapping,
            dry_run,
            json,
        } => {
            use bia::excel::import::{ImportError, Limits, Mapping};
            use bia::import::{Options, import_workbook};
            let options = Options {
                into,
                mapping: match mapping {
                    Some(path) => Mapping::from_file(&path)?,
                    None => Mapping::default(),
                },
                limits: Limits::default(),
                dry_run,
                currency: bia::locale::currency(),
            };
            // Another assessment file, or this program's export, into an
            // existing assessment: merged like an import.
            let assessment = options.into.exists() && bia::import::is_assessment_file(&workbook);
            let report = match assessment {
                true => None,
                false => match import_workbook(&workbook, &options, &mut |_| true) {
                    Err(bia::Error::Import(ImportError::OwnIntoExisting { .. })) => None,
                    report => Some(report?),
                },
            };
            let Some(report) = report else {
                return super::merge::import_assessment(
                    &workbook,
                    &options.into,
                    dry_run,
                    json,
                    out,
                );
            };
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
        Command::Undo { file } => step(&file, Step::Undo, out)?,
        Command::Redo { file } => step(&file, Step::Redo, out)?,
        Command::UndoLimit { file, set } => {
            let kept = match set {
                None => {
                    let store = Workbench::open_to_read(&file)?;
                    let kept = store.undo_limit();
                    store.close()?;
                    kept?
                }
                Some(limit) => {
                    let mut store = Workbench::open(&file)?;
                    let kept = store.set_undo_limit(match limit {
                        UndoLimit::Default => None,
                        UndoLimit::To(n) => Some(n),
                    });
                    store.close()?;
                    kept?
                }
            };
            writeln!(
                out,
                "{} keeps its latest {} edits for undo",
                file.display(),
                kept.get()
            )
            .ok();
        }
        Command::Analyze { file, json } => {
            let store = Workbench::open_to_read(&file)?;
            let analysis = store.analyze()?;
            store.close()?;
            if json {
                let text = serde_json::to_string_pretty(&bia::dump::AnalysisJson::new(&analysis))
                    .unwrap_or_default();
                writeln!(out, "{text}").ok();
            } else {
                print_analysis(out, &analysis);
            }
        }
        Command::Counts { file, json } => {
            let store = Workbench::open_to_read(&file)?;
            let counts = store.counts()?;
            let units = store.units()?;
            store.close()?;
            if json {
                let text = serde_json::to_string_pretty(&counts).unwrap_or_default();
                writeln!(out, "{text}").ok();
            } else {
                print_counts(out, &counts, &units);
            }
        }
        Command::Overview { file, json } => {
            let store = Workbench::open_to_read(&file)?;
            let overview = store.overview()?;
            store.close()?;
            if json {
                let text = serde_json::to_string_pretty(&overview).unwrap_or_default();
                writeln!(out, "{text}").ok();
            } else {
                print_overview(out, &overview);
            }
        }
        Command::Check { file } => {
            let store = Workbench::open_to_read(&file)?;
            let checked = store.check();
            store.close()?;
            checked?;
            writeln!(out, "{}: no damage found", file.display()).ok();
        }
        Command::Scenario(args) => super::scenario::run(args, out)?,
        Command::Gaps { file, json } => {
            let store = Workbench::open_to_read(&file)?;
            let analysis = store.analyze()?;
            store.close()?;
            if json {
                let text = serde_json::to_string_pretty(&bia::dump::GapsJson::new(&analysis))
                    .unwrap_or_default();
                writeln!(out, "{text}").ok();
            } else {
                print_gaps(out, &analysis);
            }
        }
        Command::Recover { file, out: target } => {
            let (store, recovery) = Workbench::recover(&file, &target)?;
            let count = store.processes()?.len();
            store.close()?;
            writeln!(
                out,
                "recovered {} into {}: {count} processes, {} rows copied, {} left out, {} texts repaired",
                file.display(),
                target.display(),
                recovery.rows,
                recovery.rows_lost,
                recovery.texts_repaired
            )
            .ok();
            for note in &recovery.notes {
                writeln!(out, "  {note}").ok();
            }
            writeln!(
                out,
                "The undo history was not carried over; {} was not changed.",
                file.display()
            )
            .ok();
        }
    }
    Ok(())
}

/// One step through the file's history.
#[derive(Clone, Copy)]
enum Step {
    Undo,
    Redo,
}

/// `bia undo` / `bia redo`: the edit the history names next, taken back or
/// done again; "nothing to undo/redo" is the store's error (exit code 1).
fn step(file: &Path, step: Step, out: &mut impl Write) -> bia::Result<()> {
    let mut store = Workbench::open(file)?;
    let before = store.history()?;
    let moved = match step {
        Step::Undo => store.undo(),
        Step::Redo => store.redo(),
    };
    store.close()?;
    let after = moved?;
    let (verb, label) = match step {
        Step::Undo => ("undid", before.undo),
        Step::Redo => ("redid", before.redo),
    };
    print_step(out, verb, label.as_deref().unwrap_or_default(), &after);
    Ok(())
}
