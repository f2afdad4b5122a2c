//! Business processes (prioritised activities): what they hold, and the
//! checks a process must pass before it is stored.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Id;

/// Where the review of a process stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Status {
    #[default]
    Draft,
    InReview,
    Approved,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Draft, Status::InReview, Status::Approved];

    /// The form stored in the file and printed by the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::InReview => "in_review",
            Status::Approved => "approved",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// Where a value came from, so that a reader can trust or trace it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[ts(export)]
pub enum Provenance {
    /// Typed in during a workshop (the desktop app or the CLI).
    #[default]
    Workshop,
    /// Part of the shipped demo assessment.
    Demo,
    /// Typed in while a workshop ran: which one, with its title and date
    /// as they were then (so the value still says so if it is renamed).
    InWorkshop {
        workshop_id: Id,
        title: String,
        date: String,
    },
    /// Read from a cell of an imported workbook. The file and the sheet
    /// are shared: half a million scores of one import name the same two.
    Imported {
        #[ts(type = "string")]
        file: Arc<str>,
        #[ts(type = "string")]
        sheet: Arc<str>,
        cell: String,
        /// The values the import set, each with its cell: a later import
        /// tells a value still as imported from one changed since in a
        /// workshop (which it never overwrites silently).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        #[ts(optional, as = "Option<Vec<ImportedValue>>")]
        values: Vec<ImportedValue>,
    },
    /// An owner's answer in a returned questionnaire, accepted by the
    /// facilitator: who returned it when, and the cell it was read from.
    Questionnaire {
        questionnaire_id: Id,
        recipient: String,
        /// `YYYY-MM-DD`.
        returned_on: String,
        sheet: String,
        /// The cell of a single value (a score); blank for a row of
        /// several, whose cells are in `values`.
        cell: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        #[ts(optional, as = "Option<Vec<ImportedValue>>")]
        values: Vec<ImportedValue>,
    },
}

/// How a sheet is named in a cell reference: `'Accounts payable'!D14`.
pub fn sheet_cell(sheet: &str, cell: &str) -> String {
    let plain = !sheet.is_empty()
        && sheet
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
    if plain {
        format!("{sheet}!{cell}")
    } else {
        format!("'{}'!{cell}", sheet.replace('\'', "''"))
    }
}

impl Provenance {
    /// Where an answer came from, as the decision log says it:
    /// "questionnaire, returned by Sophie Chen on 2026-12-03,
    /// 'Accounts payable'!D14". `field` picks the cell of a row of several
    /// values; `None` for other provenances.
    pub fn questionnaire_source(&self, field: Option<&str>) -> Option<String> {
        let Provenance::Questionnaire {
            recipient,
            returned_on,
            sheet,
            cell,
            values,
            ..
        } = self
        else {
            return None;
        };
        let cell = field
            .and_then(|f| values.iter().find(|v| v.field == f))
            .map(|v| v.cell.as_str())
            .unwrap_or(cell);
        let at = if cell.is_empty() {
            format!("'{sheet}'")
        } else {
            sheet_cell(sheet, cell)
        };
        let on = chrono::NaiveDate::parse_from_str(returned_on, "%Y-%m-%d")
            .map(|d| d.format("%-d %b %Y").to_string())
            .unwrap_or_else(|_| returned_on.clone());
        Some(format!(
            "questionnaire, returned by {recipient} on {on}, {at}"
        ))
    }
}

/// One value an import set, and where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportedValue {
    /// `owner`, `rto`, `custom:Strategy Summary`, …
    pub field: String,
    /// `B7` on the provenance's sheet, or `Sheet!B7` on another one.
    pub cell: String,
    /// The value as stored.
    pub value: String,
}

impl Provenance {
    /// Whether `field` holds what an import set (`current` is its value
    /// now): if not, it was typed in a workshop.
    pub fn imported_as(&self, field: &str, current: &str) -> bool {
        match self {
            Provenance::Imported { values, .. } => values
                .iter()
                .any(|v| v.field == field && v.value == current),
            _ => false,
        }
    }
}

/// A field the methodology does not model, kept by name (e.g. an imported
/// column). Order is kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CustomField {
    pub name: String,
    pub value: String,
}

/// A business process as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Process {
    pub id: Id,
    pub name: String,
    pub unit_id: Option<Id>,
    pub owner: String,
    pub description: String,
    pub peak_periods: String,
    pub minimum_staff: Option<u32>,
    pub workaround: String,
    pub notes: String,
    /// The tier claimed for the process, as written ("Tier 1", "P2",
    /// "Critical"; empty: none): read onto the methodology's tiers each time
    /// it is analysed ([`Methodology::read_tier_claim`](crate::Methodology::read_tier_claim)).
    pub claimed_tier: String,
    pub status: Status,
    pub custom_fields: Vec<CustomField>,
    pub provenance: Provenance,
    pub created_at: String,
    pub updated_at: String,
}

impl Process {
    /// The process as a form edits it.
    pub fn to_input(&self) -> ProcessInput {
        ProcessInput {
            name: self.name.clone().into(),
            unit_id: self.unit_id,
            owner: self.owner.clone(),
            description: self.description.clone(),
            peak_periods: self.peak_periods.clone(),
            minimum_staff: self.minimum_staff,
            workaround: self.workaround.clone(),
            notes: self.notes.clone(),
            claimed_tier: self.claimed_tier.clone(),
            status: self.status,
            custom_fields: self.custom_fields.clone(),
        }
    }
}

/// What a user gives to create or change a process.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ProcessInput {
    pub name: super::Name,
    pub unit_id: Option<Id>,
    pub owner: String,
    pub description: String,
    pub peak_periods: String,
    pub minimum_staff: Option<u32>,
    pub workaround: String,
    pub notes: String,
    /// The tier claimed, as written; empty: none.
    pub claimed_tier: String,
    pub status: Status,
    pub custom_fields: Vec<CustomField>,
}

/// One problem with one field of an input, for the form to show beside it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FieldIssue {
    pub field: String,
    pub message: String,
}

impl FieldIssue {
    pub fn new(field: &str, message: impl Into<String>) -> FieldIssue {
        FieldIssue {
            field: field.to_string(),
            message: message.into(),
        }
    }
}

/// Longest name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Most staff a minimum-staff figure may name (a typo guard).
pub const MAX_STAFF: u32 = 1_000_000;

impl ProcessInput {
    /// The checks that need nothing but the input itself. Name uniqueness
    /// needs the store and is checked there.
    pub fn issues(&self) -> Vec<FieldIssue> {
        let mut issues = Vec::new();
        let name = super::clean_name(&self.name);
        if name.is_empty() {
            issues.push(FieldIssue::new("name", "A process needs a name."));
        } else if name.chars().count() > MAX_NAME_CHARS {
            issues.push(FieldIssue::new(
                "name",
                format!("Keep the name under {MAX_NAME_CHARS} characters."),
            ));
        }
        if self.claimed_tier.trim().chars().count() > MAX_NAME_CHARS {
            issues.push(FieldIssue::new(
                "claimed_tier",
                format!("Keep the claimed tier under {MAX_NAME_CHARS} characters."),
            ));
        }
        if let Some(staff) = self.minimum_staff
            && staff > MAX_STAFF
        {
            issues.push(FieldIssue::new(
                "minimum_staff",
                format!("{staff} is more staff than any process needs."),
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for (i, field) in self.custom_fields.iter().enumerate() {
            let key = super::name_key(&field.name);
            if key.is_empty() {
                issues.push(FieldIssue::new(
                    &format!("custom_fields.{i}"),
                    "A custom field needs a name.",
                ));
            } else if seen.contains(&key) {
                issues.push(FieldIssue::new(
                    &format!("custom_fields.{i}"),
                    format!("The custom field \"{}\" appears twice.", field.name.trim()),
                ));
            }
            seen.insert(key);
        }
        issues
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_name_is_an_issue_on_the_name_field() {
        let input = ProcessInput {
            name: "   ".into(),
            ..Default::default()
        };
        assert_eq!(
            input.issues(),
            vec![FieldIssue::new("name", "A process needs a name.")]
        );
    }

    #[test]
    fn custom_field_names_must_differ() {
        let input = ProcessInput {
            name: "Payroll".into(),
            custom_fields: vec![
                CustomField {
                    name: "Site".into(),
                    value: "A".into(),
                },
                CustomField {
                    name: " site ".into(),
                    value: "B".into(),
                },
            ],
            ..Default::default()
        };
        let issues = input.issues();
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].field, "custom_fields.1");
    }

    #[test]
    fn status_round_trips_through_its_stored_form() {
        for st in Status::ALL {
            assert_eq!(Status::parse(st.as_str()), Some(st));
        }
        assert_eq!(Status::parse("done"), None);
    }
}
