//! Workshops: the meeting a BIA is captured in. A workshop has its
//! participants, an agenda of processes with time boxes, the sign-offs of
//! what the room agreed, and the actions and open questions it raised
//! (actions may also be raised outside any workshop). The checks here need
//! nothing but the values: a title, a date that is a date, a time box in
//! range; the ones that need the file (an agenda naming an unknown
//! process, a second running workshop) are the store's and the
//! application layer's.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{FieldIssue, Id};

/// The time box an agenda item gets unless the planner says otherwise.
pub const DEFAULT_TIMEBOX_MINUTES: u32 = 20;
/// The longest time box: a whole day on one process is not a time box.
pub const MAX_TIMEBOX_MINUTES: u32 = 8 * 60;

/// Where a workshop stands: planned, then running, then finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum WorkshopStatus {
    Planned,
    Running,
    Finished,
}

impl WorkshopStatus {
    pub const ALL: [WorkshopStatus; 3] = [
        WorkshopStatus::Planned,
        WorkshopStatus::Running,
        WorkshopStatus::Finished,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            WorkshopStatus::Planned => "planned",
            WorkshopStatus::Running => "running",
            WorkshopStatus::Finished => "finished",
        }
    }

    pub fn parse(s: &str) -> Option<WorkshopStatus> {
        WorkshopStatus::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// Where an agenda item stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AgendaStatus {
    Pending,
    InDiscussion,
    Done,
    Parked,
    Skipped,
}

impl AgendaStatus {
    pub const ALL: [AgendaStatus; 5] = [
        AgendaStatus::Pending,
        AgendaStatus::InDiscussion,
        AgendaStatus::Done,
        AgendaStatus::Parked,
        AgendaStatus::Skipped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AgendaStatus::Pending => "pending",
            AgendaStatus::InDiscussion => "in_discussion",
            AgendaStatus::Done => "done",
            AgendaStatus::Parked => "parked",
            AgendaStatus::Skipped => "skipped",
        }
    }

    /// As a person reads it: "in discussion".
    pub fn label(self) -> &'static str {
        match self {
            AgendaStatus::Pending => "pending",
            AgendaStatus::InDiscussion => "in discussion",
            AgendaStatus::Done => "done",
            AgendaStatus::Parked => "parked",
            AgendaStatus::Skipped => "skipped",
        }
    }

    pub fn parse(s: &str) -> Option<AgendaStatus> {
        let s = s.trim().to_lowercase().replace([' ', '-'], "_");
        AgendaStatus::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// What an action item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ActionKind {
    Action,
    Question,
    Risk,
    Decision,
}

impl ActionKind {
    pub const ALL: [ActionKind; 4] = [
        ActionKind::Action,
        ActionKind::Question,
        ActionKind::Risk,
        ActionKind::Decision,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActionKind::Action => "action",
            ActionKind::Question => "question",
            ActionKind::Risk => "risk",
            ActionKind::Decision => "decision",
        }
    }

    pub fn parse(s: &str) -> Option<ActionKind> {
        let s = s.trim().to_lowercase();
        ActionKind::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

impl fmt::Display for ActionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether an action is still to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ActionStatus {
    Open,
    Done,
}

impl ActionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<ActionStatus> {
        match s.trim().to_lowercase().as_str() {
            "open" => Some(ActionStatus::Open),
            "done" => Some(ActionStatus::Done),
            _ => None,
        }
    }
}

/// A person in the room (or on the call).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Participant {
    pub id: Id,
    pub name: String,
    pub role: String,
    pub unit: String,
    pub contact: String,
    /// Ticked at the start of the workshop.
    pub present: bool,
}

/// A participant as the planner types it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ParticipantInput {
    /// The participant being changed; none for a new one.
    #[serde(default)]
    #[ts(optional)]
    pub id: Option<Id>,
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub contact: String,
    #[serde(default)]
    pub present: bool,
}

impl ParticipantInput {
    /// Reads "Name; Role; Unit" (the CLI's `--participant`): the role and
    /// the unit may be left out.
    pub fn from_line(line: &str) -> ParticipantInput {
        let mut parts = line.split(';').map(crate::clean_name);
        ParticipantInput {
            id: None,
            name: parts.next().unwrap_or_default(),
            role: parts.next().unwrap_or_default(),
            unit: parts.next().unwrap_or_default(),
            contact: parts.collect::<Vec<_>>().join("; "),
            present: false,
        }
    }
}

/// One process on a workshop's agenda.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgendaItem {
    pub id: Id,
    pub process_id: Id,
    pub timebox_minutes: u32,
    pub status: AgendaStatus,
    /// Time actually spent on the item, saved when the item changes.
    pub spent_seconds: u32,
    /// The facilitator's notes: never shown on the projector.
    pub notes: String,
}

/// An agenda item as the planner gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgendaInput {
    pub process_id: Id,
    #[serde(default = "default_timebox")]
    pub timebox_minutes: u32,
}

fn default_timebox() -> u32 {
    DEFAULT_TIMEBOX_MINUTES
}

/// A change to one agenda item while the workshop runs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgendaUpdate {
    #[ts(optional)]
    pub status: Option<AgendaStatus>,
    #[ts(optional)]
    pub timebox_minutes: Option<u32>,
    /// The time spent in all (not added to what is stored).
    #[ts(optional)]
    pub spent_seconds: Option<u32>,
    #[ts(optional)]
    pub notes: Option<String>,
}

/// Moving on in a running workshop, as one step: the time spent on the
/// item left and how it is left, and where to go.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct MoveOn {
    /// The process left, if one was under discussion.
    #[ts(optional)]
    pub from: Option<Id>,
    /// The time spent on it in all.
    #[ts(optional)]
    pub spent_seconds: Option<u32>,
    /// How it is left (done, parked, skipped); none keeps its status.
    #[ts(optional)]
    pub leaving_as: Option<AgendaStatus>,
    /// The process to go to; none: the next on the agenda after `from`
    /// still to discuss (pending or in discussion).
    #[ts(optional)]
    pub to: Option<Id>,
}

/// Where moving on arrived.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MovedOn {
    pub workshop: Workshop,
    /// The process now under discussion; none when nothing is left to
    /// discuss after the one left.
    pub at: Option<Id>,
}

/// Who confirmed the values agreed for one process, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Signoff {
    pub id: Id,
    pub process_id: Id,
    /// The participants who confirmed, by name, as they were then.
    pub by: Vec<String>,
    /// RFC 3339, UTC.
    pub at: String,
}

/// A workshop: its record, its participants, its agenda in order and its
/// sign-offs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Workshop {
    pub id: Id,
    pub title: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`, or blank.
    pub start_time: String,
    /// A room, an address or a call link.
    pub place: String,
    pub facilitator: String,
    pub scribe: String,
    pub status: WorkshopStatus,
    pub notes: String,
    /// RFC 3339, UTC: when it was started and finished.
    pub started_at: String,
    pub finished_at: String,
    pub participants: Vec<Participant>,
    pub agenda: Vec<AgendaItem>,
    pub signoffs: Vec<Signoff>,
}

impl Workshop {
    /// The agenda's time boxes added up, in minutes.
    pub fn planned_minutes(&self) -> u32 {
        self.agenda.iter().map(|a| a.timebox_minutes).sum()
    }

    /// The item of `process` on the agenda.
    pub fn item_of(&self, process: Id) -> Option<&AgendaItem> {
        self.agenda.iter().find(|a| a.process_id == process)
    }

    /// The participant called `name` (compared case-folded).
    pub fn participant_named(&self, name: &str) -> Option<&Participant> {
        let key = crate::name_key(name);
        self.participants
            .iter()
            .find(|p| crate::name_key(&p.name) == key)
    }
}

/// A workshop's own fields, as the planner types them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkshopInput {
    pub title: String,
    pub date: String,
    #[serde(default)]
    pub start_time: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub facilitator: String,
    #[serde(default)]
    pub scribe: String,
    #[serde(default)]
    pub notes: String,
}

/// A workshop input read and checked: its title and place cleaned, its
/// date and start time in their stored forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedWorkshop {
    pub title: String,
    pub date: String,
    pub start_time: String,
    pub place: String,
    pub facilitator: String,
    pub scribe: String,
    pub notes: String,
}

impl WorkshopInput {
    /// Checks every field, one issue per field that is wrong.
    pub fn check(&self) -> Result<CheckedWorkshop, Vec<FieldIssue>> {
        let mut issues = Vec::new();
        let title = crate::clean_name(&self.title);
        if title.is_empty() {
            issues.push(FieldIssue::new("title", "A workshop needs a title."));
        }
        let date = match parse_date(&self.date) {
            Ok(d) => d,
            Err(message) => {
                issues.push(FieldIssue::new("date", message));
                String::new()
            }
        };
        let start_time = match parse_time(&self.start_time) {
            Ok(t) => t,
            Err(message) => {
                issues.push(FieldIssue::new("start_time", message));
                String::new()
            }
        };
        if !issues.is_empty() {
            return Err(issues);
        }
        Ok(CheckedWorkshop {
            title,
            date,
            start_time,
            place: self.place.trim().to_string(),
            facilitator: crate::clean_name(&self.facilitator),
            scribe: crate::clean_name(&self.scribe),
            notes: self.notes.trim().to_string(),
        })
    }
}

/// Reads a date as `YYYY-MM-DD` (also `D/M/YYYY` is refused: it reads two
/// ways). Returns the stored form or the message saying what is wrong.
pub fn parse_date(text: &str) -> Result<String, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("A date is needed, as YYYY-MM-DD (for example 2026-12-10).".into());
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .map(|d| d.format("%Y-%m-%d").to_string())
        .map_err(|_| {
            format!("“{t}” is not a date: write it as YYYY-MM-DD (for example 2026-12-10).")
        })
}

/// Reads a start time as `H:MM` or `HH:MM`, 24-hour; blank is allowed.
pub fn parse_time(text: &str) -> Result<String, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(String::new());
    }
    chrono::NaiveTime::parse_from_str(t, "%H:%M")
        .map(|time| time.format("%H:%M").to_string())
        .map_err(|_| format!("“{t}” is not a time of day: write it as HH:MM (for example 09:30)."))
}

/// Checks a time box: 1 minute to [`MAX_TIMEBOX_MINUTES`].
pub fn check_timebox(minutes: u32) -> Result<u32, FieldIssue> {
    if minutes == 0 || minutes > MAX_TIMEBOX_MINUTES {
        return Err(FieldIssue::new(
            "timebox_minutes",
            format!("A time box is 1 to {MAX_TIMEBOX_MINUTES} minutes; {minutes} is not."),
        ));
    }
    Ok(minutes)
}

/// An action, an open question, a risk or a decision noted in the parking
/// lot: raised in a workshop or outside one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Action {
    pub id: Id,
    /// The workshop that raised it, if one did.
    pub workshop_id: Option<Id>,
    pub text: String,
    pub kind: ActionKind,
    pub owner: String,
    /// `YYYY-MM-DD`, or blank.
    pub due: String,
    /// The process or the resource it concerns, if any.
    pub process_id: Option<Id>,
    pub resource_id: Option<Id>,
    pub status: ActionStatus,
    /// RFC 3339, UTC.
    pub raised_at: String,
}

/// An action as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActionInput {
    #[serde(default)]
    #[ts(optional)]
    pub workshop_id: Option<Id>,
    pub text: String,
    pub kind: ActionKind,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub due: String,
    #[serde(default)]
    #[ts(optional)]
    pub process_id: Option<Id>,
    #[serde(default)]
    #[ts(optional)]
    pub resource_id: Option<Id>,
    #[serde(default = "open")]
    pub status: ActionStatus,
}

fn open() -> ActionStatus {
    ActionStatus::Open
}

impl ActionInput {
    /// Checks the text and the due date: the cleaned text and the stored
    /// due date, or one issue per field.
    pub fn check(&self) -> Result<(String, String), Vec<FieldIssue>> {
        let mut issues = Vec::new();
        let text = self.text.trim().to_string();
        if text.is_empty() {
            issues.push(FieldIssue::new(
                "text",
                "Say what the action or question is.",
            ));
        }
        let due = if self.due.trim().is_empty() {
            String::new()
        } else {
            match parse_date(&self.due) {
                Ok(d) => d,
                Err(m) => {
                    issues.push(FieldIssue::new("due", m));
                    String::new()
                }
            }
        };
        if issues.is_empty() {
            Ok((text, due))
        } else {
            Err(issues)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workshop_needs_a_title_and_a_real_date() {
        let input = WorkshopInput {
            title: "  ".into(),
            date: "10/12/2026".into(),
            start_time: "25:00".into(),
            ..WorkshopInput::default()
        };
        let issues = input.check().unwrap_err();
        let fields: Vec<_> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["title", "date", "start_time"]);
        assert!(
            issues[1].message.contains("YYYY-MM-DD"),
            "{}",
            issues[1].message
        );
    }

    #[test]
    fn dates_and_times_are_stored_in_one_form() {
        let input = WorkshopInput {
            title: "Finance BIA workshop".into(),
            date: "2026-12-03".into(),
            start_time: "9:30".into(),
            ..WorkshopInput::default()
        };
        let ok = input.check().unwrap();
        assert_eq!(
            (ok.date.as_str(), ok.start_time.as_str()),
            ("2026-12-03", "09:30")
        );
        assert!(
            parse_date("2026-02-30").is_err(),
            "30 February is not a date"
        );
    }

    #[test]
    fn a_participant_line_reads_name_role_and_unit() {
        let p = ParticipantInput::from_line("Sophie Chen; Finance Director; Finance");
        assert_eq!(
            (p.name.as_str(), p.role.as_str(), p.unit.as_str()),
            ("Sophie Chen", "Finance Director", "Finance")
        );
        assert_eq!(ParticipantInput::from_line("Ravi Patel").role, "");
    }

    #[test]
    fn time_boxes_stay_in_range() {
        assert!(check_timebox(0).is_err());
        assert!(check_timebox(MAX_TIMEBOX_MINUTES + 1).is_err());
        assert_eq!(check_timebox(25).unwrap(), 25);
    }

    #[test]
    fn statuses_read_as_people_write_them() {
        assert_eq!(
            AgendaStatus::parse("In discussion"),
            Some(AgendaStatus::InDiscussion)
        );
        assert_eq!(ActionKind::parse("Question"), Some(ActionKind::Question));
        assert_eq!(ActionKind::parse("todo"), None);
    }
}
