//! The minutes of a workshop as a document reads them: every value already
//! written as a person reads it ("4 h", "3 – Major", "3 Dec 2026"), so the
//! writers (the workbook in `bia-excel`, the PDF in `bia-documents`) only
//! lay them out. The application layer fills it from the workshop, the
//! assessment, its analysis, the decision log and the journal.

use serde::{Deserialize, Serialize};

/// Everything the minutes of one workshop say.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkshopMinutes {
    /// The assessment's name: the header of every page.
    pub assessment: String,
    /// The organisation assessed.
    pub organisation: String,
    pub title: String,
    /// "Thursday 3 December 2026".
    pub date: String,
    /// "09:30", or blank.
    pub start_time: String,
    pub place: String,
    pub facilitator: String,
    pub scribe: String,
    /// "planned", "running", "finished".
    pub status: String,
    /// "09:32" → "11:05" when started and finished, else blank.
    pub started: String,
    pub finished: String,
    pub notes: String,
    pub participants: Vec<MinutesParticipant>,
    pub agenda: Vec<MinutesAgendaItem>,
    /// The impact horizons' labels, left to right ("1 h", "4 h", …).
    pub horizons: Vec<String>,
    pub processes: Vec<AgreedValues>,
    pub actions: Vec<MinutesAction>,
    pub changes: Vec<MinutesChange>,
    /// The heatmap of the workshop's processes, drawn by `bia-chart`.
    #[serde(skip)]
    pub heatmap_svg: Option<String>,
    #[serde(skip)]
    pub heatmap_png: Option<Vec<u8>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesParticipant {
    pub name: String,
    pub role: String,
    pub unit: String,
    /// "present" or "absent".
    pub attendance: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesAgendaItem {
    /// 1-based position.
    pub position: usize,
    pub process: String,
    /// "done", "in discussion", "parked", …
    pub status: String,
    /// "20 min".
    pub timebox: String,
    /// "23 min", or "—" when not discussed.
    pub spent: String,
    /// Whether more time went than the time box gave.
    pub over_time: bool,
    pub notes: String,
}

/// What the room agreed for one process on the agenda.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreedValues {
    pub process: String,
    pub unit: String,
    pub owner: String,
    /// "draft", "in review", "approved".
    pub review_status: String,
    /// One row per impact category: its name, then one cell per horizon
    /// ("3 – Major", or blank when unscored).
    pub grid: Vec<MinutesGridRow>,
    /// "1 d", or "—".
    pub mtpd: String,
    /// Why: derived from which category at which horizon, or the override's reason.
    pub mtpd_reason: String,
    pub rto: String,
    pub rpo: String,
    pub wrt: String,
    pub mbco: String,
    /// "Tier 1 — Critical", or blank.
    pub tier: String,
    pub rationale: String,
    pub agreed_by: String,
    /// The participants who signed off, and when ("3 Dec 2026 10:41"); empty when nobody did.
    pub signed_off_by: Vec<String>,
    pub signed_off_at: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesGridRow {
    pub category: String,
    pub cells: Vec<String>,
    /// The severity number per cell (None unscored): the writers colour by it.
    pub levels: Vec<Option<u8>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesAction {
    /// "action", "question", "risk", "decision".
    pub kind: String,
    pub text: String,
    pub owner: String,
    /// "17 Dec 2026", or blank.
    pub due: String,
    /// The process or resource it concerns, or blank.
    pub concerns: String,
    /// "open" or "done".
    pub status: String,
}

/// One change made to the assessment while the workshop ran.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesChange {
    /// "10:12".
    pub at: String,
    /// The edit as the undo menu names it, or the decision ("RTO of Accounts payable: 1 d → 4 h").
    pub what: String,
    pub who: String,
    pub rationale: String,
}
