//! The severity grid both heatmaps are drawn as: processes (rows, most
//! time-critical first: by agreed MTPD, then tier, then name; optionally
//! under a band per organisational unit) × columns (horizons for the impact
//! heatmap, categories for the category heatmap). A cell's colour is a
//! severity on the one sequential palette; an unscored cell is grey with a
//! dash, never the colour of 0. The legend names every level of the scale.
//!
//! Rows shrink as their number grows, down to 17 px with a label of the
//! charts' smallest text (`MIN_TEXT`, a 12 px em), so a 300-process grid
//! stays legible; past that the picture grows taller rather than the text
//! smaller. Laid out to the width asked for (`ChartOptions::width`), the
//! names' column narrows and names are shortened to it, never the text. This module lays out and draws; what goes
//! in the cells is decided by `heatmap.rs` and `categories.rs`.

use std::collections::HashMap;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::palette;
use super::{Chart, DrawResult, FONT, MIN_TEXT, ellipsize};
use bia_analysis::ProcessAnalysis;
use bia_model::{Assessment, Id, thousands};

pub(crate) struct Grid {
    /// Laid out to this width (`ChartOptions::width` of [`WIDTH`], at least [`NARROWEST`]).
    pub width: u32,
    pub title: String,
    pub subtitle: String,
    pub columns: Vec<String>,
    pub rows: Vec<Line>,
    pub legend: Legend,
}

/// What the legend explains: the scale's levels, and the markers if any.
pub(crate) struct Legend {
    scale: Vec<(u8, String)>,
    max: u8,
    markers: bool,
}

impl Legend {
    /// The assessment's scale; `markers`: rows carry MTPD and RTO markers.
    pub(crate) fn of(a: &Assessment, markers: bool) -> Legend {
        let scale = &a.methodology.scale;
        Legend {
            scale: scale.iter().map(|l| (l.value, l.name.clone())).collect(),
            max: scale.last().map_or(5, |l| l.value),
            markers,
        }
    }
}

/// A line of the grid: a unit's band or a process's row.
pub(crate) enum Line {
    Unit(String),
    Process(Row),
}

pub(crate) struct Row {
    pub name: String,
    pub unit_id: Option<Id>,
    pub tier: String,
    pub cells: Vec<Option<u8>>,
    /// Columns to outline (MTPD) and dot (RTO).
    pub mtpd: Option<usize>,
    pub rto: Option<usize>,
}

/// The grid's own width, and the narrowest it is laid out at.
pub(crate) const WIDTH: u32 = 1200;
pub(crate) const NARROWEST: u32 = 520;
const TOP: i32 = 104;
/// The legend's line, and each line more it wraps onto.
const LEGEND: i32 = 50;
const LEGEND_LINE: i32 = 28;

const STRIPE: RGBColor = RGBColor(0xf9, 0xfa, 0xfb);
const BAND: RGBColor = RGBColor(0xea, 0xee, 0xf2);

/// Processes in grid order: by agreed MTPD, then tier, then name; a process
/// with no MTPD or tier after those that have one.
pub(crate) fn ordered(analysis: &[ProcessAnalysis]) -> Vec<&ProcessAnalysis> {
    let mut ordered: Vec<&ProcessAnalysis> = analysis.iter().collect();
    ordered.sort_by(|x, y| {
        let key = |p: &ProcessAnalysis| {
            (
                p.mtpd.map_or(u32::MAX, |m| m.0),
                p.tier.as_ref().map_or(u8::MAX, |t| t.rank),
            )
        };
        key(x).cmp(&key(y)).then_with(|| x.process.cmp(&y.process))
    });
    ordered
}

/// A grid's subtitle: `about`, after how many of how many processes are
/// shown when not all are.
pub(crate) fn shown_of(shown: usize, total: usize, about: &str) -> String {
    if shown == total {
        return about.to_string();
    }
    format!(
        "The {} most time-critical of {} processes. {about}",
        thousands(shown),
        thousands(total)
    )
}

/// Each process's unit, for [`row`].
pub(crate) fn units(a: &Assessment) -> HashMap<Id, Option<Id>> {
    a.processes.iter().map(|p| (p.id, p.unit_id)).collect()
}

/// A row for a process (its unit from [`units`]), its cells unscored
/// until filled in.
pub(crate) fn row(units: &HashMap<Id, Option<Id>>, p: &ProcessAnalysis, columns: usize) -> Row {
    Row {
        name: p.process.clone(),
        unit_id: units.get(&p.process_id).copied().flatten(),
        tier: p.tier.as_ref().map_or(String::new(), |t| t.name.clone()),
        cells: vec![None; columns],
        mtpd: None,
        rto: None,
    }
}

/// The rows as lines: as they are, or under a band per unit when
/// `by_unit`. Units come in tree order (a parent before its sub-units,
/// siblings by name) and are named by their path ("Operations › Warehouse");
/// units without processes are left out, processes without a unit come
/// last under "No unit". Order within a unit is kept.
pub(crate) fn lines(a: &Assessment, rows: Vec<Row>, by_unit: bool) -> Vec<Line> {
    if !by_unit {
        return rows.into_iter().map(Line::Process).collect();
    }
    let path = |id: Id| {
        let mut names = Vec::new();
        let mut cursor = a.unit(id);
        // A cycle cannot be stored; the bound only guards against a damaged file.
        while let Some(u) = cursor.filter(|_| names.len() < a.units.len()) {
            names.push(u.name.as_str());
            cursor = u.parent_id.and_then(|p| a.unit(p));
        }
        names.reverse();
        names
    };
    let mut units: Vec<(Vec<&str>, Id)> = a.units.iter().map(|u| (path(u.id), u.id)).collect();
    units.sort_by(|x, y| {
        let key = |p: &Vec<&str>| p.iter().map(|n| bia_model::name_key(n)).collect::<Vec<_>>();
        key(&x.0).cmp(&key(&y.0))
    });
    let mut groups: Vec<(String, Option<Id>)> = units
        .into_iter()
        .map(|(p, id)| (p.join(" › "), Some(id)))
        .collect();
    groups.push(("No unit".into(), None));
    let mut rows: Vec<Option<Row>> = rows.into_iter().map(Some).collect();
    let mut out = Vec::new();
    for (name, id) in groups {
        let mut members = rows
            .iter_mut()
            .filter(|r| r.as_ref().is_some_and(|r| r.unit_id == id))
            .filter_map(Option::take)
            .peekable();
        if members.peek().is_some() {
            out.push(Line::Unit(name));
            out.extend(members.map(Line::Process));
        }
    }
    out
}

impl Grid {
    fn w(&self) -> i32 {
        self.width as i32
    }

    /// The process names' column: a quarter of the width and a bit, within 150 and 330 px.
    fn label(&self) -> i32 {
        (self.w() * 11 / 40).clamp(150, 330)
    }

    fn tier(&self) -> i32 {
        (self.w() * 3 / 40).clamp(64, 90)
    }

    /// The legend's entries, each with its width (its text estimated at
    /// 7.5 px a character of the 12 px font), and the lines they take.
    fn legend_lines(&self) -> Vec<Vec<(LegendEntry, i32)>> {
        let mut entries: Vec<(LegendEntry, i32)> = self
            .legend
            .scale
            .iter()
            .map(|(v, name)| {
                let text = format!("{v} {name}");
                let w = 24 + text.chars().count() as i32 * 8 + 18;
                (LegendEntry::Level(*v, text), w)
            })
            .collect();
        entries.push((LegendEntry::Unscored, 120));
        if self.legend.markers {
            entries.push((LegendEntry::Mtpd, 90));
            entries.push((LegendEntry::Rto, 80));
        }
        let room = self.w() - 48;
        let mut lines: Vec<Vec<(LegendEntry, i32)>> = vec![Vec::new()];
        let mut used = 0;
        for (entry, w) in entries {
            if used + w > room && !lines.last().is_some_and(Vec::is_empty) {
                lines.push(Vec::new());
                used = 0;
            }
            used += w;
            if let Some(line) = lines.last_mut() {
                line.push((entry, w));
            }
        }
        lines
    }

    fn processes(&self) -> usize {
        self.rows
            .iter()
            .filter(|l| matches!(l, Line::Process(_)))
            .count()
    }

    fn row_height(&self) -> i32 {
        (720 / self.processes().max(1) as i32).clamp(17, 28)
    }

    fn band_height(&self) -> i32 {
        (self.row_height() + 8).max(24)
    }

    fn body_height(&self) -> i32 {
        if self.rows.is_empty() {
            // Room for the "nothing scored yet" line above the legend.
            return 80;
        }
        let (row, band) = (self.row_height(), self.band_height());
        self.rows
            .iter()
            .map(|l| match l {
                Line::Unit(_) => band,
                Line::Process(_) => row,
            })
            .sum()
    }
}

/// `text` as it is if it `fits`, else shortened with an ellipsis to the
/// longest that does (by bisection: a label is measured a handful of times).
pub(crate) fn shorten(text: &str, fits: impl Fn(&str) -> bool) -> String {
    if fits(text) {
        return text.to_string();
    }
    let (mut lo, mut hi) = (1, text.chars().count());
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if fits(&ellipsize(text, mid)) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    ellipsize(text, lo)
}

/// Splits a column heading into at most two lines that each fit `fits`,
/// at the space nearest the middle (the later of two as near, so "Health &"
/// stays together); a line that still does not fit is shortened.
fn heading(text: &str, fits: impl Fn(&str) -> bool) -> Vec<String> {
    if fits(text) {
        return vec![text.to_string()];
    }
    let middle = text.len() / 2;
    let split = text
        .match_indices(' ')
        .map(|(i, _)| i)
        .min_by_key(|i| (i.abs_diff(middle), std::cmp::Reverse(*i)));
    match split {
        Some(i) => vec![shorten(&text[..i], &fits), shorten(&text[i + 1..], &fits)],
        None => vec![shorten(text, fits)],
    }
}

impl Chart for Grid {
    fn size(&self) -> (u32, u32) {
        let more = (self.legend_lines().len() as i32 - 1) * LEGEND_LINE;
        (
            self.width,
            (TOP + self.body_height() + LEGEND + more + 24) as u32,
        )
    }

    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        area.fill(&palette::WHITE)?;
        let text = |size: f64, color: &RGBColor| super::style(size, *color);
        let bold = |size: f64| {
            TextStyle::from((FONT, size, FontStyle::Bold).into_font()).color(&palette::INK)
        };
        let centre = Pos::new(HPos::Center, VPos::Center);
        let left = Pos::new(HPos::Left, VPos::Center);
        let room = self.w() - 48;
        super::draw_fitted(area, &self.title, (24, 22), room, &bold(20.0))?;
        super::draw_fitted(
            area,
            &self.subtitle,
            (24, 50),
            room,
            &text(MIN_TEXT, &palette::MUTED),
        )?;
        let row_h = self.row_height();
        let cols = self.columns.len().max(1) as i32;
        let (label_w, width) = (self.label(), self.w());
        let col_w = (width - 24 - label_w - self.tier() - 24) / cols;
        let x0 = 24 + label_w;
        let label_size = f64::from(row_h - 3).clamp(MIN_TEXT, 15.0);
        let head = bold(MIN_TEXT).pos(centre);
        for (c, name) in self.columns.iter().enumerate() {
            let x = x0 + c as i32 * col_w + col_w / 2;
            let fits = |t: &str| {
                area.estimate_text_size(t, &head)
                    .is_ok_and(|(w, _)| w as i32 <= col_w - 6)
            };
            let lines = heading(name, fits);
            let first = TOP - 12 - 16 * (lines.len() as i32 - 1);
            for (i, line) in lines.into_iter().enumerate() {
                area.draw(&Text::new(line, (x, first + 16 * i as i32), head.clone()))?;
            }
        }
        area.draw(&Text::new(
            "Tier",
            (x0 + cols * col_w + 16, TOP - 12),
            bold(MIN_TEXT).pos(left),
        ))?;
        if self.rows.is_empty() {
            area.draw(&Text::new(
                "Nothing scored yet: score a process's impact to see it here.",
                (width / 2, TOP + 40),
                text(16.0, &palette::MUTED).pos(centre),
            ))?;
        }
        let name_style = text(label_size, &palette::INK).pos(left);
        let name_fits = |t: &str| {
            area.estimate_text_size(t, &name_style)
                .is_ok_and(|(w, _)| w as i32 <= label_w - 12)
        };
        let mut y = TOP;
        let mut stripe = false;
        for line in &self.rows {
            let row = match line {
                Line::Unit(name) => {
                    let band_h = self.band_height();
                    area.draw(&Rectangle::new(
                        [(24, y + 4), (width - 24, y + band_h)],
                        BAND.filled(),
                    ))?;
                    let band_style = bold(label_size.max(MIN_TEXT)).pos(left);
                    let band_fits = |t: &str| {
                        area.estimate_text_size(t, &band_style)
                            .is_ok_and(|(w, _)| w as i32 <= width - 64)
                    };
                    area.draw(&Text::new(
                        shorten(name, band_fits),
                        (32, y + 4 + (band_h - 4) / 2),
                        band_style.clone(),
                    ))?;
                    y += band_h;
                    stripe = false;
                    continue;
                }
                Line::Process(row) => row,
            };
            let mid = y + row_h / 2;
            if stripe {
                area.draw(&Rectangle::new(
                    [(24, y), (width - 24, y + row_h)],
                    STRIPE.filled(),
                ))?;
            }
            stripe = !stripe;
            area.draw(&Text::new(
                shorten(&row.name, name_fits),
                (24, mid),
                name_style.clone(),
            ))?;
            for (c, cell) in row.cells.iter().enumerate() {
                let (cx0, cy0) = (x0 + c as i32 * col_w + 2, y + 1);
                let (cx1, cy1) = (cx0 + col_w - 4, y + row_h - 1);
                match cell {
                    Some(sev) => {
                        area.draw(&Rectangle::new(
                            [(cx0, cy0), (cx1, cy1)],
                            palette::severity(*sev, self.legend.max).filled(),
                        ))?;
                        if row_h >= 16 {
                            let style =
                                text(label_size, &palette::on_severity(*sev, self.legend.max))
                                    .pos(centre);
                            area.draw(&Text::new(sev.to_string(), ((cx0 + cx1) / 2, mid), style))?;
                        }
                    }
                    None => {
                        area.draw(&Rectangle::new(
                            [(cx0, cy0), (cx1, cy1)],
                            palette::UNSCORED.filled(),
                        ))?;
                        let dash = ((cx0 + cx1) / 2 - 5, mid);
                        area.draw(&PathElement::new(
                            vec![dash, (dash.0 + 10, mid)],
                            palette::UNSCORED_MARK.stroke_width(2),
                        ))?;
                    }
                }
                if row.mtpd == Some(c) {
                    area.draw(&Rectangle::new(
                        [(cx0, cy0), (cx1, cy1)],
                        palette::INK.stroke_width(if row_h < 18 { 1 } else { 2 }),
                    ))?;
                }
                if row.rto == Some(c) {
                    let r = (row_h / 5).clamp(2, 5);
                    area.draw(&Circle::new(
                        (cx0 + r + 3, mid),
                        r,
                        palette::ACCENT.filled(),
                    ))?;
                    area.draw(&Circle::new(
                        (cx0 + r + 3, mid),
                        r,
                        palette::WHITE.stroke_width(1),
                    ))?;
                }
            }
            area.draw(&Text::new(
                row.tier.clone(),
                (x0 + cols * col_w + 16, mid),
                text(label_size, &palette::MUTED).pos(left),
            ))?;
            y += row_h;
        }
        self.legend(area, TOP + self.body_height() + 30)
    }
}

/// One entry of a grid's legend.
enum LegendEntry {
    /// A level of the scale, and its text ("4 Major").
    Level(u8, String),
    Unscored,
    Mtpd,
    Rto,
}

impl Grid {
    /// The scale, unscored, and (where rows carry them) the markers, on as
    /// many lines as the width needs.
    fn legend<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        top: i32,
    ) -> DrawResult<DB> {
        let label = super::style(MIN_TEXT, palette::INK).pos(Pos::new(HPos::Left, VPos::Center));
        for (i, line) in self.legend_lines().into_iter().enumerate() {
            let y = top + i as i32 * LEGEND_LINE;
            let swatch = |x: i32| [(x, y - 9), (x + 18, y + 9)];
            let mut x = 24;
            for (entry, w) in line {
                match entry {
                    LegendEntry::Level(value, text) => {
                        area.draw(&Rectangle::new(
                            swatch(x),
                            palette::severity(value, self.legend.max).filled(),
                        ))?;
                        // Placed by the text's measured width; the estimate only chose the line.
                        let measured = area
                            .estimate_text_size(&text, &label)
                            .map_or(w - 42, |(tw, _)| tw as i32);
                        area.draw(&Text::new(text, (x + 24, y), label.clone()))?;
                        x += 24 + measured + 18;
                        continue;
                    }
                    LegendEntry::Unscored => {
                        area.draw(&Rectangle::new(swatch(x), palette::UNSCORED.filled()))?;
                        area.draw(&PathElement::new(
                            vec![(x + 4, y), (x + 14, y)],
                            palette::UNSCORED_MARK.stroke_width(2),
                        ))?;
                        area.draw(&Text::new("unscored", (x + 24, y), label.clone()))?;
                    }
                    LegendEntry::Mtpd => {
                        area.draw(&Rectangle::new(swatch(x), palette::INK.stroke_width(2)))?;
                        area.draw(&Text::new("MTPD", (x + 24, y), label.clone()))?;
                    }
                    LegendEntry::Rto => {
                        area.draw(&Circle::new((x + 9, y), 5, palette::ACCENT.filled()))?;
                        area.draw(&Text::new("RTO", (x + 24, y), label.clone()))?;
                    }
                }
                x += w;
            }
        }
        Ok(())
    }
}
