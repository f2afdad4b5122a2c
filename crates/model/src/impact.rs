//! Impact over time: the severity a disruption of a process reaches in each
//! category at each horizon. A cell with no severity is unscored, which is
//! not the same as 0 ("None").

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Id, Provenance};

/// One scored cell of a process's impact grid.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Score {
    pub process_id: Id,
    pub category_id: Id,
    pub horizon_id: Id,
    /// `None`: unscored (the cell may still carry a note).
    pub severity: Option<u8>,
    /// A quantitative note, e.g. "≈ £250 k lost revenue".
    pub note: String,
    pub provenance: Provenance,
}

/// A change to one cell. `severity: None` clears the score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScoreInput {
    pub category_id: Id,
    pub horizon_id: Id,
    pub severity: Option<u8>,
    /// `None` keeps the cell's note as it is.
    pub note: Option<String>,
}

/// A process's impact grid and the room's rationale for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProcessImpact {
    pub process_id: Id,
    pub rationale: String,
    pub scores: Vec<Score>,
}
