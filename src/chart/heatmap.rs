//! The impact heatmap: processes (rows, most time-critical first: by agreed
//! MTPD, then tier, then name) × horizons (columns). A cell's colour is the
//! highest severity any category reaches at that horizon; unscored cells
//! are grey with a dash, never the colour of 0. Each row marks its MTPD
//! (outlined cell) and its RTO (dot). Rows shrink as their number grows.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::palette;
use super::{Chart, DrawResult, FONT, ellipsize};
use crate::analysis::ProcessAnalysis;
use crate::model::{Assessment, Minutes};

pub(crate) struct Heatmap {
    title: String,
    horizons: Vec<String>,
    rows: Vec<Row>,
    scale: Vec<(u8, String)>,
    max: u8,
}

struct Row {
    name: String,
    tier: String,
    cells: Vec<Option<u8>>,
    mtpd: Option<usize>,
    rto: Option<usize>,
}

const WIDTH: u32 = 1200;
const LABEL: i32 = 330;
const TIER: i32 = 90;
const TOP: i32 = 96;
const LEGEND: i32 = 70;

/// The column of the first horizon at or after `minutes`.
fn column(horizons: &[Minutes], minutes: Option<Minutes>) -> Option<usize> {
    let m = minutes?;
    horizons.iter().position(|h| *h >= m)
}

pub(crate) fn data(
    a: &Assessment,
    analysis: &[ProcessAnalysis],
    _options: &super::ChartOptions,
) -> Heatmap {
    let m = &a.methodology;
    let active: Vec<_> = m
        .categories
        .iter()
        .filter(|c| !c.retired)
        .map(|c| c.id)
        .collect();
    let minutes: Vec<Minutes> = m.horizons.iter().map(|h| h.minutes).collect();
    let mut cells: std::collections::HashMap<_, Vec<Option<u8>>> = std::collections::HashMap::new();
    for s in &a.scores {
        let (Some(h), Some(sev)) = (
            m.horizons.iter().position(|x| x.id == s.horizon_id),
            s.severity,
        ) else {
            continue;
        };
        if !active.contains(&s.category_id) {
            continue;
        }
        let row = cells
            .entry(s.process_id)
            .or_insert_with(|| vec![None; minutes.len()]);
        row[h] = Some(row[h].map_or(sev, |v: u8| v.max(sev)));
    }
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
    Heatmap {
        title: format!("Impact over time — {}", a.info.name),
        horizons: m.horizons.iter().map(|h| h.label.clone()).collect(),
        rows: ordered
            .into_iter()
            .map(|p| Row {
                name: p.process.clone(),
                tier: p.tier.as_ref().map_or(String::new(), |t| t.name.clone()),
                cells: cells
                    .remove(&p.process_id)
                    .unwrap_or_else(|| vec![None; minutes.len()]),
                mtpd: column(&minutes, p.mtpd),
                rto: column(&minutes, p.rto),
            })
            .collect(),
        scale: m.scale.iter().map(|l| (l.value, l.name.clone())).collect(),
        max: m.scale.last().map_or(5, |l| l.value),
    }
}

impl Heatmap {
    fn row_height(&self) -> i32 {
        (720 / self.rows.len().max(1) as i32).clamp(12, 28)
    }
}

impl Chart for Heatmap {
    fn size(&self) -> (u32, u32) {
        let rows = self.rows.len().max(1) as i32;
        (WIDTH, (TOP + rows * self.row_height() + LEGEND + 24) as u32)
    }

    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        area.fill(&palette::WHITE)?;
        let text = |size: f64, color: &RGBColor| super::style(size, *color);
        let bold = |size: f64| {
            TextStyle::from((FONT, size, FontStyle::Bold).into_font()).color(&palette::INK)
        };
        area.draw(&Text::new(self.title.clone(), (24, 22), bold(20.0)))?;
        area.draw(&Text::new(
            "Highest severity across categories at each point in time; outlined: MTPD, dot: RTO",
            (24, 50),
            text(13.0, &palette::MUTED),
        ))?;
        let row_h = self.row_height();
        let cols = self.horizons.len().max(1) as i32;
        let col_w = (WIDTH as i32 - 24 - LABEL - TIER - 24) / cols;
        let x0 = 24 + LABEL;
        let label_size = f64::from(row_h.clamp(11, 15)) - 1.0;
        for (c, h) in self.horizons.iter().enumerate() {
            let x = x0 + c as i32 * col_w + col_w / 2;
            area.draw(&Text::new(
                h.clone(),
                (x, TOP - 12),
                bold(13.0).pos(Pos::new(HPos::Center, VPos::Center)),
            ))?;
        }
        area.draw(&Text::new(
            "Tier",
            (x0 + cols * col_w + 16, TOP - 12),
            bold(13.0).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        if self.rows.is_empty() {
            area.draw(&Text::new(
                "Nothing scored yet: score a process's impact to see it here.",
                (WIDTH as i32 / 2, TOP + 40),
                text(16.0, &palette::MUTED).pos(Pos::new(HPos::Center, VPos::Center)),
            ))?;
        }
        let max_chars = (LABEL as f64 / (label_size * 0.58)) as usize;
        for (r, row) in self.rows.iter().enumerate() {
            let y = TOP + r as i32 * row_h;
            let mid = y + row_h / 2;
            if r % 2 == 1 {
                area.draw(&Rectangle::new(
                    [(24, y), (WIDTH as i32 - 24, y + row_h)],
                    RGBColor(0xf9, 0xfa, 0xfb).filled(),
                ))?;
            }
            area.draw(&Text::new(
                ellipsize(&row.name, max_chars),
                (24, mid),
                text(label_size, &palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
            for (c, cell) in row.cells.iter().enumerate() {
                let (cx0, cy0) = (x0 + c as i32 * col_w + 2, y + 1);
                let (cx1, cy1) = (cx0 + col_w - 4, y + row_h - 1);
                match cell {
                    Some(sev) => {
                        area.draw(&Rectangle::new(
                            [(cx0, cy0), (cx1, cy1)],
                            palette::severity(*sev, self.max).filled(),
                        ))?;
                        if row_h >= 16 {
                            let style = text(label_size, &palette::on_severity(*sev, self.max))
                                .pos(Pos::new(HPos::Center, VPos::Center));
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
                        palette::INK.stroke_width(2),
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
                text(label_size, &palette::MUTED).pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }

        // Legend: the scale, unscored, and the markers.
        let ly = TOP + self.rows.len().max(1) as i32 * row_h + 30;
        let mut x = 24;
        for (value, name) in &self.scale {
            area.draw(&Rectangle::new(
                [(x, ly - 9), (x + 18, ly + 9)],
                palette::severity(*value, self.max).filled(),
            ))?;
            let label = format!("{value} {name}");
            area.draw(&Text::new(
                label.clone(),
                (x + 24, ly),
                text(12.0, &palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
            x += 36 + (label.chars().count() as i32 * 7);
        }
        area.draw(&Rectangle::new(
            [(x, ly - 9), (x + 18, ly + 9)],
            palette::UNSCORED.filled(),
        ))?;
        area.draw(&PathElement::new(
            vec![(x + 4, ly), (x + 14, ly)],
            palette::UNSCORED_MARK.stroke_width(2),
        ))?;
        area.draw(&Text::new(
            "unscored",
            (x + 24, ly),
            text(12.0, &palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        x += 110;
        area.draw(&Rectangle::new(
            [(x, ly - 9), (x + 18, ly + 9)],
            palette::INK.stroke_width(2),
        ))?;
        area.draw(&Text::new(
            "MTPD",
            (x + 24, ly),
            text(12.0, &palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        x += 80;
        area.draw(&Circle::new((x + 9, ly), 5, palette::ACCENT.filled()))?;
        area.draw(&Text::new(
            "RTO",
            (x + 24, ly),
            text(12.0, &palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        Ok(())
    }
}
