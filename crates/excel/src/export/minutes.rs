//! The minutes of a workshop as a workbook (rust_xlsxwriter), four sheets:
//! Summary (who, when, where, attendance, the agenda and the time it took,
//! the heatmap picture), Agreed values (per process: the impact grid
//! coloured as the charts colour severity, the MTPD and why, the
//! objectives, who agreed and who signed off), Actions (actions and open
//! questions) and Changes (what was changed while the workshop ran).
//!
//! Like the executive workbook, every value is written as a string cell
//! (a participant called `=cmd|…` stays text), cut at Excel's limit with a
//! warning, with the assessment's name in every page header.
//!
//! It lays out values it is given, already written as people read them
//! (`bia_model::WorkshopMinutes`); it computes nothing, draws no chart (the
//! heatmap comes as a PNG) and is not read back by the import.

use std::path::Path;

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Image, Workbook};

use super::Result;
use super::sheet::{Formats, Sheet, xlsx};
use crate::layout::HEADER_ROW;
use bia_chart::palette;
use bia_model::{AgreedValues, WorkshopMinutes};

/// The sheets of the minutes, in order.
pub const MINUTES_SHEETS: [&str; 4] = ["Summary", "Agreed values", "Actions", "Changes"];

/// Width of a horizon's column on Agreed values: "5 – Catastrophic" fits.
const HORIZON_WIDTH: usize = 16;

/// The minutes of a workshop as the bytes of an .xlsx file.
pub fn minutes_workbook(minutes: &WorkshopMinutes) -> Result<Vec<u8>> {
    Ok(write(minutes)?.0)
}

/// Writes the minutes' workbook to `path` (through a temporary file, so a
/// failure leaves nothing); returns the warnings, one per cell cut to
/// Excel's limit ("Actions!B5: …").
pub fn write_minutes_workbook(minutes: &WorkshopMinutes, path: &Path) -> Result<Vec<String>> {
    super::save(path, || write(minutes))
}

fn write(minutes: &WorkshopMinutes) -> Result<(Vec<u8>, Vec<String>)> {
    let f = Formats::new();
    let grid = GridFormats::new();
    let header = page_header(minutes);
    let mut warnings = Vec::new();
    let mut workbook = Workbook::new();
    workbook
        .set_default_format(&Formats::base(), 18, 56)
        .map_err(xlsx)?;
    let [summary_name, agreed_name, actions_name, changes_name] = MINUTES_SHEETS;
    summary(
        &mut Sheet::new(workbook.add_worksheet(), summary_name, &f, &mut warnings)?,
        minutes,
        &header,
    )?;
    agreed_values(
        &mut Sheet::new(workbook.add_worksheet(), agreed_name, &f, &mut warnings)?,
        minutes,
        &grid,
        &header,
    )?;
    actions(
        &mut Sheet::new(workbook.add_worksheet(), actions_name, &f, &mut warnings)?,
        minutes,
        &header,
    )?;
    changes(
        &mut Sheet::new(workbook.add_worksheet(), changes_name, &f, &mut warnings)?,
        minutes,
        &header,
    )?;
    Ok((workbook.save_to_buffer().map_err(xlsx)?, warnings))
}

/// "Harbourline Logistics — BIA 2026 · Finance BIA workshop, 3 December 2026".
fn page_header(m: &WorkshopMinutes) -> String {
    let workshop = [m.title.as_str(), m.date.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    [m.assessment.as_str(), workshop.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

fn subtitle(m: &WorkshopMinutes) -> String {
    [m.assessment.as_str(), m.title.as_str(), m.date.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

fn headers(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

/// "present" → "Present".
fn capital(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A value, or a dash when there is none.
fn or_dash(s: &str) -> &str {
    if s.is_empty() { "—" } else { s }
}

/// The fills of the impact grid, made once: one per severity, and unscored.
struct GridFormats {
    levels: Vec<Format>,
    unscored: Format,
    merged: Format,
    reason: Format,
    value: Format,
}

impl GridFormats {
    /// The severities the charts colour (0–5, the default scale; a level
    /// beyond takes the darkest).
    const LEVELS: u8 = 5;

    fn new() -> GridFormats {
        let cell = Formats::base()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_border(FormatBorder::Thin)
            .set_border_color(Color::White);
        let rgb = |c: plotters::style::RGBColor| {
            (u32::from(c.0) << 16) | (u32::from(c.1) << 8) | u32::from(c.2)
        };
        GridFormats {
            levels: (0..=Self::LEVELS)
                .map(|l| {
                    cell.clone()
                        .set_background_color(rgb(palette::severity(l, Self::LEVELS)))
                        .set_font_color(rgb(palette::on_severity(l, Self::LEVELS)))
                })
                .collect(),
            unscored: cell.set_background_color(rgb(palette::UNSCORED)),
            merged: Formats::base().set_text_wrap(),
            reason: Formats::base().set_text_wrap().set_font_color(0x6b7280),
            value: Formats::base().set_bold(),
        }
    }

    fn level(&self, level: u8) -> &Format {
        let last = self.levels.len() - 1;
        &self.levels[usize::from(level).min(last)]
    }
}

fn summary(s: &mut Sheet, m: &WorkshopMinutes, header: &str) -> Result<()> {
    let f = s.f;
    s.title(0, &format!("Minutes — {}", or_dash(&m.title)), &subtitle(m))?;
    let ran = match (m.started.as_str(), m.finished.as_str()) {
        ("", _) => String::new(),
        (start, "") => format!("from {start}"),
        (start, end) => format!("{start} – {end}"),
    };
    let facts = [
        ("Organisation", m.organisation.clone()),
        ("Date", m.date.clone()),
        ("Start", m.start_time.clone()),
        ("Place", m.place.clone()),
        ("Facilitator", m.facilitator.clone()),
        ("Scribe", m.scribe.clone()),
        ("Workshop", capital(&m.status)),
        ("Ran", ran),
        ("Notes", m.notes.clone()),
    ];
    let mut row = HEADER_ROW;
    s.text(row - 1, 0, "The workshop", &f.section)?;
    for (label, value) in &facts {
        s.text(row, 0, label, &f.label)?;
        s.text(row, 1, value, &f.wrap)?;
        row += 1;
    }

    row += 1;
    let present = m
        .participants
        .iter()
        .filter(|p| p.attendance == "present")
        .count();
    s.text(
        row,
        0,
        &format!(
            "Participants ({present} of {} present)",
            m.participants.len()
        ),
        &f.section,
    )?;
    row += 1;
    s.header(row, &headers(&["Name", "Role", "Unit", "Attendance"]))?;
    for p in &m.participants {
        row += 1;
        s.text(row, 0, &p.name, &f.wrap)?;
        s.text(row, 1, &p.role, &f.wrap)?;
        s.text(row, 2, &p.unit, &f.wrap)?;
        s.text(row, 3, &capital(&p.attendance), &f.text)?;
    }

    row += 2;
    s.text(row, 0, "Agenda", &f.section)?;
    row += 1;
    s.header(
        row,
        &headers(&[
            "#",
            "Process",
            "Status",
            "Time box",
            "Time spent",
            "Over time",
            "Notes",
        ]),
    )?;
    for item in &m.agenda {
        row += 1;
        s.number(row, 0, item.position as f64, &f.number)?;
        s.text(row, 1, &item.process, &f.wrap)?;
        s.text(row, 2, &capital(&item.status), &f.text)?;
        s.text(row, 3, &item.timebox, &f.text)?;
        if item.over_time {
            s.text(row, 4, &item.spent, &f.bad)?;
            s.text(row, 5, "over time", &f.bad)?;
        } else {
            s.text(row, 4, &item.spent, &f.text)?;
        }
        s.text(row, 6, &item.notes, &f.wrap)?;
    }

    if let Some(png) = m.heatmap_png.as_deref().filter(|b| !b.is_empty()) {
        row += 2;
        s.text(row, 0, "Impact over time", &f.section)?;
        let picture = Image::new_from_buffer(png)
            .map_err(xlsx)?
            .set_scale_width(0.7)
            .set_scale_height(0.7)
            .set_alt_text("Impact heatmap of the processes discussed");
        s.ws.insert_image(row + 1, 0, &picture).map_err(xlsx)?;
    }
    s.finish((0, 1), row, 0, &[], header)
}

fn agreed_values(
    s: &mut Sheet,
    m: &WorkshopMinutes,
    grid: &GridFormats,
    header: &str,
) -> Result<()> {
    let f = s.f;
    s.title(0, "Agreed values", &subtitle(m))?;
    let horizons = m.horizons.len();
    // The merged cells of text span the horizons' columns (at least one).
    let last_col = horizons.max(1) as u16;
    let mut row = HEADER_ROW - 1;
    if m.processes.is_empty() {
        s.text(row, 0, "No values were agreed.", &f.subtitle)?;
    }
    for p in &m.processes {
        row = process_block(s, m, p, grid, row, last_col)? + 2;
    }
    s.finish((0, 1), row, 0, &[], header)?;
    for c in 1..=last_col {
        s.ws.set_column_width(c, HORIZON_WIDTH as f64)
            .map_err(xlsx)?;
    }
    Ok(())
}

/// One process's grid and values from `row`; returns the last row written.
fn process_block(
    s: &mut Sheet,
    m: &WorkshopMinutes,
    p: &AgreedValues,
    grid: &GridFormats,
    mut row: u32,
    last_col: u16,
) -> Result<u32> {
    let f = s.f;
    s.text(row, 0, &p.process, &f.section)?;
    let about = [
        p.unit.clone(),
        if p.owner.is_empty() {
            String::new()
        } else {
            format!("owner {}", p.owner)
        },
        p.review_status.clone(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    row += 1;
    s.text(row, 0, &about, &f.subtitle)?;

    if !m.horizons.is_empty() && !p.grid.is_empty() {
        row += 1;
        let mut names = vec!["Impact".to_string()];
        names.extend(m.horizons.iter().cloned());
        s.header(row, &names)?;
        for r in &p.grid {
            row += 1;
            s.text(row, 0, &r.category, &f.label)?;
            for h in 0..m.horizons.len() {
                let col = h as u16 + 1;
                let text = r.cells.get(h).map_or("", String::as_str);
                match r.levels.get(h).copied().flatten() {
                    Some(level) => {
                        let text = s.fit(row, col, text);
                        s.ws.write_string_with_format(row, col, text.as_ref(), grid.level(level))
                            .map_err(xlsx)?;
                    }
                    None => {
                        s.ws.write_blank(row, col, &grid.unscored).map_err(xlsx)?;
                    }
                }
            }
        }
    }

    // The values, label in the first column; long text across the grid.
    row += 1;
    s.text(row, 0, "MTPD", &f.label)?;
    s.text(row, 1, or_dash(&p.mtpd), &grid.value)?;
    if last_col > 1 {
        merged(s, row, 2, last_col, &p.mtpd_reason, &grid.reason)?;
    }
    for (label, value) in [
        ("RTO", &p.rto),
        ("RPO", &p.rpo),
        ("WRT", &p.wrt),
        ("MBCO", &p.mbco),
    ] {
        row += 1;
        s.text(row, 0, label, &f.label)?;
        s.text(row, 1, or_dash(value), &grid.value)?;
    }
    let signed_off_by = p.signed_off_by.join(", ");
    for (label, value) in [
        ("Tier", &p.tier),
        ("Rationale", &p.rationale),
        ("Agreed by", &p.agreed_by),
        ("Signed off by", &signed_off_by),
        ("Signed off at", &p.signed_off_at),
    ] {
        row += 1;
        s.text(row, 0, label, &f.label)?;
        merged(s, row, 1, last_col, value, &grid.merged)?;
    }
    Ok(row)
}

/// `text` across columns `first..=last` of `row`, always a string, and the
/// row as tall as its wrapped lines.
fn merged(
    s: &mut Sheet,
    row: u32,
    first: u16,
    last: u16,
    text: &str,
    format: &Format,
) -> Result<()> {
    if text.is_empty() {
        return Ok(());
    }
    let text = s.fit(row, first, text);
    if first == last {
        s.ws.write_string_with_format(row, first, text.as_ref(), format)
            .map_err(xlsx)?;
    } else {
        s.ws.merge_range(row, first, row, last, text.as_ref(), format)
            .map_err(xlsx)?;
    }
    // Calibri 10 fits about 1.15 characters per unit of width.
    let per_line = (usize::from(last - first + 1) * HORIZON_WIDTH * 23 / 20).max(1);
    let lines: usize = text
        .lines()
        .map(|l| l.chars().count().div_ceil(per_line).max(1))
        .sum::<usize>()
        .min(30);
    if lines > 1 {
        s.ws.set_row_height(row, lines as f64 * 13.0)
            .map_err(xlsx)?;
    }
    Ok(())
}

fn actions(s: &mut Sheet, m: &WorkshopMinutes, header: &str) -> Result<()> {
    let f = s.f;
    s.title(0, "Actions and open questions", &subtitle(m))?;
    let names = headers(&[
        "Kind",
        "Action or question",
        "Owner",
        "Due",
        "Concerns",
        "Status",
    ]);
    s.header(HEADER_ROW, &names)?;
    let mut row = HEADER_ROW;
    for a in &m.actions {
        row += 1;
        s.text(row, 0, &capital(&a.kind), &f.text)?;
        s.text(row, 1, &a.text, &f.wrap)?;
        s.text(row, 2, &a.owner, &f.wrap)?;
        s.text(row, 3, &a.due, &f.text)?;
        s.text(row, 4, &a.concerns, &f.wrap)?;
        s.text(row, 5, &capital(&a.status), &f.text)?;
    }
    s.finish(
        (HEADER_ROW, HEADER_ROW),
        row,
        names.len() as u16,
        &[],
        header,
    )
}

fn changes(s: &mut Sheet, m: &WorkshopMinutes, header: &str) -> Result<()> {
    let f = s.f;
    s.title(0, "Changes made during the workshop", &subtitle(m))?;
    let names = headers(&["At", "Change", "By", "Rationale"]);
    s.header(HEADER_ROW, &names)?;
    let mut row = HEADER_ROW;
    for c in &m.changes {
        row += 1;
        s.text(row, 0, &c.at, &f.text)?;
        s.text(row, 1, &c.what, &f.wrap)?;
        s.text(row, 2, &c.who, &f.wrap)?;
        s.text(row, 3, &c.rationale, &f.wrap)?;
    }
    s.finish(
        (HEADER_ROW, HEADER_ROW),
        row,
        names.len() as u16,
        &[],
        header,
    )
}
