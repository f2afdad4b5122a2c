//! The decision log: every change to a process's objectives (MTPD override,
//! RTO, RPO, WRT, MBCO) or to its review status is appended, with the old and
//! new value, the rationale, who and when. Entries are derived here from the
//! rows an edit changed — the same way for an edit, an undo and a redo — so
//! no write can forget to log. The table refuses UPDATE and DELETE
//! (triggers in migration 3): the log is never edited.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Map, Value as Json};

use super::Store;
use super::row::id_col;
use super::table::Table;
use crate::error::Result;
use bia_model::{Decision, Id, IdText, Minutes, ObjectiveField, Objectives, Status};

/// The rationale and the people to record with the decisions of an edit.
#[derive(Clone, Debug, Default)]
pub(crate) struct DecisionContext {
    pub rationale: String,
    /// Blank: the assessment's facilitator.
    pub who: String,
}

type Row = Map<String, Json>;

/// Where an objective taken from a returned questionnaire was read: the
/// decision's rationale ("questionnaire, returned by Sophie Chen on
/// 2026-12-03, 'Accounts payable'!D30").
fn answered(row: &Row, field: ObjectiveField) -> Option<String> {
    let text = row.get("provenance").and_then(Json::as_str)?;
    let provenance: bia_model::Provenance = serde_json::from_str(text).ok()?;
    provenance.questionnaire_source(Some(field.key()))
}

/// Appends the decisions implied by one changed row.
pub(crate) fn derive(
    conn: &Connection,
    table: Table,
    before: Option<&Row>,
    after: Option<&Row>,
    ctx: &DecisionContext,
) -> Result<()> {
    match table {
        // A deleted objective row (its process was deleted) is not a decision.
        Table::Objective => {
            let Some(after) = after else { return Ok(()) };
            let Some(process_id) = after.get("process_id").and_then(Json::as_str) else {
                return Ok(());
            };
            for field in ObjectiveField::ALL {
                // No row before reads as every value unset ("derived" for the MTPD).
                let old = objective_value(before.unwrap_or(&Row::new()), field);
                let new = objective_value(after, field);
                if old != new {
                    let rationale = match (
                        field,
                        after.get("mtpd_override_reason").and_then(Json::as_str),
                    ) {
                        (ObjectiveField::MtpdOverride, Some(reason))
                            if !reason.trim().is_empty() =>
                        {
                            reason.to_string()
                        }
                        _ => answered(after, field).unwrap_or_else(|| ctx.rationale.clone()),
                    };
                    let label = field.label();
                    append(conn, process_id, label, &old, &new, &rationale, &ctx.who)?;
                }
            }
        }
        Table::Process => {
            let (Some(before), Some(after)) = (before, after) else {
                return Ok(());
            };
            let status = |r: &Row| {
                r.get("status")
                    .and_then(Json::as_str)
                    .and_then(Status::parse)
            };
            if let (Some(old), Some(new), Some(id)) = (
                status(before),
                status(after),
                after.get("id").and_then(Json::as_str),
            ) && old != new
            {
                append(
                    conn,
                    id,
                    "Status",
                    status_label(old),
                    status_label(new),
                    &ctx.rationale,
                    &ctx.who,
                )?;
            }
        }
        _ => {}
    }
    Ok(())
}

pub fn status_label(s: Status) -> &'static str {
    match s {
        Status::Draft => "Draft",
        Status::InReview => "In review",
        Status::Approved => "Approved",
    }
}

fn objective_value(row: &Row, field: ObjectiveField) -> String {
    objective_text(
        field,
        row.get(field.column()).and_then(Json::as_u64),
        row.get("rpo_not_applicable").and_then(Json::as_i64) == Some(1),
    )
}

/// How the log shows an objective's `value` (minutes, or the MBCO's
/// percent), the RPO being marked not applicable or not.
fn objective_text(field: ObjectiveField, value: Option<u64>, rpo_not_applicable: bool) -> String {
    if field == ObjectiveField::Rpo && rpo_not_applicable {
        return "not applicable".into();
    }
    match value {
        None if field == ObjectiveField::MtpdOverride => "derived".into(),
        None => "—".into(),
        Some(n) if !field.is_duration() => format!("{n} %"),
        Some(n) => Minutes(n as u32).to_string(),
    }
}

/// Logs the decisions of the objectives `o` of the process `process_id`
/// given a row where it had none, as [`derive`] would from the row read
/// back (an import adds thousands, and reads none of them back).
pub(crate) fn new_objectives(
    conn: &Connection,
    process_id: &str,
    o: &Objectives,
    ctx: &DecisionContext,
) -> Result<()> {
    let mut name: Option<String> = None;
    let mut who: Option<String> = None;
    let at = super::now();
    for field in ObjectiveField::ALL {
        let old = objective_text(field, None, false);
        let new = objective_text(field, field.value(o).map(u64::from), o.rpo_not_applicable);
        if old == new {
            continue;
        }
        let rationale = match field {
            ObjectiveField::MtpdOverride if !o.mtpd_override_reason.trim().is_empty() => {
                o.mtpd_override_reason.as_str()
            }
            _ => ctx.rationale.as_str(),
        };
        if name.is_none() {
            name = Some(process_name(conn, process_id)?);
            who = Some(who_of(conn, &ctx.who)?);
        }
        insert(
            conn,
            process_id,
            name.as_deref().unwrap_or_default(),
            field.label(),
            &old,
            &new,
            rationale,
            who.as_deref().unwrap_or_default(),
            &at,
        )?;
    }
    Ok(())
}

fn append(
    conn: &Connection,
    process_id: &str,
    field: &str,
    old: &str,
    new: &str,
    rationale: &str,
    who: &str,
) -> Result<()> {
    let process_name = process_name(conn, process_id)?;
    let who = who_of(conn, who)?;
    insert(
        conn,
        process_id,
        &process_name,
        field,
        old,
        new,
        rationale,
        &who,
        &super::now(),
    )
}

/// The name of the process `process_id`, or a mark that it is gone.
fn process_name(conn: &Connection, process_id: &str) -> Result<String> {
    Ok(conn
        .prepare_cached("SELECT name FROM process WHERE id = ?1")?
        .query_row([process_id], |r| r.get(0))
        .optional()?
        .unwrap_or_else(|| "(deleted process)".into()))
}

/// Who decided: `who`, or when blank the assessment's facilitator.
fn who_of(conn: &Connection, who: &str) -> Result<String> {
    if who.trim().is_empty() {
        Ok(conn
            .prepare_cached("SELECT facilitator FROM assessment LIMIT 1")?
            .query_row([], |r| r.get::<_, String>(0))?)
    } else {
        Ok(who.trim().to_string())
    }
}

#[allow(clippy::too_many_arguments)]
fn insert(
    conn: &Connection,
    process_id: &str,
    process_name: &str,
    field: &str,
    old: &str,
    new: &str,
    rationale: &str,
    who: &str,
    at: &str,
) -> Result<()> {
    let mut id: IdText = [0; 36];
    conn.prepare_cached(
        "INSERT INTO decision (id, process_id, process_name, field, old_value, new_value, rationale, who, at, workshop)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,
                 coalesce((SELECT title || ', ' || date FROM workshop WHERE status = 'running'), ''))",
    )?
    .execute(params![
        Id::new().text(&mut id),
        process_id,
        process_name,
        field,
        old,
        new,
        rationale.trim(),
        who,
        at
    ])?;
    Ok(())
}

pub(super) fn list(conn: &Connection, process: Option<Id>) -> Result<Vec<Decision>> {
    let sql = "SELECT id, process_id, process_name, field, old_value, new_value, rationale, who, at, workshop FROM decision
               WHERE ?1 IS NULL OR process_id = ?1 ORDER BY at, rowid";
    let decisions = conn
        .prepare(sql)?
        .query_map([process.map(|p| p.to_string())], |r| {
            Ok(Decision {
                id: id_col(r, 0)?,
                process_id: id_col(r, 1)?,
                process_name: r.get(2)?,
                field: r.get(3)?,
                old_value: r.get(4)?,
                new_value: r.get(5)?,
                rationale: r.get(6)?,
                who: r.get(7)?,
                at: r.get(8)?,
                workshop: r.get(9)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(decisions)
}

impl Store {
    /// The decision log, oldest first: of one process, or of all.
    pub fn decisions(&self, process: Option<Id>) -> Result<Vec<Decision>> {
        list(&self.conn, process)
    }
}
