//! The chart font, embedded in each SVG: an SVG shown as an image (the app
//! shows charts as `<img>` data URLs) sees no fonts but its own, so without
//! this a viewer without DejaVu Sans draws the text in some other font.
//!
//! Each face the SVG uses (regular, bold) is cut down to the glyphs of the
//! characters it draws, and added as an `@font-face` with a base64 data
//! URL. The cutting is `subsetter`'s, which makes fonts for PDF: it leaves
//! out the tables a PDF does not need but a browser does (`cmap`, which
//! maps characters to glyphs, and `OS/2`), so this module puts them back:
//! a format 4 `cmap` for the characters kept, and the original `OS/2`.
//!
//! WebKit (the app's engine on Linux and macOS) loads the font of an SVG
//! image but does not draw the image again once it has: the first picture
//! it shows would keep its text invisible while the font "loads". So the
//! faces are `font-display: swap` and the text names a generic family after
//! ours: at worst that first picture shows the system's sans-serif (or its
//! own DejaVu Sans); pictures drawn after it (the font is then cached) and
//! other engines (Chromium, so WebView2) use the embedded faces.

use std::collections::BTreeSet;

use base64::Engine;
use ttf_parser::{Face, Tag};

use super::FONT;

/// The SVG with the faces its text uses embedded in a `<style>` right after
/// the opening `<svg>` tag, and `sans-serif` named after the chart font. An
/// SVG without text, or a face that cannot be cut, keeps naming the font.
pub(crate) fn embed(svg: String) -> String {
    let svg = true_sizes(&svg.replace(
        &format!("font-family=\"{FONT}\""),
        &format!("font-family=\"{FONT}, sans-serif\""),
    ));
    let (regular, bold) = characters(&svg);
    let mut css = String::new();
    for (chars, bytes, weight) in [
        (regular, super::REGULAR, "normal"),
        (bold, super::BOLD, "bold"),
    ] {
        if chars.is_empty() {
            continue;
        }
        if let Some(font) = subset(bytes, &chars) {
            let data = base64::engine::general_purpose::STANDARD.encode(font);
            css.push_str(&format!(
                "@font-face{{font-family:\"{FONT}\";font-weight:{weight};font-display:swap;\
                 src:url(data:font/ttf;base64,{data}) format(\"truetype\")}}"
            ));
        }
    }
    let Some(open) = svg
        .find("<svg")
        .and_then(|i| svg[i..].find('>').map(|j| i + j + 1))
    else {
        return svg;
    };
    if css.is_empty() {
        return svg;
    }
    format!(
        "{}\n<defs><style>{css}</style></defs>{}",
        &svg[..open],
        &svg[open..]
    )
}

/// The characters drawn in regular and in bold text, from the `<text>`
/// elements plotters writes (one line of text each, escaped).
fn characters(svg: &str) -> (BTreeSet<char>, BTreeSet<char>) {
    let (mut regular, mut bold) = (BTreeSet::new(), BTreeSet::new());
    let mut rest = svg;
    while let Some(start) = rest.find("<text ") {
        let Some(tag_end) = rest[start..].find('>').map(|i| start + i) else {
            break;
        };
        let Some(end) = rest[tag_end..].find("</text>").map(|i| tag_end + i) else {
            break;
        };
        let set = if rest[start..tag_end].contains("font-weight=\"bold\"") {
            &mut bold
        } else {
            &mut regular
        };
        set.extend(
            unescape(&rest[tag_end + 1..end])
                .chars()
                .filter(|c| !c.is_control()),
        );
        rest = &rest[end..];
    }
    (regular, bold)
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The font cut down to `chars` (and the glyphs they are built from), as a
/// TrueType file a browser accepts. `None` if the font cannot be read.
pub(crate) fn subset(font: &[u8], chars: &BTreeSet<char>) -> Option<Vec<u8>> {
    let face = Face::parse(font, 0).ok()?;
    let mut remapper = subsetter::GlyphRemapper::new();
    let mut map = Vec::new();
    for &c in chars {
        if let (Some(glyph), Ok(code)) = (face.glyph_index(c), u16::try_from(u32::from(c))) {
            map.push((code, remapper.remap(glyph.0)));
        }
    }
    let cut = subsetter::subset(font, 0, &remapper).ok()?;
    let mut tables = tables(&cut)?;
    tables.push((*b"cmap", cmap(&map)));
    tables.push((
        *b"OS/2",
        face.raw_face().table(Tag::from_bytes(b"OS/2"))?.to_vec(),
    ));
    Some(assemble(tables))
}

/// The tables of a TrueType file, by tag.
fn tables(font: &[u8]) -> Option<Vec<([u8; 4], Vec<u8>)>> {
    let u16_at = |at: usize| Some(u16::from_be_bytes(font.get(at..at + 2)?.try_into().ok()?));
    let u32_at = |at: usize| Some(u32::from_be_bytes(font.get(at..at + 4)?.try_into().ok()?));
    (0..usize::from(u16_at(4)?))
        .map(|i| {
            let record = 12 + 16 * i;
            let tag: [u8; 4] = font.get(record..record + 4)?.try_into().ok()?;
            let offset = u32_at(record + 8)? as usize;
            let length = u32_at(record + 12)? as usize;
            Some((tag, font.get(offset..offset + length)?.to_vec()))
        })
        .collect()
}

/// A `cmap` with one Unicode (BMP) subtable of format 4 for `map`
/// (character → glyph, ascending by character).
fn cmap(map: &[(u16, u16)]) -> Vec<u8> {
    // Runs of consecutive characters whose glyphs are consecutive too share
    // a segment; the last segment maps 0xFFFF to glyph 0, as required.
    let mut segments: Vec<(u16, u16, u16)> = Vec::new();
    for &(code, glyph) in map.iter().filter(|(code, _)| *code != 0xFFFF) {
        match segments.last_mut() {
            Some((start, end, first))
                if u32::from(*end) + 1 == u32::from(code)
                    && u32::from(*first) + u32::from(code - *start) == u32::from(glyph) =>
            {
                *end = code;
            }
            _ => segments.push((code, code, glyph)),
        }
    }
    segments.push((0xFFFF, 0xFFFF, 0));
    let count = segments.len() as u16;
    let selector = 15 - count.leading_zeros() as u16;
    let range = 2 * (1u16 << selector);
    let mut table = Vec::new();
    let mut put = |v: u16| table.extend_from_slice(&v.to_be_bytes());
    // Header: version 0, one encoding record (Windows, Unicode BMP) at 12.
    for v in [0, 1, 3, 1, 0, 12] {
        put(v);
    }
    put(4);
    put(16 + 8 * count);
    put(0);
    put(2 * count);
    put(range);
    put(selector);
    put(2 * count - range);
    segments.iter().for_each(|s| put(s.1));
    put(0);
    segments.iter().for_each(|s| put(s.0));
    segments.iter().for_each(|s| {
        put(if s.0 == 0xFFFF {
            1
        } else {
            s.2.wrapping_sub(s.0)
        })
    });
    segments.iter().for_each(|_| put(0));
    table
}

/// A TrueType file of `tables`: the directory sorted by tag, each table
/// padded to four bytes with its checksum, and the `head` table's
/// whole-file checksum adjustment set.
fn assemble(mut tables: Vec<([u8; 4], Vec<u8>)>) -> Vec<u8> {
    fn checksum(data: &[u8]) -> u32 {
        data.chunks(4).fold(0u32, |sum, chunk| {
            let mut word = [0u8; 4];
            word[..chunk.len()].copy_from_slice(chunk);
            sum.wrapping_add(u32::from_be_bytes(word))
        })
    }
    tables.sort_by_key(|t| t.0);
    let count = tables.len() as u16;
    let selector = 15 - count.leading_zeros() as u16;
    let range = 16 * (1u16 << selector);
    let mut font = Vec::new();
    font.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for v in [count, range, selector, 16 * count - range] {
        font.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head = None;
    for (tag, data) in &mut tables {
        if tag == b"head" && data.len() >= 12 {
            data[8..12].fill(0);
            head = Some(offset + 8);
        }
        font.extend_from_slice(tag);
        font.extend_from_slice(&checksum(data).to_be_bytes());
        font.extend_from_slice(&(offset as u32).to_be_bytes());
        font.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    for (_, data) in &tables {
        font.extend_from_slice(data);
        font.resize(font.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&font));
        font[at..at + 4].copy_from_slice(&adjustment.to_be_bytes());
    }
    font
}

/// The SVG with each text at the size the chart was laid out for. plotters
/// writes a text of size `s` as `font-size="s / 1.24"` (points to pixels),
/// but measures it, and the PNG draws it, with the font scaled so that its
/// ascent to descent is `s` — an em of `s / 1.164` for DejaVu Sans. Written
/// as plotters does, SVG text came out 6 % smaller than it was measured:
/// a 13 px label showed 10.5 px high. This writes the em the layout used.
fn true_sizes(svg: &str) -> String {
    const ATTRIBUTE: &str = "font-size=\"";
    let factor = 1.24 / em_scale();
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(at) = rest.find(ATTRIBUTE) {
        let start = at + ATTRIBUTE.len();
        let Some(len) = rest[start..].find('"') else {
            break;
        };
        out.push_str(&rest[..start]);
        match rest[start..start + len].parse::<f64>() {
            Ok(size) => out.push_str(&format!("{:.2}", size * factor)),
            Err(_) => out.push_str(&rest[start..start + len]),
        }
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

/// The chart font's ascent to descent, in ems (ab_glyph's scale, which
/// plotters and the PNG backend size text by).
pub(crate) fn em_scale() -> f64 {
    Face::parse(super::REGULAR, 0).map_or(1.164, |face| {
        f64::from(face.ascender() - face.descender()) / f64::from(face.units_per_em())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn font_checksum(font: &[u8]) -> u32 {
        font.chunks(4).fold(0u32, |sum, chunk| {
            let mut word = [0u8; 4];
            word[..chunk.len()].copy_from_slice(chunk);
            sum.wrapping_add(u32::from_be_bytes(word))
        })
    }

    #[test]
    fn a_subset_maps_its_characters_to_the_original_outlines() {
        let chars: BTreeSet<char> = "Hé… &1".chars().collect();
        let cut = subset(super::super::REGULAR, &chars).expect("the shipped font cuts");
        assert!(
            cut.len() < super::super::REGULAR.len() / 20,
            "{} bytes",
            cut.len()
        );
        assert_eq!(
            font_checksum(&cut),
            0xB1B0_AFBA,
            "whole-file checksum adjusted"
        );
        let original = Face::parse(super::super::REGULAR, 0).unwrap();
        let face = Face::parse(&cut, 0).expect("the cut font parses");
        assert!(
            face.number_of_glyphs() < 12,
            "{} glyphs",
            face.number_of_glyphs()
        );
        for c in chars {
            let (old, new) = (
                original.glyph_index(c).unwrap(),
                face.glyph_index(c)
                    .unwrap_or_else(|| panic!("{c:?} is mapped")),
            );
            assert_eq!(face.glyph_hor_advance(new), original.glyph_hor_advance(old));
            assert_eq!(
                face.glyph_bounding_box(new),
                original.glyph_bounding_box(old)
            );
        }
        assert_eq!(
            face.glyph_index('Z'),
            None,
            "characters not drawn are left out"
        );
    }

    #[test]
    fn the_svg_carries_a_face_for_each_weight_it_uses() {
        let svg = "<svg width=\"10\" height=\"10\" xmlns=\"http://www.w3.org/2000/svg\">\n\
                   <text x=\"0\" font-family=\"DejaVu Sans\">\nA &amp; B\n</text>\n</svg>\n";
        assert_eq!(
            characters(svg).0,
            ['A', '&', ' ', 'B'].into_iter().collect(),
            "escapes read as the characters they stand for"
        );
        let embedded = embed(svg.to_string());
        assert!(embedded.contains("<defs><style>@font-face{font-family:\"DejaVu Sans\""));
        assert_eq!(embedded.matches("@font-face").count(), 1, "regular only");
        let drawing = svg[svg.find('>').unwrap() + 1..].replace(
            "font-family=\"DejaVu Sans\"",
            "font-family=\"DejaVu Sans, sans-serif\"",
        );
        assert!(
            embedded.ends_with(&drawing),
            "the drawing as it was, with a generic family to fall back on"
        );
        let bold = svg.replace("font-family=\"DejaVu Sans\"", "font-weight=\"bold\"");
        assert!(embed(bold).contains("font-weight:bold"));
        let no_text = "<svg width=\"1\" height=\"1\">\n</svg>\n".to_string();
        assert_eq!(embed(no_text.clone()), no_text, "nothing to embed");
    }

    #[test]
    fn text_is_written_at_the_size_it_was_measured_at() {
        // plotters writes a 13 px text as 13 / 1.24; the em the layout measured is 13 / 1.164.
        let written = format!("<text font-size=\"{}\">Payroll</text>", 13.0 / 1.24);
        let sized = super::true_sizes(&written);
        let size: f64 = sized
            .split("font-size=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|v| v.parse().ok())
            .expect("a size");
        assert!((size - 13.0 / super::em_scale()).abs() < 0.01, "{size}");
        assert!(
            (super::em_scale() - 1.164).abs() < 0.001,
            "DejaVu Sans's ascent to descent"
        );
        assert_eq!(
            super::true_sizes("<text>no size</text>"),
            "<text>no size</text>"
        );
    }
}
