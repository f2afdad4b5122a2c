//! Laying a document down A4 pages: headings kept with what follows them,
//! paragraphs, tables whose header row is repeated on every page they run
//! onto (a row too tall for a page is split between its lines), coloured
//! cells, and pictures scaled to the text width. The result is a list of
//! positioned items per page, which `pdf.rs` draws.
//!
//! It knows nothing of workshops (that is `minutes.rs`) and draws nothing
//! itself; the running header and footer are added when the page count is
//! known.

use crate::text::{self, Weight};

/// A4 in points.
pub(crate) const PAGE_WIDTH: f32 = 595.28;
pub(crate) const PAGE_HEIGHT: f32 = 841.89;
/// The margins: text runs from `LEFT` to `PAGE_WIDTH - RIGHT`, from `TOP`
/// to `PAGE_HEIGHT - BOTTOM`; the header and footer sit in the margins.
pub(crate) const LEFT: f32 = 54.0;
pub(crate) const RIGHT: f32 = 54.0;
pub(crate) const TOP: f32 = 70.0;
pub(crate) const BOTTOM: f32 = 64.0;
pub(crate) const TEXT_WIDTH: f32 = PAGE_WIDTH - LEFT - RIGHT;

/// Line height as a multiple of the type size, and the baseline's depth
/// within a line.
const LEADING: f32 = 1.32;
const BASELINE: f32 = 0.98;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Colour(pub u8, pub u8, pub u8);

/// How a run of text is set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Style {
    pub size: f32,
    pub weight: Weight,
    pub colour: Colour,
}

impl Style {
    pub const fn new(size: f32, weight: Weight, colour: Colour) -> Style {
        Style {
            size,
            weight,
            colour,
        }
    }

    fn line_height(&self) -> f32 {
        self.size * LEADING
    }
}

/// Something placed on a page (coordinates from the page's top left, in points).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Item {
    Text {
        x: f32,
        baseline: f32,
        text: String,
        style: Style,
    },
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        fill: Colour,
    },
    /// The document's picture number `index`.
    Picture {
        index: usize,
        x: f32,
        y: f32,
        width: f32,
        height: f32,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum Align {
    #[default]
    Left,
    Center,
}

/// One cell of a table: its text, optionally a second, smaller note under
/// it, and how it is filled.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Cell {
    pub text: String,
    pub style: Style,
    pub note: Option<(String, Style)>,
    pub fill: Option<Colour>,
    /// How many columns it spans.
    pub span: usize,
    pub align: Align,
}

impl Cell {
    pub fn new(text: impl Into<String>, style: Style) -> Cell {
        Cell {
            text: text.into(),
            style,
            note: None,
            fill: None,
            span: 1,
            align: Align::Left,
        }
    }

    pub fn note(mut self, note: impl Into<String>, style: Style) -> Cell {
        let note = note.into();
        if !note.trim().is_empty() {
            self.note = Some((note, style));
        }
        self
    }

    pub fn fill(mut self, fill: Colour) -> Cell {
        self.fill = Some(fill);
        self
    }

    pub fn span(mut self, columns: usize) -> Cell {
        self.span = columns.max(1);
        self
    }

    pub fn centred(mut self) -> Cell {
        self.align = Align::Center;
        self
    }
}

/// A column's width: fixed in points, or a share of what the fixed ones leave.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Width {
    Points(f32),
    Share(f32),
}

/// The widths of `columns` across the text width.
pub(crate) fn widths(columns: &[Width]) -> Vec<f32> {
    let fixed: f32 = columns
        .iter()
        .map(|c| match c {
            Width::Points(p) => *p,
            Width::Share(_) => 0.0,
        })
        .sum();
    let shares: f32 = columns
        .iter()
        .map(|c| match c {
            Width::Share(s) => *s,
            Width::Points(_) => 0.0,
        })
        .sum();
    let left = (TEXT_WIDTH - fixed).max(0.0);
    columns
        .iter()
        .map(|c| match c {
            Width::Points(p) => *p,
            Width::Share(s) if shares > 0.0 => left * s / shares,
            Width::Share(_) => 0.0,
        })
        .collect()
}

/// A table: column widths, an optional header row repeated on every page,
/// and its rows.
#[derive(Clone, Debug)]
pub(crate) struct Table {
    pub widths: Vec<f32>,
    pub header: Option<Vec<Cell>>,
    pub rows: Vec<Vec<Cell>>,
    /// Shade every other row.
    pub zebra: Option<Colour>,
    /// A thin rule under every row.
    pub rule: Option<Colour>,
    /// Room between cells' edges and their text (across, down).
    pub padding: (f32, f32),
    /// White space between cells (a grid of coloured squares).
    pub gutter: f32,
}

/// A row laid out: per cell its x, width, fill, alignment and lines.
struct RowLayout {
    cells: Vec<CellLayout>,
}

struct CellLayout {
    x: f32,
    width: f32,
    fill: Option<Colour>,
    align: Align,
    lines: Vec<(String, Style)>,
}

impl CellLayout {
    fn height(&self) -> f32 {
        self.lines.iter().map(|(_, s)| s.line_height()).sum()
    }
}

impl RowLayout {
    fn height(&self, padding: f32) -> f32 {
        self.cells
            .iter()
            .map(CellLayout::height)
            .fold(0.0, f32::max)
            + 2.0 * padding
    }

    /// Splits off the lines that fit in `room` (at least one line of the
    /// tallest cell), leaving the rest in `self`.
    fn split(&mut self, room: f32, padding: f32) -> RowLayout {
        let cells = self
            .cells
            .iter_mut()
            .map(|c| {
                let mut used = 2.0 * padding;
                let mut n = 0;
                while n < c.lines.len() && (n == 0 || used + c.lines[n].1.line_height() <= room) {
                    used += c.lines[n].1.line_height();
                    n += 1;
                }
                CellLayout {
                    x: c.x,
                    width: c.width,
                    fill: c.fill,
                    align: c.align,
                    lines: c.lines.drain(..n).collect(),
                }
            })
            .collect();
        RowLayout { cells }
    }

    fn is_empty(&self) -> bool {
        self.cells.iter().all(|c| c.lines.is_empty())
    }
}

/// Pages being filled, top to bottom.
pub(crate) struct Flow {
    pages: Vec<Vec<Item>>,
    /// Where the next thing goes on the last page.
    y: f32,
}

impl Flow {
    pub fn new() -> Flow {
        Flow {
            pages: vec![Vec::new()],
            y: TOP,
        }
    }

    /// The pages laid out.
    pub fn finish(self) -> Vec<Vec<Item>> {
        self.pages
    }

    fn page(&mut self) -> &mut Vec<Item> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn at_top(&self) -> bool {
        self.y <= TOP
    }

    fn room(&self) -> f32 {
        PAGE_HEIGHT - BOTTOM - self.y
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Starts a new page unless `height` fits on this one (or this one is
    /// still empty).
    pub fn keep(&mut self, height: f32) {
        if height > self.room() && !self.at_top() {
            self.new_page();
        }
    }

    /// White space, dropped at the top of a page.
    pub fn space(&mut self, height: f32) {
        if !self.at_top() {
            self.y += height;
        }
    }

    fn text(&mut self, x: f32, top: f32, text: String, style: Style) {
        if text.is_empty() {
            return;
        }
        self.page().push(Item::Text {
            x,
            baseline: top + style.size * BASELINE,
            text,
            style,
        });
    }

    pub fn rect(&mut self, x: f32, y: f32, width: f32, height: f32, fill: Colour) {
        self.page().push(Item::Rect {
            x,
            y,
            width,
            height,
            fill,
        });
    }

    /// Text across the text width, wrapped, breaking pages between lines.
    pub fn paragraph(&mut self, text: &str, style: Style) {
        for line in text::lines(text, style.weight, style.size, TEXT_WIDTH) {
            self.keep(style.line_height());
            let y = self.y;
            self.text(LEFT, y, line, style);
            self.y += style.line_height();
        }
    }

    /// A heading, with a rule under it when `rule` is given, kept on the
    /// page with at least `with_next` points of what follows.
    pub fn heading(&mut self, text: &str, style: Style, rule: Option<Colour>, with_next: f32) {
        let lines = text::lines(text, style.weight, style.size, TEXT_WIDTH);
        let height = lines.len() as f32 * style.line_height() + 4.0;
        self.keep(height + with_next);
        for line in lines {
            let y = self.y;
            self.text(LEFT, y, line, style);
            self.y += style.line_height();
        }
        if let Some(colour) = rule {
            let y = self.y + 1.0;
            self.rect(LEFT, y, TEXT_WIDTH, 0.6, colour);
            self.y += 5.0;
        }
        self.y += 2.0;
    }

    /// The document's picture `index`, `pixels` (width, height) in size,
    /// across the text width (or less, to fit a page).
    pub fn picture(&mut self, index: usize, pixels: (u32, u32)) {
        let (w, h) = (pixels.0.max(1) as f32, pixels.1.max(1) as f32);
        let mut width = TEXT_WIDTH;
        let mut height = width * h / w;
        let most = PAGE_HEIGHT - TOP - BOTTOM;
        if height > most {
            width *= most / height;
            height = most;
        }
        self.keep(height);
        let y = self.y;
        self.page().push(Item::Picture {
            index,
            x: LEFT,
            y,
            width,
            height,
        });
        self.y += height;
    }

    fn layout(&self, table: &Table, cells: &[Cell]) -> RowLayout {
        let mut x = LEFT;
        let mut column = 0;
        let (pad_x, _) = table.padding;
        let cells = cells
            .iter()
            .map(|cell| {
                let end = (column + cell.span).min(table.widths.len());
                let width: f32 = table.widths[column.min(end)..end].iter().sum();
                column = end;
                let inner = (width - 2.0 * pad_x - table.gutter).max(1.0);
                let mut lines: Vec<(String, Style)> =
                    text::lines(&cell.text, cell.style.weight, cell.style.size, inner)
                        .into_iter()
                        .map(|l| (l, cell.style))
                        .collect();
                if let Some((note, style)) = &cell.note {
                    lines.extend(
                        text::lines(note, style.weight, style.size, inner)
                            .into_iter()
                            .map(|l| (l, *style)),
                    );
                }
                let laid = CellLayout {
                    x,
                    width,
                    fill: cell.fill,
                    align: cell.align,
                    lines,
                };
                x += width;
                laid
            })
            .collect();
        RowLayout { cells }
    }

    fn draw_row(&mut self, table: &Table, row: &RowLayout, height: f32, shade: Option<Colour>) {
        let (pad_x, pad_y) = table.padding;
        let top = self.y;
        let half = table.gutter / 2.0;
        if let Some(fill) = shade {
            let width: f32 = table.widths.iter().sum();
            self.rect(LEFT, top, width, height, fill);
        }
        for cell in &row.cells {
            if let Some(fill) = cell.fill {
                self.rect(
                    cell.x + half,
                    top + half,
                    cell.width - table.gutter,
                    height - table.gutter,
                    fill,
                );
            }
            let mut y = top + pad_y;
            for (line, style) in &cell.lines {
                let x = match cell.align {
                    Align::Left => cell.x + half + pad_x,
                    Align::Center => {
                        cell.x + (cell.width - text::width(line, style.weight, style.size)) / 2.0
                    }
                };
                self.text(x, y, line.clone(), *style);
                y += style.line_height();
            }
        }
        if let Some(rule) = table.rule {
            let width: f32 = table.widths.iter().sum();
            self.rect(LEFT, top + height - 0.4, width, 0.4, rule);
        }
        self.y += height;
    }

    /// The header row, on a new page if it and one line of the first row
    /// do not fit here. Whether the rows start at the top of a page.
    fn table_header(&mut self, table: &Table, header: &Option<RowLayout>, first_line: f32) -> bool {
        let height = header.as_ref().map_or(0.0, |h| h.height(table.padding.1));
        self.keep(height + first_line);
        let at_top = self.at_top();
        if let Some(header) = header {
            self.draw_row(table, header, height, None);
        }
        at_top
    }

    pub fn table(&mut self, table: &Table) {
        let header = table.header.as_ref().map(|h| self.layout(table, h));
        let first_line = 2.0 * table.padding.1 + 12.0;
        let mut page_top = self.table_header(table, &header, first_line);
        let mut body_top = self.y;
        for (i, cells) in table.rows.iter().enumerate() {
            let shade = table.zebra.filter(|_| i % 2 == 1);
            let mut row = self.layout(table, cells);
            loop {
                let height = row.height(table.padding.1);
                if height <= self.room() {
                    self.draw_row(table, &row, height, shade);
                    break;
                }
                let fresh = page_top && self.y <= body_top;
                if fresh {
                    // Taller than a page: as many of its lines as fit, the
                    // rest continued on the next.
                    let part = row.split(self.room(), table.padding.1);
                    let part_height = part.height(table.padding.1);
                    self.draw_row(table, &part, part_height, shade);
                    if row.is_empty() {
                        break;
                    }
                }
                // The row (or what is left of it) on the next page, under
                // the header again.
                self.new_page();
                page_top = self.table_header(table, &header, first_line);
                body_top = self.y;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: Style = Style::new(9.0, Weight::Regular, Colour(0, 0, 0));

    fn texts(page: &[Item]) -> Vec<&str> {
        page.iter()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_long_table_repeats_its_header_on_every_page() {
        let table = Table {
            widths: widths(&[Width::Share(1.0), Width::Points(80.0)]),
            header: Some(vec![Cell::new("Name", BODY), Cell::new("Role", BODY)]),
            rows: (0..200)
                .map(|i| {
                    vec![
                        Cell::new(format!("Person {i}"), BODY),
                        Cell::new("Role", BODY),
                    ]
                })
                .collect(),
            zebra: None,
            rule: None,
            padding: (4.0, 3.0),
            gutter: 0.0,
        };
        let mut flow = Flow::new();
        flow.table(&table);
        let pages = flow.finish();
        assert!(pages.len() > 3);
        for page in &pages {
            assert_eq!(texts(page)[..2], ["Name", "Role"]);
            for item in page {
                if let Item::Text { baseline, .. } = item {
                    assert!(*baseline <= PAGE_HEIGHT - BOTTOM, "inside the margin");
                }
            }
        }
        let people = pages
            .iter()
            .flat_map(|p| texts(p))
            .filter(|t| t.starts_with("Person"));
        assert_eq!(people.count(), 200, "every row once");
    }

    #[test]
    fn a_row_taller_than_a_page_continues_on_the_next() {
        let long = "word ".repeat(4000);
        let table = Table {
            widths: widths(&[Width::Share(1.0)]),
            header: Some(vec![Cell::new("Text", BODY)]),
            rows: vec![vec![Cell::new(long.trim(), BODY)]],
            zebra: None,
            rule: None,
            padding: (4.0, 3.0),
            gutter: 0.0,
        };
        let mut flow = Flow::new();
        flow.table(&table);
        let pages = flow.finish();
        assert!(pages.len() >= 2);
        let words: usize = pages
            .iter()
            .flat_map(|p| texts(p))
            .filter(|t| *t != "Text")
            .map(|t| t.split_whitespace().count())
            .sum();
        assert_eq!(words, 4000, "no word lost at the page breaks");
    }
}
