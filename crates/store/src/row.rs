//! What every table's queries share: ids in and out of columns, and the
//! dependency rows that touch a node (deleting a process or a resource
//! deletes them too). The bottom of the store's modules: it uses none.

use rusqlite::types::Value;
use rusqlite::{Connection, Row};

use crate::error::Result;
use bia_model::Id;

/// Reads an id column, refusing text that is not a UUID.
pub(super) fn id_col(r: &Row, i: usize) -> rusqlite::Result<Id> {
    // Read in place: a large assessment reads two million of them.
    let text = r.get_ref(i)?.as_str()?;
    text.parse().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

pub(super) fn opt_id(id: Option<Id>) -> Value {
    id.map_or(Value::Null, |id| Value::Text(id.to_string()))
}

/// Ids of the dependencies on or of a process or resource.
pub(super) fn touching(conn: &Connection, id: Id) -> Result<Vec<Id>> {
    let ids = conn
        .prepare("SELECT id FROM dependency WHERE from_id = ?1 OR to_id = ?1")?
        .query_map([id.to_string()], |r| id_col(r, 0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ids)
}
