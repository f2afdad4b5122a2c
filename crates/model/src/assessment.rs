//! The assessment itself (who, what, when) and the whole loaded snapshot
//! that analysis, export and `bia dump` work from.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Dependency, Id, Methodology, Objectives, Process, Resource, Score, Unit};

/// The facts about an assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AssessmentInfo {
    pub id: Id,
    pub name: String,
    pub organisation: String,
    pub scope: String,
    pub facilitator: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// RFC 3339, UTC; moves on every edit, undo and redo.
    pub updated_at: String,
}

/// What a user gives to create an assessment or change its facts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct AssessmentInput {
    pub name: String,
    pub organisation: String,
    pub scope: String,
    pub facilitator: String,
}

/// How many of each thing an assessment holds, counted without loading it:
/// what the dashboard shows first, at once even for 10,000 processes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Counts {
    pub processes: u32,
    /// Processes by review status.
    pub draft: u32,
    pub in_review: u32,
    pub approved: u32,
    /// Processes held directly by each unit that holds any; `unit_id`
    /// null for processes in no unit.
    pub per_unit: Vec<UnitCount>,
    pub units: u32,
    pub resources: u32,
    /// Resources of no kind yet (an import's), listed until classified.
    pub to_classify: u32,
    pub dependencies: u32,
}

/// A count as people read it: `10000` as "10,000" (the charts' and the
/// command line's way; the desktop writes them alike, en-GB).
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The processes one unit holds directly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UnitCount {
    pub unit_id: Option<Id>,
    pub processes: u32,
}

/// Everything in one assessment file, loaded at once, but its decision log:
/// what the analyses, the charts and the screens work from. The log (five
/// entries a process for an imported register: 50,000 for the reference
/// assessment, an eighth of its loading time) is read on its own where it is
/// shown: the decision history, `bia dump`, the workbook's Decisions sheet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub info: AssessmentInfo,
    pub methodology: Methodology,
    pub units: Vec<Unit>,
    pub processes: Vec<Process>,
    /// Every scored (or annotated) impact cell.
    pub scores: Vec<Score>,
    /// The objectives of each process that has any.
    pub objectives: Vec<Objectives>,
    /// The room's rationale for each process's impact grid, where given.
    pub impact_rationales: Vec<(Id, String)>,
    pub resources: Vec<Resource>,
    pub dependencies: Vec<Dependency>,
}

impl Assessment {
    /// The snapshot a new assessment starts from: no facts, the default
    /// methodology, nothing else (a dry-run import into a file that does
    /// not exist yet plans against it). `now` is RFC 3339.
    pub fn fresh(now: &str) -> Assessment {
        Assessment {
            info: AssessmentInfo {
                id: Id::new(),
                name: String::new(),
                organisation: String::new(),
                scope: String::new(),
                facilitator: String::new(),
                created_at: now.to_string(),
                updated_at: now.to_string(),
            },
            methodology: Methodology::default(),
            units: Vec::new(),
            processes: Vec::new(),
            scores: Vec::new(),
            objectives: Vec::new(),
            impact_rationales: Vec::new(),
            resources: Vec::new(),
            dependencies: Vec::new(),
        }
    }

    pub fn unit(&self, id: Id) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }
}
