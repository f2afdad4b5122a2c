//! Copies and merging: an assessment handed out as a copy to another
//! laptop ([`CopyInfo`]), and what merging a copy back did or would do
//! ([`MergeReport`]): the changes applied and the conflicts found, each a
//! field (or a whole row) changed differently on both sides, kept as
//! "mine" until someone resolves it ([`Conflict`], [`Resolution`]).
//! The merging itself is the store's; these are its values.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Id;

/// What an assessment file is in its family of copies.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CopyInfo {
    /// The copy's own id (a fresh one for each copy handed out).
    pub copy_id: String,
    /// Who holds it: the name given when it was handed out ("Priya
    /// Raman"), or the facilitator's for the first file.
    pub holder: String,
    /// The copy it was made from, when it is one.
    pub forked_from: Option<String>,
    /// When it was handed out (RFC 3339), when it is a copy.
    pub forked_at: Option<String>,
    /// The other copies this file has merged or handed out, by holder.
    pub known: Vec<KnownCopy>,
}

/// Another copy this file knows of.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KnownCopy {
    pub copy_id: String,
    pub holder: String,
}

/// What `fork` wrote: the copy's path and who it is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GivenCopy {
    pub path: String,
    pub holder: String,
    pub copy_id: String,
}

/// Which side a merge takes when both changed the same field. Without a
/// preference every such field is a conflict, "mine" kept until resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Prefer {
    Mine,
    Theirs,
}

impl Prefer {
    pub fn parse(s: &str) -> Option<Prefer> {
        match s {
            "mine" => Some(Prefer::Mine),
            "theirs" => Some(Prefer::Theirs),
            _ => None,
        }
    }
}

/// How the two sides differ on one conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ConflictKind {
    /// The same field changed to different values on both sides.
    Field,
    /// Changed here, deleted in the copy.
    EditedDeleted,
    /// Deleted here, changed in the copy.
    DeletedEdited,
    /// Both sides added a process (resource, unit) of the same name.
    SameName,
}

impl ConflictKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ConflictKind::Field => "field",
            ConflictKind::EditedDeleted => "edited_deleted",
            ConflictKind::DeletedEdited => "deleted_edited",
            ConflictKind::SameName => "same_name",
        }
    }

    pub fn parse(s: &str) -> Option<ConflictKind> {
        [
            ConflictKind::Field,
            ConflictKind::EditedDeleted,
            ConflictKind::DeletedEdited,
            ConflictKind::SameName,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// How a conflict was resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Resolution {
    /// This file's value stays.
    Mine,
    /// The copy's value is taken (for a row deleted in the copy: deleted;
    /// for a process of the same name: the copy's is dropped).
    Theirs,
    /// A value typed when resolving.
    Typed,
    /// Both kept: the copy's process (resource, unit) of the same name is
    /// added under a name that tells them apart.
    Both,
    /// One process: the copy's, with this file's fields, scores and links
    /// merged in (a field both filled differently becomes a conflict of
    /// its own). For processes added on both sides under one name.
    Same,
}

impl Resolution {
    pub fn as_str(self) -> &'static str {
        match self {
            Resolution::Mine => "mine",
            Resolution::Theirs => "theirs",
            Resolution::Typed => "typed",
            Resolution::Both => "both",
            Resolution::Same => "same",
        }
    }

    pub fn parse(s: &str) -> Option<Resolution> {
        [
            Resolution::Mine,
            Resolution::Theirs,
            Resolution::Typed,
            Resolution::Both,
            Resolution::Same,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }
}

/// One conflict a merge found, as the Merge screen and `bia dump` show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Conflict {
    pub id: Id,
    pub kind: ConflictKind,
    /// What the row is: "Process", "Impact", "Objectives", "Resource",
    /// "Dependency", "Unit", "Workshop", "Action", "Methodology", …
    pub area: String,
    /// Whose row: the process's (resource's, unit's, …) name.
    pub subject: String,
    /// The field, in the words of the screens ("RTO", "Financial at
    /// 1 day"); empty for a whole row.
    pub field: String,
    /// The values as text: here, in the copy, and where both started
    /// ("" when unknown). A deleted row reads "(deleted)".
    pub mine: String,
    pub theirs: String,
    pub base: String,
    /// Who holds the copy it came from.
    pub from_holder: String,
    pub found_at: String,
    /// Whether a value may be typed to resolve it.
    pub typeable: bool,
    pub resolution: Option<Resolution>,
    /// The value it was resolved to, as text.
    pub resolved_value: String,
    pub resolved_by: String,
    pub resolved_at: String,
}

/// One change a merge applied (or, in a dry run, would apply).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MergedChange {
    pub what: MergedKind,
    pub area: String,
    pub subject: String,
    /// Empty for a whole row added or removed.
    pub field: String,
    pub before: String,
    pub after: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MergedKind {
    Added,
    Changed,
    Removed,
}

/// What merging a copy did, or would do in a dry run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MergeReport {
    /// The copy merged, and who holds it.
    pub from: String,
    pub from_holder: String,
    pub dry_run: bool,
    pub applied: Vec<MergedChange>,
    /// The conflicts this merge found (resolved at once with a
    /// preference, else left for someone to resolve).
    pub conflicts: Vec<Conflict>,
    /// Decision-log entries of the copy added here.
    pub decisions_added: usize,
    /// Conflicts left unresolved in the file after the merge.
    pub unresolved: usize,
    /// The backup taken first (none in a dry run or when nothing changed).
    pub backup: Option<String>,
    /// The file shares no fork point with this one (built separately, an
    /// export, another assessment): it was merged like an import, its
    /// rows matched by id, then by name; nothing here is removed, a field
    /// empty here is filled, and one both filled differently is a conflict.
    #[serde(default)]
    pub matched: bool,
    /// What the file holds that could not be taken, each saying what and
    /// where (a score on a level this assessment's scale lacks).
    #[serde(default)]
    pub left_out: Vec<String>,
}

impl MergeReport {
    pub fn count(&self, what: MergedKind) -> usize {
        self.applied.iter().filter(|c| c.what == what).count()
    }
}

/// How to resolve one conflict: a side, or a value typed then.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResolveInput {
    pub id: Id,
    pub resolution: Resolution,
    /// With [`Resolution::Typed`]: the value, as it would be typed in the
    /// field's own form ("4 h", "3", "Payroll team").
    pub value: Option<String>,
}
