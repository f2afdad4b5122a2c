//! The import plan: what applying a workbook would create or change in an
//! assessment — units, processes (with custom fields, objectives and
//! impact scores), resources, dependencies — and every doubt, each with
//! its `Sheet!A1` address. Built from a [`Workbook`] and a snapshot of the
//! assessment; writes nothing (the store applies a plan in one
//! transaction).
//!
//! Rules that keep an import faithful:
//! - the same process twice (same name, compared as `name_key`) is merged
//!   into one, with a warning; never doubled;
//! - a process already in the assessment is matched by its id column (a
//!   custom field of the same header and value) or by name, and updated;
//!   a value typed in a workshop is never overwritten: it is kept and an
//!   issue shows both values. A value the last import set, and nobody
//!   changed since, is updated (recorded in [`Provenance`]'s values);
//! - every column that means nothing known becomes a custom field;
//! - every imported value records its file, sheet and cell.

use std::path::Path;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use bia_model::duration::{Bound, Spoken};
use bia_model::{
    Assessment, CustomField, Id, ImportedValue, Minutes, Objectives, Process, ProcessInput,
    Provenance, ResourceKind, clean_name, name_key,
};

mod finish;
mod form;
mod page;
mod rows;
mod stream;
mod types;

pub use form::form_cells;
pub use page::{FIRST_PAGE, IssueLevels, List, ListPage, MAX_PAGE, Page, ProcessRow, Summary};
pub use stream::read_and_plan;
pub use types::{
    Action, Change, Counts, Plan, PlannedColumn, PlannedDependency, PlannedObjectives,
    PlannedProcess, PlannedResource, PlannedScore, PlannedTable, ScoreJson, Target, Unmapped,
};

use super::error::ImportError;
use super::grid::{
    Format, Issue, Level, Pos, Row, Sheet, Value, Workbook, address, column_letters,
};
use super::mapping::{ColumnChoice, Field, MappingFile, ResourceKindChoice, Source, Synonyms};
use super::table::{Column, Table, find_tables};
use super::values::{duration_cell, severity_cell, split_list, split_list_keyed};
use super::words::{WordBook, WordLevel, is_word, user_level, word_key};

/// How columns are read: the synonym table (shipped, plus the user's),
/// the columns the user pinned, the kinds the user gave resources the
/// import would otherwise create "to classify", and the levels the user
/// gave severity words ([`super::words`] has the default rule for the rest).
#[derive(Clone, Debug)]
pub struct Mapping {
    pub synonyms: Synonyms,
    pub choices: Vec<ColumnChoice>,
    pub kinds: Vec<ResourceKindChoice>,
    pub levels: Vec<WordLevel>,
}

impl Default for Mapping {
    fn default() -> Mapping {
        Mapping {
            synonyms: Synonyms::shipped(),
            choices: Vec::new(),
            kinds: Vec::new(),
            levels: Vec::new(),
        }
    }
}

impl Mapping {
    /// The shipped table extended by a mapping file (TOML, or JSON by its
    /// `.json` extension).
    pub fn from_file(path: &Path) -> Result<Mapping, ImportError> {
        let bad = |reason: String| ImportError::Mapping {
            path: path.to_path_buf(),
            reason,
        };
        let text = std::fs::read_to_string(path).map_err(|e| bad(e.to_string()))?;
        let json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        let file = MappingFile::parse(&text, json).map_err(bad)?;
        let mut mapping = Mapping::default();
        mapping.synonyms.extend(&file.synonyms).map_err(bad)?;
        mapping.choices = file.choices().map_err(bad)?;
        mapping.kinds = file.kinds().map_err(bad)?;
        mapping.levels = file.levels();
        Ok(mapping)
    }
}

/// A severity as read from a cell: the level (`None`: not scored) and the
/// notes to show, or why it cannot be read. Cheap to copy from the cache.
type SeverityRead = Result<(Option<u8>, Arc<[String]>), Arc<str>>;

/// A duration as read from a cell of one column, with the messages to
/// show at the cell. Cheap to copy from the cache.
#[derive(Clone, Debug)]
enum DurationRead {
    /// The RPO column says "N/A".
    NotApplicable,
    Read(Option<Spoken>, Arc<[String]>),
    Unreadable(Arc<str>),
}

/// What one column contributes to a process.
#[derive(Clone, Debug)]
enum Role {
    Process,
    Unit,
    Text(&'static str),
    MinimumStaff,
    /// The field (`rto`) and its label in messages (`RTO`).
    Duration(&'static str, &'static str),
    Mbco,
    Score {
        category: Id,
        horizon: Id,
    },
    Dependency(Option<ResourceKind>),
    /// The custom field's name, and its `name_key`.
    Custom(String, String),
    /// A criticality, tier or priority column: kept as the custom field
    /// (name, `name_key`) and read as the tier the workbook claimed.
    Claim(String, String),
    Ignore,
    /// Tables of one row per impact.
    TimePoint {
        seconds: bool,
    },
    Severity,
    Categories,
    /// A column of such a table that is not the process's: it annotates
    /// the row's scores (their note).
    Note(String),
}

impl Role {
    /// The role of a field of the process itself, the same for a table's
    /// column and a form's label; `None` for the fields whose role depends
    /// on where they are (custom fields, claims, impact columns).
    fn of_process_field(field: &Field) -> Option<Role> {
        let duration = |f: bia_model::ObjectiveField| Role::Duration(f.key(), f.label());
        Some(match field {
            Field::Process => Role::Process,
            Field::Unit => Role::Unit,
            Field::Owner => Role::Text("owner"),
            Field::Description => Role::Text("description"),
            Field::PeakPeriods => Role::Text("peak_periods"),
            Field::Workaround => Role::Text("workaround"),
            Field::Notes => Role::Text("notes"),
            Field::MinimumStaff => Role::MinimumStaff,
            Field::Rto => duration(bia_model::ObjectiveField::Rto),
            Field::Rpo => duration(bia_model::ObjectiveField::Rpo),
            Field::Mtpd => Role::Duration("mtpd", "MTPD"),
            Field::Wrt => duration(bia_model::ObjectiveField::Wrt),
            Field::Mbco => Role::Mbco,
            Field::Dependency { resource } => Role::Dependency(Some(*resource)),
            Field::UpstreamProcess => Role::Dependency(None),
            Field::Ignore => Role::Ignore,
            _ => return None,
        })
    }
}

/// What reading the rows of one table needs, worked out once.
#[derive(Debug)]
struct TableRead {
    /// Each column, its role and the minutes per unit its header states.
    roles: Vec<(u32, Role, Option<u32>)>,
    sheet: Arc<str>,
    has_unit_column: bool,
    /// One row per impact.
    long: bool,
    process_col: u32,
    title_unit: Option<(String, Pos)>,
    /// The sheet's name is the unit of its processes.
    per_sheet_units: bool,
    score_columns: usize,
    text_columns: usize,
    custom_columns: usize,
    duration_columns: usize,
}

/// Whether a table has one row per impact (time point, severity) rather
/// than one row per process.
fn is_impact_rows(table: &Table) -> bool {
    table
        .columns
        .iter()
        .any(|c| matches!(c.field, Field::TimePoint | Field::TimePointSeconds))
        && table.columns.iter().any(|c| c.field == Field::Severity)
}

/// What one row of a table of one row per impact said.
#[derive(Debug, Default)]
struct ImpactRow {
    time: Option<(Minutes, Pos)>,
    severity: Option<(u8, Pos)>,
    /// The severity was written as this word (its number in the word book).
    severity_word: Option<u32>,
    categories: Vec<String>,
    categories_at: Option<Pos>,
    note: Vec<String>,
}

/// A value with where it was read.
#[derive(Clone, Debug)]
struct Cell<T> {
    value: T,
    sheet: Arc<str>,
    pos: Pos,
}

fn mk<T>(sheet: &Arc<str>, pos: Pos, value: T) -> Cell<T> {
    Cell {
        value,
        sheet: Arc::clone(sheet),
        pos,
    }
}

impl<T> Cell<T> {
    fn address(&self) -> String {
        address(&self.sheet, self.pos)
    }
}

/// A process as read from its rows, before it meets the assessment.
#[derive(Debug, Default)]
struct Draft {
    name: Option<Cell<String>>,
    /// `name_key` of the name.
    key: String,
    unit: Option<Cell<String>>,
    /// owner, description, peak_periods, workaround, notes, minimum_staff.
    texts: Vec<(&'static str, Cell<String>)>,
    custom: Vec<(String, Cell<String>)>,
    /// `name_key` of each custom field's name, with its index in `custom`.
    custom_keys: rustc_hash::FxHashMap<String, usize>,
    durations: Vec<(&'static str, Cell<Option<Spoken>>)>,
    rpo_not_applicable: Option<Cell<bool>>,
    mbco: Option<Cell<u8>>,
    /// In the order read (a row's columns left to right); `sheet` is set
    /// when it is not the name's.
    scores: Vec<PlannedScore>,
    dependencies: Vec<(Target, Cell<()>)>,
    rows: Vec<String>,
}

impl Draft {
    /// The severity already read for a category and horizon, and its address.
    fn score(&self, category: Id, horizon: Id) -> Option<(u8, String)> {
        let s = self
            .scores
            .iter()
            .find(|s| s.category_id == category && s.horizon_id == horizon)?;
        let sheet = match (s.sheet(), &self.name) {
            (Some(sheet), _) => sheet,
            (None, Some(name)) => &name.sheet,
            (None, None) => "",
        };
        Some((s.severity, address(sheet, s.cell)))
    }

    fn push_score(
        &mut self,
        category: Id,
        horizon: Id,
        severity: u8,
        sheet: &Arc<str>,
        cell: Pos,
        note: String,
    ) {
        let own_sheet = self
            .name
            .as_ref()
            .is_some_and(|n| Arc::ptr_eq(&n.sheet, sheet) || n.sheet == *sheet);
        self.scores.push(PlannedScore::new(
            category,
            horizon,
            severity,
            (!own_sheet).then(|| sheet.to_string()),
            cell,
            note,
        ));
    }
}

/// Reads a workbook file and plans its import into `current`.
pub fn plan_file(
    path: &Path,
    current: &Assessment,
    mapping: &Mapping,
    limits: &super::Limits,
) -> Result<Plan, ImportError> {
    read_and_plan(path, limits, current, mapping)?.1
}

/// Plans the import of `workbook` (read from `path`) into `current`.
pub fn plan(
    path: &Path,
    workbook: &Workbook,
    current: &Assessment,
    mapping: &Mapping,
) -> Result<Plan, ImportError> {
    // This program's own workbook goes back exactly into a new file
    // (`import_workbook`); it is never guessed at and merged.
    if super::is_own_export(workbook) {
        return Err(ImportError::OwnIntoExisting {
            path: path.to_path_buf(),
        });
    }
    let own = category_names(current);
    let mut table_issues = Vec::new();
    let tables = find_tables(
        &workbook.sheets,
        &mapping.synonyms,
        &mapping.choices,
        &own,
        &mut table_issues,
    );
    // Sheets without a table may be forms; they are not "no table" then.
    let forms = form::read_forms(workbook, &tables, mapping, current);
    table_issues.retain(|i| !forms.iter().any(|f| *i == super::table::no_table(&f.name)));
    if tables.iter().all(|t| t.rows.is_empty()) && forms.iter().all(|f| f.forms.is_empty()) {
        return Err(no_table(
            path,
            workbook,
            tables.is_empty() && forms.is_empty(),
        ));
    }
    let mut planner = Planner::new(mapping, workbook.file.clone(), workbook.format, current);
    // One sheet per department: with two or more tables of processes (not
    // of impact rows), a table without a unit column takes its sheet's name.
    let per_sheet_units = tables.iter().filter(|t| !is_impact_rows(t)).count() > 1;
    let mut planned_tables = Vec::new();
    for table in &tables {
        let sheet = &workbook.sheets[table.sheet];
        let sheet_unit = per_sheet_units && !is_impact_rows(table);
        let read = planner.table_read(table, sheet_unit);
        planner.read_rows(sheet, table, &read);
        planned_tables.push(planned_table(table));
    }
    for f in &forms {
        planner.read_form_sheet(f);
        planned_tables.push(form::planned_form(f));
        table_issues.extend(f.issues.iter().cloned());
    }
    let mut issues = workbook.issues.clone();
    issues.append(&mut table_issues);
    Ok(planner.finish(planned_tables, issues))
}

fn category_names(current: &Assessment) -> Vec<String> {
    current
        .methodology
        .categories
        .iter()
        .map(|c| c.name.clone())
        .collect()
}

/// Why nothing can be imported: no sheet has a table (`no_header`), or
/// no row of one names a process.
fn no_table(path: &Path, workbook: &Workbook, no_header: bool) -> ImportError {
    let detail = if no_header {
        format!(
            "looked at the first {} rows of {} sheet(s)",
            super::table::HEADER_SEARCH,
            workbook.sheets.len()
        )
    } else {
        "the table has a header but no row names a process".to_string()
    };
    ImportError::NoTable {
        path: path.to_path_buf(),
        detail,
    }
}

fn planned_table(table: &Table) -> PlannedTable {
    PlannedTable {
        sheet: table.sheet_name.clone(),
        header_row: table.header_row + 1,
        band_row: table.band_row.map(|r| r + 1),
        rows: table.rows.len(),
        columns: table
            .columns
            .iter()
            .map(|c| PlannedColumn {
                column: column_letters(c.col),
                header: c.header.clone(),
                band: c.band.clone(),
                field: c.field.clone(),
                source: c.source,
                unit: c.unit,
            })
            .collect(),
    }
}

struct Planner<'a> {
    synonyms: &'a Synonyms,
    /// The user's kind for a name to classify, by `name_key`.
    kinds: FxHashMap<String, ResourceKind>,
    /// `name_key`s of the planned resources read from lists that said no
    /// kind (the preview offers a kind for each).
    to_classify: FxHashSet<String>,
    file: String,
    format: Format,
    current: &'a Assessment,
    issues: Vec<Issue>,
    drafts: Vec<Draft>,
    by_key: FxHashMap<String, usize>,
    unmapped: Vec<Unmapped>,
    /// (kind, name_key) → the first spelling met in the workbook, and where.
    resource_names: FxHashMap<(ResourceKind, String), Cell<String>>,
    severities: FxHashMap<String, SeverityRead>,
    /// (field, minutes per unit of the header) → text → how it was read.
    durations: FxHashMap<(&'static str, Option<u32>), FxHashMap<String, DurationRead>>,
    /// The notes of a value read without remark.
    no_notes: Arc<[String]>,
    /// Issue hash → (index, column) of its first occurrence.
    repeated: FxHashMap<u64, (usize, u32)>,
    /// The words severities were written as, and the levels the user gave some.
    words: WordBook,
    /// Cell text → its word's number (`None`: not a word), so a column of
    /// labels is keyed once per text.
    word_ids: FxHashMap<String, Option<u32>>,
    levels: &'a [WordLevel],
    /// (draft, index in its scores, word) of each score read from a word:
    /// its level is settled once every word is known.
    word_scores: Vec<(u32, u32, u32)>,
}

impl<'a> Planner<'a> {
    fn new(mapping: &'a Mapping, file: String, format: Format, current: &'a Assessment) -> Self {
        Planner {
            synonyms: &mapping.synonyms,
            kinds: mapping
                .kinds
                .iter()
                .map(|c| (name_key(&c.name), c.kind))
                .collect(),
            to_classify: FxHashSet::default(),
            file,
            format,
            current,
            issues: Vec::new(),
            drafts: Vec::new(),
            by_key: FxHashMap::default(),
            unmapped: Vec::new(),
            resource_names: FxHashMap::default(),
            severities: FxHashMap::default(),
            durations: FxHashMap::default(),
            no_notes: Arc::from(Vec::new()),
            repeated: FxHashMap::default(),
            words: WordBook::default(),
            word_ids: FxHashMap::default(),
            levels: &mapping.levels,
            word_scores: Vec::new(),
        }
    }
}

/// A cell's text as stored in a text field: trimmed, otherwise as typed.
fn cell_text(v: &Value) -> String {
    match v {
        Value::Text(t) => t.trim().to_string(),
        other => other.display(),
    }
}

fn text_of(v: &Value) -> String {
    match v {
        Value::Text(t) => clean_name(t),
        other => clean_name(&other.display()),
    }
}

fn change(field: &str, old: &str, new: &str, address: String) -> Change {
    Change {
        field: field.to_string(),
        old: old.to_string(),
        new: new.to_string(),
        address,
    }
}

fn describe_objectives(o: &PlannedObjectives) -> String {
    let mut parts = Vec::new();
    for (label, v) in [
        ("MTPD", o.mtpd),
        ("RTO", o.rto),
        ("RPO", o.rpo),
        ("WRT", o.wrt),
    ] {
        if let Some(s) = v {
            parts.push(format!("{label} {}", s.minutes));
        }
    }
    if o.rpo_not_applicable {
        parts.push("RPO n/a".into());
    }
    if let Some(p) = o.mbco_percent {
        parts.push(format!("MBCO {p} %"));
    }
    parts.join(", ")
}

fn show_spoken(s: Option<Spoken>) -> String {
    s.map(|s| s.minutes.to_string())
        .unwrap_or_else(|| "not set".into())
}

fn set_input(input: &mut ProcessInput, field: &str, value: &str) {
    let value = value.to_string();
    match field {
        "owner" => input.owner = value,
        "description" => input.description = value,
        "peak_periods" => input.peak_periods = value,
        "workaround" => input.workaround = value,
        "notes" => input.notes = value,
        "claimed_tier" => input.claimed_tier = value,
        "minimum_staff" => input.minimum_staff = value.parse().ok(),
        _ => {}
    }
}

fn get_input(input: &ProcessInput, field: &str) -> String {
    match field {
        "owner" => input.owner.clone(),
        "description" => input.description.clone(),
        "peak_periods" => input.peak_periods.clone(),
        "workaround" => input.workaround.clone(),
        "notes" => input.notes.clone(),
        "claimed_tier" => input.claimed_tier.clone(),
        "minimum_staff" => input
            .minimum_staff
            .map(|n| n.to_string())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

fn is_not_applicable(v: &Value) -> bool {
    matches!(v, Value::Text(t) if matches!(name_key(t).as_str(), "n/a" | "na" | "n.a." | "not applicable"))
}

fn staff(v: &Value) -> Result<Option<u32>, String> {
    let n = match v {
        Value::Number(n) => *n,
        Value::Text(t) => match t.trim().parse::<f64>() {
            Ok(n) => n,
            Err(_) if t.trim().is_empty() => return Ok(None),
            Err(_) => {
                return Err(format!(
                    "\"{}\" is not a number of staff; left out.",
                    t.trim()
                ));
            }
        },
        Value::Error(_) => return Ok(None),
        other => {
            return Err(format!(
                "{} is not a number of staff; left out.",
                other.display()
            ));
        }
    };
    if n < 0.0 || n.fract() != 0.0 || n > f64::from(bia_model::MAX_STAFF) {
        return Err(format!(
            "{} is not a number of staff; left out.",
            v.display()
        ));
    }
    Ok(Some(n as u32))
}

fn mbco(v: &Value) -> Result<Option<u8>, String> {
    let bad = || format!("MBCO: \"{}\" is not a percentage; left out.", v.display());
    let n = match v {
        Value::Number(n) if *n > 0.0 && *n < 1.0 => n * 100.0,
        Value::Number(n) => *n,
        Value::Text(t) => {
            let t = t.trim();
            if t.is_empty() || is_not_applicable(v) {
                return Ok(None);
            }
            let digits: String = t
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            digits.parse::<f64>().map_err(|_| bad())?
        }
        Value::Error(_) => return Ok(None),
        _ => return Err(bad()),
    };
    if !(0.0..=100.0).contains(&n) {
        return Err(bad());
    }
    Ok(Some(n.round() as u8))
}
