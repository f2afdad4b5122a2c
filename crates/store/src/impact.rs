//! Impact scores: reading a process's grid, setting and clearing cells (one
//! edit however many cells), and the rationale for the grid.
//!
//! A score is stored under its cell (process, category, horizon), with
//! where it came from split in two: its source — the provenance without
//! its cell, stored once in the `source` table (a workbook's file and
//! sheet, a workshop, the demo) — and the cell. Half a million imported
//! scores thus share one source instead of each repeating it as JSON;
//! [`Score::provenance`] is put back together when read.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params};
use rustc_hash::FxHashMap;

use super::Store;
use super::journal::{self, Table, Tx};
use super::processes::ensure_unlocked;
use super::row::id_col;
use crate::error::{Error, Result};
use bia_model::{FieldIssue, Id, IdText, ProcessImpact, Provenance, Score, ScoreInput};

/// The sources scores name, by id.
type Sources = FxHashMap<i64, Provenance>;

fn sources(conn: &Connection) -> Result<Sources> {
    let mut out = Sources::default();
    let mut stmt = conn.prepare_cached("SELECT id, provenance FROM source")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let text: String = r.get(1)?;
        out.insert(r.get(0)?, serde_json::from_str(&text).unwrap_or_default());
    }
    Ok(out)
}

/// A score's provenance: its source, with its cell when imported.
fn provenance(source: Option<&Provenance>, cell: String) -> Provenance {
    match source {
        Some(Provenance::Imported {
            file,
            sheet,
            values,
            ..
        }) => Provenance::Imported {
            file: file.clone(),
            sheet: sheet.clone(),
            cell,
            values: values.clone(),
        },
        Some(Provenance::Questionnaire {
            questionnaire_id,
            recipient,
            returned_on,
            sheet,
            values,
            ..
        }) => Provenance::Questionnaire {
            questionnaire_id: *questionnaire_id,
            recipient: recipient.clone(),
            returned_on: returned_on.clone(),
            sheet: sheet.clone(),
            cell,
            values: values.clone(),
        },
        Some(other) => other.clone(),
        None => Provenance::default(),
    }
}

/// The ids of a column read row after row, each text parsed once: the
/// scores of a table keyed by process come a process at a time, and name
/// a handful of categories and horizons, so a large assessment's two
/// million ids are mostly ones just read.
#[derive(Default)]
struct Ids {
    seen: FxHashMap<IdText, Id>,
}

impl Ids {
    fn read(&mut self, r: &rusqlite::Row, i: usize) -> rusqlite::Result<Id> {
        self.id(&id_text(r, i)?, i)
    }

    /// The id of `text`, as read from column `column`.
    fn id(&mut self, text: &IdText, column: usize) -> rusqlite::Result<Id> {
        if let Some(id) = self.seen.get(text) {
            return Ok(*id);
        }
        let id: Id = std::str::from_utf8(text)
            .ok()
            .and_then(|t| t.parse().ok())
            .ok_or_else(|| {
                rusqlite::Error::FromSqlConversionFailure(
                    column,
                    rusqlite::types::Type::Text,
                    format!("not an id: {}", String::from_utf8_lossy(text)).into(),
                )
            })?;
        // Processes come one after another: emptied now and then, the map
        // holds those just read rather than every one.
        if self.seen.len() > 64 {
            self.seen.clear();
        }
        self.seen.insert(*text, id);
        Ok(id)
    }
}

/// A score from its row, each id column parsed through an [`Ids`].
fn from_row(sources: &Sources, ids: &mut [Ids; 3], r: &rusqlite::Row) -> rusqlite::Result<Score> {
    Ok(Score {
        process_id: ids[0].read(r, 0)?,
        category_id: ids[1].read(r, 1)?,
        horizon_id: ids[2].read(r, 2)?,
        severity: r.get(3)?,
        note: r.get(4)?,
        provenance: provenance(sources.get(&r.get::<_, i64>(5)?), r.get(6)?),
    })
}

const COLUMNS: &str = "process_id, category_id, horizon_id, severity, note, source_id, cell";

/// A row of `impact` as SQLite gives it, its ids not yet read: what the
/// thread stepping through the table hands to the one making scores.
struct Raw {
    ids: [IdText; 3],
    severity: Option<u8>,
    note: String,
    source: i64,
    cell: String,
}

/// Rows handed over at a time.
const BATCH: usize = 4_096;

/// Every score, and then whatever `then` reads: the table is stepped
/// through here while another thread makes the scores of the rows already
/// stepped (parsing ids, putting provenances together, filling the list),
/// and `then` runs here while that thread finishes. `cells` is how many
/// the grids have (a cell holds at most one), so the half a million of a
/// large assessment are made in place instead of being copied each time
/// the list outgrows its room.
pub(super) fn all_while<T>(
    conn: &Connection,
    cells: usize,
    then: impl FnOnce() -> Result<T>,
) -> Result<(Vec<Score>, T)> {
    let sources = sources(conn)?;
    let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Raw>>(8);
    std::thread::scope(|scope| {
        let making = scope.spawn(|| make(&sources, receive, cells));
        let stepped = step(conn, send);
        let rest = stepped.and_then(|()| then());
        let scores = making
            .join()
            .expect("the scores are made without panicking");
        // The scores' own error first: a row that does not read stops the
        // stepping as well (its batch is refused).
        let scores = scores?;
        Ok((scores, rest?))
    })
}

/// Steps through every row of `impact`, handing them over in batches; stops
/// early when the scores' side has stopped (on a row that does not read).
fn step(conn: &Connection, send: std::sync::mpsc::SyncSender<Vec<Raw>>) -> Result<()> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM impact"))?;
    let mut rows = stmt.query([])?;
    let mut batch = Vec::with_capacity(BATCH);
    while let Some(r) = rows.next()? {
        batch.push(Raw {
            ids: [id_text(r, 0)?, id_text(r, 1)?, id_text(r, 2)?],
            severity: r.get(3)?,
            note: r.get(4)?,
            source: r.get(5)?,
            cell: r.get(6)?,
        });
        if batch.len() == BATCH {
            let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
            if send.send(full).is_err() {
                return Ok(());
            }
        }
    }
    let _ = send.send(batch);
    Ok(())
}

/// An id column's text as stored (a UUID's 36 characters); any other text
/// is read here, as [`id_col`] reads it, and handed over in that form.
fn id_text(r: &rusqlite::Row, i: usize) -> rusqlite::Result<IdText> {
    let mut text: IdText = [0; 36];
    match r.get_ref(i)?.as_str()?.as_bytes() {
        bytes if bytes.len() == text.len() => text.copy_from_slice(bytes),
        _ => {
            id_col(r, i)?.text(&mut text);
        }
    }
    Ok(text)
}

/// Makes the scores of the rows handed over, until the stepping ends.
fn make(
    sources: &Sources,
    receive: std::sync::mpsc::Receiver<Vec<Raw>>,
    cells: usize,
) -> Result<Vec<Score>> {
    let mut scores = Vec::with_capacity(cells);
    let mut ids: [Ids; 3] = Default::default();
    for batch in receive {
        for raw in batch {
            let [process_id, category_id, horizon_id] =
                [0, 1, 2].map(|i| ids[i].id(&raw.ids[i], i));
            scores.push(Score {
                process_id: process_id?,
                category_id: category_id?,
                horizon_id: horizon_id?,
                severity: raw.severity,
                note: raw.note,
                provenance: provenance(sources.get(&raw.source), raw.cell),
            });
        }
    }
    Ok(scores)
}

pub(super) fn of_process(conn: &Connection, process: Id) -> Result<Vec<Score>> {
    let sources = sources(conn)?;
    let mut ids: [Ids; 3] = Default::default();
    let scores = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM impact WHERE process_id = ?1"
        ))?
        .query_map([process.to_string()], |r| from_row(&sources, &mut ids, r))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(scores)
}

/// The id of `provenance`'s source (added when new) and its cell. Not
/// journaled: a source is never deleted, so any score the journal brings
/// back finds its own.
pub(super) fn source(conn: &Connection, provenance: &Provenance) -> Result<(i64, String)> {
    let (source, cell) = match provenance {
        Provenance::Imported {
            file,
            sheet,
            cell,
            values,
        } => (
            Provenance::Imported {
                file: file.clone(),
                sheet: sheet.clone(),
                cell: String::new(),
                values: values.clone(),
            },
            cell.clone(),
        ),
        Provenance::Questionnaire {
            questionnaire_id,
            recipient,
            returned_on,
            sheet,
            cell,
            values,
        } => (
            Provenance::Questionnaire {
                questionnaire_id: *questionnaire_id,
                recipient: recipient.clone(),
                returned_on: returned_on.clone(),
                sheet: sheet.clone(),
                cell: String::new(),
                values: values.clone(),
            },
            cell.clone(),
        ),
        other => (other.clone(), String::new()),
    };
    let text = serde_json::to_string(&source).unwrap_or_default();
    conn.prepare_cached("INSERT INTO source (provenance) VALUES (?1) ON CONFLICT DO NOTHING")?
        .execute([&text])?;
    let id = conn
        .prepare_cached("SELECT id FROM source WHERE provenance = ?1")?
        .query_row([&text], |r| r.get(0))?;
    Ok((id, cell))
}

/// How the journal names a score: its cell's ids joined by spaces.
pub(super) fn key(process: &str, category: &str, horizon: &str) -> String {
    format!("{process} {category} {horizon}")
}

const INSERT: &str = "INSERT INTO impact (process_id, category_id, horizon_id, severity, note, source_id, cell) \
                      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

/// Adds a cell that is not there yet (the caller has checked the ids and
/// the severity), through one statement kept prepared.
#[allow(clippy::too_many_arguments)]
pub(super) fn insert(
    tx: &mut Tx,
    process: &str,
    category: &str,
    horizon: &str,
    severity: Option<u8>,
    note: &str,
    source: i64,
    cell: &str,
) -> Result<()> {
    tx.insert_prepared(
        Table::Impact,
        INSERT,
        process,
        || key(process, category, horizon),
        params![process, category, horizon, severity, note, source, cell],
    )
}

/// A new score for `Writer::insert_scores`: its ids as text, as the
/// file stores them, and where in its source it was read (`B7`).
#[derive(Clone, Copy, Debug)]
pub struct NewScore<'a> {
    pub category: &'a str,
    pub horizon: &'a str,
    pub severity: u8,
    pub note: &'a str,
    pub cell: &'a str,
}

/// The most scores one statement of [`insert_many`] adds.
const ROWS_PER_INSERT: usize = 64;

/// `INSERT INTO impact (…) VALUES (?1, …, ?7), (?8, …), …` for `rows`
/// rows (1 to [`ROWS_PER_INSERT`]), made once.
fn insert_rows_sql(rows: usize) -> &'static str {
    static SQL: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    &SQL.get_or_init(|| (0..=ROWS_PER_INSERT).map(rows_sql).collect())[rows]
}

fn rows_sql(rows: usize) -> String {
    let mut sql = String::with_capacity(120 + rows * 40);
    sql.push_str(
        "INSERT INTO impact (process_id, category_id, horizon_id, severity, note, source_id, cell) VALUES ",
    );
    for r in 0..rows {
        if r > 0 {
            sql.push_str(", ");
        }
        let at = r * 7;
        sql.push_str(&format!(
            "(?{}, ?{}, ?{}, ?{}, ?{}, ?{}, ?{})",
            at + 1,
            at + 2,
            at + 3,
            at + 4,
            at + 5,
            at + 6,
            at + 7
        ));
    }
    sql
}

/// Adds cells of `process` that are not there yet (the caller has checked
/// the ids and the severities), through one statement prepared once; a
/// process new in this edit journals none of them by itself.
pub(super) fn insert_many(
    tx: &mut Tx,
    process: &str,
    source: i64,
    scores: &[NewScore<'_>],
) -> Result<()> {
    // Many rows a statement: SQLite's work per statement, not per row.
    for chunk in scores.chunks(ROWS_PER_INSERT) {
        let mut stmt = tx.conn().prepare_cached(insert_rows_sql(chunk.len()))?;
        for (i, s) in chunk.iter().enumerate() {
            let at = i * 7;
            stmt.raw_bind_parameter(at + 1, process)?;
            stmt.raw_bind_parameter(at + 2, s.category)?;
            stmt.raw_bind_parameter(at + 3, s.horizon)?;
            stmt.raw_bind_parameter(at + 4, s.severity)?;
            stmt.raw_bind_parameter(at + 5, s.note)?;
            stmt.raw_bind_parameter(at + 6, source)?;
            stmt.raw_bind_parameter(at + 7, s.cell)?;
        }
        stmt.raw_execute()?;
    }
    if !tx.is_new(process) {
        for s in scores {
            tx.record_inserted(Table::Impact, key(process, s.category, s.horizon))?;
        }
    }
    Ok(())
}

pub(super) fn rationales(conn: &Connection) -> Result<Vec<(Id, String)>> {
    let rows = conn
        .prepare("SELECT id, impact_rationale FROM process WHERE impact_rationale != ''")?
        .query_map([], |r| Ok((id_col(r, 0)?, r.get(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

fn grid(conn: &Connection, process: Id) -> Result<ProcessImpact> {
    let rationale: String = conn
        .prepare_cached("SELECT impact_rationale FROM process WHERE id = ?1")?
        .query_row([process.to_string()], |r| r.get(0))
        .optional()?
        .ok_or(Error::NoSuchId {
            kind: "process",
            id: process.to_string(),
        })?;
    Ok(ProcessImpact {
        process_id: process,
        rationale,
        scores: of_process(conn, process)?,
    })
}

/// Sets one cell inside an edit under way, checking it against the
/// methodology. A cell with neither severity nor note is removed.
pub(super) fn set_cell(
    tx: &mut Tx,
    process: Id,
    input: &ScoreInput,
    provenance: &Provenance,
) -> Result<()> {
    let conn = tx.conn();
    let known = |sql: &str, id: Id| conn.query_row(sql, [id.to_string()], |_| Ok(())).optional();
    if known(
        "SELECT 1 FROM impact_category WHERE id = ?1",
        input.category_id,
    )?
    .is_none()
    {
        return Err(Error::NoSuchId {
            kind: "impact category",
            id: input.category_id.to_string(),
        });
    }
    if known("SELECT 1 FROM horizon WHERE id = ?1", input.horizon_id)?.is_none() {
        return Err(Error::NoSuchId {
            kind: "horizon",
            id: input.horizon_id.to_string(),
        });
    }
    if let Some(sev) = input.severity {
        let max: u8 = conn
            .prepare_cached("SELECT max(value) FROM severity_level")?
            .query_row([], |r| r.get(0))?;
        if sev > max {
            return Err(Error::Invalid {
                issues: vec![FieldIssue::new(
                    "severity",
                    format!("Severity {sev} is outside the scale; use 0 to {max}."),
                )],
            });
        }
    }
    let (p, c, h) = (
        process.to_string(),
        input.category_id.to_string(),
        input.horizon_id.to_string(),
    );
    let existing: Option<String> = conn
        .prepare_cached(
            "SELECT note FROM impact WHERE process_id = ?1 AND category_id = ?2 AND horizon_id = ?3",
        )?
        .query_row([&p, &c, &h], |r| r.get(0))
        .optional()?;
    let note = input
        .note
        .clone()
        .or_else(|| existing.clone())
        .unwrap_or_default();
    let severity = input
        .severity
        .map_or(Value::Null, |s| Value::Integer(s.into()));
    let cell_key = key(&p, &c, &h);
    match existing {
        Some(_) if input.severity.is_none() && note.trim().is_empty() => {
            tx.delete_row(Table::Impact, &cell_key)
        }
        Some(_) => {
            let (source, cell) = source(tx.conn(), provenance)?;
            tx.update_row(
                Table::Impact,
                &cell_key,
                &[
                    ("severity", severity),
                    ("note", Value::Text(note)),
                    ("source_id", Value::Integer(source)),
                    ("cell", Value::Text(cell)),
                ],
            )
        }
        None if input.severity.is_none() && note.trim().is_empty() => Ok(()),
        None => {
            let (source, cell) = source(tx.conn(), provenance)?;
            tx.insert_row(
                Table::Impact,
                &[
                    ("process_id", Value::Text(p)),
                    ("category_id", Value::Text(c)),
                    ("horizon_id", Value::Text(h)),
                    ("severity", severity),
                    ("note", Value::Text(note)),
                    ("source_id", Value::Integer(source)),
                    ("cell", Value::Text(cell)),
                ],
            )
        }
    }
}

impl Store {
    /// A process's impact grid.
    pub fn process_impact(&self, process: Id) -> Result<ProcessImpact> {
        grid(&self.conn, process)
    }

    /// Sets or clears cells of a process's grid, all as one edit.
    pub fn set_scores(
        &mut self,
        process: Id,
        inputs: &[ScoreInput],
        provenance: &Provenance,
    ) -> Result<ProcessImpact> {
        let name = ensure_unlocked(&self.conn, process)?;
        let label = match inputs {
            [one] if one.severity.is_none() => format!("Clear a score of “{name}”"),
            [_] => format!("Score “{name}”"),
            _ => format!("Score {} cells of “{name}”", inputs.len()),
        };
        journal::edit(self.writable()?, &label, |tx| {
            for input in inputs {
                set_cell(tx, process, input, provenance)?;
            }
            Ok(())
        })?;
        grid(&self.conn, process)
    }

    /// The room's rationale for a process's impact grid.
    pub fn set_impact_rationale(&mut self, process: Id, rationale: &str) -> Result<ProcessImpact> {
        let name = ensure_unlocked(&self.conn, process)?;
        journal::edit(
            self.writable()?,
            &format!("Edit the impact rationale of “{name}”"),
            |tx| {
                tx.update(
                    Table::Process,
                    process,
                    &[(
                        "impact_rationale",
                        Value::Text(rationale.trim().to_string()),
                    )],
                )
            },
        )?;
        grid(&self.conn, process)
    }
}
