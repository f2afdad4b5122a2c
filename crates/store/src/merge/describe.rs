//! A merge's changes and conflicts in the words of the screens: what
//! (area), whose (subject), which field, and the values as a person
//! reads them ("4 h", not 240).

use rusqlite::{Connection, OptionalExtension};
use serde_json::Value as Json;

use super::engine::Applied;
use crate::error::{Error, Result};
use crate::journal::{Row, Table, snapshot};
use bia_model::{Conflict, ConflictKind, Id, MergedChange, MergedKind, Minutes, Resolution};

pub(super) fn applied(mine: &Connection, theirs: &Connection, a: &Applied) -> Result<MergedChange> {
    let conns = [mine, theirs];
    let what = match (&a.before, &a.after) {
        (None, _) => MergedKind::Added,
        (_, None) => MergedKind::Removed,
        _ => MergedKind::Changed,
    };
    let whole = a.col.is_empty();
    Ok(MergedChange {
        what,
        area: area(a.table).to_string(),
        subject: subject(&conns, a.table, &a.row)?,
        field: if whole {
            String::new()
        } else {
            field(&conns, a.table, &a.col, &a.row)?
        },
        before: if whole {
            String::new()
        } else {
            value(&conns, &a.col, a.before.as_ref())?
        },
        after: if whole {
            String::new()
        } else {
            value(&conns, &a.col, a.after.as_ref())?
        },
    })
}

/// A stored conflict as shown (names looked up here, then in the copy).
pub(super) fn conflict_by_id(
    mine: &Connection,
    theirs: Option<&Connection>,
    id: Id,
) -> Result<Conflict> {
    let row = mine
        .query_row(
            "SELECT kind, table_name, row_key, col, mine, theirs, base, from_holder, found_at, \
             resolution, resolved_value, resolved_by, resolved_at FROM conflict WHERE id = ?1",
            [id.to_string()],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, String>(8)?,
                    r.get::<_, String>(9)?,
                    r.get::<_, Option<String>>(10)?,
                    r.get::<_, String>(11)?,
                    r.get::<_, String>(12)?,
                ))
            },
        )
        .optional()?
        .ok_or_else(|| Error::UnknownConflict { id: id.to_string() })?;
    let (kind, table, key, col, m, t, base, holder, found, resolution, resolved, by, at) = row;
    let kind = ConflictKind::parse(&kind).unwrap_or(ConflictKind::Field);
    let table = Table::parse(&table)?;
    let json = |s: Option<String>| s.and_then(|s| serde_json::from_str::<Json>(&s).ok());
    let (m, t, base, resolved) = (json(m), json(t), json(base), json(resolved));
    let conns: Vec<&Connection> = std::iter::once(mine).chain(theirs).collect();
    // The row to name: here, else as kept by the conflict.
    let row = snapshot(mine, table, &key)?
        .or_else(|| {
            [&t, &m]
                .into_iter()
                .flatten()
                .find_map(|v| v.get("row").unwrap_or(v).as_object().cloned())
        })
        .unwrap_or_default();
    let conns = conns.as_slice();
    let (mine_text, theirs_text) = match kind {
        ConflictKind::Field => (
            value(conns, &col, m.as_ref())?,
            value(conns, &col, t.as_ref())?,
        ),
        ConflictKind::EditedDeleted => ("changed here".into(), "deleted in the copy".into()),
        ConflictKind::DeletedEdited => ("deleted here".into(), "changed in the copy".into()),
        ConflictKind::SameName => (
            "added here".into(),
            "added in the copy under the same name".into(),
        ),
    };
    let resolution = Resolution::parse(&resolution);
    Ok(Conflict {
        id,
        kind,
        area: area(table).into(),
        subject: subject(conns, table, &row)?,
        field: if col.is_empty() {
            String::new()
        } else {
            field(conns, table, &col, &row)?
        },
        mine: mine_text,
        theirs: theirs_text,
        base: match kind {
            ConflictKind::Field => base
                .as_ref()
                .map(|b| value(conns, &col, Some(b)))
                .transpose()?
                .unwrap_or_default(),
            _ => String::new(),
        },
        from_holder: holder,
        found_at: found,
        typeable: kind == ConflictKind::Field && typeable(&col),
        resolution,
        resolved_value: match (kind, resolution) {
            (ConflictKind::Field, Some(_)) => value(conns, &col, resolved.as_ref())?,
            (_, Some(r)) => r.as_str().into(),
            _ => String::new(),
        },
        resolved_by: by,
        resolved_at: at,
    })
}

/// Whether a value may be typed for the field `col`.
pub(super) fn typeable(col: &str) -> bool {
    !(col.ends_with("_id")
        || matches!(
            col,
            "kind" | "status" | "redundancy" | "strength" | "from_kind" | "to_kind" | "position"
        ))
}

fn area(table: Table) -> &'static str {
    match table {
        Table::Assessment => "Assessment",
        Table::ImpactCategory
        | Table::SeverityLevel
        | Table::LevelDefinition
        | Table::Horizon
        | Table::Tier => "Methodology",
        Table::Unit => "Unit",
        Table::Process => "Process",
        Table::ProcessCustomField | Table::ResourceCustomField => "Custom field",
        Table::Impact => "Impact",
        Table::Objective => "Objectives",
        Table::Resource => "Resource",
        Table::Dependency => "Dependency",
        Table::Workshop => "Workshop",
        Table::WorkshopParticipant => "Participant",
        Table::AgendaItem => "Agenda",
        Table::Signoff => "Sign-off",
        Table::Action => "Action",
        Table::Questionnaire => "Questionnaire",
        Table::Copy | Table::Stamp | Table::Conflict => "Copies",
    }
}

/// A column of the row with this id in `table`, looked up here, then in
/// the copy.
fn lookup(conns: &[&Connection], table: &str, col: &str, id: &str) -> Result<Option<String>> {
    for conn in conns {
        let found: Option<String> = conn
            .prepare_cached(&format!("SELECT {col} FROM {table} WHERE id = ?1"))?
            .query_row([id], |r| r.get(0))
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

fn text<'r>(row: &'r Row, col: &str) -> &'r str {
    row.get(col).and_then(Json::as_str).unwrap_or("")
}

/// Whose row it is: a process's, a resource's, a unit's name, "A → B".
fn subject(conns: &[&Connection], table: Table, row: &Row) -> Result<String> {
    let name = |t: &str, id: &str| -> Result<String> {
        Ok(lookup(conns, t, "name", id)?.unwrap_or_default())
    };
    Ok(match table {
        Table::Process | Table::Unit | Table::Resource | Table::ImpactCategory => {
            text(row, "name").to_string()
        }
        Table::Impact | Table::Objective | Table::ProcessCustomField | Table::Signoff => {
            name("process", text(row, "process_id"))?
        }
        Table::ResourceCustomField => name("resource", text(row, "resource_id"))?,
        Table::Dependency => {
            let end = |kind: &str, id: &str| {
                name(
                    if kind == "resource" {
                        "resource"
                    } else {
                        "process"
                    },
                    id,
                )
            };
            format!(
                "{} → {}",
                end(text(row, "from_kind"), text(row, "from_id"))?,
                end(text(row, "to_kind"), text(row, "to_id"))?
            )
        }
        Table::Workshop => text(row, "title").to_string(),
        Table::WorkshopParticipant => text(row, "name").to_string(),
        Table::AgendaItem => format!(
            "{} in {}",
            name("process", text(row, "process_id"))?,
            lookup(conns, "workshop", "title", text(row, "workshop_id"))?.unwrap_or_default()
        ),
        Table::Action => text(row, "text").to_string(),
        Table::Questionnaire => text(row, "recipient").to_string(),
        Table::SeverityLevel | Table::Horizon | Table::Tier => {
            [text(row, "name"), text(row, "label")].concat()
        }
        Table::LevelDefinition => format!(
            "{} level {}",
            name("impact_category", text(row, "category_id"))?,
            row.get("level").and_then(Json::as_i64).unwrap_or(0)
        ),
        Table::Assessment => text(row, "name").to_string(),
        Table::Copy | Table::Stamp | Table::Conflict => String::new(),
    })
}

/// The field in the words of the screens.
fn field(conns: &[&Connection], table: Table, col: &str, row: &Row) -> Result<String> {
    if table == Table::Impact {
        let category =
            lookup(conns, "impact_category", "name", text(row, "category_id"))?.unwrap_or_default();
        let horizon =
            lookup(conns, "horizon", "label", text(row, "horizon_id"))?.unwrap_or_default();
        return Ok(match col {
            "note" => format!("Note on {category} at {horizon}"),
            _ => format!("{category} at {horizon}"),
        });
    }
    if matches!(
        table,
        Table::ProcessCustomField | Table::ResourceCustomField
    ) && col == "value"
    {
        return Ok(text(row, "name").to_string());
    }
    Ok(match col {
        "rto_minutes" => "RTO".into(),
        "rpo_minutes" => "RPO".into(),
        "rpo_not_applicable" => "RPO not applicable".into(),
        "wrt_minutes" => "WRT".into(),
        "mbco_percent" => "MBCO".into(),
        "mtpd_override_minutes" => "MTPD override".into(),
        "mtpd_override_reason" => "Reason for the MTPD override".into(),
        "rto_capability_minutes" => "RTO capability".into(),
        "rpo_capability_minutes" => "RPO capability".into(),
        "contractual_recovery_minutes" => "Contractual recovery".into(),
        "unit_id" => "Unit".into(),
        "parent_id" => "Parent unit".into(),
        "impact_rationale" => "Impact rationale".into(),
        "claimed_tier" => "Claimed tier".into(),
        other => {
            let words = other.replace('_', " ");
            let mut chars = words.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
    })
}

/// A value as a person reads it.
fn value(conns: &[&Connection], col: &str, v: Option<&Json>) -> Result<String> {
    let Some(v) = v else {
        return Ok("—".into());
    };
    Ok(match v {
        Json::Null => "—".into(),
        Json::Number(n) if col.ends_with("_minutes") => n
            .as_u64()
            .and_then(|m| u32::try_from(m).ok())
            .map(|m| Minutes(m).to_string())
            .unwrap_or_else(|| n.to_string()),
        Json::Number(n) if col == "mbco_percent" => format!("{n} %"),
        Json::Number(n) if col == "rpo_not_applicable" || col == "present" => {
            if n.as_i64() == Some(1) { "yes" } else { "no" }.into()
        }
        Json::String(s) if col == "unit_id" || col == "parent_id" => {
            lookup(conns, "unit", "name", s)?.unwrap_or_else(|| s.clone())
        }
        Json::String(s) if s.is_empty() => "(blank)".into(),
        Json::String(s) if matches!(col, "status" | "kind" | "redundancy" | "strength") => {
            s.replace('_', " ")
        }
        Json::String(s) => s.clone(),
        other => other.to_string(),
    })
}
