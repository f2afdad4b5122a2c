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

mod apply;
mod review;
mod send;
mod values;

use bia_model::Questionnaire;
use serde::Serialize;
use ts_rs::TS;

pub(crate) use apply::{apply, received};
pub(crate) use review::review;
pub(crate) use send::{Sending, file_for, form, group, listed, record};
pub use values::today;
pub(crate) use values::{Lookup, readable_date};

/// A workbook written for one recipient.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SentQuestionnaire {
    pub questionnaire: Questionnaire,
    /// Where the workbook was written.
    pub path: String,
}
