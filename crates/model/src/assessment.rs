//! The assessment itself (who, what, when) and the whole loaded snapshot
//! that analysis, export and `bia dump` work from.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Decision, Dependency, Id, Methodology, Objectives, Process, Resource, Score, Unit};

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

/// Everything in one assessment file, loaded at once.
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
    /// The decision log, oldest first.
    pub decisions: Vec<Decision>,
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
            decisions: Vec::new(),
            impact_rationales: Vec::new(),
            resources: Vec::new(),
            dependencies: Vec::new(),
        }
    }

    pub fn unit(&self, id: Id) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }
}
