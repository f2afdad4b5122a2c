//! BIA Workbench's own executive workbook, read back exactly. The export
//! keeps every id and every duration's minutes in hidden columns, and its
//! sheets have fixed headers, so instead of guessing (synonyms, units in
//! headers) this reads them by name: methodology, units (by their paths),
//! processes with custom fields and status, impact scores and rationales,
//! objectives, resources and dependencies (by id). Into a new assessment
//! the round trip gives back the same assessment, ids and timestamps
//! apart. The file is created with its facts, then everything else is
//! written as one journaled edit.

use std::collections::HashMap;
use std::path::Path;

use bia_excel::import::{ImportError, Pos, Row, Sheet, Value, Workbook, address};
use bia_excel::layout::{HEADER_ROW as HEADER, PROCESS_ID_HEADER, UNIT_PATH_SEPARATOR};
use bia_model::{
    AssessmentInput, CategoryInput, CustomField, HorizonInput, Id, MethodologyInput, Minutes,
    NodeRef, ObjectivesInput, ProcessInput, Provenance, Redundancy, ResourceInput, ResourceKind,
    ScoreInput, Status, Strength, TierInput, UnitInput,
};
use bia_store::{Store, Writer};

use crate::error::{Error, Result};

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
    fn new(workbook: &'a Workbook, name: &str, header_row: u32) -> Result<Table<'a>> {
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

    fn col(&self, name: &str) -> Result<u32> {
        self.columns.get(name).copied().ok_or_else(|| {
            Error::from(ImportError::Own {
                address: address(&self.sheet.name, Pos::new(HEADER, 0)),
                reason: format!("no column \"{name}\""),
            })
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

fn bad(workbook: &Workbook, sheet: &str, reason: &str) -> Error {
    Error::from(ImportError::Own {
        address: format!("{}, {sheet}", workbook.file),
        reason: reason.into(),
    })
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

/// What reading the workbook into a new assessment made.
#[derive(Debug, Default)]
pub struct OwnImport {
    pub units: usize,
    pub processes: usize,
    pub scores: usize,
    pub objectives: usize,
    pub resources: usize,
    pub dependencies: usize,
}

/// Builds a new assessment at `into` from an exported `workbook` read from
/// `path`. The caller removes `into` if this fails.
pub fn import_into_new(path: &Path, workbook: &Workbook, into: &Path) -> Result<OwnImport> {
    let file = workbook.file.clone();
    let provenance = |sheet: &str, r: &Row| Provenance::Imported {
        file: file.clone(),
        sheet: sheet.to_string(),
        cell: Pos::new(r.index, 1).a1(),
        values: Vec::new(),
    };
    let _ = path;

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
    let mut store = Store::create(
        into,
        &AssessmentInput {
            name: title
                .strip_prefix("Business impact analysis — ")
                .unwrap_or(&title)
                .to_string(),
            organisation: fact("Organisation"),
            scope: fact("Scope"),
            facilitator: fact("Facilitator"),
        },
    )?;
    let methodology = methodology(workbook)?;
    let label = format!("Import “{file}”");
    let rationale = format!("Imported from {file}");
    let mut failure: Option<Error> = None;
    let outcome = store.edit(&label, &rationale, |w| {
        fill(w, workbook, &methodology, &provenance).map_err(|e| match e {
            Error::Store(e) => e,
            other => {
                failure = Some(other);
                bia_store::Error::Journal {
                    reason: "the import stopped".into(),
                }
            }
        })
    });
    let closed = store.close();
    let out = match (outcome, failure) {
        (Ok(out), _) => out,
        (Err(_), Some(cause)) => return Err(cause),
        (Err(e), None) => return Err(e.into()),
    };
    closed?;
    Ok(out)
}

/// Writes everything but the facts through `w`, in one edit.
fn fill(
    w: &mut Writer,
    workbook: &Workbook,
    methodology: &MethodologyInput,
    provenance: &dyn Fn(&str, &Row) -> Provenance,
) -> Result<OwnImport> {
    w.update_methodology(methodology)?;
    let m = w.methodology()?;
    let mut out = OwnImport::default();

    // Units, from the processes' paths, parents first.
    let processes = Table::new(workbook, "Processes", HEADER)?;
    let (p_id, p_name, p_path) = (
        processes.col(PROCESS_ID_HEADER)?,
        processes.col("Process")?,
        processes.col("Unit path")?,
    );
    let mut units: HashMap<String, Id> = HashMap::new();
    for r in processes.rows(p_id) {
        let path = text(r, p_path);
        let mut parent: Option<Id> = None;
        let mut so_far = String::new();
        for name in path.split(UNIT_PATH_SEPARATOR).filter(|n| !n.is_empty()) {
            so_far.push_str(name);
            so_far.push_str(UNIT_PATH_SEPARATOR);
            let id = match units.get(&so_far) {
                Some(id) => *id,
                None => {
                    let unit = w.create_unit(&UnitInput {
                        name: name.to_string().into(),
                        parent_id: parent,
                    })?;
                    units.insert(so_far.clone(), unit.id);
                    out.units += 1;
                    unit.id
                }
            };
            parent = Some(id);
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
    let mut ids: HashMap<Id, Id> = HashMap::new();
    let mut statuses: Vec<(Id, Status)> = Vec::new();
    for r in processes.rows(p_id) {
        let unit_path = text(r, p_path);
        let input = ProcessInput {
            name: text(r, p_name).into(),
            unit_id: (!unit_path.is_empty())
                .then(|| {
                    units
                        .get(&format!("{unit_path}{UNIT_PATH_SEPARATOR}"))
                        .copied()
                })
                .flatten(),
            owner: text(r, owner),
            description: text(r, description),
            peak_periods: text(r, peak),
            minimum_staff: number(r, staff).map(|n| n as u32),
            workaround: text(r, workaround),
            notes: text(r, notes),
            status: Status::Draft,
            custom_fields: processes.custom_fields(r, source),
        };
        let created = w.create_process(&input, &provenance("Processes", r))?;
        if let Some(old) = id_of(r, p_id) {
            ids.insert(old, created);
        }
        statuses.push((created, status_of(&text(r, status))));
        out.processes += 1;
    }

    // Objectives: the exact minutes from the hidden columns. Before the
    // scores, as in a workshop: an objective the room agreed is kept even
    // where the scores now put the MTPD below it (the analysis flags it).
    let objectives = Table::new(workbook, "Objectives", HEADER)?;
    let o = |name: &str| objectives.col(name);
    let (o_id, mtpd, reason, rto, rpo_text, rpo, wrt, mbco, why, by, on) = (
        o("Process ID")?,
        o("MTPD (agreed, minutes)")?,
        o("MTPD override reason")?,
        o("RTO (minutes)")?,
        o("RPO")?,
        o("RPO (minutes)")?,
        o("WRT (minutes)")?,
        o("MBCO (%)")?,
        o("Rationale")?,
        o("Agreed by")?,
        o("Agreed on")?,
    );
    for r in objectives.rows(o_id) {
        let Some(process) = id_of(r, o_id).and_then(|old| ids.get(&old).copied()) else {
            continue;
        };
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
            let objectives = input
                .parse(process, &provenance("Objectives", r))
                .map_err(|issues| Error::Invalid { issues })?;
            w.put_objectives(process, &objectives)?;
            out.objectives += 1;
        }
    }

    // Impact: band (category) over header (horizon), by the process's id.
    let impact = Table::new(workbook, "Impact", HEADER + 1)?;
    let band = row(impact.sheet, HEADER);
    let (i_id, rationale) = (impact.col("Process ID")?, impact.col("Impact rationale")?);
    let score_notes = impact.col("Score notes").ok();
    let mut cells: Vec<(u32, Id, Id)> = Vec::new();
    let mut category = String::new();
    for (c, horizon) in &impact.header {
        if let Some(b) = band.and_then(|b| b.get(*c)) {
            category = b.display();
        }
        let name = category.strip_suffix(" (retired)").unwrap_or(&category);
        let (Some(cat), Some(hor)) = (
            m.categories.iter().find(|x| x.name == name),
            m.horizons.iter().find(|h| h.label == *horizon),
        ) else {
            continue;
        };
        cells.push((*c, cat.id, hor.id));
    }
    for r in impact.rows(i_id) {
        let Some(process) = id_of(r, i_id).and_then(|old| ids.get(&old).copied()) else {
            continue;
        };
        let mut scores: Vec<ScoreInput> = cells
            .iter()
            .filter_map(|(c, category_id, horizon_id)| {
                Some(ScoreInput {
                    category_id: *category_id,
                    horizon_id: *horizon_id,
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
            let (Some(cat), Some(hor)) = (
                m.categories.iter().find(|x| x.name == category),
                m.horizons.iter().find(|h| h.label == horizon),
            ) else {
                continue;
            };
            match scores
                .iter_mut()
                .find(|s| s.category_id == cat.id && s.horizon_id == hor.id)
            {
                Some(score) => score.note = Some(note.to_string()),
                None => scores.push(ScoreInput {
                    category_id: cat.id,
                    horizon_id: hor.id,
                    severity: None,
                    note: Some(note.to_string()),
                }),
            }
        }
        if !scores.is_empty() {
            out.scores += scores.len();
            let from = provenance("Impact", r);
            for score in &scores {
                w.set_score(process, score, &from)?;
            }
        }
        let why = text(r, rationale);
        if !why.is_empty() {
            w.set_impact_rationale(process, &why)?;
        }
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
    let mut resource_ids: HashMap<Id, Id> = HashMap::new();
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
        let created = w.create_resource(&input, &provenance("Resources", r))?;
        if let Some(old) = id_of(r, r_id) {
            resource_ids.insert(old, created);
        }
        out.resources += 1;
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
    let node = |r: &Row, id_col: u32, kind_col: u32| -> Option<NodeRef> {
        let old = id_of(r, id_col)?;
        if text(r, kind_col) == "process" {
            ids.get(&old).copied().map(NodeRef::Process)
        } else {
            resource_ids.get(&old).copied().map(NodeRef::Resource)
        }
    };
    for r in dependencies.rows(d_id) {
        let (Some(from), Some(to)) = (node(r, from_id, from_kind), node(r, to_id, to_kind)) else {
            return Err(ImportError::Own {
                address: address("Dependencies", Pos::new(r.index, 1)),
                reason: "one end of this dependency is not in the workbook".into(),
            }
            .into());
        };
        let linked = w.link(
            from,
            to,
            Strength::parse(&text(r, strength)).unwrap_or_default(),
            text(r, note).trim(),
        )?;
        if !linked {
            return Err(ImportError::Own {
                address: address("Dependencies", Pos::new(r.index, 1)),
                reason: "this dependency ties a node to itself or repeats another".into(),
            }
            .into());
        }
        out.dependencies += 1;
    }

    // Review status last.
    for (id, status) in statuses {
        if status != Status::Draft {
            w.set_status(id, status)?;
        }
    }
    Ok(out)
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
/// scale, the threshold, the horizons and the tiers.
fn methodology(workbook: &Workbook) -> Result<MethodologyInput> {
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
    let mut input = MethodologyInput {
        threshold,
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
