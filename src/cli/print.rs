//! What `bia` prints: the register as a table, the analysis, an import's
//! report, a step through the history. Plain text for people; `--json` output is serialised where it
//! is produced.

use std::io::Write;

use bia::History;
use bia::dump::Dump;
use bia::model::Resource;

/// "undid: Add process “Payroll”", then what undo and redo would do next.
pub fn print_step(out: &mut impl Write, verb: &str, label: &str, next: &History) {
    let or_nothing = |l: &Option<String>| l.clone().unwrap_or_else(|| "nothing".into());
    writeln!(out, "{verb}: {label}").ok();
    writeln!(
        out,
        "next undo: {}; next redo: {}",
        or_nothing(&next.undo),
        or_nothing(&next.redo)
    )
    .ok();
}

pub fn print_analysis(out: &mut impl Write, analysis: &bia::analysis::Analysis) {
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
    print_findings(out, analysis);
}

/// The findings of `bia gaps` (and the end of `bia analyze`): gaps with
/// their chains, single points of failure, loops, claimed tiers in
/// question, and the counts.
pub fn print_findings(out: &mut impl Write, analysis: &bia::analysis::Analysis) {
    let d = &analysis.dependencies;
    for g in &d.gaps {
        writeln!(out, "gap: {}\n     {}", g.message, g.chain.join(" → ")).ok();
    }
    for s in &d.spofs {
        writeln!(out, "single point of failure: {}", s.message).ok();
    }
    for c in &d.cycles {
        writeln!(out, "cycle: {}", c.message).ok();
    }
    let claims: Vec<&str> = analysis
        .processes
        .iter()
        .filter_map(|p| p.claimed_tier.as_ref()?.finding.as_ref())
        .map(|f| f.message.as_str())
        .collect();
    for message in &claims {
        writeln!(out, "claimed tier: {message}").ok();
    }
    writeln!(
        out,
        "{} gap(s), {} single point(s) of failure, {} cycle(s)",
        d.gaps.len(),
        d.spofs.len(),
        d.cycles.len()
    )
    .ok();
    if !claims.is_empty() {
        writeln!(
            out,
            "{} claimed tier(s) differ from the tier the RTO gives",
            claims.len()
        )
        .ok();
    }
}

/// `bia gaps`: the findings, then the resources nothing relies on.
pub fn print_gaps(out: &mut impl Write, analysis: &bia::analysis::Analysis) {
    print_findings(out, analysis);
    for orphan in &analysis.dependencies.orphans {
        writeln!(out, "nothing relies on: {orphan}").ok();
    }
}

/// A process's claimed tier after `bia process set`: what it reads as, and
/// whether the tier from the agreed RTO agrees.
pub fn print_claimed_tier(
    out: &mut impl Write,
    process: &str,
    claim: Option<&bia::analysis::TierClaim>,
) {
    let Some(c) = claim else {
        writeln!(out, "{process}: no tier claimed").ok();
        return;
    };
    writeln!(
        out,
        "{process}: tier claimed \"{}\" ({})",
        c.text, c.reading
    )
    .ok();
    if let Some(f) = &c.finding {
        writeln!(out, "  {}", f.message).ok();
    }
}

pub fn print_import(out: &mut impl Write, report: &bia::import::Report, into: &std::path::Path) {
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
    let to_classify: Vec<&str> = plan
        .resources
        .iter()
        .filter(|r| r.existing.is_none() && r.kind.is_unclassified())
        .map(|r| r.name.as_str())
        .collect();
    if !to_classify.is_empty() {
        writeln!(
            out,
            "resources to classify ({}; `bia resource set-kind`, or [kinds] in the mapping file): {}",
            to_classify.len(),
            to_classify.join(", ")
        )
        .ok();
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

/// Prints `rows` under `header` in columns as wide as their widest cell.
/// Cells are padded by hand, not with `format!`'s width, which refuses
/// (panics on) widths of 65,536 or more: any field may be that long. Control
/// characters (a tab or line break in an owner, a terminal escape in a file
/// from elsewhere) are shown as U+FFFD, so they can neither break the columns
/// nor drive the terminal.
pub fn print_rows<const N: usize>(out: &mut impl Write, header: [&str; N], rows: &[[String; N]]) {
    let header = header.map(str::to_string);
    let shown: Vec<[(std::borrow::Cow<'_, str>, usize); N]> = std::iter::once(&header)
        .chain(rows)
        .map(|row| {
            std::array::from_fn(|i| {
                let text = printable(&row[i]);
                let width = text.chars().count();
                (text, width)
            })
        })
        .collect();
    let mut widths = [0usize; N];
    for row in &shown {
        for (w, (_, cell)) in widths.iter_mut().zip(row) {
            *w = (*w).max(*cell);
        }
    }
    let mut line = String::new();
    for row in &shown {
        line.clear();
        for (i, ((text, width), column)) in row.iter().zip(widths).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(text);
            line.extend(std::iter::repeat_n(' ', column - width));
        }
        writeln!(out, "{}", line.trim_end()).ok();
    }
}

/// `bia counts`: the figures, then the processes of each unit, most first
/// (then by name), those in no unit last.
/// `bia overview`: the Dashboard's first figures, then the most
/// time-critical processes as a table.
pub fn print_overview(out: &mut impl Write, o: &bia::analysis::Overview) {
    let n = |n: u32| bia::model::thousands(n as usize);
    let processes = |count: u32| {
        if count == 1 {
            "1 process".to_string()
        } else {
            format!("{} processes", n(count))
        }
    };
    let mut tiers: Vec<String> = o
        .tiers
        .iter()
        .map(|t| format!("{} {}", t.tier.name, n(t.processes)))
        .collect();
    tiers.push(format!("no tier yet {}", n(o.untiered)));
    let lines = [
        (
            "Processes",
            format!("{}  ({})", n(o.processes), tiers.join(", ")),
        ),
        (
            "Gaps",
            format!(
                "{}  ({} with unknown recovery time; {} affected)",
                n(o.gaps),
                n(o.gaps_unknown),
                processes(o.processes_with_gaps)
            ),
        ),
        ("Single points", n(o.single_points_of_failure)),
        ("Violations", processes(o.processes_with_violations)),
        ("Without MTPD", processes(o.without_mtpd)),
    ];
    for (label, text) in lines {
        writeln!(out, "{label:<15}{text}").ok();
    }
    if o.critical.is_empty() {
        return;
    }
    writeln!(out, "\nMost time-critical").ok();
    let width = o
        .critical
        .iter()
        .map(|c| c.name.chars().count())
        .max()
        .unwrap_or(0)
        .max(7);
    writeln!(
        out,
        "{:<width$}  {:<6}  {:<6}  {:<8}  GAPS",
        "PROCESS", "MTPD", "RTO", "TIER"
    )
    .ok();
    for c in &o.critical {
        let rto = c.rto.map_or("—".to_string(), |m| m.to_string());
        let tier = c.tier.as_ref().map_or("—", |t| t.name.as_str());
        writeln!(
            out,
            "{:<width$}  {:<6}  {:<6}  {:<8}  {}",
            c.name,
            c.mtpd.to_string(),
            rto,
            tier,
            n(c.gaps)
        )
        .ok();
    }
}

pub fn print_counts(out: &mut impl Write, counts: &bia::model::Counts, units: &[bia::model::Unit]) {
    let n = |n: u32| bia::model::thousands(n as usize);
    let note = |text: String| {
        if text.is_empty() {
            text
        } else {
            format!("  ({text})")
        }
    };
    let lines = [
        (
            "Processes",
            counts.processes,
            format!(
                "{} draft, {} in review, {} approved",
                n(counts.draft),
                n(counts.in_review),
                n(counts.approved)
            ),
        ),
        ("Units", counts.units, String::new()),
        (
            "Resources",
            counts.resources,
            if counts.to_classify > 0 {
                format!("{} to classify", n(counts.to_classify))
            } else {
                String::new()
            },
        ),
        ("Dependencies", counts.dependencies, String::new()),
    ];
    let width = lines.iter().map(|l| n(l.1).len()).max().unwrap_or(0);
    for (label, count, text) in lines {
        writeln!(out, "{label:<13}{:>width$}{}", n(count), note(text)).ok();
    }
    if counts.per_unit.is_empty() {
        return;
    }
    let name = |id: Option<bia::model::Id>| {
        id.and_then(|id| units.iter().find(|u| u.id == id))
            .map(|u| u.name.to_string())
    };
    let mut rows: Vec<(Option<String>, u32)> = counts
        .per_unit
        .iter()
        .map(|c| (name(c.unit_id), c.processes))
        .collect();
    rows.sort_by(|a, b| {
        (a.0.is_none(), std::cmp::Reverse(a.1), &a.0).cmp(&(
            b.0.is_none(),
            std::cmp::Reverse(b.1),
            &b.0,
        ))
    });
    writeln!(out).ok();
    let rows: Vec<[String; 2]> = rows
        .into_iter()
        .map(|(unit, count)| [unit.unwrap_or_else(|| "(no unit)".into()), n(count)])
        .collect();
    print_rows(out, ["Unit", "Processes"], &rows);
}

/// `text` with every control character replaced by U+FFFD.
fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(char::is_control) {
        text.replace(char::is_control, "\u{FFFD}").into()
    } else {
        text.into()
    }
}

/// Resources by kind and name: `to_classify` when only those are listed.
pub fn print_resources(out: &mut impl Write, resources: &[Resource], to_classify: bool) {
    let minutes = |m: Option<bia::model::Minutes>| m.map_or("—".to_string(), |m| m.to_string());
    let rows: Vec<[String; 4]> = resources
        .iter()
        .map(|r| {
            [
                r.name.clone(),
                r.kind.label().to_string(),
                r.owner.clone(),
                minutes(r.recovery_time()),
            ]
        })
        .collect();
    print_rows(out, ["RESOURCE", "KIND", "OWNER", "RECOVERY"], &rows);
    let what = if to_classify { " to classify" } else { "" };
    writeln!(out, "{} resource(s){what}", rows.len()).ok();
}

pub fn print_table(out: &mut impl Write, dump: &Dump) {
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

/// `bia compare`: the files, the counts, processes added and removed,
/// every change per process and resource, and the tier movement.
pub fn print_comparison(
    out: &mut impl Write,
    c: &bia::analysis::Comparison,
    old: &std::path::Path,
    new: &std::path::Path,
) {
    use bia::analysis::{DeltaState, Direction};
    let n = |n: u32| bia::model::thousands(n as usize);
    writeln!(
        out,
        "{} ({}) → {} ({})",
        printable(&c.old.name),
        old.display(),
        printable(&c.new.name),
        new.display()
    )
    .ok();
    writeln!(out, "{}", printable(&c.since())).ok();
    if !c.same_assessment {
        writeln!(
            out,
            "Different assessments (other ids): processes matched by name."
        )
        .ok();
    }
    let k = &c.counts;
    writeln!(
        out,
        "\nProcesses  {} added, {} removed, {} changed, {} unchanged",
        n(k.added),
        n(k.removed),
        n(k.changed),
        n(k.unchanged)
    )
    .ok();
    writeln!(
        out,
        "Resources  {} added, {} removed, {} changed",
        n(k.resources_added),
        n(k.resources_removed),
        n(k.resources_changed)
    )
    .ok();
    if c.is_empty() {
        writeln!(out, "\nNo differences.").ok();
    }
    let tier = |t: &str| {
        if t.is_empty() {
            "no tier".to_string()
        } else {
            t.to_string()
        }
    };
    for (state, title, sign) in [
        (DeltaState::Added, "Added", '+'),
        (DeltaState::Removed, "Removed", '-'),
    ] {
        let listed: Vec<_> = c.processes.iter().filter(|p| p.state == state).collect();
        if listed.is_empty() {
            continue;
        }
        writeln!(out, "\n{title}").ok();
        for p in listed {
            let unit = if p.unit.is_empty() {
                String::new()
            } else {
                format!("{}, ", printable(&p.unit))
            };
            writeln!(
                out,
                "  {sign} {} ({unit}{})",
                printable(&p.name),
                tier(&p.tier)
            )
            .ok();
        }
    }
    let arrow = |d: Option<Direction>| match d {
        Some(Direction::Up) => "↑".to_string(),
        Some(Direction::Down) => "↓".to_string(),
        None => String::new(),
    };
    let shown = |s: &str| {
        if s.is_empty() {
            "—".to_string()
        } else {
            s.to_string()
        }
    };
    let mut rows: Vec<[String; 5]> = Vec::new();
    for p in c
        .processes
        .iter()
        .filter(|p| p.state == DeltaState::Changed)
    {
        let by_name = if p.matched_by_name && c.same_assessment {
            " (matched by name)"
        } else {
            ""
        };
        for (i, x) in p.changes.iter().enumerate() {
            let name = if i == 0 {
                format!("{}{by_name}", p.name)
            } else {
                String::new()
            };
            rows.push([
                name,
                x.label.clone(),
                shown(&x.old),
                shown(&x.new),
                arrow(x.direction),
            ]);
        }
    }
    if !rows.is_empty() {
        writeln!(out, "\nChanged").ok();
        print_rows(out, ["PROCESS", "WHAT", "BEFORE", "NOW", ""], &rows);
    }
    let mut rows: Vec<[String; 5]> = Vec::new();
    for r in &c.resources {
        let name = format!("{} ({})", r.name, r.kind.label());
        match r.state {
            DeltaState::Added | DeltaState::Removed => rows.push([
                name,
                r.state.label().into(),
                String::new(),
                String::new(),
                String::new(),
            ]),
            DeltaState::Changed => {
                for (i, x) in r.changes.iter().enumerate() {
                    rows.push([
                        if i == 0 { name.clone() } else { String::new() },
                        x.label.clone(),
                        shown(&x.old),
                        shown(&x.new),
                        arrow(x.direction),
                    ]);
                }
            }
        }
    }
    if !rows.is_empty() {
        writeln!(out, "\nResources").ok();
        print_rows(out, ["RESOURCE", "WHAT", "BEFORE", "NOW", ""], &rows);
    }
    if !c.tier_movement.is_empty() {
        writeln!(out, "\nTier movement (processes in both files)").ok();
        let rows: Vec<[String; 3]> = c
            .tier_movement
            .iter()
            .map(|m| {
                let note = if m.from == m.to { "  (stayed)" } else { "" };
                [
                    m.from.clone(),
                    m.to.clone(),
                    format!("{}{note}", n(m.processes)),
                ]
            })
            .collect();
        print_rows(out, ["THEN", "NOW", "PROCESSES"], &rows);
    }
}
