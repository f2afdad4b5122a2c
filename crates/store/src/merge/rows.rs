//! Rows as a merge (and resolving a conflict) adds and deletes them: with
//! what goes with them, renamed apart from a row of the same name, and the
//! bookkeeping fields that follow the fields they keep track of.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value as Json;

use super::stamps;
use crate::error::Result;
use crate::journal::{Row, Table, Tx, snapshot, to_value};
use bia_model::Id;

/// Deletes a row with what goes with it (see [`dependents`]); the actions
/// raised about it stay, about nothing in particular.
pub(crate) fn delete_with_dependents(tx: &mut Tx, table: Table, key: &str) -> Result<()> {
    for (of, condition) in dependents(table) {
        for r in rows_where(tx.conn(), *of, condition, key)? {
            tx.delete_row(*of, &key_of(*of, &r))?;
        }
    }
    if let Ok(id) = key.parse::<Id>() {
        match table {
            Table::Process => crate::actions::forget(tx, "process_id", id)?,
            Table::Resource => crate::actions::forget(tx, "resource_id", id)?,
            _ => {}
        }
    }
    tx.delete_row(table, key)
}

/// Adds a row kept by a conflict (`{"row": …, "belongings": […]}`),
/// renamed when `name` is given, with those of its belongings whose
/// other ends are here.
pub(crate) fn add_kept(tx: &mut Tx, table: Table, kept: &Json, name: Option<&str>) -> Result<()> {
    let Some(mut row) = kept.get("row").and_then(Json::as_object).cloned() else {
        return Ok(());
    };
    if let Some(name) = name {
        row.insert("name".into(), Json::from(name));
        row.insert("name_key".into(), Json::from(bia_model::name_key(name)));
    }
    insert(tx, table, &row)?;
    for item in kept
        .get("belongings")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
    {
        let (Some(of), Some(r)) = (
            item.get(0).and_then(Json::as_str),
            item.get(1).and_then(Json::as_object),
        ) else {
            continue;
        };
        let of = Table::parse(of)?;
        let k = key_of(of, r);
        if snapshot(tx.conn(), of, &k)?.is_some() {
            continue;
        }
        let mut here = true;
        for (ot, o) in stamps::owners(of, r) {
            here &= snapshot(tx.conn(), ot, &o)?.is_some();
        }
        if here {
            insert(tx, of, r)?;
        }
    }
    Ok(())
}

/// A name no row of `table` has, for the copy's row named `name`:
/// "Payroll (Priya)", then "Payroll (Priya 2)".
pub(crate) fn distinct_name(
    conn: &Connection,
    table: Table,
    row: &Row,
    holder: &str,
) -> Result<String> {
    let name = row.get("name").and_then(Json::as_str).unwrap_or("");
    let mut n = 1;
    loop {
        let candidate = match n {
            1 => format!("{name} ({holder})"),
            n => format!("{name} ({holder} {n})"),
        };
        let mut probe = row.clone();
        probe.insert(
            "name_key".into(),
            Json::from(bia_model::name_key(&candidate)),
        );
        probe.insert("id".into(), Json::from(""));
        if same_name(conn, table, &probe)?.is_none() {
            return Ok(candidate);
        }
        n += 1;
    }
}

/// How a bookkeeping field follows the fields it keeps track of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Follow {
    /// The later of the two (a time of change).
    Later,
    /// Taken when this column is.
    Column(&'static str),
    /// Taken when any value of the row is (a provenance).
    Values,
    /// Kept as it is here (a time of creation).
    Never,
}

pub(super) fn follows(table: Table, col: &str) -> Option<Follow> {
    match (table, col) {
        (_, "updated_at") => Some(Follow::Later),
        (_, "created_at") => Some(Follow::Never),
        (_, "name_key") => Some(Follow::Column("name")),
        (_, "provenance") | (Table::Impact, "source_id" | "cell") => Some(Follow::Values),
        _ => None,
    }
}

/// The rows that go with a row of `table` (added with it, deleted with
/// it): its belongings, and for a process its places on agendas and its
/// sign-offs.
pub(super) fn dependents(table: Table) -> &'static [(Table, &'static str)] {
    match table {
        Table::Process => &[
            (Table::ProcessCustomField, "process_id = ?1"),
            (Table::Impact, "process_id = ?1"),
            (Table::Objective, "process_id = ?1"),
            (Table::Dependency, "from_id = ?1 OR to_id = ?1"),
            (Table::AgendaItem, "process_id = ?1"),
            (Table::Signoff, "process_id = ?1"),
        ],
        other => other.belongings(),
    }
}

pub(super) fn rows_where(
    conn: &Connection,
    table: Table,
    condition: &str,
    key: &str,
) -> Result<Vec<Row>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT * FROM {} WHERE {condition}", table.name()))?;
    let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
    let rows = stmt
        .query_map([key], |r| {
            let mut map = Row::new();
            for (i, name) in names.iter().enumerate() {
                let v: Value = r.get(i)?;
                map.insert(
                    name.clone(),
                    match v {
                        Value::Null | Value::Blob(_) => Json::Null,
                        Value::Integer(n) => Json::from(n),
                        Value::Real(x) => Json::from(x),
                        Value::Text(s) => Json::from(s),
                    },
                );
            }
            Ok(map)
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The journal's name of a row.
pub(crate) fn key_of(table: Table, row: &Row) -> String {
    table
        .key()
        .iter()
        .map(|c| row.get(*c).and_then(Json::as_str).unwrap_or(""))
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn insert(tx: &mut Tx, table: Table, row: &Row) -> Result<()> {
    let cols = row
        .iter()
        .map(|(c, v)| Ok((c.as_str(), to_value(v)?)))
        .collect::<Result<Vec<_>>>()?;
    tx.insert_row(table, &cols)
}

/// The id of the row here that has the name of the copy's row `t`, when
/// the table keeps names unique (processes, units; resources by kind).
pub(super) fn same_name(conn: &Connection, table: Table, t: &Row) -> Result<Option<String>> {
    let key = t.get("name_key").and_then(Json::as_str).unwrap_or("");
    let id = t.get("id").and_then(Json::as_str).unwrap_or("");
    let found = match table {
        Table::Process | Table::Unit => conn
            .prepare_cached(&format!(
                "SELECT id FROM {} WHERE name_key = ?1 AND id <> ?2",
                table.name()
            ))?
            .query_row(params![key, id], |r| r.get(0))
            .optional()?,
        Table::Resource => {
            let kind = t.get("kind").and_then(Json::as_str).unwrap_or("");
            conn.prepare_cached(
                "SELECT id FROM resource WHERE kind = ?1 AND name_key = ?2 AND id <> ?3",
            )?
            .query_row(params![kind, key, id], |r| r.get(0))
            .optional()?
        }
        _ => None,
    };
    Ok(found)
}
