//! "Recover what can be read into a new file": every row of a damaged
//! assessment that can still be read is copied into a new one, table by
//! table. A text whose bytes are not valid UTF-8 is kept with the
//! unreadable bytes replaced (�); a row that cannot be read, or that
//! points at a row that was lost, is left out and counted. The undo
//! history is not carried over (it describes edits of the damaged file);
//! the decision log is, as far as it reads. The damaged file is only read.

use std::path::Path;

use rusqlite::Connection;
use rusqlite::types::{Value, ValueRef};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::new::NewFile;
use super::{LATEST, check_header, in_memory, migrate, regular, sqlite_error};
use crate::Store;
use crate::error::{Error, Result};

/// What a recovery copied and what it could not.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Recovery {
    /// The new file.
    pub path: String,
    /// Rows copied whole or with repaired text.
    pub rows: usize,
    /// Rows left out: unreadable, or pointing at a row that was lost.
    pub rows_lost: usize,
    /// Texts kept with unreadable bytes replaced by �.
    pub texts_repaired: usize,
    /// Per table, what was lost or repaired ("process: 1 row left out").
    pub notes: Vec<String>,
}

/// The edit history: not carried over.
const SKIPPED: [&str; 2] = ["edit", "edit_change"];

pub(crate) fn recover(damaged: &Path, target: &Path) -> Result<(Store, Recovery)> {
    regular(damaged)?;
    check_header(damaged)?;
    let source = read_anyhow(damaged)?;
    recover_from(source, damaged, target)
}

/// [`recover`] of the file `store` holds open (found damaged after it was
/// opened), read through the store's own connection: it holds the file's
/// lock, which a second reader would be refused.
pub(crate) fn recover_open(store: &Store, target: &Path) -> Result<(Store, Recovery)> {
    let mut source = Connection::open_in_memory()?;
    super::copy_all(&store.conn, &mut source, &store.path)?;
    recover_from(source, &store.path, target)
}

/// Copies what can be read of `source`, a copy in memory of `damaged` at
/// the latest version, into a new file at `target`.
fn recover_from(source: Connection, damaged: &Path, target: &Path) -> Result<(Store, Recovery)> {
    // The facts are copied over the seed's.
    let seed = bia_model::AssessmentInput {
        name: "Recovered assessment".into(),
        ..bia_model::AssessmentInput::default()
    };
    let mut new = NewFile::create(target, &seed, bia_model::Currency::fallback())?;
    let mut report = Recovery {
        path: target.display().to_string(),
        ..Recovery::default()
    };
    copy_rows(&source, &mut new.conn, &mut report).map_err(|e| Error::Recover {
        path: damaged.to_path_buf(),
        reason: e.to_string(),
    })?;
    // What still does not read is not a recovery.
    new.load().map_err(|e| Error::Recover {
        path: damaged.to_path_buf(),
        reason: format!("what could be read does not make an assessment ({e})"),
    })?;
    let store = new.finish()?;
    Ok((store, report))
}

/// The damaged file in memory, as it is: no check, upgraded if older.
fn read_anyhow(path: &Path) -> Result<Connection> {
    let mut mem = in_memory(path)?;
    let version: i64 = mem
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| sqlite_error(path, e))?;
    if version > LATEST {
        return Err(Error::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: LATEST,
        });
    }
    if version < LATEST {
        migrate(&mut mem, path)?;
    }
    Ok(mem)
}

/// Where a text that is not UTF-8 sits, in words: "a process's
/// description is not readable text". `None` when every text reads.
pub(crate) fn unreadable_text(conn: &Connection) -> Option<String> {
    for table in tables(conn).ok()? {
        if SKIPPED.contains(&table.as_str()) {
            continue;
        }
        let cols = columns(conn, &table).ok()?;
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).ok()?;
        let mut rows = stmt.query([]).ok()?;
        while let Ok(Some(row)) = rows.next() {
            for (i, col) in cols.iter().enumerate() {
                if let Ok(ValueRef::Text(bytes)) = row.get_ref(i)
                    && std::str::from_utf8(bytes).is_err()
                {
                    let what = table.replace('_', " ");
                    let field = col.replace('_', " ");
                    return Some(format!("a {what}'s {field} is not readable text"));
                }
            }
        }
    }
    None
}

/// The condition on a row of `table` that one of its references names no
/// row: `(col) NOT IN (SELECT id FROM parent) OR …`.
fn without_parent(conn: &Connection, table: &str) -> rusqlite::Result<String> {
    let mut stmt = conn.prepare(&format!("PRAGMA foreign_key_list(\"{table}\")"))?;
    let refs = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    let mut parts = Vec::new();
    for r in refs {
        let (parent, from, to) = r?;
        parts.push(format!(
            "(\"{from}\" IS NOT NULL AND \"{from}\" NOT IN (SELECT \"{to}\" FROM \"{parent}\"))"
        ));
    }
    Ok(if parts.is_empty() {
        "0".into()
    } else {
        parts.join(" OR ")
    })
}

fn tables(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
    )?;
    let names = stmt.query_map([], |r| r.get::<_, String>(0))?;
    names.collect()
}

fn columns(conn: &Connection, table: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info(\"{table}\")"))?;
    let names = stmt.query_map([], |r| r.get::<_, String>(1))?;
    names.collect()
}

/// Copies every readable row of every table (the new file's seed first
/// removed), then drops rows whose references were lost.
fn copy_rows(
    from: &Connection,
    to: &mut Connection,
    report: &mut Recovery,
) -> rusqlite::Result<()> {
    to.pragma_update(None, "foreign_keys", "OFF")?;
    let tx = to.transaction()?;
    let present = tables(from)?;
    for table in tables(&tx)? {
        tx.execute(&format!("DELETE FROM \"{table}\""), [])?;
        if SKIPPED.contains(&table.as_str()) || !present.contains(&table) {
            continue;
        }
        let wanted = columns(&tx, &table)?;
        let have = columns(from, &table)?;
        let cols: Vec<&String> = wanted.iter().filter(|c| have.contains(c)).collect();
        let list = cols
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let marks = vec!["?"; cols.len()].join(", ");
        let mut insert = tx.prepare(&format!(
            "INSERT OR IGNORE INTO \"{table}\" ({list}) VALUES ({marks})"
        ))?;
        let total: Option<usize> = from
            .query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
                r.get::<_, i64>(0)
            })
            .ok()
            .map(|n| n as usize);
        let (mut copied, mut repaired) = (0usize, 0usize);
        let read = (|| -> rusqlite::Result<()> {
            let mut stmt = from.prepare(&format!("SELECT {list} FROM \"{table}\""))?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                let mut values = Vec::with_capacity(cols.len());
                for i in 0..cols.len() {
                    values.push(match row.get_ref(i)? {
                        ValueRef::Text(bytes) => match std::str::from_utf8(bytes) {
                            Ok(text) => Value::Text(text.to_string()),
                            Err(_) => {
                                repaired += 1;
                                Value::Text(String::from_utf8_lossy(bytes).into_owned())
                            }
                        },
                        ValueRef::Null => Value::Null,
                        ValueRef::Integer(i) => Value::Integer(i),
                        ValueRef::Real(f) => Value::Real(f),
                        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
                    });
                }
                copied += insert.execute(rusqlite::params_from_iter(values))?;
            }
            Ok(())
        })();
        let lost = match (read, total) {
            (Ok(()), Some(total)) => total.saturating_sub(copied),
            (Ok(()), None) => 0,
            (Err(_), Some(total)) => total.saturating_sub(copied).max(1),
            (Err(_), None) => 1,
        };
        report.rows += copied;
        report.rows_lost += lost;
        report.texts_repaired += repaired;
        if lost > 0 {
            report.notes.push(format!(
                "{table}: {lost} row(s) could not be read and were left out"
            ));
        }
        if repaired > 0 {
            report.notes.push(format!(
                "{table}: {repaired} text(s) kept with unreadable characters replaced by �"
            ));
        }
    }
    tx.commit()?;
    to.pragma_update(None, "foreign_keys", "ON")?;
    // Rows pointing at a row that was lost go too, until none is left.
    loop {
        let orphans: Vec<(String, Option<i64>)> = {
            let mut stmt = to.prepare("PRAGMA foreign_key_check")?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        if orphans.is_empty() {
            break;
        }
        for (table, rowid) in &orphans {
            match rowid {
                Some(rowid) => to.execute(
                    &format!("DELETE FROM \"{table}\" WHERE rowid = ?1"),
                    [rowid],
                )?,
                // A table without rowids (the scores, keyed by their cell):
                // its rows whose parent is gone.
                None => to.execute(
                    &format!(
                        "DELETE FROM \"{table}\" WHERE {}",
                        without_parent(to, table)?
                    ),
                    [],
                )?,
            };
        }
        report.rows -= orphans.len().min(report.rows);
        report.rows_lost += orphans.len();
        report.notes.push(format!(
            "{} row(s) left out: they pointed at rows that were lost",
            orphans.len()
        ));
    }
    Ok(())
}
