//! What a merge records besides the rows it changes: the stamps of what
//! it took or chose, the conflicts it found, the copies it learned of, and
//! the copy's decision-log entries. Stamps, conflicts and copies go through
//! the journal with the rows, so undoing the merge takes them back too.

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params};
use rustc_hash::FxHashSet;
use serde_json::Value as Json;

use super::engine::Merge;
use super::stamps::{self, Stamp};
use crate::error::Result;
use crate::journal::Table;
use bia_model::{ConflictKind, Id, Resolution};

impl Merge<'_, '_, '_> {
    pub(super) fn own_stamp(&self) -> Stamp {
        Stamp {
            copy: self.own.clone(),
            counter: self.count,
        }
    }

    /// Copies the copy's stamps of a row here.
    pub(super) fn copy_stamps(&mut self, table: Table, key: &str) -> Result<()> {
        for s in stamps::of_row(self.theirs.conn, table, key)? {
            self.set_stamp(table, key, &s.col, &s.stamp, s.base)?;
        }
        Ok(())
    }

    /// Writes one stamp through the journal.
    pub(super) fn set_stamp(
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
    pub(super) fn conflict(
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
        // A row met twice (itself, and as the owner of a row of its own)
        // is one conflict.
        if !self.out.conflicts.contains(&id) {
            self.out.conflicts.push(id);
        }
        Ok(())
    }

    /// Takes in what the copy knows of every copy (and of itself).
    pub(super) fn learn(&mut self) -> Result<()> {
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
    pub(super) fn decisions(&mut self) -> Result<()> {
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
        // A file merged like an import (`ids` not empty, or no family in
        // common) may hold the same entries under other ids: an export
        // read back, a file built from the same demo. The same change
        // with the same reasons, by the same person, is the same entry.
        let same_entry = |r: &[String]| r[1..8].join("\u{1f}");
        let mut entries: FxHashSet<String> = FxHashSet::default();
        if self.matching {
            let mut stmt = self.conn().prepare(
                "SELECT id, process_id, process_name, field, old_value, new_value, rationale, \
                 who FROM decision",
            )?;
            let mine = stmt
                .query_map([], |r| {
                    (0..8)
                        .map(|i| r.get::<_, String>(i))
                        .collect::<rusqlite::Result<Vec<String>>>()
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            entries.extend(mine.iter().map(|r| same_entry(r)));
        }
        let mut insert = self.tx.conn().prepare_cached(
            "INSERT INTO decision (id, process_id, process_name, field, old_value, new_value, \
             rationale, who, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for mut row in rows {
            if let Some(mine) = self.ids.get(&row[1]) {
                row[1] = mine.clone();
            }
            let known =
                have.contains(&row[0]) || self.matching && entries.contains(&same_entry(&row));
            if !known {
                insert.execute(rusqlite::params_from_iter(row.iter()))?;
                self.out.decisions_added += 1;
            }
        }
        Ok(())
    }
}
