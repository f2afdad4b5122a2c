//! Journaled edits: every user action is one transaction that records, for
//! each row it touches, the state undo returns the row to. Undo puts those
//! states back in reverse order, redo puts the edit's own states back in
//! order. The journal lives in the file, so undo survives a restart; a new
//! edit discards whatever had been undone.
//!
//! Each change stores one state only: the one its edit's next move goes to
//! (before the edit, while it is done; after it, once undone). The other
//! side is the row as the file holds it, because undo always takes back the
//! latest edit done and redo the earliest undone: when an edit moves, every
//! row it changed is as that edit left it. So undo reads the row, puts the
//! stored state back and stores what it read in its place (redo likewise,
//! the other way). A row that exists on both sides keeps only the columns
//! that differ; a row an edit inserts costs its id alone.
//!
//! The journal keeps the latest edits only: `assessment.undo_limit` of them
//! ([`DEFAULT_UNDO_LIMIT`] when unset). An edit past the limit forgets the
//! oldest, so the file and the time an edit takes stop growing with the
//! number of edits ever made. The decision log is not part of the journal
//! and keeps every entry.
//!
//! Writers never issue INSERT/UPDATE/DELETE themselves: they go through
//! [`Tx`], which is what makes every change undoable. Foreign keys have no
//! cascades, so each dependent row is changed (and journaled) explicitly —
//! with one exception that makes a large import cheap: a row inserted by
//! the same edit as the process or resource it belongs to (a score, a
//! custom field, a dependency; [`Table::owners`]) is not journaled by
//! itself. Undoing the owner's insert takes its rows away with it
//! ([`Table::belongings`]) and only then stores them, beside the owner's
//! state, for redo to put back; redo puts the owner back with them and
//! forgets them again. An import of 10,000 processes thus journals 10,000
//! rows (and its objectives), not 600,000.
//!
//! A row is named by its key ([`Table::key`]): its id, or a score's cell.

use std::num::NonZeroU32;

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};
use ts_rs::TS;

use super::decisions::{self, DecisionContext};
pub(crate) use super::table::Table;
use crate::error::{Error, Result};
use bia_model::Id;

/// How many edits undo can take back when the file sets no limit of its
/// own: several full workshop days of typing.
pub const DEFAULT_UNDO_LIMIT: NonZeroU32 = NonZeroU32::new(5_000).unwrap();

/// What can be undone and redone next, by label ("Add process “Payroll”").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct History {
    pub undo: Option<String>,
    pub redo: Option<String>,
}

pub(crate) type Row = Map<String, Json>;

/// The key of a stored state that holds the rows taken away with its
/// owner (no column has this name).
const BELONGINGS: &str = "+belongings";

/// The journal's own statements. Each finds its rows through an index
/// (`edit_position` on `edit(undone, seq)`, or a primary key), so none
/// reads the whole journal: an edit, an undo and a look at the history
/// cost the same on a fresh file as after years of workshops (held by a
/// test of their query plans below).
mod sql {
    pub const RECORD_EDIT: &str = "INSERT INTO edit (id, label, at) VALUES (?1, ?2, ?3)";
    pub const RECORD_CHANGE: &str = "INSERT INTO edit_change (edit_seq, ord, table_name, row_id, state) \
                                     VALUES (?1, ?2, ?3, ?4, ?5)";
    pub const LATEST_DONE: &str = "SELECT max(seq) FROM edit WHERE undone = 0";
    pub const EARLIEST_UNDONE: &str = "SELECT min(seq) FROM edit WHERE undone = 1";
    pub const NEXT_UNDO_LABEL: &str =
        "SELECT label FROM edit WHERE undone = 0 ORDER BY seq DESC LIMIT 1";
    pub const NEXT_REDO_LABEL: &str =
        "SELECT label FROM edit WHERE undone = 1 ORDER BY seq ASC LIMIT 1";
    pub const LABEL: &str = "SELECT label FROM edit WHERE seq = ?1";
    pub const MARK_UNDONE: &str = "UPDATE edit SET undone = ?2 WHERE seq = ?1";
    pub const CHANGES: &str =
        "SELECT ord, table_name, row_id, state FROM edit_change WHERE edit_seq = ?1 ORDER BY ord";
    pub const SWAP_STATE: &str =
        "UPDATE edit_change SET state = ?3 WHERE edit_seq = ?1 AND ord = ?2";
    pub const DISCARD_UNDONE_CHANGES: &str =
        "DELETE FROM edit_change WHERE edit_seq IN (SELECT seq FROM edit WHERE undone = 1)";
    pub const DISCARD_UNDONE: &str = "DELETE FROM edit WHERE undone = 1";
    pub const UNDONE_COUNT: &str = "SELECT count(*) FROM edit WHERE undone = 1";
    pub const NTH_OLDEST_DONE: &str =
        "SELECT seq FROM edit WHERE undone = 0 ORDER BY seq LIMIT 1 OFFSET ?1";
    pub const FORGET_CHANGES: &str = "DELETE FROM edit_change WHERE edit_seq <= ?1";
    pub const FORGET_EDITS: &str = "DELETE FROM edit WHERE seq <= ?1";

    #[cfg(test)]
    pub const ALL: &[&str] = &[
        RECORD_EDIT,
        RECORD_CHANGE,
        LATEST_DONE,
        EARLIEST_UNDONE,
        NEXT_UNDO_LABEL,
        NEXT_REDO_LABEL,
        LABEL,
        MARK_UNDONE,
        CHANGES,
        SWAP_STATE,
        DISCARD_UNDONE_CHANGES,
        DISCARD_UNDONE,
        UNDONE_COUNT,
        NTH_OLDEST_DONE,
        FORGET_CHANGES,
        FORGET_EDITS,
    ];
}

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
    /// The processes and resources this edit inserted (their ids).
    created: FxHashSet<String>,
    /// What to record with any decision this edit implies.
    pub(crate) decision: DecisionContext,
    /// Whether the rows this edit changes are stamped as changed by this
    /// copy (see [`crate::merge`]); a merge writes its own stamps.
    pub(crate) stamping: bool,
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
        let mut all = Vec::with_capacity(cols.len() + 1);
        all.push(("id", Value::Text(id.to_string())));
        all.extend(cols.iter().cloned());
        self.insert_row(table, &all)
    }

    /// Inserts a row given with its key's columns (a score: its cell).
    pub(crate) fn insert_row(&mut self, table: Table, cols: &[(&str, Value)]) -> Result<()> {
        let names: Vec<&str> = cols.iter().map(|(c, _)| *c).collect();
        write_row(
            &self.tx,
            &insert_sql(table, &names),
            cols.iter().map(|(_, v)| v),
        )?;
        let owned = table.owners().iter().any(|owner| {
            cols.iter()
                .any(|(c, v)| c == owner && matches!(v, Value::Text(t) if self.created.contains(t)))
        });
        if owned {
            return Ok(());
        }
        let key = key_of(table, cols)?;
        if !table.belongings().is_empty() {
            self.created.insert(key.clone());
        }
        self.record(table, key, None)
    }

    /// Inserts a row of `table` belonging to `owner` through `sql`, kept
    /// prepared, with `params` (the import's hot path: no row is copied);
    /// `key` names the row for the journal when its owner is not new.
    pub(crate) fn insert_prepared(
        &mut self,
        table: Table,
        sql: &str,
        owner: &str,
        key: impl FnOnce() -> String,
        params: impl rusqlite::Params,
    ) -> Result<()> {
        self.tx.prepare_cached(sql)?.execute(params)?;
        if self.created.contains(owner) {
            return Ok(());
        }
        self.record(table, key(), None)
    }

    /// Inserts a new row of `table` named `key` through `sql`, kept
    /// prepared, with `params` bound in place: the row is journaled as
    /// inserted (undo deletes it) without being read back, and a process
    /// or resource is known as new, so that what belongs to it is not
    /// journaled by itself. Not for an objective, whose decisions are
    /// derived from the row read back (see [`Tx::insert_objective`]).
    pub(crate) fn insert_new(
        &mut self,
        table: Table,
        sql: &str,
        key: String,
        params: impl rusqlite::Params,
    ) -> Result<()> {
        debug_assert!(table != Table::Objective);
        self.tx.prepare_cached(sql)?.execute(params)?;
        if !table.belongings().is_empty() {
            self.created.insert(key.clone());
        }
        self.record(table, key, None)
    }

    /// Inserts a new objective row named `key` whose decisions the caller
    /// has logged already (`decisions::new_objectives`): journaled as
    /// inserted, not read back.
    pub(crate) fn insert_objective(
        &mut self,
        sql: &str,
        key: String,
        params: impl rusqlite::Params,
    ) -> Result<()> {
        self.tx.prepare_cached(sql)?.execute(params)?;
        self.changes.push(Change {
            table: Table::Objective,
            row_id: key,
            before: None,
            after: Some(Row::new()),
        });
        Ok(())
    }

    /// Whether the process or resource `id` was inserted by this edit.
    pub(crate) fn is_new(&self, id: &str) -> bool {
        self.created.contains(id)
    }

    /// Records as inserted a row of `table` named `key` written through
    /// [`Tx::conn`] by a statement of the caller's (a row belonging to a
    /// new owner needs no record: see [`Tx::is_new`]).
    pub(crate) fn record_inserted(&mut self, table: Table, key: String) -> Result<()> {
        self.record(table, key, None)
    }

    pub(crate) fn update(&mut self, table: Table, id: Id, cols: &[(&str, Value)]) -> Result<()> {
        self.update_row(table, &id.to_string(), cols)
    }

    /// Updates the row named by `key` (see [`Table::key`]).
    pub(crate) fn update_row(
        &mut self,
        table: Table,
        key: &str,
        cols: &[(&str, Value)],
    ) -> Result<()> {
        let before = self.existing(table, key)?;
        let names: Vec<&str> = cols.iter().map(|(c, _)| *c).collect();
        let mut values = key_values(table, key)?;
        values.extend(cols.iter().map(|(_, v)| v.clone()));
        write_row(&self.tx, &update_sql(table, &names), values)?;
        self.record(table, key.to_string(), Some(before))
    }

    pub(crate) fn delete(&mut self, table: Table, id: Id) -> Result<()> {
        self.delete_row(table, &id.to_string())
    }

    /// Deletes the row named by `key` (see [`Table::key`]).
    pub(crate) fn delete_row(&mut self, table: Table, key: &str) -> Result<()> {
        let before = self.existing(table, key)?;
        write_row(&self.tx, &delete_sql(table), key_values(table, key)?)?;
        self.record(table, key.to_string(), Some(before))
    }

    /// The row as it is, refusing a key that names none.
    fn existing(&self, table: Table, key: &str) -> Result<Row> {
        snapshot(&self.tx, table, key)?.ok_or_else(|| Error::NoSuchId {
            kind: table.name(),
            id: key.to_string(),
        })
    }

    fn record(&mut self, table: Table, row_id: String, before: Option<Row>) -> Result<()> {
        // A row inserted is stored as nothing (undo deletes it); only a
        // new objective is read back, for the decisions it implies.
        let after = if before.is_none() && table != Table::Objective {
            Some(Row::new())
        } else {
            snapshot(&self.tx, table, &row_id)?
        };
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
    edit_or_try(conn, label, true, f)
}

/// [`edit`], or with `keep` false the same edit run and then rolled
/// back: what it would do, by the very code that would do it.
pub(crate) fn edit_or_try<T>(
    conn: &mut Connection,
    label: &str,
    keep: bool,
    f: impl FnOnce(&mut Tx) -> Result<T>,
) -> Result<T> {
    let mut tx = Tx {
        tx: conn.transaction()?,
        changes: Vec::new(),
        created: FxHashSet::default(),
        decision: DecisionContext::default(),
        stamping: true,
    };
    let out = f(&mut tx)?;
    if !keep {
        return Ok(out);
    }
    if tx.stamping {
        crate::merge::stamps::stamp_edit(
            &tx.tx,
            tx.changes.iter().map(|c| {
                (
                    c.table,
                    c.row_id.as_str(),
                    c.before.as_ref(),
                    c.after.as_ref(),
                )
            }),
        )?;
    }
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
        discard_undone(&tx.tx)?;
        tx.tx.execute(
            sql::RECORD_EDIT,
            params![Id::new().to_string(), label, super::now()],
        )?;
        let seq = tx.tx.last_insert_rowid();
        let mut insert = tx.tx.prepare_cached(sql::RECORD_CHANGE)?;
        for (ord, c) in tx.changes.iter().enumerate() {
            let undo_to = state_to_store(c.after.as_ref(), c.before.as_ref());
            insert.execute(params![
                seq,
                ord as i64,
                c.table.name(),
                c.row_id,
                to_text(undo_to.as_ref())
            ])?;
        }
        drop(insert);
        keep_latest(&tx.tx, limit(&tx.tx)?)?;
        touch(&tx.tx)?;
    }
    tx.tx.commit()?;
    Ok(out)
}

/// The edits made (and not undone) from `from` to `to` (RFC 3339), as
/// (when, label), oldest first: what a workshop's minutes list.
pub(crate) fn between(conn: &Connection, from: &str, to: &str) -> Result<Vec<(String, String)>> {
    let edits = conn
        .prepare(
            "SELECT at, label FROM edit WHERE undone = 0 AND at >= ?1 AND at <= ?2 ORDER BY seq",
        )?
        .query_map([from, to], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(edits)
}

/// Undoes the latest edit not yet undone.
pub(crate) fn undo(conn: &mut Connection) -> Result<History> {
    travel(conn, Move::Undo)
}

/// Redoes the earliest undone edit.
pub(crate) fn redo(conn: &mut Connection) -> Result<History> {
    travel(conn, Move::Redo)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Move {
    Undo,
    Redo,
}

/// Undoes or redoes the next edit, in one transaction.
fn travel(conn: &mut Connection, way: Move) -> Result<History> {
    let tx = conn.transaction()?;
    let (next, nothing) = match way {
        Move::Undo => (sql::LATEST_DONE, Error::NothingToUndo),
        Move::Redo => (sql::EARLIEST_UNDONE, Error::NothingToRedo),
    };
    let seq = tx
        .query_row(next, [], |r| r.get::<_, Option<i64>>(0))?
        .ok_or(nothing)?;
    replay(&tx, seq, way)?;
    tx.execute(sql::MARK_UNDONE, params![seq, way == Move::Undo])?;
    touch(&tx)?;
    tx.commit()?;
    history(conn)
}

/// Moves every row of edit `seq` to its stored state (in reverse order for
/// an undo), logging the decisions that implies, and stores in its place
/// the state each row had: what the opposite move will need.
fn replay(conn: &Connection, seq: i64, way: Move) -> Result<()> {
    let ctx = DecisionContext {
        rationale: match way {
            Move::Undo => format!("Undo of “{}”", label_of(conn, seq)?),
            Move::Redo => format!("Redo of “{}”", label_of(conn, seq)?),
        },
        who: String::new(),
    };
    let mut changes = load_changes(conn, seq)?;
    if way == Move::Undo {
        changes.reverse();
    }
    // A merge keeps its stamps in the journal, and moving it puts them
    // back; any other edit moved is a change made here, stamped anew
    // (once the file has a copy id: before, nothing is stamped).
    let stamping = !changes.iter().any(|c| c.table == Table::Stamp)
        && crate::merge::stamps::own(conn)?.is_some();
    let mut moved = Vec::new();
    let mut swap = conn.prepare_cached(sql::SWAP_STATE)?;
    for c in changes {
        let now = snapshot(conn, c.table, &c.row_id)?;
        let (state, belongings) = match c.state {
            Some(mut state) => {
                let belongings = state.remove(BELONGINGS);
                (Some(state), belongings)
            }
            None => (None, None),
        };
        let target = match (state, &now) {
            (None, _) => None,
            (Some(state), Some(now)) => {
                let mut row = now.clone();
                row.extend(state);
                Some(row)
            }
            (Some(state), None) => Some(state),
        };
        // A row about to go takes what belongs to it along, kept for the
        // way back; a row coming back brings it back.
        let taken = match (&now, &target) {
            (Some(_), None) => take_belongings(conn, c.table, &c.row_id)?,
            _ => None,
        };
        restore(conn, c.table, &c.row_id, now.as_ref(), target.as_ref())?;
        if let (None, Some(_), Some(belongings)) = (&now, &target, belongings) {
            put_belongings(conn, &belongings)?;
        }
        decisions::derive(conn, c.table, now.as_ref(), target.as_ref(), &ctx)?;
        if stamping {
            moved.push((c.table, c.row_id.clone(), now.clone(), target.clone()));
        }
        let mut back = state_to_store(target.as_ref(), now.as_ref());
        if let (Some(back), Some(taken)) = (&mut back, taken) {
            back.insert(BELONGINGS.to_string(), taken);
        }
        swap.execute(params![seq, c.ord, to_text(back.as_ref())])?;
    }
    crate::merge::stamps::stamp_edit(
        conn,
        moved
            .iter()
            .map(|(t, k, before, after)| (*t, k.as_str(), before.as_ref(), after.as_ref())),
    )?;
    Ok(())
}

/// Deletes the rows that belong to the row `key` of `table` (its scores,
/// custom fields, objectives and dependencies; see [`Table::belongings`])
/// and returns them, table by table, for [`put_belongings`]; `None` when
/// it has none.
fn take_belongings(conn: &Connection, table: Table, key: &str) -> Result<Option<Json>> {
    let mut groups = Vec::new();
    for (of, condition) in table.belongings() {
        let mut stmt =
            conn.prepare_cached(&format!("SELECT * FROM {} WHERE {condition}", of.name()))?;
        let columns: Vec<Json> = stmt
            .column_names()
            .iter()
            .map(|c| Json::from(c.to_string()))
            .collect();
        let width = columns.len();
        let rows = stmt
            .query_map([key], |r| {
                (0..width)
                    .map(|i| Ok(to_json(r.get::<_, Value>(i)?)))
                    .collect::<rusqlite::Result<Vec<Json>>>()
                    .map(Json::Array)
            })?
            .collect::<rusqlite::Result<Vec<Json>>>()?;
        if rows.is_empty() {
            continue;
        }
        conn.prepare_cached(&format!("DELETE FROM {} WHERE {condition}", of.name()))?
            .execute([key])?;
        let mut group = Row::new();
        group.insert("table".into(), Json::from(of.name()));
        group.insert("columns".into(), Json::Array(columns));
        group.insert("rows".into(), Json::Array(rows));
        groups.push(Json::Object(group));
    }
    Ok((!groups.is_empty()).then_some(Json::Array(groups)))
}

/// Puts back the rows [`take_belongings`] took, refusing a table or a
/// column an edit may not write (stored identifiers are never trusted).
fn put_belongings(conn: &Connection, belongings: &Json) -> Result<()> {
    let bad = |reason: &str| Error::Journal {
        reason: format!("rows kept with a change: {reason}"),
    };
    for group in belongings.as_array().ok_or_else(|| bad("not a list"))? {
        let table = group
            .get("table")
            .and_then(Json::as_str)
            .ok_or_else(|| bad("no table"))?;
        let table = Table::parse(table)?;
        let known = columns(conn, table)?;
        let names = group
            .get("columns")
            .and_then(Json::as_array)
            .ok_or_else(|| bad("no columns"))?
            .iter()
            .map(|c| match c.as_str() {
                Some(c) if known.iter().any(|k| k == c) => Ok(c),
                _ => Err(Error::Journal {
                    reason: format!("{} has no column {c}", table.name()),
                }),
            })
            .collect::<Result<Vec<&str>>>()?;
        let mut insert = conn.prepare_cached(&insert_sql(table, &names))?;
        for row in group
            .get("rows")
            .and_then(Json::as_array)
            .ok_or_else(|| bad("no rows"))?
        {
            let values = row
                .as_array()
                .filter(|v| v.len() == names.len())
                .ok_or_else(|| bad("a row of another width"))?
                .iter()
                .map(to_value)
                .collect::<Result<Vec<Value>>>()?;
            insert.execute(rusqlite::params_from_iter(values))?;
        }
    }
    Ok(())
}

/// What a change stores to bring a row from `from` back to `to`: nothing
/// for no row, the whole row when there is none now, and otherwise only
/// the columns whose values differ.
fn state_to_store(from: Option<&Row>, to: Option<&Row>) -> Option<Row> {
    match (from, to) {
        (_, None) => None,
        (None, Some(to)) => Some(to.clone()),
        (Some(from), Some(to)) => Some(changed(from, to)),
    }
}

/// The columns of `to` whose values differ from `from`'s.
fn changed(from: &Row, to: &Row) -> Row {
    to.iter()
        .filter(|(name, value)| from.get(*name) != Some(*value))
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect()
}

/// Drops the redo branch: the edits undone, which a new edit replaces.
fn discard_undone(conn: &Connection) -> Result<()> {
    conn.execute(sql::DISCARD_UNDONE_CHANGES, [])?;
    conn.execute(sql::DISCARD_UNDONE, [])?;
    Ok(())
}

/// Forgets the oldest edits done beyond the latest `limit` (an undone edit
/// is never forgotten here: a new edit discards those). The count and the
/// cut come from indexes, so an edit costs the same however long the file
/// has been edited.
fn keep_latest(conn: &Connection, limit: NonZeroU32) -> Result<()> {
    // count(*) of a whole table reads its smallest index page by page;
    // the undone edits are a short range of `edit_position`.
    let edits: i64 = conn
        .prepare_cached("SELECT count(*) FROM edit")?
        .query_row([], |r| r.get(0))?;
    let undone: i64 = conn.query_row(sql::UNDONE_COUNT, [], |r| r.get(0))?;
    let done = edits - undone;
    let excess = done - i64::from(limit.get());
    if excess <= 0 {
        return Ok(());
    }
    let last_forgotten: i64 = conn.query_row(sql::NTH_OLDEST_DONE, [excess - 1], |r| r.get(0))?;
    conn.execute(sql::FORGET_CHANGES, [last_forgotten])?;
    conn.execute(sql::FORGET_EDITS, [last_forgotten])?;
    Ok(())
}

/// How many edits the file's journal keeps.
pub(crate) fn limit(conn: &Connection) -> Result<NonZeroU32> {
    let set: Option<i64> = conn
        .prepare_cached("SELECT undo_limit FROM assessment LIMIT 1")?
        .query_row([], |r| r.get(0))?;
    Ok(set
        .and_then(|n| u32::try_from(n).ok())
        .and_then(NonZeroU32::new)
        .unwrap_or(DEFAULT_UNDO_LIMIT))
}

/// Sets how many edits the file's journal keeps (`None`: the default) and
/// forgets at once the oldest beyond it. A setting of the file, not an
/// edit: it is not journaled.
pub(crate) fn set_limit(conn: &mut Connection, limit: Option<NonZeroU32>) -> Result<NonZeroU32> {
    let tx = conn.transaction()?;
    tx.prepare_cached("UPDATE assessment SET undo_limit = ?1")?
        .execute([limit.map(NonZeroU32::get)])?;
    let limit = self::limit(&tx)?;
    keep_latest(&tx, limit)?;
    tx.commit()?;
    Ok(limit)
}

pub(crate) fn history(conn: &Connection) -> Result<History> {
    let label = |sql: &str| {
        conn.query_row(sql, [], |r| r.get::<_, String>(0))
            .optional()
    };
    Ok(History {
        undo: label(sql::NEXT_UNDO_LABEL)?,
        redo: label(sql::NEXT_REDO_LABEL)?,
    })
}

/// Forgets every recorded edit (used once a generated assessment, such as
/// the demo, is complete: its making is not the user's to undo).
pub(crate) fn forget(conn: &Connection) -> Result<()> {
    conn.execute_batch("DELETE FROM edit_change; DELETE FROM edit;")?;
    Ok(())
}

fn label_of(conn: &Connection, seq: i64) -> Result<String> {
    Ok(conn.query_row(sql::LABEL, [seq], |r| r.get(0))?)
}

fn touch(conn: &Connection) -> Result<()> {
    conn.prepare_cached("UPDATE assessment SET updated_at = ?1")?
        .execute([super::now()])?;
    Ok(())
}

/// One recorded change of an edit, and the state it stores.
struct Stored {
    ord: i64,
    table: Table,
    row_id: String,
    state: Option<Row>,
}

fn load_changes(conn: &Connection, seq: i64) -> Result<Vec<Stored>> {
    let mut stmt = conn.prepare_cached(sql::CHANGES)?;
    let rows = stmt.query_map([seq], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (ord, table, row_id, state) = row?;
        out.push(Stored {
            ord,
            table: Table::parse(&table)?,
            row_id,
            state: from_text(state)?,
        });
    }
    Ok(out)
}

/// Brings one row from its state `now` to `target` (`None`: absent),
/// writing only the columns that differ.
fn restore(
    conn: &Connection,
    table: Table,
    row_id: &str,
    now: Option<&Row>,
    target: Option<&Row>,
) -> Result<()> {
    let key = key_values(table, row_id)?;
    match (now, target) {
        (None, None) => {}
        (Some(_), None) => write_row(conn, &delete_sql(table), key)?,
        (None, Some(row)) => {
            let (names, values) = columns_and_values(conn, table, row)?;
            write_row(conn, &insert_sql(table, &names), values)?;
        }
        (Some(now), Some(row)) => {
            let moved = changed(now, row);
            if !moved.is_empty() {
                let (names, values) = columns_and_values(conn, table, &moved)?;
                let values: Vec<Value> = key.into_iter().chain(values).collect();
                write_row(conn, &update_sql(table, &names), values)?;
            }
        }
    }
    Ok(())
}

/// `INSERT INTO table (a, b) VALUES (?1, ?2)`.
fn insert_sql(table: Table, names: &[&str]) -> String {
    let marks = (1..=names.len())
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "INSERT INTO {} ({}) VALUES ({marks})",
        table.name(),
        names.join(", ")
    )
}

/// `UPDATE table SET a = ?2, b = ?3 WHERE id = ?1` (the key's columns
/// first: a score's three).
fn update_sql(table: Table, names: &[&str]) -> String {
    let first = table.key().len() + 1;
    let sets = names
        .iter()
        .enumerate()
        .map(|(i, n)| format!("{n} = ?{}", i + first))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "UPDATE {} SET {sets} WHERE {}",
        table.name(),
        key_condition(table)
    )
}

fn delete_sql(table: Table) -> String {
    format!(
        "DELETE FROM {} WHERE {}",
        table.name(),
        key_condition(table)
    )
}

/// `id = ?1`, or for a score `process_id = ?1 AND category_id = ?2 AND …`.
fn key_condition(table: Table) -> String {
    table
        .key()
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// The values of the key that `key` names (its parts joined by a space).
fn key_values(table: Table, key: &str) -> Result<Vec<Value>> {
    let parts: Vec<Value> = key.split(' ').map(|p| Value::Text(p.to_string())).collect();
    if parts.len() != table.key().len() {
        return Err(Error::Journal {
            reason: format!("{key:?} does not name a row of {}", table.name()),
        });
    }
    Ok(parts)
}

/// The text naming the row `cols` (which hold its key's columns) will be.
fn key_of(table: Table, cols: &[(&str, Value)]) -> Result<String> {
    let mut parts = Vec::with_capacity(table.key().len());
    for column in table.key() {
        match cols.iter().find(|(c, _)| c == column) {
            Some((_, Value::Text(t))) => parts.push(t.as_str()),
            _ => {
                return Err(Error::Journal {
                    reason: format!("a row of {} without its {column}", table.name()),
                });
            }
        }
    }
    Ok(parts.join(" "))
}

/// Runs one of the statements above (kept prepared: an import, or its
/// undo, repeats the same few thousands of times).
fn write_row<V: rusqlite::ToSql>(
    conn: &Connection,
    sql: &str,
    values: impl IntoIterator<Item = V>,
) -> Result<()> {
    conn.prepare_cached(sql)?
        .execute(rusqlite::params_from_iter(values))?;
    Ok(())
}

/// A stored state as column names and values, refusing a column the table
/// does not have (stored identifiers are never trusted).
fn columns_and_values<'r>(
    conn: &Connection,
    table: Table,
    row: &'r Row,
) -> Result<(Vec<&'r str>, Vec<Value>)> {
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
    Ok((names, values))
}

/// The table's columns, from the statement [`snapshot`] keeps prepared.
pub(crate) fn columns(conn: &Connection, table: Table) -> Result<Vec<String>> {
    let stmt = conn.prepare_cached(&select_row(table))?;
    Ok(stmt.column_names().iter().map(|s| s.to_string()).collect())
}

fn select_row(table: Table) -> String {
    format!(
        "SELECT * FROM {} WHERE {}",
        table.name(),
        key_condition(table)
    )
}

/// The whole row as JSON, or `None` when there is no such row.
pub(crate) fn snapshot(conn: &Connection, table: Table, row_id: &str) -> Result<Option<Row>> {
    let key = key_values(table, row_id)?;
    let mut stmt = conn.prepare_cached(&select_row(table))?;
    let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
    let row = stmt
        .query_row(rusqlite::params_from_iter(key), |r| {
            let mut map = Row::new();
            for (i, name) in names.iter().enumerate() {
                map.insert(name.clone(), to_json(r.get::<_, Value>(i)?));
            }
            Ok(map)
        })
        .optional()?;
    Ok(row)
}

fn to_json(value: Value) -> Json {
    match value {
        Value::Null => Json::Null,
        Value::Integer(n) => Json::from(n),
        Value::Real(x) => Json::from(x),
        Value::Text(s) => Json::from(s),
        Value::Blob(_) => Json::Null,
    }
}

pub(crate) fn to_value(json: &Json) -> Result<Value> {
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

fn to_text(row: Option<&Row>) -> Option<String> {
    row.map(|r| Json::Object(r.clone()).to_string())
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

#[cfg(test)]
mod tests {
    use rusqlite::Connection;
    use rusqlite::types::Null;

    use super::sql;
    use crate::migrations::MIGRATIONS;

    /// Editing speed must not depend on the journal's length: no statement
    /// of the journal may scan `edit` or `edit_change` (a SCAN in SQLite's
    /// plan; a SEARCH goes through an index).
    #[test]
    fn no_journal_statement_reads_the_whole_journal() {
        let mut conn = Connection::open_in_memory().unwrap();
        MIGRATIONS.to_latest(&mut conn).unwrap();
        for statement in sql::ALL {
            let mut plan = conn
                .prepare(&format!("EXPLAIN QUERY PLAN {statement}"))
                .unwrap();
            let unbound = std::iter::repeat_n(Null, plan.parameter_count());
            let steps: Vec<String> = plan
                .query_map(rusqlite::params_from_iter(unbound), |r| {
                    r.get::<_, String>(3)
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            for step in &steps {
                assert!(
                    !step.starts_with("SCAN"),
                    "{statement}\nscans the journal: {steps:?}"
                );
            }
        }
    }
}
