//! One worksheet being written: safe cells (user text always as strings,
//! cut at Excel's limit with a warning), durations with their hidden
//! minutes, column widths that follow the content, and the page setup every
//! sheet shares.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

use super::ExportError as Error;
use bia_model::Minutes;

/// Excel's limit on the characters of one cell.
pub const CELL_LIMIT: usize = 32_767;

/// Widest a column grows (characters); longer text wraps.
const MAX_WIDTH: usize = 60;
/// Widest a column of wrapped text grows.
const MAX_WRAP_WIDTH: usize = 44;
/// Points per line of 10-point text.
const LINE_HEIGHT: f64 = 13.0;
const MIN_WIDTH: usize = 6;

pub(super) fn xlsx(e: XlsxError) -> Error {
    Error::Write {
        path: Default::default(),
        message: e.to_string(),
    }
}

/// The formats of the workbook, made once.
pub(super) struct Formats {
    pub title: Format,
    pub subtitle: Format,
    pub header: Format,
    pub band: Format,
    pub text: Format,
    pub wrap: Format,
    pub number: Format,
    pub label: Format,
    pub bad: Format,
    pub section: Format,
}

pub(super) const ACCENT: u32 = 0x0f4c5c;
pub(super) const BAD_FILL: u32 = 0xfde2e1;
pub(super) const BAD_TEXT: u32 = 0x9b1c1c;

impl Formats {
    /// The workbook's default format: cells written without one get it, so
    /// most cells need no format lookup (the bulk of an export's cost).
    pub fn base() -> Format {
        Format::new()
            .set_font_name("Calibri")
            .set_font_size(10)
            .set_align(FormatAlign::Top)
    }

    pub fn new() -> Formats {
        let base = Formats::base();
        Formats {
            title: base
                .clone()
                .set_bold()
                .set_font_size(16)
                .set_font_color(ACCENT),
            subtitle: base.clone().set_font_color(0x6b7280),
            header: base
                .clone()
                .set_bold()
                .set_font_color(Color::White)
                .set_background_color(ACCENT)
                .set_text_wrap()
                .set_border_bottom(FormatBorder::Thin)
                .set_border_color(Color::White),
            band: base
                .clone()
                .set_bold()
                .set_background_color(0xdbe7ea)
                .set_font_color(ACCENT)
                .set_align(FormatAlign::Center)
                .set_border(FormatBorder::Thin)
                .set_border_color(Color::White),
            text: base.clone(),
            wrap: base.clone().set_text_wrap(),
            number: base.clone().set_align(FormatAlign::Center),
            label: base.clone().set_bold(),
            bad: base
                .clone()
                .set_background_color(BAD_FILL)
                .set_font_color(BAD_TEXT)
                .set_text_wrap(),
            section: base.set_bold().set_font_size(12).set_font_color(ACCENT),
        }
    }
}

/// A worksheet being written.
pub(super) struct Sheet<'a> {
    pub ws: &'a mut Worksheet,
    pub name: &'static str,
    pub f: &'a Formats,
    widths: Vec<usize>,
    /// Columns of wrapped text: rows grow to show all of it.
    wrap_columns: Vec<bool>,
    /// Per row, the wrapped cells: (column, lines of text, longest line).
    wrapped: std::collections::BTreeMap<u32, Vec<(u16, Vec<usize>)>>,
    warnings: &'a mut Vec<String>,
}

impl<'a> Sheet<'a> {
    pub fn new(
        ws: &'a mut Worksheet,
        name: &'static str,
        f: &'a Formats,
        warnings: &'a mut Vec<String>,
    ) -> Result<Sheet<'a>, Error> {
        ws.set_name(name).map_err(xlsx)?;
        Ok(Sheet {
            ws,
            name,
            f,
            widths: Vec::new(),
            wrap_columns: Vec::new(),
            wrapped: Default::default(),
            warnings,
        })
    }

    fn grow(&mut self, col: u16, chars: usize) {
        let col = col as usize;
        if self.widths.len() <= col {
            self.widths.resize(col + 1, MIN_WIDTH);
            self.wrap_columns.resize(col + 1, false);
        }
        self.widths[col] = self.widths[col].max(chars.min(MAX_WIDTH));
    }

    fn is_wrapped(&self, format: &Format) -> bool {
        std::ptr::eq(format, &self.f.wrap) || std::ptr::eq(format, &self.f.bad)
    }

    /// Text from the user, always as a string; cut at Excel's limit with a
    /// marker and a warning naming the cell.
    pub fn text(&mut self, row: u32, col: u16, text: &str, format: &Format) -> Result<(), Error> {
        if text.is_empty() {
            return Ok(());
        }
        // Most cells are one short line: their lengths are kept only when
        // the cell wraps (a million cells, a million fewer allocations).
        let longest_line = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        self.grow(col, longest_line + 1);
        if self.is_wrapped(format) {
            let lines: Vec<usize> = text.lines().map(|l| l.chars().count()).collect();
            self.wrap_columns[col as usize] = true;
            self.wrapped.entry(row).or_default().push((col, lines));
        }
        let text = self.fit(row, col, text);
        if std::ptr::eq(format, &self.f.text) {
            self.ws
                .write_string(row, col, text.as_ref())
                .map_err(xlsx)?;
        } else {
            self.ws
                .write_string_with_format(row, col, text.as_ref(), format)
                .map_err(xlsx)?;
        }
        Ok(())
    }

    /// `text` as the cell at `row`, `col` can hold it: whole, or cut at
    /// Excel's limit with a marker and a warning naming the cell. Every
    /// string the export writes passes here: values, headers, titles, bands.
    pub fn fit<'t>(&mut self, row: u32, col: u16, text: &'t str) -> std::borrow::Cow<'t, str> {
        self.fit_to(row, col, text, CELL_LIMIT, "a cell")
    }

    /// `text` cut to `limit` with a warning that the cell's `what` (a
    /// cell, its note) holds no more.
    pub fn fit_to<'t>(
        &mut self,
        row: u32,
        col: u16,
        text: &'t str,
        limit: usize,
        what: &str,
    ) -> std::borrow::Cow<'t, str> {
        let Some(cut) = cut(text, limit) else {
            return text.into();
        };
        self.warnings.push(format!(
            "{}!{}: {} characters, more than {what} holds ({limit}); cut with a marker",
            self.name,
            cell_name(row, col),
            text.chars().count()
        ));
        cut.into()
    }

    pub fn number(&mut self, row: u32, col: u16, n: f64, format: &Format) -> Result<(), Error> {
        self.grow(col, shown_len(n) + 1);
        if std::ptr::eq(format, &self.f.text) {
            self.ws.write_number(row, col, n).map_err(xlsx)?;
        } else {
            self.ws
                .write_number_with_format(row, col, n, format)
                .map_err(xlsx)?;
        }
        Ok(())
    }

    /// A duration as people read it at `col`, its minutes at `col + 1` (a
    /// hidden column, see [`Sheet::finish`]).
    pub fn duration(
        &mut self,
        row: u32,
        col: u16,
        minutes: Option<Minutes>,
        format: &Format,
    ) -> Result<(), Error> {
        if let Some(m) = minutes {
            self.text(row, col, &m.to_string(), format)?;
            let f = self.f;
            self.number(row, col + 1, f64::from(m.0), &f.text)?;
        }
        Ok(())
    }

    /// A header row; `minutes` columns follow a duration and are hidden.
    pub fn header(&mut self, row: u32, headers: &[String]) -> Result<(), Error> {
        for (c, h) in headers.iter().enumerate() {
            let c = c as u16;
            let h = self.fit(row, c, h);
            self.ws
                .write_string_with_format(row, c, h.as_ref(), &self.f.header)
                .map_err(xlsx)?;
            // Headers wrap rather than widen a column past its content.
            let longest = h
                .split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            self.grow(c, longest + 2);
            self.wrapped
                .entry(row)
                .or_default()
                .push((c, vec![h.chars().count()]));
        }
        Ok(())
    }

    /// The sheet's title and subtitle in the first two rows, in `col`: the
    /// first visible column (ids are in hidden columns on the left).
    pub fn title(&mut self, col: u16, title: &str, subtitle: &str) -> Result<(), Error> {
        let (t, s) = (self.f.title.clone(), self.f.subtitle.clone());
        let title = self.fit(0, col, title);
        self.ws
            .write_string_with_format(0, col, title.as_ref(), &t)
            .map_err(xlsx)?;
        let subtitle = self.fit(1, col, subtitle);
        self.ws
            .write_string_with_format(1, col, subtitle.as_ref(), &s)
            .map_err(xlsx)?;
        self.ws.set_row_height(0, 24).map_err(xlsx)?;
        Ok(())
    }

    /// Column widths, hidden columns, frozen header, autofilter and the
    /// page setup, once the data is written.
    pub fn finish(
        &mut self,
        header_rows: (u32, u32),
        last_row: u32,
        columns: u16,
        hidden: &[u16],
        header_text: &str,
    ) -> Result<(), Error> {
        self.fit_columns(hidden)?;
        self.ws
            .set_freeze_panes(header_rows.1 + 1, 0)
            .map_err(xlsx)?;
        self.filter_and_print(header_rows, last_row, columns, header_text)
    }

    /// [`Sheet::finish`] of a sheet whose list starts below other tables
    /// (the Changes sheet): nothing frozen, which would hold those tables
    /// on the screen; the list's header repeats on every printed page.
    pub fn finish_below(
        &mut self,
        header_rows: (u32, u32),
        last_row: u32,
        columns: u16,
        header_text: &str,
    ) -> Result<(), Error> {
        self.fit_columns(&[])?;
        self.filter_and_print(header_rows, last_row, columns, header_text)
    }

    fn filter_and_print(
        &mut self,
        header_rows: (u32, u32),
        last_row: u32,
        columns: u16,
        header_text: &str,
    ) -> Result<(), Error> {
        let (first, last) = header_rows;
        if columns > 0 {
            self.ws
                .autofilter(last, 0, last_row.max(last), columns - 1)
                .map_err(xlsx)?;
        }
        self.ws.set_repeat_rows(first, last).map_err(xlsx)?;
        page_setup(self.ws, self.name, header_text);
        Ok(())
    }

    /// Column widths from the content, rows as tall as their wrapped
    /// text, and the hidden columns.
    fn fit_columns(&mut self, hidden: &[u16]) -> Result<(), Error> {
        for (c, w) in self.widths.iter_mut().enumerate() {
            if self.wrap_columns[c] {
                *w = (*w).min(MAX_WRAP_WIDTH);
            }
            self.ws
                .set_column_width(c as u16, *w as f64 + 1.0)
                .map_err(xlsx)?;
        }
        // Rows as tall as their wrapped text (not every reader works it out).
        for (row, cells) in &self.wrapped {
            let lines = cells
                .iter()
                .map(|(c, lines)| {
                    // Calibri 10 fits about 1.15 characters per unit of width.
                    let per_line = (self.widths[*c as usize] * 23 / 20).max(1);
                    lines
                        .iter()
                        .map(|n| n.div_ceil(per_line).max(1))
                        .sum::<usize>()
                })
                .max()
                .unwrap_or(1)
                .min(30);
            if lines > 1 {
                self.ws
                    .set_row_height(*row, lines as f64 * LINE_HEIGHT)
                    .map_err(xlsx)?;
            }
        }
        for &c in hidden {
            self.ws.set_column_hidden(c).map_err(xlsx)?;
        }
        Ok(())
    }
}

/// `text` cut to `limit` with a marker saying how much was left out, or
/// `None` when it fits. Excel counts UTF-16 units (a character beyond the
/// Basic Multilingual Plane, an emoji, counts twice), and so does this.
pub(super) fn cut(text: &str, limit: usize) -> Option<String> {
    // Most text is far shorter: its bytes say so without counting.
    if text.len() <= limit || text.encode_utf16().count() <= limit {
        return None;
    }
    let marker = |more: usize| format!(" … [cut: {more} more characters]");
    let room = limit - marker(text.len()).encode_utf16().count();
    let mut kept = 0;
    let end = text
        .char_indices()
        .find(|(_, c)| {
            kept += c.len_utf16();
            kept > room
        })
        .map_or(text.len(), |(at, _)| at);
    Some(format!(
        "{}{}",
        &text[..end],
        marker(text[end..].chars().count())
    ))
}

/// Landscape, A4, one page wide, the assessment in the header and the
/// sheet and page number in the footer.
pub(super) fn page_setup(ws: &mut Worksheet, sheet: &str, header_text: &str) {
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_header(format!("&L&8{}", escape_header(header_text)));
    ws.set_footer(format!("&L&8{}&R&8Page &P of &N", escape_header(sheet)));
}

/// `&` starts a code in Excel's header language; a literal one is doubled.
/// Headers are limited to 255 characters.
pub(super) fn escape_header(text: &str) -> String {
    let escaped = text.replace('&', "&&");
    if escaped.chars().count() > 200 {
        escaped.chars().take(199).collect::<String>() + "…"
    } else {
        escaped
    }
}

/// `A1` notation.
pub(super) fn cell_name(row: u32, col: u16) -> String {
    let mut letters = String::new();
    let mut c = u32::from(col) + 1;
    while c > 0 {
        let r = (c - 1) % 26;
        letters.insert(0, char::from(b'A' + r as u8));
        c = (c - 1) / 26;
    }
    format!("{letters}{}", row + 1)
}

/// How many characters `n` takes as written (`{n}`), without allocating.
fn shown_len(n: f64) -> usize {
    use std::io::Write;
    let mut buf = [0u8; 64];
    let mut at = std::io::Cursor::new(&mut buf[..]);
    match write!(at, "{n}") {
        Ok(()) => at.position() as usize,
        // Longer than a column is ever made wide.
        Err(_) => buf.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(6, 4), "E7");
        assert_eq!(cell_name(0, 25), "Z1");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(9, 701), "ZZ10");
        assert_eq!(cell_name(0, 702), "AAA1");
    }

    #[test]
    fn header_ampersands_are_literal() {
        assert_eq!(
            escape_header("Facilities & Estates"),
            "Facilities && Estates"
        );
    }
}
