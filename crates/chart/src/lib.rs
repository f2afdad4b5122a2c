//! Charts for the app, the Excel export and slides, drawn with plotters:
//! each chart is one drawing function generic over the backend, rendered
//! to SVG (for the UI) or PNG (for Excel and slides). Text uses the DejaVu
//! Sans font shipped in `assets/fonts/`, so output is the same on every
//! machine and needs no system fonts.
//!
//! This module draws; it decides nothing. What to draw comes from
//! `analysis` over a loaded assessment.

mod categories;
mod dependencies;
mod error;
mod gaps;
mod grid;
mod heatmap;
mod layout;
mod movement;
pub mod palette;
mod raster;
mod svg_font;
mod text;
mod tiers;

use error::ChartError as Error;
pub use error::{ChartError, Result, codes as error_codes};

use std::sync::Once;

use plotters::coord::Shift;
use plotters::prelude::*;

use bia_analysis::ProcessAnalysis;
use bia_model::{Assessment, thousands};

/// The font family the charts are drawn in.
pub const FONT: &str = "DejaVu Sans";

static FONTS: Once = Once::new();

/// The chart font's faces, as shipped.
const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// Registers the shipped font with plotters (once per process).
fn fonts() {
    FONTS.call_once(|| {
        // The bytes are ours and valid; a failure would show as missing text.
        let _ = plotters::style::register_font(FONT, FontStyle::Normal, REGULAR);
        let _ = plotters::style::register_font(FONT, FontStyle::Bold, BOLD);
    });
}

/// The charts there are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChartKind {
    /// Processes × horizons, coloured by the highest severity.
    Heatmap,
    /// Processes per recovery tier.
    Tiers,
    /// Required vs capable recovery time per resource (a dumbbell).
    Gaps,
    /// Processes × categories at one horizon.
    Categories,
    /// Processes, the resources they rely on and what those rely on, in layers.
    Dependencies,
}

/// Choices a chart may take; each chart reads the ones that concern it.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct ChartOptions {
    /// Category heatmap: the horizon, by label or duration ("1 d", "24h").
    /// Default: the first horizon at or after one day.
    #[ts(optional)]
    pub horizon: Option<String>,
    /// Dependency chart: one process (id or name) and everything upstream of it.
    #[ts(optional)]
    pub process: Option<String>,
    /// Impact and category heatmaps: rows grouped by unit.
    #[ts(as = "Option<bool>", optional)]
    pub by_unit: bool,
    /// Impact and category heatmaps, gap chart: at most this many rows —
    /// the most time-critical processes, the largest shortfalls — for an
    /// assessment too large to draw whole at a readable size; the chart
    /// says how many of how many it shows. Default: every row.
    #[ts(optional)]
    pub rows: Option<u32>,
    /// Impact and category heatmaps, gap chart: pass over this many rows
    /// of the ordered list (most time-critical, largest shortfall first)
    /// before taking `rows`, to page through a large assessment; the
    /// chart says which it shows ("Processes 61–120 of 10,000, the most
    /// time-critical first."). An offset at or past the last row is
    /// refused (`offset_past_end`). Default: 0.
    #[ts(optional)]
    pub offset: Option<u32>,
    /// Impact and category heatmaps: only the processes of this unit (its
    /// id or name, matched as names are: case and spacing aside) and of
    /// its sub-units, all the way down; the title names the unit, and
    /// `rows` and `offset` page within it. A unit that does not exist is
    /// refused (`no_such_name`). Default: every process.
    #[ts(optional)]
    pub unit: Option<String>,
    /// Impact and category heatmaps: only these processes, in the order
    /// given (a workshop's agenda), instead of a unit's; ids the
    /// assessment does not hold are passed over. `selection` names them
    /// for the title. Default: every process.
    #[ts(optional)]
    pub processes: Option<Vec<bia_model::Id>>,
    /// What `processes` are, for the title ("Finance BIA workshop").
    #[ts(optional)]
    pub selection: Option<String>,
    /// Impact and category heatmaps, gap, tier and tier-movement charts: the width, in
    /// pixels, the chart will be shown at. It is laid out to that width
    /// (within each chart's narrowest and [`MAX_WIDTH`]) so that its text
    /// shows at its own size, never scaled down: names are shortened to
    /// their columns, the legend wraps. Default: each chart's own width.
    #[ts(optional)]
    pub width: Option<u32>,
}

/// The smallest text the charts drawn for the screen use: text of this
/// size has an em of 12 px (see `svg_font::true_sizes`), legible on a
/// projector at 1280 × 800 when the chart is shown at the width it was
/// laid out for.
pub(crate) const MIN_TEXT: f64 = 14.0;

/// The widest a chart is laid out.
pub const MAX_WIDTH: u32 = 2400;

impl ChartOptions {
    /// The width to lay a chart out at: `natural` unless a width was asked
    /// for, never narrower than `narrowest` nor wider than [`MAX_WIDTH`].
    pub(crate) fn width(&self, natural: u32, narrowest: u32) -> u32 {
        self.width
            .map_or(natural, |w| w.clamp(narrowest, MAX_WIDTH))
    }

    /// Which of `total` rows to draw: `offset` passed over, then at most
    /// `rows`. An offset at or past the end is refused, saying how many
    /// rows there are (`counted`: "120 processes", "1 process in Finance").
    pub(crate) fn page(&self, total: usize, counted: impl FnOnce() -> String) -> Result<Page> {
        let skip = self.offset.unwrap_or(0) as usize;
        if skip > 0 && skip >= total {
            return Err(Error::OffsetPastEnd {
                offset: skip,
                total,
                things: counted(),
            });
        }
        let left = total - skip;
        Ok(Page {
            skip,
            take: self.rows.map_or(left, |n| left.min(n as usize)),
            total,
        })
    }
}

/// The rows of an ordered list a chart draws: `skip` passed over, the
/// next `take`, of `total`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Page {
    pub skip: usize,
    pub take: usize,
    pub total: usize,
}

impl Page {
    /// Every row is drawn.
    pub(crate) fn whole(&self) -> bool {
        self.take == self.total
    }

    /// The page of `rows` (the whole ordered list).
    pub(crate) fn of<T>(&self, rows: impl IntoIterator<Item = T>) -> impl Iterator<Item = T> {
        rows.into_iter().skip(self.skip).take(self.take)
    }

    /// "61–120" (en-GB thousands, an en dash), or "61" for one row.
    pub(crate) fn span(&self) -> String {
        let (first, last) = (self.skip + 1, self.skip + self.take);
        if first >= last {
            thousands(first)
        } else {
            format!("{}–{}", thousands(first), thousands(last))
        }
    }
}

/// "no processes", "1 process", "10,000 processes".
pub(crate) fn counted(n: usize, one: &str, many: &str) -> String {
    match n {
        0 => format!("no {many}"),
        1 => format!("1 {one}"),
        _ => format!("{} {many}", thousands(n)),
    }
}

/// How a chart is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
}

impl Format {
    /// From a file name's extension (`.svg`, `.png`).
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            _ => None,
        }
    }
}

/// A chart: its size and one drawing function, generic over the backend.
pub(crate) trait Chart {
    fn size(&self) -> (u32, u32);
    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB>;
}

pub(crate) type DrawResult<DB> =
    std::result::Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// A chart of the assessment as SVG text or PNG bytes.
pub fn render(
    kind: ChartKind,
    a: &Assessment,
    options: &ChartOptions,
    format: Format,
) -> Result<Vec<u8>> {
    render_analysed(
        kind,
        a,
        &bia_analysis::analyze_processes(a),
        options,
        format,
    )
}

/// [`render`] of an assessment whose processes are analysed already
/// (`analysis`: one per process, as `bia_analysis::analyze_processes` gives).
pub fn render_analysed(
    kind: ChartKind,
    a: &Assessment,
    analysis: &[ProcessAnalysis],
    options: &ChartOptions,
    format: Format,
) -> Result<Vec<u8>> {
    fonts();
    match kind {
        ChartKind::Heatmap => to_bytes(&heatmap::data(a, analysis, options)?, format),
        ChartKind::Tiers => to_bytes(&tiers::data(a, analysis, options), format),
        ChartKind::Gaps => to_bytes(&gaps::data(a, analysis, options)?, format),
        ChartKind::Categories => to_bytes(&categories::data(a, analysis, options)?, format),
        ChartKind::Dependencies => to_bytes(&dependencies::data(a, analysis, options)?, format),
    }
}

/// The tier movement of a comparison (`bia_analysis::compare`): how many
/// processes went from each tier to each other tier, as SVG or PNG. Laid
/// out for `options.width`; the other options do not apply.
pub fn render_tier_movement(
    comparison: &bia_analysis::Comparison,
    options: &ChartOptions,
    format: Format,
) -> Result<Vec<u8>> {
    fonts();
    to_bytes(&movement::data(comparison, options), format)
}

/// Draws a chart on the backend the format needs.
fn to_bytes(chart: &impl Chart, format: Format) -> Result<Vec<u8>> {
    let (w, h) = chart.size();
    let failed = |e: String| Error::Draw(e);
    match format {
        Format::Svg => {
            let mut text = String::new();
            {
                let area = SVGBackend::with_string(&mut text, (w, h)).into_drawing_area();
                chart.draw(&area).map_err(|e| failed(e.to_string()))?;
                area.present().map_err(|e| failed(e.to_string()))?;
            }
            Ok(svg_font::embed(text).into_bytes())
        }
        Format::Png => {
            let mut pixels = vec![255u8; (w * h * 3) as usize];
            {
                let area = raster::Raster::on_white(&mut pixels, (w, h)).into_drawing_area();
                chart.draw(&area).map_err(|e| failed(e.to_string()))?;
                area.present().map_err(|e| failed(e.to_string()))?;
            }
            // Charts are flat colour: fast compression with the Sub filter
            // keeps files small and encodes far faster than the default.
            use image::ImageEncoder;
            use image::codecs::png::{CompressionType, FilterType, PngEncoder};
            let mut png = Vec::new();
            PngEncoder::new_with_quality(&mut png, CompressionType::Fast, FilterType::Sub)
                .write_image(&pixels, w, h, image::ColorType::Rgb8)
                .map_err(|e| failed(e.to_string()))?;
            Ok(png)
        }
    }
}

/// Shortens a label to `max` characters with an ellipsis; never overlaps.
pub(crate) fn ellipsize(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// Draws one line of text at `at`, shortened with an ellipsis to fit
/// within `room` pixels (a title of a chart laid out narrow).
pub(crate) fn draw_fitted<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    at: (i32, i32),
    room: i32,
    style: &TextStyle<'_>,
) -> DrawResult<DB> {
    let fits = |t: &str| {
        area.estimate_text_size(t, style)
            .is_ok_and(|(w, _)| w as i32 <= room)
    };
    area.draw(&Text::new(text::shorten(text, fits), at, style.clone()))
}

/// Text in the chart font at `size` px in `color`.
pub(crate) fn style(size: f64, color: plotters::style::RGBColor) -> TextStyle<'static> {
    let mut text = TextStyle::from((FONT, size).into_font());
    text.color = color.to_backend_color();
    text
}
