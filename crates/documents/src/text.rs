//! The document font, DejaVu Sans regular and bold from `assets/fonts/`
//! (compiled in, so a document looks the same on every machine), and text
//! measured and broken into lines in it.
//!
//! Lines break at spaces; a word wider than the line (a long address, a
//! path) is broken between characters rather than run past the margin.
//! Widths are the glyphs' advances without kerning, which only ever
//! tightens the drawn text, so a line measured to fit does fit. It does not
//! hyphenate, justify or fall back to another font: a character DejaVu Sans
//! lacks is drawn as its empty box.

use std::sync::LazyLock;

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// A face of the document font.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

impl Weight {
    pub fn data(self) -> &'static [u8] {
        match self {
            Weight::Regular => REGULAR,
            Weight::Bold => BOLD,
        }
    }
}

/// The faces parsed once, for measuring.
struct Faces {
    regular: Option<ttf_parser::Face<'static>>,
    bold: Option<ttf_parser::Face<'static>>,
}

static FACES: LazyLock<Faces> = LazyLock::new(|| Faces {
    regular: ttf_parser::Face::parse(REGULAR, 0).ok(),
    bold: ttf_parser::Face::parse(BOLD, 0).ok(),
});

/// Average advance of DejaVu Sans in ems: the measure if the font were
/// ever unreadable (it is compiled in; a test holds that it reads).
const FALLBACK_EM: f32 = 0.6;

/// The width of `text` set at `size` points.
pub(crate) fn width(text: &str, weight: Weight, size: f32) -> f32 {
    let face = match weight {
        Weight::Regular => FACES.regular.as_ref(),
        Weight::Bold => FACES.bold.as_ref(),
    };
    let Some(face) = face else {
        return text.chars().count() as f32 * FALLBACK_EM * size;
    };
    let per_unit = size / f32::from(face.units_per_em());
    let units: u32 = text
        .chars()
        .map(|c| {
            let glyph = face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
            u32::from(face.glyph_hor_advance(glyph).unwrap_or(0))
        })
        .sum();
    units as f32 * per_unit
}

/// `text` broken into lines no wider than `max`: at its own line breaks,
/// then at spaces, then inside a word too long for a line. Empty text is
/// no lines.
pub(crate) fn lines(text: &str, weight: Weight, size: f32, max: f32) -> Vec<String> {
    let mut out = Vec::new();
    if text.trim().is_empty() {
        return out;
    }
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if width(&candidate, weight, size) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            // A word alone wider than the line is cut between characters.
            let mut rest = word;
            while width(rest, weight, size) > max {
                let cut = widest_prefix(rest, weight, size, max);
                out.push(rest[..cut].to_string());
                rest = &rest[cut..];
            }
            line = rest.to_string();
        }
        out.push(line);
    }
    // Blank lines inside the text are kept; those at its end are not.
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out
}

/// The byte length of the longest prefix of `word` that fits in `max`
/// (at least one character, so a line always moves on).
fn widest_prefix(word: &str, weight: Weight, size: f32, max: f32) -> usize {
    let mut end = 0;
    for (at, c) in word.char_indices() {
        let next = at + c.len_utf8();
        if end > 0 && width(&word[..next], weight, size) > max {
            break;
        }
        end = next;
    }
    end
}

/// `text` on one line no wider than `max`, cut with an ellipsis if need be.
pub(crate) fn fitted(text: &str, weight: Weight, size: f32, max: f32) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if width(&text, weight, size) <= max {
        return text;
    }
    let room = max - width("…", weight, size);
    let mut kept = String::new();
    for c in text.chars() {
        kept.push(c);
        if width(&kept, weight, size) > room {
            kept.pop();
            break;
        }
    }
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_in_faces_read() {
        assert!(FACES.regular.is_some() && FACES.bold.is_some());
        let w = width("Accounts payable", Weight::Regular, 10.0);
        assert!((70.0..100.0).contains(&w), "{w}");
        assert!(width("Payroll", Weight::Bold, 10.0) > width("Payroll", Weight::Regular, 10.0));
    }

    #[test]
    fn lines_break_at_spaces_and_keep_every_word() {
        let text = "Confirm with the bank how late a manual BACS file can be submitted";
        let broken = lines(text, Weight::Regular, 9.0, 120.0);
        assert!(broken.len() > 1);
        assert!(
            broken
                .iter()
                .all(|l| width(l, Weight::Regular, 9.0) <= 120.0)
        );
        assert_eq!(broken.join(" "), text);
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_between_characters() {
        let word = "x".repeat(200);
        let broken = lines(&word, Weight::Regular, 9.0, 50.0);
        assert!(broken.len() > 5);
        assert!(
            broken
                .iter()
                .all(|l| width(l, Weight::Regular, 9.0) <= 50.0)
        );
        assert_eq!(broken.concat(), word);
    }

    #[test]
    fn line_breaks_in_the_text_are_kept() {
        assert_eq!(
            lines("first\n\nthird\n", Weight::Regular, 9.0, 500.0),
            ["first", "", "third"]
        );
        assert!(lines("  ", Weight::Regular, 9.0, 500.0).is_empty());
    }

    #[test]
    fn fitted_text_is_cut_with_an_ellipsis() {
        let cut = fitted(&"Harbourline ".repeat(20), Weight::Bold, 8.0, 100.0);
        assert!(cut.ends_with('…') && width(&cut, Weight::Bold, 8.0) <= 100.0);
        assert_eq!(fitted("Short", Weight::Bold, 8.0, 100.0), "Short");
    }
}
