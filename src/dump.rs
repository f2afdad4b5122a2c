//! The whole assessment as JSON (`bia dump`): a stable, documented format
//! for scripts. Top-level keys are `format`, `assessment`, `methodology`,
//! `units` and `processes`; later versions add keys and never rename these.
//! See `docs/dump-format.md`.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::model::{Assessment, AssessmentInfo, Methodology, Status};

/// The value of the `format` key.
pub const FORMAT: &str = "bia-workbench/1";

#[derive(Serialize)]
pub struct Dump<'a> {
    pub format: &'static str,
    pub assessment: &'a AssessmentInfo,
    pub methodology: &'a Methodology,
    pub units: Vec<DumpUnit<'a>>,
    pub processes: Vec<DumpProcess<'a>>,
}

#[derive(Serialize)]
pub struct DumpUnit<'a> {
    pub id: String,
    pub name: &'a str,
    /// The parent unit's name, if any.
    pub parent: Option<&'a str>,
}

#[derive(Serialize)]
pub struct DumpProcess<'a> {
    pub id: String,
    pub name: &'a str,
    /// The unit's name, if any.
    pub unit: Option<&'a str>,
    pub owner: &'a str,
    pub description: &'a str,
    pub peak_periods: &'a str,
    pub minimum_staff: Option<u32>,
    pub workaround: &'a str,
    pub notes: &'a str,
    pub status: Status,
    pub custom_fields: Map<String, Value>,
}

impl<'a> Dump<'a> {
    pub fn new(a: &'a Assessment) -> Dump<'a> {
        let unit_name = |id| a.unit(id).map(|u| u.name.as_str());
        Dump {
            format: FORMAT,
            assessment: &a.info,
            methodology: &a.methodology,
            units: a
                .units
                .iter()
                .map(|u| DumpUnit { id: u.id.to_string(), name: &u.name, parent: u.parent_id.and_then(unit_name) })
                .collect(),
            processes: a
                .processes
                .iter()
                .map(|p| DumpProcess {
                    id: p.id.to_string(),
                    name: &p.name,
                    unit: p.unit_id.and_then(unit_name),
                    owner: &p.owner,
                    description: &p.description,
                    peak_periods: &p.peak_periods,
                    minimum_staff: p.minimum_staff,
                    workaround: &p.workaround,
                    notes: &p.notes,
                    status: p.status,
                    custom_fields: p
                        .custom_fields
                        .iter()
                        .map(|f| (f.name.clone(), Value::String(f.value.clone())))
                        .collect(),
                })
                .collect(),
        }
    }

    /// Pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a dump is always serialisable")
    }
}
