//! Recovery objectives of a process (MTPD override, RTO, RPO, WRT, MBCO) as
//! agreed in the room, and the append-only log of decisions about them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Id, Minutes, Provenance};

/// The objectives a room agrees for a process, defined once: their names
/// in inputs, issues and JSON, as people say them, and as the assessment
/// file stores them. The parser, the store's columns and decision log,
/// the CLI and the workbook's headers all read this list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ObjectiveField {
    /// An MTPD agreed instead of the derived one (with a reason).
    MtpdOverride,
    Rto,
    Rpo,
    Wrt,
    Mbco,
}

impl ObjectiveField {
    pub const ALL: [ObjectiveField; 5] = [
        ObjectiveField::MtpdOverride,
        ObjectiveField::Rto,
        ObjectiveField::Rpo,
        ObjectiveField::Wrt,
        ObjectiveField::Mbco,
    ];

    /// The field's name in [`ObjectivesInput`], in field issues and in JSON.
    pub fn key(self) -> &'static str {
        match self {
            ObjectiveField::MtpdOverride => "mtpd_override",
            ObjectiveField::Rto => "rto",
            ObjectiveField::Rpo => "rpo",
            ObjectiveField::Wrt => "wrt",
            ObjectiveField::Mbco => "mbco",
        }
    }

    /// As people say it, in messages, the decision log and headers.
    pub fn label(self) -> &'static str {
        match self {
            ObjectiveField::MtpdOverride => "MTPD",
            ObjectiveField::Rto => "RTO",
            ObjectiveField::Rpo => "RPO",
            ObjectiveField::Wrt => "WRT",
            ObjectiveField::Mbco => "MBCO",
        }
    }

    /// Its column in the assessment file.
    pub fn column(self) -> &'static str {
        match self {
            ObjectiveField::MtpdOverride => "mtpd_override_minutes",
            ObjectiveField::Rto => "rto_minutes",
            ObjectiveField::Rpo => "rpo_minutes",
            ObjectiveField::Wrt => "wrt_minutes",
            ObjectiveField::Mbco => "mbco_percent",
        }
    }

    /// A duration (in minutes), or else a percentage (the MBCO).
    pub fn is_duration(self) -> bool {
        self != ObjectiveField::Mbco
    }

    /// Its value in `o`: minutes for a duration, percent for the MBCO.
    pub fn value(self, o: &Objectives) -> Option<u32> {
        match self {
            ObjectiveField::MtpdOverride => o.mtpd_override.map(|m| m.0),
            ObjectiveField::Rto => o.rto.map(|m| m.0),
            ObjectiveField::Rpo => o.rpo.map(|m| m.0),
            ObjectiveField::Wrt => o.wrt.map(|m| m.0),
            ObjectiveField::Mbco => o.mbco_percent.map(u32::from),
        }
    }

    /// Its text in a form.
    pub fn text(self, input: &ObjectivesInput) -> &str {
        match self {
            ObjectiveField::MtpdOverride => &input.mtpd_override,
            ObjectiveField::Rto => &input.rto,
            ObjectiveField::Rpo => &input.rpo,
            ObjectiveField::Wrt => &input.wrt,
            ObjectiveField::Mbco => &input.mbco,
        }
    }

    /// Its text in a form, to change.
    pub fn text_mut(self, input: &mut ObjectivesInput) -> &mut String {
        match self {
            ObjectiveField::MtpdOverride => &mut input.mtpd_override,
            ObjectiveField::Rto => &mut input.rto,
            ObjectiveField::Rpo => &mut input.rpo,
            ObjectiveField::Wrt => &mut input.wrt,
            ObjectiveField::Mbco => &mut input.mbco,
        }
    }
}

/// What the room agreed for one process.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Objectives {
    pub process_id: Id,
    /// Replaces the derived MTPD when set; `mtpd_override_reason` says why.
    pub mtpd_override: Option<Minutes>,
    pub mtpd_override_reason: String,
    pub rto: Option<Minutes>,
    pub rpo: Option<Minutes>,
    /// The process handles no data whose loss matters.
    pub rpo_not_applicable: bool,
    pub wrt: Option<Minutes>,
    pub mbco_percent: Option<u8>,
    pub rationale: String,
    pub agreed_by: String,
    /// `YYYY-MM-DD`, or empty.
    pub agreed_on: String,
    pub provenance: Provenance,
}

/// Objectives as typed: durations as text ("4h", "1 day"; blank = not set;
/// RPO also "n/a"), MBCO as "50" or "50 %". The core parses and checks them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ObjectivesInput {
    pub mtpd_override: String,
    pub mtpd_override_reason: String,
    pub rto: String,
    pub rpo: String,
    pub wrt: String,
    pub mbco: String,
    pub rationale: String,
    pub agreed_by: String,
    pub agreed_on: String,
}

impl Objectives {
    /// The objectives written back as text, as a form would show them.
    pub fn to_input(&self) -> ObjectivesInput {
        let text = |m: Option<Minutes>| m.map(|m| m.to_string()).unwrap_or_default();
        ObjectivesInput {
            mtpd_override: text(self.mtpd_override),
            mtpd_override_reason: self.mtpd_override_reason.clone(),
            rto: text(self.rto),
            rpo: if self.rpo_not_applicable {
                "n/a".into()
            } else {
                text(self.rpo)
            },
            wrt: text(self.wrt),
            mbco: self
                .mbco_percent
                .map(|p| format!("{p} %"))
                .unwrap_or_default(),
            rationale: self.rationale.clone(),
            agreed_by: self.agreed_by.clone(),
            agreed_on: self.agreed_on.clone(),
        }
    }
}

/// One entry of the decision log: never edited, never removed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Decision {
    pub id: Id,
    pub process_id: Id,
    /// The process's name when the decision was taken.
    pub process_name: String,
    /// What changed: "MTPD", "RTO", "RPO", "WRT", "MBCO" or "Status".
    pub field: String,
    /// Human-readable values ("4 h", "not applicable", "—" for not set).
    pub old_value: String,
    pub new_value: String,
    pub rationale: String,
    pub who: String,
    /// RFC 3339, UTC.
    pub at: String,
    /// The workshop running when it was taken ("Finance BIA workshop,
    /// 2026-12-03"), blank when none was.
    pub workshop: String,
}

impl ObjectivesInput {
    /// Parses every field into the objectives of `process`, collecting one
    /// issue per field that is wrong. The checks that need the process's
    /// MTPD come after (the application layer's `objectives::agree`).
    pub fn parse(
        &self,
        process: Id,
        provenance: &Provenance,
    ) -> Result<Objectives, Vec<super::FieldIssue>> {
        use super::FieldIssue;
        use super::duration::parse_optional;
        let mut issues = Vec::new();
        let mut duration = |f: ObjectiveField, text: &str| match parse_optional(text) {
            Ok(m) => m,
            Err(e) => {
                issues.push(FieldIssue::new(f.key(), format!("{}: {e}.", f.label())));
                None
            }
        };
        let mtpd_override = duration(ObjectiveField::MtpdOverride, &self.mtpd_override);
        let rto = duration(ObjectiveField::Rto, &self.rto);
        let rpo_not_applicable = matches!(
            self.rpo.trim().to_lowercase().as_str(),
            "n/a" | "na" | "not applicable"
        );
        let rpo = if rpo_not_applicable {
            None
        } else {
            duration(ObjectiveField::Rpo, &self.rpo)
        };
        let wrt = duration(ObjectiveField::Wrt, &self.wrt);
        let mbco_text = self.mbco.trim().trim_end_matches('%').trim();
        let mbco_percent = if mbco_text.is_empty() {
            None
        } else {
            match mbco_text.parse::<u8>() {
                Ok(p) if p <= 100 => Some(p),
                _ => {
                    issues.push(FieldIssue::new(
                        ObjectiveField::Mbco.key(),
                        format!("MBCO: \"{}\" is not a percentage; write a whole number from 0 to 100, e.g. 50 %.", self.mbco.trim()),
                    ));
                    None
                }
            }
        };
        if mtpd_override.is_some() && self.mtpd_override_reason.trim().is_empty() {
            issues.push(FieldIssue::new(
                "mtpd_override_reason",
                "Say why the MTPD differs from the derived one.",
            ));
        }
        let agreed_on = self.agreed_on.trim();
        if !agreed_on.is_empty()
            && chrono::NaiveDate::parse_from_str(agreed_on, "%Y-%m-%d").is_err()
        {
            issues.push(FieldIssue::new(
                "agreed_on",
                format!("\"{agreed_on}\" is not a date; write YYYY-MM-DD."),
            ));
        }
        if !issues.is_empty() {
            return Err(issues);
        }
        Ok(Objectives {
            process_id: process,
            mtpd_override,
            mtpd_override_reason: self.mtpd_override_reason.trim().to_string(),
            rto,
            rpo,
            rpo_not_applicable,
            wrt,
            mbco_percent,
            rationale: self.rationale.trim().to_string(),
            agreed_by: self.agreed_by.trim().to_string(),
            agreed_on: agreed_on.to_string(),
            provenance: provenance.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_objectives_are_parsed_and_normalised() {
        let input = ObjectivesInput {
            rto: "4h".into(),
            rpo: "N/A".into(),
            wrt: "30 min".into(),
            mbco: "50 %".into(),
            agreed_on: "2026-11-21".into(),
            ..Default::default()
        };
        let p = input.parse(Id::new(), &Provenance::Workshop).unwrap();
        assert_eq!(p.rto, Some(Minutes(240)));
        assert!(p.rpo_not_applicable && p.rpo.is_none());
        assert_eq!(p.wrt, Some(Minutes(30)));
        assert_eq!(p.mbco_percent, Some(50));
    }

    #[test]
    fn every_wrong_field_is_named() {
        let input = ObjectivesInput {
            mtpd_override: "3 d".into(),
            rto: "soon".into(),
            rpo: "-4h".into(),
            mbco: "150".into(),
            agreed_on: "next Tuesday".into(),
            ..Default::default()
        };
        let fields: Vec<_> = input
            .parse(Id::new(), &Provenance::Workshop)
            .unwrap_err()
            .into_iter()
            .map(|i| i.field)
            .collect();
        assert_eq!(
            fields,
            ["rto", "rpo", "mbco", "mtpd_override_reason", "agreed_on"]
        );
    }

    #[test]
    fn objectives_round_trip_through_their_typed_form() {
        let o = Objectives {
            rto: Some(Minutes(240)),
            rpo_not_applicable: true,
            mbco_percent: Some(60),
            ..Default::default()
        };
        let p = o.to_input().parse(o.process_id, &o.provenance).unwrap();
        assert_eq!(
            (p.rto, p.rpo_not_applicable, p.mbco_percent),
            (Some(Minutes(240)), true, Some(60))
        );
    }
}
