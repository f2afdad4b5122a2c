//! Journaled edits: every user action is one transaction that records, for
//! each row it touches, the row's state before and after (as JSON). Undo
//! puts the "before" states back in reverse order; redo puts the "after"
//! states back in order. The journal lives in the file, so undo survives a
//! restart; a new edit discards whatever had been undone.
//!
//! Writers never issue INSERT/UPDATE/DELETE themselves: they go through
//! [`Tx`], which is what makes every change undoable. Foreign keys have no
//! cascades, so each dependent row is changed (and journaled) explicitly.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};
use ts_rs::TS;

use super::decisions::{self, DecisionContext};
pub(crate) use super::table::Table;
use crate::error::{Error, Result};
use bia_model::Id;

/// What can be undone and redone next, by label ("Add process “Payroll”").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct History {
    pub undo: Option<String>,
    pub redo: Option<String>,
}

type Row = Map<String, Json>;

struct Change {
    table: Table,
    row_id: String,
    before: Option<Row>,
    after: Option<Row>,
}

/// A transaction that journals every row it writes.
pub(crate) struct Tx<'c> {
    tx: Transaction<'c>,
    changes: Vec<Change>,
    /// What to record with any decision this edit implies.
    pub(crate) decision: DecisionContext,
}

impl Tx<'_> {
    /// For reads inside the edit.
    pub(crate) fn conn(&self) -> &Connection {
        &self.tx
    }

    /// How many row changes the edit holds so far.
    pub(crate) fn change_count(&self) -> usize {
        self.changes.len()
    }

    pub(crate) fn insert(&mut self, table: Table, id: Id, cols: &[(&str, Value)]) -> Result<()> {
        let names: Vec<&str> = std::iter::once("id")
            .chain(cols.iter().map(|(c, _)| *c))
            .collect();
        let marks = (1..=names.len())
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({marks})",
            table.name(),
            names.join(", ")
        );
        let mut values = vec![Value::Text(id.to_string())];
        values.extend(cols.iter().map(|(_, v)| v.clone()));
        self.tx
            .prepare_cached(&sql)?
            .execute(rusqlite::params_from_iter(values))?;
        self.record(table, id.to_string(), None)
    }

    pub(crate) fn update(&mut self, table: Table, id: Id, cols: &[(&str, Value)]) -> Result<()> {
        let before =
            snapshot(&self.tx, table, &id.to_string())?.ok_or_else(|| Error::NoSuchId {
                kind: table.name(),
                id: id.to_string(),
            })?;
        let sets = cols
            .iter()
            .enumerate()
            .map(|(i, (c, _))| format!("{c} = ?{}", i + 2))
            .collect::<Vec<_>>();
        let sql = format!(
            "UPDATE {} SET {} WHERE id = ?1",
            table.name(),
            sets.join(", ")
        );
        let mut values = vec![Value::Text(id.to_string())];
        values.extend(cols.iter().map(|(_, v)| v.clone()));
        self.tx
            .prepare_cached(&sql)?
            .execute(rusqlite::params_from_iter(values))?;
        self.record(table, id.to_string(), Some(before))
    }

    pub(crate) fn delete(&mut self, table: Table, id: Id) -> Result<()> {
        let before =
            snapshot(&self.tx, table, &id.to_string())?.ok_or_else(|| Error::NoSuchId {
                kind: table.name(),
                id: id.to_string(),
            })?;
        self.tx.execute(
            &format!("DELETE FROM {} WHERE id = ?1", table.name()),
            [id.to_string()],
        )?;
        self.record(table, id.to_string(), Some(before))
    }

    fn record(&mut self, table: Table, row_id: String, before: Option<Row>) -> Result<()> {
        let after = snapshot(&self.tx, table, &row_id)?;
        if before != after {
            self.changes.push(Change {
                table,
                row_id,
                before,
                after,
            });
        }
        Ok(())
    }
}

/// Runs `f` as one journaled edit called `label`: all of it is stored and
/// recorded, or (on any error) none of it.
pub(crate) fn edit<T>(
    conn: &mut Connection,
    label: &str,
    f: impl FnOnce(&mut Tx) -> Result<T>,
) -> Result<T> {
    let mut tx = Tx {
        tx: conn.transaction()?,
        changes: Vec::new(),
        decision: DecisionContext::default(),
    };
    let out = f(&mut tx)?;
    for c in &tx.changes {
        decisions::derive(
            &tx.tx,
            c.table,
            c.before.as_ref(),
            c.after.as_ref(),
            &tx.decision,
        )?;
    }
    if !tx.changes.is_empty() {
        tx.tx.execute(
            "DELETE FROM edit_change WHERE edit_seq IN (SELECT seq FROM edit WHERE undone = 1)",
            [],
        )?;
        tx.tx.execute("DELETE FROM edit WHERE undone = 1", [])?;
        tx.tx.execute(
            "INSERT INTO edit (id, label, at) VALUES (?1, ?2, ?3)",
            params![Id::new().to_string(), label, super::now()],
        )?;
        let seq = tx.tx.last_insert_rowid();
        for (ord, c) in tx.changes.iter().enumerate() {
            tx.tx.execute(
                "INSERT INTO edit_change (edit_seq, ord, table_name, row_id, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![seq, ord as i64, c.table.name(), c.row_id, to_text(&c.before), to_text(&c.after)],
            )?;
        }
        touch(&tx.tx)?;
    }
    tx.tx.commit()?;
    Ok(out)
}

/// Undoes the latest edit not yet undone.
pub(crate) fn undo(conn: &mut Connection) -> Result<History> {
    let tx = conn.transaction()?;
    let seq: i64 = tx
        .query_row("SELECT max(seq) FROM edit WHERE undone = 0", [], |r| {
            r.get::<_, Option<i64>>(0)
        })?
        .ok_or(Error::NothingToUndo)?;
    let mut changes = load_changes(&tx, seq)?;
    changes.reverse();
    let ctx = DecisionContext {
        rationale: format!("Undo of “{}”", label_of(&tx, seq)?),
        who: String::new(),
    };
    for (table, row_id, before, after) in &changes {
        restore(&tx, *table, row_id, before.as_ref())?;
        decisions::derive(&tx, *table, after.as_ref(), before.as_ref(), &ctx)?;
    }
    tx.execute("UPDATE edit SET undone = 1 WHERE seq = ?1", [seq])?;
    touch(&tx)?;
    tx.commit()?;
    history(conn)
}

/// Redoes the earliest undone edit.
pub(crate) fn redo(conn: &mut Connection) -> Result<History> {
    let tx = conn.transaction()?;
    let seq: i64 = tx
        .query_row("SELECT min(seq) FROM edit WHERE undone = 1", [], |r| {
            r.get::<_, Option<i64>>(0)
        })?
        .ok_or(Error::NothingToRedo)?;
    let ctx = DecisionContext {
        rationale: format!("Redo of “{}”", label_of(&tx, seq)?),
        who: String::new(),
    };
    for (table, row_id, before, after) in load_changes(&tx, seq)? {
        restore(&tx, table, &row_id, after.as_ref())?;
        decisions::derive(&tx, table, before.as_ref(), after.as_ref(), &ctx)?;
    }
    tx.execute("UPDATE edit SET undone = 0 WHERE seq = ?1", [seq])?;
    touch(&tx)?;
    tx.commit()?;
    history(conn)
}

pub(crate) fn history(conn: &Connection) -> Result<History> {
    let label = |sql: &str| {
        conn.query_row(sql, [], |r| r.get::<_, String>(0))
            .optional()
    };
    Ok(History {
        undo: label("SELECT label FROM edit WHERE undone = 0 ORDER BY seq DESC LIMIT 1")?,
        redo: label("SELECT label FROM edit WHERE undone = 1 ORDER BY seq ASC LIMIT 1")?,
    })
}

/// Forgets every recorded edit (used once a generated assessment, such as
/// the demo, is complete: its making is not the user's to undo).
pub(crate) fn forget(conn: &Connection) -> Result<()> {
    conn.execute_batch("DELETE FROM edit_change; DELETE FROM edit;")?;
    Ok(())
}

fn label_of(conn: &Connection, seq: i64) -> Result<String> {
    Ok(conn.query_row("SELECT label FROM edit WHERE seq = ?1", [seq], |r| r.get(0))?)
}

fn touch(conn: &Connection) -> Result<()> {
    conn.execute("UPDATE assessment SET updated_at = ?1", [super::now()])?;
    Ok(())
}

type Loaded = (Table, String, Option<Row>, Option<Row>);

fn load_changes(conn: &Connection, seq: i64) -> Result<Vec<Loaded>> {
    let mut stmt =
        conn.prepare("SELECT table_name, row_id, before, after FROM edit_change WHERE edit_seq = ?1 ORDER BY ord")?;
    let rows = stmt.query_map([seq], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (table, row_id, before, after) = row?;
        out.push((
            Table::parse(&table)?,
            row_id,
            from_text(before)?,
            from_text(after)?,
        ));
    }
    Ok(out)
}

/// Puts one row into the given state: absent (`None`) or exactly `state`.
fn restore(conn: &Connection, table: Table, row_id: &str, state: Option<&Row>) -> Result<()> {
    let exists = snapshot(conn, table, row_id)?.is_some();
    match state {
        None => {
            if exists {
                conn.execute(
                    &format!("DELETE FROM {} WHERE id = ?1", table.name()),
                    [row_id],
                )?;
            }
        }
        Some(row) => {
            let columns = columns(conn, table)?;
            let mut names = Vec::new();
            let mut values = Vec::new();
            for (name, json) in row {
                if !columns.contains(name) {
                    return Err(Error::Journal {
                        reason: format!("{} has no column {name:?}", table.name()),
                    });
                }
                names.push(name.as_str());
                values.push(to_value(json)?);
            }
            let sql = if exists {
                let sets = names
                    .iter()
                    .enumerate()
                    .map(|(i, n)| format!("{n} = ?{}", i + 1))
                    .collect::<Vec<_>>();
                values.push(Value::Text(row_id.to_string()));
                format!(
                    "UPDATE {} SET {} WHERE id = ?{}",
                    table.name(),
                    sets.join(", "),
                    values.len()
                )
            } else {
                let marks = (1..=names.len())
                    .map(|i| format!("?{i}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                format!(
                    "INSERT INTO {} ({}) VALUES ({marks})",
                    table.name(),
                    names.join(", ")
                )
            };
            conn.execute(&sql, rusqlite::params_from_iter(values))?;
        }
    }
    Ok(())
}

fn columns(conn: &Connection, table: Table) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT name FROM pragma_table_info('{}')",
        table.name()
    ))?;
    let names = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(names)
}

/// The whole row as JSON, or `None` when there is no such row.
fn snapshot(conn: &Connection, table: Table, row_id: &str) -> Result<Option<Row>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT * FROM {} WHERE id = ?1", table.name()))?;
    let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
    let row = stmt
        .query_row([row_id], |r| {
            let mut map = Row::new();
            for (i, name) in names.iter().enumerate() {
                let json = match r.get::<_, Value>(i)? {
                    Value::Null => Json::Null,
                    Value::Integer(n) => Json::from(n),
                    Value::Real(x) => Json::from(x),
                    Value::Text(s) => Json::from(s),
                    Value::Blob(_) => Json::Null,
                };
                map.insert(name.clone(), json);
            }
            Ok(map)
        })
        .optional()?;
    Ok(row)
}

fn to_value(json: &Json) -> Result<Value> {
    Ok(match json {
        Json::Null => Value::Null,
        Json::String(s) => Value::Text(s.clone()),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::Integer(i),
            None => Value::Real(n.as_f64().unwrap_or_default()),
        },
        Json::Bool(b) => Value::Integer(*b as i64),
        other => {
            return Err(Error::Journal {
                reason: format!("unexpected value {other}"),
            });
        }
    })
}

fn to_text(row: &Option<Row>) -> Option<String> {
    row.as_ref().map(|r| Json::Object(r.clone()).to_string())
}

fn from_text(text: Option<String>) -> Result<Option<Row>> {
    match text {
        None => Ok(None),
        Some(t) => match serde_json::from_str(&t) {
            Ok(Json::Object(map)) => Ok(Some(map)),
            _ => Err(Error::Journal {
                reason: "a change is not a JSON object".into(),
            }),
        },
    }
}
