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
use std::rc::Rc;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::duration::{Bound, Spoken};
use crate::model::{
    Assessment, CustomField, Id, ImportedValue, Minutes, Objectives, Process, ProcessInput,
    Provenance, ResourceKind, clean_name, name_key,
};

use super::error::ImportError;
use super::grid::{Format, Issue, Level, Pos, Sheet, Value, Workbook, address, column_letters};
use super::mapping::{ColumnChoice, Field, MappingFile, Source, Synonyms};
use super::table::{Column, Table, find_tables};
use super::values::{duration_cell, severity_cell, split_list, split_list_keyed};

/// How columns are read: the synonym table (shipped, plus the user's) and
/// the columns the user pinned.
#[derive(Clone, Debug)]
pub struct Mapping {
    pub synonyms: Synonyms,
    pub choices: Vec<ColumnChoice>,
}

impl Default for Mapping {
    fn default() -> Mapping {
        Mapping {
            synonyms: Synonyms::shipped(),
            choices: Vec::new(),
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
        Ok(mapping)
    }
}

/// What will happen to a process.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "ImportAction")]
pub enum Action {
    Create,
    Update,
    /// Already in the assessment as the workbook says (or locked).
    Unchanged,
}

/// A value that changes on a process already in the assessment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportChange")]
pub struct Change {
    pub field: String,
    pub old: String,
    pub new: String,
    pub address: String,
}

/// Objectives read from a row; durations keep what the text said (both
/// bounds of a range); the lower bound is what is stored.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportObjectives")]
pub struct PlannedObjectives {
    pub mtpd: Option<Spoken>,
    pub rto: Option<Spoken>,
    pub rpo: Option<Spoken>,
    /// The workbook says "N/A" for the RPO.
    pub rpo_not_applicable: bool,
    pub wrt: Option<Spoken>,
    pub mbco_percent: Option<u8>,
    /// Kept from the assessment: rationale, who agreed, when.
    pub rationale: String,
    pub agreed_by: String,
    pub agreed_on: String,
    pub mtpd_override_reason: String,
    pub provenance: Provenance,
}

/// One impact score to set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportScore")]
pub struct PlannedScore {
    pub category_id: Id,
    pub horizon_id: Id,
    pub severity: u8,
    /// The sheet, when not the process's own ([`PlannedProcess::provenance`]).
    pub sheet: Option<String>,
    /// `F6` (written so in JSON).
    #[ts(type = "string")]
    pub cell: Pos,
    /// What the row said besides the severity (tables of one row per impact).
    #[serde(default)]
    pub note: String,
}

/// A process to create or update.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportProcess")]
pub struct PlannedProcess {
    pub action: Action,
    pub existing: Option<Id>,
    /// The unit's name; created when the assessment has none by that name.
    pub unit: Option<String>,
    /// The process as it will be stored (`unit_id` is set on commit).
    pub input: ProcessInput,
    pub provenance: Provenance,
    /// `None`: objectives are left as they are.
    pub objectives: Option<PlannedObjectives>,
    pub scores: Vec<PlannedScore>,
    /// For a process already there: what changes.
    pub changes: Vec<Change>,
    /// `Sheet!A5` of each row the process was read from.
    pub rows: Vec<String>,
}

/// A resource to create (or found in the assessment).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportResource")]
pub struct PlannedResource {
    pub kind: ResourceKind,
    pub name: String,
    pub existing: Option<Id>,
    pub provenance: Provenance,
}

/// What a dependency points at.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[ts(export, rename = "ImportDependencyTarget")]
pub enum Target {
    Resource {
        resource: ResourceKind,
        name: String,
    },
    Process {
        name: String,
    },
}

/// A dependency to record: `process` relies on `target`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportDependency")]
pub struct PlannedDependency {
    pub process: String,
    pub target: Target,
    /// Where it was read, stored as the dependency's note.
    pub note: String,
}

/// How a column was read, for the preview's mapping dropdowns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportColumn")]
pub struct PlannedColumn {
    /// `F`.
    pub column: String,
    pub header: String,
    pub band: Option<String>,
    pub field: Field,
    pub source: Source,
    /// Minutes per unit the header states.
    pub unit: Option<u32>,
}

/// The table found on one sheet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportTable")]
pub struct PlannedTable {
    pub sheet: String,
    /// 1-based, as Excel numbers rows.
    pub header_row: u32,
    pub band_row: Option<u32>,
    /// Rows holding a process.
    pub rows: usize,
    pub columns: Vec<PlannedColumn>,
}

/// A column kept as a custom field because nothing known was recognised.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportUnmappedColumn")]
pub struct Unmapped {
    pub sheet: String,
    pub column: String,
    pub header: String,
}

/// How many of each thing the plan holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportCounts")]
pub struct Counts {
    pub processes_new: usize,
    pub processes_updated: usize,
    pub processes_unchanged: usize,
    pub units_new: usize,
    pub resources_new: usize,
    pub dependencies_new: usize,
    pub scores: usize,
    pub objectives: usize,
    pub custom_fields: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// Everything an import would do, and every doubt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportPlan")]
pub struct Plan {
    pub file: String,
    pub format: Format,
    pub tables: Vec<PlannedTable>,
    /// Units to create.
    pub units: Vec<String>,
    pub processes: Vec<PlannedProcess>,
    pub resources: Vec<PlannedResource>,
    pub dependencies: Vec<PlannedDependency>,
    pub unmapped: Vec<Unmapped>,
    pub issues: Vec<Issue>,
    pub counts: Counts,
}

impl PlannedProcess {
    /// Where a planned score was read.
    pub fn score_provenance(&self, score: &PlannedScore) -> Provenance {
        let (file, sheet) = match &self.provenance {
            Provenance::Imported { file, sheet, .. } => (file.clone(), sheet.clone()),
            _ => (String::new(), String::new()),
        };
        Provenance::Imported {
            file,
            sheet: score.sheet.clone().unwrap_or(sheet),
            cell: score.cell.a1(),
            values: Vec::new(),
        }
    }
}

impl Plan {
    /// Whether applying the plan would change anything.
    pub fn is_empty(&self) -> bool {
        let c = &self.counts;
        c.processes_new + c.processes_updated + c.units_new + c.resources_new + c.dependencies_new
            == 0
    }
}

/// A severity as read from a cell: the level (`None`: not scored) and the
/// notes to show, or why it cannot be read. Cheap to copy from the cache.
type SeverityRead = Result<(Option<u8>, Rc<[String]>), Rc<str>>;

/// What one column contributes to a process.
#[derive(Clone, Debug)]
enum Role {
    Process,
    Unit,
    Text(&'static str),
    MinimumStaff,
    Duration(&'static str),
    Mbco,
    Score {
        category: Id,
        horizon: Id,
    },
    Dependency(Option<ResourceKind>),
    Custom(String),
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
    categories: Vec<String>,
    categories_at: Option<Pos>,
    note: Vec<String>,
}

/// A value with where it was read.
#[derive(Clone, Debug)]
struct Cell<T> {
    value: T,
    sheet: Rc<str>,
    pos: Pos,
}

fn mk<T>(sheet: &Rc<str>, pos: Pos, value: T) -> Cell<T> {
    Cell {
        value,
        sheet: Rc::clone(sheet),
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
    unit: Option<Cell<String>>,
    /// owner, description, peak_periods, workaround, notes, minimum_staff.
    texts: Vec<(&'static str, Cell<String>)>,
    custom: Vec<(String, Cell<String>)>,
    /// `name_key` of each custom field's name, in the same order.
    custom_keys: Vec<String>,
    durations: Vec<(&'static str, Cell<Option<Spoken>>)>,
    rpo_not_applicable: Option<Cell<bool>>,
    mbco: Option<Cell<u8>>,
    /// In the order read (a row's columns left to right).
    scores: Vec<((Id, Id), Cell<u8>)>,
    dependencies: Vec<(Target, Cell<()>)>,
    /// Notes of scores read from tables of one row per impact.
    score_notes: FxHashMap<(Id, Id), String>,
    rows: Vec<String>,
}

/// Reads a workbook file and plans its import into `current`.
pub fn plan_file(
    path: &Path,
    current: &Assessment,
    mapping: &Mapping,
    limits: &super::Limits,
) -> Result<Plan, ImportError> {
    let workbook = super::read_workbook(path, limits)?;
    plan(path, &workbook, current, mapping)
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
    if super::own::is_own_export(workbook) {
        return Err(ImportError::OwnIntoExisting {
            path: path.to_path_buf(),
        });
    }
    let own: Vec<String> = current
        .methodology
        .categories
        .iter()
        .map(|c| c.name.clone())
        .collect();
    let mut issues = workbook.issues.clone();
    let tables = find_tables(
        &workbook.sheets,
        &mapping.synonyms,
        &mapping.choices,
        &own,
        &mut issues,
    );
    if tables.iter().all(|t| t.rows.is_empty()) {
        let detail = if tables.is_empty() {
            format!(
                "looked at the first {} rows of {} sheet(s)",
                super::table::HEADER_SEARCH,
                workbook.sheets.len()
            )
        } else {
            "the table has a header but no row names a process".to_string()
        };
        return Err(ImportError::NoTable {
            path: path.to_path_buf(),
            detail,
        });
    }
    let mut planner = Planner {
        synonyms: &mapping.synonyms,
        file: workbook.file.clone(),
        format: workbook.format,
        current,
        issues,
        drafts: Vec::new(),
        by_key: FxHashMap::default(),
        unmapped: Vec::new(),
        resource_names: FxHashMap::default(),
        severities: FxHashMap::default(),
        repeated: FxHashMap::default(),
    };
    // One sheet per department: with two or more tables of processes (not
    // of impact rows), a table without a unit column takes its sheet's name.
    let per_sheet_units = tables.iter().filter(|t| !is_impact_rows(t)).count() > 1;
    let mut planned_tables = Vec::new();
    for table in &tables {
        let sheet = &workbook.sheets[table.sheet];
        let roles = planner.roles(table);
        let sheet_unit = per_sheet_units && !is_impact_rows(table);
        planner.read_rows(sheet, table, &roles, sheet_unit);
        planned_tables.push(PlannedTable {
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
        });
    }
    Ok(planner.finish(planned_tables))
}

struct Planner<'a> {
    synonyms: &'a Synonyms,
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
    /// Issue hash → (index, column) of its first occurrence.
    repeated: FxHashMap<u64, (usize, u32)>,
}

/// A cell's text as stored in a text field: trimmed, otherwise as typed.
fn cell_text(v: &Value) -> String {
    match v {
        Value::Text(t) => t.trim().to_string(),
        other => other.display(),
    }
}

fn text_of(v: &Value) -> String {
    clean_name(&v.display())
}

impl Planner<'_> {
    fn provenance(&self, sheet: &str, pos: Pos) -> Provenance {
        Provenance::Imported {
            file: self.file.clone(),
            sheet: sheet.to_string(),
            cell: pos.a1(),
            values: Vec::new(),
        }
    }

    /// What each column of `table` contributes, resolving impact columns
    /// against the methodology (one warning per column when a guess is made).
    fn roles(&mut self, table: &Table) -> Vec<(u32, Role, Option<u32>)> {
        let m = &self.current.methodology;
        let mut used_scores: FxHashSet<(Id, Id)> = FxHashSet::default();
        let headers: Vec<String> = table.columns.iter().map(|c| name_key(&c.header)).collect();
        let long = is_impact_rows(table);
        let mut roles = Vec::new();
        for c in &table.columns {
            let at = Pos::new(table.header_row, c.col);
            let custom_name = |c: &Column| {
                let repeated = headers
                    .iter()
                    .filter(|h| **h == name_key(&c.header))
                    .count()
                    > 1;
                match (&c.band, repeated) {
                    (Some(b), true) => format!("{b} – {}", c.header),
                    (None, true) => format!("{} ({})", c.header, column_letters(c.col)),
                    _ => c.header.clone(),
                }
            };
            let role = match &c.field {
                Field::Process => Role::Process,
                Field::Unit => Role::Unit,
                Field::Owner => Role::Text("owner"),
                Field::Description => Role::Text("description"),
                Field::PeakPeriods => Role::Text("peak_periods"),
                Field::Workaround => Role::Text("workaround"),
                Field::Notes => Role::Text("notes"),
                Field::MinimumStaff => Role::MinimumStaff,
                Field::Rto => Role::Duration("rto"),
                Field::Rpo => Role::Duration("rpo"),
                Field::Mtpd => Role::Duration("mtpd"),
                Field::Wrt => Role::Duration("wrt"),
                Field::Mbco => Role::Mbco,
                Field::Custom if long => Role::Note(custom_name(c)),
                Field::Id | Field::Criticality | Field::RecoveryCapability | Field::Custom => {
                    if c.source == Source::Unmapped {
                        self.unmapped.push(Unmapped {
                            sheet: table.sheet_name.clone(),
                            column: column_letters(c.col),
                            header: c.header.clone(),
                        });
                    }
                    Role::Custom(custom_name(c))
                }
                Field::Ignore => Role::Ignore,
                Field::TimePoint => Role::TimePoint { seconds: false },
                Field::TimePointSeconds => Role::TimePoint { seconds: true },
                Field::Severity => Role::Severity,
                Field::ImpactCategories => Role::Categories,
                Field::Dependency { resource } => Role::Dependency(Some(*resource)),
                Field::UpstreamProcess => Role::Dependency(None),
                Field::Impact { category, horizon } => {
                    let live = || m.categories.iter().filter(|c| !c.retired);
                    let cat = match category {
                        Some(name) => live().find(|x| name_key(&x.name) == name_key(name)),
                        None => {
                            let pick = live()
                                .find(|x| name_key(&x.name) == "operational")
                                .or_else(|| live().next());
                            if let Some(p) = pick {
                                self.issues.push(Issue::at(
                                    Level::Warning,
                                    &table.sheet_name,
                                    at,
                                    format!(
                                        "\"{}\" names no impact category; scored as {}.",
                                        c.header, p.name
                                    ),
                                ));
                            }
                            pick
                        }
                    };
                    let hor = m.horizons.iter().find(|h| h.minutes >= *horizon);
                    match (cat, hor) {
                        (Some(cat), Some(hor)) if used_scores.insert((cat.id, hor.id)) => {
                            if hor.minutes != *horizon {
                                self.issues.push(Issue::at(
                                    Level::Warning,
                                    &table.sheet_name,
                                    at,
                                    format!(
                                        "The assessment has no {horizon} horizon; \"{}\" is scored \
                                         at the next one, {}.",
                                        c.header, hor.label
                                    ),
                                ));
                            }
                            Role::Score {
                                category: cat.id,
                                horizon: hor.id,
                            }
                        }
                        (cat, hor) => {
                            let why = match (cat, hor) {
                                (None, _) => format!(
                                    "the category \"{}\" is not in the assessment's methodology",
                                    category.as_deref().unwrap_or("")
                                ),
                                (_, None) => {
                                    format!("{horizon} is beyond the assessment's last horizon")
                                }
                                _ => "another column already scores that category and horizon"
                                    .to_string(),
                            };
                            self.issues.push(Issue::at(
                                Level::Warning,
                                &table.sheet_name,
                                at,
                                format!("\"{}\": {why}; kept as a custom field.", c.header),
                            ));
                            Role::Custom(custom_name(c))
                        }
                    }
                }
            };
            roles.push((c.col, role, c.unit));
        }
        roles
    }

    fn read_rows(
        &mut self,
        sheet: &Sheet,
        table: &Table,
        roles: &[(u32, Role, Option<u32>)],
        per_sheet_units: bool,
    ) {
        let has_unit_column = roles.iter().any(|(_, r, _)| matches!(r, Role::Unit));
        // One row per impact: a process on many rows is the rule, not a duplicate.
        let long = roles
            .iter()
            .any(|(_, r, _)| matches!(r, Role::TimePoint { .. }));
        let sheet_rc: Rc<str> = Rc::from(sheet.name.as_str());
        let scale = &self.current.methodology.scale;
        let process_col = roles
            .iter()
            .find(|(_, r, _)| matches!(r, Role::Process))
            .map(|(c, _, _)| *c)
            .unwrap_or(0);
        for &i in &table.rows {
            let row = &sheet.rows[i];
            let Some(name_value) = row.get(process_col) else {
                continue;
            };
            let name_pos = Pos::new(row.index, process_col);
            let name = text_of(name_value);
            let key = name_key(&name);
            let at = |pos: Pos| address(&sheet.name, pos);
            let idx = match self.by_key.get(&key) {
                Some(&idx) if long => idx,
                Some(&idx) => {
                    let first = self.drafts[idx]
                        .name
                        .as_ref()
                        .map(Cell::address)
                        .unwrap_or_default();
                    self.issues.push(Issue::at(
                        Level::Warning,
                        &sheet.name,
                        name_pos,
                        format!(
                            "\"{name}\" appears again (first at {first}); the rows are merged into \
                             one process."
                        ),
                    ));
                    idx
                }
                None => {
                    self.drafts.push(Draft {
                        name: Some(mk(&sheet_rc, name_pos, name.clone())),
                        ..Draft::default()
                    });
                    self.by_key.insert(key, self.drafts.len() - 1);
                    self.drafts.len() - 1
                }
            };
            self.drafts[idx].rows.push(at(name_pos));
            if !has_unit_column {
                let unit = table
                    .title_unit
                    .as_ref()
                    .map(|(u, p)| (u.clone(), *p))
                    .or_else(|| per_sheet_units.then(|| (sheet.name.clone(), name_pos)));
                if let Some((unit, pos)) = unit {
                    self.set_unit(idx, unit, &sheet.name, pos);
                }
            }
            let mut impact = ImpactRow::default();
            for (col, role, unit) in roles {
                let Some(value) = row.get(*col) else { continue };
                let pos = Pos::new(row.index, *col);
                match role {
                    Role::Process | Role::Ignore => {}
                    Role::TimePoint { seconds } => {
                        let read = match (value, seconds) {
                            (Value::Number(n), true) if *n >= 0.0 => {
                                Ok(Some(Minutes((n / 60.0).round() as u32)))
                            }
                            (Value::Text(t), true) if t.trim().parse::<f64>().is_ok() => {
                                let n: f64 = t.trim().parse().unwrap_or(-1.0);
                                if n >= 0.0 {
                                    Ok(Some(Minutes((n / 60.0).round() as u32)))
                                } else {
                                    Err(format!("{n} is not a time point"))
                                }
                            }
                            _ => duration_cell(value, *unit).map(|r| r.value.map(|s| s.minutes)),
                        };
                        match read {
                            Ok(Some(m)) => impact.time = Some((m, pos)),
                            Ok(None) => {}
                            Err(e) => self.issue_at(
                                Level::Error,
                                &sheet.name,
                                pos,
                                format!("Time point: {e}; the row's impact was left out."),
                            ),
                        }
                    }
                    Role::Severity => match self.severity(value, scale) {
                        Ok((level, notes)) => {
                            for note in notes.iter() {
                                self.issue_str(Level::Warning, &sheet.name, pos, note);
                            }
                            impact.severity = level.map(|l| (l, pos));
                        }
                        Err(e) => self.issue_str(Level::Error, &sheet.name, pos, &e),
                    },
                    Role::Categories => {
                        if !matches!(value, Value::Error(_)) {
                            impact.categories = split_list(&value.display());
                            impact.categories_at = Some(pos);
                        }
                    }
                    Role::Note(name) => {
                        let text = cell_text(value);
                        if !text.is_empty() {
                            impact.note.push(format!("{name}: {text}"));
                        }
                    }
                    Role::Unit => {
                        if !matches!(value, Value::Error(_)) {
                            self.set_unit(idx, text_of(value), &sheet.name, pos);
                        }
                    }
                    Role::Text(field) => {
                        if !matches!(value, Value::Error(_)) {
                            let text = cell_text(value);
                            self.set_text(idx, field, mk(&sheet_rc, pos, text));
                        }
                    }
                    Role::Custom(name) => {
                        let text = cell_text(value);
                        self.set_custom(idx, name, mk(&sheet_rc, pos, text));
                    }
                    Role::MinimumStaff => match staff(value) {
                        Ok(Some(n)) => {
                            self.set_text(idx, "minimum_staff", mk(&sheet_rc, pos, n.to_string()))
                        }
                        Ok(None) => {}
                        Err(e) => self.issue_at(Level::Error, &sheet.name, pos, e),
                    },
                    Role::Duration(field) => {
                        if *field == "rpo" && is_not_applicable(value) {
                            self.drafts[idx].rpo_not_applicable = Some(mk(&sheet_rc, pos, true));
                            continue;
                        }
                        match duration_cell(value, *unit) {
                            Ok(read) => {
                                let label = field.to_uppercase();
                                for note in read.notes {
                                    self.issue_at(
                                        Level::Warning,
                                        &sheet.name,
                                        pos,
                                        format!("{label}: {note}."),
                                    );
                                }
                                self.set_duration(idx, field, mk(&sheet_rc, pos, read.value));
                            }
                            Err(e) => self.issue_at(
                                Level::Error,
                                &sheet.name,
                                pos,
                                format!("{}: {e}; left out.", field.to_uppercase()),
                            ),
                        }
                    }
                    Role::Mbco => match mbco(value) {
                        Ok(Some(p)) => self.drafts[idx].mbco = Some(mk(&sheet_rc, pos, p)),
                        Ok(None) => {}
                        Err(e) => self.issue_at(Level::Error, &sheet.name, pos, e),
                    },
                    Role::Score { category, horizon } => match self.severity(value, scale) {
                        Ok((level, notes)) => {
                            for note in notes.iter() {
                                self.issue_str(Level::Warning, &sheet.name, pos, note);
                            }
                            if let Some(sev) = level {
                                let scores = &mut self.drafts[idx].scores;
                                let key = (*category, *horizon);
                                match scores.iter().find(|(k, _)| *k == key).map(|(_, c)| c) {
                                    Some(first) if first.value != sev => {
                                        let msg = format!(
                                            "Scored {} at {} and {sev} here; the first is kept.",
                                            first.value,
                                            first.address()
                                        );
                                        self.issue_at(Level::Warning, &sheet.name, pos, msg);
                                    }
                                    Some(_) => {}
                                    None => scores.push((key, mk(&sheet_rc, pos, sev))),
                                }
                            }
                        }
                        Err(e) => self.issue_str(Level::Error, &sheet.name, pos, &e),
                    },
                    Role::Dependency(kind) => {
                        if matches!(value, Value::Error(_)) {
                            continue;
                        }
                        let listed = match value {
                            Value::Text(t) => split_list_keyed(t),
                            other => split_list_keyed(&other.display()),
                        };
                        for (name, key) in listed {
                            let target = match kind {
                                Some(k) => {
                                    let first = self
                                        .resource_names
                                        .entry((*k, key))
                                        .or_insert_with(|| mk(&sheet_rc, pos, name.clone()));
                                    Target::Resource {
                                        resource: *k,
                                        name: first.value.clone(),
                                    }
                                }
                                None => Target::Process { name },
                            };
                            let deps = &mut self.drafts[idx].dependencies;
                            if !deps.iter().any(|(t, _)| *t == target) {
                                deps.push((target, mk(&sheet_rc, pos, ())));
                            }
                        }
                    }
                }
            }
            self.impact_row(idx, &sheet_rc, row.index, impact);
        }
    }

    /// Reads a severity, remembering what each text was read as (a
    /// column of labels repeats a handful of texts thousands of times).
    fn severity(&mut self, value: &Value, scale: &[crate::model::SeverityLevel]) -> SeverityRead {
        let fresh = |value: &Value| match severity_cell(value, scale) {
            Ok(read) => Ok((
                read.value,
                read.notes.into_iter().map(|n| format!("{n}.")).collect(),
            )),
            Err(e) => Err(Rc::from(format!("{e}; left unscored."))),
        };
        let Value::Text(text) = value else {
            return fresh(value);
        };
        if let Some(known) = self.severities.get(text.as_str()) {
            return known.clone();
        }
        let read = fresh(value);
        self.severities.insert(text.clone(), read.clone());
        read
    }

    /// Records an issue; the same issue again further down the same column
    /// only counts as a repeat of the first (see [`Issue::repeats`]).
    /// Scores one row of a table of one row per impact: its severity at
    /// the horizon of its time point, in each of its categories.
    fn impact_row(&mut self, idx: usize, sheet: &Rc<str>, row: u32, impact: ImpactRow) {
        let (Some((minutes, time_at)), Some((severity, severity_at))) =
            (impact.time, impact.severity)
        else {
            if impact.time.is_some() || impact.severity.is_some() {
                let at = impact.time.map(|t| t.1).or(impact.severity.map(|s| s.1));
                if let Some(at) = at {
                    self.issue_at(
                        Level::Warning,
                        sheet,
                        at,
                        "The row has a time point or a severity but not both; no impact was scored.",
                    );
                }
            }
            return;
        };
        let m = &self.current.methodology;
        let Some(horizon) = m.horizons.iter().find(|h| h.minutes >= minutes) else {
            self.issue_at(
                Level::Error,
                sheet,
                time_at,
                format!("{minutes} is beyond the assessment's last horizon; the row's impact was left out."),
            );
            return;
        };
        let horizon_id = horizon.id;
        if horizon.minutes != minutes {
            let msg = format!(
                "The assessment has no {minutes} horizon; the impact is scored at the next one, {}.",
                horizon.label
            );
            self.issue_at(Level::Warning, sheet, time_at, msg);
        }
        let own: Vec<String> = m.categories.iter().map(|c| c.name.clone()).collect();
        let at = impact
            .categories_at
            .unwrap_or(Pos::new(row, severity_at.col));
        let mut unknown = Vec::new();
        let mut categories = Vec::new();
        for name in &impact.categories {
            let found = self.synonyms.category(name, &own).and_then(|canonical| {
                m.categories
                    .iter()
                    .find(|c| !c.retired && name_key(&c.name) == name_key(&canonical))
            });
            match found {
                Some(c) => categories.push(c.id),
                None => unknown.push(name.clone()),
            }
        }
        if impact.categories.is_empty() {
            self.issue_at(
                Level::Warning,
                sheet,
                at,
                "The row names no impact category; no impact was scored.",
            );
        }
        if !unknown.is_empty() {
            self.issue_at(
                Level::Warning,
                sheet,
                at,
                format!(
                    "Not an impact category of the assessment: {}; left out.",
                    unknown.join(", ")
                ),
            );
        }
        let note = impact.note.join("; ");
        for category in categories {
            let key = (category, horizon_id);
            let d = &mut self.drafts[idx];
            match d
                .scores
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, c)| c.clone())
            {
                Some(first) if first.value != severity => {
                    let msg = format!(
                        "Scored {} at {} and {severity} here; the first is kept.",
                        first.value,
                        first.address()
                    );
                    self.issue_at(Level::Warning, sheet, severity_at, msg);
                }
                Some(_) => {}
                None => {
                    d.scores.push((key, mk(sheet, severity_at, severity)));
                    if !note.is_empty() {
                        d.score_notes.insert(key, note.clone());
                    }
                }
            }
        }
    }

    fn issue_at(&mut self, level: Level, sheet: &str, pos: Pos, message: impl Into<String>) {
        self.issue_str(level, sheet, pos, &message.into());
    }

    /// [`Planner::issue_at`], copying the message only when it is new.
    fn issue_str(&mut self, level: Level, sheet: &str, pos: Pos, message: &str) {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        (level, sheet, pos.col, message).hash(&mut h);
        let key = h.finish();
        if let Some(&(i, col)) = self.repeated.get(&key) {
            let first = &mut self.issues[i];
            if col == pos.col
                && first.level == level
                && first.sheet.as_deref() == Some(sheet)
                && first.message == message
            {
                first.repeats += 1;
                return;
            }
        }
        self.repeated.insert(key, (self.issues.len(), pos.col));
        self.issues
            .push(Issue::at(level, sheet, pos, message.to_string()));
    }

    /// Keeps the first value of a merged process; a different later one is
    /// a warning.
    fn conflict(&mut self, what: &str, first: &Cell<String>, later: &Cell<String>) {
        if first.value != later.value && !later.value.is_empty() {
            self.issues.push(Issue::at(
                Level::Warning,
                &later.sheet,
                later.pos,
                format!(
                    "{what}: \"{}\" here, \"{}\" at {}; the first is kept.",
                    later.value,
                    first.value,
                    first.address()
                ),
            ));
        }
    }

    fn set_unit(&mut self, idx: usize, unit: String, sheet: &str, pos: Pos) {
        if unit.is_empty() {
            return;
        }
        let later = Cell {
            value: unit,
            sheet: Rc::from(sheet),
            pos,
        };
        match self.drafts[idx].unit.clone() {
            Some(first) => self.conflict("Unit", &first, &later),
            None => self.drafts[idx].unit = Some(later),
        }
    }

    fn set_text(&mut self, idx: usize, field: &'static str, value: Cell<String>) {
        if value.value.is_empty() {
            return;
        }
        let existing = self.drafts[idx]
            .texts
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, c)| c.clone());
        match existing {
            Some(first) => self.conflict(field, &first, &value),
            None => self.drafts[idx].texts.push((field, value)),
        }
    }

    fn set_custom(&mut self, idx: usize, name: &str, value: Cell<String>) {
        if value.value.is_empty() {
            return;
        }
        let key = name_key(name);
        let d = &mut self.drafts[idx];
        match d.custom_keys.iter().position(|k| *k == key) {
            Some(i) => {
                let first = d.custom[i].1.clone();
                self.conflict(name, &first, &value);
            }
            None => {
                d.custom.push((name.to_string(), value));
                d.custom_keys.push(key);
            }
        }
    }

    fn set_duration(&mut self, idx: usize, field: &'static str, value: Cell<Option<Spoken>>) {
        let durations = &mut self.drafts[idx].durations;
        match durations.iter().find(|(f, _)| *f == field) {
            Some((_, first))
                if first.value.map(|s| s.minutes) != value.value.map(|s| s.minutes) =>
            {
                let msg = format!(
                    "{}: differs from {} at {}; the first is kept.",
                    field.to_uppercase(),
                    show_spoken(first.value),
                    first.address()
                );
                let (sheet, pos) = (value.sheet.clone(), value.pos);
                self.issue_at(Level::Warning, &sheet, pos, msg);
            }
            Some(_) => {}
            None => durations.push((field, value)),
        }
    }

    /// Meets each draft with the assessment and builds the plan.
    fn finish(mut self, tables: Vec<PlannedTable>) -> Plan {
        let current = self.current;
        let processes_by_key: FxHashMap<String, &Process> = current
            .processes
            .iter()
            .map(|p| (name_key(&p.name), p))
            .collect();
        let id_headers: Vec<String> = tables
            .iter()
            .flat_map(|t| t.columns.iter())
            .filter(|c| c.field == Field::Id)
            .map(|c| name_key(&c.header))
            .collect();
        let processes_by_ref: FxHashMap<(String, String), &Process> = current
            .processes
            .iter()
            .flat_map(|p| {
                p.custom_fields
                    .iter()
                    .filter(|f| id_headers.contains(&name_key(&f.name)))
                    .map(move |f| ((name_key(&f.name), name_key(&f.value)), p))
            })
            .collect();
        let unit_keys: FxHashSet<String> =
            current.units.iter().map(|u| name_key(&u.name)).collect();
        let objectives: FxHashMap<Id, &Objectives> = current
            .objectives
            .iter()
            .map(|o| (o.process_id, o))
            .collect();
        let scores: FxHashMap<(Id, Id, Id), &crate::model::Score> = current
            .scores
            .iter()
            .map(|s| ((s.process_id, s.category_id, s.horizon_id), s))
            .collect();

        let mut units: Vec<String> = Vec::new();
        let mut unit_seen: FxHashSet<String> = FxHashSet::default();
        let mut processes = Vec::new();
        let mut dependencies = Vec::new();
        let drafts = std::mem::take(&mut self.drafts);
        let planned_names: FxHashSet<String> = drafts
            .iter()
            .filter_map(|d| d.name.as_ref().map(|n| name_key(&n.value)))
            .collect();
        for d in drafts {
            let Some(name) = d.name.clone() else { continue };
            let by_ref = d.custom.iter().find_map(|(n, c)| {
                processes_by_ref
                    .get(&(name_key(n), name_key(&c.value)))
                    .copied()
            });
            let existing = by_ref.or_else(|| processes_by_key.get(&name_key(&name.value)).copied());
            if let Some(u) = &d.unit
                && !unit_keys.contains(&name_key(&u.value))
                && unit_seen.insert(name_key(&u.value))
            {
                units.push(u.value.clone());
            }
            let planned = match existing {
                None => self.create(&d, &name),
                Some(p) => self.update(&d, &name, p, objectives.get(&p.id).copied(), &scores),
            };
            let problems = planned.input.issues();
            if !problems.is_empty() {
                let said: Vec<String> = problems.into_iter().map(|i| i.message).collect();
                self.issue_at(
                    Level::Error,
                    &name.sheet,
                    name.pos,
                    format!("{} The process was left out.", said.join(" ")),
                );
                continue;
            }
            for (target, cell) in &d.dependencies {
                if let Target::Process { name: upstream } = target {
                    if name_key(upstream) == name_key(&name.value) {
                        self.issue_at(
                            Level::Warning,
                            &cell.sheet,
                            cell.pos,
                            format!("\"{upstream}\" cannot depend on itself; left out."),
                        );
                        continue;
                    }
                    if !planned_names.contains(&name_key(upstream))
                        && !processes_by_key.contains_key(&name_key(upstream))
                    {
                        self.issue_at(
                            Level::Warning,
                            &cell.sheet,
                            cell.pos,
                            format!(
                                "Upstream process \"{upstream}\" is neither in the workbook nor in \
                                 the assessment; the dependency was left out."
                            ),
                        );
                        continue;
                    }
                }
                dependencies.push(PlannedDependency {
                    process: planned.input.name.clone(),
                    target: target.clone(),
                    note: format!("Imported from {}, {}", self.file, cell.address()),
                });
            }
            processes.push(planned);
        }

        let resources: Vec<PlannedResource> = {
            let mut list: Vec<_> = self.resource_names.iter().collect();
            list.sort_by_key(|((k, _), c)| (*k, c.value.clone()));
            list.into_iter()
                .map(|((kind, key), cell)| PlannedResource {
                    kind: *kind,
                    name: cell.value.clone(),
                    existing: current
                        .resources
                        .iter()
                        .find(|r| r.kind == *kind && name_key(&r.name) == *key)
                        .map(|r| r.id),
                    provenance: self.provenance(&cell.sheet, cell.pos),
                })
                .collect()
        };
        let dependencies = self.new_dependencies(dependencies, &processes, &resources);

        let mut counts = Counts {
            units_new: units.len(),
            resources_new: resources.iter().filter(|r| r.existing.is_none()).count(),
            dependencies_new: dependencies.len(),
            ..Counts::default()
        };
        for p in &processes {
            match p.action {
                Action::Create => counts.processes_new += 1,
                Action::Update => counts.processes_updated += 1,
                Action::Unchanged => counts.processes_unchanged += 1,
            }
            if p.action != Action::Unchanged {
                counts.scores += p.scores.len();
                counts.objectives += usize::from(p.objectives.is_some());
                counts.custom_fields += p.input.custom_fields.len();
            }
        }
        self.issues = super::grid::collapse(std::mem::take(&mut self.issues));
        counts.errors = self
            .issues
            .iter()
            .filter(|i| i.level == Level::Error)
            .count();
        counts.warnings = self
            .issues
            .iter()
            .filter(|i| i.level == Level::Warning)
            .count();
        Plan {
            file: self.file,
            format: self.format,
            tables,
            units,
            processes,
            resources,
            dependencies,
            unmapped: self.unmapped,
            issues: self.issues,
            counts,
        }
    }

    /// Drops dependencies the assessment already records.
    fn new_dependencies(
        &self,
        planned: Vec<PlannedDependency>,
        processes: &[PlannedProcess],
        resources: &[PlannedResource],
    ) -> Vec<PlannedDependency> {
        let current = self.current;
        let mut ids: FxHashMap<String, Id> = current
            .processes
            .iter()
            .map(|p| (name_key(&p.name), p.id))
            .collect();
        for p in processes {
            if let Some(id) = p.existing {
                ids.insert(name_key(&p.input.name), id);
            }
        }
        let resource_ids: FxHashMap<(ResourceKind, String), Id> = resources
            .iter()
            .filter_map(|r| r.existing.map(|id| ((r.kind, name_key(&r.name)), id)))
            .collect();
        let existing_id = |name: &str| ids.get(&name_key(name)).copied();
        let links: FxHashSet<(Id, Id)> = current
            .dependencies
            .iter()
            .map(|d| (d.from.id(), d.to.id()))
            .collect();
        planned
            .into_iter()
            .filter(|d| {
                let Some(from) = existing_id(&d.process) else {
                    return true;
                };
                let to = match &d.target {
                    Target::Process { name } => existing_id(name),
                    Target::Resource { resource, name } => {
                        resource_ids.get(&(*resource, name_key(name))).copied()
                    }
                };
                to.is_none_or(|to| !links.contains(&(from, to)))
            })
            .collect()
    }

    fn base_provenance(&self, name: &Cell<String>) -> Provenance {
        self.provenance(&name.sheet, name.pos)
    }

    /// The cell of a value, relative to the provenance's sheet.
    fn imported_value(
        name: &Cell<String>,
        field: &str,
        cell: &Cell<impl Sized>,
        value: &str,
    ) -> ImportedValue {
        ImportedValue {
            field: field.to_string(),
            cell: if cell.sheet == name.sheet {
                cell.pos.a1()
            } else {
                cell.address()
            },
            value: value.to_string(),
        }
    }

    fn create(&mut self, d: &Draft, name: &Cell<String>) -> PlannedProcess {
        let mut values = vec![Self::imported_value(name, "name", name, &name.value)];
        let mut input = ProcessInput {
            name: name.value.clone(),
            ..ProcessInput::default()
        };
        for (field, cell) in &d.texts {
            set_input(&mut input, field, &cell.value);
            values.push(Self::imported_value(name, field, cell, &cell.value));
        }
        for (n, cell) in &d.custom {
            input.custom_fields.push(CustomField {
                name: n.clone(),
                value: cell.value.clone(),
            });
            values.push(Self::imported_value(
                name,
                &format!("custom:{n}"),
                cell,
                &cell.value,
            ));
        }
        let mut provenance = self.base_provenance(name);
        if let Provenance::Imported { values: v, .. } = &mut provenance {
            *v = values;
        }
        let objectives = self.objectives(d, name, None);
        let scores = self.scores(d, name, None, &FxHashMap::default());
        PlannedProcess {
            action: Action::Create,
            existing: None,
            unit: d.unit.as_ref().map(|u| u.value.clone()),
            input,
            provenance,
            objectives,
            scores,
            changes: Vec::new(),
            rows: d.rows.clone(),
        }
    }

    fn update(
        &mut self,
        d: &Draft,
        name: &Cell<String>,
        p: &Process,
        objectives: Option<&Objectives>,
        scores: &FxHashMap<(Id, Id, Id), &crate::model::Score>,
    ) -> PlannedProcess {
        let mut input = ProcessInput {
            name: p.name.clone(),
            unit_id: p.unit_id,
            owner: p.owner.clone(),
            description: p.description.clone(),
            peak_periods: p.peak_periods.clone(),
            minimum_staff: p.minimum_staff,
            workaround: p.workaround.clone(),
            notes: p.notes.clone(),
            status: p.status,
            custom_fields: p.custom_fields.clone(),
        };
        let mut values: Vec<ImportedValue> = match &p.provenance {
            Provenance::Imported { values, .. } => values.clone(),
            _ => Vec::new(),
        };
        let mut changes = Vec::new();
        let current_unit = p
            .unit_id
            .and_then(|u| self.current.unit(u))
            .map(|u| u.name.clone());
        let mut unit = current_unit.clone();
        if let Some(u) = &d.unit
            && current_unit
                .as_ref()
                .is_none_or(|c| name_key(c) != name_key(&u.value))
        {
            let old = current_unit.clone().unwrap_or_default();
            if self.may_overwrite(p, "unit", &old, &u.value, u) {
                changes.push(change("unit", &old, &u.value, u.address()));
                values.retain(|v| v.field != "unit");
                values.push(Self::imported_value(name, "unit", u, &u.value));
                unit = Some(u.value.clone());
                input.unit_id = None;
            }
        }
        if name.value != p.name && self.may_overwrite(p, "name", &p.name, &name.value, name) {
            changes.push(change("name", &p.name, &name.value, name.address()));
            input.name = name.value.clone();
            values.retain(|v| v.field != "name");
            values.push(Self::imported_value(name, "name", name, &name.value));
        }
        for (field, cell) in &d.texts {
            let old = get_input(&input, field);
            if old != cell.value && self.may_overwrite(p, field, &old, &cell.value, cell) {
                changes.push(change(field, &old, &cell.value, cell.address()));
                set_input(&mut input, field, &cell.value);
                values.retain(|v| v.field != *field);
                values.push(Self::imported_value(name, field, cell, &cell.value));
            }
        }
        for (n, cell) in &d.custom {
            let key = format!("custom:{n}");
            let slot = input
                .custom_fields
                .iter()
                .position(|f| name_key(&f.name) == name_key(n));
            let old = slot
                .map(|i| input.custom_fields[i].value.clone())
                .unwrap_or_default();
            if old != cell.value && self.may_overwrite(p, &key, &old, &cell.value, cell) {
                changes.push(change(n, &old, &cell.value, cell.address()));
                match slot {
                    Some(i) => input.custom_fields[i].value = cell.value.clone(),
                    None => input.custom_fields.push(CustomField {
                        name: n.clone(),
                        value: cell.value.clone(),
                    }),
                }
                values.retain(|v| v.field != key);
                values.push(Self::imported_value(name, &key, cell, &cell.value));
            }
        }
        let locked = p.status == crate::model::Status::Approved;
        let objectives = self.objectives(d, name, objectives);
        let scores = self.scores(d, name, Some(p.id), scores);
        if let Some(o) = &objectives {
            changes.push(change(
                "objectives",
                "",
                &describe_objectives(o),
                name.address(),
            ));
        }
        if !scores.is_empty() {
            changes.push(change(
                "impact",
                "",
                &format!("{} score(s)", scores.len()),
                name.address(),
            ));
        }
        let mut provenance = match &p.provenance {
            Provenance::Imported { .. } | Provenance::Workshop | Provenance::Demo => {
                self.base_provenance(name)
            }
        };
        if let Provenance::Imported { values: v, .. } = &mut provenance {
            *v = values;
        }
        if locked && !changes.is_empty() {
            self.issue_at(
                Level::Warning,
                &name.sheet,
                name.pos,
                format!(
                    "\"{}\" is approved and locked in the assessment; it was not updated ({} \
                     change(s) left out). Reopen it and import again to apply them.",
                    p.name,
                    changes.len()
                ),
            );
        }
        let action = if locked || changes.is_empty() {
            Action::Unchanged
        } else {
            Action::Update
        };
        PlannedProcess {
            action,
            existing: Some(p.id),
            unit,
            input,
            provenance,
            objectives: if action == Action::Unchanged {
                None
            } else {
                objectives
            },
            scores: if action == Action::Unchanged {
                Vec::new()
            } else {
                scores
            },
            changes: if locked { Vec::new() } else { changes },
            rows: d.rows.clone(),
        }
    }

    /// Whether an import may replace `old` with `new` for `field` of `p`:
    /// yes when `old` is empty or still what an import set; otherwise the
    /// workshop's value is kept, and an issue says so.
    fn may_overwrite(
        &mut self,
        p: &Process,
        field: &str,
        old: &str,
        new: &str,
        cell: &Cell<impl Sized>,
    ) -> bool {
        if old.is_empty() || p.provenance.imported_as(field, old) {
            return true;
        }
        self.issue_at(
            Level::Warning,
            &cell.sheet,
            cell.pos,
            format!(
                "{field} of \"{}\": the assessment's \"{old}\" (typed in a workshop) is kept; the \
                 workbook says \"{new}\".",
                p.name
            ),
        );
        false
    }

    fn objectives(
        &mut self,
        d: &Draft,
        name: &Cell<String>,
        existing: Option<&Objectives>,
    ) -> Option<PlannedObjectives> {
        if d.durations.iter().all(|(_, c)| c.value.is_none())
            && d.mbco.is_none()
            && d.rpo_not_applicable.is_none()
        {
            return None;
        }
        let mut o = PlannedObjectives::default();
        let mut values = Vec::new();
        let from_existing = |m: Option<Minutes>| {
            m.map(|m| Spoken {
                minutes: m,
                upper: None,
                bound: Bound::Exact,
                business: false,
                unit_stated: true,
                rounded: false,
            })
        };
        if let Some(e) = existing {
            o.mtpd = from_existing(e.mtpd_override);
            o.rto = from_existing(e.rto);
            o.rpo = from_existing(e.rpo);
            o.rpo_not_applicable = e.rpo_not_applicable;
            o.wrt = from_existing(e.wrt);
            o.mbco_percent = e.mbco_percent;
            o.rationale = e.rationale.clone();
            o.agreed_by = e.agreed_by.clone();
            o.agreed_on = e.agreed_on.clone();
            o.mtpd_override_reason = e.mtpd_override_reason.clone();
            if let Provenance::Imported { values: v, .. } = &e.provenance {
                values = v.clone();
            }
        }
        let existing_prov = existing.map(|e| e.provenance.clone());
        let mut changed = existing.is_none();
        for (field, cell) in &d.durations {
            let Some(new) = cell.value else { continue };
            let slot = match *field {
                "rto" => &mut o.rto,
                "rpo" => &mut o.rpo,
                "mtpd" => &mut o.mtpd,
                _ => &mut o.wrt,
            };
            let old = slot.map(|s| s.minutes.to_string()).unwrap_or_default();
            let shown = new.minutes.to_string();
            if old == shown {
                continue;
            }
            let imported = existing_prov
                .as_ref()
                .is_none_or(|p| old.is_empty() || p.imported_as(field, &old));
            if !imported {
                self.issue_at(
                    Level::Warning,
                    &cell.sheet,
                    cell.pos,
                    format!(
                        "{} of \"{}\": the assessment's {old} (agreed in a workshop) is kept; the \
                         workbook says {shown}.",
                        field.to_uppercase(),
                        name.value
                    ),
                );
                continue;
            }
            *slot = Some(new);
            changed = true;
            values.retain(|v: &ImportedValue| v.field != *field);
            values.push(Self::imported_value(name, field, cell, &shown));
            if *field == "rpo" {
                o.rpo_not_applicable = false;
            }
            if *field == "mtpd" {
                o.mtpd_override_reason = format!(
                    "Stated in the imported workbook ({}, {})",
                    self.file,
                    cell.address()
                );
            }
        }
        if let Some(cell) = &d.rpo_not_applicable
            && o.rpo.is_none()
            && !o.rpo_not_applicable
        {
            o.rpo_not_applicable = true;
            changed = true;
            values.push(Self::imported_value(name, "rpo", cell, "n/a"));
        }
        if let Some(cell) = &d.mbco
            && o.mbco_percent != Some(cell.value)
        {
            let old = o.mbco_percent.map(|p| p.to_string()).unwrap_or_default();
            let imported = existing_prov
                .as_ref()
                .is_none_or(|p| old.is_empty() || p.imported_as("mbco", &old));
            if imported {
                o.mbco_percent = Some(cell.value);
                changed = true;
                values.retain(|v| v.field != "mbco");
                values.push(Self::imported_value(
                    name,
                    "mbco",
                    cell,
                    &cell.value.to_string(),
                ));
            } else {
                self.issue_at(
                    Level::Warning,
                    &cell.sheet,
                    cell.pos,
                    format!(
                        "MBCO of \"{}\": the assessment's {old} % (agreed in a workshop) is kept; \
                         the workbook says {} %.",
                        name.value, cell.value
                    ),
                );
            }
        }
        if !changed {
            return None;
        }
        let mut provenance = self.base_provenance(name);
        if let Provenance::Imported { values: v, .. } = &mut provenance {
            *v = values;
        }
        o.provenance = provenance;
        Some(o)
    }

    fn scores(
        &mut self,
        d: &Draft,
        name: &Cell<String>,
        process: Option<Id>,
        existing: &FxHashMap<(Id, Id, Id), &crate::model::Score>,
    ) -> Vec<PlannedScore> {
        let mut out = Vec::with_capacity(d.scores.len());
        for ((category, horizon), cell) in &d.scores {
            if let Some(p) = process
                && let Some(old) = existing.get(&(p, *category, *horizon))
            {
                if old.severity == Some(cell.value) {
                    continue;
                }
                if old.severity.is_some() && !matches!(old.provenance, Provenance::Imported { .. })
                {
                    self.issue_at(
                        Level::Warning,
                        &cell.sheet,
                        cell.pos,
                        format!(
                            "Impact of \"{}\": the assessment's {} (scored in a workshop) is kept; \
                             the workbook says {}.",
                            name.value,
                            old.severity.unwrap_or_default(),
                            cell.value
                        ),
                    );
                    continue;
                }
            }
            out.push(PlannedScore {
                category_id: *category,
                horizon_id: *horizon,
                severity: cell.value,
                sheet: (cell.sheet != name.sheet).then(|| cell.sheet.to_string()),
                cell: cell.pos,
                note: if d.score_notes.is_empty() {
                    String::new()
                } else {
                    d.score_notes
                        .get(&(*category, *horizon))
                        .cloned()
                        .unwrap_or_default()
                },
            });
        }
        out
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
    if n < 0.0 || n.fract() != 0.0 || n > f64::from(crate::model::MAX_STAFF) {
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
