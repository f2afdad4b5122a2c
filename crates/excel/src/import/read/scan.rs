//! The XML of an .xlsx or .ods, checked before calamine parses it.
//! calamine (through quick-xml) builds each element and each cell's text
//! whole, so a cell of a gigabyte compressed into a few megabytes would be
//! in memory, three times over, before any cap on characters could see it.
//! Here every XML part of the archive is inflated as a stream and lexed —
//! tags, text, comments, CDATA, processing instructions — and no cell (nor
//! anything between two cells) may run past a number of bytes; the finding
//! names the sheet and the cell (for a shared string, the first cell that
//! shows it). An .ods's repeated rows and columns are counted as calamine
//! will spread them, so the caps on rows, columns and cells hold before it
//! does. A part that inflates past the size its archive declares is
//! refused. The same pass finds each .xlsx sheet's merged regions, so no
//! sheet is parsed twice.
//!
//! Lexing, not parsing: entities, namespaces and nesting are calamine's.
//! What cannot be read is left for calamine to report.

use std::io::{Cursor, Read, Seek};

use super::super::grid::{Merge, Pos};
use super::Limits;
use super::gate::{Closing, Gate, Tracked};

/// Merged regions by sheet name.
pub(in crate::import) type MergeMap = rustc_hash::FxHashMap<String, Vec<Merge>>;

/// What the scan stopped at.
#[derive(Debug, PartialEq)]
pub(super) enum Finding {
    /// A cell, or an element of a part, longer than the cap: its sheet and
    /// cell when known, else the part.
    TooLong {
        part: String,
        sheet: Option<String>,
        cell: Option<Pos>,
        /// The shared string's number, when the cell is one.
        shared: Option<u64>,
    },
    /// A part inflating past its declared size.
    Inflates { part: String, declared: u64 },
    /// An .ods sheet holding a value beyond the rows an import reads.
    Rows { sheet: String, row: u32 },
    /// An .ods sheet holding a value beyond the columns an import reads.
    Columns { sheet: String, cell: Pos },
    /// An .ods sheet whose repeated cells spread past the cells an import reads.
    Cells { sheet: String, cell: Pos },
}

/// Bytes inflated at a time.
const BLOCK: usize = 1 << 16;
/// Most bytes of a tag kept to read its attributes.
const TAG_KEPT: usize = 1 << 10;
/// Most bytes of the workbook's list of sheets and its relationships read
/// to name the sheets' parts.
const INDEX_BYTES: u64 = 16 << 20;

/// Checks every XML part of an .xlsx, letting calamine through `gate` as
/// far as it has checked (see `gate`); returns the merged regions of its
/// sheets by name when the sheets' parts could be named. The parts are
/// checked in the order calamine reads them: the others (shared strings,
/// styles, the workbook) first, then the sheets in the workbook's order.
pub(super) fn xlsx(
    bytes: &[u8],
    limits: &Limits,
    gate: &Gate,
) -> Result<Option<MergeMap>, Finding> {
    let closing = Closing(gate);
    let (reader, at) = Tracked::new(bytes);
    let Ok(mut zip) = zip::ZipArchive::new(reader) else {
        closing.done();
        return Ok(None);
    };
    let sheets = sheet_parts(&mut zip);
    let mut parts = Vec::new();
    let mut sheet_parts = Vec::new();
    for i in 0..zip.len() {
        let Some(Ok(name)) = zip.name_for_index(i).map(|n| n.map(|n| n.into_owned())) else {
            continue;
        };
        let sheet = sheets
            .as_ref()
            .and_then(|s| s.iter().position(|(_, p)| *p == name));
        let kind = match sheet {
            Some(k) => {
                let sheet = sheets.as_ref().expect("named")[k].0.clone();
                sheet_parts.push((k, i, name, Kind::Sheet(sheet)));
                continue;
            }
            None if name.ends_with("sharedStrings.xml") => Kind::Shared,
            None if is_xml(&name) => Kind::Other,
            None => continue,
        };
        parts.push((i, name, kind));
    }
    sheet_parts.sort_by_key(|(k, ..)| *k);
    parts.extend(
        sheet_parts
            .into_iter()
            .map(|(_, i, name, kind)| (i, name, kind)),
    );

    // The compressed bytes of every part checked; a part whose bytes
    // cannot be found is left to calamine, which will say why.
    let ranges: Vec<(u64, u64)> = parts
        .iter()
        .map(|(i, ..)| {
            zip.by_index_raw(*i)
                .ok()
                .and_then(|f| Some((f.data_start()?, f.compressed_size())))
                .map(|(start, len)| (start, start.saturating_add(len)))
                .unwrap_or((0, 0))
        })
        .collect();
    let slots = gate.guard(ranges.clone());

    let mut merges = MergeMap::default();
    let mut oversized_shared = None;
    for ((i, name, kind), (slot, range)) in parts.into_iter().zip(slots.into_iter().zip(ranges)) {
        let mut lexer = Lexer::new(kind, limits, None);
        let outcome = lex(&mut zip, i, &name, &mut lexer, &mut || {
            gate.checked(slot, at.get())
        });
        match outcome {
            Ok(()) => {
                if let Kind::Sheet(sheet) = lexer.kind {
                    merges.insert(sheet, lexer.merges);
                }
            }
            Err(Some(Finding::TooLong {
                shared: Some(k), ..
            })) => {
                oversized_shared = Some((name, k));
                break;
            }
            Err(Some(finding)) => return Err(finding),
            // Unread, so its merged regions are asked of calamine.
            Err(None) => {}
        }
        gate.checked(slot, range.1);
    }
    if let Some((part, k)) = oversized_shared {
        // Stop calamine before naming the cell.
        drop(closing);
        return Err(shown_at(
            &mut zip,
            sheets.as_deref().unwrap_or(&[]),
            limits,
            part,
            k,
        ));
    }
    closing.done();
    Ok(sheets.map(|_| merges))
}

/// Checks every XML part of an .ods.
pub(super) fn ods(bytes: &[u8], limits: &Limits) -> Result<(), Finding> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    for i in 0..zip.len() {
        let Some(Ok(name)) = zip.name_for_index(i).map(|n| n.map(|n| n.into_owned())) else {
            continue;
        };
        let kind = match name.as_str() {
            "content.xml" => Kind::Ods(Default::default()),
            n if is_xml(n) => Kind::Other,
            _ => continue,
        };
        let mut lexer = Lexer::new(kind, limits, None);
        if let Err(Some(finding)) = lex(&mut zip, i, &name, &mut lexer, &mut || {}) {
            return Err(finding);
        }
    }
    Ok(())
}

fn is_xml(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".xml") || lower.ends_with(".rels") || lower.ends_with(".vml")
}

/// Feeds part `i` to `lexer`. `Err(None)`: it could not be read (calamine
/// will say why).
/// `checked` is told after each block that passed.
fn lex<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    i: usize,
    name: &str,
    lexer: &mut Lexer,
    checked: &mut dyn FnMut(),
) -> Result<(), Option<Finding>> {
    let mut entry = zip.by_index(i).map_err(|_| None)?;
    let declared = entry.size();
    let mut block = vec![0u8; BLOCK];
    let mut inflated: u64 = 0;
    loop {
        let n = entry.read(&mut block).map_err(|_| None)?;
        if n == 0 {
            return Ok(());
        }
        inflated += n as u64;
        if inflated > declared {
            return Err(Some(Finding::Inflates {
                part: name.to_string(),
                declared,
            }));
        }
        lexer
            .feed(&block[..n])
            .map_err(|found| Some(lexer.finding(name, found)))?;
        checked();
    }
}

/// The first cell of `sheets` that shows shared string `k`, found too long
/// in `part`.
fn shown_at<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    sheets: &[(String, String)],
    limits: &Limits,
    part: String,
    k: u64,
) -> Finding {
    for (sheet, path) in sheets {
        let Some(i) = zip.index_for_name(path) else {
            continue;
        };
        let mut lexer = Lexer::new(Kind::Sheet(sheet.clone()), limits, Some(k));
        if let Err(Some(found)) = lex(zip, i, path, &mut lexer, &mut || {}) {
            return found;
        }
    }
    Finding::TooLong {
        part,
        sheet: None,
        cell: None,
        shared: Some(k),
    }
}

/// The worksheets of an .xlsx by name, with the paths of their parts;
/// `None` when the workbook's parts are not laid out as expected.
pub(super) fn sheet_parts<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
) -> Option<Vec<(String, String)>> {
    let mut entry = |name: &str| -> Option<Vec<u8>> {
        let file = zip.by_name(name).ok()?;
        let mut out = Vec::with_capacity(usize::try_from(file.size().min(INDEX_BYTES)).ok()?);
        file.take(INDEX_BYTES).read_to_end(&mut out).ok()?;
        Some(out)
    };
    let workbook = entry("xl/workbook.xml")?;
    let rels = entry("xl/_rels/workbook.xml.rels")?;
    let mut targets = rustc_hash::FxHashMap::default();
    for tag in elements(&rels, b"<Relationship ") {
        targets.insert(attribute(tag, b" Id=\"")?, attribute(tag, b" Target=\"")?);
    }
    let mut sheets = Vec::new();
    for tag in elements(&workbook, b"<sheet ") {
        let name = unescape(&attribute(tag, b" name=\"")?);
        let target = targets.get(&attribute(tag, b":id=\"")?)?;
        let path = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("xl/{target}"),
        };
        sheets.push((name, path));
    }
    Some(sheets)
}

/// Each element starting with `open` (e.g. `<sheet `), up to its `>`.
fn elements<'a>(xml: &'a [u8], open: &'a [u8]) -> impl Iterator<Item = &'a [u8]> + 'a {
    memchr::memmem::find_iter(xml, open).map(move |at| {
        let rest = &xml[at..];
        let end = memchr::memchr(b'>', rest).unwrap_or(rest.len());
        &rest[..end]
    })
}

/// The value of the attribute introduced by `key` (e.g. ` name="`).
fn attribute(tag: &[u8], key: &[u8]) -> Option<String> {
    attribute_bytes(tag, key).and_then(|v| String::from_utf8(v.to_vec()).ok())
}

fn attribute_bytes<'t>(tag: &'t [u8], key: &[u8]) -> Option<&'t [u8]> {
    let at = memchr::memmem::find(tag, key)? + key.len();
    let end = memchr::memchr(b'"', &tag[at..])? + at;
    Some(&tag[at..end])
}

/// `B7` as a position, without allocating (a sheet has millions).
fn a1(text: &[u8]) -> Option<Pos> {
    let split = text.iter().position(u8::is_ascii_digit)?;
    let (letters, digits) = text.split_at(split);
    let col = letters.iter().try_fold(0u32, |n, b| {
        let letter = u32::from(b.checked_sub(b'A').filter(|l| *l < 26)?);
        n.checked_mul(26)?.checked_add(letter + 1)
    })?;
    let row = digits.iter().try_fold(0u32, |n, b| {
        let digit = u32::from(b.checked_sub(b'0').filter(|d| *d < 10)?);
        n.checked_mul(10)?.checked_add(digit)
    })?;
    Some(Pos::new(row.checked_sub(1)?, col.checked_sub(1)?))
}

/// A number attribute (a row, a repeat count).
fn number(tag: &[u8], key: &[u8]) -> Option<u64> {
    std::str::from_utf8(attribute_bytes(tag, key)?)
        .ok()?
        .parse()
        .ok()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// What a part is, and where its lexer is in it.
enum Kind {
    /// A worksheet of an .xlsx, by its name.
    Sheet(String),
    /// The shared strings of an .xlsx.
    Shared,
    /// The content of an .ods.
    Ods(OdsPlace),
    Other,
}

/// Where in an .ods the lexer is: repeats spread rows and cells.
#[derive(Default)]
struct OdsPlace {
    sheet: String,
    row: u64,
    rows: u64,
    col: u64,
    cols: u64,
    /// Cells with a value, as calamine spreads them.
    cells: u64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Text,
    /// After `<`: not yet known what opens.
    Open,
    /// In a tag, up to its `>`. A `>` inside a quoted value ends it early
    /// here (not in calamine): what follows is then measured as text, so
    /// nothing escapes the count, and quotes need no tracking.
    Tag,
    Comment,
    CData,
    Instruction,
    Declaration,
}

/// Why lexing stopped.
enum Stop {
    TooLong,
    Rows(u32),
    Columns(Pos),
    Cells(Pos),
    /// The cell that shows the shared string watched for.
    Shows(Pos),
}

struct Lexer {
    kind: Kind,
    limit: usize,
    max_rows: u64,
    max_columns: u64,
    max_cells: u64,
    state: State,
    /// Bytes since nothing was open: the end of a cell, or of markup
    /// outside one.
    run: usize,
    in_cell: bool,
    /// The markup since `<`, its first [`TAG_KEPT`] bytes.
    tag: Vec<u8>,
    /// The two bytes before, in a comment, CDATA or instruction.
    last: [u8; 2],
    /// .xlsx: the row and column of the last row and cell met.
    row: Option<u32>,
    col: Option<u32>,
    cell: Option<Pos>,
    /// Shared strings met (.xlsx).
    shared: u64,
    merges: Vec<Merge>,
    /// The shared string looked for, whether the cell is a shared string,
    /// and the text of its value so far.
    watch: Option<u64>,
    shows_shared: bool,
    in_value: bool,
    value: Vec<u8>,
}

impl Lexer {
    fn new(kind: Kind, limits: &Limits, watch: Option<u64>) -> Lexer {
        Lexer {
            kind,
            limit: limits.max_cell_bytes,
            max_rows: u64::from(limits.max_rows),
            max_columns: u64::from(limits.max_columns),
            max_cells: limits.max_cells,
            state: State::Text,
            run: 0,
            in_cell: false,
            tag: Vec::with_capacity(TAG_KEPT),
            last: [0; 2],
            row: None,
            col: None,
            cell: None,
            shared: 0,
            merges: Vec::new(),
            watch,
            shows_shared: false,
            in_value: false,
            value: Vec::new(),
        }
    }

    fn grow(&mut self, n: usize) -> Result<(), Stop> {
        self.run += n;
        if self.run > self.limit {
            return Err(Stop::TooLong);
        }
        Ok(())
    }

    fn keep(&mut self, bytes: &[u8]) {
        if matches!(self.kind, Kind::Other) {
            return;
        }
        let room = TAG_KEPT.saturating_sub(self.tag.len());
        self.tag.extend_from_slice(&bytes[..bytes.len().min(room)]);
    }

    /// Markup ended outside a cell: nothing is open any more.
    fn settle(&mut self) {
        if !self.in_cell {
            self.run = 0;
        }
    }

    fn feed(&mut self, data: &[u8]) -> Result<(), Stop> {
        let mut i = 0;
        while i < data.len() {
            let rest = &data[i..];
            match self.state {
                State::Text => {
                    let k = memchr::memchr(b'<', rest).unwrap_or(rest.len());
                    self.grow(k)?;
                    if self.in_value {
                        let room = 24usize.saturating_sub(self.value.len());
                        self.value.extend_from_slice(&rest[..k.min(room)]);
                    }
                    if k < rest.len() {
                        self.grow(1)?;
                        self.tag.clear();
                        self.state = State::Open;
                    }
                    i += k + 1;
                }
                State::Open => {
                    let b = rest[0];
                    self.tag.push(b);
                    let head = self.tag.as_slice();
                    let next = if head == b"?" {
                        Some(State::Instruction)
                    } else if head == b"!--" {
                        Some(State::Comment)
                    } else if head == b"![CDATA[" {
                        Some(State::CData)
                    } else if head[0] != b'!' {
                        // A tag: its first byte is read again as part of it.
                        self.tag.clear();
                        self.state = State::Tag;
                        continue;
                    } else if !b"!--".starts_with(head) && !b"![CDATA[".starts_with(head) {
                        Some(State::Declaration)
                    } else {
                        None
                    };
                    self.grow(1)?;
                    i += 1;
                    if let Some(next) = next {
                        self.last = [0; 2];
                        self.state = next;
                    }
                }
                State::Tag => {
                    let Some(k) = memchr::memchr(b'>', rest) else {
                        self.grow(rest.len())?;
                        self.keep(rest);
                        i = data.len();
                        continue;
                    };
                    self.grow(k + 1)?;
                    self.keep(&rest[..k]);
                    i += k + 1;
                    self.end_of_tag()?;
                    self.settle();
                    self.state = State::Text;
                }
                State::Comment | State::CData | State::Instruction | State::Declaration => {
                    let Some(k) = memchr::memchr(b'>', rest) else {
                        self.grow(rest.len())?;
                        self.remember(rest);
                        i = data.len();
                        continue;
                    };
                    self.grow(k + 1)?;
                    let before = match k {
                        0 => self.last,
                        1 => [self.last[1], rest[0]],
                        _ => [rest[k - 2], rest[k - 1]],
                    };
                    let ends = match self.state {
                        State::Comment => before == *b"--",
                        State::CData => before == *b"]]",
                        State::Instruction => before[1] == b'?',
                        _ => true,
                    };
                    self.remember(&rest[..=k]);
                    i += k + 1;
                    if ends {
                        self.state = State::Text;
                        self.settle();
                    }
                }
            }
        }
        Ok(())
    }

    fn remember(&mut self, bytes: &[u8]) {
        match bytes {
            [.., a, b] => self.last = [*a, *b],
            [b] => self.last = [self.last[1], *b],
            [] => {}
        }
    }

    /// A tag closed: follow the rows and cells it opens or closes.
    fn end_of_tag(&mut self) -> Result<(), Stop> {
        let tag = std::mem::take(&mut self.tag);
        let closing = tag.first() == Some(&b'/');
        let empty = tag.last() == Some(&b'/');
        let body = if closing { &tag[1..] } else { &tag[..] };
        let name_end = body
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/')
            .unwrap_or(body.len());
        let name = &body[..name_end];
        let result = match self.kind {
            Kind::Sheet(_) => self.sheet_tag(name, &tag, closing, empty),
            Kind::Shared => {
                if name == b"si" && !closing {
                    self.cell = None;
                    self.shared += 1;
                    self.in_cell = !empty;
                } else if name == b"si" {
                    self.in_cell = false;
                }
                Ok(())
            }
            Kind::Ods(_) => self.ods_tag(name, &tag, closing, empty),
            Kind::Other => Ok(()),
        };
        self.tag = tag;
        self.tag.clear();
        result
    }

    fn sheet_tag(
        &mut self,
        name: &[u8],
        tag: &[u8],
        closing: bool,
        empty: bool,
    ) -> Result<(), Stop> {
        match (name, closing) {
            (b"row", false) => {
                let row = number(tag, b" r=\"")
                    .and_then(|r| u32::try_from(r.checked_sub(1)?).ok())
                    .unwrap_or_else(|| self.row.map_or(0, |r| r.saturating_add(1)));
                self.row = Some(row);
                self.col = None;
            }
            (b"c", false) => {
                let at = attribute_bytes(tag, b" r=\"").and_then(a1);
                let pos = at.unwrap_or_else(|| {
                    Pos::new(
                        self.row.unwrap_or(0),
                        self.col.map_or(0, |c| c.saturating_add(1)),
                    )
                });
                self.row = Some(pos.row);
                self.col = Some(pos.col);
                self.cell = Some(pos);
                self.in_cell = !empty;
                self.shows_shared =
                    self.watch.is_some() && attribute_bytes(tag, b" t=\"") == Some(b"s");
            }
            (b"c", true) => self.in_cell = false,
            (b"v", false) if self.shows_shared && !empty => {
                self.in_value = true;
                self.value.clear();
            }
            (b"v", true) if self.in_value => {
                self.in_value = false;
                let shown = std::str::from_utf8(&self.value)
                    .ok()
                    .and_then(|v| v.trim().parse().ok());
                if let (Some(k), Some(cell)) = (shown, self.cell)
                    && Some(k) == self.watch
                {
                    return Err(Stop::Shows(cell));
                }
            }
            (b"mergeCell", false) => {
                if let Some(range) = attribute(tag, b" ref=\"") {
                    let (a, b) = range.split_once(':').unwrap_or((&range, &range));
                    if let (Some(first), Some(last)) = (Pos::parse(a), Pos::parse(b)) {
                        self.merges.push(Merge { first, last });
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn ods_tag(&mut self, name: &[u8], tag: &[u8], closing: bool, empty: bool) -> Result<(), Stop> {
        let Kind::Ods(place) = &mut self.kind else {
            return Ok(());
        };
        match (name, closing) {
            (b"table:table", false) => {
                *place = OdsPlace {
                    sheet: attribute(tag, b" table:name=\"")
                        .map(|n| unescape(&n))
                        .unwrap_or_default(),
                    ..Default::default()
                };
            }
            (b"table:table-row", false) => {
                place.rows = number(tag, b" table:number-rows-repeated=\"")
                    .unwrap_or(1)
                    .max(1);
                place.col = 0;
                if empty {
                    place.row = place.row.saturating_add(place.rows);
                }
            }
            (b"table:table-row", true) => place.row = place.row.saturating_add(place.rows),
            (b"table:table-cell" | b"table:covered-table-cell", false) => {
                place.cols = number(tag, b" table:number-columns-repeated=\"")
                    .unwrap_or(1)
                    .max(1);
                let at = |row: u64, col: u64| {
                    Pos::new(
                        u32::try_from(row).unwrap_or(u32::MAX),
                        u32::try_from(col).unwrap_or(u32::MAX),
                    )
                };
                self.cell = Some(at(place.row, place.col));
                if memchr::memmem::find(tag, b"office:value-type=").is_some() {
                    let last_row = place.row.saturating_add(place.rows - 1);
                    let last_col = place.col.saturating_add(place.cols - 1);
                    if last_row >= self.max_rows {
                        return Err(Stop::Rows(u32::try_from(last_row).unwrap_or(u32::MAX)));
                    }
                    if last_col >= self.max_columns {
                        return Err(Stop::Columns(at(place.row, last_col)));
                    }
                    place.cells = place
                        .cells
                        .saturating_add(place.rows.saturating_mul(place.cols));
                    if place.cells > self.max_cells {
                        return Err(Stop::Cells(at(last_row, last_col)));
                    }
                }
                if empty {
                    place.col = place.col.saturating_add(place.cols);
                } else {
                    self.in_cell = true;
                }
            }
            (b"table:table-cell" | b"table:covered-table-cell", true) => {
                self.in_cell = false;
                place.col = place.col.saturating_add(place.cols);
            }
            _ => {}
        }
        Ok(())
    }

    /// What stopping at `stop` in `part` means.
    fn finding(&self, part: &str, stop: Stop) -> Finding {
        let sheet = || match &self.kind {
            Kind::Sheet(name) => Some(name.clone()),
            Kind::Ods(place) => Some(place.sheet.clone()),
            Kind::Shared | Kind::Other => None,
        };
        match stop {
            Stop::TooLong => Finding::TooLong {
                part: part.to_string(),
                sheet: sheet(),
                cell: match self.kind {
                    Kind::Sheet(_) | Kind::Ods(_) => self.cell,
                    _ => None,
                },
                shared: match self.kind {
                    Kind::Shared if self.in_cell => Some(self.shared - 1),
                    _ => None,
                },
            },
            Stop::Shows(cell) => Finding::TooLong {
                part: part.to_string(),
                sheet: sheet(),
                cell: Some(cell),
                shared: self.watch,
            },
            Stop::Rows(row) => Finding::Rows {
                sheet: sheet().unwrap_or_default(),
                row,
            },
            Stop::Columns(cell) => Finding::Columns {
                sheet: sheet().unwrap_or_default(),
                cell,
            },
            Stop::Cells(cell) => Finding::Cells {
                sheet: sheet().unwrap_or_default(),
                cell,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex_all(kind: Kind, xml: &[u8], limit: usize, chunk: usize) -> (Lexer, Result<(), ()>) {
        let limits = Limits {
            max_cell_bytes: limit,
            ..Limits::default()
        };
        let mut lexer = Lexer::new(kind, &limits, None);
        let mut result = Ok(());
        for block in xml.chunks(chunk) {
            if lexer.feed(block).is_err() {
                result = Err(());
                break;
            }
        }
        (lexer, result)
    }

    #[test]
    fn cells_and_markup_are_measured_whatever_the_blocks() {
        let long = "x".repeat(300);
        let sheet = format!(
            "<?xml version=\"1.0\"?><worksheet><sheetData><row r=\"3\"><c r=\"B3\" t=\"inlineStr\">\
             <is><t>short</t></is></c><c t=\"inlineStr\"><is><t a=\"x>y\">{long}</t></is></c></row>\
             </sheetData><mergeCells><mergeCell ref=\"A1:C1\"/></mergeCells></worksheet>"
        );
        for chunk in [1, 2, 3, 7, 64, 1 << 16] {
            let (lexer, ok) = lex_all(Kind::Sheet("S".into()), sheet.as_bytes(), 1000, chunk);
            assert!(ok.is_ok(), "{chunk}");
            assert_eq!(lexer.merges.len(), 1);
            let (lexer, stopped) = lex_all(Kind::Sheet("S".into()), sheet.as_bytes(), 200, chunk);
            assert!(stopped.is_err(), "{chunk}");
            assert_eq!(lexer.cell, Some(Pos::new(2, 2)), "C3, after B3");
        }
        for hidden in [
            format!("<a><!-- <b> {long} --></a>"),
            format!("<a><![CDATA[<b>{long}]]></a>"),
            format!("<a><?pi {long} ?></a>"),
            format!("<a b=\"{long}\"/>"),
        ] {
            for chunk in [1, 5, 1 << 16] {
                let (_, stopped) = lex_all(Kind::Other, hidden.as_bytes(), 200, chunk);
                assert!(stopped.is_err(), "{hidden:.20} by {chunk}");
                let (_, ok) = lex_all(Kind::Other, hidden.as_bytes(), 400, chunk);
                assert!(ok.is_ok(), "{hidden:.20} by {chunk}");
            }
        }
    }

    #[test]
    fn open_document_repeats_are_counted_as_calamine_spreads_them() {
        let xml = "<table:table table:name=\"Register\"><table:table-row table:number-rows-repeated=\"4\">\
                   <table:table-cell/></table:table-row><table:table-row><table:table-cell \
                   table:number-columns-repeated=\"3\"/><table:table-cell office:value-type=\"string\">\
                   <text:p>x</text:p></table:table-cell></table:table-row></table:table>";
        let (lexer, ok) = lex_all(Kind::Ods(OdsPlace::default()), xml.as_bytes(), 1000, 7);
        assert!(ok.is_ok());
        assert_eq!(lexer.cell, Some(Pos::new(4, 3)), "D5");
        let wide = xml.replace(
            "office:value-type",
            "table:number-columns-repeated=\"20000\" office:value-type",
        );
        let limits = Limits::default();
        let mut lexer = Lexer::new(Kind::Ods(OdsPlace::default()), &limits, None);
        let stop = lexer.feed(wide.as_bytes()).expect_err("too wide");
        assert_eq!(
            lexer.finding("content.xml", stop),
            Finding::Columns {
                sheet: "Register".into(),
                cell: Pos::new(4, 20_002)
            }
        );
    }

    #[test]
    fn merged_regions_are_found_without_a_second_parse() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let bold = rust_xlsxwriter::Format::new().set_bold();
        let sheet = book.add_worksheet();
        sheet.set_name("R&D <plan>").unwrap();
        sheet.merge_range(0, 1, 0, 3, "Financial", &bold).unwrap();
        book.add_worksheet().set_name("Other").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let gate = Gate::default();
        let merges = xlsx(&bytes, &Limits::default(), &gate)
            .unwrap()
            .expect("the parts are where Excel puts them");
        assert_eq!(
            merges["R&D <plan>"],
            vec![Merge {
                first: Pos::new(0, 1),
                last: Pos::new(0, 3)
            }]
        );
        assert_eq!(merges["Other"], vec![]);
    }
}
