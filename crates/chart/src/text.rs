//! Text measured in the charts' font and fitted to the room it has: a
//! label's width, a label shortened with an ellipsis, and a name wrapped
//! onto two lines at a word before anything is cut. Every chart measures
//! its labels here, so the SVG and the PNG (both drawn in the shipped
//! font at the sizes measured) show what the layout planned.
//!
//! It measures and breaks; where the lines go is each chart's own.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{DrawResult, FONT, ellipsize};

/// The width of `text` in pixels at `size` in the chart font (bold or regular).
pub(crate) fn width(text: &str, size: f64, bold: bool) -> i32 {
    let font = if bold {
        (FONT, size, FontStyle::Bold).into_font()
    } else {
        (FONT, size).into_font()
    };
    font.box_size(text).map_or_else(
        |_| (text.chars().count() as f64 * size * 0.62) as i32,
        |(w, _)| w as i32,
    )
}

/// Whether `text` at `size` fits in `room` pixels.
pub(crate) fn fits(size: f64, bold: bool, room: i32) -> impl Fn(&str) -> bool {
    move |t: &str| width(t, size, bold) <= room
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

/// `text` on at most `lines` lines that each `fits`, broken after as many
/// of its parts (split at `separator`: a space for a name, " · " for a
/// list of facts) as fit on each line; only the last line is shortened
/// with an ellipsis, when the lines are not enough. A part too long for a
/// line by itself is broken between characters. One line when it fits.
pub(crate) fn wrap(
    text: &str,
    separator: &str,
    lines: usize,
    fits: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    while out.len() + 1 < lines.max(1) && !fits(rest) {
        let (line, after) = first_line(rest, separator, &fits);
        out.push(line);
        rest = after;
    }
    if !rest.is_empty() || out.is_empty() {
        out.push(shorten(rest, &fits));
    }
    out
}

/// The longest start of `text` that fits, ending at a separator where one
/// does, and what is left after it.
fn first_line<'t>(
    text: &'t str,
    separator: &str,
    fits: &impl Fn(&str) -> bool,
) -> (String, &'t str) {
    let mut best = None;
    for (at, _) in text.match_indices(separator) {
        if !fits(&text[..at]) {
            break;
        }
        best = Some(at);
    }
    match best {
        Some(at) => (
            text[..at].trim_end().to_string(),
            text[at + separator.len()..].trim_start(),
        ),
        None => {
            // No break fits: as many characters as do (at least one).
            let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).skip(1).collect();
            let end = ends
                .iter()
                .take_while(|&&i| fits(&text[..i]))
                .last()
                .copied()
                .or(ends.first().copied())
                .unwrap_or(text.len());
            (text[..end].to_string(), text[end..].trim_start())
        }
    }
}

/// From one line of a label at `size` to the next.
pub(crate) fn line_step(size: f64) -> i32 {
    size.ceil() as i32 + 2
}

/// The height of a row whose label at `size` takes `lines` lines, where a
/// row of one line is `one` high: two lines and a margin, or `one`.
pub(crate) fn row_height(lines: usize, size: f64, one: i32) -> i32 {
    if lines > 1 {
        one.max(lines as i32 * line_step(size) + 4)
    } else {
        one
    }
}

/// Draws `lines` one under the other, [`line_step`] apart, centred as a
/// block on `mid` (the style's own anchor places them across).
pub(crate) fn draw_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    lines: &[String],
    (x, mid): (i32, i32),
    size: f64,
    style: &TextStyle<'_>,
) -> DrawResult<DB> {
    let step = line_step(size);
    let first = mid - step * (lines.len() as i32 - 1) / 2;
    for (i, line) in lines.iter().enumerate() {
        area.draw(&Text::new(
            line.clone(),
            (x, first + i as i32 * step),
            style.clone(),
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fits when at most `n` characters long.
    fn chars(n: usize) -> impl Fn(&str) -> bool {
        move |t: &str| t.chars().count() <= n
    }

    #[test]
    fn a_name_that_fits_stays_on_one_line() {
        assert_eq!(wrap("Payroll", " ", 2, chars(20)), ["Payroll"]);
    }

    #[test]
    fn a_long_name_breaks_at_a_word_before_it_is_cut() {
        assert_eq!(
            wrap("Warehouse management system operations", " ", 2, chars(20)),
            ["Warehouse management", "system operations"]
        );
        assert_eq!(
            wrap(
                "Warehouse management system operations and returns",
                " ",
                2,
                chars(20)
            ),
            ["Warehouse management", "system operations a…"]
        );
    }

    #[test]
    fn facts_break_between_facts() {
        assert_eq!(
            wrap("Tier 1 · RTO 4 h · needed in 2 h", " · ", 2, chars(18)),
            ["Tier 1 · RTO 4 h", "needed in 2 h"]
        );
    }

    #[test]
    fn a_word_longer_than_a_line_is_broken_between_characters() {
        assert_eq!(
            wrap("Abcdefghij klm", " ", 2, chars(6)),
            ["Abcdef", "ghij…"]
        );
        assert_eq!(wrap("", " ", 2, chars(6)), [""]);
    }

    #[test]
    fn one_line_asked_is_shortening() {
        assert_eq!(
            wrap("Warehouse management", " ", 1, chars(10)),
            ["Warehouse…"]
        );
    }
}
