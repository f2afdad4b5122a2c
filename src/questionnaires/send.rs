//! Sending: the chosen processes grouped by recipient, each recipient's
//! workbook built from the assessment as it stands, and its record.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use bia_model::{
    Assessment, FormCategory, FormDependency, FormFact, FormHorizon, FormLevel, FormProcess,
    FormTerm, Id, Minutes, NodeRef, Process, Questionnaire, QuestionnaireForm,
    QuestionnaireProcess, QuestionnaireStatus, Recipients, SentValue, name_key,
};
use bia_store::{QuestionnaireRecord, QuestionnaireValues, SentProcess};

use super::values::*;
use crate::error::{Error, Result};

/// The durations the objectives' dropdowns offer.
const DURATIONS: [u32; 13] = [
    30,
    60,
    2 * 60,
    4 * 60,
    8 * 60,
    12 * 60,
    Minutes::DAY,
    2 * Minutes::DAY,
    3 * Minutes::DAY,
    Minutes::WEEK,
    2 * Minutes::WEEK,
    Minutes::MONTH,
    3 * Minutes::MONTH,
];

// ---------------------------------------------------------------------
// Sending.

/// The processes `chosen` grouped by recipient, in register order: by
/// owner (as names compare) or by unit. Processes with no owner (or no
/// unit) are refused, named.
pub(crate) fn group<'a>(
    a: &'a Assessment,
    chosen: &[Id],
    by: Recipients,
) -> Result<Vec<(String, Vec<&'a Process>)>> {
    if chosen.is_empty() {
        return Err(Error::NothingToSend);
    }
    let wanted: HashSet<Id> = chosen.iter().copied().collect();
    let known: HashSet<Id> = a.processes.iter().map(|p| p.id).collect();
    if let Some(missing) = chosen.iter().find(|id| !known.contains(id)) {
        return Err(bia_store::Error::NoSuchId {
            kind: "process",
            id: missing.to_string(),
        }
        .into());
    }
    let mut groups: Vec<(String, String, Vec<&Process>)> = Vec::new();
    let mut nobody = Vec::new();
    for p in a.processes.iter().filter(|p| wanted.contains(&p.id)) {
        let recipient = match by {
            Recipients::Owner => p.owner.trim().to_string(),
            Recipients::Unit => unit_path(a, p.unit_id),
        };
        if recipient.is_empty() {
            nobody.push(p.name.clone());
            continue;
        }
        let key = name_key(&recipient);
        match groups.iter_mut().find(|g| g.0 == key) {
            Some(g) => g.2.push(p),
            None => groups.push((key, recipient, vec![p])),
        }
    }
    if !nobody.is_empty() {
        return Err(Error::NoRecipient {
            by,
            processes: nobody,
        });
    }
    Ok(groups.into_iter().map(|(_, r, ps)| (r, ps)).collect())
}

/// One recipient's questionnaire as it is sent.
pub(crate) struct Sending<'a> {
    pub id: Id,
    pub recipient: &'a str,
    pub recipients: Recipients,
    pub processes: &'a [&'a Process],
    /// `YYYY-MM-DD`.
    pub sent_on: &'a str,
    pub due: &'a str,
    pub return_to: &'a str,
}

/// The workbook of one recipient, and the values it sends.
pub(crate) fn form(look: &Lookup, s: &Sending) -> (QuestionnaireForm, QuestionnaireValues) {
    let a = look.a;
    let (id, recipient, processes) = (s.id, s.recipient, s.processes);
    let (sent_on, due, return_to) = (s.sent_on, s.due, s.return_to);
    let m = &a.methodology;
    let mut sent = QuestionnaireValues::new();
    let mut sheets = Vec::new();
    for p in processes {
        let values = look.values(p);
        sent.insert(
            p.id,
            values
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        );
        let mtpd = match look.mtpd.get(&p.id).copied().flatten() {
            Some(m) => m.to_string(),
            None => "not reached within the horizons".into(),
        };
        let mut facts = vec![
            FormFact {
                label: "Unit".into(),
                value: unit_path(a, p.unit_id),
            },
            FormFact {
                label: "Owner".into(),
                value: p.owner.clone(),
            },
            FormFact {
                label: "Status".into(),
                value: bia_store::status_label(p.status).into(),
            },
        ];
        if !p.claimed_tier.is_empty() {
            facts.push(FormFact {
                label: "Tier claimed".into(),
                value: p.claimed_tier.clone(),
            });
        }
        facts.push(FormFact {
            label: "MTPD (from the impact grid)".into(),
            value: mtpd,
        });
        let dependencies = look
            .needs
            .get(&p.id)
            .into_iter()
            .flatten()
            .filter_map(|d| {
                let (kind, name) = match d.to {
                    NodeRef::Process(id) => ("Process".to_string(), look.process(id)?.name.clone()),
                    NodeRef::Resource(id) => {
                        let r = look.resources.get(&id)?;
                        (capitalised(r.kind.label()), r.name.clone())
                    }
                };
                let strength = match d.strength {
                    bia_model::Strength::Required => "required",
                    bia_model::Strength::Degraded => "runs degraded without it",
                    bia_model::Strength::Optional => "optional",
                };
                let note = if d.note.is_empty() {
                    capitalised(strength)
                } else {
                    format!("{}; {}", capitalised(strength), d.note)
                };
                Some(FormDependency { kind, name, note })
            })
            .collect();
        sheets.push(FormProcess {
            process_id: p.id,
            name: p.name.clone(),
            facts,
            values: values
                .into_iter()
                .map(|(k, value)| SentValue {
                    key: k.to_string(),
                    value,
                })
                .collect(),
            dependencies,
        });
    }
    let form = QuestionnaireForm {
        questionnaire_id: id,
        assessment_id: a.info.id,
        assessment_name: a.info.name.clone(),
        organisation: a.info.organisation.clone(),
        recipient: recipient.to_string(),
        sent_on: readable_date(sent_on),
        due: readable_date(due),
        return_to: return_to.to_string(),
        scale: m
            .scale
            .iter()
            .map(|l| FormLevel {
                value: l.value,
                name: l.name.clone(),
            })
            .collect(),
        categories: m
            .categories
            .iter()
            .filter(|c| !c.retired)
            .map(|c| FormCategory {
                id: c.id,
                name: c.name.clone(),
                definitions: c
                    .definitions
                    .iter()
                    .map(|d| (d.level, d.text.clone()))
                    .collect(),
            })
            .collect(),
        horizons: m
            .horizons
            .iter()
            .map(|h| FormHorizon {
                id: h.id,
                label: h.label.clone(),
            })
            .collect(),
        durations: DURATIONS.iter().map(|&d| Minutes(d).to_string()).collect(),
        kinds: kind_choices().into_iter().map(|(k, _)| k).collect(),
        terms: terms(),
        processes: sheets,
    };
    (form, sent)
}

fn terms() -> Vec<FormTerm> {
    [
        (
            "MTPD",
            "Maximum tolerable period of disruption: how long the process can be \
             down before the damage becomes unacceptable. It follows from the impact \
             grid: the first point in time where an impact reaches the threshold.",
        ),
        (
            "RTO",
            "Recovery time objective: how soon the process must run again after a \
             disruption, at least at its minimum level. It must be shorter than the MTPD.",
        ),
        (
            "RPO",
            "Recovery point objective: how much data (measured in time) the process can \
             afford to lose — e.g. 4 h means the last 4 hours of work may be re-entered. \
             Write n/a when the process keeps no data whose loss matters.",
        ),
        (
            "WRT",
            "Work recovery time: after the systems are back, how long it takes to \
             catch up (re-enter, check, clear the backlog). RTO + WRT should stay \
             within the MTPD.",
        ),
        (
            "MBCO",
            "Minimum business continuity objective: the share of normal output \
             (in %) the process must deliver while recovering.",
        ),
    ]
    .into_iter()
    .map(|(term, meaning)| FormTerm {
        term: term.into(),
        meaning: meaning.into(),
    })
    .collect()
}

/// A file name for a recipient's workbook in `dir` that no file has and
/// none `taken` by this round.
pub(crate) fn file_for(
    dir: &Path,
    recipient: &str,
    assessment: &str,
    taken: &HashSet<PathBuf>,
) -> PathBuf {
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_control() || "/\\:*?\"<>|".contains(c) {
                    '-'
                } else {
                    c
                }
            })
            .collect::<String>()
            .trim()
            .trim_matches('.')
            .to_string()
    };
    let mut stem = format!("{} - BIA questionnaire", clean(recipient));
    if !assessment.trim().is_empty() {
        stem = format!("{stem} - {}", clean(assessment));
    }
    let stem: String = stem.chars().take(150).collect();
    let mut path = dir.join(format!("{stem}.xlsx"));
    let mut n = 2;
    while path.exists() || taken.contains(&path) {
        path = dir.join(format!("{stem} ({n}).xlsx"));
        n += 1;
    }
    path
}

/// The record of a questionnaire about to be sent.
pub(crate) fn record(s: &Sending, file: &Path, sent: QuestionnaireValues) -> QuestionnaireRecord {
    let (id, recipient, by, processes) = (s.id, s.recipient, s.recipients, s.processes);
    let (sent_on, due, return_to) = (s.sent_on, s.due, s.return_to);
    QuestionnaireRecord {
        id,
        recipient: recipient.to_string(),
        recipients: by,
        processes: processes
            .iter()
            .map(|p| SentProcess {
                id: p.id,
                name: p.name.clone(),
            })
            .collect(),
        sent_on: sent_on.to_string(),
        due: due.to_string(),
        return_to: return_to.to_string(),
        returned_on: String::new(),
        status: QuestionnaireStatus::Sent,
        file_name: file
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default(),
        sent,
        received: QuestionnaireValues::new(),
    }
}

/// A questionnaire as listed: its processes' names now, overdue worked
/// out against `today`.
pub(crate) fn listed(
    q: &QuestionnaireRecord,
    names: &HashMap<Id, String>,
    today: &str,
) -> Questionnaire {
    let status = match q.status {
        QuestionnaireStatus::Sent if !q.due.is_empty() && q.due.as_str() < today => {
            QuestionnaireStatus::Overdue
        }
        s => s,
    };
    Questionnaire {
        id: q.id,
        recipient: q.recipient.clone(),
        recipients: q.recipients,
        processes: q
            .processes
            .iter()
            .map(|sp| match names.get(&sp.id) {
                Some(name) => QuestionnaireProcess {
                    process_id: sp.id,
                    name: name.clone(),
                    deleted: false,
                },
                None => QuestionnaireProcess {
                    process_id: sp.id,
                    name: sp.name.clone(),
                    deleted: true,
                },
            })
            .collect(),
        sent_on: q.sent_on.clone(),
        due: q.due.clone(),
        return_to: q.return_to.clone(),
        returned_on: q.returned_on.clone(),
        status,
        file_name: q.file_name.clone(),
    }
}
