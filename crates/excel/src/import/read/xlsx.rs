//! .xlsx: the cells streamed sheet by sheet (so a sheet claiming a million
//! rows is stopped at the cap rather than allocated), optionally handed to
//! a consumer on the second core as they are read; the XML checked by the
//! scan (`scan`) on the second core, calamine reading only what it has
//! checked (`gate`); the scan finds the merged regions on the way, so no
//! sheet is parsed twice.

use std::sync::mpsc::{Receiver, Sender};

use calamine::{Reader, SheetType};

use super::super::error::ImportError;
use super::super::grid::{Row, Sheet};
use super::gate::{Gate, Gated};
use super::scan::MergeMap;
use super::{Reading, SheetBuilder, from_data_ref, merge, scan};

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
        // The scan checks the XML on the second core, letting calamine read
        // only what it has checked (`gate`), then hands the merged regions
        // it found to the consumer of the rows, if any, which takes them
        // there while this core streams the cells.
        let gate = Gate::default();
        let limits = self.limits;
        let consume = self.consume.take();
        let (streamed, (scanned, consumed)) = std::thread::scope(|scope| {
            let (tx, rx) = match consume {
                Some(_) => {
                    let (tx, rx) = std::sync::mpsc::channel();
                    (Some(tx), Some(rx))
                }
                None => (None, None),
            };
            let gate = &gate;
            let helper = scope.spawn(move || {
                let scanned = scan::xlsx(bytes, limits, gate);
                let consumed = match (consume, rx, &scanned) {
                    (Some(consume), Some(rx), Ok(merges)) => Some(consume(merges.as_ref(), rx)),
                    _ => None,
                };
                (scanned, consumed)
            });
            let mut read = Vec::new();
            let streamed = self
                .xlsx_book(bytes, gate, tx.as_ref(), &mut read)
                .map(|book| (book, read));
            drop(tx);
            let helped = helper
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (streamed, helped)
        });
        // What the scan found comes first: calamine was stopped by it.
        let mut fast_merges = scanned.map_err(|f| self.found(f))?;
        let (mut book, read) = streamed?;
        let mut read = read;
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
    }

    /// Opens the book through the gate and streams its cells (see
    /// [`Reading::xlsx_cells`]).
    fn xlsx_book<'b>(
        &mut self,
        bytes: &'b [u8],
        gate: &'b Gate,
        tx: Option<&Sender<RowEvent>>,
        read: &mut Vec<(calamine::Sheet, SheetBuilder)>,
    ) -> Result<calamine::Xlsx<Gated<'b>>, ImportError> {
        let mut book = match calamine::Xlsx::new(Gated::new(bytes, gate)) {
            Ok(book) => book,
            Err(calamine::XlsxError::Password) => return Err(self.encrypted()),
            Err(e) => return Err(self.corrupt(e)),
        };
        self.xlsx_cells(&mut book, tx, read)?;
        Ok(book)
    }

    /// Streams the cells of every worksheet into `read`; with `tx`, the
    /// rows go there as they are read (all but each sheet's last, until
    /// the sheet ends), and the builders keep none.
    fn xlsx_cells(
        &mut self,
        book: &mut calamine::Xlsx<Gated<'_>>,
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
