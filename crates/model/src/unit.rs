//! Organisational units: a tree (a unit may sit under a parent unit), each
//! name unique in the assessment so that `--unit NAME` is never ambiguous.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Id;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Unit {
    pub id: Id,
    pub name: String,
    pub parent_id: Option<Id>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct UnitInput {
    pub name: super::Name,
    pub parent_id: Option<Id>,
}
