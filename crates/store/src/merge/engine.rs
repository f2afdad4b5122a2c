//! The three-way merge of a copy into this file, row by row and field by
//! field, against what each side knows of the other (see `stamps`).
//!
//! The rows looked at are those the copy changed since this file last
//! took it in (its stamps this file does not know), and those the copy
//! holds a conflict on. For each field the copy changed:
//! - the same value on both sides: nothing to do;
//! - this file's value is one the copy knew (it changed it since, or took
//!   it from here): the copy's value is taken, with its stamp;
//! - otherwise both changed it: a conflict (resolved at once by a
//!   preference, else kept as this file has it and listed).
//!
//! A row the copy added is added with what belongs to it (its scores,
//! objectives, custom fields, links); a row the copy deleted is deleted
//! here with what belongs to it, unless this file changed any of that
//! since (a conflict). Bookkeeping fields follow their row: the time of
//! the latest change is the later of the two, a name's key follows the
//! name, a value's provenance follows the value. Everything is written
//! through the journal as one edit, stamps and the copies known included,
//! so undoing a merge puts the file back as it was.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{Connection, params};
use rustc_hash::FxHashSet;
use serde_json::{Value as Json, json};

pub(crate) use super::rows::key_of;
use super::rows::{
    Follow, delete_with_dependents, dependents, distinct_name, follows, insert, rows_where,
    same_name,
};
use super::stamps::{self, Stored};
use crate::error::Result;
use crate::journal::{Row, Table, Tx, snapshot, to_value};
use bia_model::{ConflictKind, Prefer, Resolution};

pub(super) use super::state::Merge;
pub(crate) use super::state::{Applied, Outcome};

/// Merges the copy `theirs` (held by `holder`) into the file `tx` writes.
pub(crate) fn merge(
    tx: &mut Tx,
    theirs: &Connection,
    holder: &str,
    prefer: Option<Prefer>,
) -> Result<Outcome> {
    tx.stamping = false;
    tx.conn().pragma_update(None, "defer_foreign_keys", true)?;
    if stamps::own(tx.conn())?.is_none() {
        return Err(crate::Error::Journal {
            reason: "the file has no copy id".into(),
        });
    }
    let mut m = Merge::new(tx, theirs, holder, prefer)?;
    let rows = m.candidates()?;
    // Deletions first, then changes, then additions: a name a row
    // deleted or renamed frees is free for a row added.
    for pass in [Pass::Deleted, Pass::Changed, Pass::Added] {
        for ((_, table), keys) in &rows {
            for (key, cols) in keys {
                m.row(*table, key, cols, pass)?;
            }
        }
    }
    m.learn()?;
    m.decisions()?;
    Ok(m.out)
}

/// The passes over the rows to merge.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pass {
    /// Rows the copy deleted.
    Deleted,
    /// Rows both sides have.
    Changed,
    /// Rows the copy has and this file has not.
    Added,
}

/// Position of a table in [`Table::all`] (parents first).
fn order(table: Table) -> usize {
    Table::all().iter().position(|t| *t == table).unwrap_or(0)
}

type Candidates = BTreeMap<(usize, Table), BTreeMap<String, BTreeSet<String>>>;

impl Merge<'_, '_, '_> {
    pub(super) fn conn(&self) -> &Connection {
        self.tx.conn()
    }

    /// The rows to look at: what the copy changed that this file does not
    /// know, and what the copy holds a conflict on.
    fn candidates(&self) -> Result<Candidates> {
        let mut out: Candidates = BTreeMap::new();
        let mut add = |table: &str, key: String, col: String| -> Result<()> {
            let table = Table::parse(table)?;
            if table.merged() {
                out.entry((order(table), table))
                    .or_default()
                    .entry(key)
                    .or_default()
                    .insert(col);
            }
            Ok(())
        };
        let mut stmt = self.theirs.conn.prepare(
            "SELECT table_name, row_key, col FROM stamp WHERE copy_id = ?1 AND counter > ?2",
        )?;
        for copy in self.theirs.knows.0.keys() {
            let rows = stmt
                .query_map(params![copy, self.mine.of(copy)], |r| {
                    Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            for (table, key, col) in rows {
                add(&table, key, col)?;
            }
        }
        for (table, key, col) in &self.their_open {
            add(table, key.clone(), col.clone())?;
        }
        Ok(out)
    }

    /// Merges one row, in the pass its case belongs to.
    fn row(&mut self, table: Table, key: &str, cols: &BTreeSet<String>, pass: Pass) -> Result<()> {
        let mine = snapshot(self.conn(), table, key)?;
        let theirs = self.their_row(table, key)?;
        let case = match (&mine, &theirs) {
            (Some(_), None) => Pass::Deleted,
            (Some(_), Some(_)) => Pass::Changed,
            _ => Pass::Added,
        };
        if case != pass {
            return Ok(());
        }
        // Met now as itself, it is not met again as the owner of its rows.
        if !self.owners_seen.insert((table, key.to_string())) {
            return Ok(());
        }
        let my_stamps = stamps::of_row(self.conn(), table, key)?;
        let their_stamps = stamps::of_row(self.theirs.conn, table, key)?;
        match (mine, theirs) {
            (Some(m), Some(t)) => self.fields(table, key, cols, &m, &t, &my_stamps, &their_stamps),
            (Some(m), None) => self.deleted_there(table, key, &m, &their_stamps),
            (None, Some(t)) => self.added_there(table, key, &t, &my_stamps, &their_stamps),
            (None, None) => Ok(()),
        }
    }

    /// The copy's row, its source given as this file's.
    fn their_row(&mut self, table: Table, key: &str) -> Result<Option<Row>> {
        let Some(mut row) = snapshot(self.theirs.conn, table, key)? else {
            return Ok(None);
        };
        if table == Table::Impact
            && let Some(id) = row.get("source_id").and_then(Json::as_i64)
        {
            row.insert("source_id".into(), Json::from(self.source(id)?));
        }
        Ok(Some(row))
    }

    /// This file's source for the copy's source `id` (added when new).
    pub(super) fn source(&mut self, id: i64) -> Result<i64> {
        if let Some(mine) = self.sources.get(&id) {
            return Ok(*mine);
        }
        let provenance = self
            .their_sources
            .get(&id)
            .cloned()
            .unwrap_or_else(|| r#"{"kind":"workshop"}"#.into());
        let conn = self.tx.conn();
        conn.prepare_cached("INSERT INTO source (provenance) VALUES (?1) ON CONFLICT DO NOTHING")?
            .execute([&provenance])?;
        let mine: i64 = conn
            .prepare_cached("SELECT id FROM source WHERE provenance = ?1")?
            .query_row([&provenance], |r| r.get(0))?;
        self.sources.insert(id, mine);
        Ok(mine)
    }

    /// Both sides have the row: field by field.
    #[allow(clippy::too_many_arguments)]
    fn fields(
        &mut self,
        table: Table,
        key: &str,
        cols: &BTreeSet<String>,
        m: &Row,
        t: &Row,
        my_stamps: &[Stored],
        their_stamps: &[Stored],
    ) -> Result<()> {
        let whole = cols.contains("");
        let names: Vec<String> = if whole {
            t.keys()
                .filter(|c| !table.key().contains(&c.as_str()))
                .cloned()
                .collect()
        } else {
            cols.iter().cloned().collect()
        };
        let mut take: Vec<(String, Json)> = Vec::new();
        let mut took: FxHashSet<String> = FxHashSet::default();
        let mut mine_changed = false;
        let mut restamp: Vec<String> = Vec::new();
        for col in names.iter().filter(|c| follows(table, c).is_none()) {
            let (mv, tv) = (m.get(col), t.get(col));
            if mv == tv || tv.is_none() {
                continue;
            }
            let sm = stamps::effective(self.conn(), table, Some(m), my_stamps, col)?;
            let st = stamps::effective(self.theirs.conn, table, Some(t), their_stamps, col)?;
            let open_there =
                self.their_open
                    .contains(&(table.name().to_string(), key.to_string(), col.clone()));
            if !open_there && self.theirs.knows.knows(&sm) {
                take.push((col.clone(), tv.cloned().unwrap_or(Json::Null)));
                took.insert(col.clone());
                continue;
            }
            if !open_there && self.mine.knows(&st) {
                continue;
            }
            let base = my_stamps
                .iter()
                .chain(their_stamps)
                .find(|s| s.col == *col)
                .and_then(|s| s.base.clone());
            let resolution = self.prefer.map(|p| match p {
                Prefer::Mine => Resolution::Mine,
                Prefer::Theirs => Resolution::Theirs,
            });
            self.conflict(
                ConflictKind::Field,
                table,
                key,
                col,
                mv.cloned(),
                tv.cloned(),
                base,
                &st,
                resolution,
            )?;
            match resolution {
                Some(Resolution::Theirs) => {
                    take.push((col.clone(), tv.cloned().unwrap_or(Json::Null)));
                    took.insert(col.clone());
                }
                Some(_) => {
                    mine_changed = true;
                    restamp.push(col.clone());
                }
                None => {}
            }
        }
        // Bookkeeping follows what it keeps track of.
        for col in t.keys().filter(|c| follows(table, c).is_some()) {
            let (mv, tv) = (m.get(col), t.get(col));
            if mv == tv || tv.is_none() {
                continue;
            }
            let tv = tv.cloned().unwrap_or(Json::Null);
            let follow = match follows(table, col) {
                Some(Follow::Later) => {
                    tv.as_str().unwrap_or("") > mv.and_then(Json::as_str).unwrap_or("")
                }
                Some(Follow::Column(leader)) => took.contains(leader),
                Some(Follow::Values) => {
                    !took.is_empty() && !mine_changed || {
                        let sm = stamps::effective(self.conn(), table, Some(m), my_stamps, col)?;
                        took.is_empty() && self.theirs.knows.knows(&sm)
                    }
                }
                Some(Follow::Never) | None => false,
            };
            if follow {
                take.push((col.clone(), tv));
                took.insert(col.clone());
            }
        }
        if !take.is_empty() {
            let values = take
                .iter()
                .map(|(c, v)| Ok((c.as_str(), to_value(v)?)))
                .collect::<Result<Vec<_>>>()?;
            self.tx.update_row(table, key, &values)?;
            for (col, value) in &take {
                let shown = follows(table, col).is_none();
                if shown {
                    self.out.applied.push(Applied {
                        table,
                        row: m.clone(),
                        col: col.clone(),
                        before: m.get(col).cloned(),
                        after: Some(value.clone()),
                    });
                }
                if follows(table, col) == Some(Follow::Later) {
                    continue;
                }
                let st = stamps::effective(self.theirs.conn, table, Some(t), their_stamps, col)?;
                let base = their_stamps
                    .iter()
                    .find(|s| s.col == *col)
                    .and_then(|s| s.base.clone());
                self.set_stamp(table, key, col, &st, base)?;
            }
        }
        for col in restamp {
            let own = self.own_stamp();
            self.set_stamp(table, key, &col, &own, None)?;
        }
        Ok(())
    }

    /// The copy deleted a row this file has.
    fn deleted_there(
        &mut self,
        table: Table,
        key: &str,
        m: &Row,
        their_stamps: &[Stored],
    ) -> Result<()> {
        let Some(tomb) = their_stamps.iter().find(|s| s.col.is_empty()).cloned() else {
            return Ok(());
        };
        // A row whose process (resource) the copy deleted goes with it, or
        // stays with it: its owner decides.
        for (owner_table, owner) in stamps::owners(table, m) {
            if snapshot(self.theirs.conn, owner_table, &owner)?.is_none() {
                return Ok(());
            }
        }
        if self.mine.knows(&tomb.stamp) {
            return Ok(());
        }
        let open_there =
            self.their_open
                .contains(&(table.name().to_string(), key.to_string(), String::new()));
        let changed_here = self.changed_since(table, key, m)?;
        if !changed_here && !open_there {
            self.delete_with_belongings(table, key, m)?;
            self.set_stamp(table, key, "", &tomb.stamp, tomb.base.clone())?;
            return Ok(());
        }
        let resolution = self.prefer.map(|p| match p {
            Prefer::Mine => Resolution::Mine,
            Prefer::Theirs => Resolution::Theirs,
        });
        self.conflict(
            ConflictKind::EditedDeleted,
            table,
            key,
            "",
            Some(Json::Object(m.clone())),
            None,
            None,
            &tomb.stamp,
            resolution,
        )?;
        match resolution {
            Some(Resolution::Theirs) => {
                self.delete_with_belongings(table, key, m)?;
                self.set_stamp(table, key, "", &tomb.stamp, tomb.base)?;
            }
            Some(_) => {
                let own = self.own_stamp();
                self.set_stamp(table, key, "", &own, None)?;
            }
            None => {}
        }
        Ok(())
    }

    /// The copy has a row this file has not: added there, or deleted here.
    fn added_there(
        &mut self,
        table: Table,
        key: &str,
        t: &Row,
        my_stamps: &[Stored],
        their_stamps: &[Stored],
    ) -> Result<()> {
        // A row of a process (resource) this file lacks comes with it, or
        // not at all: its owner decides. One deleted here and changed
        // there only through what belongs to it is a conflict all the same.
        for (owner_table, owner) in stamps::owners(table, t) {
            if snapshot(self.conn(), owner_table, &owner)?.is_none() {
                let mine = stamps::of_row(self.conn(), owner_table, &owner)?;
                let theirs = stamps::of_row(self.theirs.conn, owner_table, &owner)?;
                if let Some(their_owner) = self.their_row(owner_table, &owner)?
                    && self.owners_seen.insert((owner_table, owner.clone()))
                {
                    return self.added_there(owner_table, &owner, &their_owner, &mine, &theirs);
                }
                return Ok(());
            }
        }
        let tomb = my_stamps.iter().find(|s| s.col.is_empty());
        let deleted_here = tomb.is_some_and(|s| !self.theirs.knows.knows(&s.stamp));
        let st = stamps::effective(self.theirs.conn, table, Some(t), their_stamps, "")?;
        let resolution = self.prefer.map(|p| match p {
            Prefer::Mine => Resolution::Mine,
            Prefer::Theirs => Resolution::Theirs,
        });
        if deleted_here {
            let whole = self.with_belongings(table, key, t)?;
            self.conflict(
                ConflictKind::DeletedEdited,
                table,
                key,
                "",
                None,
                Some(whole),
                tomb.and_then(|s| s.base.clone()),
                &st,
                resolution,
            )?;
            match resolution {
                Some(Resolution::Theirs) => self.add(table, key, t, None)?,
                Some(_) => {
                    let own = self.own_stamp();
                    self.set_stamp(table, key, "", &own, None)?;
                }
                None => {}
            }
            return Ok(());
        }
        if let Some(existing) = same_name(self.conn(), table, t)? {
            let whole = self.with_belongings(table, key, t)?;
            let resolution = self.prefer.map(|_| Resolution::Both);
            self.conflict(
                ConflictKind::SameName,
                table,
                key,
                "",
                snapshot(self.conn(), table, &existing)?.map(Json::Object),
                Some(whole),
                None,
                &st,
                resolution,
            )?;
            if resolution.is_some() {
                let name = self.distinct_name(table, t)?;
                self.add(table, key, t, Some(name))?;
            }
            return Ok(());
        }
        self.add(table, key, t, None)
    }

    /// Adds the copy's row `key` (renamed when `name` is given) with what
    /// belongs to it there, and the copy's stamps of them.
    fn add(&mut self, table: Table, key: &str, t: &Row, name: Option<String>) -> Result<()> {
        let mut row = t.clone();
        if let Some(name) = &name {
            row.insert("name".into(), Json::from(name.clone()));
            row.insert("name_key".into(), Json::from(bia_model::name_key(name)));
        }
        insert(self.tx, table, &row)?;
        self.copy_stamps(table, key)?;
        if name.is_some() {
            let own = self.own_stamp();
            self.set_stamp(table, key, "name", &own, None)?;
        }
        self.out.applied.push(Applied {
            table,
            row: row.clone(),
            col: String::new(),
            before: None,
            after: Some(Json::Object(row)),
        });
        for (of, condition) in dependents(table) {
            let rows = rows_where(self.theirs.conn, *of, condition, key)?;
            for mut r in rows {
                let k = key_of(*of, &r);
                if snapshot(self.conn(), *of, &k)?.is_some() {
                    continue;
                }
                let ends_here = stamps::owners(*of, &r).into_iter().all(|(ot, o)| {
                    snapshot(self.tx.conn(), ot, &o)
                        .map(|x| x.is_some())
                        .unwrap_or(false)
                });
                if !ends_here {
                    continue;
                }
                if *of == Table::Impact
                    && let Some(id) = r.get("source_id").and_then(Json::as_i64)
                {
                    r.insert("source_id".into(), Json::from(self.source(id)?));
                }
                insert(self.tx, *of, &r)?;
                self.copy_stamps(*of, &k)?;
            }
        }
        Ok(())
    }

    /// Deletes a row here with what belongs to it (journaled, each row).
    fn delete_with_belongings(&mut self, table: Table, key: &str, m: &Row) -> Result<()> {
        delete_with_dependents(self.tx, table, key)?;
        self.out.applied.push(Applied {
            table,
            row: m.clone(),
            col: String::new(),
            before: Some(Json::Object(m.clone())),
            after: None,
        });
        Ok(())
    }

    /// Whether this file changed the row, or anything belonging to it,
    /// in a way the copy does not know.
    fn changed_since(&self, table: Table, key: &str, m: &Row) -> Result<bool> {
        let knows = |conn: &Connection, t: Table, k: &str, row: &Row| -> Result<bool> {
            let stamps = stamps::of_row(conn, t, k)?;
            if stamps.iter().any(|s| !self.theirs.knows.knows(&s.stamp)) {
                return Ok(false);
            }
            let inherited = stamps::effective(conn, t, Some(row), &stamps, "")?;
            Ok(self.theirs.knows.knows(&inherited))
        };
        if !knows(self.conn(), table, key, m)? {
            return Ok(true);
        }
        for (of, condition) in dependents(table) {
            for r in rows_where(self.conn(), *of, condition, key)? {
                if !knows(self.conn(), *of, &key_of(*of, &r), &r)? {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    /// The copy's row with what belongs to it there, as a conflict keeps
    /// it to add it later: `{"row": …, "belongings": [[table, row], …]}`.
    fn with_belongings(&self, table: Table, key: &str, t: &Row) -> Result<Json> {
        let mut belongings = Vec::new();
        for (of, condition) in dependents(table) {
            for r in rows_where(self.theirs.conn, *of, condition, key)? {
                belongings.push(json!([of.name(), r]));
            }
        }
        Ok(json!({ "row": t, "belongings": belongings }))
    }

    fn distinct_name(&self, table: Table, t: &Row) -> Result<String> {
        distinct_name(self.conn(), table, t, &self.holder)
    }
}
