//! .xlsx: the cells streamed sheet by sheet (so a sheet claiming a million
//! rows is stopped at the cap rather than allocated), optionally handed to
//! a consumer on the second core as they are read; the merged regions
//! found without parsing the sheets a second time.

use std::io::{Cursor, Read};
use std::sync::mpsc::{Receiver, Sender};

use calamine::{Reader, SheetType};

use super::super::error::ImportError;
use super::super::grid::{Merge, Pos, Row, Sheet};
use super::{Reading, SheetBuilder, from_data_ref, merge};

/// Merged regions by sheet name.
pub(in crate::import) type MergeMap = rustc_hash::FxHashMap<String, Vec<Merge>>;

/// What an .xlsx reader hands a [`RowConsumer`] while it reads.
pub(in crate::import) enum RowEvent {
    /// The next worksheet begins (every worksheet read is announced).
    Sheet(String),
    /// Rows of that sheet, in the order read.
    Rows(Vec<Row>),
}

/// Takes the rows of an .xlsx on the second core as they are read: given
/// the merged regions (`None` when they could not be found without
/// parsing) and the events, it returns its result and the rows of every
/// sheet announced, in order, as it received them.
pub(in crate::import) type RowConsumer<'a, T> =
    Box<dyn FnOnce(Option<&MergeMap>, Receiver<RowEvent>) -> (T, Vec<Vec<Row>>) + Send + 'a>;

/// Rows handed over at a time.
const CHUNK: usize = 256;

impl<T: Send> Reading<'_, T> {
    /// .xlsx: streamed cell by cell, so a sheet claiming a million rows is
    /// stopped at the cap rather than allocated.
    pub(super) fn xlsx(&mut self, bytes: &[u8]) -> Result<Vec<Sheet>, ImportError> {
        let mut book = match calamine::Xlsx::new(Cursor::new(bytes)) {
            Ok(book) => book,
            Err(calamine::XlsxError::Password) => {
                return Err(ImportError::Encrypted {
                    path: self.path.to_path_buf(),
                });
            }
            Err(e) => return Err(self.corrupt(e)),
        };
        // The merged regions are searched for on the second core while this
        // one streams the cells; a consumer of the rows, if any, runs there
        // too once it has them (they are what it needs first).
        let consume = self.consume.take();
        std::thread::scope(|scope| {
            let (tx, helper) = match consume {
                Some(consume) => {
                    let (tx, rx) = std::sync::mpsc::channel();
                    let helper = scope.spawn(move || {
                        let merges = xlsx_merges(bytes);
                        let consumed = consume(merges.as_ref(), rx);
                        (merges, Some(consumed))
                    });
                    (Some(tx), helper)
                }
                None => (None, scope.spawn(|| (xlsx_merges(bytes), None))),
            };
            let mut read = Vec::new();
            let streamed = self.xlsx_cells(&mut book, tx.as_ref(), &mut read);
            drop(tx);
            let (mut fast_merges, consumed) = helper
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            streamed?;
            if let Some((out, rows)) = consumed {
                // The rows were handed over: they must all come back.
                assert_eq!(rows.len(), read.len(), "a row consumer returns every sheet");
                let in_order = read.iter().all(|(_, sheet)| sheet.sorted);
                for ((_, sheet), rows) in read.iter_mut().zip(rows) {
                    sheet.sheet.rows = rows;
                }
                if in_order {
                    self.consumed = Some(out);
                }
            }
            let mut sheets = Vec::new();
            for (meta, sheet) in read {
                let merges = match fast_merges.as_mut().and_then(|m| m.remove(&meta.name)) {
                    Some(merges) => merges,
                    None => book
                        .merge_cells_by_sheet_name(&meta.name)
                        .map_err(|e| self.corrupt(format!("sheet \"{}\": {e}", meta.name)))?
                        .into_iter()
                        .map(merge)
                        .collect(),
                };
                self.finish(sheet, &meta.visible, merges, &mut sheets);
            }
            Ok(sheets)
        })
    }

    /// Streams the cells of every worksheet into `read`; with `tx`, the
    /// rows go there as they are read (all but each sheet's last, until
    /// the sheet ends), and the builders keep none.
    fn xlsx_cells(
        &mut self,
        book: &mut calamine::Xlsx<Cursor<&[u8]>>,
        tx: Option<&Sender<RowEvent>>,
        read: &mut Vec<(calamine::Sheet, SheetBuilder)>,
    ) -> Result<(), ImportError> {
        for meta in book.sheets_metadata().to_vec() {
            if meta.typ != SheetType::WorkSheet {
                continue;
            }
            if let Some(tx) = tx {
                let _ = tx.send(RowEvent::Sheet(meta.name.clone()));
            }
            let mut sheet = SheetBuilder::new(&meta.name);
            {
                let mut cells = book
                    .worksheet_cells_reader(&meta.name)
                    .map_err(|e| self.corrupt(format!("sheet \"{}\": {e}", meta.name)))?;
                while let Some(cell) = cells
                    .next_cell()
                    .map_err(|e| self.corrupt(format!("sheet \"{}\": {e}", meta.name)))?
                {
                    let (row, col) = cell.get_position();
                    let value = from_data_ref(cell.get_value());
                    self.push(&mut sheet, row, col, value)?;
                    if let Some(tx) = tx
                        && sheet.sheet.rows.len() > CHUNK
                    {
                        // The last row may still get cells.
                        let last = sheet.sheet.rows.split_off(CHUNK);
                        let _ = tx.send(RowEvent::Rows(std::mem::replace(
                            &mut sheet.sheet.rows,
                            last,
                        )));
                    }
                }
            }
            if let Some(tx) = tx
                && !sheet.sheet.rows.is_empty()
            {
                let _ = tx.send(RowEvent::Rows(std::mem::take(&mut sheet.sheet.rows)));
            }
            read.push((meta, sheet));
        }
        Ok(())
    }
}

/// The merged regions of each worksheet of an .xlsx, by sheet name, found
/// without parsing the sheets' XML a second time: each sheet part is
/// inflated and searched for `<mergeCell ref="A1:C1"/>`. `None` when the
/// workbook's parts are not laid out as expected (the caller then asks
/// calamine, which parses).
fn xlsx_merges(bytes: &[u8]) -> Option<rustc_hash::FxHashMap<String, Vec<Merge>>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut entry = |name: &str| -> Option<Vec<u8>> {
        let mut file = zip.by_name(name).ok()?;
        let mut out = Vec::with_capacity(usize::try_from(file.size()).ok()?.min(1 << 28));
        file.read_to_end(&mut out).ok()?;
        Some(out)
    };
    let workbook = entry("xl/workbook.xml")?;
    let rels = entry("xl/_rels/workbook.xml.rels")?;
    let mut targets = rustc_hash::FxHashMap::default();
    for tag in elements(&rels, b"<Relationship ") {
        targets.insert(attribute(tag, b" Id=\"")?, attribute(tag, b" Target=\"")?);
    }
    let mut out = rustc_hash::FxHashMap::default();
    for tag in elements(&workbook, b"<sheet ") {
        let name = unescape(&attribute(tag, b" name=\"")?);
        let id = attribute(tag, b":id=\"")?;
        let target = targets.get(&id)?;
        let path = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("xl/{target}"),
        };
        // A sheet's part can be tens of megabytes: searched as it inflates.
        let sheet = zip.by_name(&path).ok()?;
        let mut merges = Vec::new();
        each_element(sheet, b"<mergeCell ", 1 << 16, |tag| {
            let range = attribute(tag, b" ref=\"")?;
            let (a, b) = range.split_once(':').unwrap_or((&range, &range));
            merges.push(Merge {
                first: Pos::parse(a)?,
                last: Pos::parse(b)?,
            });
            Some(())
        })?;
        out.insert(name, merges);
    }
    Some(out)
}

/// [`elements`] of XML read from `xml` `chunk` bytes at a time, each
/// handed to `found`; `None` when reading fails or `found` says so.
fn each_element(
    mut xml: impl Read,
    open: &[u8],
    chunk: usize,
    mut found: impl FnMut(&[u8]) -> Option<()>,
) -> Option<()> {
    let mut buf: Vec<u8> = Vec::with_capacity(2 * chunk);
    let mut block = vec![0u8; chunk];
    loop {
        let n = xml.read(&mut block).ok()?;
        let end_of_file = n == 0;
        buf.extend_from_slice(&block[..n]);
        let mut from = 0;
        // Where an element cut by the block's end starts: it waits for the next.
        let mut cut = None;
        while let Some(at) = memchr::memmem::find(&buf[from..], open).map(|i| from + i) {
            match memchr::memchr(b'>', &buf[at..]) {
                Some(end) => {
                    found(&buf[at..at + end])?;
                    from = at + end;
                }
                None if end_of_file => {
                    found(&buf[at..])?;
                    from = buf.len();
                }
                None => {
                    cut = Some(at);
                    break;
                }
            }
        }
        if end_of_file {
            return Some(());
        }
        // Else keep what could be the start of `open`.
        let keep = cut.unwrap_or_else(|| from.max(buf.len().saturating_sub(open.len() - 1)));
        buf.drain(..keep);
    }
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
    let at = memchr::memmem::find(tag, key)? + key.len();
    let end = memchr::memchr(b'"', &tag[at..])? + at;
    String::from_utf8(tag[at..end].to_vec()).ok()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::grid::Pos;

    #[test]
    fn elements_cut_by_any_block_end_are_found_whole() {
        let xml = b"<a><mergeCell ref=\"A1:C1\"/><x/><mergeCell ref=\"B2:B9\"/><mergeCells/>\
                    <mergeCell ref=\"D4:E4\"/></a>";
        let whole: Vec<&[u8]> = elements(xml, b"<mergeCell ").collect();
        assert_eq!(whole.len(), 3);
        for chunk in 1..xml.len() + 2 {
            let mut got: Vec<Vec<u8>> = Vec::new();
            each_element(&xml[..], b"<mergeCell ", chunk, |tag| {
                got.push(tag.to_vec());
                Some(())
            })
            .unwrap();
            assert_eq!(got, whole, "read {chunk} bytes at a time");
        }
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
        let merges = xlsx_merges(&bytes).expect("the parts are where Excel puts them");
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
