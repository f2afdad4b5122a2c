//! `bia fork`, `bia merge`, `bia conflicts` and `bia resolve`: hand out a
//! copy, merge it back, list the conflicts merges found and resolve them.
//! Arguments here, the work in the application layer, printing inline.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Subcommand;

use bia::Workbench;
use bia::model::{Conflict, MergeReport, MergedKind, Prefer, Resolution, ResolveInput};

#[derive(Subcommand)]
pub enum CopyCommand {
    /// Hand out a copy of the assessment to take to another laptop; it
    /// knows the state both share, so it can be merged back.
    Fork {
        file: PathBuf,
        /// Where to write the copy (must not exist).
        #[arg(long, value_name = "COPY.bia")]
        out: PathBuf,
        /// Who takes it (their name).
        #[arg(long = "for", value_name = "NAME")]
        holder: String,
    },
    /// Merge a copy back: what only the copy changed is taken, a field
    /// both changed differently is a conflict (this file's value kept
    /// until resolved), as one undoable edit after a backup. The copy is
    /// only read.
    Merge {
        file: PathBuf,
        /// The copy to merge in.
        #[arg(long, value_name = "COPY.bia")]
        from: PathBuf,
        /// Show what would be merged; change nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
        /// Resolve every conflict at once: keep this file's values (mine)
        /// or take the copy's (theirs); a process added on both sides
        /// under one name is then kept twice.
        #[arg(long, value_name = "mine|theirs", value_parser = prefer)]
        prefer: Option<Prefer>,
    },
    /// The conflicts merges found, the unresolved first.
    Conflicts {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Resolve one conflict (its id, or the last characters of it that
    /// `bia conflicts` prints).
    Resolve {
        file: PathBuf,
        conflict: String,
        /// Keep this file's value.
        #[arg(long, group = "how")]
        mine: bool,
        /// Take the copy's value.
        #[arg(long, group = "how")]
        theirs: bool,
        /// Keep both (a process added on both sides under one name: the
        /// copy's is renamed).
        #[arg(long, group = "how")]
        both: bool,
        /// Make them one (a process added on both sides under one name:
        /// the copy's, with this file's fields, scores and links kept; a
        /// field both filled differently becomes a conflict of its own).
        #[arg(long, group = "how")]
        same: bool,
        /// Set this value instead, as the field's form reads it ("4 h").
        #[arg(long, group = "how")]
        value: Option<String>,
    },
}

fn prefer(s: &str) -> Result<Prefer, String> {
    Prefer::parse(s).ok_or_else(|| format!("{s:?}: write mine or theirs"))
}

pub fn run(command: CopyCommand, out: &mut impl Write) -> bia::Result<()> {
    match command {
        CopyCommand::Fork {
            file,
            out: to,
            holder,
        } => {
            let mut wb = Workbench::open(&file)?;
            let given = wb.give_copy(&to, &holder);
            wb.close()?;
            let given = given?;
            writeln!(out, "wrote {} for {}", given.path, given.holder).ok();
        }
        CopyCommand::Merge {
            file,
            from,
            dry_run,
            json,
            prefer,
        } => {
            let mut wb = Workbench::open(&file)?;
            let report = wb.merge_copy(&from, prefer, dry_run);
            wb.close()?;
            let report = report?;
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&report).unwrap_or_default()
                )
                .ok();
            } else {
                print_report(out, &report, &file);
            }
        }
        CopyCommand::Conflicts { file, json } => {
            let wb = Workbench::open_to_read(&file)?;
            let conflicts = wb.conflicts();
            wb.close()?;
            let conflicts = conflicts?;
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&conflicts).unwrap_or_default()
                )
                .ok();
            } else if conflicts.is_empty() {
                writeln!(out, "no conflicts").ok();
            } else {
                for c in &conflicts {
                    print_conflict(out, c);
                }
            }
        }
        CopyCommand::Resolve {
            file,
            conflict,
            mine,
            theirs,
            both,
            same,
            value,
        } => {
            let resolution = match (mine, theirs, both, same, &value) {
                (true, ..) => Resolution::Mine,
                (_, true, ..) => Resolution::Theirs,
                (_, _, true, ..) => Resolution::Both,
                (_, _, _, true, _) => Resolution::Same,
                (_, _, _, _, Some(_)) => Resolution::Typed,
                _ => {
                    return Err(usage(
                        "resolution",
                        "Say how to resolve it: --mine, --theirs, --both, --same or --value TEXT.",
                    ));
                }
            };
            let mut wb = Workbench::open(&file)?;
            let done = find(&wb, &conflict).and_then(|id| {
                wb.resolve_conflict(&ResolveInput {
                    id,
                    resolution,
                    value,
                })
            });
            wb.close()?;
            let c = done?;
            writeln!(
                out,
                "resolved {}: {} ({})",
                title(&c),
                c.resolved_value,
                resolution.as_str()
            )
            .ok();
        }
    }
    Ok(())
}

/// The conflict `given` names: its id, or the start of one.
fn find(wb: &Workbench, given: &str) -> bia::Result<bia::model::Id> {
    let given = given.trim().to_lowercase();
    let matching: Vec<Conflict> = wb
        .conflicts()?
        .into_iter()
        .filter(|c| {
            let id = c.id.to_string();
            !given.is_empty() && (id.starts_with(&given) || id.ends_with(&given))
        })
        .collect();
    match matching.as_slice() {
        [one] => Ok(one.id),
        [] => Err(bia::store::Error::UnknownConflict { id: given }.into()),
        _ => Err(usage(
            "conflict",
            &format!(
                "{given:?} starts {} conflict ids; give more of it.",
                matching.len()
            ),
        )),
    }
}

fn usage(field: &str, message: &str) -> bia::Error {
    bia::Error::Invalid {
        issues: vec![bia::model::FieldIssue::new(field, message)],
    }
}

fn title(c: &Conflict) -> String {
    match c.field.as_str() {
        "" => format!("{} “{}”", c.area, c.subject),
        field => format!("{} “{}” · {field}", c.area, c.subject),
    }
}

fn print_conflict(out: &mut impl Write, c: &Conflict) {
    let id = c.id.to_string();
    writeln!(out, "{}  {}", &id[id.len() - 8..], title(c)).ok();
    writeln!(
        out,
        "          here: {}   from {}: {}",
        c.mine, c.from_holder, c.theirs
    )
    .ok();
    if !c.base.is_empty() {
        writeln!(out, "          before: {}", c.base).ok();
    }
    match c.resolution {
        Some(r) => writeln!(
            out,
            "          resolved: {} ({}, {} {})",
            c.resolved_value,
            r.as_str(),
            c.resolved_by,
            c.resolved_at
        ),
        None => writeln!(out, "          unresolved: this file's value is kept"),
    }
    .ok();
}

/// `bia import FILE --into EXISTING` of an assessment file or of this
/// program's export: merged like an import.
pub fn import_assessment(
    from: &Path,
    into: &Path,
    dry_run: bool,
    json: bool,
    out: &mut impl Write,
) -> bia::Result<()> {
    let mut wb = Workbench::open(into)?;
    let report = wb.import_assessment(from, dry_run);
    wb.close()?;
    let report = report?;
    if json {
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        )
        .ok();
    } else {
        print_report(out, &report, into);
    }
    Ok(())
}

fn print_report(out: &mut impl Write, r: &MergeReport, file: &Path) {
    let heading = if r.dry_run {
        "dry run, nothing written"
    } else {
        "merged"
    };
    if r.matched {
        writeln!(
            out,
            "{} ← {}: {heading}, like an import (no common fork point: matched by id, then by \
             name; nothing here removed)",
            file.display(),
            r.from
        )
        .ok();
    } else {
        writeln!(
            out,
            "{} ← the copy held by {} ({}): {heading}",
            file.display(),
            r.from_holder,
            r.from
        )
        .ok();
    }
    writeln!(
        out,
        "  {} added, {} changed, {} removed; {} decision-log entries; {} conflict(s)",
        r.count(MergedKind::Added),
        r.count(MergedKind::Changed),
        r.count(MergedKind::Removed),
        r.decisions_added,
        r.conflicts.len()
    )
    .ok();
    for c in &r.applied {
        let line = match c.what {
            MergedKind::Added => format!("+ {} “{}”", c.area, c.subject),
            MergedKind::Removed => format!("- {} “{}”", c.area, c.subject),
            MergedKind::Changed => format!(
                "~ {} “{}” · {}: {} → {}",
                c.area, c.subject, c.field, c.before, c.after
            ),
        };
        writeln!(out, "  {line}").ok();
    }
    if !r.conflicts.is_empty() {
        writeln!(out, "conflicts:").ok();
        for c in &r.conflicts {
            print_conflict(out, c);
        }
    }
    if r.unresolved > 0 {
        writeln!(
            out,
            "{} conflict(s) unresolved: resolve with bia resolve {} ID --mine|--theirs|--both|--value TEXT",
            r.unresolved,
            file.display()
        )
        .ok();
    }
    if !r.left_out.is_empty() {
        writeln!(out, "left out ({}):", r.left_out.len()).ok();
        for l in &r.left_out {
            writeln!(out, "  ! {l}").ok();
        }
    }
    if let Some(b) = &r.backup {
        writeln!(out, "backup: {b}").ok();
    }
}
