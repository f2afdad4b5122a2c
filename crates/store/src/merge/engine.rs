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

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params};
use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::{Value as Json, json};

use super::stamps::{self, Knowledge, Stamp, Stored};
use crate::error::Result;
use crate::journal::{Row, Table, Tx, snapshot, to_value};
use bia_model::{ConflictKind, Id, Prefer, Resolution};

/// One change the merge made here.
#[derive(Clone, Debug)]
pub(crate) struct Applied {
    pub table: Table,
    /// The row as it was or is now (to name it).
    pub row: Row,
    /// The field; '' for the whole row.
    pub col: String,
    pub before: Option<Json>,
    pub after: Option<Json>,
}

#[derive(Debug, Default)]
pub(crate) struct Outcome {
    pub applied: Vec<Applied>,
    /// The conflicts this merge found (ids in the conflict table).
    pub conflicts: Vec<Id>,
    pub decisions_added: usize,
}

/// Who a conflict's rows and values come from.
struct Side<'a> {
    conn: &'a Connection,
    knows: Knowledge,
}

struct Merge<'t, 'c, 'a> {
    tx: &'t mut Tx<'c>,
    theirs: Side<'a>,
    mine: Knowledge,
    holder: String,
    prefer: Option<Prefer>,
    /// This file's own copy and the count its own choices are stamped with.
    own: String,
    count: i64,
    /// The copy's conflicts still unresolved: (table, key, col).
    their_open: FxHashSet<(String, String, String)>,
    /// The copy's sources by id, and this file's id for each.
    sources: FxHashMap<i64, i64>,
    their_sources: FxHashMap<i64, String>,
    who: String,
    now: String,
    /// The owners looked at for what belongs to them.
    owners_seen: FxHashSet<(Table, String)>,
    out: Outcome,
}

/// Merges the copy `theirs` (held by `holder`) into the file `tx` writes.
pub(crate) fn merge(
    tx: &mut Tx,
    theirs: &Connection,
    holder: &str,
    prefer: Option<Prefer>,
) -> Result<Outcome> {
    tx.stamping = false;
    tx.conn().pragma_update(None, "defer_foreign_keys", true)?;
    let (own, _) = stamps::own(tx.conn())?.ok_or_else(|| crate::Error::Journal {
        reason: "the file has no copy id".into(),
    })?;
    let count = stamps::next_count(tx.conn())?;
    let mine = Knowledge::read(tx.conn())?;
    let their_knows = Knowledge::read(theirs)?;
    let their_open = theirs
        .prepare("SELECT table_name, row_key, col FROM conflict WHERE resolution = ''")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<FxHashSet<_>>>()?;
    let their_sources = theirs
        .prepare("SELECT id, provenance FROM source")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let who: String =
        tx.conn()
            .query_row("SELECT facilitator FROM assessment LIMIT 1", [], |r| {
                r.get(0)
            })?;
    let mut m = Merge {
        tx,
        theirs: Side {
            conn: theirs,
            knows: their_knows,
        },
        mine,
        holder: holder.to_string(),
        prefer,
        own,
        count,
        their_open,
        sources: FxHashMap::default(),
        their_sources,
        who,
        now: crate::now(),
        owners_seen: FxHashSet::default(),
        out: Outcome::default(),
    };
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
    fn conn(&self) -> &Connection {
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
    fn source(&mut self, id: i64) -> Result<i64> {
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
                if follows(table, col) == Some(Follow::Later) {
                    continue;
                }
                self.out.applied.push(Applied {
                    table,
                    row: m.clone(),
                    col: col.clone(),
                    before: m.get(col).cloned(),
                    after: Some(value.clone()),
                });
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

    fn own_stamp(&self) -> Stamp {
        Stamp {
            copy: self.own.clone(),
            counter: self.count,
        }
    }

    /// Copies the copy's stamps of a row here.
    fn copy_stamps(&mut self, table: Table, key: &str) -> Result<()> {
        for s in stamps::of_row(self.theirs.conn, table, key)? {
            self.set_stamp(table, key, &s.col, &s.stamp, s.base)?;
        }
        Ok(())
    }

    /// Writes one stamp through the journal.
    fn set_stamp(
        &mut self,
        table: Table,
        key: &str,
        col: &str,
        stamp: &Stamp,
        base: Option<String>,
    ) -> Result<()> {
        if stamp.is_origin() {
            return Ok(());
        }
        let id = stamps::stamp_id(table, key, col);
        let exists: Option<i64> = self
            .conn()
            .prepare_cached("SELECT 1 FROM stamp WHERE id = ?1")?
            .query_row([&id], |r| r.get(0))
            .optional()?;
        let base = base.map(Value::Text).unwrap_or(Value::Null);
        if exists.is_some() {
            self.tx.update_row(
                Table::Stamp,
                &id,
                &[
                    ("copy_id", Value::Text(stamp.copy.clone())),
                    ("counter", Value::Integer(stamp.counter)),
                    ("base", base),
                ],
            )
        } else {
            self.tx.insert_row(
                Table::Stamp,
                &[
                    ("id", Value::Text(id)),
                    ("table_name", Value::Text(table.name().into())),
                    ("row_key", Value::Text(key.into())),
                    ("col", Value::Text(col.into())),
                    ("copy_id", Value::Text(stamp.copy.clone())),
                    ("counter", Value::Integer(stamp.counter)),
                    ("base", base),
                ],
            )
        }
    }

    /// Records a conflict (or brings an open one up to date).
    #[allow(clippy::too_many_arguments)]
    fn conflict(
        &mut self,
        kind: ConflictKind,
        table: Table,
        key: &str,
        col: &str,
        mine: Option<Json>,
        theirs: Option<Json>,
        base: Option<String>,
        their_stamp: &Stamp,
        resolution: Option<Resolution>,
    ) -> Result<()> {
        let text = |v: Option<Json>| v.map(|v| Value::Text(v.to_string())).unwrap_or(Value::Null);
        let open: Option<String> = self
            .conn()
            .prepare_cached(
                "SELECT id FROM conflict WHERE table_name = ?1 AND row_key = ?2 AND col = ?3 \
                 AND resolution = ''",
            )?
            .query_row(params![table.name(), key, col], |r| r.get(0))
            .optional()?;
        let (resolution_text, by, at, value) = match resolution {
            Some(r) => (
                r.as_str(),
                self.who.clone(),
                self.now.clone(),
                match r {
                    Resolution::Theirs => text(theirs.clone()),
                    _ => text(mine.clone()),
                },
            ),
            None => ("", String::new(), String::new(), Value::Null),
        };
        let cols = [
            ("kind", Value::Text(kind.as_str().into())),
            ("table_name", Value::Text(table.name().into())),
            ("row_key", Value::Text(key.into())),
            ("col", Value::Text(col.into())),
            ("mine", text(mine)),
            ("theirs", text(theirs)),
            ("base", base.map(Value::Text).unwrap_or(Value::Null)),
            ("theirs_copy", Value::Text(their_stamp.copy.clone())),
            ("theirs_counter", Value::Integer(their_stamp.counter)),
            ("from_holder", Value::Text(self.holder.clone())),
            ("found_at", Value::Text(self.now.clone())),
            ("resolution", Value::Text(resolution_text.into())),
            ("resolved_value", value),
            ("resolved_by", Value::Text(by)),
            ("resolved_at", Value::Text(at)),
        ];
        let id = match open {
            Some(id) => {
                self.tx.update_row(Table::Conflict, &id, &cols)?;
                id.parse().unwrap_or_default()
            }
            None => {
                let id = Id::new();
                self.tx.insert(Table::Conflict, id, &cols)?;
                id
            }
        };
        self.out.conflicts.push(id);
        Ok(())
    }

    /// Takes in what the copy knows of every copy (and of itself).
    fn learn(&mut self) -> Result<()> {
        let copies = self
            .theirs
            .conn
            .prepare("SELECT id, holder, counter, forked_from, forked_at FROM copy")?
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (id, holder, counter, from, at) in copies {
            if id == self.own {
                continue;
            }
            let known: Option<(i64, String)> = self
                .conn()
                .prepare_cached("SELECT counter, holder FROM copy WHERE id = ?1")?
                .query_row([&id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            match known {
                Some((have, _)) if have >= counter => {}
                Some(_) => {
                    self.tx.update_row(
                        Table::Copy,
                        &id,
                        &[("counter", Value::Integer(counter))],
                    )?;
                }
                None => {
                    self.tx.insert_row(
                        Table::Copy,
                        &[
                            ("id", Value::Text(id)),
                            ("holder", Value::Text(holder)),
                            ("own", Value::Integer(0)),
                            ("counter", Value::Integer(counter)),
                            ("forked_from", Value::Text(from)),
                            ("forked_at", Value::Text(at)),
                        ],
                    )?;
                }
            }
        }
        Ok(())
    }

    /// Adds the copy's decision-log entries this file lacks (the log is
    /// append-only and kept whole on both sides).
    fn decisions(&mut self) -> Result<()> {
        let have: FxHashSet<String> = self
            .conn()
            .prepare("SELECT id FROM decision")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.theirs.conn.prepare(
            "SELECT id, process_id, process_name, field, old_value, new_value, rationale, who, at \
             FROM decision ORDER BY at",
        )?;
        let rows = stmt
            .query_map([], |r| {
                (0..9)
                    .map(|i| r.get::<_, String>(i))
                    .collect::<rusqlite::Result<Vec<String>>>()
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut insert = self.tx.conn().prepare_cached(
            "INSERT INTO decision (id, process_id, process_name, field, old_value, new_value, \
             rationale, who, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for row in rows {
            if !have.contains(&row[0]) {
                insert.execute(rusqlite::params_from_iter(row.iter()))?;
                self.out.decisions_added += 1;
            }
        }
        Ok(())
    }
}

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
enum Follow {
    /// The later of the two (a time of change).
    Later,
    /// Taken when this column is.
    Column(&'static str),
    /// Taken when any value of the row is (a provenance).
    Values,
    /// Kept as it is here (a time of creation).
    Never,
}

fn follows(table: Table, col: &str) -> Option<Follow> {
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
fn dependents(table: Table) -> &'static [(Table, &'static str)] {
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

fn rows_where(conn: &Connection, table: Table, condition: &str, key: &str) -> Result<Vec<Row>> {
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

fn insert(tx: &mut Tx, table: Table, row: &Row) -> Result<()> {
    let cols = row
        .iter()
        .map(|(c, v)| Ok((c.as_str(), to_value(v)?)))
        .collect::<Result<Vec<_>>>()?;
    tx.insert_row(table, &cols)
}

/// The id of the row here that has the name of the copy's row `t`, when
/// the table keeps names unique (processes, units; resources by kind).
fn same_name(conn: &Connection, table: Table, t: &Row) -> Result<Option<String>> {
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
