//! The plan's types: what an import would create or change, and how each
//! is written to JSON and TypeScript for the preview and `bia import --json`.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use bia_model::duration::Spoken;
use bia_model::{Id, ProcessInput, Provenance, ResourceKind};

use super::super::grid::{Format, Issue, Pos};
use super::super::mapping::{Field, Source};
use super::super::words::LevelWord;

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

/// One impact score to set. Kept small, as a plan of a large workbook
/// holds hundreds of thousands: the sheet (when not the process's own)
/// and the note, both rare, are boxed apart. Written as [`ScoreJson`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(from = "ScoreJson", into = "ScoreJson")]
#[ts(export, rename = "ImportScore", as = "ScoreJson")]
pub struct PlannedScore {
    pub category_id: Id,
    pub horizon_id: Id,
    pub severity: u8,
    pub cell: Pos,
    rare: Option<Box<(Option<String>, String)>>,
}

impl PlannedScore {
    pub fn new(
        category_id: Id,
        horizon_id: Id,
        severity: u8,
        sheet: Option<String>,
        cell: Pos,
        note: String,
    ) -> PlannedScore {
        PlannedScore {
            category_id,
            horizon_id,
            severity,
            cell,
            rare: (sheet.is_some() || !note.is_empty()).then(|| Box::new((sheet, note))),
        }
    }

    /// The sheet, when not the process's own ([`PlannedProcess::provenance`]).
    pub fn sheet(&self) -> Option<&str> {
        self.rare.as_ref().and_then(|r| r.0.as_deref())
    }

    /// What the row said besides the severity (tables of one row per impact).
    pub fn note(&self) -> &str {
        self.rare.as_ref().map_or("", |r| r.1.as_str())
    }
}

/// One impact score to set, as written in JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct ScoreJson {
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

impl From<ScoreJson> for PlannedScore {
    fn from(j: ScoreJson) -> PlannedScore {
        PlannedScore::new(
            j.category_id,
            j.horizon_id,
            j.severity,
            j.sheet,
            j.cell,
            j.note,
        )
    }
}

impl From<PlannedScore> for ScoreJson {
    fn from(s: PlannedScore) -> ScoreJson {
        let (sheet, note) = s.rare.map_or((None, String::new()), |r| *r);
        ScoreJson {
            category_id: s.category_id,
            horizon_id: s.horizon_id,
            severity: s.severity,
            sheet,
            cell: s.cell,
            note,
        }
    }
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
    /// What the claimed tier (`input.claimed_tier`) reads as on the
    /// assessment's tiers ("Tier 1: tier number 1"); `None` when none is
    /// claimed.
    pub claimed_tier: Option<String>,
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
    /// Read from a dependency list that said no kind ("Dependencies"),
    /// naming no process: `kind` is `unclassified` unless the mapping's
    /// `kinds` gave one. The preview offers a kind for each.
    #[serde(default)]
    pub to_classify: bool,
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
    /// Processes whose claimed tier (a criticality column) was read.
    pub tier_claims: usize,
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
    /// The words severities were written as ("High"), each with its level
    /// on the assessment's scale and why (the preview's select per word).
    #[serde(default)]
    pub level_words: Vec<LevelWord>,
    pub issues: Vec<Issue>,
    pub counts: Counts,
}

impl PlannedProcess {
    /// Where a planned score was read.
    pub fn score_provenance(&self, score: &PlannedScore) -> Provenance {
        let (file, sheet) = match &self.provenance {
            Provenance::Imported { file, sheet, .. } => (file.clone(), sheet.clone()),
            _ => (Arc::from(""), Arc::from("")),
        };
        Provenance::Imported {
            file,
            sheet: score.sheet().map_or(sheet, Arc::from),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_planned_score_is_small_and_written_with_its_sheet_and_note() {
        // A 10,000-process workbook plans over half a million of them.
        assert!(std::mem::size_of::<PlannedScore>() <= 56);
        let (c, h) = (Id::new(), Id::new());
        let plain = PlannedScore::new(c, h, 3, None, Pos::new(5, 5), String::new());
        let json = serde_json::to_value(&plain).unwrap();
        assert_eq!(json["sheet"], serde_json::Value::Null);
        assert_eq!(json["cell"], "F6");
        assert_eq!(json["note"], "");
        let noted = PlannedScore::new(
            c,
            h,
            4,
            Some("Impacts".into()),
            Pos::new(1, 0),
            "Per day".into(),
        );
        let back: PlannedScore =
            serde_json::from_value(serde_json::to_value(&noted).unwrap()).unwrap();
        assert_eq!(back, noted);
        assert_eq!((back.sheet(), back.note()), (Some("Impacts"), "Per day"));
    }
}
