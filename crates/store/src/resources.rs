//! Resources: list, check, create, change, delete (with the dependencies
//! on and of it). Names are unique per kind after trimming and case-folding.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

use super::Store;
use super::journal::{self, Table, Tx};
use super::row::id_col;
use crate::error::{Error, Result};
use bia_model::{
    FieldIssue, Id, Minutes, Provenance, Redundancy, Resource, ResourceInput, ResourceKind,
    duration, name_key,
};

const COLUMNS: &str = "id, kind, name, owner, description, rto_capability_minutes, rpo_capability_minutes, redundancy, \
                       contractual_recovery_minutes, notes, provenance";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Resource> {
    let minutes = |i| r.get::<_, Option<u32>>(i).map(|m| m.map(Minutes));
    let kind: String = r.get(1)?;
    let redundancy: String = r.get(7)?;
    let provenance: String = r.get(10)?;
    Ok(Resource {
        id: id_col(r, 0)?,
        kind: ResourceKind::parse(&kind).unwrap_or(ResourceKind::Application),
        name: r.get(2)?,
        owner: r.get(3)?,
        description: r.get(4)?,
        rto_capability: minutes(5)?,
        rpo_capability: minutes(6)?,
        redundancy: Redundancy::parse(&redundancy).unwrap_or_default(),
        contractual_recovery: minutes(8)?,
        notes: r.get(9)?,
        custom_fields: Vec::new(),
        provenance: serde_json::from_str(&provenance).unwrap_or_default(),
    })
}

pub(super) fn list(conn: &Connection) -> Result<Vec<Resource>> {
    let mut resources = conn
        .prepare(&format!(
            "SELECT {COLUMNS} FROM resource ORDER BY kind, name_key"
        ))?
        .query_map([], from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    for r in &mut resources {
        r.custom_fields = fields(conn, r.id)?;
    }
    Ok(resources)
}

fn fields(conn: &Connection, id: Id) -> Result<Vec<bia_model::CustomField>> {
    Ok(
        super::custom_fields::read(conn, Table::ResourceCustomField, "resource_id", id)?
            .into_iter()
            .map(|(_, f)| f)
            .collect(),
    )
}

pub(super) fn get(conn: &Connection, id: Id) -> Result<Resource> {
    let mut r = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM resource WHERE id = ?1"),
            [id.to_string()],
            from_row,
        )
        .optional()?
        .ok_or(Error::NoSuchId {
            kind: "resource",
            id: id.to_string(),
        })?;
    r.custom_fields = fields(conn, id)?;
    Ok(r)
}

/// Resources with this name, of any kind.
pub(super) fn named(conn: &Connection, name: &str) -> Result<Vec<Resource>> {
    let ids: Vec<Id> = conn
        .prepare("SELECT id FROM resource WHERE name_key = ?1 ORDER BY kind")?
        .query_map([name_key(name)], |r| id_col(r, 0))?
        .collect::<Result<Vec<_>, _>>()?;
    ids.into_iter().map(|id| get(conn, id)).collect()
}

/// Parsed durations of an input, or the issues of every field that is wrong.
struct Parsed {
    name: String,
    rto: Option<Minutes>,
    rpo: Option<Minutes>,
    contractual: Option<Minutes>,
}

fn parse(
    conn: &Connection,
    input: &ResourceInput,
    id: Option<Id>,
) -> Result<(Parsed, Vec<FieldIssue>)> {
    let mut issues = Vec::new();
    let name = input.name.to_string();
    if name.is_empty() {
        issues.push(FieldIssue::new("name", "A resource needs a name."));
    } else if let Some(existing) = conn
        .prepare_cached("SELECT id FROM resource WHERE kind = ?1 AND name_key = ?2")?
        .query_row([input.kind.as_str(), &input.name.key()], |r| id_col(r, 0))
        .optional()?
        && Some(existing) != id
    {
        let what = input.kind.with_article();
        let mut chars = what.chars();
        let what: String = chars
            .next()
            .map(|c| c.to_ascii_uppercase())
            .into_iter()
            .chain(chars)
            .collect();
        issues.push(FieldIssue::new(
            "name",
            format!("{what} named \"{name}\" already exists."),
        ));
    }
    let mut duration = |field: &str, label: &str, text: &str| match duration::parse_optional(text) {
        Ok(m) => m,
        Err(e) => {
            issues.push(FieldIssue::new(field, format!("{label}: {e}.")));
            None
        }
    };
    let rto = duration("rto_capability", "Recovery time", &input.rto_capability);
    let rpo = duration("rpo_capability", "Data loss", &input.rpo_capability);
    let contractual = duration(
        "contractual_recovery",
        "Contractual recovery time",
        &input.contractual_recovery,
    );
    Ok((
        Parsed {
            name,
            rto,
            rpo,
            contractual,
        },
        issues,
    ))
}

fn columns(input: &ResourceInput, p: &Parsed) -> Vec<(&'static str, Value)> {
    let minutes = |m: Option<Minutes>| m.map_or(Value::Null, |m| Value::Integer(m.0.into()));
    vec![
        ("kind", Value::Text(input.kind.as_str().into())),
        ("name", Value::Text(p.name.clone())),
        ("name_key", Value::Text(name_key(&p.name))),
        ("owner", Value::Text(input.owner.trim().into())),
        ("description", Value::Text(input.description.trim().into())),
        ("rto_capability_minutes", minutes(p.rto)),
        ("rpo_capability_minutes", minutes(p.rpo)),
        ("redundancy", Value::Text(input.redundancy.as_str().into())),
        ("contractual_recovery_minutes", minutes(p.contractual)),
        ("notes", Value::Text(input.notes.trim().into())),
    ]
}

/// Refuses an input with issues: a clashing name alone is a duplicate.
fn refuse(
    input: &ResourceInput,
    p: &Parsed,
    issues: Vec<FieldIssue>,
    conn: &Connection,
) -> Result<()> {
    if issues.is_empty() {
        return Ok(());
    }
    if issues.len() == 1 && issues[0].field == "name" && !p.name.is_empty() {
        let existing = conn
            .prepare_cached("SELECT id FROM resource WHERE kind = ?1 AND name_key = ?2")?
            .query_row([input.kind.as_str(), &name_key(&p.name)], |r| id_col(r, 0))?;
        return Err(Error::DuplicateResource {
            kind: input.kind.label(),
            name: p.name.clone(),
            existing,
        });
    }
    Err(Error::Invalid { issues })
}

/// Inserts a resource inside an edit under way.
pub(super) fn insert(tx: &mut Tx, input: &ResourceInput, provenance: &Provenance) -> Result<Id> {
    let (parsed, issues) = parse(tx.conn(), input, None)?;
    refuse(input, &parsed, issues, tx.conn())?;
    let id = Id::new();
    let mut cols = columns(input, &parsed);
    cols.push((
        "provenance",
        Value::Text(serde_json::to_string(provenance).unwrap_or_default()),
    ));
    tx.insert(Table::Resource, id, &cols)?;
    write_custom_fields(tx, id, &input.custom_fields)?;
    Ok(id)
}

fn write_custom_fields(tx: &mut Tx, resource: Id, fields: &[bia_model::CustomField]) -> Result<()> {
    super::custom_fields::write(
        tx,
        Table::ResourceCustomField,
        "resource_id",
        resource,
        fields,
    )
}

impl Store {
    /// All resources, by kind and name.
    pub fn resources(&self) -> Result<Vec<Resource>> {
        list(&self.conn)
    }

    pub fn resource(&self, id: Id) -> Result<Resource> {
        get(&self.conn, id)
    }

    /// Every problem a form should show for `input` (`id`: the resource being edited).
    pub fn check_resource(&self, input: &ResourceInput, id: Option<Id>) -> Result<Vec<FieldIssue>> {
        Ok(parse(&self.conn, input, id)?.1)
    }

    pub fn create_resource(
        &mut self,
        input: &ResourceInput,
        provenance: &Provenance,
    ) -> Result<Resource> {
        let label = format!("Add {} “{}”", input.kind.label(), input.name);
        let id = journal::edit(self.writable()?, &label, |tx| insert(tx, input, provenance))?;
        get(&self.conn, id)
    }

    pub fn update_resource(&mut self, id: Id, input: &ResourceInput) -> Result<Resource> {
        let old = get(&self.conn, id)?;
        let (parsed, issues) = parse(&self.conn, input, Some(id))?;
        refuse(input, &parsed, issues, &self.conn)?;
        journal::edit(
            self.writable()?,
            &format!("Edit {} “{}”", old.kind.label(), old.name),
            |tx| {
                tx.update(Table::Resource, id, &columns(input, &parsed))?;
                write_custom_fields(tx, id, &input.custom_fields)
            },
        )?;
        get(&self.conn, id)
    }

    /// Gives a resource a kind (a resource to classify its first), as one
    /// edit; refused when a resource of that kind has its name.
    pub fn set_resource_kind(&mut self, id: Id, kind: ResourceKind) -> Result<Resource> {
        let old = get(&self.conn, id)?;
        if old.kind == kind {
            return Ok(old);
        }
        let input = ResourceInput {
            kind,
            ..old.to_input()
        };
        let (parsed, issues) = parse(&self.conn, &input, Some(id))?;
        refuse(&input, &parsed, issues, &self.conn)?;
        let verb = if old.kind.is_unclassified() {
            "Classify"
        } else {
            "Reclassify"
        };
        let label = if kind.is_unclassified() {
            format!("Mark “{}” to classify", old.name)
        } else {
            format!("{verb} “{}” as {}", old.name, kind.with_article())
        };
        journal::edit(self.writable()?, &label, |tx| {
            tx.update(
                Table::Resource,
                id,
                &[("kind", Value::Text(kind.as_str().into()))],
            )
        })?;
        get(&self.conn, id)
    }

    /// Deletes a resource with its custom fields and every dependency on or
    /// of it, as one edit.
    pub fn delete_resource(&mut self, id: Id) -> Result<()> {
        let old = get(&self.conn, id)?;
        let links = super::row::touching(&self.conn, id)?;
        journal::edit(
            self.writable()?,
            &format!("Delete {} “{}”", old.kind.label(), old.name),
            |tx| {
                for link in links {
                    tx.delete(Table::Dependency, link)?;
                }
                super::custom_fields::delete_all(
                    tx,
                    Table::ResourceCustomField,
                    "resource_id",
                    id,
                )?;
                super::actions::forget(tx, "resource_id", id)?;
                tx.delete(Table::Resource, id)
            },
        )
    }
}
