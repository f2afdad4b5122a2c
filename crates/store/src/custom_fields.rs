//! Custom fields (name → text, in order) of processes and resources: what
//! the methodology does not model but the user gave, kept and written back.

use rusqlite::Connection;
use rusqlite::types::Value;

use super::journal::{Table, Tx};
use super::row::id_col;
use crate::error::Result;
use bia_model::{CustomField, Id, IdText, clean_name, name_key};

/// The custom fields of one owner row, in order, with their row ids.
pub(super) fn read(
    conn: &Connection,
    table: Table,
    owner_column: &str,
    owner: Id,
) -> Result<Vec<(Id, CustomField)>> {
    let sql = format!(
        "SELECT id, name, value FROM {} WHERE {owner_column} = ?1 ORDER BY position",
        table.name()
    );
    let fields = conn
        .prepare_cached(&sql)?
        .query_map([owner.to_string()], |r| {
            Ok((
                id_col(r, 0)?,
                CustomField {
                    name: r.get(1)?,
                    value: r.get(2)?,
                },
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(fields)
}

/// Brings the stored fields of `owner` to `fields`, keeping the id of every
/// field whose name stays.
pub(super) fn write(
    tx: &mut Tx,
    table: Table,
    owner_column: &'static str,
    owner: Id,
    fields: &[CustomField],
) -> Result<()> {
    let stored = read(tx.conn(), table, owner_column, owner)?;
    // By key, looked up rather than searched: a process may have thousands.
    let wanted: std::collections::HashSet<String> =
        fields.iter().map(|f| name_key(&f.name)).collect();
    let mut kept = std::collections::HashMap::new();
    for (id, field) in &stored {
        let key = name_key(&field.name);
        if wanted.contains(&key) {
            kept.entry(key).or_insert(*id);
        } else {
            tx.delete(table, *id)?;
        }
    }
    for (pos, field) in fields.iter().enumerate() {
        let cols = [
            ("position", Value::Integer(pos as i64)),
            ("name", Value::Text(clean_name(&field.name))),
            ("value", Value::Text(field.value.clone())),
        ];
        match kept.get(&name_key(&field.name)) {
            Some(id) => tx.update(table, *id, &cols)?,
            None => {
                let mut with_owner = vec![(owner_column, Value::Text(owner.to_string()))];
                with_owner.extend(cols);
                let id = Id::derived(&[table.name(), &owner.to_string(), &name_key(&field.name)]);
                tx.insert(table, id, &with_owner)?
            }
        }
    }
    Ok(())
}

/// Adds the fields of an owner inserted by this edit (it has none yet),
/// through one statement kept prepared.
pub(super) fn insert_new(
    tx: &mut Tx,
    table: Table,
    owner_column: &str,
    owner: &str,
    fields: &[CustomField],
) -> Result<()> {
    if fields.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "INSERT INTO {} (id, {owner_column}, position, name, value) VALUES (?1, ?2, ?3, ?4, ?5)",
        table.name()
    );
    let mut text: IdText = [0; 36];
    for (pos, field) in fields.iter().enumerate() {
        let id = Id::new();
        let id = id.text(&mut text);
        let name = clean_name(&field.name);
        tx.insert_prepared(
            table,
            &sql,
            owner,
            || id.to_string(),
            rusqlite::params![id, owner, pos as i64, name, field.value],
        )?;
    }
    Ok(())
}

/// Deletes every custom field of `owner`.
pub(super) fn delete_all(tx: &mut Tx, table: Table, owner_column: &str, owner: Id) -> Result<()> {
    for (id, _) in read(tx.conn(), table, owner_column, owner)? {
        tx.delete(table, id)?;
    }
    Ok(())
}
