//! Tier movement between two states of an assessment: a matrix of the
//! tier each process was in (rows) against the tier it is in now
//! (columns), each cell the number of processes that went that way,
//! shaded by that number. The diagonal is those that stayed (grey);
//! below it, those that moved to a more urgent tier (warm); above it,
//! those that moved to a less urgent one (teal). Totals close each row and
//! column. Only processes in both files are counted; "No tier" is a tier
//! like the others, last.
//!
//! What moved where is decided by `bia_analysis::compare`; this draws it.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::text::{self, shorten};
use super::{Chart, ChartOptions, DrawResult, FONT, MIN_TEXT, palette};
use bia_analysis::Comparison;

/// The chart's own width, and the narrowest it is laid out at.
const WIDTH: u32 = 760;
const NARROWEST: u32 = 460;
/// Where the matrix's column headings sit, and its first row.
const HEADINGS: i32 = 112;
const TOP: i32 = 130;
const ROW: i32 = 44;
/// The legend's first line below the totals, and each line more.
const LEGEND: i32 = 30;
const LEGEND_LINE: i32 = 24;

/// Moved to a more urgent tier, and to a less urgent one.
const UP: RGBColor = RGBColor(0xc2, 0x41, 0x0c);
const DOWN: RGBColor = palette::ACCENT;
const STAYED: RGBColor = RGBColor(0x6b, 0x72, 0x80);

pub(crate) struct Movement {
    width: u32,
    title: String,
    caption: String,
    tiers: Vec<String>,
    /// `counts[from][to]`.
    counts: Vec<Vec<u32>>,
}

pub(crate) fn data(c: &Comparison, options: &ChartOptions) -> Movement {
    let n = c.tiers.len();
    let mut counts = vec![vec![0u32; n]; n];
    let at = |name: &str| c.tiers.iter().position(|t| t == name);
    for m in &c.tier_movement {
        if let (Some(from), Some(to)) = (at(&m.from), at(&m.to)) {
            counts[from][to] += m.processes;
        }
    }
    let both: u32 = counts.iter().flatten().sum();
    let moved: u32 = counts
        .iter()
        .enumerate()
        .flat_map(|(i, row)| row.iter().enumerate().filter(move |(j, _)| *j != i))
        .map(|(_, n)| *n)
        .sum();
    let caption = format!(
        "Since {}: {} of {} in both files changed tier. Rows: tier then; columns: tier now.",
        c.old.name,
        super::thousands(moved as usize),
        super::counted(both as usize, "process", "processes"),
    );
    Movement {
        width: options.width(WIDTH, NARROWEST),
        title: format!("Tier movement — {}", c.new.name),
        caption,
        tiers: c.tiers.clone(),
        counts,
    }
}

impl Movement {
    fn w(&self) -> i32 {
        self.width as i32
    }

    /// The row labels' column.
    fn label(&self) -> i32 {
        (self.w() * 22 / 100).clamp(110, 180)
    }

    fn total(&self) -> i32 {
        70
    }

    fn cell(&self) -> i32 {
        let n = self.tiers.len().max(1) as i32;
        (self.w() - 48 - self.label() - self.total()) / n
    }

    fn caption_lines(&self) -> Vec<String> {
        text::wrap(
            &self.caption,
            " ",
            2,
            text::fits(MIN_TEXT, false, self.w() - 48),
        )
    }

    /// The most processes in one cell of the diagonal, and off it: each
    /// is shaded against its own, so a few moves among many that stayed
    /// still show.
    fn most(&self) -> (u32, u32) {
        let (mut stayed, mut moved) = (0, 0);
        for (i, row) in self.counts.iter().enumerate() {
            for (j, n) in row.iter().enumerate() {
                let most = if i == j { &mut stayed } else { &mut moved };
                *most = (*most).max(*n);
            }
        }
        (stayed, moved)
    }

    /// The colour of cell (`from`, `to`) holding `n` of at most `most`.
    fn fill(from: usize, to: usize, n: u32, most: u32) -> RGBColor {
        if n == 0 {
            return palette::WHITE;
        }
        let hue = match to.cmp(&from) {
            std::cmp::Ordering::Less => UP,
            std::cmp::Ordering::Greater => DOWN,
            std::cmp::Ordering::Equal => STAYED,
        };
        palette::tint(hue, 0.18 + 0.82 * f64::from(n) / f64::from(most.max(1)))
    }
}

impl Chart for Movement {
    fn size(&self) -> (u32, u32) {
        let n = self.tiers.len() as i32;
        (
            self.width,
            (TOP + (n + 1) * ROW + LEGEND + (self.legend_lines() - 1) * LEGEND_LINE + 24) as u32,
        )
    }

    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        area.fill(&palette::WHITE)?;
        let bold = |size: f64| {
            TextStyle::from((FONT, size, FontStyle::Bold).into_font()).color(&palette::INK)
        };
        let plain = |size: f64, colour: RGBColor| super::style(size, colour);
        let centre = Pos::new(HPos::Center, VPos::Center);
        let left = Pos::new(HPos::Left, VPos::Center);
        super::draw_fitted(area, &self.title, (24, 22), self.w() - 48, &bold(19.0))?;
        for (i, line) in self.caption_lines().into_iter().enumerate() {
            area.draw(&Text::new(
                line,
                (24, 50 + i as i32 * 18),
                plain(MIN_TEXT, palette::MUTED),
            ))?;
        }
        let (label, cell, total) = (self.label(), self.cell(), self.total());
        let x0 = 24 + label;
        let n = self.tiers.len();
        let (most_stayed, most_moved) = self.most();
        let head = bold(MIN_TEXT).pos(centre);
        let fits_cell = text::fits(MIN_TEXT, true, cell - 8);
        area.draw(&Text::new(
            "Then ↓   Now →",
            (24, HEADINGS),
            plain(MIN_TEXT, palette::MUTED).pos(left),
        ))?;
        for (j, tier) in self.tiers.iter().enumerate() {
            let x = x0 + j as i32 * cell + cell / 2;
            area.draw(&Text::new(
                shorten(tier, &fits_cell),
                (x, HEADINGS),
                head.clone(),
            ))?;
        }
        let total_x = x0 + n as i32 * cell + total / 2;
        area.draw(&Text::new("Total", (total_x, HEADINGS), head.clone()))?;
        let fits_label = text::fits(MIN_TEXT, true, label - 12);
        let mut columns = vec![0u32; n];
        for (i, tier) in self.tiers.iter().enumerate() {
            let y = TOP + i as i32 * ROW;
            let mid = y + ROW / 2;
            area.draw(&Text::new(
                shorten(tier, &fits_label),
                (24, mid),
                bold(MIN_TEXT).pos(left),
            ))?;
            for (j, column) in columns.iter_mut().enumerate() {
                let count = self.counts[i][j];
                *column += count;
                let (cx0, cy0) = (x0 + j as i32 * cell + 2, y + 2);
                let (cx1, cy1) = (cx0 + cell - 4, y + ROW - 2);
                let most = if i == j { most_stayed } else { most_moved };
                let fill = Movement::fill(i, j, count, most);
                area.draw(&Rectangle::new([(cx0, cy0), (cx1, cy1)], fill.filled()))?;
                area.draw(&Rectangle::new(
                    [(cx0, cy0), (cx1, cy1)],
                    palette::RULE.stroke_width(1),
                ))?;
                let shade = f64::from(count) / f64::from(most.max(1));
                let ink = if shade > 0.55 {
                    palette::WHITE
                } else {
                    palette::INK
                };
                let shown = if count == 0 {
                    "·".to_string()
                } else {
                    super::thousands(count as usize)
                };
                let style = if count == 0 {
                    plain(MIN_TEXT, palette::UNSCORED_MARK)
                } else {
                    plain(15.0, ink)
                };
                area.draw(&Text::new(shown, ((cx0 + cx1) / 2, mid), style.pos(centre)))?;
            }
            let row: u32 = self.counts[i].iter().sum();
            area.draw(&Text::new(
                super::thousands(row as usize),
                (total_x, mid),
                plain(15.0, palette::MUTED).pos(centre),
            ))?;
        }
        let y = TOP + n as i32 * ROW;
        area.draw(&PathElement::new(
            vec![(24, y + 2), (x0 + n as i32 * cell + total, y + 2)],
            palette::RULE.stroke_width(1),
        ))?;
        area.draw(&Text::new(
            "Total",
            (24, y + ROW / 2),
            bold(MIN_TEXT).pos(left),
        ))?;
        for (j, count) in columns.iter().enumerate() {
            area.draw(&Text::new(
                super::thousands(*count as usize),
                (x0 + j as i32 * cell + cell / 2, y + ROW / 2),
                plain(15.0, palette::MUTED).pos(centre),
            ))?;
        }
        let all: u32 = columns.iter().sum();
        area.draw(&Text::new(
            super::thousands(all as usize),
            (total_x, y + ROW / 2),
            bold(15.0).pos(centre),
        ))?;
        self.legend(area, y + ROW + LEGEND)
    }
}

impl Movement {
    /// The legend's entries placed: (x, line) of each, on as many lines as
    /// the width needs.
    fn legend_places(&self) -> Vec<(RGBColor, &'static str, i32, i32)> {
        let entries = [
            (STAYED, "stayed"),
            (UP, "moved to a more urgent tier"),
            (DOWN, "moved to a less urgent tier"),
        ];
        let (mut x, mut line) = (24, 0);
        let mut placed = Vec::new();
        for (colour, name) in entries {
            let w = 24 + text::width(name, MIN_TEXT, false) + 22;
            if x > 24 && x + w > self.w() - 24 {
                x = 24;
                line += 1;
            }
            placed.push((colour, name, x, line));
            x += w;
        }
        placed
    }

    fn legend_lines(&self) -> i32 {
        self.legend_places().last().map_or(1, |p| p.3 + 1)
    }

    /// What the three hues mean.
    fn legend<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        top: i32,
    ) -> DrawResult<DB> {
        let label = super::style(MIN_TEXT, palette::INK).pos(Pos::new(HPos::Left, VPos::Center));
        for (colour, name, x, line) in self.legend_places() {
            let y = top + line * LEGEND_LINE;
            area.draw(&Rectangle::new(
                [(x, y - 9), (x + 18, y + 9)],
                palette::tint(colour, 0.7).filled(),
            ))?;
            area.draw(&Text::new(name, (x + 24, y), label.clone()))?;
        }
        Ok(())
    }
}
