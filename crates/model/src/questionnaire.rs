//! Questionnaires: a workbook sent to a process owner (or a unit) with the
//! processes they answer for, current values pre-filled, and the answers
//! that come back. Here are the values only: what a workbook carries
//! ([`QuestionnaireForm`], every value already written as text), what is
//! read back from one ([`ReturnedQuestionnaire`], the cells' text as found),
//! the questionnaires an assessment has sent ([`Questionnaire`]) and the
//! three-way comparison a facilitator reviews ([`QuestionnaireReview`]).
//! Writing and reading the workbook is `bia-excel`'s; keeping track is the
//! store's; comparing and applying is the application layer's.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Id, ObjectiveField};

/// How long an owner has to answer unless the sender says otherwise.
pub const DEFAULT_DUE_DAYS: i64 = 14;
/// Empty rows under the known dependencies for the owner to add more.
pub const NEW_DEPENDENCY_ROWS: usize = 6;

/// Whom a questionnaire goes to: each owner gets one workbook of their
/// processes, or each unit one of the processes in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Recipients {
    #[default]
    Owner,
    Unit,
}

impl Recipients {
    pub fn as_str(self) -> &'static str {
        match self {
            Recipients::Owner => "owner",
            Recipients::Unit => "unit",
        }
    }

    pub fn parse(s: &str) -> Option<Recipients> {
        [Recipients::Owner, Recipients::Unit]
            .into_iter()
            .find(|r| r.as_str() == s)
    }
}

/// Where a questionnaire stands. `Overdue` is `Sent` past its due date
/// (worked out when listed, never stored).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum QuestionnaireStatus {
    Sent,
    Overdue,
    Returned,
    Applied,
    Withdrawn,
}

impl QuestionnaireStatus {
    pub const ALL: [QuestionnaireStatus; 5] = [
        QuestionnaireStatus::Sent,
        QuestionnaireStatus::Overdue,
        QuestionnaireStatus::Returned,
        QuestionnaireStatus::Applied,
        QuestionnaireStatus::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QuestionnaireStatus::Sent => "sent",
            QuestionnaireStatus::Overdue => "overdue",
            QuestionnaireStatus::Returned => "returned",
            QuestionnaireStatus::Applied => "applied",
            QuestionnaireStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<QuestionnaireStatus> {
        QuestionnaireStatus::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// A questionnaire the assessment sent, as tracked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Questionnaire {
    pub id: Id,
    /// The owner's name, or the unit's path.
    pub recipient: String,
    pub recipients: Recipients,
    /// The processes it asks about, in the workbook's order.
    pub processes: Vec<QuestionnaireProcess>,
    /// `YYYY-MM-DD`.
    pub sent_on: String,
    /// `YYYY-MM-DD`.
    pub due: String,
    pub return_to: String,
    /// `YYYY-MM-DD` of the latest return, or empty.
    pub returned_on: String,
    pub status: QuestionnaireStatus,
    /// The file name it was written as (without its folder).
    pub file_name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QuestionnaireProcess {
    pub process_id: Id,
    /// Its name now, or as sent when it has been deleted since.
    pub name: String,
    /// Deleted since the questionnaire was sent.
    pub deleted: bool,
}

/// What to send: which processes, grouped how, due when, returned to whom.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct SendInput {
    pub processes: Vec<Id>,
    pub recipients: Recipients,
    /// `YYYY-MM-DD`; blank: [`DEFAULT_DUE_DAYS`] from today.
    pub due: String,
    /// Blank: the assessment's facilitator.
    pub return_to: String,
}

/// A detail of a process the owner may correct.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DetailField {
    Description,
    PeakPeriods,
    MinimumStaff,
    Workaround,
}

impl DetailField {
    pub const ALL: [DetailField; 4] = [
        DetailField::Description,
        DetailField::PeakPeriods,
        DetailField::MinimumStaff,
        DetailField::Workaround,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DetailField::Description => "description",
            DetailField::PeakPeriods => "peak_periods",
            DetailField::MinimumStaff => "minimum_staff",
            DetailField::Workaround => "workaround",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DetailField::Description => "Description",
            DetailField::PeakPeriods => "Peak periods",
            DetailField::MinimumStaff => "Minimum staff",
            DetailField::Workaround => "Workaround",
        }
    }
}

/// The objectives an owner is asked for. The MTPD is not asked: it
/// follows from the impact grid they fill in (and is shown, derived).
pub const ASKED_OBJECTIVES: [ObjectiveField; 4] = [
    ObjectiveField::Rto,
    ObjectiveField::Rpo,
    ObjectiveField::Wrt,
    ObjectiveField::Mbco,
];

/// A part of a process's sheet; each has a comment box.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Details,
    Impact,
    Objectives,
    Dependencies,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Details,
        Section::Impact,
        Section::Objectives,
        Section::Dependencies,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Section::Details => "details",
            Section::Impact => "impact",
            Section::Objectives => "objectives",
            Section::Dependencies => "dependencies",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Section::Details => "Details",
            Section::Impact => "Impact over time",
            Section::Objectives => "Recovery objectives",
            Section::Dependencies => "Dependencies",
        }
    }
}

/// One answer cell of a process's sheet, named the same in the workbook's
/// hidden sheet, in what is read back and in the review:
/// `description`, `score:<category id>:<horizon id>`, `rto`,
/// `comment:impact`, …
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AnswerKey {
    Detail(DetailField),
    Score { category: Id, horizon: Id },
    Objective(ObjectiveField),
    Comment(Section),
}

impl fmt::Display for AnswerKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerKey::Detail(d) => f.write_str(d.key()),
            AnswerKey::Score { category, horizon } => write!(f, "score:{category}:{horizon}"),
            AnswerKey::Objective(o) => f.write_str(o.key()),
            AnswerKey::Comment(s) => write!(f, "comment:{}", s.key()),
        }
    }
}

impl AnswerKey {
    pub fn parse(s: &str) -> Option<AnswerKey> {
        if let Some(rest) = s.strip_prefix("score:") {
            let (c, h) = rest.split_once(':')?;
            return Some(AnswerKey::Score {
                category: c.parse().ok()?,
                horizon: h.parse().ok()?,
            });
        }
        if let Some(rest) = s.strip_prefix("comment:") {
            return Section::ALL
                .into_iter()
                .find(|x| x.key() == rest)
                .map(AnswerKey::Comment);
        }
        if let Some(d) = DetailField::ALL.into_iter().find(|d| d.key() == s) {
            return Some(AnswerKey::Detail(d));
        }
        ASKED_OBJECTIVES
            .into_iter()
            .find(|o| o.key() == s)
            .map(AnswerKey::Objective)
    }
}

/// Everything a questionnaire workbook shows, every value already text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireForm {
    pub questionnaire_id: Id,
    pub assessment_id: Id,
    pub assessment_name: String,
    pub organisation: String,
    pub recipient: String,
    /// As people read them: "21 Dec 2026".
    pub sent_on: String,
    pub due: String,
    pub return_to: String,
    pub scale: Vec<FormLevel>,
    /// The categories in use (retired ones left out), in order.
    pub categories: Vec<FormCategory>,
    pub horizons: Vec<FormHorizon>,
    /// What the duration dropdowns offer ("1 h", "4 h", "1 day", …); any
    /// other duration may be typed.
    pub durations: Vec<String>,
    /// What the new dependencies' kind dropdown offers ("Application", …).
    pub kinds: Vec<String>,
    /// RTO, RPO, MTPD, WRT, MBCO, each with what it means in plain words.
    pub terms: Vec<FormTerm>,
    pub processes: Vec<FormProcess>,
}

/// A level of the scale: 3, "Moderate".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormLevel {
    pub value: u8,
    pub name: String,
}

impl FormLevel {
    /// As the dropdown offers it: "3 – Moderate".
    pub fn choice(&self) -> String {
        format!("{} – {}", self.value, self.name)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormCategory {
    pub id: Id,
    pub name: String,
    /// What each level means in this category, by level (may be blank).
    pub definitions: Vec<(u8, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormHorizon {
    pub id: Id,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormTerm {
    pub term: String,
    pub meaning: String,
}

/// One process's sheet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormProcess {
    pub process_id: Id,
    pub name: String,
    /// Shown, not asked: unit, owner, status, tier, the derived MTPD.
    pub facts: Vec<FormFact>,
    /// Every answer cell's value as sent, by [`AnswerKey`] text: the
    /// details, every category × horizon (a level's number, "" unscored),
    /// the asked objectives ("4 h", "n/a", "50 %", "" unset) and the
    /// comments (""). The workbook shows levels as their choice text.
    pub values: Vec<SentValue>,
    /// The dependencies already known, shown (not asked).
    pub dependencies: Vec<FormDependency>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormFact {
    pub label: String,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SentValue {
    pub key: String,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormDependency {
    /// "Application", "Supplier", "Process", …
    pub kind: String,
    pub name: String,
    /// Critical / important / nice to have, and the note.
    pub note: String,
}

/// A returned workbook as read: the ids from its hidden sheet and, per
/// process, the text of every answer cell found (wherever rows or sheets
/// have moved to).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReturnedQuestionnaire {
    pub questionnaire_id: Id,
    pub assessment_id: Id,
    pub processes: Vec<ReturnedProcess>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReturnedProcess {
    pub process_id: Id,
    /// The process's name as sent (from the hidden sheet).
    pub name: String,
    /// Its sheet's name in the returned file (perhaps renamed).
    pub sheet: String,
    /// The values as sent, from the hidden sheet.
    pub sent: Vec<SentValue>,
    /// Every answer cell found: its key, its text as typed or picked
    /// (trimmed; a number as written, `3` not `3.0`), its cell.
    pub answers: Vec<Answer>,
    /// Rows of the new-dependencies block with anything in them.
    pub new_dependencies: Vec<DependencyAnswer>,
    /// Keys whose cell was not found (the row deleted, say).
    pub missing: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub key: String,
    pub text: String,
    /// `D14`, on the process's sheet.
    pub cell: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DependencyAnswer {
    pub kind: String,
    pub name: String,
    pub note: String,
    /// The row's first cell, `B40`.
    pub cell: String,
}

/// How an answer compares with the value as sent and as it is now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChangeState {
    /// The owner changed it; nobody changed it here since.
    Proposed,
    /// The owner changed it, and it was changed here since sending too.
    Conflict,
    /// The owner's answer breaks a rule (a level not on the scale, an
    /// unreadable duration, an RTO not below the MTPD): listed, not applied.
    Invalid,
}

impl ChangeState {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeState::Proposed => "proposed",
            ChangeState::Conflict => "conflict",
            ChangeState::Invalid => "invalid",
        }
    }
}

/// A returned questionnaire compared with what was sent and what is
/// there now. Only what the owner changed is listed; a second return
/// lists only what changed since the first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QuestionnaireReview {
    pub questionnaire_id: Id,
    /// The returned file's name.
    pub file: String,
    pub recipient: String,
    /// `YYYY-MM-DD`: the day it is received.
    pub returned_on: String,
    /// It was returned before: what the earlier return said is left out.
    pub again: bool,
    /// Answers the owner left as sent (or empty, which means no answer).
    pub unchanged: u32,
    pub processes: Vec<ProcessReview>,
    /// What the returned workbook said, in short: applying it with this
    /// is refused if the file changed since it was reviewed.
    pub fingerprint: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProcessReview {
    pub process_id: Id,
    pub name: String,
    /// Its sheet in the returned file.
    pub sheet: String,
    /// Deleted since sending: its answers are listed, never applied.
    pub deleted: bool,
    /// Approved: taking any of its answers moves it back to in review
    /// (in the same edit, logged), since an approved process is locked.
    pub reopens: bool,
    pub changes: Vec<FieldChange>,
    pub new_dependencies: Vec<NewDependency>,
    /// Comments, to land in the process's notes.
    pub comments: Vec<FieldChange>,
    /// Answer cells not found in the returned file.
    pub missing: Vec<String>,
}

/// One field the owner changed, side by side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FieldChange {
    /// The [`AnswerKey`] text: what an accept names.
    pub key: String,
    /// "Financial at 4 h", "RTO", "Description", "Comment on dependencies".
    pub label: String,
    /// `'Accounts payable'!D14`.
    pub cell: String,
    pub sent: String,
    pub now: String,
    pub answer: String,
    pub state: ChangeState,
    /// Why an invalid answer is not applied.
    pub message: String,
}

/// A dependency the owner added.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewDependency {
    /// `dependency:<row>`: what an accept names.
    pub key: String,
    pub kind: String,
    pub name: String,
    pub note: String,
    pub cell: String,
    /// A resource or process of that name is known already.
    pub known: bool,
    pub state: ChangeState,
    pub message: String,
}

/// Which of a review's changes to take.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "mode", content = "keys")]
#[ts(export)]
pub enum Acceptance {
    All,
    None,
    NonConflicting,
    /// These, each `<process id> <key>`.
    Only(Vec<String>),
}

/// What applying a returned questionnaire did.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReceiveOutcome {
    pub questionnaire_id: Id,
    pub applied: u32,
    pub rejected: u32,
    pub invalid: u32,
    /// The backup taken before applying, if anything was applied.
    pub backup: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answer_keys_read_back_as_written() {
        let keys = [
            AnswerKey::Detail(DetailField::PeakPeriods),
            AnswerKey::Score {
                category: Id::new(),
                horizon: Id::new(),
            },
            AnswerKey::Objective(ObjectiveField::Rpo),
            AnswerKey::Comment(Section::Dependencies),
        ];
        for key in keys {
            assert_eq!(AnswerKey::parse(&key.to_string()), Some(key));
        }
        assert_eq!(AnswerKey::parse("mtpd_override"), None);
        assert_eq!(AnswerKey::parse("score:nonsense"), None);
    }
}
