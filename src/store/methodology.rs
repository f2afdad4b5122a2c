//! Reading and seeding the methodology tables (categories, scale, level
//! definitions, horizons, threshold, tiers).

use rusqlite::{Connection, params};

use super::Store;
use super::processes::id_col;
use crate::error::Result;
use crate::model::{Category, Horizon, LevelDefinition, Methodology, Minutes, SeverityLevel, Tier};

/// Writes a whole methodology into a new file (not journaled).
pub(super) fn insert(conn: &Connection, m: &Methodology) -> Result<()> {
    conn.execute("UPDATE assessment SET threshold = ?1", [m.threshold])?;
    for (pos, c) in m.categories.iter().enumerate() {
        conn.execute(
            "INSERT INTO impact_category (id, name, position, threshold) VALUES (?1, ?2, ?3, ?4)",
            params![c.id.to_string(), c.name, pos as i64, c.threshold],
        )?;
        for d in &c.definitions {
            conn.execute(
                "INSERT INTO level_definition (id, category_id, level, text) VALUES (?1, ?2, ?3, ?4)",
                params![crate::model::Id::new().to_string(), c.id.to_string(), d.level, d.text],
            )?;
        }
    }
    for l in &m.scale {
        conn.execute(
            "INSERT INTO severity_level (id, value, name) VALUES (?1, ?2, ?3)",
            params![l.id.to_string(), l.value, l.name],
        )?;
    }
    for h in &m.horizons {
        conn.execute(
            "INSERT INTO horizon (id, minutes, label) VALUES (?1, ?2, ?3)",
            params![h.id.to_string(), h.minutes.0, h.label],
        )?;
    }
    for t in &m.tiers {
        conn.execute(
            "INSERT INTO tier (id, rank, name, max_rto_minutes) VALUES (?1, ?2, ?3, ?4)",
            params![t.id.to_string(), t.rank, t.name, t.max_rto_minutes.map(|m| m.0)],
        )?;
    }
    Ok(())
}

pub(super) fn read(conn: &Connection) -> Result<Methodology> {
    let threshold: u8 = conn.query_row("SELECT threshold FROM assessment LIMIT 1", [], |r| r.get(0))?;
    let mut defs = conn.prepare("SELECT level, text FROM level_definition WHERE category_id = ?1 ORDER BY level")?;
    let mut categories = Vec::new();
    let mut stmt = conn.prepare("SELECT id, name, threshold FROM impact_category ORDER BY position, name")?;
    let rows = stmt.query_map([], |r| Ok((id_col(r, 0)?, r.get::<_, String>(1)?, r.get::<_, Option<u8>>(2)?)))?;
    for row in rows {
        let (id, name, threshold) = row?;
        let definitions = defs
            .query_map([id.to_string()], |r| Ok(LevelDefinition { level: r.get(0)?, text: r.get(1)? }))?
            .collect::<Result<Vec<_>, _>>()?;
        categories.push(Category { id, name, threshold, definitions });
    }
    let scale = conn
        .prepare("SELECT id, value, name FROM severity_level ORDER BY value")?
        .query_map([], |r| Ok(SeverityLevel { id: id_col(r, 0)?, value: r.get(1)?, name: r.get(2)? }))?
        .collect::<Result<Vec<_>, _>>()?;
    let horizons = conn
        .prepare("SELECT id, minutes, label FROM horizon ORDER BY minutes")?
        .query_map([], |r| Ok(Horizon { id: id_col(r, 0)?, minutes: Minutes(r.get(1)?), label: r.get(2)? }))?
        .collect::<Result<Vec<_>, _>>()?;
    let tiers = conn
        .prepare("SELECT id, rank, name, max_rto_minutes FROM tier ORDER BY rank")?
        .query_map([], |r| {
            Ok(Tier {
                id: id_col(r, 0)?,
                rank: r.get(1)?,
                name: r.get(2)?,
                max_rto_minutes: r.get::<_, Option<u32>>(3)?.map(Minutes),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Methodology { categories, scale, horizons, threshold, tiers })
}

impl Store {
    pub fn methodology(&self) -> Result<Methodology> {
        read(&self.conn)
    }
}
