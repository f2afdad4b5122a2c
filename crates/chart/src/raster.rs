//! The PNG drawing surface: plotters' bitmap backend, except that text in
//! the chart font is drawn from glyphs rasterised once per picture instead
//! of once per character drawn. A 1,000-row heatmap draws some 60,000
//! characters from fewer than a hundred distinct glyphs; rasterising each
//! outline anew was most of the time a PNG took.
//!
//! The layout is plotters' own (advances, kerning, anchoring, baseline), so
//! text sits where the SVG and the layout estimates put it, and pixels are
//! blended by the bitmap backend's `draw_pixel` as before. Glyphs are placed
//! better than plotters places them, though: plotters drops each glyph's
//! left side bearing and truncates the pen to a whole pixel, so small text
//! read "Col d-ch ain"; here each glyph keeps its bearing and is rasterised
//! at the pen's quarter-pixel offset (four cached variants at most). Text
//! in another font, or turned, is left to plotters.

use std::collections::HashMap;
use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, GlyphId, ScaleFont};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontTransform,
};

use super::FONT;

/// The chart font's faces, parsed once.
fn face(style: FontStyle) -> Option<&'static FontRef<'static>> {
    static FACES: OnceLock<Option<(FontRef<'static>, FontRef<'static>)>> = OnceLock::new();
    let faces = FACES.get_or_init(|| {
        Some((
            FontRef::try_from_slice(super::REGULAR).ok()?,
            FontRef::try_from_slice(super::BOLD).ok()?,
        ))
    });
    let (regular, bold) = faces.as_ref()?;
    match style {
        FontStyle::Normal => Some(regular),
        FontStyle::Bold => Some(bold),
        _ => None,
    }
}

/// One glyph at one size and quarter-pixel offset: the pixels it covers
/// (offsets from the whole-pixel pen position and the top of plotters'
/// text box; coverage above zero).
struct Glyph {
    pixels: Vec<(i32, i32, f32)>,
}

/// Plotters' bitmap backend with a glyph cache in front of its text.
pub(crate) struct Raster<'a> {
    inner: BitMapBackend<'a>,
    glyphs: HashMap<(bool, u64, char, u8), Glyph>,
    /// Nothing drawn yet on the white canvas: a white background is free.
    blank: bool,
}

impl<'a> Raster<'a> {
    /// A surface over an RGB buffer of `size` pixels, all white (255).
    pub(crate) fn on_white(buffer: &'a mut [u8], size: (u32, u32)) -> Self {
        Raster {
            inner: BitMapBackend::with_buffer(buffer, size),
            glyphs: HashMap::new(),
            blank: true,
        }
    }
}

/// Quarter-pixel steps of a glyph's horizontal position.
const STEPS: f32 = 4.0;

fn glyph(font: &FontRef<'static>, size: f32, c: char, step: u8) -> Glyph {
    let scaled = font.as_scaled(size);
    let mut pixels = Vec::new();
    let mut placed = scaled.scaled_glyph(c);
    placed.position = ab_glyph::point(f32::from(step) / STEPS, 0.0);
    if let Some(outline) = scaled.outline_glyph(placed) {
        // Vertically as plotters places it: the top of the glyph's pixel
        // box, from half the size above the baseline; horizontally at its
        // own bearing from the pen.
        let bounds = outline.px_bounds();
        let (x_shift, y_shift) = (bounds.min.x as i32, (size / 2.0 + bounds.min.y) as i32);
        outline.draw(|x, y, coverage| {
            if coverage > 0.0 {
                pixels.push((x as i32 + x_shift, y as i32 + y_shift, coverage));
            }
        });
    }
    Glyph { pixels }
}

impl<'a> DrawingBackend for Raster<'a> {
    type ErrorType = <BitMapBackend<'a> as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.blank = false;
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.blank = false;
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        // Every chart first paints its background white: on a canvas that
        // is still white that is a pass over every pixel for nothing (some
        // 50 MB for a 1,000-row heatmap).
        let (w, h) = self.inner.get_size();
        let color = style.color();
        let background = upper_left.0 <= 0
            && upper_left.1 <= 0
            && bottom_right.0 >= w as i32 - 1
            && bottom_right.1 >= h as i32 - 1;
        if self.blank && fill && background && color.alpha >= 1.0 && color.rgb == (255, 255, 255) {
            return Ok(());
        }
        self.blank = false;
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.blank = false;
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.blank = false;
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.blank = false;
        self.inner.fill_polygon(vert, style)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.blank = false;
        self.inner.blit_bitmap(pos, size, src)
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.blank = false;
        let font = match face(style.style()) {
            Some(font)
                if style.family().as_str() == FONT
                    && matches!(style.transform(), FontTransform::None) =>
            {
                font
            }
            _ => return self.inner.draw_text(text, style, pos),
        };
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let size = style.size() as f32;
        let bold = matches!(style.style(), FontStyle::Bold);
        let scaled = font.as_scaled(size);
        // The layout box plotters anchors by: the advances and kerning, and
        // the height of an em at plotters' 1.24 points per pixel.
        let mut width = 0f32;
        let mut prev: Option<GlyphId> = None;
        for c in text.chars() {
            let id = scaled.glyph_id(c);
            width += scaled.h_advance(id);
            width += prev.map_or(0.0, |p| scaled.kern(p, id));
            prev = Some(id);
        }
        let (width, height) = (width as i32, (style.size() / 1.24) as i32);
        let dx = match style.anchor().h_pos {
            HPos::Left => 0,
            HPos::Right => -width,
            HPos::Center => -width / 2,
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => 0,
            VPos::Center => -height / 2,
            VPos::Bottom => -height,
        };
        let (w, h) = self.inner.get_size();
        let mut pen = 0f32;
        let mut prev: Option<GlyphId> = None;
        for c in text.chars() {
            let id = scaled.glyph_id(c);
            pen += prev.map_or(0.0, |p| scaled.kern(p, id));
            prev = Some(id);
            let quarters = (pen * STEPS).round();
            let whole = (quarters / STEPS).floor();
            let step = (quarters - whole * STEPS) as u8;
            let g = self
                .glyphs
                .entry((bold, style.size().to_bits(), c, step))
                .or_insert_with(|| glyph(font, size, c, step));
            let shift = whole as i32;
            for &(x, y, coverage) in &g.pixels {
                let (x, y) = (pos.0 + x + shift + dx, pos.1 + y + dy);
                if x >= 0 && x < w as i32 && y >= 0 && y < h as i32 {
                    let mut mixed = color;
                    mixed.alpha = color.alpha * f64::from(coverage);
                    self.inner.draw_pixel((x, y), mixed)?;
                }
            }
            pen += scaled.h_advance(id);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use plotters::style::text_anchor::Pos;

    use super::*;

    const W: u32 = 200;

    fn canvas(draw: impl Fn(&DrawingArea<Raster<'_>, plotters::coord::Shift>)) -> Vec<u8> {
        super::super::fonts();
        let mut pixels = vec![255u8; (W * 120 * 3) as usize];
        {
            let area = Raster::on_white(&mut pixels, (W, 120)).into_drawing_area();
            draw(&area);
            area.present().unwrap();
        }
        pixels
    }

    fn text(size: f64) -> TextStyle<'static> {
        super::super::style(size, BLACK).pos(Pos::new(HPos::Left, VPos::Top))
    }

    /// Rows `from..to` of the canvas.
    fn band(pixels: &[u8], from: u32, to: u32) -> &[u8] {
        &pixels[(from * W * 3) as usize..(to * W * 3) as usize]
    }

    #[test]
    fn a_remembered_glyph_is_the_glyph_of_its_size() {
        let pixels = canvas(|area| {
            area.draw(&Text::new("Ab", (10, 5), text(13.0))).unwrap();
            area.draw(&Text::new("Ab", (10, 35), text(20.0))).unwrap();
            area.draw(&Text::new("Ab", (10, 85), text(13.0))).unwrap();
        });
        assert!(band(&pixels, 0, 30).iter().any(|&v| v < 128), "text drawn");
        assert_eq!(
            band(&pixels, 0, 30),
            band(&pixels, 80, 110),
            "same text, same pixels"
        );
        assert_ne!(
            band(&pixels, 0, 30),
            band(&pixels, 30, 60),
            "another size, other glyphs"
        );
    }

    #[test]
    fn glyphs_keep_their_left_side_bearing() {
        // Plotters drew every glyph from the pen, dropping its bearing, so
        // letters with a wide bearing sat too close to the one before.
        let pixels = canvas(|area| {
            area.draw(&Text::new("l", (100, 10), text(40.0))).unwrap();
        });
        let inked = (0..W)
            .find(|&x| (0..120).any(|y| pixels[((y * W + x) * 3) as usize] < 250))
            .expect("the letter is drawn");
        let font = face(FontStyle::Normal).unwrap().as_scaled(40.0);
        let bearing = font.h_side_bearing(font.glyph_id('l'));
        assert!(bearing > 2.0, "a letter with a visible bearing");
        assert!(
            (inked as f32 - (100.0 + bearing)).abs() <= 1.0,
            "ink at {inked}, expected {}",
            100.0 + bearing
        );
    }
}
