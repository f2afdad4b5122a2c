//! This program's own executive workbook, read back exactly into a plan.
//! The export keeps every id and every duration's minutes in hidden
//! columns, and its sheets have fixed headers (`crate::layout`), so instead
//! of guessing (synonyms, units in headers) this reads them by name: the
//! facts, the methodology, units (by their paths), processes with custom
//! fields and status, impact scores and rationales, objectives, resources
//! and dependencies (by id). It writes nothing: the application layer
//! creates the new assessment from the [`OwnPlan`] in one edit.

use std::collections::HashMap;

use bia_model::{
    AssessmentInput, CategoryInput, CustomField, HorizonInput, Id, MethodologyInput, Minutes,
    ObjectiveField, ObjectivesInput, ProcessInput, Redundancy, ResourceInput, ResourceKind, Status,
    Strength, TierInput,
};

use super::{ImportError, Pos, Row, Sheet, Value, Workbook, address};
use crate::layout::{
    CHANGES_SHEET, CURRENCY_LABEL, HEADER_ROW as HEADER, PROCESS_ID_HEADER, SHEETS,
    UNIT_PATH_SEPARATOR,
};

/// Whether `workbook` is one this program exported: its nine sheets in
/// order (and perhaps the Changes sheet after them, which is not read) and
/// the hidden id column of the register.
pub fn is_own_export(workbook: &Workbook) -> bool {
    let names: Vec<&str> = workbook.sheets.iter().map(|s| s.name.as_str()).collect();
    let ours = match names.split_last() {
        Some((&last, before)) if last == CHANGES_SHEET => before,
        _ => names.as_slice(),
    };
    ours == SHEETS.as_slice()
        && sheet(workbook, "Processes")
            .and_then(|s| row(s, HEADER))
            .and_then(|r| r.get(0))
            .is_some_and(|v| v.display() == PROCESS_ID_HEADER)
}

/// Where a planned row came from: its sheet and its row (0-based).
#[derive(Clone, Debug, PartialEq)]
pub struct OwnSource {
    pub sheet: &'static str,
    pub row: u32,
}

impl OwnSource {
    /// The row's address, at its first column of data (`Processes!B5`).
    pub fn cell(&self) -> String {
        Pos::new(self.row, 1).a1()
    }
}

/// A unit, by its path; its parent comes earlier in [`OwnPlan::units`].
#[derive(Clone, Debug, PartialEq)]
pub struct OwnUnit {
    pub name: String,
    pub parent: Option<usize>,
}

/// A process as exported; `unit` indexes [`OwnPlan::units`].
#[derive(Clone, Debug, PartialEq)]
pub struct OwnProcess {
    pub input: ProcessInput,
    pub unit: Option<usize>,
    pub status: Status,
    pub from: OwnSource,
}

/// A process's objectives, as typed text read from the exact minutes.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnObjectives {
    pub process: usize,
    pub input: ObjectivesInput,
    pub from: OwnSource,
}

/// One impact cell, by the names of its category and horizon (their ids
/// are made when the methodology is).
#[derive(Clone, Debug, PartialEq)]
pub struct OwnScore {
    pub category: String,
    pub horizon: String,
    pub severity: Option<u8>,
    pub note: Option<String>,
}

/// A process's impact grid and rationale.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnImpact {
    pub process: usize,
    pub scores: Vec<OwnScore>,
    pub rationale: String,
    pub from: OwnSource,
}

/// A resource as exported.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnResource {
    pub input: ResourceInput,
    pub from: OwnSource,
}

/// One end of a dependency: an index into the processes or the resources.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum OwnNode {
    Process(usize),
    Resource(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub struct OwnDependency {
    pub from: OwnNode,
    pub to: OwnNode,
    pub strength: Strength,
    pub note: String,
    pub source: OwnSource,
}

/// Everything an exported workbook holds, ready to be written into a new
/// assessment: the facts, the methodology, then the rows in the order they
/// are written (units parents first).
#[derive(Clone, Debug, PartialEq)]
pub struct OwnPlan {
    /// The workbook's file name, for provenance.
    pub file: String,
    pub facts: AssessmentInput,
    pub methodology: MethodologyInput,
    pub units: Vec<OwnUnit>,
    pub processes: Vec<OwnProcess>,
    pub objectives: Vec<OwnObjectives>,
    pub impacts: Vec<OwnImpact>,
    pub resources: Vec<OwnResource>,
    pub dependencies: Vec<OwnDependency>,
}

/// Reads an exported workbook into an [`OwnPlan`], refusing (with the
/// sheet and cell) a workbook whose sheets or columns are not as exported.
pub fn read_own(workbook: &Workbook) -> Result<OwnPlan, ImportError> {
    let at = |sheet: &'static str, r: &Row| OwnSource {
        sheet,
        row: r.index,
    };

    // The assessment's facts, from the Summary.
    let summary = sheet(workbook, "Summary").ok_or_else(|| bad(workbook, "Summary", "missing"))?;
    let title = row(summary, 0).map(|r| text(r, 0)).unwrap_or_default();
    let fact = |label: &str| {
        summary
            .rows
            .iter()
            .find(|r| text(r, 0) == label)
            .map(|r| text(r, 1))
            .unwrap_or_default()
    };
    let facts = AssessmentInput {
        name: title
            .strip_prefix("Business impact analysis — ")
            .unwrap_or(&title)
            .to_string(),
        organisation: fact("Organisation"),
        scope: fact("Scope"),
        facilitator: fact("Facilitator"),
    };
    let methodology = methodology(workbook)?;

    // Units, from the processes' paths, parents first.
    let processes = Table::new(workbook, "Processes", HEADER)?;
    let (p_id, p_name, p_path) = (
        processes.col(PROCESS_ID_HEADER)?,
        processes.col("Process")?,
        processes.col("Unit path")?,
    );
    let mut units: Vec<OwnUnit> = Vec::new();
    let mut unit_at: HashMap<String, usize> = HashMap::new();
    for r in processes.rows(p_id) {
        let path = text(r, p_path);
        let mut parent: Option<usize> = None;
        let mut so_far = String::new();
        for name in path.split(UNIT_PATH_SEPARATOR).filter(|n| !n.is_empty()) {
            so_far.push_str(name);
            so_far.push_str(UNIT_PATH_SEPARATOR);
            let index = *unit_at.entry(so_far.clone()).or_insert_with(|| {
                units.push(OwnUnit {
                    name: name.to_string(),
                    parent,
                });
                units.len() - 1
            });
            parent = Some(index);
        }
    }

    // Processes, with every column after "Source" as a custom field.
    let source = processes.col("Source")?;
    let col = |name: &str| processes.col(name);
    let (owner, description, peak, staff, workaround, notes, status) = (
        col("Owner")?,
        col("Description")?,
        col("Peak periods")?,
        col("Minimum staff")?,
        col("Workaround")?,
        col("Notes")?,
        col("Status")?,
    );
    let mut planned_processes = Vec::new();
    let mut process_at: HashMap<Id, usize> = HashMap::new();
    for r in processes.rows(p_id) {
        let unit_path = text(r, p_path);
        let input = ProcessInput {
            name: text(r, p_name).into(),
            unit_id: None,
            owner: text(r, owner),
            description: text(r, description),
            peak_periods: text(r, peak),
            minimum_staff: number(r, staff).map(|n| n as u32),
            workaround: text(r, workaround),
            notes: text(r, notes),
            claimed_tier: String::new(),
            status: Status::Draft,
            custom_fields: processes.custom_fields(r, source),
        };
        if let Some(old) = id_of(r, p_id) {
            process_at.insert(old, planned_processes.len());
        }
        planned_processes.push(OwnProcess {
            input,
            unit: (!unit_path.is_empty())
                .then(|| {
                    unit_at
                        .get(&format!("{unit_path}{UNIT_PATH_SEPARATOR}"))
                        .copied()
                })
                .flatten(),
            status: status_of(&text(r, status)),
            from: at("Processes", r),
        });
    }

    // Objectives: the exact minutes from the hidden columns.
    let objectives = Table::new(workbook, "Objectives", HEADER)?;
    let o = |name: &str| objectives.col(name);
    let minutes = |f: ObjectiveField| o(&format!("{} (minutes)", f.label()));
    let (o_id, mtpd, reason, rto, rpo_text, rpo, wrt, mbco, why, by, on) = (
        o(PROCESS_ID_HEADER)?,
        o("MTPD (agreed, minutes)")?,
        o("MTPD override reason")?,
        minutes(ObjectiveField::Rto)?,
        o(ObjectiveField::Rpo.label())?,
        minutes(ObjectiveField::Rpo)?,
        minutes(ObjectiveField::Wrt)?,
        o("MBCO (%)")?,
        o("Rationale")?,
        o("Agreed by")?,
        o("Agreed on")?,
    );
    // Exports before claimed tiers have no such column.
    let claimed = o("Tier claimed").ok();
    let mut planned_objectives = Vec::new();
    for r in objectives.rows(o_id) {
        let Some(process) = id_of(r, o_id).and_then(|old| process_at.get(&old).copied()) else {
            continue;
        };
        if let Some(c) = claimed {
            planned_processes[process].input.claimed_tier = text(r, c);
        }
        let input = ObjectivesInput {
            mtpd_override: duration(r, mtpd),
            mtpd_override_reason: text(r, reason),
            rto: duration(r, rto),
            rpo: if text(r, rpo_text) == "n/a" {
                "n/a".into()
            } else {
                duration(r, rpo)
            },
            wrt: duration(r, wrt),
            mbco: number(r, mbco).map_or_else(String::new, |n| (n as u32).to_string()),
            rationale: text(r, why),
            agreed_by: text(r, by),
            agreed_on: text(r, on),
        };
        if input != ObjectivesInput::default() {
            planned_objectives.push(OwnObjectives {
                process,
                input,
                from: at("Objectives", r),
            });
        }
    }

    // Impact: band (category) over header (horizon), by the process's id.
    let impact = Table::new(workbook, "Impact", HEADER + 1)?;
    let band = row(impact.sheet, HEADER);
    let (i_id, rationale) = (
        impact.col(PROCESS_ID_HEADER)?,
        impact.col("Impact rationale")?,
    );
    let score_notes = impact.col("Score notes").ok();
    let mut cells: Vec<(u32, String, String)> = Vec::new();
    let mut category = String::new();
    for (c, horizon) in &impact.header {
        if let Some(b) = band.and_then(|b| b.get(*c)) {
            category = b.display();
        }
        let name = category.strip_suffix(" (retired)").unwrap_or(&category);
        let known = methodology.categories.iter().any(|x| x.name == name)
            && methodology.horizons.iter().any(|h| h.label == *horizon);
        if known {
            cells.push((*c, name.to_string(), horizon.clone()));
        }
    }
    let mut impacts = Vec::new();
    for r in impact.rows(i_id) {
        let Some(process) = id_of(r, i_id).and_then(|old| process_at.get(&old).copied()) else {
            continue;
        };
        let mut scores: Vec<OwnScore> = cells
            .iter()
            .filter_map(|(c, category, horizon)| {
                Some(OwnScore {
                    category: category.clone(),
                    horizon: horizon.clone(),
                    severity: Some(number(r, *c)? as u8),
                    note: None,
                })
            })
            .collect();
        // "Category @ horizon: note", one per line.
        for line in score_notes.map(|c| text(r, c)).unwrap_or_default().lines() {
            let Some((cell, note)) = line.split_once(": ") else {
                continue;
            };
            let Some((category, horizon)) = cell.rsplit_once(" @ ") else {
                continue;
            };
            let known = methodology.categories.iter().any(|x| x.name == category)
                && methodology.horizons.iter().any(|h| h.label == horizon);
            if !known {
                continue;
            }
            match scores
                .iter_mut()
                .find(|s| s.category == category && s.horizon == horizon)
            {
                Some(score) => score.note = Some(note.to_string()),
                None => scores.push(OwnScore {
                    category: category.to_string(),
                    horizon: horizon.to_string(),
                    severity: None,
                    note: Some(note.to_string()),
                }),
            }
        }
        impacts.push(OwnImpact {
            process,
            scores,
            rationale: text(r, rationale),
            from: at("Impact", r),
        });
    }

    // Resources, with their custom fields after "Source".
    let resources = Table::new(workbook, "Resources", HEADER)?;
    let c = |name: &str| resources.col(name);
    let (r_id, kind, name, owner, description, rto_cap, rpo_cap, contract, redundancy, notes) = (
        c("Resource ID")?,
        c("Kind")?,
        c("Resource")?,
        c("Owner")?,
        c("Description")?,
        c("RTO capability (minutes)")?,
        c("RPO capability (minutes)")?,
        c("Contractual recovery (minutes)")?,
        c("Redundancy")?,
        c("Notes")?,
    );
    let r_source = c("Source")?;
    let mut planned_resources = Vec::new();
    let mut resource_at: HashMap<Id, usize> = HashMap::new();
    for r in resources.rows(r_id) {
        let input = ResourceInput {
            kind: ResourceKind::parse(&text(r, kind)).unwrap_or(ResourceKind::Application),
            name: text(r, name).into(),
            owner: text(r, owner),
            description: text(r, description),
            rto_capability: duration(r, rto_cap),
            rpo_capability: duration(r, rpo_cap),
            redundancy: Redundancy::parse(&text(r, redundancy)).unwrap_or_default(),
            contractual_recovery: duration(r, contract),
            notes: text(r, notes),
            custom_fields: resources.custom_fields(r, r_source),
        };
        if let Some(old) = id_of(r, r_id) {
            resource_at.insert(old, planned_resources.len());
        }
        planned_resources.push(OwnResource {
            input,
            from: at("Resources", r),
        });
    }

    // Dependencies, by the ids of both ends.
    let dependencies = Table::new(workbook, "Dependencies", HEADER)?;
    let d = |name: &str| dependencies.col(name);
    let (d_id, from_id, from_kind, to_id, to_kind, strength, note) = (
        d("Dependency ID")?,
        d("From ID")?,
        d("From kind")?,
        d("To ID")?,
        d("Relies on (kind)")?,
        d("Strength")?,
        d("Note")?,
    );
    let node = |r: &Row, id_col: u32, kind_col: u32| -> Option<OwnNode> {
        let old = id_of(r, id_col)?;
        if text(r, kind_col) == "process" {
            process_at.get(&old).copied().map(OwnNode::Process)
        } else {
            resource_at.get(&old).copied().map(OwnNode::Resource)
        }
    };
    let mut planned_dependencies = Vec::new();
    for r in dependencies.rows(d_id) {
        let (Some(from), Some(to)) = (node(r, from_id, from_kind), node(r, to_id, to_kind)) else {
            return Err(ImportError::Own {
                address: address("Dependencies", Pos::new(r.index, 1)),
                reason: "one end of this dependency is not in the workbook".into(),
            });
        };
        planned_dependencies.push(OwnDependency {
            from,
            to,
            strength: Strength::parse(&text(r, strength)).unwrap_or_default(),
            note: text(r, note).trim().to_string(),
            source: at("Dependencies", r),
        });
    }

    Ok(OwnPlan {
        file: workbook.file.clone(),
        facts,
        methodology,
        units,
        processes: planned_processes,
        objectives: planned_objectives,
        impacts,
        resources: planned_resources,
        dependencies: planned_dependencies,
    })
}

fn sheet<'a>(workbook: &'a Workbook, name: &str) -> Option<&'a Sheet> {
    workbook.sheets.iter().find(|s| s.name == name)
}

fn row(sheet: &Sheet, index: u32) -> Option<&Row> {
    sheet
        .rows
        .binary_search_by_key(&index, |r| r.index)
        .ok()
        .map(|i| &sheet.rows[i])
}

/// One sheet's table: its header's columns by name, and its data rows.
struct Table<'a> {
    sheet: &'a Sheet,
    columns: HashMap<String, u32>,
    /// Columns after `from` (custom fields), in order, with their headers.
    header: Vec<(u32, String)>,
    first_data: u32,
}

impl<'a> Table<'a> {
    fn new(workbook: &'a Workbook, name: &str, header_row: u32) -> Result<Table<'a>, ImportError> {
        let sheet =
            sheet(workbook, name).ok_or_else(|| bad(workbook, name, "the sheet is missing"))?;
        let header: Vec<(u32, String)> = row(sheet, header_row)
            .map(|r| r.cells.iter().map(|(c, v)| (*c, v.display())).collect())
            .unwrap_or_default();
        Ok(Table {
            sheet,
            columns: header.iter().map(|(c, h)| (h.clone(), *c)).collect(),
            header,
            first_data: header_row + 1,
        })
    }

    /// The custom fields of `r`: every non-empty cell right of `last_fixed`,
    /// named by its header.
    fn custom_fields(&self, r: &Row, last_fixed: u32) -> Vec<CustomField> {
        self.header
            .iter()
            .filter(|(c, _)| *c > last_fixed)
            .filter_map(|(c, name)| {
                let value = text(r, *c);
                (!value.is_empty()).then(|| CustomField {
                    name: name.clone(),
                    value,
                })
            })
            .collect()
    }

    fn col(&self, name: &str) -> Result<u32, ImportError> {
        self.columns
            .get(name)
            .copied()
            .ok_or_else(|| ImportError::Own {
                address: address(&self.sheet.name, Pos::new(HEADER, 0)),
                reason: format!("no column \"{name}\""),
            })
    }

    /// Data rows, down to the first without a value in `key`.
    fn rows(&self, key: u32) -> impl Iterator<Item = &'a Row> + '_ {
        self.sheet
            .rows
            .iter()
            .skip_while(move |r| r.index < self.first_data)
            .take_while(move |r| r.get(key).is_some())
    }
}

fn bad(workbook: &Workbook, sheet: &str, reason: &str) -> ImportError {
    ImportError::Own {
        address: format!("{}, {sheet}", workbook.file),
        reason: reason.into(),
    }
}

fn text(r: &Row, col: u32) -> String {
    r.get(col).map_or_else(String::new, Value::display)
}

fn number(r: &Row, col: u32) -> Option<f64> {
    match r.get(col)? {
        Value::Number(n) => Some(*n),
        Value::Text(t) => t.trim().parse().ok(),
        _ => None,
    }
}

/// A duration from its hidden minutes column, written as the store reads it.
fn duration(r: &Row, minutes_col: u32) -> String {
    number(r, minutes_col).map_or_else(String::new, |m| Minutes(m as u32).to_string())
}

fn id_of(r: &Row, col: u32) -> Option<Id> {
    text(r, col).parse().ok()
}

fn status_of(label: &str) -> Status {
    match label {
        "Approved" => Status::Approved,
        "In review" => Status::InReview,
        _ => Status::Draft,
    }
}

/// The rows from `first` down to the first blank row (or blank first cell).
fn consecutive(rows: &[Row], first: u32) -> impl Iterator<Item = &Row> {
    let start = rows.partition_point(|r| r.index < first);
    rows[start..]
        .iter()
        .enumerate()
        .take_while(move |(i, r)| r.index == first + *i as u32 && !text(r, 0).is_empty())
        .map(|(_, r)| r)
}

/// The methodology from its sheet: categories with their definitions, the
/// scale, the threshold, the currency (blank from an export older than
/// it), the horizons and the tiers.
fn methodology(workbook: &Workbook) -> Result<MethodologyInput, ImportError> {
    let sheet =
        sheet(workbook, "Methodology").ok_or_else(|| bad(workbook, "Methodology", "missing"))?;
    let header = row(sheet, HEADER).ok_or_else(|| bad(workbook, "Methodology", "no header"))?;
    let levels = header.cells.len().saturating_sub(3);
    let section = |title: &str| sheet.rows.iter().position(|r| text(r, 0) == title);
    let threshold = sheet
        .rows
        .iter()
        .find(|r| text(r, 0) == "Unacceptable from severity")
        .and_then(|r| number(r, 1))
        .unwrap_or(3.0) as u8;
    let currency = sheet
        .rows
        .iter()
        .find(|r| text(r, 0) == CURRENCY_LABEL)
        .map(|r| text(r, 1))
        .unwrap_or_default();
    let mut input = MethodologyInput {
        threshold,
        currency,
        ..MethodologyInput::default()
    };
    for r in consecutive(&sheet.rows, HEADER + 1) {
        let own = number(r, 1).map(|n| n as u8);
        input.categories.push(CategoryInput {
            id: None,
            name: text(r, 0),
            threshold: own.filter(|t| *t != threshold),
            retired: text(r, 2) == "yes",
            definitions: (0..levels as u32).map(|i| text(r, 3 + i)).collect(),
        });
    }
    let rows_after = |title: &str| -> Vec<&Row> {
        section(title).map_or_else(Vec::new, |i| {
            consecutive(&sheet.rows, sheet.rows[i].index + 2).collect()
        })
    };
    input.scale = rows_after("Severity scale")
        .iter()
        .map(|r| text(r, 1))
        .collect();
    input.horizons = rows_after("Time horizons")
        .iter()
        .map(|r| HorizonInput {
            id: None,
            label: text(r, 0),
            duration: number(r, 1).map_or_else(String::new, |m| Minutes(m as u32).to_string()),
        })
        .collect();
    input.tiers = rows_after("Recovery tiers")
        .iter()
        .map(|r| TierInput {
            id: None,
            name: text(r, 0),
            max_rto: duration(r, 3),
        })
        .collect();
    Ok(input)
}
