//! Tier distribution: how many processes fall in each recovery tier (from
//! their RTO), and how many have no RTO yet.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::palette;
use super::{Chart, ChartOptions, DrawResult, FONT};
use bia_analysis::ProcessAnalysis;
use bia_model::Assessment;

pub(crate) struct Tiers {
    /// Laid out to this width (`ChartOptions::width` of 800, at least 420).
    width: u32,
    title: String,
    bars: Vec<(String, usize)>,
}

pub(crate) fn data(a: &Assessment, analysis: &[ProcessAnalysis], options: &ChartOptions) -> Tiers {
    let mut bars: Vec<(String, usize)> = a
        .methodology
        .tiers
        .iter()
        .map(|t| {
            (
                t.name.clone(),
                analysis
                    .iter()
                    .filter(|p| p.tier.as_ref().is_some_and(|x| x.rank == t.rank))
                    .count(),
            )
        })
        .collect();
    bars.push((
        "No RTO".into(),
        analysis.iter().filter(|p| p.tier.is_none()).count(),
    ));
    Tiers {
        width: options.width(800, 420),
        title: format!("Processes by recovery tier — {}", a.info.name),
        bars,
    }
}

impl Chart for Tiers {
    fn size(&self) -> (u32, u32) {
        (self.width, 440)
    }

    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        area.fill(&palette::WHITE)?;
        let (w, h) = (self.width as i32, 440i32);
        let text = |size: f64, color: &RGBColor| super::style(size, *color);
        super::draw_fitted(
            area,
            &self.title,
            (24, 22),
            w - 48,
            &TextStyle::from((FONT, 19.0, FontStyle::Bold).into_font()).color(&palette::INK),
        )?;
        let (top, bottom, left) = (80, h - 60, 60);
        let most = self.bars.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
        let slot = (w - left - 40) / self.bars.len().max(1) as i32;
        area.draw(&PathElement::new(
            vec![(left, bottom), (w - 30, bottom)],
            palette::RULE.stroke_width(1),
        ))?;
        let colours = [
            palette::severity(5, 5),
            palette::severity(4, 5),
            palette::severity(3, 5),
            palette::severity(2, 5),
        ];
        for (i, (name, n)) in self.bars.iter().enumerate() {
            let x = left + i as i32 * slot + slot / 6;
            let bar_h = ((bottom - top) as f64 * *n as f64 / most as f64) as i32;
            let colour = if i + 1 == self.bars.len() {
                palette::UNSCORED
            } else {
                colours[i.min(colours.len() - 1)]
            };
            area.draw(&Rectangle::new(
                [(x, bottom - bar_h), (x + slot * 2 / 3, bottom)],
                colour.filled(),
            ))?;
            let centre = x + slot / 3;
            area.draw(&Text::new(
                n.to_string(),
                (centre, bottom - bar_h - 14),
                text(15.0, &palette::INK).pos(Pos::new(HPos::Center, VPos::Center)),
            ))?;
            area.draw(&Text::new(
                name.clone(),
                (centre, bottom + 20),
                text(14.0, &palette::INK).pos(Pos::new(HPos::Center, VPos::Center)),
            ))?;
        }
        Ok(())
    }
}
