//! Questionnaires: the workbook each process owner (or unit) is sent, and
//! the answers taken back.
//!
//! Sending builds a [`QuestionnaireForm`] per recipient from the assessment
//! as it stands (every value written as the workbook shows it) and records
//! what was sent. Receiving reads a returned workbook (`bia-excel`) and
//! compares each answer three ways: the value as sent, the value in the
//! assessment now, the owner's answer. Only what the owner changed is
//! listed: **proposed** when nobody changed it here since sending,
//! **conflict** when someone did, **invalid** when the answer breaks a rule
//! (a level not on the scale, an unreadable duration, an RTO not below the
//! MTPD) — listed with its cell, never applied. An empty answer cell means
//! "no answer", never "clear the value". A second return lists only what
//! changed since the first. Accepted answers are applied as one undoable
//! edit after a backup, each value recording the cell it was read from.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use bia_analysis::Analysis;
use bia_model::{
    ASKED_OBJECTIVES, Acceptance, Answer, AnswerKey, Assessment, ChangeState, DetailField,
    FieldChange, FormCategory, FormDependency, FormFact, FormHorizon, FormLevel, FormProcess,
    FormTerm, Id, ImportedValue, MAX_STAFF, Minutes, NewDependency, NodeRef, ObjectiveField,
    Objectives, Process, ProcessReview, Provenance, Questionnaire, QuestionnaireForm,
    QuestionnaireProcess, QuestionnaireReview, QuestionnaireStatus, Recipients, ResourceKind,
    ReturnedQuestionnaire, Score, Section, SentValue, Status, duration, name_key, sheet_cell,
};
use bia_store::{QuestionnaireRecord, QuestionnaireValues, SentProcess};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};

/// A workbook written for one recipient.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SentQuestionnaire {
    pub questionnaire: Questionnaire,
    /// Where the workbook was written.
    pub path: String,
}

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

/// What the kind dropdown of a new dependency offers: the resource kinds
/// one may name, and an upstream process.
fn kind_choices() -> Vec<(String, Option<ResourceKind>)> {
    let mut kinds: Vec<(String, Option<ResourceKind>)> = ResourceKind::EVERY
        .into_iter()
        .filter(|k| !k.is_unclassified())
        .map(|k| (capitalised(k.label()), Some(k)))
        .collect();
    kinds.push(("Process".into(), None));
    kinds
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Today's date where the program runs, `YYYY-MM-DD`.
pub fn today() -> String {
    chrono::Local::now().format("%Y-%m-%d").to_string()
}

/// `2026-12-21` as people read it: "21 Dec 2026".
pub(crate) fn readable_date(date: &str) -> String {
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map(|d| d.format("%-d %b %Y").to_string())
        .unwrap_or_else(|_| date.to_string())
}

fn unit_path(a: &Assessment, unit: Option<Id>) -> String {
    let mut names = Vec::new();
    let mut at = unit;
    while let Some(id) = at {
        let Some(u) = a.units.iter().find(|u| u.id == id) else {
            break;
        };
        if names.len() > a.units.len() {
            break;
        }
        names.push(u.name.clone());
        at = u.parent_id;
    }
    names.reverse();
    names.join(" / ")
}

// ---------------------------------------------------------------------
// Values as text: the form the workbook shows and answers are compared in.

fn duration_text(m: Option<Minutes>) -> String {
    m.map(|m| m.to_string()).unwrap_or_default()
}

fn mbco_text(p: Option<u8>) -> String {
    p.map(|p| format!("{p} %")).unwrap_or_default()
}

fn objective_text(o: Option<&Objectives>, field: ObjectiveField) -> String {
    let Some(o) = o else { return String::new() };
    match field {
        ObjectiveField::Rpo if o.rpo_not_applicable => "n/a".into(),
        ObjectiveField::Mbco => mbco_text(o.mbco_percent),
        ObjectiveField::Rto => duration_text(o.rto),
        ObjectiveField::Rpo => duration_text(o.rpo),
        ObjectiveField::Wrt => duration_text(o.wrt),
        ObjectiveField::MtpdOverride => duration_text(o.mtpd_override),
    }
}

fn detail_text(p: &Process, d: DetailField) -> String {
    match d {
        DetailField::Description => p.description.clone(),
        DetailField::PeakPeriods => p.peak_periods.clone(),
        DetailField::MinimumStaff => p.minimum_staff.map(|n| n.to_string()).unwrap_or_default(),
        DetailField::Workaround => p.workaround.clone(),
    }
}

/// The assessment read for questionnaires: scores and objectives by
/// process, looked up once.
pub(crate) struct Lookup<'a> {
    a: &'a Assessment,
    processes: HashMap<Id, &'a Process>,
    scores: HashMap<Id, Vec<&'a Score>>,
    objectives: HashMap<Id, &'a Objectives>,
    /// The dependencies of each process, by the process.
    needs: HashMap<Id, Vec<&'a bia_model::Dependency>>,
    resources: HashMap<Id, &'a bia_model::Resource>,
    /// The derived MTPD of each process, once analysed.
    mtpd: HashMap<Id, Option<Minutes>>,
}

impl<'a> Lookup<'a> {
    pub(crate) fn new(a: &'a Assessment) -> Lookup<'a> {
        let mut scores: HashMap<Id, Vec<&Score>> = HashMap::new();
        for s in &a.scores {
            scores.entry(s.process_id).or_default().push(s);
        }
        let mut needs: HashMap<Id, Vec<&bia_model::Dependency>> = HashMap::new();
        for d in &a.dependencies {
            if let NodeRef::Process(p) = d.from {
                needs.entry(p).or_default().push(d);
            }
        }
        Lookup {
            a,
            processes: a.processes.iter().map(|p| (p.id, p)).collect(),
            scores,
            objectives: a.objectives.iter().map(|o| (o.process_id, o)).collect(),
            needs,
            resources: a.resources.iter().map(|r| (r.id, r)).collect(),
            mtpd: HashMap::new(),
        }
    }

    /// With the derived MTPDs of `analysis`, which the workbooks show.
    pub(crate) fn with_analysis(mut self, analysis: &Analysis) -> Lookup<'a> {
        self.mtpd = analysis
            .processes
            .iter()
            .map(|p| (p.process_id, p.mtpd_derived))
            .collect();
        self
    }

    pub(crate) fn process(&self, id: Id) -> Option<&'a Process> {
        self.processes.get(&id).copied()
    }

    /// Every answer key of a process with its value now, in sheet order.
    fn values(&self, p: &Process) -> Vec<(AnswerKey, String)> {
        let mut out = Vec::new();
        for d in DetailField::ALL {
            out.push((AnswerKey::Detail(d), detail_text(p, d)));
        }
        let scores = self.scores.get(&p.id);
        for c in self.a.methodology.categories.iter().filter(|c| !c.retired) {
            for h in &self.a.methodology.horizons {
                let level = scores
                    .and_then(|s| {
                        s.iter()
                            .find(|s| s.category_id == c.id && s.horizon_id == h.id)
                    })
                    .and_then(|s| s.severity)
                    .map(|v| v.to_string())
                    .unwrap_or_default();
                out.push((
                    AnswerKey::Score {
                        category: c.id,
                        horizon: h.id,
                    },
                    level,
                ));
            }
        }
        let o = self.objectives.get(&p.id).copied();
        for f in ASKED_OBJECTIVES {
            out.push((AnswerKey::Objective(f), objective_text(o, f)));
        }
        for s in Section::ALL {
            out.push((AnswerKey::Comment(s), String::new()));
        }
        out
    }
}

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

// ---------------------------------------------------------------------
// Reading answers.

/// An answer read into the text values are compared in, or why it cannot be.
fn canonical(a: &Assessment, key: AnswerKey, text: &str) -> std::result::Result<String, String> {
    let text = text.trim();
    match key {
        AnswerKey::Detail(DetailField::MinimumStaff) => {
            let n: f64 = text
                .parse()
                .map_err(|_| format!("“{text}” is not a number of people."))?;
            if n < 0.0 || n.fract() != 0.0 || n > f64::from(MAX_STAFF) {
                return Err(format!("“{text}” is not a number of people."));
            }
            Ok((n as u32).to_string())
        }
        AnswerKey::Detail(_) | AnswerKey::Comment(_) => Ok(text.to_string()),
        AnswerKey::Score { .. } => level(a, text).map(|v| v.to_string()),
        AnswerKey::Objective(ObjectiveField::Mbco) => {
            let bare = text.trim_end_matches('%').trim();
            let n: f64 = bare
                .parse()
                .map_err(|_| format!("“{text}” is not a percentage."))?;
            // A cell formatted as a percentage holds 0.5 for 50 %.
            let n = if !text.ends_with('%') && n > 0.0 && n < 1.0 {
                n * 100.0
            } else {
                n
            };
            if !(0.0..=100.0).contains(&n) {
                return Err(format!("“{text}” is not a percentage from 0 to 100."));
            }
            Ok(mbco_text(Some(n.round() as u8)))
        }
        AnswerKey::Objective(f) => {
            let lower = text.to_lowercase();
            if f == ObjectiveField::Rpo
                && ["n/a", "na", "not applicable", "none"].contains(&lower.as_str())
            {
                return Ok("n/a".into());
            }
            duration::parse(text).map(|m| m.to_string()).map_err(|_| {
                format!("“{text}” is not a duration: write it as 4 h, 2 days or 1 week.")
            })
        }
    }
}

/// A level of the scale as an owner wrote it: "3 – Moderate" as picked,
/// "3" typed, "Moderate" by name.
fn level(a: &Assessment, text: &str) -> std::result::Result<u8, String> {
    let scale = &a.methodology.scale;
    let names = || {
        scale
            .iter()
            .map(|l| format!("{} {}", l.value, l.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let digits: String = text.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = text[digits.len()..].trim_start_matches(['.', '0']);
    let by_number = if !digits.is_empty()
        && (rest.is_empty() || rest.starts_with([' ', '–', '-', '—', ':']))
    {
        digits.parse::<u8>().ok()
    } else {
        None
    };
    let found = match by_number {
        Some(n) => scale.iter().find(|l| l.value == n),
        None => {
            let key = name_key(text);
            scale.iter().find(|l| name_key(&l.name) == key)
        }
    };
    found
        .map(|l| l.value)
        .ok_or_else(|| format!("“{text}” is not a level of the scale ({}).", names()))
}

/// How a value is shown side by side: a level with its name.
fn shown(a: &Assessment, key: AnswerKey, value: &str) -> String {
    if value.is_empty() {
        return "—".into();
    }
    match key {
        AnswerKey::Score { .. } => match value
            .parse::<u8>()
            .ok()
            .and_then(|v| a.methodology.scale.iter().find(|l| l.value == v))
        {
            Some(l) => format!("{} – {}", l.value, l.name),
            None => value.to_string(),
        },
        _ => value.to_string(),
    }
}

fn label(a: &Assessment, key: AnswerKey) -> String {
    match key {
        AnswerKey::Detail(d) => d.label().into(),
        AnswerKey::Score { category, horizon } => {
            let m = &a.methodology;
            let c = m
                .categories
                .iter()
                .find(|c| c.id == category)
                .map_or("?", |c| c.name.as_str());
            let h = m
                .horizons
                .iter()
                .find(|h| h.id == horizon)
                .map_or("?", |h| h.label.as_str());
            format!("{c} at {h}")
        }
        AnswerKey::Objective(f) => f.label().into(),
        AnswerKey::Comment(s) => format!("Comment on {}", s.label().to_lowercase()),
    }
}

/// Whether the owner's answer differs from what was sent, in the form
/// the two compare.
fn dependency_text(d: &bia_model::DependencyAnswer) -> String {
    format!("{}|{}|{}", d.kind.trim(), d.name.trim(), d.note.trim())
}

/// Compares a returned questionnaire with what was sent and what is
/// there now (see the module's page).
pub(crate) fn review(
    a: &Assessment,
    q: &QuestionnaireRecord,
    returned: &ReturnedQuestionnaire,
    file: &str,
    today: &str,
) -> QuestionnaireReview {
    let look = Lookup::new(a);
    let again = !q.received.is_empty();
    let mut unchanged = 0u32;
    let mut processes = Vec::new();
    for rp in &returned.processes {
        let process = look.process(rp.process_id);
        let now: BTreeMap<String, String> = process
            .map(|p| {
                look.values(p)
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect()
            })
            .unwrap_or_default();
        let sent: BTreeMap<String, String> = match q.sent.get(&rp.process_id) {
            Some(s) => s.clone(),
            None => rp
                .sent
                .iter()
                .map(|s| (s.key.clone(), s.value.clone()))
                .collect(),
        };
        let before = q.received.get(&rp.process_id);
        let locked = process.is_some_and(|p| p.status == Status::Approved);
        let mut review = ProcessReview {
            process_id: rp.process_id,
            name: process.map_or_else(|| rp.name.clone(), |p| p.name.clone()),
            sheet: rp.sheet.clone(),
            deleted: process.is_none(),
            reopens: locked,
            changes: Vec::new(),
            new_dependencies: Vec::new(),
            comments: Vec::new(),
            missing: rp.missing.clone(),
        };
        for answer in &rp.answers {
            let Some(key) = AnswerKey::parse(&answer.key) else {
                continue;
            };
            let raw = answer.text.trim();
            if raw.is_empty()
                || before.and_then(|b| b.get(&answer.key)).map(String::as_str) == Some(raw)
            {
                unchanged += 1;
                continue;
            }
            let sent_value = sent.get(&answer.key).cloned().unwrap_or_default();
            let now_value = now.get(&answer.key).cloned().unwrap_or_default();
            let mut change = FieldChange {
                key: answer.key.clone(),
                label: label(a, key),
                cell: sheet_cell(&rp.sheet, &answer.cell),
                sent: shown(a, key, &sent_value),
                now: if process.is_some() {
                    shown(a, key, &now_value)
                } else {
                    "—".into()
                },
                answer: raw.to_string(),
                state: ChangeState::Proposed,
                message: String::new(),
            };
            match canonical(a, key, raw) {
                Err(why) => {
                    change.state = ChangeState::Invalid;
                    change.message = why;
                }
                Ok(value) => {
                    change.answer = shown(a, key, &value);
                    if matches!(key, AnswerKey::Comment(_)) {
                        review.comments.push(change);
                        continue;
                    }
                    if value == sent_value || (process.is_some() && value == now_value) {
                        unchanged += 1;
                        continue;
                    }
                    if process.is_some() && now_value != sent_value {
                        change.state = ChangeState::Conflict;
                    }
                }
            }
            review.changes.push(change);
        }
        for (i, d) in rp.new_dependencies.iter().enumerate() {
            let key = format!("dependency:{}", i + 1);
            let text = dependency_text(d);
            if before.and_then(|b| b.get(&key)) == Some(&text) {
                unchanged += 1;
                continue;
            }
            review
                .new_dependencies
                .push(new_dependency(a, process, key, d, &rp.sheet));
        }
        check_rules(a, &look, process, &mut review);
        if let Some(reason) = blocked(process) {
            for c in review
                .changes
                .iter_mut()
                .chain(review.comments.iter_mut())
                .filter(|c| c.state != ChangeState::Invalid)
            {
                c.state = ChangeState::Invalid;
                c.message = reason.clone();
            }
            for d in review
                .new_dependencies
                .iter_mut()
                .filter(|d| d.state != ChangeState::Invalid)
            {
                d.state = ChangeState::Invalid;
                d.message = reason.clone();
            }
        }
        if process.is_none()
            || !review.changes.is_empty()
            || !review.comments.is_empty()
            || !review.new_dependencies.is_empty()
            || !review.missing.is_empty()
        {
            processes.push(review);
        }
    }
    QuestionnaireReview {
        fingerprint: fingerprint(returned),
        questionnaire_id: q.id,
        file: file.to_string(),
        recipient: q.recipient.clone(),
        returned_on: today.to_string(),
        again,
        unchanged,
        processes,
    }
}

/// What a returned workbook says, in short (its answers, their cells and
/// the dependencies added): a review names it, so applying what was
/// reviewed can tell the file changed since.
fn fingerprint(returned: &ReturnedQuestionnaire) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    returned.questionnaire_id.to_string().hash(&mut h);
    for p in &returned.processes {
        p.process_id.to_string().hash(&mut h);
        p.sheet.hash(&mut h);
        for a in &p.answers {
            (&a.key, &a.text, &a.cell).hash(&mut h);
        }
        for d in &p.new_dependencies {
            (&d.kind, &d.name, &d.note, &d.cell).hash(&mut h);
        }
    }
    format!("{:016x}", h.finish())
}

/// Why nothing of a process's answers can be applied, if so.
fn blocked(process: Option<&Process>) -> Option<String> {
    match process {
        None => Some("The process was deleted after the questionnaire was sent.".into()),
        Some(_) => None,
    }
}

fn new_dependency(
    a: &Assessment,
    process: Option<&Process>,
    key: String,
    d: &bia_model::DependencyAnswer,
    sheet: &str,
) -> NewDependency {
    let name = d.name.trim();
    let mut out = NewDependency {
        key,
        kind: d.kind.trim().to_string(),
        name: name.to_string(),
        note: d.note.trim().to_string(),
        cell: sheet_cell(sheet, &d.cell),
        known: false,
        state: ChangeState::Proposed,
        message: String::new(),
    };
    let kind = read_kind(&d.kind);
    let target = target(a, kind, name);
    out.known = target.is_some();
    let invalid = if name.is_empty() {
        Some("The dependency has no name.".to_string())
    } else if kind.is_none() {
        Some(format!(
            "“{}” is not a kind of dependency ({}).",
            d.kind.trim(),
            kind_choices()
                .into_iter()
                .map(|(k, _)| k)
                .collect::<Vec<_>>()
                .join(", ")
        ))
    } else if kind == Some(None) && target.is_none() {
        Some(format!("No process is called “{name}”."))
    } else if let (Some(p), Some(t)) = (process, target) {
        if t == NodeRef::Process(p.id) {
            Some("A process cannot depend on itself.".into())
        } else if a
            .dependencies
            .iter()
            .any(|x| x.from == NodeRef::Process(p.id) && x.to == t)
        {
            Some(format!("“{}” already depends on “{name}”.", p.name))
        } else {
            None
        }
    } else {
        None
    };
    if let Some(why) = invalid {
        out.state = ChangeState::Invalid;
        out.message = why;
    }
    out
}

/// The kind an owner wrote: `Some(Some(kind))` a resource, `Some(None)` a
/// process, `None` unreadable. Blank reads as an application.
fn read_kind(text: &str) -> Option<Option<ResourceKind>> {
    let key = text.trim().to_lowercase();
    if key.is_empty() {
        return Some(Some(ResourceKind::Application));
    }
    if key == "process" {
        return Some(None);
    }
    kind_choices()
        .into_iter()
        .find(|(label, _)| label.to_lowercase() == key)
        .map(|(_, k)| k)
        .or_else(|| {
            ResourceKind::parse(&key)
                .filter(|k| !k.is_unclassified())
                .map(Some)
        })
}

/// What a new dependency points at, when it is known already.
fn target(a: &Assessment, kind: Option<Option<ResourceKind>>, name: &str) -> Option<NodeRef> {
    let key = name_key(name);
    match kind {
        Some(None) => a
            .processes
            .iter()
            .find(|p| name_key(&p.name) == key)
            .map(|p| NodeRef::Process(p.id)),
        Some(Some(k)) => a
            .resources
            .iter()
            .filter(|r| name_key(&r.name) == key)
            .min_by_key(|r| r.kind != k)
            .map(|r| NodeRef::Resource(r.id)),
        None => None,
    }
}

/// Marks answered objectives that break the analysis's rules with all the
/// owner's scores and objectives taken (an RTO not below the MTPD).
fn check_rules(
    a: &Assessment,
    look: &Lookup,
    process: Option<&Process>,
    review: &mut ProcessReview,
) {
    let Some(p) = process else { return };
    let taken: Vec<&FieldChange> = review
        .changes
        .iter()
        .filter(|c| c.state != ChangeState::Invalid)
        .collect();
    let (scores, objectives) = candidate(a, look, p, &taken);
    let analysis =
        bia_analysis::analyze_process(&a.methodology, p.id, &p.name, &scores, Some(&objectives));
    for v in analysis.violations {
        if let Some(c) = review
            .changes
            .iter_mut()
            .find(|c| c.key == v.field && c.state != ChangeState::Invalid)
        {
            c.state = ChangeState::Invalid;
            c.message = v.message;
        }
    }
}

/// A process's scores and objectives with `taken` answers applied.
fn candidate(
    a: &Assessment,
    look: &Lookup,
    p: &Process,
    taken: &[&FieldChange],
) -> (Vec<Score>, Objectives) {
    let mut scores: Vec<Score> = look
        .scores
        .get(&p.id)
        .map(|s| s.iter().map(|s| (*s).clone()).collect())
        .unwrap_or_default();
    let mut objectives = look.objectives.get(&p.id).map_or_else(
        || Objectives {
            process_id: p.id,
            ..Default::default()
        },
        |o| (*o).clone(),
    );
    for c in taken {
        let Some(key) = AnswerKey::parse(&c.key) else {
            continue;
        };
        let Ok(value) = canonical(a, key, &c.answer) else {
            continue;
        };
        match key {
            AnswerKey::Score { category, horizon } => {
                let severity = value.parse().ok();
                match scores
                    .iter_mut()
                    .find(|s| s.category_id == category && s.horizon_id == horizon)
                {
                    Some(s) => s.severity = severity,
                    None => scores.push(Score {
                        process_id: p.id,
                        category_id: category,
                        horizon_id: horizon,
                        severity,
                        note: String::new(),
                        provenance: Provenance::Workshop,
                    }),
                }
            }
            AnswerKey::Objective(f) => set_objective(&mut objectives, f, &value),
            _ => {}
        }
    }
    (scores, objectives)
}

fn set_objective(o: &mut Objectives, f: ObjectiveField, value: &str) {
    let minutes = || duration::parse(value).ok();
    match f {
        ObjectiveField::Rto => o.rto = minutes(),
        ObjectiveField::Wrt => o.wrt = minutes(),
        ObjectiveField::Rpo if value == "n/a" => {
            o.rpo = None;
            o.rpo_not_applicable = true;
        }
        ObjectiveField::Rpo => {
            o.rpo = minutes();
            o.rpo_not_applicable = false;
        }
        ObjectiveField::Mbco => {
            o.mbco_percent = value.trim_end_matches('%').trim().parse().ok();
        }
        ObjectiveField::MtpdOverride => o.mtpd_override = minutes(),
    }
}

/// Whether `acceptance` takes a change of `process` named `key` in `state`.
fn accepts(acceptance: &Acceptance, process: Id, key: &str, state: ChangeState) -> bool {
    if state == ChangeState::Invalid {
        return false;
    }
    match acceptance {
        Acceptance::All => true,
        Acceptance::None => false,
        Acceptance::NonConflicting => state == ChangeState::Proposed,
        Acceptance::Only(keys) => {
            let wanted = format!("{process} {key}");
            keys.iter().any(|k| k.trim() == wanted)
        }
    }
}

/// The answers of a return as kept for the next one (raw texts by key).
pub(crate) fn received(
    q: &QuestionnaireRecord,
    returned: &ReturnedQuestionnaire,
) -> QuestionnaireValues {
    let mut out = q.received.clone();
    for rp in &returned.processes {
        let entry = out.entry(rp.process_id).or_default();
        for Answer { key, text, .. } in &rp.answers {
            if !text.trim().is_empty() {
                entry.insert(key.clone(), text.trim().to_string());
            }
        }
        for (i, d) in rp.new_dependencies.iter().enumerate() {
            entry.insert(format!("dependency:{}", i + 1), dependency_text(d));
        }
    }
    out
}

/// Counts of what applying did.
#[derive(Default)]
pub(crate) struct Tally {
    pub applied: u32,
    pub rejected: u32,
    pub invalid: u32,
}

/// Applies the accepted answers of `review` through `w` (one edit under
/// way): scores, details, objectives, comments into notes, new
/// dependencies; every value records the cell it was read from.
pub(crate) fn apply(
    w: &mut bia_store::Writer,
    a: &Assessment,
    q: &QuestionnaireRecord,
    returned: &ReturnedQuestionnaire,
    review: &QuestionnaireReview,
    acceptance: &Acceptance,
) -> bia_store::Result<Tally> {
    let look = Lookup::new(a);
    let mut tally = Tally::default();
    for pr in &review.processes {
        let count = |t: &mut Tally, taken: bool, state: ChangeState| {
            if state == ChangeState::Invalid {
                t.invalid += 1;
            } else if !taken {
                t.rejected += 1;
            }
        };
        let Some(p) = look.process(pr.process_id) else {
            tally.invalid +=
                (pr.changes.len() + pr.comments.len() + pr.new_dependencies.len()) as u32;
            continue;
        };
        let sheet = returned
            .processes
            .iter()
            .find(|r| r.process_id == p.id)
            .map_or_else(|| pr.sheet.clone(), |r| r.sheet.clone());
        let cell_of = |c: &FieldChange| {
            returned
                .processes
                .iter()
                .find(|r| r.process_id == p.id)
                .and_then(|r| r.answers.iter().find(|x| x.key == c.key))
                .map(|x| x.cell.clone())
                .unwrap_or_default()
        };
        let provenance = |cell: String, values: Vec<ImportedValue>| Provenance::Questionnaire {
            questionnaire_id: q.id,
            recipient: q.recipient.clone(),
            returned_on: review.returned_on.clone(),
            sheet: sheet.clone(),
            cell,
            values,
        };
        let mut taken: Vec<&FieldChange> = Vec::new();
        for c in &pr.changes {
            let take = accepts(acceptance, p.id, &c.key, c.state);
            count(&mut tally, take, c.state);
            if take {
                taken.push(c);
            }
        }
        // Objectives taken must still fit with the scores taken.
        let (_, candidate_objectives) = candidate(a, &look, p, &taken);
        let (scores, _) = candidate(a, &look, p, &taken);
        let analysis = bia_analysis::analyze_process(
            &a.methodology,
            p.id,
            &p.name,
            &scores,
            Some(&candidate_objectives),
        );
        let broken: HashSet<String> = analysis
            .violations
            .iter()
            .map(|v| v.field.clone())
            .collect();
        taken.retain(|c| {
            let keep = !broken.contains(&c.key);
            if !keep {
                tally.invalid += 1;
            }
            keep
        });
        let taking_any = !taken.is_empty()
            || pr
                .comments
                .iter()
                .chain(pr.changes.iter())
                .any(|c| accepts(acceptance, p.id, &c.key, c.state))
            || pr
                .new_dependencies
                .iter()
                .any(|d| accepts(acceptance, p.id, &d.key, d.state));
        if p.status == Status::Approved && taking_any {
            // Approved processes are locked: taking an owner's answers
            // reopens it for review, in this edit (the log says so).
            w.set_status(p.id, Status::InReview)?;
        }
        let mut input = p.to_input();
        input.status = if p.status == Status::Approved && taking_any {
            Status::InReview
        } else {
            p.status
        };
        let mut detail_values = Vec::new();
        let mut objectives = look.objectives.get(&p.id).map_or_else(
            || Objectives {
                process_id: p.id,
                ..Default::default()
            },
            |o| (*o).clone(),
        );
        let mut objective_values = Vec::new();
        for c in &taken {
            let Some(key) = AnswerKey::parse(&c.key) else {
                continue;
            };
            let Ok(value) = canonical(a, key, &c.answer) else {
                continue;
            };
            let cell = cell_of(c);
            match key {
                AnswerKey::Score { category, horizon } => {
                    let input = bia_model::ScoreInput {
                        category_id: category,
                        horizon_id: horizon,
                        severity: value.parse().ok(),
                        note: None,
                    };
                    w.set_score(p.id, &input, &provenance(cell, Vec::new()))?;
                }
                AnswerKey::Detail(d) => {
                    match d {
                        DetailField::Description => input.description = value.clone(),
                        DetailField::PeakPeriods => input.peak_periods = value.clone(),
                        DetailField::MinimumStaff => input.minimum_staff = value.parse().ok(),
                        DetailField::Workaround => input.workaround = value.clone(),
                    }
                    detail_values.push(ImportedValue {
                        field: d.key().into(),
                        cell,
                        value,
                    });
                }
                AnswerKey::Objective(f) => {
                    set_objective(&mut objectives, f, &value);
                    objective_values.push(ImportedValue {
                        field: f.key().into(),
                        cell,
                        value,
                    });
                }
                AnswerKey::Comment(_) => {}
            }
            tally.applied += 1;
        }
        let mut notes = Vec::new();
        for c in &pr.comments {
            let take = accepts(acceptance, p.id, &c.key, c.state);
            count(&mut tally, take, c.state);
            if take {
                notes.push(format!(
                    "{} (questionnaire, {}, {}): {}",
                    c.label, q.recipient, review.returned_on, c.answer
                ));
                detail_values.push(ImportedValue {
                    field: "notes".into(),
                    cell: cell_of(c),
                    value: c.answer.clone(),
                });
                tally.applied += 1;
            }
        }
        if !notes.is_empty() {
            let mut text = input.notes.trim_end().to_string();
            for n in notes {
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                text.push_str(&n);
            }
            input.notes = text;
        }
        if !detail_values.is_empty() {
            w.replace_process(p.id, &input, &provenance(String::new(), detail_values))?;
        }
        if !objective_values.is_empty() {
            objectives.provenance = provenance(String::new(), objective_values);
            w.put_objectives(p.id, &objectives)?;
        }
        for d in &pr.new_dependencies {
            let take = accepts(acceptance, p.id, &d.key, d.state);
            count(&mut tally, take, d.state);
            if !take {
                continue;
            }
            let kind = read_kind(&d.kind).flatten();
            let to = match target(a, read_kind(&d.kind), &d.name) {
                Some(t) => t,
                None => {
                    let Some(kind) = kind else { continue };
                    let input = bia_model::ResourceInput {
                        kind,
                        name: d.name.clone().into(),
                        ..Default::default()
                    };
                    let cell = d.cell.rsplit('!').next().unwrap_or_default().to_string();
                    NodeRef::Resource(w.create_resource(&input, &provenance(cell, Vec::new()))?)
                }
            };
            if w.link(
                NodeRef::Process(p.id),
                to,
                bia_model::Strength::Required,
                &d.note,
            )? {
                tally.applied += 1;
            }
        }
    }
    Ok(tally)
}
