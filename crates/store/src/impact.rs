//! Impact scores: reading a process's grid, setting and clearing cells (one
//! edit however many cells), and the rationale for the grid.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

use super::Store;
use super::journal::{self, Table, Tx};
use super::processes::ensure_unlocked;
use super::row::id_col;
use crate::error::{Error, Result};
use bia_model::{FieldIssue, Id, ProcessImpact, Provenance, Score, ScoreInput};

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Score> {
    let provenance: String = r.get(5)?;
    Ok(Score {
        process_id: id_col(r, 0)?,
        category_id: id_col(r, 1)?,
        horizon_id: id_col(r, 2)?,
        severity: r.get(3)?,
        note: r.get(4)?,
        provenance: serde_json::from_str(&provenance).unwrap_or_default(),
    })
}

const COLUMNS: &str = "process_id, category_id, horizon_id, severity, note, provenance";

pub(super) fn all(conn: &Connection) -> Result<Vec<Score>> {
    let scores = conn
        .prepare(&format!("SELECT {COLUMNS} FROM impact"))?
        .query_map([], from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(scores)
}

pub(super) fn of_process(conn: &Connection, process: Id) -> Result<Vec<Score>> {
    let scores = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM impact WHERE process_id = ?1"
        ))?
        .query_map([process.to_string()], from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(scores)
}

pub(super) fn rationales(conn: &Connection) -> Result<Vec<(Id, String)>> {
    let rows = conn
        .prepare("SELECT id, impact_rationale FROM process WHERE impact_rationale != ''")?
        .query_map([], |r| Ok((id_col(r, 0)?, r.get(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

fn grid(conn: &Connection, process: Id) -> Result<ProcessImpact> {
    let rationale: String = conn
        .query_row(
            "SELECT impact_rationale FROM process WHERE id = ?1",
            [process.to_string()],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(Error::NoSuchId {
            kind: "process",
            id: process.to_string(),
        })?;
    Ok(ProcessImpact {
        process_id: process,
        rationale,
        scores: of_process(conn, process)?,
    })
}

/// Sets one cell inside an edit under way, checking it against the
/// methodology. A cell with neither severity nor note is removed.
pub(super) fn set_cell(
    tx: &mut Tx,
    process: Id,
    input: &ScoreInput,
    provenance: &Provenance,
) -> Result<()> {
    let conn = tx.conn();
    let known = |sql: &str, id: Id| conn.query_row(sql, [id.to_string()], |_| Ok(())).optional();
    if known(
        "SELECT 1 FROM impact_category WHERE id = ?1",
        input.category_id,
    )?
    .is_none()
    {
        return Err(Error::NoSuchId {
            kind: "impact category",
            id: input.category_id.to_string(),
        });
    }
    if known("SELECT 1 FROM horizon WHERE id = ?1", input.horizon_id)?.is_none() {
        return Err(Error::NoSuchId {
            kind: "horizon",
            id: input.horizon_id.to_string(),
        });
    }
    if let Some(sev) = input.severity {
        let max: u8 = conn.query_row("SELECT max(value) FROM severity_level", [], |r| r.get(0))?;
        if sev > max {
            return Err(Error::Invalid {
                issues: vec![FieldIssue::new(
                    "severity",
                    format!("Severity {sev} is outside the scale; use 0 to {max}."),
                )],
            });
        }
    }
    let existing: Option<(Id, String)> = conn
        .query_row(
            "SELECT id, note FROM impact WHERE process_id = ?1 AND category_id = ?2 AND horizon_id = ?3",
            [process.to_string(), input.category_id.to_string(), input.horizon_id.to_string()],
            |r| Ok((id_col(r, 0)?, r.get(1)?)),
        )
        .optional()?;
    let note = input
        .note
        .clone()
        .or_else(|| existing.as_ref().map(|(_, n)| n.clone()))
        .unwrap_or_default();
    let severity = input
        .severity
        .map_or(Value::Null, |s| Value::Integer(s.into()));
    let provenance = Value::Text(serde_json::to_string(provenance).unwrap_or_default());
    match existing {
        Some((id, _)) if input.severity.is_none() && note.trim().is_empty() => {
            tx.delete(Table::Impact, id)
        }
        Some((id, _)) => tx.update(
            Table::Impact,
            id,
            &[
                ("severity", severity),
                ("note", Value::Text(note)),
                ("provenance", provenance),
            ],
        ),
        None if input.severity.is_none() && note.trim().is_empty() => Ok(()),
        None => tx.insert(
            Table::Impact,
            Id::new(),
            &[
                ("process_id", Value::Text(process.to_string())),
                ("category_id", Value::Text(input.category_id.to_string())),
                ("horizon_id", Value::Text(input.horizon_id.to_string())),
                ("severity", severity),
                ("note", Value::Text(note)),
                ("provenance", provenance),
            ],
        ),
    }
}

impl Store {
    /// A process's impact grid.
    pub fn process_impact(&self, process: Id) -> Result<ProcessImpact> {
        grid(&self.conn, process)
    }

    /// Sets or clears cells of a process's grid, all as one edit.
    pub fn set_scores(
        &mut self,
        process: Id,
        inputs: &[ScoreInput],
        provenance: &Provenance,
    ) -> Result<ProcessImpact> {
        let name = ensure_unlocked(&self.conn, process)?;
        let label = match inputs {
            [one] if one.severity.is_none() => format!("Clear a score of “{name}”"),
            [_] => format!("Score “{name}”"),
            _ => format!("Score {} cells of “{name}”", inputs.len()),
        };
        journal::edit(self.writable()?, &label, |tx| {
            for input in inputs {
                set_cell(tx, process, input, provenance)?;
            }
            Ok(())
        })?;
        grid(&self.conn, process)
    }

    /// The room's rationale for a process's impact grid.
    pub fn set_impact_rationale(&mut self, process: Id, rationale: &str) -> Result<ProcessImpact> {
        let name = ensure_unlocked(&self.conn, process)?;
        journal::edit(
            self.writable()?,
            &format!("Edit the impact rationale of “{name}”"),
            |tx| {
                tx.update(
                    Table::Process,
                    process,
                    &[(
                        "impact_rationale",
                        Value::Text(rationale.trim().to_string()),
                    )],
                )
            },
        )?;
        grid(&self.conn, process)
    }
}
