//! Organisational units: list, create, rename or move, delete.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

use super::Store;
use super::journal::{self, Table, Tx};
use super::row::{id_col, opt_id};
use crate::error::{Error, Result};
use bia_model::{FieldIssue, Id, Unit, UnitInput, name_key};

pub(super) fn list(conn: &Connection) -> Result<Vec<Unit>> {
    let units = conn
        .prepare("SELECT id, name, parent_id FROM unit ORDER BY name_key")?
        .query_map([], |r| {
            Ok(Unit {
                id: id_col(r, 0)?,
                name: r.get(1)?,
                parent_id: r.get::<_, Option<String>>(2)?.and_then(|s| s.parse().ok()),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(units)
}

pub(super) fn by_name(conn: &Connection, name: &str) -> Result<Option<Unit>> {
    let unit = conn
        .prepare_cached("SELECT id, name, parent_id FROM unit WHERE name_key = ?1")?
        .query_row([name_key(name)], |r| {
            Ok(Unit {
                id: id_col(r, 0)?,
                name: r.get(1)?,
                parent_id: r.get::<_, Option<String>>(2)?.and_then(|s| s.parse().ok()),
            })
        })
        .optional()?;
    Ok(unit)
}

fn get(conn: &Connection, id: Id) -> Result<Unit> {
    list(conn)?
        .into_iter()
        .find(|u| u.id == id)
        .ok_or(Error::NoSuchId {
            kind: "unit",
            id: id.to_string(),
        })
}

/// Checks a unit input against the units already stored (`id`: the unit
/// being changed, if any).
fn check(conn: &Connection, input: &UnitInput, id: Option<Id>) -> Result<String> {
    let name = input.name.to_string();
    if name.is_empty() {
        return Err(Error::Invalid {
            issues: vec![FieldIssue::new("name", "A unit needs a name.")],
        });
    }
    if let Some(existing) = by_name(conn, &name)?
        && Some(existing.id) != id
    {
        return Err(Error::DuplicateUnit {
            name,
            existing: existing.id,
        });
    }
    if let Some(parent) = input.parent_id {
        let units = list(conn)?;
        // Walk up from the new parent: meeting the unit itself is a cycle.
        let mut cursor = Some(parent);
        while let Some(at) = cursor {
            if Some(at) == id {
                return Err(Error::UnitCycle { name });
            }
            cursor = units
                .iter()
                .find(|u| u.id == at)
                .ok_or(Error::NoSuchId {
                    kind: "unit",
                    id: at.to_string(),
                })?
                .parent_id;
        }
    }
    Ok(name)
}

/// Inserts a unit inside an edit already under way (used when a process
/// names a unit that does not exist yet).
pub(super) fn insert(tx: &mut Tx, input: &UnitInput) -> Result<Unit> {
    let name = check(tx.conn(), input, None)?;
    let id = Id::new();
    tx.insert(
        Table::Unit,
        id,
        &[
            ("name", Value::Text(name.clone())),
            ("name_key", Value::Text(name_key(&name))),
            ("parent_id", opt_id(input.parent_id)),
        ],
    )?;
    Ok(Unit {
        id,
        name,
        parent_id: input.parent_id,
    })
}

impl Store {
    /// All units, by name.
    pub fn units(&self) -> Result<Vec<Unit>> {
        list(&self.conn)
    }

    /// The unit with this name (compared trimmed and case-folded).
    pub fn unit_by_name(&self, name: &str) -> Result<Option<Unit>> {
        by_name(&self.conn, name)
    }

    pub fn create_unit(&mut self, input: &UnitInput) -> Result<Unit> {
        let label = format!("Add unit “{}”", input.name);
        journal::edit(self.writable()?, &label, |tx| insert(tx, input))
    }

    /// Renames a unit or moves it under another parent.
    pub fn update_unit(&mut self, id: Id, input: &UnitInput) -> Result<Unit> {
        let old = get(&self.conn, id)?;
        let name = check(&self.conn, input, Some(id))?;
        let label = if old.name != name {
            format!("Rename unit “{}” to “{name}”", old.name)
        } else {
            format!("Edit unit “{name}”")
        };
        journal::edit(self.writable()?, &label, |tx| {
            tx.update(
                Table::Unit,
                id,
                &[
                    ("name", Value::Text(name.clone())),
                    ("name_key", Value::Text(name_key(&name))),
                    ("parent_id", opt_id(input.parent_id)),
                ],
            )
        })?;
        get(&self.conn, id)
    }

    /// Deletes an empty unit; one that still holds processes or sub-units
    /// is refused.
    pub fn delete_unit(&mut self, id: Id) -> Result<()> {
        let unit = get(&self.conn, id)?;
        let count = |sql: &str| {
            self.conn
                .query_row(sql, [id.to_string()], |r| r.get::<_, i64>(0))
        };
        let processes = count("SELECT count(*) FROM process WHERE unit_id = ?1")? as usize;
        let units = count("SELECT count(*) FROM unit WHERE parent_id = ?1")? as usize;
        if processes > 0 || units > 0 {
            return Err(Error::UnitInUse {
                name: unit.name,
                processes,
                units,
            });
        }
        journal::edit(
            self.writable()?,
            &format!("Delete unit “{}”", unit.name),
            |tx| tx.delete(Table::Unit, id),
        )
    }
}
