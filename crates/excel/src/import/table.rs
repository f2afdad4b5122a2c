//! Finding the table on each sheet: the header row is the row among the
//! first [`HEADER_SEARCH`] that names a process column and at least one
//! other BIA field (so title blocks, "Prepared by" lines and a summary
//! sheet are passed over); a band of group headers right above it
//! ("Financial Impact" over "1 hr | 4 hrs", merged or not) is combined with
//! it; a "Department: …" line in the title block is remembered as the
//! table's unit. Data runs from the header to a footer ("Total", "Prepared
//! by", …) or the sheet's end; rows without a process name are passed over
//! with a note. Hidden columns are ordinary columns here. One table per
//! sheet.

use super::grid::{Issue, Level, Pos, Row, Sheet, Value, column_letters};
use super::mapping::{self, ColumnChoice, Field, Match, Source, Synonyms};

/// How many non-empty rows from the top may precede the header.
pub const HEADER_SEARCH: usize = 30;

/// One column of a table and what it was taken to mean.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub col: u32,
    /// The header as written (inner spaces folded); "Column F" when blank.
    pub header: String,
    /// The group header above, when the sheet has a band.
    pub band: Option<String>,
    pub field: Field,
    /// Minutes per unit the header states.
    pub unit: Option<u32>,
    pub source: Source,
}

/// The table found on one sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Index of the sheet in the workbook.
    pub sheet: usize,
    pub sheet_name: String,
    pub header_row: u32,
    pub band_row: Option<u32>,
    pub columns: Vec<Column>,
    /// Indexes into the sheet's rows of the rows that hold a process.
    pub rows: Vec<usize>,
    /// A unit named in the title block ("Department: Finance") and where.
    pub title_unit: Option<(String, Pos)>,
}

impl Table {
    pub fn column(&self, field: &Field) -> Option<&Column> {
        self.columns.iter().find(|c| &c.field == field)
    }
}

/// Finds the table of every sheet that has one. `own`: the assessment's
/// category names. Sheets without a table are reported as info.
pub fn find_tables(
    sheets: &[Sheet],
    synonyms: &Synonyms,
    choices: &[ColumnChoice],
    own: &[String],
    issues: &mut Vec<Issue>,
) -> Vec<Table> {
    let mut tables = Vec::new();
    for (index, sheet) in sheets.iter().enumerate() {
        if sheet.rows.is_empty() {
            continue;
        }
        match find_table(index, sheet, synonyms, choices, own, issues) {
            Some(t) => tables.push(t),
            None => issues.push(no_table(&sheet.name)),
        }
    }
    tables
}

/// The note for a sheet without a table.
pub(super) fn no_table(sheet: &str) -> Issue {
    Issue::sheet(
        Level::Info,
        sheet,
        format!(
            "No table of processes found (no row among the first {HEADER_SEARCH} names a process \
             column and another BIA column); the sheet was not imported."
        ),
    )
}

fn text_of(v: &Value) -> String {
    match v {
        Value::Text(t) => bia_model::clean_name(t),
        other => bia_model::clean_name(&other.display()),
    }
}

/// What each header cell of `row` means, with `band` above it.
fn map_row(
    sheet: &Sheet,
    row: &Row,
    band: Option<&Row>,
    synonyms: &Synonyms,
    choices: &[ColumnChoice],
    own: &[String],
) -> Vec<Column> {
    let bands = band.map(|b| band_texts(sheet, b, row));
    row.cells
        .iter()
        .filter(|(_, v)| matches!(v, Value::Text(_)) || matches!(v, Value::Number(_)))
        .map(|(col, v)| {
            let header = text_of(v);
            let band = bands.as_ref().and_then(|b| {
                b.binary_search_by_key(col, |(c, _)| *c)
                    .ok()
                    .map(|i| b[i].1.clone())
            });
            let letter = column_letters(*col);
            if let Some(choice) = choices
                .iter()
                .find(|c| mapping::choice_applies(c, &sheet.name, &letter, &header))
            {
                let unit = synonyms
                    .classify(&header, band.as_deref(), own)
                    .and_then(|m| m.unit);
                return Column {
                    col: *col,
                    header,
                    band,
                    field: choice.field.clone(),
                    unit,
                    source: Source::User,
                };
            }
            match synonyms.classify(&header, band.as_deref(), own) {
                Some(Match { field, unit }) => Column {
                    col: *col,
                    header,
                    band,
                    field,
                    unit,
                    source: Source::Synonym,
                },
                None => Column {
                    col: *col,
                    header,
                    band,
                    field: Field::Custom,
                    unit: None,
                    source: Source::Unmapped,
                },
            }
        })
        .collect()
}

/// The band text over each header column: the merged region covering it,
/// or the nearest band cell to its left. A band needs two cells or a merge
/// over two columns, so a lone title line is not taken for one. Each
/// column is looked up by binary search: a row may be 16,384 cells wide.
fn band_texts(sheet: &Sheet, band: &Row, header: &Row) -> Vec<(u32, String)> {
    // The merged regions across the band's row, left to right; regions of
    // one row do not overlap, so the one covering a column is the last
    // that starts at or before it.
    let mut across: Vec<_> = sheet
        .merges
        .iter()
        .filter(|m| m.first.row <= band.index && band.index <= m.last.row)
        .collect();
    across.sort_by_key(|m| m.first.col);
    let merged = |col: u32| {
        let at = across.partition_point(|m| m.first.col <= col);
        at.checked_sub(1)
            .map(|i| across[i])
            .filter(|m| col <= m.last.col)
    };
    let wide_merge = band.cells.iter().any(|(c, _)| {
        merged(*c).is_some_and(|m| m.last.col > m.first.col && m.first.row == band.index)
    });
    if band.cells.len() < 2 && !wide_merge {
        return Vec::new();
    }
    header
        .cells
        .iter()
        .filter_map(|(col, _)| {
            let source = match merged(*col) {
                Some(m) => band.get(m.first.col),
                None if sheet.merges.is_empty() => {
                    let at = band.cells.partition_point(|(c, _)| c <= col);
                    at.checked_sub(1).map(|i| &band.cells[i].1)
                }
                None => band.get(*col),
            };
            source.map(|v| (*col, text_of(v)))
        })
        .collect()
}

fn find_table(
    index: usize,
    sheet: &Sheet,
    synonyms: &Synonyms,
    choices: &[ColumnChoice],
    own: &[String],
    issues: &mut Vec<Issue>,
) -> Option<Table> {
    let (mut table, at) = find_header(index, sheet, synonyms, choices, own, issues)?;
    let mut filter = RowFilter::new(&table);
    for (i, row) in sheet.rows.iter().enumerate().skip(at + 1) {
        match filter.accept(&sheet.name, row, &mut table.columns, issues) {
            Accept::Process => table.rows.push(i),
            Accept::Skip => {}
            Accept::End => break,
        }
    }
    table.columns.sort_by_key(|c| c.col);
    Some(table)
}

/// The header of the table of `sheet` (of which only the first
/// [`HEADER_SEARCH`] rows are looked at), and the index of its row; the
/// table's `rows` are left empty for a [`RowFilter`] to fill.
pub(super) fn find_header(
    index: usize,
    sheet: &Sheet,
    synonyms: &Synonyms,
    choices: &[ColumnChoice],
    own: &[String],
    issues: &mut Vec<Issue>,
) -> Option<(Table, usize)> {
    let mut best: Option<(usize, (bool, usize), Vec<Column>)> = None;
    for (i, row) in sheet.rows.iter().enumerate().take(HEADER_SEARCH) {
        let band = i
            .checked_sub(1)
            .map(|p| &sheet.rows[p])
            .filter(|p| p.index + 1 == row.index);
        let columns = map_row(sheet, row, band, synonyms, choices, own);
        let fields: Vec<&Field> = columns.iter().map(|c| &c.field).collect();
        // "Process name:" is a form's label, not a column's header.
        let labelled = columns
            .iter()
            .any(|c| c.field == Field::Process && c.header.ends_with(':'));
        if labelled {
            continue;
        }
        let bia = mapping::looks_like_bia(&fields);
        if !bia && !looks_like_register(sheet, i, &columns, synonyms, own) {
            continue;
        }
        // A BIA's header before a plain register's, then the one naming more fields.
        let score = (
            bia,
            columns
                .iter()
                .filter(|c| c.source != Source::Unmapped)
                .count(),
        );
        if best.as_ref().is_none_or(|(_, s, _)| score > *s) {
            best = Some((i, score, columns));
        }
    }
    let (at, _, mut columns) = best?;
    let header = &sheet.rows[at];
    let band_row = at
        .checked_sub(1)
        .map(|p| &sheet.rows[p])
        .filter(|p| p.index + 1 == header.index && !band_texts(sheet, p, header).is_empty())
        .map(|p| p.index);
    let title_unit = sheet.rows[..at].iter().find_map(|r| {
        r.cells.iter().find_map(|(c, v)| {
            let text = text_of(v);
            let (label, rest) = text.split_once(':')?;
            let label = mapping::normalise(label);
            let unit = rest.trim();
            let unit = unit.split("  ").next().unwrap_or(unit).trim();
            (matches!(
                label.as_str(),
                "department" | "unit" | "businessunit" | "division" | "team" | "directorate"
            ) && !unit.is_empty())
            .then(|| (unit.to_string(), Pos::new(r.index, *c)))
        })
    });
    dedupe_fields(sheet, header.index, &mut columns, issues);
    columns.iter().find(|c| c.field == Field::Process)?;
    Some((
        Table {
            sheet: index,
            sheet_name: sheet.name.clone(),
            header_row: header.index,
            band_row,
            columns,
            rows: Vec::new(),
            title_unit,
        },
        at,
    ))
}

/// Whether row `at` of `sheet`, whose cells read as `columns`, heads a
/// register of processes with no impact or objective column ("Business
/// Process | Process Owner | Budget code"): its process column is named
/// as processes are (not a bare "Name", which heads lists of anything),
/// another of its columns is a field of a process, and the cell under the
/// process column is a name, not another label (a form's row of bare
/// labels and values, "Process name | Payroll | Department | Finance",
/// has more labels below it).
fn looks_like_register(
    sheet: &Sheet,
    at: usize,
    columns: &[Column],
    synonyms: &Synonyms,
    own: &[String],
) -> bool {
    let Some(process) = columns.iter().find(|c| {
        c.field == Field::Process && {
            let header = mapping::normalise(&c.header);
            ["process", "function", "activity"]
                .iter()
                .any(|w| header.contains(w))
        }
    }) else {
        return false;
    };
    let other_field = columns.iter().any(|c| {
        c.source != Source::Unmapped
            && !matches!(c.field, Field::Process | Field::Custom | Field::Ignore)
    });
    let header = &sheet.rows[at];
    let below = sheet
        .rows
        .get(at + 1)
        .filter(|r| r.index == header.index + 1)
        .and_then(|r| r.get(process.col));
    let name_below = match below {
        Some(Value::Text(t)) => {
            !t.trim().is_empty()
                && synonyms
                    .classify(t, None, own)
                    .is_none_or(|m| matches!(m.field, Field::Custom | Field::Ignore))
        }
        _ => false,
    };
    other_field && name_below
}

/// What a row under the header is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Accept {
    /// A row of the table: it names a process.
    Process,
    /// Passed over (no process name, or the header repeated on a printed page).
    Skip,
    /// A footer: the table ends here.
    End,
}

/// Walks the rows under a header one by one: where the table ends, which
/// rows hold a process, and the columns no header named.
pub(super) struct RowFilter {
    process_col: u32,
    process_header: String,
    /// Columns met so far, by index (a sheet has at most 16,384).
    seen: Vec<bool>,
}

impl RowFilter {
    pub(super) fn new(table: &Table) -> RowFilter {
        let process = table
            .columns
            .iter()
            .find(|c| c.field == Field::Process)
            .expect("a table has a process column");
        let mut filter = RowFilter {
            process_col: process.col,
            process_header: mapping::normalise(&process.header),
            seen: Vec::new(),
        };
        for c in &table.columns {
            filter.see(c.col);
        }
        filter
    }

    fn see(&mut self, col: u32) -> bool {
        let i = col as usize;
        if i >= self.seen.len() {
            self.seen.resize(i + 1, false);
        }
        !std::mem::replace(&mut self.seen[i], true)
    }

    /// Reads `row`: a column no header named is added to `columns` (at
    /// the end, as "Column F", kept as a custom field).
    pub(super) fn accept(
        &mut self,
        sheet: &str,
        row: &Row,
        columns: &mut Vec<Column>,
        issues: &mut Vec<Issue>,
    ) -> Accept {
        let first = || {
            row.cells
                .first()
                .map(|(_, v)| text_of(v))
                .unwrap_or_default()
        };
        let name = row.get(self.process_col).map(text_of).unwrap_or_default();
        if is_footer(&name) || (name.is_empty() && is_footer(&first())) {
            let what = if name.is_empty() { first() } else { name };
            issues.push(Issue::at(
                Level::Info,
                sheet,
                Pos::new(row.index, row.cells[0].0),
                format!("The table ends at the footer \"{what}\"; rows below it were not read."),
            ));
            return Accept::End;
        }
        if name.is_empty() || matches!(row.get(self.process_col), Some(Value::Error(_))) {
            issues.push(Issue::at(
                Level::Warning,
                sheet,
                Pos::new(row.index, self.process_col),
                "The row has values but no process name; it was passed over.",
            ));
            return Accept::Skip;
        }
        if mapping::normalise(&name) == self.process_header {
            return Accept::Skip; // a header repeated on a printed page
        }
        for (c, _) in &row.cells {
            if self.see(*c) {
                columns.push(Column {
                    col: *c,
                    header: format!("Column {}", column_letters(*c)),
                    band: None,
                    field: Field::Custom,
                    unit: None,
                    source: Source::Unmapped,
                });
            }
        }
        Accept::Process
    }
}

/// A second column meaning a one-per-process field is kept as a custom
/// field, with a warning; dependency, custom and ignored columns may repeat.
fn dedupe_fields(sheet: &Sheet, header_row: u32, columns: &mut [Column], issues: &mut Vec<Issue>) {
    let mut seen: rustc_hash::FxHashSet<Field> = Default::default();
    for c in columns.iter_mut() {
        let repeatable = matches!(
            c.field,
            Field::Custom | Field::Ignore | Field::Dependency { .. } | Field::UpstreamProcess
        );
        if repeatable {
            continue;
        }
        if seen.contains(&c.field) {
            issues.push(Issue::at(
                Level::Warning,
                &sheet.name,
                Pos::new(header_row, c.col),
                format!(
                    "\"{}\" means {} too, like a column before it; it is kept as a custom field.",
                    c.header,
                    c.field.key()
                ),
            ));
            c.field = Field::Custom;
            c.source = Source::Unmapped;
        } else {
            seen.insert(c.field.clone());
        }
    }
}

const FOOTERS: &[&str] = &[
    "total",
    "totals",
    "grand total",
    "sub-total",
    "subtotal",
    "sum",
    "average",
    "count",
    "prepared by",
    "approved by",
    "reviewed by",
    "signed",
    "signature",
    "sign-off",
    "sign off",
    "notes:",
    "note:",
    "key:",
    "legend",
    "source:",
    "end of",
    "last updated",
    "document owner",
    "classification:",
];

fn is_footer(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    FOOTERS.iter().any(|f| {
        t == *f
            || t.strip_prefix(f)
                .is_some_and(|rest| rest.starts_with([':', ' ', '(', '-']) || f.ends_with(':'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::grid::Merge;

    fn sheet(rows: &[(u32, &[(u32, &str)])]) -> Sheet {
        Sheet {
            name: "Finance".into(),
            rows: rows
                .iter()
                .map(|(r, cells)| Row {
                    index: *r,
                    cells: cells
                        .iter()
                        .map(|(c, t)| (*c, Value::Text(t.to_string())))
                        .collect(),
                })
                .collect(),
            merges: Vec::new(),
        }
    }

    fn find(s: &Sheet) -> (Option<Table>, Vec<Issue>) {
        let mut issues = Vec::new();
        let t = find_table(0, s, &Synonyms::shipped(), &[], &[], &mut issues);
        (t, issues)
    }

    #[test]
    fn the_header_is_found_under_a_title_block() {
        let s = sheet(&[
            (0, &[(0, "Business Impact Analysis 2025")]),
            (1, &[(0, "Department: Finance")]),
            (2, &[(0, "Prepared by: J. Smith")]),
            (
                4,
                &[
                    (0, "Process"),
                    (1, "Owner"),
                    (2, "RTO (Hrs)"),
                    (3, "Budget code"),
                ],
            ),
            (5, &[(0, "Payroll"), (1, "Ann"), (2, "4")]),
            (7, &[(0, "Accounts payable"), (2, "24")]),
            (8, &[(1, "orphan owner")]),
            (9, &[(0, "Total"), (2, "28")]),
            (10, &[(0, "Should not be read")]),
        ]);
        let (t, issues) = find(&s);
        let t = t.expect("a table");
        assert_eq!(t.header_row, 4);
        assert_eq!(t.rows, vec![4, 5]);
        assert_eq!(t.title_unit, Some(("Finance".to_string(), Pos::new(1, 0))));
        let rto = t.column(&Field::Rto).unwrap();
        assert_eq!((rto.col, rto.unit), (2, Some(60)));
        assert_eq!(t.columns[3].field, Field::Custom);
        assert_eq!(t.columns[3].source, Source::Unmapped);
        assert!(
            issues
                .iter()
                .any(|i| i.address == "Finance!A9" && i.level == Level::Warning)
        );
        assert!(
            issues
                .iter()
                .any(|i| i.address == "Finance!A10" && i.message.contains("Total"))
        );
    }

    #[test]
    fn a_band_of_group_headers_combines_with_the_header() {
        let mut s = sheet(&[
            (0, &[(2, "Financial Impact"), (5, "Reputational Impact")]),
            (
                1,
                &[
                    (0, "Business Function"),
                    (1, "Department"),
                    (2, "1 hr"),
                    (3, "4 hrs"),
                    (4, "1 day"),
                    (5, "1 hr"),
                    (6, "1 day"),
                ],
            ),
            (
                2,
                &[
                    (0, "Payroll"),
                    (2, "1"),
                    (3, "2"),
                    (4, "4"),
                    (5, "0"),
                    (6, "3"),
                ],
            ),
        ]);
        let (t, _) = find(&s);
        let t = t.unwrap();
        assert_eq!(t.band_row, Some(0));
        let impact = |c: &str, m: u32| Field::Impact {
            category: Some(c.into()),
            horizon: bia_model::Minutes(m),
        };
        let fields: Vec<Field> = t.columns.iter().map(|c| c.field.clone()).collect();
        assert_eq!(fields[2], impact("Financial", 60));
        assert_eq!(fields[4], impact("Financial", 1440));
        assert_eq!(fields[5], impact("Reputational", 60));
        assert_eq!(fields[6], impact("Reputational", 1440));

        // With merges known, a band cell covers its merged region only.
        s.rows[0].cells.push((8, Value::Text("Sign-off".into())));
        s.rows[1].cells.push((7, Value::Text("Approver".into())));
        s.rows[1].cells.sort_by_key(|(c, _)| *c);
        s.merges = vec![
            Merge {
                first: Pos::new(0, 2),
                last: Pos::new(0, 4),
            },
            Merge {
                first: Pos::new(0, 5),
                last: Pos::new(0, 6),
            },
        ];
        let (t, _) = find(&s);
        let approver = t.unwrap().columns.into_iter().find(|c| c.col == 7).unwrap();
        assert_eq!(approver.band, None, "outside every merged region");
    }

    #[test]
    fn a_sheet_that_is_no_bia_table_is_passed_over() {
        let s = sheet(&[
            (0, &[(0, "name"), (1, "description"), (2, "status")]),
            (1, &[(0, "bia"), (1, "demo")]),
        ]);
        assert_eq!(find(&s).0, None);
        let lookup = sheet(&[(0, &[(0, "Process")]), (1, &[(0, "Payroll")])]);
        assert_eq!(find(&lookup).0, None, "a lone list of names is no BIA");
    }

    #[test]
    fn a_register_of_processes_and_owners_is_a_table_but_a_row_of_a_form_is_not() {
        let register = sheet(&[
            (
                0,
                &[
                    (0, "Business Process"),
                    (1, "Process Owner"),
                    (2, "Budget code"),
                ],
            ),
            (1, &[(0, "Payroll run")]),
            (2, &[(0, "Customer onboarding")]),
        ]);
        let table = find(&register)
            .0
            .expect("a register without impact is still a table");
        assert_eq!(
            table.rows.len(),
            2,
            "both processes, though nothing else is filled"
        );
        let form = sheet(&[
            (
                0,
                &[
                    (0, "Business Process"),
                    (1, "Payroll run"),
                    (2, "Process Owner"),
                    (3, "Ann Patel"),
                ],
            ),
            (1, &[(0, "Department"), (1, "Finance")]),
        ]);
        assert_eq!(
            find(&form).0,
            None,
            "labels and values across, more labels below: a form"
        );
    }

    #[test]
    fn a_repeated_field_column_becomes_custom_with_a_warning() {
        let s = sheet(&[
            (
                0,
                &[(0, "Process"), (1, "RTO"), (2, "Recovery Time Objective")],
            ),
            (1, &[(0, "Payroll"), (1, "4h"), (2, "8h")]),
        ]);
        let (t, issues) = find(&s);
        assert_eq!(t.unwrap().columns[2].field, Field::Custom);
        assert_eq!(issues[0].address, "Finance!C1");
    }

    #[test]
    fn footers_are_recognised_but_names_that_start_alike_are_not() {
        for t in [
            "Total",
            "TOTAL:",
            "Grand Total",
            "Prepared by: Ann",
            "Notes: see tab 2",
        ] {
            assert!(is_footer(t), "{t}");
        }
        for t in [
            "Totalisator maintenance",
            "Summary of claims",
            "Counting house",
            "Payroll",
        ] {
            assert!(!is_footer(t), "{t}");
        }
    }
}
