//! Dependencies: process → resource, process → process (upstream) and
//! resource → resource, each with a strength and a note. A dependency on
//! itself, a resource relying on a process, a duplicate, or an end that
//! does not exist is refused with a message naming it. Cycles may be
//! recorded (real organisations have them); the analysis reports them.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

use super::Store;
use super::journal::{self, Table};
use super::row::id_col;
use crate::error::{Error, Result};
use bia_model::{
    Dependency, DependencyInput, DependencyTarget, Id, NodeRef, Provenance, ResourceKind, Strength,
};

fn node(kind: &str, id: Id) -> NodeRef {
    if kind == "process" {
        NodeRef::Process(id)
    } else {
        NodeRef::Resource(id)
    }
}

fn kind_of(n: NodeRef) -> &'static str {
    match n {
        NodeRef::Process(_) => "process",
        NodeRef::Resource(_) => "resource",
    }
}

/// How a node is stored: its kind's column value and its id.
pub(super) fn kind_and_id(n: NodeRef) -> (&'static str, Id) {
    (kind_of(n), n.id())
}

const COLUMNS: &str = "id, from_kind, from_id, to_kind, to_id, strength, note";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Dependency> {
    let (fk, tk, strength): (String, String, String) = (r.get(1)?, r.get(3)?, r.get(5)?);
    Ok(Dependency {
        id: id_col(r, 0)?,
        from: node(&fk, id_col(r, 2)?),
        to: node(&tk, id_col(r, 4)?),
        strength: Strength::parse(&strength).unwrap_or_default(),
        note: r.get(6)?,
    })
}

pub(super) fn list(conn: &Connection) -> Result<Vec<Dependency>> {
    let deps = conn
        .prepare(&format!(
            "SELECT {COLUMNS} FROM dependency ORDER BY from_id, to_id"
        ))?
        .query_map([], from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(deps)
}

/// One dependency, by id.
fn get(conn: &Connection, id: Id) -> Result<Dependency> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM dependency WHERE id = ?1"),
        [id.to_string()],
        from_row,
    )
    .optional()?
    .ok_or(Error::NoSuchId {
        kind: "dependency",
        id: id.to_string(),
    })
}

/// The name of a process or resource, or an error if it does not exist.
fn name_of(conn: &Connection, n: NodeRef) -> Result<String> {
    let sql = match n {
        NodeRef::Process(_) => "SELECT name FROM process WHERE id = ?1",
        NodeRef::Resource(_) => "SELECT name FROM resource WHERE id = ?1",
    };
    conn.query_row(sql, [n.id().to_string()], |r| r.get(0))
        .optional()?
        .ok_or(Error::NoSuchId {
            kind: kind_of(n),
            id: n.id().to_string(),
        })
}

impl Store {
    pub fn dependencies(&self) -> Result<Vec<Dependency>> {
        list(&self.conn)
    }

    /// Records that `from` relies on `to` (creating `to` first when it is a
    /// new resource), as one edit.
    pub fn create_dependency(
        &mut self,
        input: &DependencyInput,
        provenance: &Provenance,
    ) -> Result<Dependency> {
        let from_name = name_of(&self.conn, input.from)?;
        let to_name = match &input.to {
            DependencyTarget::Existing(n) => name_of(&self.conn, *n)?,
            DependencyTarget::NewResource(r) => r.name.trim().to_string(),
        };
        let id = journal::edit(
            self.writable()?,
            &format!("{from_name} relies on {to_name}"),
            |tx| {
                let to = match &input.to {
                    DependencyTarget::Existing(n) => *n,
                    DependencyTarget::NewResource(r) => {
                        NodeRef::Resource(super::resources::insert(tx, r, provenance)?)
                    }
                };
                if input.from == to {
                    return Err(Error::BadDependency(format!(
                        "{from_name} cannot rely on itself"
                    )));
                }
                if matches!(
                    (input.from, to),
                    (NodeRef::Resource(_), NodeRef::Process(_))
                ) {
                    return Err(Error::BadDependency(format!(
                        "a resource cannot rely on a process ({from_name} → {to_name}); record that {to_name} relies on {from_name} instead"
                    )));
                }
                let exists: Option<String> = tx
                    .conn()
                    .prepare_cached(
                        "SELECT strength FROM dependency WHERE from_id = ?1 AND to_id = ?2",
                    )?
                    .query_row([input.from.id().to_string(), to.id().to_string()], |r| {
                        r.get(0)
                    })
                    .optional()?;
                if let Some(strength) = exists {
                    return Err(Error::BadDependency(format!(
                        "{from_name} already relies on {to_name} ({strength})"
                    )));
                }
                let id = link_id(input.from, to);
                tx.insert(
                    Table::Dependency,
                    id,
                    &[
                        ("from_kind", Value::Text(kind_of(input.from).into())),
                        ("from_id", Value::Text(input.from.id().to_string())),
                        ("to_kind", Value::Text(kind_of(to).into())),
                        ("to_id", Value::Text(to.id().to_string())),
                        ("strength", Value::Text(input.strength.as_str().into())),
                        ("note", Value::Text(input.note.trim().into())),
                    ],
                )?;
                Ok(id)
            },
        )?;
        get(&self.conn, id)
    }

    /// Changes a dependency's strength and note.
    pub fn update_dependency(
        &mut self,
        id: Id,
        strength: Strength,
        note: &str,
    ) -> Result<Dependency> {
        let old = get(&self.conn, id)?;
        let label = format!(
            "Edit the dependency of {} on {}",
            name_of(&self.conn, old.from)?,
            name_of(&self.conn, old.to)?
        );
        journal::edit(self.writable()?, &label, |tx| {
            tx.update(
                Table::Dependency,
                id,
                &[
                    ("strength", Value::Text(strength.as_str().into())),
                    ("note", Value::Text(note.trim().into())),
                ],
            )
        })?;
        get(&self.conn, id)
    }

    pub fn delete_dependency(&mut self, id: Id) -> Result<()> {
        let old = get(&self.conn, id)?;
        let label = format!(
            "Remove the dependency of {} on {}",
            name_of(&self.conn, old.from)?,
            name_of(&self.conn, old.to)?
        );
        journal::edit(self.writable()?, &label, |tx| {
            tx.delete(Table::Dependency, id)
        })
    }

    /// The process or resource with this name; an error naming every
    /// candidate when several share it, or none does. `process:NAME` or
    /// `KIND:NAME` (e.g. `supplier:Acme`) says which one is meant.
    pub fn node_named(&self, name: &str) -> Result<NodeRef> {
        let (wanted, name) = match name.split_once(':') {
            Some((kind, rest))
                if kind.trim() == "process" || ResourceKind::parse(kind).is_some() =>
            {
                (Some(kind.trim().to_lowercase()), rest)
            }
            _ => (None, name),
        };
        let mut found: Vec<(NodeRef, String, &'static str)> = Vec::new();
        if let Some(p) = self.process_by_name(name)? {
            found.push((
                NodeRef::Process(p.id),
                format!("process \"{}\"", p.name),
                "process",
            ));
        }
        for r in super::resources::named(&self.conn, name)? {
            found.push((
                NodeRef::Resource(r.id),
                format!("{} \"{}\"", r.kind.label(), r.name),
                r.kind.as_str(),
            ));
        }
        if let Some(kind) = wanted {
            found.retain(|(_, _, k)| *k == kind);
        }
        match found.len() {
            0 => Err(Error::NoSuchName {
                kind: "process or resource",
                name: name.trim().to_string(),
            }),
            1 => Ok(found[0].0),
            _ => Err(Error::Ambiguous {
                name: name.trim().to_string(),
                candidates: found.iter().map(|(_, c, _)| c.clone()).collect(),
                hint: found
                    .iter()
                    .map(|(_, _, k)| format!("{k}:NAME"))
                    .collect::<Vec<_>>()
                    .join(" or "),
            }),
        }
    }
}

/// The id of the link from `from` to `to`: the same in every copy (see
/// [`Id::derived`]).
pub(crate) fn link_id(from: NodeRef, to: NodeRef) -> Id {
    Id::derived(&["dependency", &from.id().to_string(), &to.id().to_string()])
}
