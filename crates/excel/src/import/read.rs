//! Readers: any spreadsheet file into a [`Workbook`]. The content decides
//! the format, not the extension (a mismatch is reported and read anyway):
//! a ZIP holding `xl/workbook.xml` is .xlsx/.xlsm, `xl/workbook.bin` .xlsb,
//! `content.xml` .ods; an OLE compound file is .xls (or, holding an
//! `EncryptedPackage`, a password-protected workbook); text is CSV, decoded
//! from UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252.
//!
//! Formulas are read by the values Excel cached. Caps ([`Limits`]) stop a
//! zip bomb or a runaway sheet before memory does: the file size, the
//! declared uncompressed size of the archive, the XML of one cell (checked
//! in `scan` before calamine builds it), the rows, columns and cells read.
//! Error cells and over-long cells become issues with their address.
//!
//! Does not guess where the table is or what columns mean: see `table`.

use std::io::{Cursor, Read, Seek};
use std::path::Path;

use calamine::{Data, DataRef, Reader, SheetType, SheetVisible};

use super::error::ImportError;

mod gate;
mod guard;
mod ole;
mod scan;
mod xlsx;

use super::grid::{Format, Issue, Level, Merge, Pos, Row, Sheet, Value, Workbook};
pub(super) use scan::MergeMap;
pub(super) use xlsx::{RowConsumer, RowEvent};

/// How much an import agrees to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Size of the file on disk.
    pub max_file_bytes: u64,
    /// Sum of the uncompressed sizes an archive (.xlsx, .ods) declares.
    pub max_uncompressed_bytes: u64,
    /// Filled cells in the whole workbook.
    pub max_cells: u64,
    /// Last row (1-based) of any sheet that may hold data.
    pub max_rows: u32,
    /// Last column (1-based) of any sheet that may hold data.
    pub max_columns: u32,
    /// Characters in one cell (Excel's own limit is 32,767); a longer cell
    /// is left out, with an issue.
    pub max_cell_chars: usize,
    /// Bytes of one cell's XML in an .xlsx or .ods (or of any element of
    /// its parts), checked before the cell is built: past it the import
    /// stops, as no spreadsheet program writes such a cell.
    pub max_cell_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: 100 << 20,
            max_uncompressed_bytes: 1 << 30,
            max_cells: 5_000_000,
            max_rows: 200_000,
            max_columns: 16_384,
            max_cell_chars: 32_767,
            // 32 times what Excel's longest cell takes as plain text.
            max_cell_bytes: 1 << 20,
        }
    }
}

/// Reads a spreadsheet file of any supported format.
pub fn read_workbook(path: &Path, limits: &Limits) -> Result<Workbook, ImportError> {
    read::<()>(path, limits, None).map(|(workbook, _)| workbook)
}

/// [`read_workbook`], handing the rows of an .xlsx to `consume` while
/// they are read. The consumer's result comes back when the file was an
/// .xlsx and every sheet's rows came in order; otherwise it is `None`.
pub(super) fn read_streaming<'a, T: Send>(
    path: &'a Path,
    limits: &'a Limits,
    consume: RowConsumer<'a, T>,
) -> Result<(Workbook, Option<T>), ImportError> {
    read(path, limits, Some(consume))
}

fn read<'a, T: Send>(
    path: &'a Path,
    limits: &'a Limits,
    consume: Option<RowConsumer<'a, T>>,
) -> Result<(Workbook, Option<T>), ImportError> {
    let io = |source: std::io::Error| match source.kind() {
        std::io::ErrorKind::NotFound => ImportError::NotFound {
            path: path.to_path_buf(),
        },
        _ => ImportError::Io {
            path: path.to_path_buf(),
            source,
        },
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(not_spreadsheet(path, "it is a folder"));
    }
    if !meta.is_file() {
        // Reading a pipe would wait forever.
        return Err(not_spreadsheet(
            path,
            "it is a special file (a pipe or a device)",
        ));
    }
    if meta.len() > limits.max_file_bytes {
        return Err(ImportError::TooLarge {
            path: path.to_path_buf(),
            what: "the file",
            size: meta.len(),
            limit: limits.max_file_bytes,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let mut reader = Reading {
        path,
        limits,
        cells: 0,
        issues: Vec::new(),
        consume,
        consumed: None,
    };
    let (format, sheets) = if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        reader.zip(&bytes)?
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        (Format::Xls, reader.ole(&bytes)?)
    } else if let Some(what) = binary_kind(&bytes) {
        return Err(not_spreadsheet(path, what));
    } else {
        (Format::Csv, vec![reader.csv(&bytes)?])
    };
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !format.has_extension(&ext) {
        let named = if ext.is_empty() {
            "has no extension".to_string()
        } else {
            format!("is named .{ext}")
        };
        reader.issues.insert(
            0,
            Issue::file(
                Level::Warning,
                format!(
                    "The file {named} but is {}; it was read as such.",
                    format.label()
                ),
            ),
        );
    }
    if sheets.iter().all(|s| s.rows.is_empty()) {
        // Say why when cells were there but left out (too long, say).
        let left_out = reader
            .issues
            .iter()
            .find(|i| i.level == Level::Error)
            .map(|i| format!("; {i}"))
            .unwrap_or_default();
        return Err(ImportError::Empty {
            path: path.to_path_buf(),
            left_out,
        });
    }
    Ok((
        Workbook {
            file: file_name(path),
            format,
            sheets,
            issues: reader.issues,
        },
        reader.consumed,
    ))
}

/// The name of a file without its folder.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn not_spreadsheet(path: &Path, what: &str) -> ImportError {
    ImportError::NotASpreadsheet {
        path: path.to_path_buf(),
        what: what.to_string(),
    }
}

/// Names common binary files that are not spreadsheets; `None` for text.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    let known: [(&[u8], &str); 7] = [
        (b"%PDF", "it is a PDF document"),
        (b"\x89PNG", "it is a PNG image"),
        (b"\xFF\xD8\xFF", "it is a JPEG image"),
        (b"GIF8", "it is a GIF image"),
        (b"SQLite format 3\0", "it is a SQLite database"),
        (b"\x1F\x8B", "it is a gzip archive"),
        (b"7z\xBC\xAF", "it is a 7-Zip archive"),
    ];
    for (magic, what) in known {
        if bytes.starts_with(magic) {
            return Some(what);
        }
    }
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let head = &bytes[..bytes.len().min(8192)];
    if !utf16 && head.contains(&0) {
        return Some("it is a binary file, not text");
    }
    None
}

struct Reading<'a, T> {
    path: &'a Path,
    limits: &'a Limits,
    cells: u64,
    issues: Vec<Issue>,
    /// Who takes the rows while they are read (.xlsx only), and its result.
    consume: Option<RowConsumer<'a, T>>,
    consumed: Option<T>,
}

impl<T: Send> Reading<'_, T> {
    fn encrypted(&self) -> ImportError {
        ImportError::Encrypted {
            path: self.path.to_path_buf(),
        }
    }

    fn corrupt(&self, reason: impl std::fmt::Display) -> ImportError {
        ImportError::Corrupt {
            path: self.path.to_path_buf(),
            reason: reason.to_string(),
        }
    }

    /// What the scan of an archive's XML stopped at, as an error.
    fn found(&self, finding: scan::Finding) -> ImportError {
        let path = self.path.to_path_buf();
        match finding {
            scan::Finding::TooLong {
                part,
                sheet,
                cell,
                shared,
            } => {
                let at = match (&sheet, cell, shared) {
                    (Some(sheet), Some(cell), _) => {
                        format!("sheet \"{sheet}\", cell {}", cell.a1())
                    }
                    (_, _, Some(k)) => format!("shared string {} (no cell shows it)", k + 1),
                    _ => format!("its part {part}"),
                };
                ImportError::CellTooLarge {
                    path,
                    sheet,
                    cell: cell.map(Pos::a1),
                    at,
                    limit: self.limits.max_cell_bytes,
                }
            }
            scan::Finding::Inflates { part, declared } => ImportError::Corrupt {
                path,
                reason: format!(
                    "its part {part} inflates past the {declared} bytes it declares; this may be \
                     a zip bomb"
                ),
            },
            scan::Finding::Rows { sheet, row } => ImportError::TooManyRows {
                path,
                sheet,
                row: u64::from(row) + 1,
                limit: self.limits.max_rows,
            },
            scan::Finding::Columns { sheet, cell } => ImportError::TooManyColumns {
                path,
                sheet,
                cell: cell.a1(),
                limit: self.limits.max_columns,
            },
            scan::Finding::Cells { sheet, cell } => ImportError::TooManyCells {
                path,
                sheet,
                cell: cell.a1(),
                limit: self.limits.max_cells,
            },
        }
    }

    /// An archive: check what it declares before anything is inflated.
    fn zip(&mut self, bytes: &[u8]) -> Result<(Format, Vec<Sheet>), ImportError> {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| self.corrupt(e))?;
        let mut total: u64 = 0;
        let mut format = None;
        for i in 0..archive.len() {
            let entry = archive.by_index_raw(i).map_err(|e| self.corrupt(e))?;
            if entry.encrypted() {
                return Err(ImportError::Encrypted {
                    path: self.path.to_path_buf(),
                });
            }
            total = total.saturating_add(entry.size());
            let name = entry.name().map_err(|e| self.corrupt(e))?;
            match name.as_ref() {
                "xl/workbook.xml" => format = Some(Format::Xlsx),
                "xl/workbook.bin" => format = Some(Format::Xlsb),
                "content.xml" if format.is_none() => format = Some(Format::Ods),
                _ => {}
            }
        }
        if total > self.limits.max_uncompressed_bytes {
            return Err(ImportError::TooLarge {
                path: self.path.to_path_buf(),
                what: "its content, uncompressed,",
                size: total,
                limit: self.limits.max_uncompressed_bytes,
            });
        }
        let Some(format) = format else {
            let what = if archive.index_for_name("word/document.xml").is_some() {
                "it is a Word document"
            } else if archive.index_for_name("ppt/presentation.xml").is_some() {
                "it is a PowerPoint presentation"
            } else {
                "it is a ZIP archive that holds no workbook"
            };
            return Err(not_spreadsheet(self.path, what));
        };
        let sheets = match format {
            Format::Xlsx => self.xlsx(bytes)?,
            Format::Xlsb => self.whole_book(
                || calamine::Xlsb::new(Cursor::new(bytes)),
                |e| matches!(e, calamine::XlsbError::Password),
                |_, _| Vec::new(),
            )?,
            _ => {
                scan::ods(bytes, self.limits).map_err(|f| self.found(f))?;
                self.whole_book(
                    || calamine::Ods::new(Cursor::new(bytes)),
                    |e| matches!(e, calamine::OdsError::Password),
                    |_, _| Vec::new(),
                )?
            }
        };
        Ok((format, sheets))
    }

    /// An OLE compound file: an .xls, or an encrypted Office document.
    fn ole(&mut self, bytes: &[u8]) -> Result<Vec<Sheet>, ImportError> {
        let marker: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        if bytes.windows(marker.len()).any(|w| w == marker.as_slice()) {
            return Err(ImportError::Encrypted {
                path: self.path.to_path_buf(),
            });
        }
        ole::check(bytes).map_err(|reason| self.corrupt(reason))?;
        self.whole_book(
            || calamine::Xls::new(Cursor::new(bytes)),
            |e| matches!(e, calamine::XlsError::Password),
            |book: &mut calamine::Xls<_>, name| {
                book.merge_cells_by_sheet_name(name)
                    .unwrap_or_default()
                    .into_iter()
                    .map(merge)
                    .collect()
            },
        )
    }

    /// A book calamine reads whole (.xls, .xlsb, .ods): opened (a password
    /// named as such), its sheets read; a panic of calamine's on content it
    /// did not expect is reported as the file's damage (see `guard`).
    fn whole_book<RS, B, E>(
        &mut self,
        open: impl FnOnce() -> Result<B, E>,
        is_password: impl Fn(&E) -> bool,
        merges_of: impl Fn(&mut B, &str) -> Vec<Merge>,
    ) -> Result<Vec<Sheet>, ImportError>
    where
        RS: Read + Seek,
        B: Reader<RS>,
        B::Error: std::fmt::Display,
        E: std::fmt::Display,
    {
        guard::catching(|| {
            let mut book = open().map_err(|e| {
                if is_password(&e) {
                    self.encrypted()
                } else {
                    self.corrupt(e)
                }
            })?;
            self.ranges(&mut book, merges_of)
        })
        .unwrap_or_else(|panic| {
            Err(self.corrupt(format!(
                "the reader stopped on content it could not make sense of: {panic}"
            )))
        })
    }

    /// Formats calamine reads whole: .xls, .xlsb, .ods.
    fn ranges<RS, B>(
        &mut self,
        book: &mut B,
        merges_of: impl Fn(&mut B, &str) -> Vec<Merge>,
    ) -> Result<Vec<Sheet>, ImportError>
    where
        RS: Read + Seek,
        B: Reader<RS>,
        B::Error: std::fmt::Display,
    {
        let mut sheets = Vec::new();
        for meta in book.sheets_metadata().to_vec() {
            if meta.typ != SheetType::WorkSheet {
                continue;
            }
            let range = book
                .worksheet_range(&meta.name)
                .map_err(|e| self.corrupt(format!("sheet \"{}\": {e}", meta.name)))?;
            let (r0, c0) = range.start().unwrap_or((0, 0));
            let mut sheet = SheetBuilder::new(&meta.name);
            for (r, c, data) in range.used_cells() {
                let value = from_data(data);
                self.push(&mut sheet, r0 + r as u32, c0 + c as u32, value)?;
            }
            let merges = merges_of(book, &meta.name);
            self.finish(sheet, &meta.visible, merges, &mut sheets);
        }
        Ok(sheets)
    }

    fn finish(
        &mut self,
        mut sheet: SheetBuilder,
        visible: &SheetVisible,
        merges: Vec<Merge>,
        sheets: &mut Vec<Sheet>,
    ) {
        if *visible != SheetVisible::Visible && !sheet.sheet.rows.is_empty() {
            self.issues.push(Issue::sheet(
                Level::Info,
                &sheet.sheet.name,
                "The sheet is hidden in the workbook; it was read all the same.",
            ));
        }
        sheet.sheet.merges = merges;
        sheets.push(sheet.done());
    }

    /// Text: decode, find the delimiter, split.
    fn csv(&mut self, bytes: &[u8]) -> Result<Sheet, ImportError> {
        let (text, encoding) = decode_text(bytes);
        if encoding != "UTF-8" {
            self.issues.push(Issue::file(
                Level::Info,
                format!("The text was read as {encoding}."),
            ));
        }
        let delimiter = sniff_delimiter(&text);
        let name = self
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "CSV".into());
        let mut sheet = SheetBuilder::new(&name);
        let mut rows = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let mut record = csv::StringRecord::new();
        let mut row: u32 = 0;
        loop {
            match rows.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => {
                    let line = e.position().map(|p| p.line()).unwrap_or(u64::from(row) + 1);
                    return Err(self.corrupt(format!("line {line}: {e}")));
                }
            }
            for (col, field) in record.iter().enumerate() {
                if !field.trim().is_empty() {
                    let col = u32::try_from(col).unwrap_or(u32::MAX);
                    self.push(&mut sheet, row, col, Some(Value::Text(field.to_string())))?;
                }
            }
            row = row.saturating_add(1);
        }
        Ok(sheet.done())
    }

    /// Adds one cell, enforcing the caps and reporting error and over-long cells.
    fn push(
        &mut self,
        sheet: &mut SheetBuilder,
        row: u32,
        col: u32,
        value: Option<Value>,
    ) -> Result<(), ImportError> {
        let Some(value) = value else { return Ok(()) };
        let pos = Pos::new(row, col);
        if row >= self.limits.max_rows {
            return Err(ImportError::TooManyRows {
                path: self.path.to_path_buf(),
                sheet: sheet.sheet.name.clone(),
                row: u64::from(row) + 1,
                limit: self.limits.max_rows,
            });
        }
        if col >= self.limits.max_columns {
            return Err(ImportError::TooManyColumns {
                path: self.path.to_path_buf(),
                sheet: sheet.sheet.name.clone(),
                cell: pos.a1(),
                limit: self.limits.max_columns,
            });
        }
        self.cells += 1;
        if self.cells > self.limits.max_cells {
            return Err(ImportError::TooManyCells {
                path: self.path.to_path_buf(),
                sheet: sheet.sheet.name.clone(),
                cell: pos.a1(),
                limit: self.limits.max_cells,
            });
        }
        let value = match value {
            Value::Text(t)
                if t.len() > self.limits.max_cell_chars
                    && t.chars().count() > self.limits.max_cell_chars =>
            {
                self.issues.push(Issue::at(
                    Level::Error,
                    &sheet.sheet.name,
                    pos,
                    format!(
                        "The cell holds {} characters, more than the {} a cell may hold; it was \
                         left out.",
                        t.chars().count(),
                        self.limits.max_cell_chars
                    ),
                ));
                return Ok(());
            }
            Value::Error(e) => {
                self.issues.push(Issue::at(
                    Level::Warning,
                    &sheet.sheet.name,
                    pos,
                    format!("The cell shows the error {e}; it is read as empty."),
                ));
                Value::Error(e)
            }
            v => v,
        };
        sheet.push(row, col, value);
        Ok(())
    }
}

fn merge(d: calamine::Dimensions) -> Merge {
    Merge {
        first: Pos::new(d.start.0, d.start.1),
        last: Pos::new(d.end.0, d.end.1),
    }
}

/// Collects cells into rows, in order.
struct SheetBuilder {
    sheet: Sheet,
    sorted: bool,
}

impl SheetBuilder {
    fn new(name: &str) -> SheetBuilder {
        SheetBuilder {
            sheet: Sheet {
                name: name.to_string(),
                ..Sheet::default()
            },
            sorted: true,
        }
    }

    fn push(&mut self, row: u32, col: u32, value: Value) {
        match self.sheet.rows.last_mut() {
            Some(last) if last.index == row => {
                if last.cells.last().is_some_and(|(c, _)| *c >= col) {
                    self.sorted = false;
                }
                last.cells.push((col, value));
            }
            last => {
                if last.as_ref().is_some_and(|l| l.index > row) {
                    self.sorted = false;
                }
                // Rows of a table are about as wide as the one above: room
                // for as many cells, so a row is neither grown cell by cell
                // nor left twice the size it needs.
                let mut cells = Vec::with_capacity(last.map_or(1, |l| l.cells.len()).max(1));
                cells.push((col, value));
                self.sheet.rows.push(Row { index: row, cells });
            }
        }
    }

    fn done(mut self) -> Sheet {
        if !self.sorted {
            let mut cells: Vec<(u32, u32, Value)> = self
                .sheet
                .rows
                .drain(..)
                .flat_map(|r| r.cells.into_iter().map(move |(c, v)| (r.index, c, v)))
                .collect();
            cells.sort_by_key(|(r, c, _)| (*r, *c));
            cells.dedup_by_key(|(r, c, _)| (*r, *c));
            let mut again = SheetBuilder::new(&self.sheet.name);
            for (r, c, v) in cells {
                again.push(r, c, v);
            }
            self.sheet.rows = again.sheet.rows;
        }
        self.sheet
    }
}

fn text(s: &str) -> Option<Value> {
    if s.trim().is_empty() {
        None
    } else {
        Some(Value::Text(s.to_string()))
    }
}

fn from_data_ref(d: &DataRef<'_>) -> Option<Value> {
    match d {
        DataRef::Int(i) => Some(Value::Number(*i as f64)),
        DataRef::Float(f) => Some(Value::Number(*f)),
        DataRef::String(s) => text(s),
        DataRef::SharedString(s) => text(s),
        DataRef::Bool(b) => Some(Value::Bool(*b)),
        DataRef::DateTime(dt) => Some(Value::Time {
            days: dt.as_f64(),
            elapsed: dt.is_duration(),
        }),
        DataRef::DateTimeIso(s) => text(s),
        DataRef::DurationIso(s) => Some(iso_duration(s)),
        DataRef::Error(e) => Some(Value::Error(e.to_string())),
        DataRef::Empty => None,
    }
}

fn from_data(d: &Data) -> Option<Value> {
    match d {
        Data::Int(i) => Some(Value::Number(*i as f64)),
        Data::Float(f) => Some(Value::Number(*f)),
        Data::String(s) => text(s),
        Data::Bool(b) => Some(Value::Bool(*b)),
        Data::DateTime(dt) => Some(Value::Time {
            days: dt.as_f64(),
            elapsed: dt.is_duration(),
        }),
        Data::DateTimeIso(s) => text(s),
        Data::DurationIso(s) => Some(iso_duration(s)),
        Data::Error(e) => Some(Value::Error(e.to_string())),
        Data::Empty => None,
    }
}

/// An OpenDocument time value (`PT04H30M00S`) as an elapsed time; other
/// text is kept as it is.
fn iso_duration(s: &str) -> Value {
    let Some(rest) = s.strip_prefix("PT").or_else(|| s.strip_prefix("-PT")) else {
        return Value::Text(s.to_string());
    };
    let mut seconds = 0.0;
    let mut number = String::new();
    for c in rest.chars() {
        match c {
            '0'..='9' | '.' => number.push(c),
            'H' | 'M' | 'S' => {
                let n: f64 = match number.parse() {
                    Ok(n) => n,
                    Err(_) => return Value::Text(s.to_string()),
                };
                seconds += n * match c {
                    'H' => 3600.0,
                    'M' => 60.0,
                    _ => 1.0,
                };
                number.clear();
            }
            _ => return Value::Text(s.to_string()),
        }
    }
    Value::Time {
        days: seconds / 86_400.0,
        elapsed: true,
    }
}

/// Decodes text: a BOM decides; otherwise valid UTF-8 is UTF-8 and
/// anything else is Windows-1252 (what Excel writes on Western Windows).
/// Returns the text and the encoding's name.
pub fn decode_text(bytes: &[u8]) -> (String, &'static str) {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        let name = if encoding == encoding_rs::UTF_8 {
            "UTF-8"
        } else {
            encoding.name()
        };
        return (text.into_owned(), name);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), "UTF-8"),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text.into_owned(), "Windows-1252")
        }
    }
}

/// The delimiter that splits the first lines most consistently into more
/// than one field: comma, semicolon (Excel in much of Europe) or tab.
fn sniff_delimiter(text: &str) -> u8 {
    let sample: String = text.lines().take(50).collect::<Vec<_>>().join("\n");
    let mut best = (b',', 0usize);
    for delimiter in [b',', b';', b'\t'] {
        let mut rows = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(sample.as_bytes());
        let widths: Vec<usize> = rows
            .records()
            .map_while(Result::ok)
            .map(|r| r.len())
            .collect();
        let mut counts = rustc_hash::FxHashMap::default();
        for w in widths.iter().filter(|w| **w > 1) {
            *counts.entry(*w).or_insert(0usize) += 1;
        }
        // Lines agreeing on one width, weighted by that width.
        let score = counts.iter().map(|(w, n)| w * n).max().unwrap_or(0);
        if score > best.1 {
            best = (delimiter, score);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_encodings_are_detected() {
        assert_eq!(decode_text(b"a,b\n"), ("a,b\n".into(), "UTF-8"));
        assert_eq!(
            decode_text(b"\xEF\xBB\xBFCaf\xC3\xA9"),
            ("Café".into(), "UTF-8")
        );
        assert_eq!(
            decode_text(b"Caf\xE9 \x96 \x80"),
            ("Café – €".into(), "Windows-1252")
        );
        assert_eq!(
            decode_text(b"\xFF\xFEa\x00,\x00b\x00"),
            ("a,b".into(), "UTF-16LE")
        );
    }

    #[test]
    fn the_delimiter_is_the_one_that_splits_consistently() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(
            sniff_delimiter("Process;RTO\nPayroll;4,5\nBilling;8\n"),
            b';'
        );
        assert_eq!(sniff_delimiter("a\tb\n1\t2\n"), b'\t');
        assert_eq!(sniff_delimiter("just one column\n"), b',');
    }

    #[test]
    fn open_document_times_are_elapsed_times() {
        assert_eq!(
            iso_duration("PT04H30M00S"),
            Value::Time {
                days: 4.5 / 24.0,
                elapsed: true
            }
        );
        assert_eq!(iso_duration("soon"), Value::Text("soon".into()));
    }

    #[test]
    fn a1_references_parse_back() {
        for (row, col) in [(0, 0), (6, 1), (0, 25), (0, 26), (1_048_575, 16_383)] {
            assert_eq!(
                Pos::parse(&Pos::new(row, col).a1()),
                Some(Pos::new(row, col))
            );
        }
        assert_eq!(Pos::parse("$C$3"), Some(Pos::new(2, 2)));
        assert_eq!(Pos::parse("3C"), None);
        assert_eq!(Pos::parse("C0"), None);
    }

    #[test]
    fn binary_files_are_named() {
        assert_eq!(binary_kind(b"%PDF-1.7"), Some("it is a PDF document"));
        assert_eq!(binary_kind(b"Process,RTO\n"), None);
        assert_eq!(
            binary_kind(b"\x00\x01\x02"),
            Some("it is a binary file, not text")
        );
    }
}
