//! "The same process": a process both copies added under one name made
//! one. The copy's process (its id, which the copy keeps) takes this
//! file's in: every field this file filled is kept, one the copy alone
//! filled is taken, and one both filled differently stays this file's and
//! is listed as a conflict of its own; this file's scores, objectives,
//! custom fields, links, agenda places, sign-offs and actions move to it
//! the same way. The copy, merging this file in turn, finds the same
//! process under the same id, so both end with one.

use rusqlite::types::Value;
use serde_json::Value as Json;

use super::rows::{insert, key_of, rows_where};
use super::stamps::Stamp;
use crate::error::Result;
use crate::journal::{Row, Table, Tx, snapshot, to_value};
use bia_model::{ConflictKind, Id};

/// A field both filled differently: (table, key, column, mine, theirs).
pub(super) type Differs = (Table, String, String, Json, Json);

/// Makes this file's process `mine` and the copy's (`kept`: its row and
/// belongings as the conflict kept them) one, under the copy's id.
/// Returns the fields both filled differently.
pub(super) fn merge_processes(tx: &mut Tx, mine: &str, kept: &Json) -> Result<Vec<Differs>> {
    let mut differs = Vec::new();
    let (Some(theirs), Some(my_row)) = (
        kept.get("row").and_then(Json::as_object).cloned(),
        snapshot(tx.conn(), Table::Process, mine)?,
    ) else {
        return Ok(differs);
    };
    let id = theirs
        .get("id")
        .and_then(Json::as_str)
        .unwrap_or("")
        .to_string();
    // What goes with this file's process, before it goes.
    let mut moving: Vec<(Table, Row)> = Vec::new();
    for (table, condition) in [
        (Table::ProcessCustomField, "process_id = ?1"),
        (Table::Impact, "process_id = ?1"),
        (Table::Objective, "process_id = ?1"),
        (Table::Dependency, "from_id = ?1 OR to_id = ?1"),
        (Table::AgendaItem, "process_id = ?1"),
        (Table::Signoff, "process_id = ?1"),
    ] {
        for r in rows_where(tx.conn(), table, condition, mine)? {
            moving.push((table, r));
        }
    }
    let actions = rows_where(tx.conn(), Table::Action, "process_id = ?1", mine)?;
    for (table, r) in moving.iter().rev() {
        tx.delete_row(*table, &key_of(*table, r))?;
    }
    for a in &actions {
        tx.update_row(
            Table::Action,
            &key_of(Table::Action, a),
            &[("process_id", Value::Null)],
        )?;
    }
    tx.delete_row(Table::Process, mine)?;

    // The process: the copy's, with this file's fields kept.
    let row = combine(Table::Process, &id, &theirs, &my_row, &mut differs);
    insert(tx, Table::Process, &row)?;
    for item in kept
        .get("belongings")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
    {
        if let (Some(table), Some(r)) = (
            item.get(0).and_then(Json::as_str),
            item.get(1).and_then(Json::as_object),
        ) {
            let table = Table::parse(table)?;
            if snapshot(tx.conn(), table, &key_of(table, r))?.is_none() && ends_here(tx, table, r)?
            {
                insert(tx, table, r)?;
            }
        }
    }
    // This file's rows, moved to it.
    for (table, mut r) in moving {
        repoint(&mut r, mine, &id);
        if let Some(new_id) = new_id(table, &r) {
            r.insert("id".into(), Json::from(new_id));
        }
        let key = key_of(table, &r);
        let twin = match table {
            Table::Objective => rows_where(tx.conn(), table, "process_id = ?1", &id)?.pop(),
            Table::AgendaItem => rows_where(tx.conn(), table, "process_id = ?1", &id)?
                .into_iter()
                .find(|t| t.get("workshop_id") == r.get("workshop_id")),
            Table::Dependency => rows_where(tx.conn(), table, "from_id = ?1 OR to_id = ?1", &id)?
                .into_iter()
                .find(|t| t.get("from_id") == r.get("from_id") && t.get("to_id") == r.get("to_id")),
            Table::ProcessCustomField => rows_where(tx.conn(), table, "process_id = ?1", &id)?
                .into_iter()
                .find(|t| {
                    let name = |x: &Row| {
                        bia_model::name_key(x.get("name").and_then(Json::as_str).unwrap_or(""))
                    };
                    name(t) == name(&r)
                }),
            _ => snapshot(tx.conn(), table, &key)?,
        };
        match twin {
            Some(t)
                if matches!(
                    table,
                    Table::Dependency | Table::AgendaItem | Table::Signoff
                ) =>
            {
                let _ = t;
            }
            Some(t) => {
                let twin_key = key_of(table, &t);
                let combined = combine(table, &twin_key, &t, &r, &mut differs);
                let changed: Vec<(&str, Value)> = combined
                    .iter()
                    .filter(|(c, v)| t.get(*c) != Some(*v))
                    .map(|(c, v)| Ok((c.as_str(), to_value(v)?)))
                    .collect::<Result<_>>()?;
                if !changed.is_empty() {
                    tx.update_row(table, &twin_key, &changed)?;
                }
            }
            None if ends_here(tx, table, &r)? => {
                insert(tx, table, &r)?;
                // Added with a process this edit added, it is not stamped
                // by itself; the copy, which has the process, must still
                // find it.
                super::stamps::touch(tx.conn(), table, &key, "")?;
            }
            None => {}
        }
    }
    for a in &actions {
        tx.update_row(
            Table::Action,
            &key_of(Table::Action, a),
            &[("process_id", Value::Text(id.clone()))],
        )?;
    }
    Ok(differs)
}

/// The copy's row `theirs` (named `key`) with the fields this file's row
/// filled kept; each field both filled differently is noted.
fn combine(table: Table, key: &str, theirs: &Row, mine: &Row, differs: &mut Vec<Differs>) -> Row {
    let empty = |v: &Json| v.is_null() || v.as_str() == Some("");
    let mut out = theirs.clone();
    for (col, m) in mine {
        if table.key().contains(&col.as_str())
            || matches!(
                col.as_str(),
                "id" | "process_id"
                    | "name_key"
                    | "created_at"
                    | "updated_at"
                    | "provenance"
                    | "source_id"
                    | "cell"
            )
            || empty(m)
        {
            continue;
        }
        match theirs.get(col) {
            Some(t) if t == m => {}
            Some(t) if !empty(t) => {
                differs.push((table, key.to_string(), col.clone(), m.clone(), t.clone()));
                out.insert(col.clone(), m.clone());
            }
            _ => {
                out.insert(col.clone(), m.clone());
            }
        }
    }
    out
}

/// Points a row of this file's process at the copy's.
fn repoint(r: &mut Row, from: &str, to: &str) {
    for col in ["process_id", "from_id", "to_id"] {
        if r.get(col).and_then(Json::as_str) == Some(from) {
            r.insert(col.into(), Json::from(to));
        }
    }
}

/// The id a moved row gets where ids follow their owner (see `Id::derived`).
fn new_id(table: Table, r: &Row) -> Option<String> {
    let text = |c: &str| r.get(c).and_then(Json::as_str).unwrap_or("").to_string();
    match table {
        Table::Objective => Some(Id::derived(&["objective", &text("process_id")]).to_string()),
        Table::Dependency => {
            Some(Id::derived(&["dependency", &text("from_id"), &text("to_id")]).to_string())
        }
        Table::ProcessCustomField => Some(
            Id::derived(&[
                Table::ProcessCustomField.name(),
                &text("process_id"),
                &bia_model::name_key(&text("name")),
            ])
            .to_string(),
        ),
        _ => None,
    }
}

/// Whether the rows a row refers to are here.
fn ends_here(tx: &Tx, table: Table, r: &Row) -> Result<bool> {
    for (t, id) in super::stamps::owners(table, r) {
        if snapshot(tx.conn(), t, &id)?.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The conflicts the fields both filled differently become, against the
/// copy's count that added the process.
pub(super) fn differing_conflicts(
    differs: Vec<Differs>,
    their_stamp: &Stamp,
    holder: &str,
) -> Vec<Vec<(&'static str, Value)>> {
    differs
        .into_iter()
        .map(|(table, key, col, mine, theirs)| {
            vec![
                ("kind", Value::Text(ConflictKind::Field.as_str().into())),
                ("table_name", Value::Text(table.name().into())),
                ("row_key", Value::Text(key)),
                ("col", Value::Text(col)),
                ("mine", Value::Text(mine.to_string())),
                ("theirs", Value::Text(theirs.to_string())),
                ("base", Value::Null),
                ("theirs_copy", Value::Text(their_stamp.copy.clone())),
                ("theirs_counter", Value::Integer(their_stamp.counter)),
                ("from_holder", Value::Text(holder.into())),
                ("found_at", Value::Text(crate::now())),
            ]
        })
        .collect()
}
