//! The single `assessment` row: the facts about the engagement.

use std::num::NonZeroU32;

use rusqlite::types::Value;
use rusqlite::{Connection, params};

use super::Store;
use super::journal::{self, Table};
use crate::error::{Error, Result};
use bia_model::{
    AssessmentInfo, AssessmentInput, Counts, FieldIssue, Id, Status, UnitCount, clean_name,
};

/// Writes the row of a new file (not journaled: creation is not undoable).
pub(super) fn insert(conn: &Connection, input: &AssessmentInput) -> Result<()> {
    let input = checked(input)?;
    let now = super::now();
    conn.prepare_cached("INSERT INTO assessment (id, name, organisation, scope, facilitator, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)")?.execute(params![Id::new().to_string(), input.name, input.organisation, input.scope, input.facilitator, now],
    )?;
    Ok(())
}

fn checked(input: &AssessmentInput) -> Result<AssessmentInput> {
    let name = clean_name(&input.name);
    if name.is_empty() {
        return Err(Error::Invalid {
            issues: vec![FieldIssue::new("name", "An assessment needs a name.")],
        });
    }
    Ok(AssessmentInput {
        name,
        organisation: input.organisation.trim().to_string(),
        scope: input.scope.trim().to_string(),
        facilitator: input.facilitator.trim().to_string(),
    })
}

pub(super) fn read(conn: &Connection) -> Result<AssessmentInfo> {
    let info = conn.prepare_cached("SELECT id, name, organisation, scope, facilitator, created_at, updated_at FROM assessment LIMIT 1")?.query_row([],
        |r| {
            Ok(AssessmentInfo {
                id: super::row::id_col(r, 0)?,
                name: r.get(1)?,
                organisation: r.get(2)?,
                scope: r.get(3)?,
                facilitator: r.get(4)?,
                created_at: r.get(5)?,
                updated_at: r.get(6)?,
            })
        },
    )?;
    Ok(info)
}

/// Counted by SQLite, through the tables' own indexes where they have
/// them: milliseconds for 10,000 processes, where loading them takes half
/// a second.
fn counts(conn: &Connection) -> Result<Counts> {
    let count = |sql: &str| -> Result<u32> { Ok(conn.query_row(sql, [], |r| r.get(0))?) };
    let mut counts = Counts {
        units: count("SELECT count(*) FROM unit")?,
        resources: count("SELECT count(*) FROM resource")?,
        to_classify: count("SELECT count(*) FROM resource WHERE kind = 'unclassified'")?,
        dependencies: count("SELECT count(*) FROM dependency")?,
        ..Counts::default()
    };
    let mut by_status = conn.prepare("SELECT status, count(*) FROM process GROUP BY status")?;
    let mut rows = by_status.query([])?;
    while let Some(r) = rows.next()? {
        let n: u32 = r.get(1)?;
        let status: String = r.get(0)?;
        counts.processes += n;
        match Status::parse(&status) {
            Some(Status::Draft) | None => counts.draft += n,
            Some(Status::InReview) => counts.in_review += n,
            Some(Status::Approved) => counts.approved += n,
        }
    }
    counts.per_unit = conn
        .prepare("SELECT unit_id, count(*) FROM process GROUP BY unit_id")?
        .query_map([], |r| {
            Ok(UnitCount {
                unit_id: match r.get_ref(0)?.as_str_or_null()? {
                    None => None,
                    Some(_) => Some(super::row::id_col(r, 0)?),
                },
                processes: r.get(1)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(counts)
}

impl Store {
    pub fn info(&self) -> Result<AssessmentInfo> {
        read(&self.conn)
    }

    /// How many processes (by status and by unit), units, resources and
    /// dependencies the assessment holds, without loading it.
    pub fn counts(&self) -> Result<Counts> {
        counts(&self.conn)
    }

    /// Changes the facts about the assessment (name, organisation, …).
    pub fn update_info(&mut self, input: &AssessmentInput) -> Result<AssessmentInfo> {
        let input = checked(input)?;
        let id = self.info()?.id;
        journal::edit(self.writable()?, "Edit assessment details", |tx| {
            tx.update(
                Table::Assessment,
                id,
                &[
                    ("name", Value::Text(input.name.clone())),
                    ("organisation", Value::Text(input.organisation.clone())),
                    ("scope", Value::Text(input.scope.clone())),
                    ("facilitator", Value::Text(input.facilitator.clone())),
                ],
            )
        })?;
        self.info()
    }

    /// What can be undone and redone next.
    pub fn history(&self) -> Result<super::History> {
        journal::history(&self.conn)
    }

    /// Undoes the latest edit; returns what can be undone and redone next.
    pub fn undo(&mut self) -> Result<super::History> {
        journal::undo(self.writable()?)
    }

    /// Redoes the edit undone last.
    pub fn redo(&mut self) -> Result<super::History> {
        journal::redo(self.writable()?)
    }

    /// How many of the latest edits the file keeps for undo: its own
    /// setting, or [`DEFAULT_UNDO_LIMIT`](super::DEFAULT_UNDO_LIMIT).
    pub fn undo_limit(&self) -> Result<NonZeroU32> {
        journal::limit(&self.conn)
    }

    /// Sets how many of the latest edits the file keeps for undo (`None`:
    /// the program's default) and forgets at once the older ones. A setting
    /// of the file, not an edit: it is not itself undone. The decision log
    /// is never shortened. Returns the limit now in force.
    pub fn set_undo_limit(&mut self, limit: Option<NonZeroU32>) -> Result<NonZeroU32> {
        journal::set_limit(self.writable()?, limit)
    }

    /// Forgets all recorded edits, so that nothing can be undone.
    pub fn forget_history(&mut self) -> Result<()> {
        journal::forget(&self.conn)
    }
}
