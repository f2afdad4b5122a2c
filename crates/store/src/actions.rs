//! Actions and open questions (the parking lot): raised in a workshop or
//! outside one, about a process, a resource or nothing in particular;
//! each change one journaled edit.

use rusqlite::Connection;
use rusqlite::OptionalExtension;
use rusqlite::types::Value;

use super::Store;
use super::journal::{self, Table};
use super::row::{id_col, opt_id};
use crate::error::{Error, Result};
use bia_model::{Action, ActionInput, ActionKind, ActionStatus, Id};

const COLUMNS: &str =
    "id, workshop_id, text, kind, owner, due, process_id, resource_id, status, raised_at";

fn opt_id_col(r: &rusqlite::Row, i: usize) -> rusqlite::Result<Option<Id>> {
    match r.get_ref(i)? {
        rusqlite::types::ValueRef::Null => Ok(None),
        _ => id_col(r, i).map(Some),
    }
}

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Action> {
    let kind: String = r.get(3)?;
    let status: String = r.get(8)?;
    Ok(Action {
        id: id_col(r, 0)?,
        workshop_id: opt_id_col(r, 1)?,
        text: r.get(2)?,
        kind: ActionKind::parse(&kind).unwrap_or(ActionKind::Action),
        owner: r.get(4)?,
        due: r.get(5)?,
        process_id: opt_id_col(r, 6)?,
        resource_id: opt_id_col(r, 7)?,
        status: ActionStatus::parse(&status).unwrap_or(ActionStatus::Open),
        raised_at: r.get(9)?,
    })
}

/// The actions of one workshop, or of the whole assessment: open ones
/// first, then by when they were raised.
pub(super) fn list(conn: &Connection, workshop: Option<Id>) -> Result<Vec<Action>> {
    let actions = conn
        .prepare(&format!(
            "SELECT {COLUMNS} FROM action WHERE ?1 IS NULL OR workshop_id = ?1 \
             ORDER BY status = 'done', raised_at, rowid"
        ))?
        .query_map([workshop.map(|w| w.to_string())], from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(actions)
}

fn get(conn: &Connection, id: Id) -> Result<Action> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM action WHERE id = ?1"))?
        .query_row([id.to_string()], from_row)
        .optional()?
        .ok_or(Error::NoSuchId {
            kind: "action",
            id: id.to_string(),
        })
}

/// The columns of `input`, checked: its workshop, process and resource
/// must exist.
fn columns(conn: &Connection, input: &ActionInput) -> Result<Vec<(&'static str, Value)>> {
    let (text, due) = input.check().map_err(|issues| Error::Invalid { issues })?;
    let exists = |table: &'static str, id: Option<Id>| -> Result<()> {
        let Some(id) = id else { return Ok(()) };
        let found = conn
            .prepare_cached(&format!("SELECT 1 FROM {table} WHERE id = ?1"))?
            .exists([id.to_string()])?;
        if found {
            Ok(())
        } else {
            Err(Error::NoSuchId {
                kind: table,
                id: id.to_string(),
            })
        }
    };
    exists("workshop", input.workshop_id)?;
    exists("process", input.process_id)?;
    exists("resource", input.resource_id)?;
    Ok(vec![
        ("workshop_id", opt_id(input.workshop_id)),
        ("text", Value::Text(text)),
        ("kind", Value::Text(input.kind.as_str().into())),
        ("owner", Value::Text(bia_model::clean_name(&input.owner))),
        ("due", Value::Text(due)),
        ("process_id", opt_id(input.process_id)),
        ("resource_id", opt_id(input.resource_id)),
        ("status", Value::Text(input.status.as_str().into())),
    ])
}

/// A short form of an action's text for an edit's label.
fn short(text: &str) -> String {
    let t = text.trim();
    match t.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &t[..i]),
        None => t.to_string(),
    }
}

/// Forgets `column` (`process_id`, `resource_id`) = `id` on every action
/// (the process or resource is being deleted; undoing it puts it back).
pub(super) fn forget(tx: &mut journal::Tx, column: &str, id: Id) -> Result<()> {
    let ids: Vec<Id> = tx
        .conn()
        .prepare(&format!("SELECT id FROM action WHERE {column} = ?1"))?
        .query_map([id.to_string()], |r| id_col(r, 0))?
        .collect::<Result<Vec<_>, _>>()?;
    for a in ids {
        tx.update(Table::Action, a, &[(column, Value::Null)])?;
    }
    Ok(())
}

impl Store {
    /// The actions and open questions of a workshop, or all of them.
    pub fn actions(&self, workshop: Option<Id>) -> Result<Vec<Action>> {
        list(&self.conn, workshop)
    }

    pub fn add_action(&mut self, input: &ActionInput, at: &str) -> Result<Action> {
        let mut cols = columns(&self.conn, input)?;
        cols.push(("raised_at", Value::Text(at.to_string())));
        let id = Id::new();
        let label = format!("Add {} “{}”", input.kind, short(&input.text));
        journal::edit(self.writable()?, &label, |tx| {
            tx.insert(Table::Action, id, &cols)
        })?;
        get(&self.conn, id)
    }

    pub fn update_action(&mut self, id: Id, input: &ActionInput) -> Result<Action> {
        get(&self.conn, id)?;
        let cols = columns(&self.conn, input)?;
        let label = format!("Edit {} “{}”", input.kind, short(&input.text));
        journal::edit(self.writable()?, &label, |tx| {
            tx.update(Table::Action, id, &cols)
        })?;
        get(&self.conn, id)
    }

    pub fn delete_action(&mut self, id: Id) -> Result<()> {
        let old = get(&self.conn, id)?;
        let label = format!("Delete {} “{}”", old.kind, short(&old.text));
        journal::edit(self.writable()?, &label, |tx| tx.delete(Table::Action, id))
    }
}
