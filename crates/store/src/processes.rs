//! Business processes and their custom fields: list, check, create, change,
//! delete. Names are unique after trimming and case-folding.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row};

use super::Store;
use super::journal::{self, Table, Tx};
use super::row::{id_col, opt_id};
use crate::error::{Error, Result};
use bia_model::{
    CustomField, FieldIssue, Id, IdText, Process, ProcessInput, Provenance, Status, UnitInput,
    clean_name, name_key,
};

const COLUMNS: &str = "id, name, unit_id, owner, description, peak_periods, minimum_staff, workaround, notes, \
                       status, provenance, created_at, updated_at, claimed_tier";

fn from_row(r: &Row) -> rusqlite::Result<Process> {
    let (mut process, provenance) = unparsed(r)?;
    process.provenance = parse_provenance(&provenance);
    Ok(process)
}

/// A process as stored, and its provenance as the JSON text stored (left
/// to the caller to parse: see [`parse_provenances`]).
fn unparsed(r: &Row) -> rusqlite::Result<(Process, String)> {
    let status: String = r.get(9)?;
    let provenance: String = r.get(10)?;
    let process = Process {
        id: id_col(r, 0)?,
        name: r.get(1)?,
        unit_id: r.get::<_, Option<String>>(2)?.and_then(|s| s.parse().ok()),
        owner: r.get(3)?,
        description: r.get(4)?,
        peak_periods: r.get(5)?,
        minimum_staff: r.get(6)?,
        workaround: r.get(7)?,
        notes: r.get(8)?,
        claimed_tier: r.get(13)?,
        status: Status::parse(&status).unwrap_or_default(),
        custom_fields: Vec::new(),
        provenance: Provenance::default(),
        created_at: r.get(11)?,
        updated_at: r.get(12)?,
    };
    Ok((process, provenance))
}

fn parse_provenance(text: &str) -> Provenance {
    serde_json::from_str(text).unwrap_or_default()
}

/// The provenances [`list_unparsed`] left as text, in the same order.
pub(super) fn parse_provenances(texts: &[String]) -> Vec<Provenance> {
    texts.iter().map(|t| parse_provenance(t)).collect()
}

fn custom_fields(conn: &Connection, id: Id) -> Result<Vec<(Id, CustomField)>> {
    super::custom_fields::read(conn, Table::ProcessCustomField, "process_id", id)
}

pub(super) fn write_custom_fields(tx: &mut Tx, process: Id, fields: &[CustomField]) -> Result<()> {
    super::custom_fields::write(tx, Table::ProcessCustomField, "process_id", process, fields)
}

fn list(conn: &Connection) -> Result<Vec<Process>> {
    let (mut processes, provenances) = list_unparsed(conn)?;
    for (p, provenance) in processes.iter_mut().zip(parse_provenances(&provenances)) {
        p.provenance = provenance;
    }
    Ok(processes)
}

/// Every process, by name, and each one's provenance as the JSON text
/// stored: parsing them is half the time of reading 10,000 processes, which
/// a caller with work of its own (see `Store::load`) does on another core.
pub(super) fn list_unparsed(conn: &Connection) -> Result<(Vec<Process>, Vec<String>)> {
    let (mut processes, provenances): (Vec<Process>, Vec<String>) = conn
        .prepare(&format!("SELECT {COLUMNS} FROM process ORDER BY name_key"))?
        .query_map([], unparsed)?
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .unzip();
    // Every process's fields in one read (in order), not one query each.
    let mut fields: rustc_hash::FxHashMap<Id, Vec<CustomField>> = Default::default();
    let mut stmt = conn.prepare_cached(
        "SELECT process_id, name, value FROM process_custom_field ORDER BY process_id, position",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        fields.entry(id_col(r, 0)?).or_default().push(CustomField {
            name: r.get(1)?,
            value: r.get(2)?,
        });
    }
    for p in &mut processes {
        p.custom_fields = fields.remove(&p.id).unwrap_or_default();
    }
    Ok((processes, provenances))
}

fn get(conn: &Connection, id: Id) -> Result<Process> {
    let mut p = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM process WHERE id = ?1"),
            [id.to_string()],
            from_row,
        )
        .optional()?
        .ok_or(Error::NoSuchId {
            kind: "process",
            id: id.to_string(),
        })?;
    p.custom_fields = custom_fields(conn, id)?
        .into_iter()
        .map(|(_, f)| f)
        .collect();
    Ok(p)
}

pub(super) fn by_name(conn: &Connection, name: &str) -> Result<Option<Id>> {
    let id = conn
        .prepare_cached("SELECT id FROM process WHERE name_key = ?1")?
        .query_row([name_key(name)], |r| id_col(r, 0))
        .optional()?;
    Ok(id)
}

/// Every problem with `input` (for the process `id`, when it is a change),
/// including a name another process already has and a unit that is gone.
fn issues(conn: &Connection, input: &ProcessInput, id: Option<Id>) -> Result<Vec<FieldIssue>> {
    issues_in(conn, input, input.unit_id, id)
}

/// [`issues`] of `input` placed in `unit` (whatever its own `unit_id`).
fn issues_in(
    conn: &Connection,
    input: &ProcessInput,
    unit: Option<Id>,
    id: Option<Id>,
) -> Result<Vec<FieldIssue>> {
    let mut issues = input.issues();
    if let Some(existing) = by_name(conn, &input.name)?
        && Some(existing) != id
    {
        issues.push(FieldIssue::new(
            "name",
            format!("A process named \"{}\" already exists.", input.name),
        ));
    }
    if let Some(unit) = unit {
        let found: Option<i64> = conn
            .prepare_cached("SELECT 1 FROM unit WHERE id = ?1")?
            .query_row([unit.to_string()], |r| r.get(0))
            .optional()?;
        if found.is_none() {
            issues.push(FieldIssue::new("unit_id", "That unit no longer exists."));
        }
    }
    Ok(issues)
}

/// Turns the issues of an input into the error a write returns.
pub(super) fn refuse(conn: &Connection, input: &ProcessInput, id: Option<Id>) -> Result<()> {
    refuse_in(conn, input, input.unit_id, id)
}

/// [`refuse`] for `input` placed in `unit`.
fn refuse_in(
    conn: &Connection,
    input: &ProcessInput,
    unit: Option<Id>,
    id: Option<Id>,
) -> Result<()> {
    let found = issues_in(conn, input, unit, id)?;
    if found.is_empty() {
        return Ok(());
    }
    if let Some(existing) = by_name(conn, &input.name)?
        && Some(existing) != id
        && found.len() == 1
    {
        return Err(Error::DuplicateProcess {
            name: input.name.to_string(),
            existing,
        });
    }
    Err(Error::Invalid { issues: found })
}

/// An input as it would be stored (for comparing two inputs).
fn clean(input: &ProcessInput) -> Vec<(&'static str, Value)> {
    let mut values = field_values(input);
    let fields: Vec<_> = input
        .custom_fields
        .iter()
        .map(|f| (clean_name(&f.name), f.value.clone()))
        .collect();
    values.push(("custom_fields", Value::Text(format!("{fields:?}"))));
    values
}

/// Refuses changes to an approved process; returns its name otherwise.
pub(super) fn ensure_unlocked(conn: &Connection, id: Id) -> Result<String> {
    let (name, status): (String, String) = conn
        .prepare_cached("SELECT name, status FROM process WHERE id = ?1")?
        .query_row([id.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or(Error::NoSuchId {
            kind: "process",
            id: id.to_string(),
        })?;
    if Status::parse(&status) == Some(Status::Approved) {
        return Err(Error::ProcessLocked { name });
    }
    Ok(name)
}

pub(super) fn field_values(input: &ProcessInput) -> Vec<(&'static str, Value)> {
    let text = |s: &str| Value::Text(s.trim().to_string());
    vec![
        ("name_key", Value::Text(input.name.key())),
        ("name", Value::Text(input.name.to_string())),
        ("unit_id", opt_id(input.unit_id)),
        ("owner", text(&input.owner)),
        ("description", text(&input.description)),
        ("peak_periods", text(&input.peak_periods)),
        (
            "minimum_staff",
            input
                .minimum_staff
                .map_or(Value::Null, |n| Value::Integer(n.into())),
        ),
        ("workaround", text(&input.workaround)),
        ("notes", text(&input.notes)),
        ("claimed_tier", text(&input.claimed_tier)),
        ("status", Value::Text(input.status.as_str().to_string())),
    ]
}

pub(super) fn insert(tx: &mut Tx, input: &ProcessInput, provenance: &Provenance) -> Result<Id> {
    insert_in(tx, input, input.unit_id, provenance)
}

/// The columns [`field_values`] gives, in its order, then the rest a new
/// row has (a test holds the two lists together).
const INSERT: &str = "INSERT INTO process (id, name_key, name, unit_id, owner, description, peak_periods, \
                      minimum_staff, workaround, notes, claimed_tier, status, provenance, created_at, \
                      updated_at) \
                      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)";

/// Adds `input` as a new process in `unit` (whatever its own `unit_id`),
/// with its custom fields, through statements kept prepared and its
/// values bound in place (an import adds thousands).
pub(super) fn insert_in(
    tx: &mut Tx,
    input: &ProcessInput,
    unit: Option<Id>,
    provenance: &Provenance,
) -> Result<Id> {
    refuse_in(tx.conn(), input, unit, None)?;
    let id = Id::new();
    let key = id.to_string();
    let mut unit_text: IdText = [0; 36];
    let unit_id = unit.as_ref().map(|u| u.text(&mut unit_text));
    let provenance = serde_json::to_string(provenance).unwrap_or_default();
    tx.insert_new(
        Table::Process,
        INSERT,
        key.clone(),
        rusqlite::params![
            key,
            input.name.key(),
            input.name.as_str(),
            unit_id,
            input.owner.trim(),
            input.description.trim(),
            input.peak_periods.trim(),
            input.minimum_staff,
            input.workaround.trim(),
            input.notes.trim(),
            input.claimed_tier.trim(),
            input.status.as_str(),
            provenance,
            super::now(),
        ],
    )?;
    super::custom_fields::insert_new(
        tx,
        Table::ProcessCustomField,
        "process_id",
        &key,
        &input.custom_fields,
    )?;
    Ok(id)
}

impl Store {
    /// All processes, by name, with their custom fields.
    pub fn processes(&self) -> Result<Vec<Process>> {
        list(&self.conn)
    }

    pub fn process(&self, id: Id) -> Result<Process> {
        get(&self.conn, id)
    }

    /// Refuses changes to an approved process; returns its name otherwise.
    pub fn ensure_unlocked(&self, id: Id) -> Result<String> {
        ensure_unlocked(&self.conn, id)
    }

    /// The process with this name (compared trimmed and case-folded).
    pub fn process_by_name(&self, name: &str) -> Result<Option<Process>> {
        by_name(&self.conn, name)?
            .map(|id| get(&self.conn, id))
            .transpose()
    }

    /// Every problem a form should show for `input` (`id`: the process being
    /// edited, if any). Empty when the input can be stored.
    pub fn check_process(&self, input: &ProcessInput, id: Option<Id>) -> Result<Vec<FieldIssue>> {
        issues(&self.conn, input, id)
    }

    pub fn create_process(
        &mut self,
        input: &ProcessInput,
        provenance: &Provenance,
    ) -> Result<Process> {
        let label = format!("Add process “{}”", input.name);
        let id = journal::edit(self.writable()?, &label, |tx| insert(tx, input, provenance))?;
        get(&self.conn, id)
    }

    /// Creates a process in the unit named `unit`, creating that unit first
    /// if there is none by that name — all as one edit.
    pub fn create_process_in(
        &mut self,
        unit: &str,
        input: &ProcessInput,
        provenance: &Provenance,
    ) -> Result<Process> {
        let label = format!("Add process “{}”", input.name);
        let id = journal::edit(self.writable()?, &label, |tx| {
            let unit_id = match super::units::by_name(tx.conn(), unit)? {
                Some(u) => u.id,
                None => {
                    super::units::insert(
                        tx,
                        &UnitInput {
                            name: unit.to_string().into(),
                            parent_id: None,
                        },
                    )?
                    .id
                }
            };
            insert(
                tx,
                &ProcessInput {
                    unit_id: Some(unit_id),
                    ..input.clone()
                },
                provenance,
            )
        })?;
        get(&self.conn, id)
    }

    /// Changes a process. An approved process is locked: only its status
    /// may change (reopening it); a status change is logged as a decision.
    pub fn update_process(&mut self, id: Id, input: &ProcessInput) -> Result<Process> {
        let old = get(&self.conn, id)?;
        if old.status == Status::Approved {
            let unchanged = ProcessInput {
                status: Status::Approved,
                ..input.clone()
            };
            let current = ProcessInput {
                name: old.name.clone().into(),
                unit_id: old.unit_id,
                owner: old.owner.clone(),
                description: old.description.clone(),
                peak_periods: old.peak_periods.clone(),
                minimum_staff: old.minimum_staff,
                workaround: old.workaround.clone(),
                notes: old.notes.clone(),
                claimed_tier: old.claimed_tier.clone(),
                status: Status::Approved,
                custom_fields: old.custom_fields.clone(),
            };
            if clean(&unchanged) != clean(&current) {
                return Err(Error::ProcessLocked { name: old.name });
            }
        }
        refuse(&self.conn, input, Some(id))?;
        let label = format!("Edit process “{}”", old.name);
        journal::edit(self.writable()?, &label, |tx| {
            let before = tx.change_count();
            tx.update(Table::Process, id, &field_values(input))?;
            write_custom_fields(tx, id, &input.custom_fields)?;
            if tx.change_count() > before {
                tx.update(
                    Table::Process,
                    id,
                    &[("updated_at", Value::Text(super::now()))],
                )?;
            }
            Ok(())
        })?;
        get(&self.conn, id)
    }

    /// Moves a process through review: draft → in review → approved, or
    /// back (reopening an approved process). Logged as a decision with `note`.
    pub fn set_status(&mut self, id: Id, status: Status, note: &str) -> Result<Process> {
        let old = get(&self.conn, id)?;
        if old.status == status {
            return Ok(old);
        }
        let verb = match (old.status, status) {
            (Status::Approved, _) => "Reopen",
            (_, Status::Approved) => "Approve",
            (_, Status::InReview) => "Send to review",
            _ => "Return to draft",
        };
        journal::edit(
            self.writable()?,
            &format!("{verb} “{}”", old.name),
            |tx| {
                tx.decision.rationale = note.trim().to_string();
                tx.update(
                    Table::Process,
                    id,
                    &[("status", Value::Text(status.as_str().to_string()))],
                )
            },
        )?;
        get(&self.conn, id)
    }

    /// Deletes a process with its custom fields, scores, objectives and
    /// dependencies, as one edit. Its decisions stay in the log. An approved process is locked.
    pub fn delete_process(&mut self, id: Id) -> Result<()> {
        let old = get(&self.conn, id)?;
        if old.status == Status::Approved {
            return Err(Error::ProcessLocked { name: old.name });
        }
        let dependents = |table: &str| -> Result<Vec<Id>> {
            let ids = self
                .conn
                .prepare(&format!("SELECT id FROM {table} WHERE process_id = ?1"))?
                .query_map([id.to_string()], |r| id_col(r, 0))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(ids)
        };
        let scores: Vec<String> = self
            .conn
            .prepare(
                "SELECT process_id || ' ' || category_id || ' ' || horizon_id FROM impact \
                 WHERE process_id = ?1",
            )?
            .query_map([id.to_string()], |r| r.get(0))?
            .collect::<Result<Vec<_>, _>>()?;
        let objectives = dependents("objective")?;
        let links = super::row::touching(&self.conn, id)?;
        journal::edit(
            self.writable()?,
            &format!("Delete process “{}”", old.name),
            |tx| {
                for (field, _) in custom_fields(tx.conn(), id)? {
                    tx.delete(Table::ProcessCustomField, field)?;
                }
                for score in scores {
                    tx.delete_row(Table::Impact, &score)?;
                }
                for o in objectives {
                    tx.delete(Table::Objective, o)?;
                }
                for link in links {
                    tx.delete(Table::Dependency, link)?;
                }
                super::workshops::forget_process(tx, id)?;
                super::actions::forget(tx, "process_id", id)?;
                tx.delete(Table::Process, id)
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use bia_model::ProcessInput;

    /// A new process is inserted through its own statement, its values
    /// bound in place: it must name every column an edit writes, in order.
    #[test]
    fn the_insert_names_every_field_an_edit_writes() {
        let columns = super::INSERT
            .split_once('(')
            .and_then(|(_, rest)| rest.split_once(')'))
            .map(|(names, _)| names)
            .unwrap();
        let columns: Vec<&str> = columns.split(',').map(str::trim).collect();
        let fields: Vec<&str> = super::field_values(&ProcessInput::default())
            .into_iter()
            .map(|(c, _)| c)
            .collect();
        assert_eq!(columns[1..=fields.len()], fields[..]);
        assert_eq!(
            columns[fields.len() + 1..],
            ["provenance", "created_at", "updated_at"]
        );
    }
}
