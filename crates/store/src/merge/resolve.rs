//! Resolving a conflict: this file's value kept, the copy's taken, a
//! value typed then, or (a row added on both sides under one name) both
//! kept. One edit each, in the journal; the resolution is recorded in the
//! conflict, with who and when, and stamped so that the copy takes it when
//! it merges this file in turn.

use rusqlite::Connection;
use rusqlite::types::Value;
use serde_json::Value as Json;

use super::rows::{add_kept, delete_with_dependents, distinct_name};
use super::stamps;
use crate::error::{Error, Result};
use crate::journal::{self, Table, snapshot, to_value};
use bia_model::{Conflict, ConflictKind, FieldIssue, Minutes, Resolution, ResolveInput};

struct Stored {
    kind: ConflictKind,
    table: Table,
    key: String,
    col: String,
    mine: Option<Json>,
    theirs: Option<Json>,
    theirs_copy: String,
    theirs_counter: i64,
    holder: String,
    resolution: String,
}

fn read(conn: &Connection, id: &str) -> Result<Stored> {
    let text = |s: Option<String>| s.and_then(|t| serde_json::from_str(&t).ok());
    conn.query_row(
        "SELECT kind, table_name, row_key, col, mine, theirs, theirs_copy, theirs_counter, \
         from_holder, resolution FROM conflict WHERE id = ?1",
        [id],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                Stored {
                    kind: ConflictKind::Field,
                    table: Table::Conflict,
                    key: r.get(2)?,
                    col: r.get(3)?,
                    mine: text(r.get(4)?),
                    theirs: text(r.get(5)?),
                    theirs_copy: r.get(6)?,
                    theirs_counter: r.get(7)?,
                    holder: r.get(8)?,
                    resolution: r.get(9)?,
                },
            ))
        },
    )
    .map_err(Into::into)
    .and_then(|(kind, table, stored)| {
        Ok(Stored {
            kind: ConflictKind::parse(&kind).unwrap_or(ConflictKind::Field),
            table: Table::parse(&table)?,
            ..stored
        })
    })
}

fn invalid(field: &str, message: impl Into<String>) -> Error {
    Error::Invalid {
        issues: vec![FieldIssue::new(field, message.into())],
    }
}

pub(super) fn resolve(conn: &mut Connection, input: &ResolveInput, shown: &Conflict) -> Result<()> {
    let id = input.id.to_string();
    let c = read(conn, &id)?;
    if !c.resolution.is_empty() {
        return Err(invalid(
            "resolution",
            format!(
                "This conflict is already resolved ({}); undo to resolve it again.",
                shown.resolved_value
            ),
        ));
    }
    let what = match shown.field.as_str() {
        "" => format!("{} “{}”", shown.area, shown.subject),
        field => format!("{field} of “{}”", shown.subject),
    };
    let label = match input.resolution {
        Resolution::Mine => format!("Keep this file's {what}"),
        Resolution::Theirs => format!("Take {what} from {}", c.holder),
        Resolution::Typed => format!("Set {what} (conflict)"),
        Resolution::Both => format!("Keep both of {what}"),
        Resolution::Same => format!("Make {what} one"),
    };
    // A row of the same name: this file's is the one the conflict kept.
    let mine_key = c
        .mine
        .as_ref()
        .and_then(|m| m.get("id"))
        .and_then(Json::as_str)
        .map(str::to_string);
    journal::edit(conn, &label, |tx| {
        // A merge like an import names the file (and has no count of it).
        tx.decision.rationale = match c.theirs_counter {
            0 => format!("Conflict with {} resolved", c.holder),
            _ => format!("Conflict with the copy held by {} resolved", c.holder),
        };
        let resolved: Option<Json> = match (c.kind, input.resolution) {
            (ConflictKind::Field, Resolution::Mine) => {
                stamps::touch(tx.conn(), c.table, &c.key, &c.col)?;
                current(tx.conn(), &c)?
            }
            (ConflictKind::Field, Resolution::Theirs) => {
                let v = c.theirs.clone().unwrap_or(Json::Null);
                set(tx, &c, &v)?;
                Some(v)
            }
            (ConflictKind::Field, Resolution::Typed) => {
                let text = input.value.as_deref().unwrap_or("");
                let v = typed(&c.col, text)?;
                set(tx, &c, &v)?;
                Some(v)
            }
            (ConflictKind::EditedDeleted, Resolution::Mine)
            | (ConflictKind::DeletedEdited, Resolution::Mine) => {
                stamps::touch(tx.conn(), c.table, &c.key, "")?;
                None
            }
            (ConflictKind::EditedDeleted, Resolution::Theirs) => {
                if snapshot(tx.conn(), c.table, &c.key)?.is_some() {
                    delete_with_dependents(tx, c.table, &c.key)?;
                }
                None
            }
            (ConflictKind::DeletedEdited, Resolution::Theirs) => {
                if let Some(kept) = &c.theirs {
                    add_kept(tx, c.table, kept, None)?;
                }
                None
            }
            (ConflictKind::SameName, Resolution::Mine) => {
                // The copy's row is not wanted: deleted, as the copy will
                // see when it merges this file.
                stamps::touch(tx.conn(), c.table, &c.key, "")?;
                None
            }
            (ConflictKind::SameName, Resolution::Both) => {
                if let Some(kept) = &c.theirs {
                    let row = kept
                        .get("row")
                        .and_then(Json::as_object)
                        .cloned()
                        .unwrap_or_default();
                    let name = distinct_name(tx.conn(), c.table, &row, &c.holder)?;
                    add_kept(tx, c.table, kept, Some(&name))?;
                }
                None
            }
            (ConflictKind::SameName, Resolution::Same) if c.table == Table::Process => {
                let mine = mine_key.clone().unwrap_or_default();
                if let Some(kept) = &c.theirs {
                    let differs = super::same::merge_processes(tx, &mine, kept)?;
                    let stamp = super::stamps::Stamp {
                        copy: c.theirs_copy.clone(),
                        counter: c.theirs_counter,
                    };
                    for cols in super::same::differing_conflicts(differs, &stamp, &c.holder) {
                        tx.insert(Table::Conflict, bia_model::Id::new(), &cols)?;
                    }
                }
                None
            }
            (_, Resolution::Same) => {
                return Err(invalid(
                    "resolution",
                    "Only two processes added under one name can be made one.",
                ));
            }
            (ConflictKind::SameName, Resolution::Theirs) => {
                return Err(invalid(
                    "resolution",
                    "Two rows of the same name cannot both stay under it: keep this file's, or keep both (the copy's is renamed).",
                ));
            }
            (_, Resolution::Typed) => {
                return Err(invalid("resolution", "Only a field's value can be typed."));
            }
            (_, Resolution::Both) => {
                return Err(invalid(
                    "resolution",
                    "Keeping both is for a row added on both sides under the same name.",
                ));
            }
        };
        let who: String =
            tx.conn()
                .query_row("SELECT facilitator FROM assessment LIMIT 1", [], |r| {
                    r.get(0)
                })?;
        tx.update_row(
            Table::Conflict,
            &id,
            &[
                ("resolution", Value::Text(input.resolution.as_str().into())),
                (
                    "resolved_value",
                    resolved
                        .map(|v| Value::Text(v.to_string()))
                        .unwrap_or(Value::Null),
                ),
                ("resolved_by", Value::Text(who)),
                ("resolved_at", Value::Text(crate::now())),
            ],
        )
    })
}

fn current(conn: &Connection, c: &Stored) -> Result<Option<Json>> {
    Ok(snapshot(conn, c.table, &c.key)?.and_then(|r| r.get(&c.col).cloned()))
}

/// Sets the conflict's field (and a name's key with it).
fn set(tx: &mut journal::Tx, c: &Stored, v: &Json) -> Result<()> {
    if snapshot(tx.conn(), c.table, &c.key)?.is_none() {
        return Err(invalid(
            "resolution",
            "The row this conflict is about is no longer here.",
        ));
    }
    let mut cols = vec![(c.col.as_str(), to_value(v)?)];
    if c.col == "name"
        && let Some(name) = v.as_str()
    {
        cols.push(("name_key", Value::Text(bia_model::name_key(name))));
    }
    tx.update_row(c.table, &c.key, &cols).map_err(|e| match e {
        Error::Sqlite(rusqlite::Error::SqliteFailure(_, Some(m))) => invalid("value", m),
        other => other,
    })
}

/// A typed value, read as the field's own form reads it.
fn typed(col: &str, text: &str) -> Result<Json> {
    let text = text.trim();
    if col.ends_with("_minutes") {
        return match bia_model::duration::parse_optional(text) {
            Ok(Some(Minutes(m))) => Ok(Json::from(m)),
            Ok(None) => Ok(Json::Null),
            Err(e) => Err(invalid("value", e.to_string())),
        };
    }
    let number = |max: i64| -> Result<Json> {
        if text.is_empty() {
            return Ok(Json::Null);
        }
        match text.trim_end_matches('%').trim().parse::<i64>() {
            Ok(n) if (0..=max).contains(&n) => Ok(Json::from(n)),
            _ => Err(invalid(
                "value",
                format!("Type a whole number from 0 to {max}."),
            )),
        }
    };
    match col {
        "severity" => number(10),
        "mbco_percent" => number(100),
        "minimum_staff" | "threshold" | "level" | "value" | "rank" => number(100_000),
        "rpo_not_applicable" | "present" => match text.to_lowercase().as_str() {
            "yes" | "y" | "1" | "true" => Ok(Json::from(1)),
            "no" | "n" | "0" | "false" | "" => Ok(Json::from(0)),
            _ => Err(invalid("value", "Type yes or no.")),
        },
        _ => Ok(Json::from(text)),
    }
}
