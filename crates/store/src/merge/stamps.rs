//! Stamps: which copy last changed each field, at which of its counts.
//!
//! Once a file has been handed out (or is a copy), every edit made in it
//! raises its own count by one and stamps the fields it changed with it
//! (a row added or deleted: the row as a whole, column ''), keeping the
//! value the field had before this copy's latest run of changes (what a
//! conflict shows as where both started). A file never handed out has no
//! own copy and stamps nothing. Undo and redo are changes made here and
//! are stamped the same way, except for a merge's, whose stamps are in the
//! journal and are put back with its rows.

use rusqlite::{Connection, OptionalExtension, params};
use rustc_hash::FxHashMap;
use serde_json::Value as Json;

use crate::error::Result;
use crate::journal::{Row, Table};

/// Who changed a field last: a copy and its count. The empty copy is the
/// state before any copy was handed out, which every copy knows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct Stamp {
    pub copy: String,
    pub counter: i64,
}

impl Stamp {
    pub fn is_origin(&self) -> bool {
        self.copy.is_empty()
    }
}

/// What a file knows: for each copy, the latest of its counts taken in.
#[derive(Clone, Debug, Default)]
pub(crate) struct Knowledge(pub FxHashMap<String, i64>);

impl Knowledge {
    pub fn read(conn: &Connection) -> Result<Knowledge> {
        let map = conn
            .prepare_cached("SELECT id, counter FROM copy")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Knowledge(map))
    }

    /// Whether the change stamped `s` is known (taken in, or made here).
    pub fn knows(&self, s: &Stamp) -> bool {
        s.is_origin() || self.0.get(&s.copy).is_some_and(|c| *c >= s.counter)
    }

    pub fn of(&self, copy: &str) -> i64 {
        self.0.get(copy).copied().unwrap_or(0)
    }
}

/// This file's own copy id and count, once it has been handed out.
pub(crate) fn own(conn: &Connection) -> Result<Option<(String, i64)>> {
    Ok(conn
        .prepare_cached("SELECT id, counter FROM copy WHERE own = 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// Raises this file's own count by one and returns it.
pub(crate) fn next_count(conn: &Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached("UPDATE copy SET counter = counter + 1 WHERE own = 1 RETURNING counter")?
        .query_row([], |r| r.get(0))?)
}

/// The id a stamp row has in the journal: no spaces (a score's key has
/// them), so it names one row.
pub(crate) fn stamp_id(table: Table, key: &str, col: &str) -> String {
    format!("{}/{}/{col}", table.name(), key.replace(' ', "/"))
}

/// Stamps the rows one edit changed (table, key, before, after; an
/// inserted row's after may be empty: it is not read back).
pub(crate) fn stamp_edit<'a>(
    conn: &Connection,
    changes: impl IntoIterator<Item = (Table, &'a str, Option<&'a Row>, Option<&'a Row>)>,
) -> Result<()> {
    let mut changes = changes.into_iter().filter(|c| c.0.merged()).peekable();
    if changes.peek().is_none() {
        return Ok(());
    }
    let Some((copy, _)) = own(conn)? else {
        return Ok(());
    };
    let counter = next_count(conn)?;
    for (table, key, before, after) in changes {
        match (before, after) {
            (None, None) => {}
            (None, Some(_)) => {
                forget_fields(conn, table, key)?;
                put(conn, table, key, "", &copy, counter, None)?;
            }
            (Some(before), None) => {
                forget_fields(conn, table, key)?;
                let base = Json::Object(before.clone()).to_string();
                put(conn, table, key, "", &copy, counter, Some(&base))?;
            }
            (Some(before), Some(after)) => {
                for (col, value) in after {
                    let old = before.get(col).unwrap_or(&Json::Null);
                    if old != value {
                        put(
                            conn,
                            table,
                            key,
                            col,
                            &copy,
                            counter,
                            Some(&old.to_string()),
                        )?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// Stamps one field (or, with '', a row) as changed here now: a choice
/// made here that the other copies are to take.
pub(crate) fn touch(conn: &Connection, table: Table, key: &str, col: &str) -> Result<()> {
    let Some((copy, _)) = own(conn)? else {
        return Ok(());
    };
    let counter = next_count(conn)?;
    put(conn, table, key, col, &copy, counter, None)
}

/// Writes a stamp, keeping the base of this copy's earlier stamp of the
/// same field (the value before its run of changes).
fn put(
    conn: &Connection,
    table: Table,
    key: &str,
    col: &str,
    copy: &str,
    counter: i64,
    base: Option<&str>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO stamp (id, table_name, row_key, col, copy_id, counter, base) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
         ON CONFLICT (id) DO UPDATE SET copy_id = excluded.copy_id, counter = excluded.counter, \
         base = CASE WHEN stamp.copy_id = excluded.copy_id THEN stamp.base ELSE excluded.base END",
    )?
    .execute(params![
        stamp_id(table, key, col),
        table.name(),
        key,
        col,
        copy,
        counter,
        base
    ])?;
    Ok(())
}

/// Drops the field stamps of a row added or deleted as a whole (its row
/// stamp now says all).
fn forget_fields(conn: &Connection, table: Table, key: &str) -> Result<()> {
    conn.prepare_cached("DELETE FROM stamp WHERE table_name = ?1 AND row_key = ?2 AND col <> ''")?
        .execute(params![table.name(), key])?;
    Ok(())
}

/// A stamp row as stored.
#[derive(Clone, Debug)]
pub(crate) struct Stored {
    pub col: String,
    pub stamp: Stamp,
    pub base: Option<String>,
}

/// The stamps of one row, by column ('' for the row).
pub(crate) fn of_row(conn: &Connection, table: Table, key: &str) -> Result<Vec<Stored>> {
    let rows = conn
        .prepare_cached(
            "SELECT col, copy_id, counter, base FROM stamp WHERE table_name = ?1 AND row_key = ?2",
        )?
        .query_map(params![table.name(), key], |r| {
            Ok(Stored {
                col: r.get(0)?,
                stamp: Stamp {
                    copy: r.get(1)?,
                    counter: r.get(2)?,
                },
                base: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The stamp a row's field has in effect: its own, else the row's, else
/// the row's owner's (a score added with its process), else the origin.
pub(crate) fn effective(
    conn: &Connection,
    table: Table,
    row: Option<&Row>,
    stamps: &[Stored],
    col: &str,
) -> Result<Stamp> {
    if let Some(s) = stamps.iter().find(|s| s.col == col) {
        return Ok(s.stamp.clone());
    }
    if let Some(s) = stamps.iter().find(|s| s.col.is_empty()) {
        return Ok(s.stamp.clone());
    }
    if let Some(row) = row {
        for (owner_table, owner) in owners(table, row) {
            if let Some(s) = of_row(conn, owner_table, &owner)?
                .into_iter()
                .find(|s| s.col.is_empty())
            {
                return Ok(s.stamp);
            }
        }
    }
    Ok(Stamp::default())
}

/// The rows (table, id) a row belongs to.
pub(crate) fn owners(table: Table, row: &Row) -> Vec<(Table, String)> {
    let text = |c: &str| row.get(c).and_then(Json::as_str).map(str::to_string);
    let kind = |c: &str| match row.get(c).and_then(Json::as_str) {
        Some("resource") => Table::Resource,
        _ => Table::Process,
    };
    let mut out = Vec::new();
    match table {
        Table::Impact | Table::ProcessCustomField | Table::Objective => {
            out.extend(text("process_id").map(|id| (Table::Process, id)));
        }
        Table::ResourceCustomField => {
            out.extend(text("resource_id").map(|id| (Table::Resource, id)));
        }
        Table::Dependency => {
            out.extend(text("from_id").map(|id| (kind("from_kind"), id)));
            out.extend(text("to_id").map(|id| (kind("to_kind"), id)));
        }
        _ => {}
    }
    out
}
