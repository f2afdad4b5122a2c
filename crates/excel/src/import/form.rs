//! Form-style sheets: a BIA kept as a questionnaire rather than a table.
//! Labels down the page ("Process name:", "Department:", "Recovery time
//! objective:", "Systems required:") with the value to their right (the
//! next cell, however many columns on, merged or not) or, when the row
//! holds nothing after the label, in the cell below; then an impact table
//! of categories down and time points across ("4 hours", "1 day", …).
//!
//! **Which sheets are forms.** A sheet whose header row of a table is
//! found (`table`) is a table, as before; only a sheet without one is
//! looked at as a form, so a workbook may mix a register with form
//! sheets. Such a sheet is a form when it has a process label ("Process
//! name:", any name the synonyms give the process column, with a colon,
//! or without one when another recognised label or an impact table is on
//! the sheet). Each process label starts a form, so one sheet may hold
//! several, one after another. Labelled values above the first process
//! label (a "Department:" heading the sheet, "Assessed by:") belong to
//! every form of the sheet that does not give its own.
//!
//! **Labels** are read by the same synonyms as column headers, with a
//! trailing colon and a unit in brackets ("Maximum tolerable downtime
//! (hours):") read as a header's; a label the synonyms do not know is kept
//! as a custom field under its own name; "Label: value" in one cell is a
//! label with its value. A duration whose next cell is a unit ("4 |
//! hours") takes that unit.
//!
//! **The impact table** starts at a row of two or more time points (with
//! no number nor severity word: "None" reads as no time, but is a score).
//! The rows under it whose first cell is a category, or any text that is
//! no label, are its scores, whatever their words read as, until a blank
//! row, a label, or the header of another table (time points under an
//! empty or "Impact category" cell).
//!
//! **Accounting.** Every non-empty cell of a form sheet is given a
//! [`CellUse`]: a label, a value, a unit, a part of the impact table, or
//! left out with an issue (at the cell, or at the label or row heading
//! that says why). This module reads the shape; the plan reads the values
//! (`plan::form`), with the same readers as a table's cells.

use bia_model::duration::{self, Bound, Reading};
use bia_model::{Id, Methodology, Minutes, name_key};
use rustc_hash::{FxHashMap, FxHashSet};

use super::grid::{Issue, Level, Pos, Row, Sheet, Value, address, column_letters};
use super::mapping::{self, ColumnChoice, Field, Source, Synonyms};
use super::values::label_position;

/// What became of one non-empty cell of a form sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellUse {
    /// A label ("Process owner:"), or a heading of the impact table.
    Label,
    /// A value read for the field of its label.
    Value,
    /// The unit of the duration beside it ("hours").
    Unit,
    /// A severity of the impact table, read as a score.
    Score,
    /// Not imported; the issue at `issue` (`Sheet!B7`) says why.
    LeftOut { issue: String },
}

/// One non-empty cell of a form sheet and what became of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormCell {
    pub sheet: String,
    pub pos: Pos,
    pub used: CellUse,
}

/// A label and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// As written, without its colon.
    pub label: String,
    pub at: Pos,
    pub field: Field,
    /// Minutes per unit the label, or a unit cell beside the value, states.
    pub unit: Option<u32>,
    pub source: Source,
    /// The cells holding the value, in reading order (a list may run over
    /// several cells); for "Label: value" in one cell, the label's cell
    /// with the text after the colon.
    pub values: Vec<(Pos, Value)>,
}

/// One severity of a form's impact table, placed on the methodology.
#[derive(Clone, Debug, PartialEq)]
pub struct GridScore {
    pub category: Id,
    pub horizon: Id,
    pub pos: Pos,
    pub value: Value,
}

/// One process's form.
#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    /// The process label's entry (its value is the name).
    pub name: Entry,
    pub entries: Vec<Entry>,
    pub scores: Vec<GridScore>,
    /// A note column of the impact table ("Comments") per category: kept
    /// as a custom field "Comments – Financial".
    pub notes: Vec<(String, Pos, Value)>,
}

/// A sheet read as forms.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormSheet {
    pub index: usize,
    pub name: String,
    pub forms: Vec<Form>,
    /// The labels met, for the preview's mapping (one per distinct label).
    pub labels: Vec<(String, Pos, Field, Option<u32>, Source)>,
    pub cells: Vec<FormCell>,
    pub issues: Vec<Issue>,
}

/// How the cell of a row reads as a label.
#[derive(Clone, Debug)]
struct Label {
    text: String,
    field: Field,
    unit: Option<u32>,
    source: Source,
    /// "Label:" (or "Label: value"), not a bare header word.
    colon: bool,
    /// The text after the colon, in the same cell.
    inline: Option<String>,
}

/// What a form reader needs from the plan.
pub struct Context<'a> {
    pub synonyms: &'a Synonyms,
    pub choices: &'a [ColumnChoice],
    pub methodology: &'a Methodology,
}

impl Context<'_> {
    fn own(&self) -> Vec<String> {
        self.methodology
            .categories
            .iter()
            .map(|c| c.name.clone())
            .collect()
    }

    /// What `text` at `pos` means as a label, if anything.
    fn label(&self, sheet: &str, pos: Pos, text: &str, own: &[String]) -> Option<Label> {
        let t = bia_model::clean_name(text);
        let (head, inline, colon) = if let Some(head) = t.strip_suffix([':', '：']) {
            (
                head.trim_end_matches([':', '：']).trim().to_string(),
                None,
                true,
            )
        } else if let Some((head, rest)) = t.split_once(':') {
            let rest = rest.trim();
            if rest.is_empty() {
                (head.trim().to_string(), None, true)
            } else {
                (head.trim().to_string(), Some(rest.to_string()), true)
            }
        } else {
            (t.clone(), None, false)
        };
        if head.is_empty() || head.chars().all(|c| !c.is_alphabetic()) {
            return None;
        }
        // A choice names the label's text, or its cell ("A5").
        let a1 = pos.a1();
        let chosen = self.choices.iter().find(|c| {
            c.sheet
                .as_ref()
                .is_none_or(|s| name_key(s) == name_key(sheet))
                && (c.column == a1 || mapping::normalise(&c.column) == mapping::normalise(&head))
        });
        let known = self.synonyms.classify(&head, None, own).filter(|m| {
            !matches!(
                m.field,
                Field::Impact { .. }
                    | Field::TimePoint
                    | Field::TimePointSeconds
                    | Field::Severity
                    | Field::ImpactCategories
            )
        });
        let (field, unit, source) = match (chosen, known) {
            (Some(c), m) => (c.field.clone(), m.and_then(|m| m.unit), Source::User),
            (None, Some(m)) => (m.field, m.unit, Source::Synonym),
            (None, None) if colon => (Field::Custom, None, Source::Unmapped),
            (None, None) => return None,
        };
        Some(Label {
            text: head,
            field,
            unit,
            source,
            colon,
            inline,
        })
    }
}

/// A time point heading a column of an impact table ("4 hours", "1 day",
/// "Up to 1 week", "0-4 hrs" → its upper bound, "Impact @ 24h").
fn time_point(text: &str, synonyms: &Synonyms) -> Option<Minutes> {
    // "None" reads as no time at all, but in a form it is a score.
    if is_severity_word(text) {
        return None;
    }
    if let Ok(Reading::Value(s)) = duration::read(text, Minutes::HOUR)
        && s.unit_stated
    {
        return Some(match s.bound {
            Bound::Range => s.upper.unwrap_or(s.minutes),
            _ => s.minutes,
        });
    }
    match synonyms.classify(text, None, &[]).map(|m| m.field) {
        Some(Field::Impact {
            category: None,
            horizon,
        }) => Some(horizon),
        _ => None,
    }
}

/// Whether `text` is a word BIAs write for a severity ("None", "Low",
/// "Critical"): a score, never a time point nor a table's heading.
fn is_severity_word(text: &str) -> bool {
    label_position(&name_key(text)).is_some()
}

/// Whether `sheet` (which has no table) looks like a form: cheap enough
/// for the streaming plan to ask of every sheet without a table.
pub fn is_form(
    sheet: &Sheet,
    synonyms: &Synonyms,
    choices: &[ColumnChoice],
    m: &Methodology,
) -> bool {
    let cx = Context {
        synonyms,
        choices,
        methodology: m,
    };
    has_process_label(&cx, sheet, &cx.own())
}

/// Whether `sheet` has a process label: "Process name:" with its colon,
/// or a bare "Process name" with another recognised label on the sheet.
/// One pass, each cell read once, ending at the first colon label.
fn has_process_label(cx: &Context<'_>, sheet: &Sheet, own: &[String]) -> bool {
    let (mut bare, mut other) = (false, false);
    for r in &sheet.rows {
        for (c, v) in &r.cells {
            let Value::Text(t) = v else { continue };
            let Some(l) = cx.label(&sheet.name, Pos::new(r.index, *c), t, own) else {
                continue;
            };
            match (&l.field, l.colon) {
                (Field::Process, true) => return true,
                (Field::Process, false) => bare = true,
                _ => other |= l.source != Source::Unmapped,
            }
            if bare && other {
                return true;
            }
        }
    }
    false
}

/// Reads `sheet` (index `index` of the workbook, without a table) as
/// forms; `None` when it is not one.
pub fn read_form_sheet(index: usize, sheet: &Sheet, cx: &Context<'_>) -> Option<FormSheet> {
    let own = cx.own();
    if !has_process_label(cx, sheet, &own) {
        return None;
    }
    let mut reader = Reader {
        cx,
        own,
        sheet,
        out: FormSheet {
            index,
            name: sheet.name.clone(),
            ..FormSheet::default()
        },
        taken: FxHashSet::default(),
        preamble: Vec::new(),
        current: None,
        seen_labels: FxHashMap::default(),
    };
    reader.read();
    Some(reader.out)
}

/// A form being read: its entries so far, and the cells it holds.
struct Open {
    form: Form,
    /// The name is missing: the form's cells are left out at the end.
    nameless: bool,
    cells: Vec<(Pos, CellUse)>,
}

struct Reader<'a, 'c> {
    cx: &'a Context<'c>,
    own: Vec<String>,
    sheet: &'a Sheet,
    out: FormSheet,
    /// Cells already taken as the value below a label.
    taken: FxHashSet<Pos>,
    /// Entries above the first process label.
    preamble: Vec<Entry>,
    current: Option<Open>,
    seen_labels: FxHashMap<String, usize>,
}

impl<'a> Reader<'a, '_> {
    fn addr(&self, pos: Pos) -> String {
        address(&self.sheet.name, pos)
    }

    fn issue(&mut self, level: Level, pos: Pos, message: String) {
        self.out
            .issues
            .push(Issue::at(level, &self.sheet.name, pos, message));
    }

    /// Records what became of a cell: in the open form, or the sheet's.
    fn cell(&mut self, pos: Pos, used: CellUse) {
        match &mut self.current {
            Some(open) => open.cells.push((pos, used)),
            None => self.out.cells.push(FormCell {
                sheet: self.sheet.name.clone(),
                pos,
                used,
            }),
        }
    }

    fn read(&mut self) {
        let sheet: &'a Sheet = self.sheet;
        let rows = &sheet.rows;
        let mut i = 0;
        while i < rows.len() {
            let row = &rows[i];
            if let Some(header) = self.grid_header(row) {
                i = self.read_grid(i, header);
                continue;
            }
            self.read_label_row(i);
            i += 1;
        }
        self.close();
    }

    /// The time-point columns of `row` when it heads an impact table: two
    /// or more time points, no label with a colon, and no score (a number
    /// or a severity word: that row is scores, whatever else it holds).
    fn grid_header(&self, row: &Row) -> Option<Vec<(u32, Minutes)>> {
        let mut times = Vec::new();
        for (c, v) in &row.cells {
            if self.taken.contains(&Pos::new(row.index, *c)) {
                continue;
            }
            let t = match v {
                Value::Text(t) => t,
                Value::Number(_) => return None,
                _ => continue,
            };
            if let Some(m) = time_point(t, self.cx.synonyms) {
                times.push((*c, m));
            } else if t.trim_end().ends_with(':') || is_severity_word(t) {
                return None;
            }
        }
        (times.len() >= 2).then_some(times)
    }

    /// The cells of `row` not yet read as the value of a label above.
    fn free<'r>(&self, row: &'r Row) -> impl Iterator<Item = &'r (u32, Value)> + use<'r, '_, 'a> {
        row.cells
            .iter()
            .filter(move |(c, _)| !self.taken.contains(&Pos::new(row.index, *c)))
    }

    /// The cell of `row` in column `col`, unless a label above took it.
    fn free_get<'r>(&self, row: &'r Row, col: u32) -> Option<&'r Value> {
        row.get(col)
            .filter(|_| !self.taken.contains(&Pos::new(row.index, col)))
    }

    /// The assessment's impact category `text` names, if any.
    fn category(&self, text: &str) -> Option<&'a bia_model::Category> {
        let m: &'a Methodology = self.cx.methodology;
        let canonical = self.cx.synonyms.category_named(text, &self.own)?;
        m.categories
            .iter()
            .find(|c| !c.retired && name_key(&c.name) == name_key(&canonical))
    }

    /// Whether row `row` of an impact table whose categories are in column
    /// `category_col` (the last row of which was `last`) is still the
    /// table's: a row whose first cell is a category, or any text that is
    /// no label, is a row of scores, even when its words read as time
    /// points; the table ends at a blank row (unless the row after it
    /// names a category), at a label, or at the header of another table
    /// (time points under no category: an empty or heading first cell).
    fn in_table(&self, row: &Row, category_col: u32, last: u32) -> bool {
        let Some((first_col, first)) = self.free(row).next() else {
            return false;
        };
        if !self.free(row).any(|(c, _)| *c >= category_col) {
            return false;
        }
        let label = |c: u32, v: &Value| match v {
            Value::Text(t) => self
                .cx
                .label(&self.sheet.name, Pos::new(row.index, c), t, &self.own),
            _ => None,
        };
        // "Process name:" anywhere starts a form, as does "Process name"
        // first on the row; "RTO:" or any "Label:" first ends the table.
        if label(*first_col, first).is_some_and(|l| l.colon || l.field == Field::Process)
            || self
                .free(row)
                .any(|(c, v)| label(*c, v).is_some_and(|l| l.colon && l.field != Field::Custom))
        {
            return false;
        }
        let heading = self
            .free_get(row, category_col)
            .map(|v| bia_model::clean_name(&v.display()));
        let names_category = heading.as_deref().and_then(|h| self.category(h)).is_some();
        if row.index > last + 1 && !(row.index == last + 2 && names_category) {
            return false;
        }
        let scores_row = names_category
            || heading.as_deref().is_some_and(|h| {
                !h.is_empty()
                    && !matches!(
                        self.cx
                            .synonyms
                            .classify(h, None, &self.own)
                            .map(|m| m.field),
                        Some(Field::ImpactCategories)
                    )
            });
        scores_row || self.grid_header(row).is_none()
    }

    /// Reads an impact table whose header is row `at`; the index of the
    /// first row after it.
    fn read_grid(&mut self, at: usize, times: Vec<(u32, Minutes)>) -> usize {
        let sheet: &'a Sheet = self.sheet;
        let rows = &sheet.rows;
        let header = &rows[at];
        let first_time = times[0].0;
        let category_col = header
            .cells
            .iter()
            .filter(|(c, _)| *c < first_time)
            .map(|(c, _)| *c)
            .next_back()
            .unwrap_or(first_time.saturating_sub(1));
        let m = self.cx.methodology;
        // Each column of the table: a horizon, a note column, or left out.
        enum Col {
            Horizon(Id),
            Note(String),
            /// Left out: the issue at its header (`Sheet!E12`), and that
            /// issue's index, to count the cells below it as its repeats.
            Out(String, usize),
        }
        let mut cols: Vec<(u32, Col)> = Vec::new();
        let mut used_horizons: FxHashMap<Id, u32> = FxHashMap::default();
        for (c, v) in &header.cells {
            let pos = Pos::new(header.index, *c);
            if self.taken.contains(&pos) {
                continue;
            }
            if *c < category_col {
                let at = self.addr(pos);
                self.issue(
                    Level::Warning,
                    pos,
                    "Left of the impact table's categories; not imported.".into(),
                );
                self.cell(pos, CellUse::LeftOut { issue: at });
                continue;
            }
            self.cell(pos, CellUse::Label);
            if *c == category_col {
                continue;
            }
            let Some(&(_, minutes)) = times.iter().find(|(tc, _)| tc == c) else {
                cols.push((*c, Col::Note(bia_model::clean_name(&v.display()))));
                continue;
            };
            let here = self.addr(pos);
            let col = match m.horizons.iter().find(|h| h.minutes >= minutes) {
                None => {
                    self.issue(
                        Level::Warning,
                        pos,
                        format!(
                            "{minutes} is beyond the assessment's last horizon; the column was \
                             not imported."
                        ),
                    );
                    Col::Out(here, self.out.issues.len() - 1)
                }
                Some(h) => match used_horizons.get(&h.id) {
                    Some(&other) => {
                        self.issue(
                            Level::Warning,
                            pos,
                            format!(
                                "{minutes} falls on the {} horizon, as column {} does; the column \
                                 was not imported.",
                                h.label,
                                column_letters(other)
                            ),
                        );
                        Col::Out(here, self.out.issues.len() - 1)
                    }
                    None => {
                        used_horizons.insert(h.id, *c);
                        if h.minutes != minutes {
                            self.issue(
                                Level::Warning,
                                pos,
                                format!(
                                    "The assessment has no {minutes} horizon; the column is scored \
                                     at the next one, {}.",
                                    h.label
                                ),
                            );
                        }
                        Col::Horizon(h.id)
                    }
                },
            };
            cols.push((*c, col));
        }
        let mut scored = 0usize;
        let mut filled = 0usize;
        let mut i = at + 1;
        let mut last = header.index;
        while i < rows.len() {
            let row = &rows[i];
            if !self.in_table(row, category_col, last) {
                break;
            }
            last = row.index;
            let category_pos = Pos::new(row.index, category_col);
            let category = self
                .free_get(row, category_col)
                .map(|v| bia_model::clean_name(&v.display()));
            let found = category.as_deref().and_then(|name| self.category(name));
            let row_issue = match (&category, found) {
                (_, Some(_)) => None,
                (Some(name), None) => {
                    self.issue(
                        Level::Warning,
                        category_pos,
                        format!(
                            "\"{name}\" is not an impact category of the assessment; the row was \
                             not imported."
                        ),
                    );
                    Some(self.addr(category_pos))
                }
                (None, None) => {
                    let first = self.free(row).find(|(c, _)| *c > category_col);
                    let pos = first.map_or(category_pos, |(c, _)| Pos::new(row.index, *c));
                    self.issue(
                        Level::Warning,
                        pos,
                        "The impact table's row names no category; it was not imported.".into(),
                    );
                    Some(self.addr(pos))
                }
            };
            let free: Vec<&(u32, Value)> = self.free(row).collect();
            for (c, v) in free {
                let pos = Pos::new(row.index, *c);
                if *c < category_col {
                    let at = self.addr(pos);
                    self.issue(
                        Level::Warning,
                        pos,
                        "Left of the impact table's categories; not imported.".into(),
                    );
                    self.cell(pos, CellUse::LeftOut { issue: at });
                    continue;
                }
                if *c == category_col {
                    match &row_issue {
                        Some(issue) if found.is_none() && category.is_some() => self.cell(
                            pos,
                            CellUse::LeftOut {
                                issue: issue.clone(),
                            },
                        ),
                        _ => self.cell(pos, CellUse::Label),
                    }
                    continue;
                }
                if let Some(issue) = &row_issue {
                    self.cell(
                        pos,
                        CellUse::LeftOut {
                            issue: issue.clone(),
                        },
                    );
                    continue;
                }
                let category = found.expect("a row without issue has a category");
                match cols.iter().find(|(cc, _)| cc == c).map(|(_, col)| col) {
                    Some(Col::Horizon(h)) => {
                        filled += 1;
                        scored += usize::from(
                            matches!(v, Value::Number(_))
                                || matches!(v, Value::Text(t) if !t.trim().is_empty()),
                        );
                        self.cell(pos, CellUse::Score);
                        if let Some(open) = &mut self.current {
                            open.form.scores.push(GridScore {
                                category: category.id,
                                horizon: *h,
                                pos,
                                value: v.clone(),
                            });
                        }
                    }
                    Some(Col::Note(header)) => {
                        self.cell(pos, CellUse::Value);
                        let name = format!("{header} – {}", category.name);
                        if let Some(open) = &mut self.current {
                            open.form.notes.push((name, pos, v.clone()));
                        }
                    }
                    Some(Col::Out(issue, index)) => {
                        // The header's issue stands for the cells under it.
                        self.out.issues[*index].repeats += 1;
                        self.cell(
                            pos,
                            CellUse::LeftOut {
                                issue: issue.clone(),
                            },
                        );
                    }
                    None => {
                        let at = self.addr(pos);
                        self.issue(
                            Level::Warning,
                            pos,
                            "Under no heading of the impact table; not imported.".into(),
                        );
                        self.cell(pos, CellUse::LeftOut { issue: at });
                    }
                }
            }
            i += 1;
        }
        let header_pos = Pos::new(header.index, times[0].0);
        if self.current.is_none() {
            // Above every process label: whose impacts they are is unknown.
            let at = self.addr(header_pos);
            self.issue(
                Level::Warning,
                header_pos,
                "An impact table above the first process name of the sheet; not imported.".into(),
            );
            for cell in &mut self.out.cells {
                if cell.pos.row >= header.index && cell.pos.row <= last {
                    cell.used = CellUse::LeftOut { issue: at.clone() };
                }
            }
        } else if filled == 0 || scored == 0 {
            self.issue(
                Level::Warning,
                header_pos,
                "The impact table has no scores; no impact was read.".into(),
            );
        }
        i
    }

    /// Reads a row of labels and values.
    fn read_label_row(&mut self, i: usize) {
        let sheet: &'a Sheet = self.sheet;
        let row = &sheet.rows[i];
        let own = std::mem::take(&mut self.own);
        let cells: Vec<(u32, &Value, Option<Label>)> = row
            .cells
            .iter()
            .filter(|(c, _)| !self.taken.contains(&Pos::new(row.index, *c)))
            .map(|(c, v)| {
                let label = match v {
                    Value::Text(t) => {
                        self.cx
                            .label(&self.sheet.name, Pos::new(row.index, *c), t, &own)
                    }
                    _ => None,
                };
                (*c, v, label)
            })
            .collect();
        self.own = own;
        // A bare word ("Department") is a label only with a value after it.
        let is_label: Vec<bool> = (0..cells.len())
            .map(|k| match &cells[k].2 {
                Some(l) if l.colon => true,
                Some(_) => cells
                    .get(k + 1)
                    .is_some_and(|next| next.2.as_ref().is_none_or(|n| !n.colon)),
                None => false,
            })
            .collect();
        let mut k = 0;
        while k < cells.len() {
            let (c, v, label) = &cells[k];
            let pos = Pos::new(row.index, *c);
            if !is_label[k] {
                self.stray(pos, v);
                k += 1;
                continue;
            }
            let label = label.clone().expect("a label");
            let mut end = k + 1;
            while end < cells.len() && !is_label[end] {
                end += 1;
            }
            let mut values: Vec<(Pos, Value)> = Vec::new();
            if let Some(inline) = &label.inline {
                values.push((pos, Value::Text(inline.clone())));
            }
            values.extend(
                cells[k + 1..end]
                    .iter()
                    .map(|(c, v, _)| (Pos::new(row.index, *c), (*v).clone())),
            );
            if values.is_empty() {
                values = self.below(i, *c, &label.field);
            }
            self.entry(pos, label, values);
            k = end;
        }
    }

    /// The value under a label with nothing beside it: the cell below (and
    /// for a list, the cells below that, down to a gap or a label).
    fn below(&mut self, i: usize, col: u32, field: &Field) -> Vec<(Pos, Value)> {
        let list = matches!(field, Field::Dependency { .. } | Field::UpstreamProcess);
        let sheet: &'a Sheet = self.sheet;
        let rows = &sheet.rows;
        let mut out = Vec::new();
        for (expect, row) in (rows[i].index + 1..).zip(&rows[i + 1..]) {
            if row.index != expect {
                break;
            }
            let Some(v) = row.get(col) else { break };
            let pos = Pos::new(row.index, col);
            let is_label = matches!(v, Value::Text(t) if self
                .cx
                .label(&self.sheet.name, pos, t, &self.own)
                .is_some_and(|l| l.colon || l.field == Field::Process));
            // A row of values, not of labels and values.
            let labels = row.cells.iter().any(|(c, v)| {
                matches!(v, Value::Text(t) if self
                    .cx
                    .label(&self.sheet.name, Pos::new(row.index, *c), t, &self.own)
                    .is_some_and(|l| l.colon))
            });
            if is_label || labels || self.grid_header(row).is_some() {
                break;
            }
            self.taken.insert(pos);
            out.push((pos, v.clone()));
            if !list {
                break;
            }
        }
        out
    }

    /// A cell beside no label.
    fn stray(&mut self, pos: Pos, v: &Value) {
        let at = self.addr(pos);
        let (level, message) = if self.current.is_none() {
            (
                Level::Info,
                format!(
                    "\"{}\" is above the sheet's first process name and beside no label (a title?); \
                     not imported.",
                    v.display().trim()
                ),
            )
        } else {
            (
                Level::Warning,
                format!(
                    "\"{}\" is beside no label of the form; not imported.",
                    v.display().trim()
                ),
            )
        };
        self.issue(level, pos, message);
        self.cell(pos, CellUse::LeftOut { issue: at });
    }

    /// A label and its values: the name starts a form; the others join the
    /// open form (or the sheet's preamble).
    fn entry(&mut self, pos: Pos, label: Label, mut values: Vec<(Pos, Value)>) {
        let key = mapping::normalise(&label.text);
        if !self.seen_labels.contains_key(&key) {
            self.seen_labels.insert(key, self.out.labels.len());
            self.out.labels.push((
                label.text.clone(),
                pos,
                label.field.clone(),
                label.unit,
                label.source,
            ));
        }
        // "4 | hours": a duration whose next cell is its unit.
        let mut unit = label.unit;
        let is_duration = matches!(
            label.field,
            Field::Rto | Field::Rpo | Field::Mtpd | Field::Wrt
        );
        let mut unit_cell = None;
        if is_duration
            && values.len() == 2
            && let Value::Text(t) = &values[1].1
            && let Some(u) = self.cx.synonyms.unit_named(t)
        {
            unit = Some(u);
            unit_cell = Some(values.pop().expect("two values").0);
        }
        let entry = Entry {
            label: label.text.clone(),
            at: pos,
            field: label.field.clone(),
            unit,
            source: label.source,
            values,
        };
        if label.field == Field::Process {
            self.close();
            let nameless = entry
                .values
                .iter()
                .all(|(_, v)| v.display().trim().is_empty());
            self.current = Some(Open {
                form: Form {
                    name: entry.clone(),
                    entries: Vec::new(),
                    scores: Vec::new(),
                    notes: Vec::new(),
                },
                nameless,
                cells: Vec::new(),
            });
            self.cell(pos, CellUse::Label);
            for (p, _) in &entry.values {
                if *p != pos {
                    self.cell(*p, CellUse::Value);
                }
            }
            return;
        }
        self.cell(pos, CellUse::Label);
        for (p, _) in &entry.values {
            if *p != pos {
                self.cell(*p, CellUse::Value);
            }
        }
        if let Some(u) = unit_cell {
            self.cell(u, CellUse::Unit);
        }
        if entry.values.is_empty() {
            self.issue(
                Level::Warning,
                pos,
                format!(
                    "\"{}\" has no value beside or below it; nothing was read.",
                    entry.label
                ),
            );
        }
        match &mut self.current {
            Some(open) => open.form.entries.push(entry),
            None => self.preamble.push(entry),
        }
    }

    /// Ends the open form: kept, or, without a name, left out whole.
    fn close(&mut self) {
        let Some(mut open) = self.current.take() else {
            return;
        };
        let sheet = self.sheet.name.clone();
        if open.nameless {
            let at = open.form.name.at;
            let last = open
                .cells
                .iter()
                .map(|(p, _)| p.row)
                .max()
                .unwrap_or(at.row);
            self.issue(
                Level::Error,
                at,
                format!(
                    "\"{}\" has no value beside or below it; the form (rows {} to {}) was not \
                     imported.",
                    open.form.name.label,
                    at.row + 1,
                    last + 1
                ),
            );
            let issue = self.addr(at);
            self.out
                .cells
                .extend(open.cells.into_iter().map(|(pos, _)| FormCell {
                    sheet: sheet.clone(),
                    pos,
                    used: CellUse::LeftOut {
                        issue: issue.clone(),
                    },
                }));
            return;
        }
        // The preamble's values for what the form does not say itself.
        for p in &self.preamble {
            let has = open.form.entries.iter().any(|e| {
                e.field == p.field
                    && (!matches!(e.field, Field::Custom)
                        || name_key(&e.label) == name_key(&p.label))
            });
            if !has && !p.values.is_empty() {
                open.form.entries.push(p.clone());
            }
        }
        self.out
            .cells
            .extend(open.cells.into_iter().map(|(pos, used)| FormCell {
                sheet: sheet.clone(),
                pos,
                used,
            }));
        self.out.forms.push(open.form);
    }
}

#[cfg(test)]
mod tests;
