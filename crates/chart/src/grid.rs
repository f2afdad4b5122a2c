//! The severity grid both heatmaps are drawn as: processes (rows, most
//! time-critical first: by agreed MTPD, then tier, then name; optionally
//! under a band per organisational unit) × columns (horizons for the impact
//! heatmap, categories for the category heatmap). A cell's colour is a
//! severity on the one sequential palette; an unscored cell is grey with a
//! dash, never the colour of 0. The legend names every level of the scale.
//!
//! Which processes: all of them, or those of one unit and its sub-units
//! (`ChartOptions::unit`), a page at a time (`rows`, `offset`); the title
//! names the unit and the caption says which rows of how many are drawn.
//!
//! Rows shrink as their number grows, down to 17 px with a label of the
//! charts' smallest text (`MIN_TEXT`, a 12 px em), so a 300-process grid
//! stays legible; past that the picture grows taller rather than the text
//! smaller. Laid out to the width asked for (`ChartOptions::width`), the
//! names' column narrows, never the text: a name too long for it is
//! broken at a word onto a second line, and only a name two lines cannot
//! hold is cut with an ellipsis. This module lays out and draws; what goes
//! in the cells is decided by `heatmap.rs` and `categories.rs`.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::error::{ChartError, Result};
use super::text::{self, shorten};
use super::{Chart, ChartOptions, DrawResult, FONT, MIN_TEXT, Page, counted, palette};
use bia_analysis::ProcessAnalysis;
use bia_model::{Assessment, Id, name_key, thousands};

pub(crate) struct Grid {
    /// Laid out to this width (`ChartOptions::width` of [`WIDTH`], at least [`NARROWEST`]).
    width: u32,
    title: String,
    /// The caption under the title, on one line or two.
    subtitle: Vec<String>,
    columns: Vec<String>,
    rows: Vec<Line>,
    /// Each process row's name, on one line or two (in the order of `rows`).
    names: Vec<Vec<String>>,
    legend: Legend,
    /// What the grid says when it has no rows.
    empty: String,
}

/// What a grid is made of, before it is laid out ([`Grid::new`]).
pub(crate) struct Parts {
    pub width: u32,
    pub title: String,
    pub subtitle: String,
    pub columns: Vec<String>,
    pub rows: Vec<Line>,
    pub legend: Legend,
    pub empty: String,
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
/// Where the rows begin under a one-line caption; a caption on two lines
/// moves them down by [`CAPTION_LINE`].
const TOP: i32 = 104;
const CAPTION_LINE: i32 = 18;
/// The legend's line, and each line more it wraps onto.
const LEGEND: i32 = 50;
const LEGEND_LINE: i32 = 28;

const STRIPE: RGBColor = RGBColor(0xf9, 0xfa, 0xfb);
const BAND: RGBColor = RGBColor(0xea, 0xee, 0xf2);

/// Processes in grid order: the most time-critical first, as the
/// Dashboard's overview lists them (`bia_analysis::most_critical`).
fn ordered(analysis: &[ProcessAnalysis]) -> Vec<&ProcessAnalysis> {
    bia_analysis::most_critical(analysis)
}

/// The processes a grid draws, in grid order: all of them or one unit's
/// (and its sub-units'), the page the options ask for.
pub(crate) struct Selection<'a> {
    pub processes: Vec<&'a ProcessAnalysis>,
    page: Page,
    scope: Option<Scope>,
    units: HashMap<Id, Option<Id>>,
}

/// One unit and its sub-units, all the way down.
struct Scope {
    name: String,
    units: HashSet<Id>,
}

impl Scope {
    /// " in Operations and its sub-units", or " in Finance" for a unit
    /// without any.
    fn phrase(&self) -> String {
        if self.units.len() > 1 {
            format!(" in {} and its sub-units", self.name)
        } else {
            format!(" in {}", self.name)
        }
    }
}

/// The unit the options name (by id, or by name as names compare: case
/// and spacing aside) with every unit under it.
fn scope(a: &Assessment, options: &ChartOptions) -> Result<Option<Scope>> {
    let Some(text) = options.unit.as_deref() else {
        return Ok(None);
    };
    let by_id = Id::from_str(text.trim()).ok().and_then(|id| a.unit(id));
    let unit = by_id
        .or_else(|| a.units.iter().find(|u| name_key(&u.name) == name_key(text)))
        .ok_or_else(|| ChartError::NoSuchName {
            kind: "unit",
            name: text.trim().to_string(),
        })?;
    let mut units = HashSet::from([unit.id]);
    // Sub-units of sub-units: until a pass adds none (a cycle cannot be stored).
    loop {
        let before = units.len();
        for u in &a.units {
            if u.parent_id.is_some_and(|p| units.contains(&p)) {
                units.insert(u.id);
            }
        }
        if units.len() == before {
            break;
        }
    }
    Ok(Some(Scope {
        name: unit.name.clone(),
        units,
    }))
}

/// The processes to draw: those of the unit the options name, if any,
/// most time-critical first, the page of them the options ask for.
pub(crate) fn select<'a>(
    a: &Assessment,
    analysis: &'a [ProcessAnalysis],
    options: &ChartOptions,
) -> Result<Selection<'a>> {
    let units = units(a);
    if let Some(ids) = &options.processes {
        return Ok(listed(analysis, ids, options, units));
    }
    let scope = scope(a, options)?;
    let mut ordered = ordered(analysis);
    if let Some(scope) = &scope {
        ordered.retain(|p| {
            units
                .get(&p.process_id)
                .copied()
                .flatten()
                .is_some_and(|u| scope.units.contains(&u))
        });
    }
    let page = options.page(ordered.len(), || {
        let within = scope.as_ref().map_or_else(String::new, Scope::phrase);
        counted(ordered.len(), "process", "processes") + &within
    })?;
    Ok(Selection {
        processes: page.of(ordered).collect(),
        page,
        scope,
        units,
    })
}

/// The processes `ids` names, in that order, the page the options ask for.
fn listed<'a>(
    analysis: &'a [ProcessAnalysis],
    ids: &[Id],
    options: &ChartOptions,
    units: HashMap<Id, Option<Id>>,
) -> Selection<'a> {
    let by_id: HashMap<Id, &ProcessAnalysis> = analysis.iter().map(|p| (p.process_id, p)).collect();
    let mut seen = HashSet::new();
    let chosen: Vec<&ProcessAnalysis> = ids
        .iter()
        .filter(|id| seen.insert(**id))
        .filter_map(|id| by_id.get(id).copied())
        .collect();
    let name = options
        .selection
        .clone()
        .unwrap_or_else(|| "the chosen processes".into());
    // A page past the end shows nothing rather than failing: the list is the caller's.
    let page = options
        .page(chosen.len(), || {
            counted(chosen.len(), "process", "processes")
        })
        .unwrap_or(Page {
            skip: 0,
            take: chosen.len(),
            total: chosen.len(),
        });
    Selection {
        processes: page.of(chosen).collect(),
        page,
        scope: Some(Scope {
            name,
            units: HashSet::new(),
        }),
        units,
    }
}

impl Selection<'_> {
    /// A row for process `p`, its cells unscored until filled in.
    pub(crate) fn row(&self, p: &ProcessAnalysis, columns: usize) -> Row {
        row(&self.units, p, columns)
    }

    /// "Impact over time — Harbourline", or with a unit "Impact over time
    /// in Warehouse Operations — Harbourline".
    pub(crate) fn title(&self, what: &str, assessment: &str) -> String {
        match &self.scope {
            Some(scope) => format!("{what} in {} — {assessment}", scope.name),
            None => format!("{what} — {assessment}"),
        }
    }

    /// The caption: `about`, after which processes are drawn when not all
    /// of the assessment's are.
    pub(crate) fn caption(&self, about: &str) -> String {
        let within = self.scope.as_ref().map_or_else(String::new, Scope::phrase);
        let Page { skip, take, total } = self.page;
        let which = if self.page.whole() {
            if self.scope.is_none() {
                return about.to_string();
            }
            capitalised(&(counted(total, "process", "processes") + &within))
        } else if skip == 0 {
            format!(
                "The {} most time-critical of {} processes{within}",
                thousands(take),
                thousands(total)
            )
        } else {
            format!(
                "{} {} of {}{within}, the most time-critical first",
                if take == 1 { "Process" } else { "Processes" },
                self.page.span(),
                thousands(total)
            )
        };
        format!("{which}. {about}")
    }

    /// What the grid says when it has no rows.
    pub(crate) fn empty(&self) -> String {
        match &self.scope {
            Some(scope) => format!(
                "No process{} yet: add one there to see it here.",
                scope.phrase()
            ),
            None => "Nothing scored yet: score a process's impact to see it here.".into(),
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// Each process's unit, for [`row`].
fn units(a: &Assessment) -> HashMap<Id, Option<Id>> {
    a.processes.iter().map(|p| (p.id, p.unit_id)).collect()
}

/// A row for a process (its unit from [`units`]), its cells unscored
/// until filled in.
fn row(units: &HashMap<Id, Option<Id>>, p: &ProcessAnalysis, columns: usize) -> Row {
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
    /// The grid laid out: its caption and its names measured and, where
    /// they need it, wrapped onto two lines.
    ///
    /// A name too long for its column takes a second line, and its row is
    /// made tall enough for two (the other rows keep their height): every
    /// name reads whole in most assessments, while a grid of short names
    /// stays as compact as it was. A wider names' column was the other way,
    /// but it would take the room of the cells, which are what the chart is
    /// for, and on a narrow card it could not be wide enough anyway.
    pub(crate) fn new(parts: Parts) -> Grid {
        let Parts {
            width,
            title,
            subtitle,
            columns,
            rows,
            legend,
            empty,
        } = parts;
        let mut grid = Grid {
            width,
            title,
            subtitle: Vec::new(),
            columns,
            rows,
            names: Vec::new(),
            legend,
            empty,
        };
        grid.subtitle = text::wrap(
            &subtitle,
            " ",
            2,
            text::fits(MIN_TEXT, false, grid.w() - 48),
        );
        let fits = text::fits(grid.label_size(), false, grid.label() - 12);
        grid.names = grid
            .rows
            .iter()
            .filter_map(|l| match l {
                Line::Process(row) => Some(text::wrap(&row.name, " ", 2, &fits)),
                Line::Unit(_) => None,
            })
            .collect();
        grid
    }

    fn w(&self) -> i32 {
        self.width as i32
    }

    /// Where the rows begin: under the caption and the column headings.
    fn top(&self) -> i32 {
        TOP + (self.subtitle.len() as i32 - 1).max(0) * CAPTION_LINE
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

    /// A row of a one-line name.
    fn row_height(&self) -> i32 {
        (720 / self.processes().max(1) as i32).clamp(17, 28)
    }

    /// The size of the names, the severities and the tiers.
    fn label_size(&self) -> f64 {
        f64::from(self.row_height() - 3).clamp(MIN_TEXT, 15.0)
    }

    /// The height of a row whose name takes `lines` lines.
    fn height_of(&self, lines: usize) -> i32 {
        text::row_height(lines, self.label_size(), self.row_height())
    }

    fn band_height(&self) -> i32 {
        (self.row_height() + 8).max(24)
    }

    fn body_height(&self) -> i32 {
        if self.rows.is_empty() {
            // Room for the "nothing scored yet" line above the legend.
            return 80;
        }
        let bands = self
            .rows
            .iter()
            .filter(|l| matches!(l, Line::Unit(_)))
            .count() as i32;
        let rows: i32 = self.names.iter().map(|n| self.height_of(n.len())).sum();
        bands * self.band_height() + rows
    }
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
            (self.top() + self.body_height() + LEGEND + more + 24) as u32,
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
        for (i, line) in self.subtitle.iter().enumerate() {
            area.draw(&Text::new(
                line.clone(),
                (24, 50 + i as i32 * CAPTION_LINE),
                text(MIN_TEXT, &palette::MUTED),
            ))?;
        }
        let top = self.top();
        let cols = self.columns.len().max(1) as i32;
        let (label_w, width) = (self.label(), self.w());
        let col_w = (width - 24 - label_w - self.tier() - 24) / cols;
        let x0 = 24 + label_w;
        let label_size = self.label_size();
        let head = bold(MIN_TEXT).pos(centre);
        for (c, name) in self.columns.iter().enumerate() {
            let x = x0 + c as i32 * col_w + col_w / 2;
            let fits = |t: &str| {
                area.estimate_text_size(t, &head)
                    .is_ok_and(|(w, _)| w as i32 <= col_w - 6)
            };
            let lines = heading(name, fits);
            let first = top - 12 - 16 * (lines.len() as i32 - 1);
            for (i, line) in lines.into_iter().enumerate() {
                area.draw(&Text::new(line, (x, first + 16 * i as i32), head.clone()))?;
            }
        }
        area.draw(&Text::new(
            "Tier",
            (x0 + cols * col_w + 16, top - 12),
            bold(MIN_TEXT).pos(left),
        ))?;
        if self.rows.is_empty() {
            area.draw(&Text::new(
                self.empty.clone(),
                (width / 2, top + 40),
                text(16.0, &palette::MUTED).pos(centre),
            ))?;
        }
        let name_style = text(label_size, &palette::INK).pos(left);
        let mut names = self.names.iter();
        let mut y = top;
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
            let name = names.next().map_or(&[][..], Vec::as_slice);
            let row_h = self.height_of(name.len());
            let mid = y + row_h / 2;
            if stripe {
                area.draw(&Rectangle::new(
                    [(24, y), (width - 24, y + row_h)],
                    STRIPE.filled(),
                ))?;
            }
            stripe = !stripe;
            text::draw_lines(area, name, (24, mid), label_size, &name_style)?;
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
        self.legend(area, top + self.body_height() + 30)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn selection(
        skip: usize,
        take: usize,
        total: usize,
        scope: Option<&str>,
    ) -> Selection<'static> {
        Selection {
            processes: Vec::new(),
            page: Page { skip, take, total },
            scope: scope.map(|name| Scope {
                name: name.into(),
                units: HashSet::from([Id::new()]),
            }),
            units: HashMap::new(),
        }
    }

    #[test]
    fn a_caption_says_which_rows_of_how_many_in_en_gb_numbers() {
        let about = "About.";
        assert_eq!(selection(0, 10_000, 10_000, None).caption(about), "About.");
        assert_eq!(
            selection(0, 60, 10_000, None).caption(about),
            "The 60 most time-critical of 10,000 processes. About."
        );
        assert_eq!(
            selection(60, 60, 10_000, None).caption(about),
            "Processes 61–120 of 10,000, the most time-critical first. About."
        );
        assert_eq!(
            selection(9_999, 1, 10_000, None).caption(about),
            "Process 10,000 of 10,000, the most time-critical first. About."
        );
        assert_eq!(
            selection(1_000, 1_000, 2_500, Some("Finance")).caption(about),
            "Processes 1,001–2,000 of 2,500 in Finance, the most time-critical first. About."
        );
        assert_eq!(
            selection(0, 1, 1, Some("Finance")).caption(about),
            "1 process in Finance. About."
        );
    }
}
