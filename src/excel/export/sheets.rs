//! The nine sheets, in order. Each writes its title, a header row, one row
//! per item and then the shared finish (widths, hidden columns, freeze,
//! filter, printing).

use std::collections::HashMap;

use rust_xlsxwriter::{
    Chart, ChartType, ConditionalFormatCell, ConditionalFormatCellRule, Format, Image, Note,
    Workbook,
};

use super::sheet::{Formats, Sheet, page_setup, xlsx};
use super::{ExportProgress, SHEETS};
use crate::analysis::{Analysis, ProcessAnalysis};
use crate::chart::{self, ChartKind, ChartOptions, palette};
use crate::error::Result;
use crate::model::{Assessment, CustomField, Id, Minutes, NodeRef, Process, Status, Unit};

/// Rows 0–1 hold the title; the header starts at row 3.
const HEADER: u32 = 3;
/// Most processes drawn in the Summary's heatmap picture.
const SUMMARY_HEATMAP_ROWS: usize = 40;

pub(super) fn build(
    a: &Assessment,
    progress: &mut dyn FnMut(ExportProgress),
    warnings: &mut Vec<String>,
) -> Result<Workbook> {
    let analysis = crate::analysis::analyze(a);
    let f = Formats::new();
    let ctx = Context::new(a, &analysis);
    let mut workbook = Workbook::new();
    // Calibri 10: 56-pixel default columns, 18-pixel rows.
    workbook
        .set_default_format(&Formats::base(), 18, 56)
        .map_err(xlsx)?;
    let total = SHEETS.len() as u32 + 1;
    for (i, name) in SHEETS.iter().enumerate() {
        progress(ExportProgress {
            done: i as u32,
            total,
            step: format!("Writing {name}"),
        });
        let ws = workbook.add_worksheet();
        let mut sheet = Sheet::new(ws, name, &f, warnings)?;
        match i {
            0 => summary(&mut sheet, &ctx)?,
            1 => processes(&mut sheet, &ctx)?,
            2 => impact(&mut sheet, &ctx)?,
            3 => objectives(&mut sheet, &ctx)?,
            4 => resources(&mut sheet, &ctx)?,
            5 => dependencies(&mut sheet, &ctx)?,
            6 => gaps(&mut sheet, &ctx)?,
            7 => decisions(&mut sheet, &ctx)?,
            _ => methodology(&mut sheet, &ctx)?,
        }
    }
    let mut properties = rust_xlsxwriter::DocProperties::new()
        .set_title(format!("Business impact analysis — {}", a.info.name))
        .set_company(&a.info.organisation);
    if !a.info.facilitator.is_empty() {
        properties = properties.set_author(&a.info.facilitator);
    }
    workbook.set_properties(&properties);
    Ok(workbook)
}

/// What every sheet looks things up in.
struct Context<'a> {
    a: &'a Assessment,
    analysis: &'a Analysis,
    by_process: HashMap<Id, &'a ProcessAnalysis>,
    units: HashMap<Id, &'a Unit>,
    names: HashMap<NodeRef, String>,
    /// "Harbourline Logistics — BIA 2026 · 22 Nov 2026", for page headers.
    header: String,
    date: String,
}

impl<'a> Context<'a> {
    fn new(a: &'a Assessment, analysis: &'a Analysis) -> Context<'a> {
        let date = chrono::Utc::now().format("%-d %b %Y").to_string();
        let mut names = HashMap::new();
        for p in &a.processes {
            names.insert(NodeRef::Process(p.id), p.name.clone());
        }
        for r in &a.resources {
            names.insert(NodeRef::Resource(r.id), r.name.clone());
        }
        Context {
            a,
            analysis,
            by_process: analysis
                .processes
                .iter()
                .map(|p| (p.process_id, p))
                .collect(),
            units: a.units.iter().map(|u| (u.id, u)).collect(),
            names,
            header: format!("{} · {}", a.info.name, date),
            date,
        }
    }

    fn unit_name(&self, p: &Process) -> String {
        p.unit_id
            .and_then(|id| self.units.get(&id))
            .map_or_else(String::new, |u| u.name.clone())
    }

    /// "Operations › Warehousing": the unit and its parents, for import.
    fn unit_path(&self, p: &Process) -> String {
        let mut path = Vec::new();
        let mut next = p.unit_id;
        while let Some(id) = next {
            let Some(u) = self.units.get(&id) else { break };
            if path.len() > self.units.len() {
                break;
            }
            path.push(u.name.clone());
            next = u.parent_id;
        }
        path.reverse();
        path.join(crate::excel::import::UNIT_PATH_SEPARATOR)
    }

    /// Processes, most time-critical first: agreed MTPD, then RTO, then name.
    fn most_critical(&self) -> Vec<&'a ProcessAnalysis> {
        let mut ranked: Vec<&ProcessAnalysis> = self.analysis.processes.iter().collect();
        ranked.sort_by(|x, y| {
            let key = |p: &ProcessAnalysis| {
                (
                    p.mtpd.map_or(u32::MAX, |m| m.0),
                    p.rto.map_or(u32::MAX, |m| m.0),
                )
            };
            key(x).cmp(&key(y)).then_with(|| x.process.cmp(&y.process))
        });
        ranked
    }
}

fn headers(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

fn status_label(s: Status) -> &'static str {
    match s {
        Status::Draft => "Draft",
        Status::InReview => "In review",
        Status::Approved => "Approved",
    }
}

fn png(kind: ChartKind, a: &Assessment) -> Result<Image> {
    let bytes = chart::render(kind, a, &ChartOptions::default(), chart::Format::Png)?;
    Image::new_from_buffer(&bytes).map_err(xlsx)
}

/// The assessment cut to its `n` most time-critical processes (for a
/// picture that stays legible on a page).
fn top_processes(ctx: &Context, n: usize) -> Assessment {
    let keep: std::collections::HashSet<Id> = ctx
        .most_critical()
        .iter()
        .take(n)
        .map(|p| p.process_id)
        .collect();
    let a = ctx.a;
    Assessment {
        processes: a
            .processes
            .iter()
            .filter(|p| keep.contains(&p.id))
            .cloned()
            .collect(),
        scores: a
            .scores
            .iter()
            .filter(|s| keep.contains(&s.process_id))
            .cloned()
            .collect(),
        objectives: a
            .objectives
            .iter()
            .filter(|o| keep.contains(&o.process_id))
            .cloned()
            .collect(),
        ..a.clone()
    }
}

fn summary(s: &mut Sheet, ctx: &Context) -> Result<()> {
    let a = ctx.a;
    let f = s.f;
    s.title(
        0,
        &format!("Business impact analysis — {}", a.info.name),
        &format!("{} · exported {}", a.info.organisation, ctx.date),
    )?;
    let d = &ctx.analysis.dependencies;
    let facts: Vec<(&str, String)> = vec![
        ("Organisation", a.info.organisation.clone()),
        ("Scope", a.info.scope.clone()),
        ("Facilitator", a.info.facilitator.clone()),
        (
            "Started",
            a.info.created_at.get(..10).unwrap_or("").to_string(),
        ),
        (
            "Last changed",
            a.info.updated_at.get(..10).unwrap_or("").to_string(),
        ),
        ("Processes", a.processes.len().to_string()),
        ("Resources", a.resources.len().to_string()),
        ("Dependencies", a.dependencies.len().to_string()),
        ("Recovery gaps", d.gaps.len().to_string()),
        ("Single points of failure", d.spofs.len().to_string()),
    ];
    let mut row = HEADER;
    s.text(row - 1, 0, "The assessment", &f.section)?;
    for (label, value) in &facts {
        s.text(row, 0, label, &f.label)?;
        s.text(row, 1, value, &f.text)?;
        row += 1;
    }

    // Processes by tier, with a native chart of the same cells.
    row += 1;
    s.text(row, 0, "Processes by recovery tier", &f.section)?;
    row += 1;
    s.header(row, &headers(&["Tier", "Processes"]))?;
    let first = row + 1;
    let mut tiers: Vec<(String, u32)> = a
        .methodology
        .tiers
        .iter()
        .map(|t| {
            let n = ctx
                .analysis
                .processes
                .iter()
                .filter(|p| p.tier.as_ref().is_some_and(|x| x.rank == t.rank))
                .count();
            (t.name.clone(), n as u32)
        })
        .collect();
    let untiered = ctx
        .analysis
        .processes
        .iter()
        .filter(|p| p.tier.is_none())
        .count();
    tiers.push(("No RTO yet".into(), untiered as u32));
    for (name, n) in &tiers {
        row += 1;
        s.text(row, 0, name, &f.text)?;
        s.number(row, 1, f64::from(*n), &f.number)?;
    }
    let last = row;
    let mut tier_chart = Chart::new(ChartType::Column);
    tier_chart
        .add_series()
        .set_categories(("Summary", first, 0, last, 0))
        .set_values(("Summary", first, 1, last, 1))
        .set_name("Processes")
        .set_format(rust_xlsxwriter::ChartFormat::new().set_solid_fill(
            rust_xlsxwriter::ChartSolidFill::new().set_color(super::sheet::ACCENT),
        ));
    tier_chart.title().set_name("Processes per recovery tier");
    tier_chart.legend().set_hidden();
    tier_chart.set_width(420).set_height(260);

    row += 2;
    s.text(row, 0, "Processes by review status", &f.section)?;
    row += 1;
    s.header(row, &headers(&["Status", "Processes"]))?;
    for status in Status::ALL {
        row += 1;
        let n = a.processes.iter().filter(|p| p.status == status).count();
        s.text(row, 0, status_label(status), &f.text)?;
        s.number(row, 1, n as f64, &f.number)?;
    }

    row += 2;
    s.text(row, 0, "The ten most time-critical processes", &f.section)?;
    row += 1;
    s.header(row, &headers(&["Process", "Unit", "MTPD", "RTO", "Tier"]))?;
    let processes: HashMap<Id, &Process> = a.processes.iter().map(|p| (p.id, p)).collect();
    for p in ctx.most_critical().into_iter().take(10) {
        row += 1;
        let unit = processes
            .get(&p.process_id)
            .map_or_else(String::new, |x| ctx.unit_name(x));
        s.text(row, 0, &p.process, &f.wrap)?;
        s.text(row, 1, &unit, &f.wrap)?;
        s.text(
            row,
            2,
            &p.mtpd.map_or("—".into(), |m| m.to_string()),
            &f.text,
        )?;
        s.text(
            row,
            3,
            &p.rto.map_or("—".into(), |m| m.to_string()),
            &f.text,
        )?;
        let tier = p.tier.as_ref().map_or("—".to_string(), |t| t.name.clone());
        s.text(row, 4, &tier, &f.text)?;
    }

    // Pictures to the right of the tables.
    let col = 7;
    s.ws.insert_chart(HEADER, col, &tier_chart).map_err(xlsx)?;
    let tiers_png = png(ChartKind::Tiers, a)?
        .set_scale_width(0.55)
        .set_scale_height(0.55)
        .set_alt_text("Tier distribution: processes per recovery tier");
    s.ws.insert_image(HEADER + 15, col, &tiers_png)
        .map_err(xlsx)?;
    let shown = a.processes.len().min(SUMMARY_HEATMAP_ROWS);
    let heatmap_source = if a.processes.len() > SUMMARY_HEATMAP_ROWS {
        top_processes(ctx, SUMMARY_HEATMAP_ROWS)
    } else {
        a.clone()
    };
    let caption = if shown < a.processes.len() {
        format!(
            "Impact heatmap of the {shown} most time-critical of {} processes (all are on the Impact sheet)",
            a.processes.len()
        )
    } else {
        "Impact heatmap".to_string()
    };
    s.text(HEADER + 35, col, &caption, &f.section)?;
    let heatmap = png(ChartKind::Heatmap, &heatmap_source)?
        .set_scale_width(0.6)
        .set_scale_height(0.6)
        .set_alt_text("Impact heatmap: the highest severity of each process at each time horizon");
    s.ws.insert_image(HEADER + 36, col, &heatmap)
        .map_err(xlsx)?;
    s.ws.set_column_width(0, 34).map_err(xlsx)?;
    s.ws.set_column_width(1, 28).map_err(xlsx)?;
    page_setup(s.ws, s.name, &ctx.header);
    s.ws.set_print_fit_to_pages(1, 1);
    Ok(())
}

fn processes(s: &mut Sheet, ctx: &Context) -> Result<()> {
    let a = ctx.a;
    let f = s.f;
    s.title(
        1,
        "Processes",
        &format!("{} processes · {}", a.processes.len(), a.info.name),
    )?;
    let custom = custom_names(a.processes.iter().map(|p| &p.custom_fields));
    let mut names = headers(&[
        "Process ID",
        "Process",
        "Unit",
        "Unit path",
        "Owner",
        "Description",
        "Peak periods",
        "Minimum staff",
        "Workaround",
        "Notes",
        "Status",
        "Source",
    ]);
    let fixed = names.len() as u16;
    names.extend(custom.iter().cloned());
    s.header(HEADER, &names)?;
    let mut row = HEADER;
    for p in &a.processes {
        row += 1;
        s.text(row, 0, &p.id.to_string(), &f.text)?;
        s.text(row, 1, &p.name, &f.label)?;
        s.text(row, 2, &ctx.unit_name(p), &f.text)?;
        s.text(row, 3, &ctx.unit_path(p), &f.text)?;
        s.text(row, 4, &p.owner, &f.text)?;
        s.text(row, 5, &p.description, &f.wrap)?;
        s.text(row, 6, &p.peak_periods, &f.wrap)?;
        if let Some(n) = p.minimum_staff {
            s.number(row, 7, f64::from(n), &f.number)?;
        }
        s.text(row, 8, &p.workaround, &f.wrap)?;
        s.text(row, 9, &p.notes, &f.wrap)?;
        s.text(row, 10, status_label(p.status), &f.text)?;
        s.text(row, 11, &source(&p.provenance), &f.text)?;
        custom_cells(s, row, fixed, &custom, &p.custom_fields)?;
    }
    s.finish(
        (HEADER, HEADER),
        row,
        names.len() as u16,
        &[0, 3],
        &ctx.header,
    )
}

/// The custom fields' names, in the order they first appear: one column
/// each after the fixed ones.
fn custom_names<'a>(fields: impl Iterator<Item = &'a Vec<CustomField>>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for c in fields.flatten() {
        if !names.contains(&c.name) {
            names.push(c.name.clone());
        }
    }
    names
}

/// A row's custom fields under their columns, from `first`.
fn custom_cells(
    s: &mut Sheet,
    row: u32,
    first: u16,
    names: &[String],
    fields: &[CustomField],
) -> Result<()> {
    for c in fields {
        if let Some(i) = names.iter().position(|n| *n == c.name) {
            let wrap = &s.f.wrap;
            s.text(row, first + i as u16, &c.value, wrap)?;
        }
    }
    Ok(())
}

fn source(p: &crate::model::Provenance) -> String {
    match p {
        crate::model::Provenance::Workshop => "workshop".into(),
        crate::model::Provenance::Demo => "demo".into(),
        crate::model::Provenance::Imported {
            file, sheet, cell, ..
        } => {
            format!("{file}, {sheet}!{cell}")
        }
    }
}

fn impact(s: &mut Sheet, ctx: &Context) -> Result<()> {
    let a = ctx.a;
    let f = s.f;
    let m = &a.methodology;
    s.title(
        1,
        "Impact over time",
        &format!(
            "Severity 0–{} per category and time after the disruption; blank: not scored",
            m.scale.last().map_or(5, |l| l.value)
        ),
    )?;
    let band = HEADER;
    let head = HEADER + 1;
    let mut names = headers(&["Process ID", "Process", "Unit"]);
    let first_cell = names.len() as u16;
    let mut columns: HashMap<(Id, Id), u16> = HashMap::new();
    for c in &m.categories {
        let start = names.len() as u16;
        for h in &m.horizons {
            columns.insert((c.id, h.id), names.len() as u16);
            names.push(h.label.clone());
        }
        let end = names.len() as u16 - 1;
        let title = if c.retired {
            format!("{} (retired)", c.name)
        } else {
            c.name.clone()
        };
        if end > start {
            s.ws.merge_range(band, start, band, end, &title, &f.band)
                .map_err(xlsx)?;
        } else {
            s.ws.write_string_with_format(band, start, &title, &f.band)
                .map_err(xlsx)?;
        }
    }
    let last_cell = names.len() as u16 - 1;
    let mtpd_col = names.len() as u16;
    names.extend(headers(&[
        "MTPD (derived)",
        "MTPD (derived, minutes)",
        "Impact rationale",
        "Score notes",
    ]));
    for c in 0..first_cell {
        s.ws.write_string_with_format(band, c, "", &f.band)
            .map_err(xlsx)?;
    }
    for c in mtpd_col..names.len() as u16 {
        s.ws.write_string_with_format(band, c, "", &f.band)
            .map_err(xlsx)?;
    }
    s.header(head, &names)?;
    let rows: HashMap<Id, u32> = a
        .processes
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, head + 1 + i as u32))
        .collect();
    let rationale: HashMap<Id, &String> =
        a.impact_rationales.iter().map(|(id, t)| (*id, t)).collect();
    for p in &a.processes {
        let row = rows[&p.id];
        s.text(row, 0, &p.id.to_string(), &f.text)?;
        s.text(row, 1, &p.name, &f.label)?;
        s.text(row, 2, &ctx.unit_name(p), &f.text)?;
        let derived = ctx.by_process.get(&p.id).and_then(|x| x.mtpd_derived);
        s.duration(row, mtpd_col, derived, &f.text)?;
        if let Some(t) = rationale.get(&p.id) {
            s.text(row, mtpd_col + 2, t, &f.wrap)?;
        }
    }
    let mut notes: std::collections::BTreeMap<u32, Vec<String>> = Default::default();
    for score in &a.scores {
        let (Some(&row), Some(&col)) = (
            rows.get(&score.process_id),
            columns.get(&(score.category_id, score.horizon_id)),
        ) else {
            continue;
        };
        if let Some(v) = score.severity {
            s.number(row, col, f64::from(v), &f.text)?;
        }
        if !score.note.is_empty() {
            let note = Note::new(&score.note).set_author("BIA Workbench");
            s.ws.insert_note(row, col, &note).map_err(xlsx)?;
            notes
                .entry(row)
                .or_default()
                .push(score_note_line(m, score));
        }
    }
    // The notes again as text, one "Category @ horizon: note" per line:
    // readable in print, and read back by import (cell notes are not).
    for (row, lines) in notes {
        s.text(row, mtpd_col + 3, &lines.join("\n"), &f.wrap)?;
    }
    let last_row = head + a.processes.len() as u32;
    // The methodology's palette, one rule per level.
    let max = m.scale.last().map_or(5, |l| l.value);
    if !a.processes.is_empty() && last_cell >= first_cell {
        for level in &m.scale {
            let fill = palette::severity(level.value, max);
            let ink = palette::on_severity(level.value, max);
            let format = Format::new()
                .set_background_color(rgb(fill))
                .set_font_color(rgb(ink));
            let rule = ConditionalFormatCell::new()
                .set_rule(ConditionalFormatCellRule::EqualTo(f64::from(level.value)))
                .set_format(format);
            s.ws.add_conditional_format(head + 1, first_cell, last_row, last_cell, &rule)
                .map_err(xlsx)?;
        }
    }
    s.ws.set_freeze_panes(head + 1, first_cell).map_err(xlsx)?;
    s.finish(
        (band, head),
        last_row,
        names.len() as u16,
        &[0, mtpd_col + 1],
        &ctx.header,
    )?;
    // Severity columns stay narrow; finish() froze rows only.
    for c in first_cell..=last_cell.max(first_cell) {
        s.ws.set_column_width(c, 7).map_err(xlsx)?;
    }
    s.ws.set_freeze_panes(head + 1, first_cell).map_err(xlsx)?;
    Ok(())
}

/// "Financial @ 1 d: ≈ £250 k lost revenue".
fn score_note_line(m: &crate::model::Methodology, score: &crate::model::Score) -> String {
    let category = m
        .categories
        .iter()
        .find(|c| c.id == score.category_id)
        .map_or("", |c| c.name.as_str());
    let horizon = m
        .horizons
        .iter()
        .find(|h| h.id == score.horizon_id)
        .map_or("", |h| h.label.as_str());
    format!("{category} @ {horizon}: {}", score.note.replace('\n', " "))
}

fn rgb(c: plotters::style::RGBColor) -> u32 {
    (u32::from(c.0) << 16) | (u32::from(c.1) << 8) | u32::from(c.2)
}

fn objectives(s: &mut Sheet, ctx: &Context) -> Result<()> {
    let a = ctx.a;
    let f = s.f;
    s.title(
        1,
        "Recovery objectives",
        "MTPD derived from the impact scores and as agreed; RTO, RPO, WRT and MBCO as recorded",
    )?;
    let names = headers(&[
        "Process ID",
        "Process",
        "Unit",
        "MTPD (derived)",
        "MTPD (derived, minutes)",
        "MTPD (agreed)",
        "MTPD (agreed, minutes)",
        "MTPD override reason",
        "RTO",
        "RTO (minutes)",
        "RPO",
        "RPO (minutes)",
        "WRT",
        "WRT (minutes)",
        "MBCO (%)",
        "Tier",
        "Status",
        "Rationale",
        "Agreed by",
        "Agreed on",
        "Violations",
    ]);
    s.header(HEADER, &names)?;
    let objectives: HashMap<Id, &crate::model::Objectives> =
        a.objectives.iter().map(|o| (o.process_id, o)).collect();
    let mut row = HEADER;
    for p in &a.processes {
        row += 1;
        let x = ctx.by_process.get(&p.id);
        let o = objectives.get(&p.id);
        let broken = |field: &str| x.is_some_and(|x| x.violations.iter().any(|v| v.field == field));
        s.text(row, 0, &p.id.to_string(), &f.text)?;
        s.text(row, 1, &p.name, &f.label)?;
        s.text(row, 2, &ctx.unit_name(p), &f.text)?;
        s.duration(row, 3, x.and_then(|x| x.mtpd_derived), &f.text)?;
        if let Some(o) = o {
            s.duration(row, 5, o.mtpd_override, &f.text)?;
            s.text(row, 7, &o.mtpd_override_reason, &f.wrap)?;
            let rto_format = if broken("rto") { &f.bad } else { &f.text };
            s.duration(row, 8, o.rto, rto_format)?;
            if o.rpo_not_applicable {
                s.text(row, 10, "n/a", &f.text)?;
            } else {
                s.duration(row, 10, o.rpo, &f.text)?;
            }
            let wrt_format = if broken("wrt") { &f.bad } else { &f.text };
            s.duration(row, 12, o.wrt, wrt_format)?;
            if let Some(m) = o.mbco_percent {
                s.number(row, 14, f64::from(m), &f.number)?;
            }
            s.text(row, 17, &o.rationale, &f.wrap)?;
            s.text(row, 18, &o.agreed_by, &f.text)?;
            s.text(row, 19, &o.agreed_on, &f.text)?;
        }
        if let Some(x) = x {
            let tier = x.tier.as_ref().map_or(String::new(), |t| t.name.clone());
            s.text(row, 15, &tier, &f.text)?;
            let violations: Vec<&str> = x.violations.iter().map(|v| v.message.as_str()).collect();
            if !violations.is_empty() {
                s.text(row, 20, &violations.join("\n"), &f.bad)?;
            }
        }
        s.text(row, 16, status_label(p.status), &f.text)?;
    }
    s.finish(
        (HEADER, HEADER),
        row,
        names.len() as u16,
        &[0, 4, 6, 9, 11, 13],
        &ctx.header,
    )
}

fn resources(s: &mut Sheet, ctx: &Context) -> Result<()> {
    let a = ctx.a;
    let f = s.f;
    s.title(
        1,
        "Resources",
        "What the processes rely on, what it can deliver and what the processes need of it",
    )?;
    let custom = custom_names(a.resources.iter().map(|r| &r.custom_fields));
    let mut names = headers(&[
        "Resource ID",
        "Kind",
        "Resource",
        "Owner",
        "Description",
        "RTO capability",
        "RTO capability (minutes)",
        "RPO capability",
        "RPO capability (minutes)",
        "Contractual recovery",
        "Contractual recovery (minutes)",
        "Redundancy",
        "Required RTO",
        "Required RTO (minutes)",
        "Required RPO",
        "Required RPO (minutes)",
        "Gap",
        "Notes",
        "Source",
    ]);
    let fixed = names.len() as u16;
    names.extend(custom.iter().cloned());
    s.header(HEADER, &names)?;
    let d = &ctx.analysis.dependencies;
    let mut row = HEADER;
    for r in &a.resources {
        row += 1;
        s.text(row, 0, &r.id.to_string(), &f.text)?;
        s.text(row, 1, r.kind.as_str(), &f.text)?;
        s.text(row, 2, &r.name, &f.label)?;
        s.text(row, 3, &r.owner, &f.text)?;
        s.text(row, 4, &r.description, &f.wrap)?;
        s.duration(row, 5, r.rto_capability, &f.text)?;
        s.duration(row, 7, r.rpo_capability, &f.text)?;
        s.duration(row, 9, r.contractual_recovery, &f.text)?;
        s.text(row, 11, r.redundancy.as_str(), &f.text)?;
        if let Some(req) = d.resources.iter().find(|x| x.resource_id == r.id) {
            s.duration(row, 12, req.required_rto, &f.text)?;
            s.duration(row, 14, req.required_rpo, &f.text)?;
        }
        let gaps: Vec<&str> = d
            .gaps
            .iter()
            .filter(|g| g.subject_ref == NodeRef::Resource(r.id))
            .map(|g| g.message.as_str())
            .collect();
        if !gaps.is_empty() {
            s.text(row, 16, &gaps.join("\n"), &f.bad)?;
        }
        s.text(row, 17, &r.notes, &f.wrap)?;
        s.text(row, 18, &source(&r.provenance), &f.text)?;
        custom_cells(s, row, fixed, &custom, &r.custom_fields)?;
    }
    s.finish(
        (HEADER, HEADER),
        row,
        names.len() as u16,
        &[0, 6, 8, 10, 13, 15],
        &ctx.header,
    )
}

fn node_kind(a: &Assessment, n: NodeRef) -> &'static str {
    match n {
        NodeRef::Process(_) => "process",
        NodeRef::Resource(id) => a
            .resources
            .iter()
            .find(|r| r.id == id)
            .map_or("resource", |r| r.kind.as_str()),
    }
}

fn dependencies(s: &mut Sheet, ctx: &Context) -> Result<()> {
    let a = ctx.a;
    let f = s.f;
    s.title(
        2,
        "Dependencies",
        "Who relies on what: one row per dependency",
    )?;
    let names = headers(&[
        "Dependency ID",
        "From ID",
        "From kind",
        "From",
        "Relies on (kind)",
        "To ID",
        "Relies on",
        "Strength",
        "Note",
    ]);
    s.header(HEADER, &names)?;
    let mut row = HEADER;
    for dep in &a.dependencies {
        row += 1;
        let name = |n: NodeRef| ctx.names.get(&n).cloned().unwrap_or_default();
        s.text(row, 0, &dep.id.to_string(), &f.text)?;
        s.text(row, 1, &dep.from.id().to_string(), &f.text)?;
        s.text(row, 2, node_kind(a, dep.from), &f.text)?;
        s.text(row, 3, &name(dep.from), &f.label)?;
        s.text(row, 4, node_kind(a, dep.to), &f.text)?;
        s.text(row, 5, &dep.to.id().to_string(), &f.text)?;
        s.text(row, 6, &name(dep.to), &f.text)?;
        s.text(row, 7, dep.strength.as_str(), &f.text)?;
        s.text(row, 8, &dep.note, &f.wrap)?;
    }
    s.finish(
        (HEADER, HEADER),
        row,
        names.len() as u16,
        &[0, 1, 5],
        &ctx.header,
    )
}

fn gaps(s: &mut Sheet, ctx: &Context) -> Result<()> {
    let f = s.f;
    let d = &ctx.analysis.dependencies;
    s.title(
        0,
        "Gaps and findings",
        "Most severe first: where a dependency cannot deliver what the processes relying on it need",
    )?;
    let names = headers(&[
        "Finding",
        "Subject",
        "Required",
        "Capability",
        "Shortfall",
        "Chain",
        "Explanation",
    ]);
    s.header(HEADER, &names)?;
    let dur = |m: Option<u32>| m.map_or(String::new(), |m| Minutes(m).to_string());
    let mut row = HEADER;
    for g in &d.gaps {
        row += 1;
        let finding = match g.kind {
            crate::analysis::GapKind::RtoCapability => "Recovery time gap",
            crate::analysis::GapKind::RpoCapability => "Data loss gap",
            crate::analysis::GapKind::UpstreamRto => "Upstream process gap",
            crate::analysis::GapKind::UnknownCapability => "Capability unknown",
        };
        s.text(row, 0, finding, &f.bad)?;
        s.text(row, 1, &g.subject, &f.label)?;
        s.text(row, 2, &dur(g.required_minutes), &f.text)?;
        let capability = g
            .capability_minutes
            .map_or("unknown".to_string(), |m| Minutes(m).to_string());
        s.text(row, 3, &capability, &f.text)?;
        s.text(row, 4, &dur(g.gap_minutes), &f.text)?;
        s.text(row, 5, &g.chain.join(" → "), &f.wrap)?;
        s.text(row, 6, &g.message, &f.wrap)?;
    }
    for spof in &d.spofs {
        row += 1;
        s.text(row, 0, "Single point of failure", &f.bad)?;
        s.text(row, 1, &spof.name, &f.label)?;
        s.text(row, 5, &spof.chain.join(" → "), &f.wrap)?;
        s.text(row, 6, &spof.message, &f.wrap)?;
    }
    for cycle in &d.cycles {
        row += 1;
        s.text(row, 0, "Loop", &f.text)?;
        s.text(row, 1, &cycle.nodes.join(", "), &f.wrap)?;
        s.text(row, 6, &cycle.message, &f.wrap)?;
    }
    for orphan in &d.orphans {
        row += 1;
        s.text(row, 0, "Nothing relies on it", &f.text)?;
        s.text(row, 1, orphan, &f.label)?;
        s.text(
            row,
            6,
            "No process or resource relies on this resource.",
            &f.wrap,
        )?;
    }
    if row == HEADER {
        s.text(row + 1, 0, "No gaps or findings.", &f.text)?;
    }
    s.finish((HEADER, HEADER), row, names.len() as u16, &[], &ctx.header)
}

fn decisions(s: &mut Sheet, ctx: &Context) -> Result<()> {
    let f = s.f;
    s.title(
        0,
        "Decision log",
        "Every change to an objective or a review status, oldest first; never edited",
    )?;
    let names = headers(&["When", "Process", "Field", "From", "To", "Rationale", "Who"]);
    s.header(HEADER, &names)?;
    let mut row = HEADER;
    for d in &ctx.a.decisions {
        row += 1;
        let when = d.at.get(..16).unwrap_or(&d.at).replace('T', " ");
        s.text(row, 0, &when, &f.text)?;
        s.text(row, 1, &d.process_name, &f.label)?;
        s.text(row, 2, &d.field, &f.text)?;
        s.text(row, 3, &d.old_value, &f.text)?;
        s.text(row, 4, &d.new_value, &f.text)?;
        s.text(row, 5, &d.rationale, &f.wrap)?;
        s.text(row, 6, &d.who, &f.text)?;
    }
    s.finish((HEADER, HEADER), row, names.len() as u16, &[], &ctx.header)
}

fn methodology(s: &mut Sheet, ctx: &Context) -> Result<()> {
    let f = s.f;
    let m = &ctx.a.methodology;
    s.title(
        0,
        "Methodology",
        "How impact was scored and objectives derived in this assessment",
    )?;
    // Impact categories, with each level's definition.
    let mut names = headers(&["Impact category", "Threshold", "Retired"]);
    names.extend(m.scale.iter().map(|l| format!("{} – {}", l.value, l.name)));
    s.header(HEADER, &names)?;
    let mut row = HEADER;
    for c in &m.categories {
        row += 1;
        s.text(row, 0, &c.name, &f.label)?;
        let threshold = c.threshold.unwrap_or(m.threshold);
        s.number(row, 1, f64::from(threshold), &f.number)?;
        s.text(row, 2, if c.retired { "yes" } else { "" }, &f.text)?;
        for d in &c.definitions {
            if let Some(i) = m.scale.iter().position(|l| l.value == d.level) {
                s.text(row, 3 + i as u16, &d.text, &f.wrap)?;
            }
        }
    }
    let categories_end = row;

    row += 2;
    s.text(row, 0, "Severity scale", &f.section)?;
    row += 1;
    s.header(row, &headers(&["Level", "Name"]))?;
    for l in &m.scale {
        row += 1;
        s.number(row, 0, f64::from(l.value), &f.number)?;
        s.text(row, 1, &l.name, &f.text)?;
    }
    row += 2;
    s.text(row, 0, "Unacceptable from severity", &f.label)?;
    s.number(row, 1, f64::from(m.threshold), &f.number)?;

    row += 2;
    s.text(row, 0, "Time horizons", &f.section)?;
    row += 1;
    s.header(row, &headers(&["Horizon", "Minutes"]))?;
    for h in &m.horizons {
        row += 1;
        s.text(row, 0, &h.label, &f.text)?;
        s.number(row, 1, f64::from(h.minutes.0), &f.number)?;
    }

    row += 2;
    s.text(row, 0, "Recovery tiers", &f.section)?;
    row += 1;
    s.header(
        row,
        &headers(&["Tier", "Rank", "RTO up to", "RTO up to (minutes)"]),
    )?;
    for t in &m.tiers {
        row += 1;
        s.text(row, 0, &t.name, &f.text)?;
        s.number(row, 1, f64::from(t.rank), &f.number)?;
        match t.max_rto_minutes {
            Some(max) => s.duration(row, 2, Some(max), &f.text)?,
            None => s.text(row, 2, "beyond", &f.text)?,
        }
    }
    s.finish(
        (HEADER, HEADER),
        categories_end,
        names.len() as u16,
        &[],
        &ctx.header,
    )
}
