//! The gap chart: for each resource with a recovery requirement, the
//! required recovery time against what it can deliver, on a logarithmic
//! time axis (a dumbbell per row). A shortfall is drawn in red; an unknown
//! capability as a hollow marker. Rows: largest shortfall first, a page of
//! them when asked (`ChartOptions::rows`, `offset`). A name too long for
//! its column is broken onto a second line before it is cut.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::palette;
use super::text;
use super::{Chart, ChartOptions, DrawResult, FONT, MIN_TEXT, style};
use crate::error::Result;
use bia_analysis::ProcessAnalysis;
use bia_model::{Assessment, Minutes, thousands};

pub(crate) struct Gaps {
    /// Laid out to this width (`ChartOptions::width` of [`WIDTH`], at least [`NARROWEST`]).
    width: u32,
    title: String,
    /// Which rows are drawn, when not all are: a line above the key.
    caption: Option<String>,
    rows: Vec<(String, u32, Option<u32>)>,
    /// Each row's name, on one line or two (see [`Gaps::names`]).
    names: Vec<Vec<String>>,
}

const WIDTH: u32 = 1100;
const NARROWEST: u32 = 480;
/// Where the axis begins at the chart's own width; narrower, the names' column shrinks.
const X0: i32 = 340;
/// The key under the title: one line when it fits, else its two halves.
const KEY: [&str; 2] = [
    "Teal: what the processes relying on it need;",
    "red: a slower capability; hollow: capability unknown",
];
/// Axis ticks: 15 min to 3 months.
const TICKS: [u32; 9] = [15, 60, 240, 1440, 4320, 10080, 20160, 43200, 129600];

pub(crate) fn data(
    a: &Assessment,
    processes: &[ProcessAnalysis],
    options: &ChartOptions,
) -> Result<Gaps> {
    let d = bia_analysis::analyze_dependencies(a, processes);
    let mut rows: Vec<(String, u32, Option<u32>)> = d
        .resources
        .iter()
        .filter_map(|r| {
            let required = r.required_rto?.0;
            let resource = a.resources.iter().find(|x| x.id == r.resource_id)?;
            Some((
                r.name.clone(),
                required,
                resource.recovery_time().map(|m| m.0),
            ))
        })
        .collect();
    rows.sort_by(|x, y| {
        let short = |r: &(String, u32, Option<u32>)| {
            r.2.map_or(i64::MAX, |c| i64::from(c) - i64::from(r.1))
        };
        short(y).cmp(&short(x)).then_with(|| x.0.cmp(&y.0))
    });
    let page = options.page(rows.len(), || {
        crate::counted(
            rows.len(),
            "resource with a requirement",
            "resources with a requirement",
        )
    })?;
    let total = page.total;
    let rows: Vec<_> = page.of(rows).collect();
    let caption = if page.whole() {
        None
    } else if page.skip == 0 {
        Some(format!(
            "The {} largest shortfalls of {} resources.",
            thousands(rows.len()),
            thousands(total)
        ))
    } else {
        Some(format!(
            "Resources {} of {}, the largest shortfalls first.",
            page.span(),
            thousands(total)
        ))
    };
    let mut gaps = Gaps {
        width: options.width(WIDTH, NARROWEST),
        title: format!("Required vs capable recovery time — {}", a.info.name),
        caption,
        rows,
        names: Vec::new(),
    };
    gaps.names = gaps.names();
    Ok(gaps)
}

/// Where `minutes` falls on the logarithmic axis from `x0` to `x1`.
fn x_of(minutes: u32, (x0, x1): (i32, i32)) -> i32 {
    let (lo, hi) = (
        (TICKS[0] as f64).ln(),
        (*TICKS.last().unwrap_or(&1) as f64).ln(),
    );
    let v = (minutes.max(TICKS[0]) as f64).ln().min(hi);
    x0 + ((v - lo) / (hi - lo) * f64::from(x1 - x0)) as i32
}

impl Gaps {
    /// The axis's ends: the names take about three tenths of the width.
    fn axis(&self) -> (i32, i32) {
        let w = self.width as i32;
        ((w * 31 / 100).clamp(170, X0), w - 40)
    }

    /// The key takes two lines where one would not fit (an estimate of 8 px a character).
    fn key_lines(&self) -> usize {
        if (KEY[0].len() + KEY[1].len() + 1) as i32 * 8 + 48 <= self.width as i32 {
            1
        } else {
            2
        }
    }

    /// Where the key begins: under the caption, if there is one.
    fn key_top(&self) -> i32 {
        50 + if self.caption.is_some() { 18 } else { 0 }
    }

    fn top(&self) -> i32 {
        self.key_top() + 46 + (self.key_lines() as i32 - 1) * 18
    }

    /// A row of a one-line name.
    fn row_height(&self) -> i32 {
        (640 / self.rows.len().max(1) as i32).clamp(18, 26)
    }

    fn label_size(&self) -> f64 {
        f64::from(self.row_height() - 3).clamp(MIN_TEXT, 15.0)
    }

    /// Each row's name, broken at a word onto a second line when the
    /// names' column is too narrow for it (its row grows to hold both),
    /// and cut with an ellipsis only when two lines are not enough.
    fn names(&self) -> Vec<Vec<String>> {
        let fits = text::fits(self.label_size(), false, self.axis().0 - 36);
        self.rows
            .iter()
            .map(|(name, ..)| text::wrap(name, " ", 2, &fits))
            .collect()
    }

    /// The height of each row: two lines of name take more.
    fn heights(&self) -> impl Iterator<Item = i32> + '_ {
        let (one, size) = (self.row_height(), self.label_size());
        self.names
            .iter()
            .map(move |n| text::row_height(n.len(), size, one))
    }

    fn body_height(&self) -> i32 {
        if self.rows.is_empty() {
            self.row_height()
        } else {
            self.heights().sum()
        }
    }
}

impl Chart for Gaps {
    fn size(&self) -> (u32, u32) {
        (self.width, (self.top() + self.body_height() + 90) as u32)
    }

    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        area.fill(&palette::WHITE)?;
        let bold = TextStyle::from((FONT, 19.0, FontStyle::Bold).into_font()).color(&palette::INK);
        super::draw_fitted(area, &self.title, (24, 22), self.width as i32 - 48, &bold)?;
        if let Some(caption) = &self.caption {
            let room = self.width as i32 - 48;
            area.draw(&Text::new(
                text::shorten(caption, text::fits(MIN_TEXT, false, room)),
                (24, 50),
                style(MIN_TEXT, palette::MUTED),
            ))?;
        }
        let key_top = self.key_top();
        if self.key_lines() == 1 {
            area.draw(&Text::new(
                KEY.join(" "),
                (24, key_top),
                style(MIN_TEXT, palette::MUTED),
            ))?;
        } else {
            for (i, line) in KEY.iter().enumerate() {
                area.draw(&Text::new(
                    *line,
                    (24, key_top + 18 * i as i32),
                    style(MIN_TEXT, palette::MUTED),
                ))?;
            }
        }
        let (top, axis) = (self.top(), self.axis());
        let (x0, x1) = axis;
        let bottom = top + self.body_height();
        // Every tick has its rule; a label only where it clears the one before (a narrow chart skips some).
        let mut labelled: Option<i32> = None;
        for t in TICKS {
            let x = x_of(t, axis);
            area.draw(&PathElement::new(
                vec![(x, top - 6), (x, bottom)],
                palette::RULE.stroke_width(1),
            ))?;
            if labelled.is_none_or(|l| x - l >= 48) {
                let label = style(MIN_TEXT, palette::MUTED).pos(Pos::new(HPos::Center, VPos::Top));
                area.draw(&Text::new(Minutes(t).to_string(), (x, bottom + 8), label))?;
                labelled = Some(x);
            }
        }
        if self.rows.is_empty() {
            let centre = style(16.0, palette::MUTED).pos(Pos::new(HPos::Center, VPos::Center));
            area.draw(&Text::new(
                "No resource has a recovery requirement yet.",
                ((x0 + x1) / 2, top + 20),
                centre,
            ))?;
        }
        let size = self.label_size();
        let label = style(size, palette::INK).pos(Pos::new(HPos::Left, VPos::Center));
        let mut y = top;
        for (((_, required, capability), name), row_h) in
            self.rows.iter().zip(&self.names).zip(self.heights())
        {
            let mid = y + row_h / 2;
            y += row_h;
            text::draw_lines(area, name, (24, mid), size, &label)?;
            let (xr, r) = (x_of(*required, axis), (row_h / 4).clamp(3, 6));
            match capability {
                Some(c) => {
                    let xc = x_of(*c, axis);
                    let late = *c > *required;
                    let colour = if late {
                        palette::severity(4, 5)
                    } else {
                        RGBColor(0x2e, 0x7d, 0x32)
                    };
                    area.draw(&PathElement::new(
                        vec![(xr, mid), (xc, mid)],
                        colour.stroke_width(if late { 3 } else { 2 }),
                    ))?;
                    area.draw(&Circle::new((xc, mid), r, colour.filled()))?;
                }
                None => {
                    let unknown = palette::severity(3, 5);
                    area.draw(&Circle::new(
                        (x_of(TICKS[TICKS.len() - 2], axis), mid),
                        r,
                        unknown.stroke_width(2),
                    ))?;
                    let note =
                        style(MIN_TEXT, palette::MUTED).pos(Pos::new(HPos::Left, VPos::Center));
                    area.draw(&Text::new(
                        "unknown",
                        (x_of(TICKS[TICKS.len() - 2], axis) + r + 6, mid),
                        note,
                    ))?;
                }
            }
            area.draw(&Circle::new((xr, mid), r, palette::ACCENT.filled()))?;
        }
        let caption = style(MIN_TEXT, palette::MUTED).pos(Pos::new(HPos::Center, VPos::Top));
        area.draw(&Text::new(
            "recovery time (logarithmic)",
            ((x0 + x1) / 2, bottom + 30),
            caption,
        ))?;
        Ok(())
    }
}
