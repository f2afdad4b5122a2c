//! The gap chart: for each resource with a recovery requirement, the
//! required recovery time against what it can deliver, on a logarithmic
//! time axis (a dumbbell per row). A shortfall is drawn in red; an unknown
//! capability as a hollow marker. Rows: largest shortfall first.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::palette;
use super::{Chart, ChartOptions, DrawResult, FONT, ellipsize, style};
use bia_analysis::ProcessAnalysis;
use bia_model::{Assessment, Minutes};

pub(crate) struct Gaps {
    title: String,
    rows: Vec<(String, u32, Option<u32>)>,
}

const WIDTH: u32 = 1100;
const X0: i32 = 340;
const X1: i32 = 1060;
const TOP: i32 = 96;
/// Axis ticks: 15 min to 3 months.
const TICKS: [u32; 9] = [15, 60, 240, 1440, 4320, 10080, 20160, 43200, 129600];

pub(crate) fn data(a: &Assessment, processes: &[ProcessAnalysis], options: &ChartOptions) -> Gaps {
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
    let total = rows.len();
    rows.truncate(options.shown(total));
    let title = format!("Required vs capable recovery time — {}", a.info.name);
    Gaps {
        title: if rows.len() == total {
            title
        } else {
            format!(
                "{title} (the {} largest shortfalls of {} resources)",
                rows.len(),
                bia_model::thousands(total)
            )
        },
        rows,
    }
}

fn x_of(minutes: u32) -> i32 {
    let (lo, hi) = (
        (TICKS[0] as f64).ln(),
        (*TICKS.last().unwrap_or(&1) as f64).ln(),
    );
    let v = (minutes.max(TICKS[0]) as f64).ln().min(hi);
    X0 + ((v - lo) / (hi - lo) * f64::from(X1 - X0)) as i32
}

impl Gaps {
    fn row_height(&self) -> i32 {
        (640 / self.rows.len().max(1) as i32).clamp(14, 26)
    }
}

impl Chart for Gaps {
    fn size(&self) -> (u32, u32) {
        (
            WIDTH,
            (TOP + self.rows.len().max(1) as i32 * self.row_height() + 90) as u32,
        )
    }

    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        area.fill(&palette::WHITE)?;
        let bold = TextStyle::from((FONT, 19.0, FontStyle::Bold).into_font()).color(&palette::INK);
        area.draw(&Text::new(self.title.clone(), (24, 22), bold))?;
        area.draw(&Text::new(
            "Teal: what the processes relying on it need; red: a slower capability; hollow: capability unknown",
            (24, 50),
            style(13.0, palette::MUTED),
        ))?;
        let row_h = self.row_height();
        let bottom = TOP + self.rows.len().max(1) as i32 * row_h;
        for t in TICKS {
            let x = x_of(t);
            area.draw(&PathElement::new(
                vec![(x, TOP - 6), (x, bottom)],
                palette::RULE.stroke_width(1),
            ))?;
            let label = style(12.0, palette::MUTED).pos(Pos::new(HPos::Center, VPos::Top));
            area.draw(&Text::new(Minutes(t).to_string(), (x, bottom + 8), label))?;
        }
        if self.rows.is_empty() {
            let centre = style(16.0, palette::MUTED).pos(Pos::new(HPos::Center, VPos::Center));
            area.draw(&Text::new(
                "No resource has a recovery requirement yet.",
                ((X0 + X1) / 2, TOP + 20),
                centre,
            ))?;
        }
        let size = f64::from(row_h.clamp(12, 15)) - 1.0;
        for (i, (name, required, capability)) in self.rows.iter().enumerate() {
            let mid = TOP + i as i32 * row_h + row_h / 2;
            let label = style(size, palette::INK).pos(Pos::new(HPos::Left, VPos::Center));
            area.draw(&Text::new(ellipsize(name, 40), (24, mid), label))?;
            let (xr, r) = (x_of(*required), (row_h / 4).clamp(3, 6));
            match capability {
                Some(c) => {
                    let xc = x_of(*c);
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
                        (x_of(TICKS[TICKS.len() - 2]), mid),
                        r,
                        unknown.stroke_width(2),
                    ))?;
                    let note =
                        style(size - 1.0, palette::MUTED).pos(Pos::new(HPos::Left, VPos::Center));
                    area.draw(&Text::new(
                        "unknown",
                        (x_of(TICKS[TICKS.len() - 2]) + r + 6, mid),
                        note,
                    ))?;
                }
            }
            area.draw(&Circle::new((xr, mid), r, palette::ACCENT.filled()))?;
        }
        let caption = style(12.0, palette::MUTED).pos(Pos::new(HPos::Center, VPos::Top));
        area.draw(&Text::new(
            "recovery time (logarithmic)",
            ((X0 + X1) / 2, bottom + 30),
            caption,
        ))?;
        Ok(())
    }
}
