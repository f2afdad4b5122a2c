//! Planning an .xlsx while it is read. The reader streams each sheet's
//! rows to the second core, where the table is found (once the first
//! [`HEADER_SEARCH`] rows are in) and each row is read into the drafts as
//! it arrives; meeting the drafts with the assessment waits for the end.
//! The plan is the one [`plan`] makes of the whole workbook: whenever the
//! stream cannot be sure of that — rows out of order, merged regions not
//! found without parsing, a column that appears below the header, several
//! tables of processes (whose units come from their sheets' names) — it
//! gives way to [`plan`] once the workbook is read.

use super::super::Limits;
use super::super::read::{MergeMap, RowConsumer, RowEvent, file_name, read_streaming};
use super::super::table::{Accept, HEADER_SEARCH, RowFilter, find_header};
use super::*;

/// Reads `path` and plans its import into `current`, the planning done on
/// the second core while the first reads. The workbook comes back whatever
/// the plan's outcome (the preview keeps it to show cells).
pub fn read_and_plan(
    path: &Path,
    limits: &Limits,
    current: &Assessment,
    mapping: &Mapping,
) -> Result<(Workbook, Result<Plan, ImportError>), ImportError> {
    let file = file_name(path);
    let consume: RowConsumer<'_, Stream<'_>> = Box::new(move |merges, events| {
        let mut stream = Stream::new(file, current, mapping, merges);
        for event in events {
            stream.take(event);
        }
        stream.end()
    });
    let (workbook, stream) = read_streaming(path, limits, consume)?;
    let plan = match stream {
        Some(stream) => stream.finish(path, &workbook),
        None => plan(path, &workbook, current, mapping),
    };
    Ok((workbook, plan))
}

struct Stream<'a> {
    planner: Planner<'a>,
    mapping: &'a Mapping,
    current: &'a Assessment,
    own: Vec<String>,
    merges: Option<MergeMap>,
    /// The drafts are what [`plan`] would make of the whole workbook.
    exact: bool,
    table_issues: Vec<Issue>,
    tables: Vec<PlannedTable>,
    /// Tables of processes (not of impact rows) found so far.
    process_tables: usize,
    /// Rows of the sheets read, in order.
    sheets: Vec<Vec<Row>>,
    sheet: Option<Reading>,
}

/// The sheet being read.
struct Reading {
    name: String,
    index: usize,
    rows: Vec<Row>,
    /// The header is not found yet.
    searching: bool,
    table: Option<(Table, RowFilter, TableRead)>,
    /// A footer ended the table.
    ended: bool,
}

impl<'a> Stream<'a> {
    fn new(
        file: String,
        current: &'a Assessment,
        mapping: &'a Mapping,
        merges: Option<&MergeMap>,
    ) -> Stream<'a> {
        Stream {
            planner: Planner::new(mapping, file, Format::Xlsx, current),
            mapping,
            current,
            own: category_names(current),
            merges: merges.cloned(),
            exact: merges.is_some(),
            table_issues: Vec::new(),
            tables: Vec::new(),
            process_tables: 0,
            sheets: Vec::new(),
            sheet: None,
        }
    }

    fn take(&mut self, event: RowEvent) {
        match event {
            RowEvent::Sheet(name) => {
                self.end_sheet();
                self.sheet = Some(Reading {
                    name,
                    index: self.sheets.len(),
                    rows: Vec::new(),
                    searching: true,
                    table: None,
                    ended: false,
                });
            }
            RowEvent::Rows(rows) => {
                let Some(mut sheet) = self.sheet.take() else {
                    self.exact = false;
                    return;
                };
                let from = sheet.rows.len();
                sheet.rows.extend(rows);
                if self.exact {
                    if sheet.searching {
                        if sheet.rows.len() >= HEADER_SEARCH {
                            self.search(&mut sheet);
                        }
                    } else {
                        self.walk(&mut sheet, from);
                    }
                }
                self.sheet = Some(sheet);
            }
        }
    }

    /// Finds the sheet's header among its first rows, then reads the rows
    /// already in under it.
    fn search(&mut self, sheet: &mut Reading) {
        sheet.searching = false;
        if sheet.rows.is_empty() {
            return;
        }
        let merges = self
            .merges
            .as_ref()
            .and_then(|m| m.get(&sheet.name))
            .cloned()
            .unwrap_or_default();
        let whole = Sheet {
            name: sheet.name.clone(),
            rows: std::mem::take(&mut sheet.rows),
            merges,
        };
        let found = find_header(
            sheet.index,
            &whole,
            &self.mapping.synonyms,
            &self.mapping.choices,
            &self.own,
            &mut self.table_issues,
        );
        sheet.rows = whole.rows;
        match found {
            None => {
                self.table_issues
                    .push(super::super::table::no_table(&sheet.name));
                sheet.ended = true;
            }
            Some((table, at)) => {
                if !is_impact_rows(&table) {
                    self.process_tables += 1;
                    // Their units may come from their sheets' names.
                    if self.process_tables > 1 {
                        self.exact = false;
                        return;
                    }
                }
                let read = self.planner.table_read(&table, false);
                let filter = RowFilter::new(&table);
                sheet.table = Some((table, filter, read));
                self.walk(sheet, at + 1);
            }
        }
    }

    /// Reads the rows from `from` on.
    fn walk(&mut self, sheet: &mut Reading, from: usize) {
        let Some((table, filter, read)) = sheet.table.as_mut() else {
            return;
        };
        for i in from..sheet.rows.len() {
            if sheet.ended || !self.exact {
                return;
            }
            let row = &sheet.rows[i];
            let columns = table.columns.len();
            match filter.accept(&sheet.name, row, &mut table.columns, &mut self.table_issues) {
                Accept::Process => {
                    table.rows.push(i);
                    if table.columns.len() != columns {
                        // A column without a header: [`plan`] maps it
                        // from the start.
                        self.exact = false;
                        return;
                    }
                    self.planner.read_row(row, read);
                }
                Accept::Skip => {}
                Accept::End => sheet.ended = true,
            }
        }
    }

    fn end_sheet(&mut self) {
        let Some(mut sheet) = self.sheet.take() else {
            return;
        };
        if self.exact && sheet.searching {
            self.search(&mut sheet);
        }
        if self.exact && sheet.table.is_none() {
            // A sheet without a table may be a form: [`plan`] reads those.
            let whole = Sheet {
                name: sheet.name.clone(),
                rows: std::mem::take(&mut sheet.rows),
                merges: Vec::new(),
            };
            if super::super::form::is_form(
                &whole,
                &self.mapping.synonyms,
                &self.mapping.choices,
                &self.current.methodology,
            ) {
                self.exact = false;
            }
            sheet.rows = whole.rows;
        }
        if let Some((table, _, _)) = &sheet.table {
            self.tables.push(planned_table(table));
        }
        self.sheets.push(sheet.rows);
    }

    fn end(mut self) -> (Stream<'a>, Vec<Vec<Row>>) {
        self.end_sheet();
        let sheets = std::mem::take(&mut self.sheets);
        (self, sheets)
    }

    /// The plan, once the reader has put `workbook` together.
    fn finish(self, path: &Path, workbook: &Workbook) -> Result<Plan, ImportError> {
        if !self.exact || super::super::is_own_export(workbook) {
            return plan(path, workbook, self.current, self.mapping);
        }
        if self.tables.iter().all(|t| t.rows == 0) {
            return Err(no_table(path, workbook, self.tables.is_empty()));
        }
        let mut issues = workbook.issues.clone();
        issues.extend(self.table_issues);
        Ok(self.planner.finish(self.tables, issues))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `path` as [`read_and_plan`] does; whether the stream's plan
    /// stood (rather than giving way to [`plan`]).
    fn streamed(path: &Path, current: &Assessment) -> bool {
        let mapping = Mapping::default();
        let consume: RowConsumer<'_, Stream<'_>> = Box::new(|merges, events| {
            let mut stream = Stream::new("t.xlsx".into(), current, &mapping, merges);
            for event in events {
                stream.take(event);
            }
            stream.end()
        });
        let (_, stream) = read_streaming(path, &Limits::default(), consume).unwrap();
        stream.is_some_and(|s| s.exact)
    }

    #[test]
    fn a_plain_register_is_planned_while_read_and_a_late_column_gives_way() {
        let dir = tempfile::tempdir().unwrap();
        let current = bia_model::Assessment::fresh("2026-01-01T00:00:00Z");
        let write = |name: &str, late: bool| {
            let mut book = rust_xlsxwriter::Workbook::new();
            let sheet = book.add_worksheet();
            sheet.write_string(0, 0, "Business Process").unwrap();
            sheet.write_string(0, 1, "RTO").unwrap();
            for i in 0..1000u32 {
                sheet
                    .write_string(i + 1, 0, format!("Process {i}"))
                    .unwrap();
                sheet.write_string(i + 1, 1, "4 hours").unwrap();
            }
            if late {
                sheet.write_string(900, 5, "beside the table").unwrap();
            }
            let path = dir.path().join(name);
            book.save(&path).unwrap();
            path
        };
        assert!(streamed(&write("plain.xlsx", false), &current));
        assert!(!streamed(&write("late.xlsx", true), &current));
    }
}
