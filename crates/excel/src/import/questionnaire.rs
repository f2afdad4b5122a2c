//! A returned questionnaire (issue 18) read back: the workbook
//! `export::questionnaire` wrote, after a process owner filled it in —
//! perhaps renaming or reordering its sheets, inserting rows, typing where
//! a dropdown was offered, removing the protection, or saving it again in
//! LibreOffice.
//!
//! The hidden data sheet is found by its marker (whatever its name, place
//! or visibility); it lists every answer cell with its defined name. Each
//! answer is found, in order, by:
//! 1. its defined name (Excel and LibreOffice move a name with its cell);
//! 2. else, on its process's sheet (known by the hidden `bia-process:` cell,
//!    or by its name as written), by the labels of its row and column as
//!    written (the category and the horizon of a score);
//! 3. else, unless the name says its cell was deleted (`#REF!`), the cell
//!    as written.
//!
//! What none of these finds is listed as missing. The file is read through
//! the guarded reader (`read`: caps on size, cells and each cell's XML);
//! the defined names come from calamine's reading of `xl/workbook.xml`
//! once that reader has passed the file. This reads; it compares and
//! applies nothing (the application layer does).

use std::collections::HashMap;
use std::io::Cursor;
use std::path::Path;

use calamine::Reader;

use super::error::ImportError;
use super::grid::{Format, Pos, Sheet, Value};
use super::read::{Limits, read_workbook};
use crate::layout::questionnaire as layout;
use bia_model::{Answer, DependencyAnswer, Id, ReturnedProcess, ReturnedQuestionnaire, SentValue};

/// Reads a returned questionnaire: the ids from its data sheet and, per
/// process, every answer cell found, as text, with its current cell.
pub fn read_questionnaire(path: &Path) -> Result<ReturnedQuestionnaire, ImportError> {
    let limits = Limits::default();
    if plainly_not_one(path, &limits) {
        return Err(ImportError::NotAQuestionnaire {
            path: path.to_path_buf(),
        });
    }
    let book = read_workbook(path, &limits).map_err(|e| match e {
        // A workbook with nothing in it has no data sheet either.
        ImportError::Empty { path, .. } => ImportError::NotAQuestionnaire { path },
        other => other,
    })?;
    let Some((data, at)) = book.sheets.iter().find_map(|s| marker(s).map(|at| (s, at))) else {
        return Err(ImportError::NotAQuestionnaire {
            path: path.to_path_buf(),
        });
    };
    let damaged = |pos: Pos, reason: &str| ImportError::QuestionnaireData {
        path: path.to_path_buf(),
        sheet: data.name.clone(),
        cell: pos.a1(),
        reason: reason.to_string(),
    };
    let cells = Cells::of(data);
    let version_at = Pos::new(at.row, at.col + 1);
    if let Some(Value::Number(v)) = cells.get(version_at)
        && *v > f64::from(layout::VERSION)
    {
        return Err(damaged(
            version_at,
            "it was written by a newer version of this program",
        ));
    }
    let id_at = |row: u32| -> Result<Id, ImportError> {
        let pos = Pos::new(at.row + row, at.col + 1);
        cells
            .text(pos)
            .parse()
            .map_err(|_| damaged(pos, "the id is not readable"))
    };
    let questionnaire_id = id_at(layout::QUESTIONNAIRE_ROW)?;
    let assessment_id = id_at(layout::ASSESSMENT_ROW)?;
    let written = written_rows(data, at, &cells, &damaged)?;

    let names = if book.format == Format::Xlsx {
        defined_names(path, &limits)
    } else {
        HashMap::new()
    };
    let sheets: HashMap<&str, &Sheet> = book.sheets.iter().map(|s| (s.name.as_str(), s)).collect();
    let tagged = tagged_sheets(&book.sheets);

    let mut processes: Vec<ReturnedProcess> = Vec::new();
    let mut order: Vec<Id> = Vec::new();
    let mut by_process: HashMap<Id, Vec<&Written>> = HashMap::new();
    for w in &written {
        if !by_process.contains_key(&w.process_id) {
            order.push(w.process_id);
        }
        by_process.entry(w.process_id).or_default().push(w);
    }
    for id in order {
        let rows = &by_process[&id];
        let located: Vec<Located> = rows
            .iter()
            .map(|w| match names.get(&w.name.to_lowercase()) {
                Some(formula) => reference(formula)
                    .filter(|(sheet, _)| sheets.contains_key(sheet.as_str()))
                    .map_or(Located::Broken, |(s, p)| Located::At(s, p)),
                None => Located::Unnamed,
            })
            .collect();
        // The process's sheet: by its hidden id, by its name as written, or
        // where its names point.
        let sheet_name = tagged
            .get(&id)
            .cloned()
            .or_else(|| {
                sheets
                    .contains_key(rows[0].sheet.as_str())
                    .then(|| rows[0].sheet.clone())
            })
            .or_else(|| {
                located.iter().find_map(|l| match l {
                    Located::At(s, _) => Some(s.clone()),
                    _ => None,
                })
            });
        let sheet = sheet_name.as_deref().and_then(|s| sheets.get(s).copied());
        let sheet_cells = sheet.map(Cells::of);

        let mut process = ReturnedProcess {
            process_id: id,
            name: rows[0].process.clone(),
            sheet: sheet_name.clone().unwrap_or_default(),
            sent: Vec::new(),
            answers: Vec::new(),
            new_dependencies: Vec::new(),
            missing: Vec::new(),
        };
        let mut dependencies: Vec<(usize, [String; 3], Option<Pos>)> = Vec::new();
        for (w, at) in rows.iter().zip(located) {
            let found = match at {
                Located::At(s, p) => sheets.get(s.as_str()).map(|sheet| (*sheet, p)),
                Located::Broken | Located::Unnamed => sheet_cells.as_ref().and_then(|cells| {
                    let broken = matches!(at, Located::Broken);
                    by_labels(cells, w)
                        .or_else(|| (!broken).then(|| Pos::parse(&w.cell)).flatten())
                        .map(|p| (cells.sheet, p))
                }),
            };
            if let Some((n, part)) = layout::parse_dependency_key(&w.key) {
                if let Some((sheet, pos)) = found {
                    let slot = match dependencies.iter().position(|d| d.0 == n) {
                        Some(i) => i,
                        None => {
                            dependencies.push((n, Default::default(), None));
                            dependencies.len() - 1
                        }
                    };
                    let i = layout::DEPENDENCY_PARTS
                        .iter()
                        .position(|p| *p == part)
                        .unwrap_or(0);
                    let d = &mut dependencies[slot];
                    d.1[i] = Cells::of(sheet).text(pos);
                    if i == 0 || d.2.is_none() {
                        d.2 = Some(pos);
                    }
                }
                continue;
            }
            process.sent.push(SentValue {
                key: w.key.clone(),
                value: w.sent.clone(),
            });
            match found {
                Some((sheet, pos)) => process.answers.push(Answer {
                    key: w.key.clone(),
                    text: Cells::of(sheet).text(pos),
                    cell: pos.a1(),
                }),
                None => process.missing.push(w.key.clone()),
            }
        }
        dependencies.sort_by_key(|d| d.0);
        process.new_dependencies = dependencies
            .into_iter()
            .filter(|(_, parts, _)| parts.iter().any(|p| !p.is_empty()))
            .map(|(_, [kind, name, note], pos)| DependencyAnswer {
                kind,
                name,
                note,
                cell: pos.map(Pos::a1).unwrap_or_default(),
            })
            .collect();
        processes.push(process);
    }
    Ok(ReturnedQuestionnaire {
        questionnaire_id,
        assessment_id,
        processes,
    })
}

/// Where a defined name points.
enum Located {
    At(String, Pos),
    /// The name is there but points nowhere (`#REF!`: its cell was deleted).
    Broken,
    /// No such name (the names were dropped).
    Unnamed,
}

/// One answer row of the data sheet.
struct Written {
    process_id: Id,
    process: String,
    sheet: String,
    key: String,
    name: String,
    cell: String,
    sent: String,
    row_label: String,
    column_label: String,
}

/// The cells of a sheet by position, and by their text once a label is
/// looked for (indexed then, so finding many labels stays linear).
struct Cells<'a> {
    sheet: &'a Sheet,
    /// Positions by trimmed text in lower case, in reading order.
    labels: std::cell::OnceCell<HashMap<String, Vec<Pos>>>,
}

impl<'a> Cells<'a> {
    fn of(sheet: &'a Sheet) -> Cells<'a> {
        Cells {
            sheet,
            labels: std::cell::OnceCell::new(),
        }
    }

    fn get(&self, pos: Pos) -> Option<&'a Value> {
        let i = self
            .sheet
            .rows
            .binary_search_by_key(&pos.row, |r| r.index)
            .ok()?;
        self.sheet.rows[i].get(pos.col)
    }

    /// The cell as a person reads it, trimmed ("" when empty): a number
    /// as written (`3`, `12.5`), an error as shown (`#N/A`).
    fn text(&self, pos: Pos) -> String {
        self.get(pos)
            .map_or_else(String::new, |v| v.display().trim().to_string())
    }

    /// Every cell whose trimmed text is `text` (by case when any is).
    fn find(&self, text: &str) -> Vec<Pos> {
        let text = text.trim();
        if text.is_empty() {
            return Vec::new();
        }
        let labels = self.labels.get_or_init(|| {
            let mut labels: HashMap<String, Vec<Pos>> = HashMap::new();
            for row in &self.sheet.rows {
                for (col, value) in &row.cells {
                    if let Value::Text(t) = value {
                        labels
                            .entry(t.trim().to_lowercase())
                            .or_default()
                            .push(Pos::new(row.index, *col));
                    }
                }
            }
            labels
        });
        let loose = labels
            .get(&text.to_lowercase())
            .cloned()
            .unwrap_or_default();
        let exact: Vec<Pos> = loose
            .iter()
            .copied()
            .filter(|p| matches!(self.get(*p), Some(Value::Text(t)) if t.trim() == text))
            .collect();
        if exact.is_empty() { loose } else { exact }
    }
}

/// Where the marker is on `sheet`, if it is the data sheet.
fn marker(sheet: &Sheet) -> Option<Pos> {
    sheet.rows.iter().take(3).find_map(|row| {
        row.cells.iter().find_map(|(col, v)| match v {
            Value::Text(t) if t.trim() == layout::MARKER => Some(Pos::new(row.index, *col)),
            _ => None,
        })
    })
}

/// The answer rows of the data sheet, its marker at `at`.
fn written_rows(
    data: &Sheet,
    at: Pos,
    cells: &Cells<'_>,
    damaged: &dyn Fn(Pos, &str) -> ImportError,
) -> Result<Vec<Written>, ImportError> {
    let first = at.row + layout::FIRST_ROW;
    let mut rows = Vec::new();
    for row in data.rows.iter().filter(|r| r.index >= first) {
        let cell = |c: usize| cells.text(Pos::new(row.index, at.col + c as u32));
        let key = cell(3);
        if key.is_empty() {
            continue;
        }
        let id_pos = Pos::new(row.index, at.col);
        let process_id = cell(0)
            .parse()
            .map_err(|_| damaged(id_pos, "the process id is not readable"))?;
        rows.push(Written {
            process_id,
            process: cell(1),
            sheet: cell(2),
            key,
            name: cell(4),
            cell: cell(5),
            sent: cell(6),
            row_label: cell(7),
            column_label: cell(8),
        });
    }
    Ok(rows)
}

/// The sheet of each process, by the hidden `bia-process:<id>` cell.
fn tagged_sheets(sheets: &[Sheet]) -> HashMap<Id, String> {
    let mut tagged = HashMap::new();
    for sheet in sheets {
        let tag = sheet
            .rows
            .iter()
            .flat_map(|r| &r.cells)
            .find_map(|(_, v)| match v {
                Value::Text(t) => t
                    .trim()
                    .strip_prefix(layout::PROCESS_TAG)?
                    .parse::<Id>()
                    .ok(),
                _ => None,
            });
        if let Some(id) = tag {
            tagged.entry(id).or_insert_with(|| sheet.name.clone());
        }
    }
    tagged
}

/// The cell of `w` found by the labels of its row and column as written:
/// a score where its category's row meets its horizon's header above; any
/// other answer at the same distance right of its row's label as written.
fn by_labels(cells: &Cells<'_>, w: &Written) -> Option<Pos> {
    let rows = cells.find(&w.row_label);
    if w.column_label.is_empty() {
        let written = Pos::parse(&w.cell)?;
        let label = *rows.first()?;
        let offset = written.col.checked_sub(layout::LABEL_COLUMN)?;
        return Some(Pos::new(label.row, label.col + offset));
    }
    let headers = cells.find(&w.column_label);
    rows.iter().find_map(|r| {
        headers
            .iter()
            .filter(|h| h.row < r.row)
            .max_by_key(|h| h.row)
            .map(|h| Pos::new(r.row, h.col))
    })
}

/// `'Accounts payable'!$C$12` (or a range from it) → the sheet and cell;
/// `None` for `#REF!` or anything not a cell.
fn reference(formula: &str) -> Option<(String, Pos)> {
    let formula = formula.trim().trim_start_matches('=');
    let (sheet, cell) = formula.rsplit_once('!')?;
    let sheet = match sheet.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) {
        Some(quoted) => quoted.replace("''", "'"),
        None => sheet.to_string(),
    };
    let first = cell.split(':').next()?;
    Some((sheet, Pos::parse(first)?))
}

/// The workbook's defined names, by name in lower case (Excel's names
/// ignore case). The guarded reader has passed the file already; a
/// failure here leaves the reader to its fallbacks.
/// Whether an .xlsx is plainly no questionnaire, told from its workbook
/// part alone: no sheet named as the data sheet is written and no name of
/// ours. A legacy workbook dropped on the window is handed to the import at
/// once, not read whole first. Anything else (another format, a file that
/// does not open) is left to the full read.
fn plainly_not_one(path: &Path, limits: &Limits) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    if meta.len() > limits.max_file_bytes {
        return false;
    }
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let Ok(book) = calamine::Xlsx::new(std::io::BufReader::new(file)) else {
        return false;
    };
    let ours = |name: &str| {
        name.get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("BIA_"))
    };
    !book
        .sheets_metadata()
        .iter()
        .any(|s| s.name == layout::DATA_SHEET)
        && !book.defined_names().iter().any(|(name, _)| ours(name))
}

fn defined_names(path: &Path, limits: &Limits) -> HashMap<String, String> {
    let Ok(bytes) = std::fs::read(path) else {
        return HashMap::new();
    };
    if bytes.len() as u64 > limits.max_file_bytes {
        return HashMap::new();
    }
    let Ok(book) = calamine::Xlsx::new(Cursor::new(bytes.as_slice())) else {
        return HashMap::new();
    };
    book.defined_names()
        .iter()
        .map(|(name, formula)| (name.to_lowercase(), formula.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_read_as_excel_and_libreoffice_write_them() {
        assert_eq!(
            reference("'Accounts payable'!$C$12"),
            Some(("Accounts payable".into(), Pos::new(11, 2)))
        );
        assert_eq!(
            reference("Payroll!$D$40:$J$40"),
            Some(("Payroll".into(), Pos::new(39, 3)))
        );
        assert_eq!(
            reference("'Owner''s list'!B7"),
            Some(("Owner's list".into(), Pos::new(6, 1)))
        );
        assert_eq!(reference("'Payroll'!#REF!"), None);
        assert_eq!(reference("#REF!"), None);
    }
}
