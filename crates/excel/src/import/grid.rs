//! The common form every reader produces: a workbook of sheets, each a list
//! of non-empty rows of non-empty cells, every cell knowing its position so
//! that any message can point at `Sheet!B7`. Also the issue type every step
//! of an import reports with.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which reader understood the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "ImportFormat")]
pub enum Format {
    /// Excel 2007+ (.xlsx, .xlsm).
    Xlsx,
    /// Excel binary workbook (.xlsb).
    Xlsb,
    /// Excel 97–2003 (.xls).
    Xls,
    /// OpenDocument spreadsheet (.ods).
    Ods,
    /// Comma-, semicolon- or tab-separated text.
    Csv,
}

impl Format {
    /// What people call it, for messages.
    pub fn label(self) -> &'static str {
        match self {
            Format::Xlsx => "an Excel workbook (.xlsx)",
            Format::Xlsb => "an Excel binary workbook (.xlsb)",
            Format::Xls => "an Excel 97-2003 workbook (.xls)",
            Format::Ods => "an OpenDocument spreadsheet (.ods)",
            Format::Csv => "a CSV text file",
        }
    }

    /// Whether `ext` (lower case, no dot) is a usual extension of the format.
    pub fn has_extension(self, ext: &str) -> bool {
        match self {
            Format::Xlsx => matches!(ext, "xlsx" | "xlsm" | "xltx" | "xltm"),
            Format::Xlsb => ext == "xlsb",
            Format::Xls => matches!(ext, "xls" | "xlt"),
            Format::Ods => matches!(ext, "ods" | "ots"),
            Format::Csv => matches!(ext, "csv" | "txt" | "tsv"),
        }
    }
}

/// A cell position, zero-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pos {
    pub row: u32,
    pub col: u32,
}

impl Serialize for Pos {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.a1())
    }
}

impl<'de> Deserialize<'de> for Pos {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Pos, D::Error> {
        let text = String::deserialize(d)?;
        Pos::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("\"{text}\" is not a cell like B7")))
    }
}

impl Pos {
    pub fn new(row: u32, col: u32) -> Pos {
        Pos { row, col }
    }

    /// `B7` → row 6, column 1; `$B$7` too.
    pub fn parse(a1: &str) -> Option<Pos> {
        let a1 = a1.replace('$', "");
        let split = a1.find(|c: char| c.is_ascii_digit())?;
        let (letters, digits) = a1.split_at(split);
        if letters.is_empty() || !letters.chars().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        let col = letters.bytes().try_fold(0u32, |n, b| {
            n.checked_mul(26)?.checked_add(u32::from(b - b'A') + 1)
        })?;
        let row: u32 = digits.parse().ok()?;
        Some(Pos::new(row.checked_sub(1)?, col.checked_sub(1)?))
    }

    /// `B7` for row 6, column 1.
    pub fn a1(self) -> String {
        let mut out = String::with_capacity(10);
        self.write_a1(&mut out);
        out
    }

    /// Appends `B7` to `out`.
    pub fn write_a1(self, out: &mut String) {
        push_column_letters(self.col, out);
        let mut digits = [0u8; 10];
        let mut n = u64::from(self.row) + 1;
        let mut at = digits.len();
        while n > 0 {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
        }
        out.extend(digits[at..].iter().map(|&d| char::from(d)));
    }
}

/// `A`, `Z`, `AA`, … for a zero-based column.
pub fn column_letters(col: u32) -> String {
    let mut out = String::with_capacity(3);
    push_column_letters(col, &mut out);
    out
}

fn push_column_letters(col: u32, out: &mut String) {
    let mut n = u64::from(col) + 1;
    let mut letters = [0u8; 8];
    let mut at = letters.len();
    while n > 0 {
        at -= 1;
        letters[at] = b'A' + ((n - 1) % 26) as u8;
        n = (n - 1) / 26;
    }
    out.extend(letters[at..].iter().map(|&l| char::from(l)));
}

/// `Sheet!B7`, with the sheet name quoted as Excel does when it holds
/// anything but letters, digits and underscores.
pub fn address(sheet: &str, pos: Pos) -> String {
    let mut out = String::with_capacity(sheet.len() + 12);
    push_quoted_sheet(sheet, &mut out);
    out.push('!');
    pos.write_a1(&mut out);
    out
}

/// A sheet name as a reference writes it: quoted when it holds anything
/// but letters, digits and underscores.
pub fn quote_sheet(sheet: &str) -> String {
    let mut out = String::with_capacity(sheet.len() + 2);
    push_quoted_sheet(sheet, &mut out);
    out
}

fn push_quoted_sheet(sheet: &str, out: &mut String) {
    if !sheet.is_empty() && sheet.chars().all(|c| c.is_alphanumeric() || c == '_') {
        out.push_str(sheet);
    } else {
        out.push('\'');
        for c in sheet.chars() {
            if c == '\'' {
                out.push('\'');
            }
            out.push(c);
        }
        out.push('\'');
    }
}

/// One non-empty cell value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date or time cell, as Excel stores it: days since its epoch, the
    /// fraction being the time of day. `elapsed` is true for duration
    /// formats such as `[h]:mm`.
    Time {
        days: f64,
        elapsed: bool,
    },
    /// An error cell (`#N/A`, `#REF!`, …), as Excel shows it.
    Error(String),
}

impl Value {
    /// The value as a person reads it in the cell.
    pub fn display(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Number(n) => number_text(*n),
            Value::Bool(true) => "TRUE".into(),
            Value::Bool(false) => "FALSE".into(),
            Value::Time { days, .. } => number_text(*days),
            Value::Error(e) => e.clone(),
        }
    }
}

/// A number without a trailing `.0` when it is whole.
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A row with at least one value; cells ordered by column.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub index: u32,
    pub cells: Vec<(u32, Value)>,
}

impl Row {
    pub fn get(&self, col: u32) -> Option<&Value> {
        self.cells
            .binary_search_by_key(&col, |(c, _)| *c)
            .ok()
            .map(|i| &self.cells[i].1)
    }
}

/// A rectangle of merged cells, inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merge {
    pub first: Pos,
    pub last: Pos,
}

/// One sheet: its non-empty rows in order, and its merged regions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Row>,
    pub merges: Vec<Merge>,
}

impl Sheet {
    pub fn cell_count(&self) -> usize {
        self.rows.iter().map(|r| r.cells.len()).sum()
    }

    /// The cells `around` rows and columns either side of `at`, as a reader
    /// sees them: for "show me the cell" beside an issue.
    pub fn context(&self, at: Pos, around: u32) -> CellContext {
        let rows = at.row.saturating_sub(around)..=at.row + around;
        let cols = at.col.saturating_sub(around)..=at.col + around;
        CellContext {
            sheet: self.name.clone(),
            cell: at.a1(),
            columns: cols.clone().map(column_letters).collect(),
            rows: rows
                .clone()
                .map(|r| ContextRow {
                    number: r + 1,
                    cells: cols
                        .clone()
                        .map(|c| {
                            self.rows
                                .binary_search_by_key(&r, |row| row.index)
                                .ok()
                                .and_then(|i| self.rows[i].get(c))
                                .map_or_else(String::new, Value::display)
                        })
                        .collect(),
                })
                .collect(),
            focus_row: (at.row - rows.start()) as usize,
            focus_column: (at.col - cols.start()) as usize,
        }
    }
}

/// The cells around one cell of a sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CellContext {
    pub sheet: String,
    /// `B7`.
    pub cell: String,
    /// Column letters, left to right.
    pub columns: Vec<String>,
    /// Row numbers as Excel shows them, with the cells' text.
    pub rows: Vec<ContextRow>,
    /// Where the cell is in `rows` and `columns`.
    pub focus_row: usize,
    pub focus_column: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ContextRow {
    pub number: u32,
    pub cells: Vec<String>,
}

/// A whole spreadsheet file, read.
#[derive(Clone, Debug, PartialEq)]
pub struct Workbook {
    /// The file's name (not its folder), as provenance and messages say it.
    pub file: String,
    pub format: Format,
    pub sheets: Vec<Sheet>,
    /// What reading noticed: error cells, over-long cells, the encoding of
    /// a text file, an extension that did not match the content.
    pub issues: Vec<Issue>,
}

/// How much an issue matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "ImportIssueLevel")]
pub enum Level {
    /// A value could not be read and was left out.
    Error,
    /// A value was read, but by a guess the user should check.
    Warning,
    /// Something the user may want to know.
    Info,
}

/// One thing an import noticed, pointing at the cell when there is one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportIssue")]
pub struct Issue {
    pub level: Level,
    pub sheet: Option<String>,
    /// `B7`, when the issue is about one cell.
    pub cell: Option<String>,
    /// `Sheet!B7`, `Sheet` or empty: what the list shows and a click selects.
    pub address: String,
    pub message: String,
    /// How many more cells below, in the same column, have the very same
    /// issue (listed once, at the first).
    pub repeats: usize,
}

impl Issue {
    /// An issue about one cell.
    pub fn at(level: Level, sheet: &str, pos: Pos, message: impl Into<String>) -> Issue {
        Issue {
            level,
            sheet: Some(sheet.to_string()),
            cell: Some(pos.a1()),
            address: address(sheet, pos),
            message: message.into(),
            repeats: 0,
        }
    }

    /// An issue about a whole sheet.
    pub fn sheet(level: Level, sheet: &str, message: impl Into<String>) -> Issue {
        Issue {
            level,
            sheet: Some(sheet.to_string()),
            cell: None,
            address: quote_sheet(sheet),
            message: message.into(),
            repeats: 0,
        }
    }

    /// An issue about the whole file.
    pub fn file(level: Level, message: impl Into<String>) -> Issue {
        Issue {
            level,
            sheet: None,
            cell: None,
            address: String::new(),
            message: message.into(),
            repeats: 0,
        }
    }
}

impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "info",
        };
        if self.address.is_empty() {
            write!(f, "{level}: {}", self.message)?;
        } else {
            write!(f, "{level}: {}: {}", self.address, self.message)?;
        }
        if self.repeats > 0 {
            write!(
                f,
                " (the same in {} more cell(s) of the column)",
                self.repeats
            )?;
        }
        Ok(())
    }
}

/// Lists once, at its first cell, an issue repeated with the same message
/// down a column (a whole column of "Low" read as 2, say), counting the rest.
pub fn collapse(issues: Vec<Issue>) -> Vec<Issue> {
    let mut first: rustc_hash::FxHashMap<(Level, String, String, String), usize> =
        rustc_hash::FxHashMap::default();
    let mut out: Vec<Issue> = Vec::with_capacity(issues.len());
    for issue in issues {
        let column = issue.cell.as_ref().map(|c| {
            c.trim_end_matches(|ch: char| ch.is_ascii_digit())
                .to_string()
        });
        let (Some(sheet), Some(column)) = (issue.sheet.clone(), column) else {
            out.push(issue);
            continue;
        };
        let key = (issue.level, sheet, column, issue.message.clone());
        match first.get(&key) {
            Some(&i) => out[i].repeats += 1,
            None => {
                first.insert(key, out.len());
                out.push(issue);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_read_as_excel_writes_them() {
        assert_eq!(Pos::new(0, 0).a1(), "A1");
        assert_eq!(Pos::new(6, 1).a1(), "B7");
        assert_eq!(Pos::new(0, 25).a1(), "Z1");
        assert_eq!(Pos::new(0, 26).a1(), "AA1");
        assert_eq!(Pos::new(0, 701).a1(), "ZZ1");
        assert_eq!(Pos::new(0, 702).a1(), "AAA1");
        assert_eq!(Pos::new(1_048_575, 16_383).a1(), "XFD1048576");
        assert_eq!(address("Register", Pos::new(6, 1)), "Register!B7");
        assert_eq!(
            address("bia - thresholds", Pos::new(1, 3)),
            "'bia - thresholds'!D2"
        );
        assert_eq!(address("Bob's", Pos::new(0, 0)), "'Bob''s'!A1");
    }

    #[test]
    fn repeated_issues_down_a_column_are_listed_once() {
        let issues = vec![
            Issue::at(Level::Warning, "S", Pos::new(1, 2), "\"low\" read as 2"),
            Issue::at(Level::Warning, "S", Pos::new(2, 2), "\"low\" read as 2"),
            Issue::at(Level::Warning, "S", Pos::new(2, 3), "\"low\" read as 2"),
            Issue::at(Level::Warning, "S", Pos::new(3, 2), "\"low\" read as 2"),
            Issue::sheet(Level::Info, "S", "no table"),
        ];
        let out = collapse(issues);
        assert_eq!(out.len(), 3);
        assert_eq!((out[0].address.as_str(), out[0].repeats), ("S!C2", 2));
        assert_eq!((out[1].address.as_str(), out[1].repeats), ("S!D3", 0));
        assert!(
            out[0]
                .to_string()
                .ends_with("(the same in 2 more cell(s) of the column)")
        );
    }

    #[test]
    fn numbers_display_as_typed() {
        assert_eq!(Value::Number(48.0).display(), "48");
        assert_eq!(Value::Number(1.5).display(), "1.5");
        assert_eq!(Value::Error("#N/A".into()).display(), "#N/A");
    }
}
