//! Reading, seeding and editing the methodology tables (categories, scale,
//! level definitions, horizons, tiers; the threshold and the currency on
//! the assessment row).

use rusqlite::{Connection, params};

use rusqlite::types::Value;

use super::Store;
use super::journal::{self, Table, Tx};
use super::row::id_col;
use crate::error::{Error, Result};
use bia_model::{
    Category, CategoryInput, Currency, FieldIssue, Horizon, Id, LevelDefinition, Methodology,
    MethodologyInput, Minutes, SeverityLevel, Tier, clean_name, duration, name_key,
};

/// Writes a whole methodology into a new file (not journaled).
pub(super) fn insert(conn: &Connection, m: &Methodology) -> Result<()> {
    conn.prepare_cached("UPDATE assessment SET threshold = ?1, currency = ?2")?
        .execute(params![m.threshold, m.currency.code()])?;
    for (pos, c) in m.categories.iter().enumerate() {
        conn.prepare_cached(
            "INSERT INTO impact_category (id, name, position, threshold) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![c.id.to_string(), c.name, pos as i64, c.threshold])?;
        for d in &c.definitions {
            conn.prepare_cached("INSERT INTO level_definition (id, category_id, level, text) VALUES (?1, ?2, ?3, ?4)")?.execute(params![bia_model::Id::new().to_string(), c.id.to_string(), d.level, d.text],
            )?;
        }
    }
    for l in &m.scale {
        conn.prepare_cached("INSERT INTO severity_level (id, value, name) VALUES (?1, ?2, ?3)")?
            .execute(params![l.id.to_string(), l.value, l.name])?;
    }
    for h in &m.horizons {
        conn.prepare_cached("INSERT INTO horizon (id, minutes, label) VALUES (?1, ?2, ?3)")?
            .execute(params![h.id.to_string(), h.minutes.0, h.label])?;
    }
    for t in &m.tiers {
        conn.prepare_cached(
            "INSERT INTO tier (id, rank, name, max_rto_minutes) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![
            t.id.to_string(),
            t.rank,
            t.name,
            t.max_rto_minutes.map(|m| m.0)
        ])?;
    }
    Ok(())
}

pub(super) fn read(conn: &Connection) -> Result<Methodology> {
    let (threshold, currency): (u8, String) = conn
        .prepare_cached("SELECT threshold, currency FROM assessment LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    // The column's CHECK holds it to three capitals; a file edited by
    // another program is damaged, not silently given another currency.
    let currency = Currency::parse(&currency).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            1,
            rusqlite::types::Type::Text,
            format!("\"{currency}\" is not a currency code").into(),
        )
    })?;
    let mut defs = conn.prepare(
        "SELECT level, text FROM level_definition WHERE category_id = ?1 ORDER BY level",
    )?;
    let mut categories = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT id, name, threshold, retired FROM impact_category ORDER BY position, name",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            id_col(r, 0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<u8>>(2)?,
            r.get::<_, bool>(3)?,
        ))
    })?;
    for row in rows {
        let (id, name, threshold, retired) = row?;
        let definitions = defs
            .query_map([id.to_string()], |r| {
                Ok(LevelDefinition {
                    level: r.get(0)?,
                    text: r.get(1)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        categories.push(Category {
            id,
            name,
            threshold,
            retired,
            definitions,
        });
    }
    let scale = conn
        .prepare("SELECT id, value, name FROM severity_level ORDER BY value")?
        .query_map([], |r| {
            Ok(SeverityLevel {
                id: id_col(r, 0)?,
                value: r.get(1)?,
                name: r.get(2)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let horizons = conn
        .prepare("SELECT id, minutes, label FROM horizon ORDER BY minutes")?
        .query_map([], |r| {
            Ok(Horizon {
                id: id_col(r, 0)?,
                minutes: Minutes(r.get(1)?),
                label: r.get(2)?,
            })
        })?
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
    Ok(Methodology {
        categories,
        scale,
        horizons,
        threshold,
        tiers,
        currency,
    })
}

impl Store {
    pub fn methodology(&self) -> Result<Methodology> {
        read(&self.conn)
    }

    /// Saves an edited methodology as one edit. Refuses, naming the field,
    /// anything malformed, and anything that would orphan scores: removing
    /// a category or horizon that has scores (retire the category instead).
    pub fn update_methodology(&mut self, input: &MethodologyInput) -> Result<Methodology> {
        journal::edit(self.writable()?, "Edit the methodology", |tx| {
            update(tx, input)
        })?;
        read(&self.conn)
    }
}

/// Saves an edited methodology inside an edit under way (see
/// [`Store::update_methodology`]).
pub(super) fn update(tx: &mut Tx, input: &MethodologyInput) -> Result<()> {
    let current = read(tx.conn())?;
    let plan = plan(&current, input)?;
    for c in current
        .categories
        .iter()
        .filter(|c| !plan.categories.iter().any(|(id, _)| *id == c.id))
    {
        let n = uses(tx.conn(), "category_id", c.id)?;
        if n > 0 {
            return Err(Error::MethodologyInUse {
                what: format!("Category \"{}\"", c.name),
                count: n,
                hint: "retire it instead of removing it",
            });
        }
    }
    for h in current
        .horizons
        .iter()
        .filter(|h| !plan.horizons.iter().any(|(id, _, _)| *id == h.id))
    {
        let n = uses(tx.conn(), "horizon_id", h.id)?;
        if n > 0 {
            return Err(Error::MethodologyInUse {
                what: format!("Horizon {}", h.label),
                count: n,
                hint: "clear those scores first, or keep the horizon",
            });
        }
    }
    apply(tx, &current, &plan)
}

fn uses(conn: &Connection, column: &str, id: Id) -> Result<usize> {
    let n: i64 = conn.query_row(
        &format!("SELECT count(*) FROM impact WHERE {column} = ?1"),
        [id.to_string()],
        |r| r.get(0),
    )?;
    Ok(n as usize)
}

/// A checked methodology input, with an id for every row.
struct Plan {
    categories: Vec<(Id, CategoryInput)>,
    scale: Vec<String>,
    horizons: Vec<(Id, String, Minutes)>,
    threshold: u8,
    tiers: Vec<(Id, String, Option<Minutes>)>,
    currency: Currency,
}

fn plan(current: &Methodology, input: &MethodologyInput) -> Result<Plan> {
    let mut issues = Vec::new();
    let levels = current.scale.len();
    let max = current.scale.last().map_or(0, |l| l.value);
    let mut issue = |field: String, message: String| issues.push(FieldIssue::new(&field, message));

    if input.categories.iter().all(|c| c.retired) {
        issue(
            "categories".into(),
            "Keep at least one category in use.".into(),
        );
    }
    let mut seen = Vec::new();
    for (i, c) in input.categories.iter().enumerate() {
        let key = name_key(&c.name);
        if key.is_empty() {
            issue(
                format!("categories.{i}.name"),
                "A category needs a name.".into(),
            );
        } else if seen.contains(&key) {
            issue(
                format!("categories.{i}.name"),
                format!("There are two categories named \"{}\".", c.name.trim()),
            );
        }
        seen.push(key);
        if c.definitions.len() != levels {
            issue(
                format!("categories.{i}.definitions"),
                format!("Give one definition for each of the {levels} levels."),
            );
        }
        if let Some(t) = c.threshold
            && (t == 0 || t > max)
        {
            issue(
                format!("categories.{i}.threshold"),
                format!("A threshold is a level from 1 to {max}."),
            );
        }
        if let Some(id) = c.id
            && !current.categories.iter().any(|k| k.id == id)
        {
            issue(
                format!("categories.{i}"),
                "That category no longer exists; reload the methodology.".into(),
            );
        }
    }
    if input.scale.len() != levels {
        issue(
            "scale".into(),
            format!("The scale has {levels} levels; name each of them."),
        );
    }
    for (i, name) in input.scale.iter().enumerate() {
        if name.trim().is_empty() {
            issue(format!("scale.{i}"), "A level needs a name.".into());
        }
    }
    if input.threshold == 0 || input.threshold > max {
        issue(
            "threshold".into(),
            format!("The threshold is a level from 1 to {max}."),
        );
    }

    let currency = input.currency();
    if let Err(i) = &currency {
        issue(i.field.clone(), i.message.clone());
    }

    let mut horizons = Vec::new();
    if input.horizons.is_empty() {
        issue("horizons".into(), "Keep at least one horizon.".into());
    }
    for (i, h) in input.horizons.iter().enumerate() {
        if h.label.trim().is_empty() {
            issue(
                format!("horizons.{i}.label"),
                "A horizon needs a label.".into(),
            );
        }
        match duration::parse(&h.duration) {
            Ok(Minutes(0)) => issue(
                format!("horizons.{i}.duration"),
                "A horizon comes after the disruption starts; use more than 0.".into(),
            ),
            Ok(m) if horizons.iter().any(|(_, _, other)| *other == m) => issue(
                format!("horizons.{i}.duration"),
                format!("Two horizons are at {m}."),
            ),
            Ok(m) => horizons.push((h.id.unwrap_or_default(), h.label.trim().to_string(), m)),
            Err(e) => issue(format!("horizons.{i}.duration"), format!("{e}.")),
        }
        if let Some(id) = h.id
            && !current.horizons.iter().any(|k| k.id == id)
        {
            issue(
                format!("horizons.{i}"),
                "That horizon no longer exists; reload the methodology.".into(),
            );
        }
    }
    horizons.sort_by_key(|(_, _, m)| *m);

    let mut tiers = Vec::new();
    if input.tiers.is_empty() {
        issue("tiers".into(), "Keep at least one tier.".into());
    }
    let last = input.tiers.len().saturating_sub(1);
    for (i, t) in input.tiers.iter().enumerate() {
        if t.name.trim().is_empty() {
            issue(format!("tiers.{i}.name"), "A tier needs a name.".into());
        }
        match duration::parse_optional(&t.max_rto) {
            Ok(None) if i != last => issue(
                format!("tiers.{i}.max_rto"),
                "Only the last tier may be open-ended.".into(),
            ),
            Ok(max) => {
                if let (Some(m), Some((_, _, Some(prev)))) = (max, tiers.last())
                    && m <= *prev
                {
                    issue(
                        format!("tiers.{i}.max_rto"),
                        format!("Each tier must reach further than the one before ({prev})."),
                    );
                }
                tiers.push((t.id.unwrap_or_default(), t.name.trim().to_string(), max));
            }
            Err(e) => issue(format!("tiers.{i}.max_rto"), format!("{e}.")),
        }
    }
    if !issues.is_empty() {
        return Err(Error::Invalid { issues });
    }
    Ok(Plan {
        categories: input
            .categories
            .iter()
            .map(|c| (c.id.unwrap_or_default(), c.clone()))
            .collect(),
        scale: input.scale.iter().map(|s| s.trim().to_string()).collect(),
        horizons,
        threshold: input.threshold,
        tiers,
        currency: currency.map_err(|i| Error::Invalid { issues: vec![i] })?,
    })
}

fn apply(tx: &mut Tx, current: &Methodology, plan: &Plan) -> Result<()> {
    let assessment: Id = tx
        .conn()
        .prepare_cached("SELECT id FROM assessment LIMIT 1")?
        .query_row([], |r| id_col(r, 0))?;
    tx.update(
        Table::Assessment,
        assessment,
        &[
            ("threshold", Value::Integer(plan.threshold.into())),
            ("currency", Value::Text(plan.currency.code().to_string())),
        ],
    )?;
    for (level, name) in current.scale.iter().zip(&plan.scale) {
        tx.update(
            Table::SeverityLevel,
            level.id,
            &[("name", Value::Text(name.clone()))],
        )?;
    }

    // Categories: removed ones go (with their definitions), others are
    // written in their new order.
    for c in current
        .categories
        .iter()
        .filter(|c| !plan.categories.iter().any(|(id, _)| *id == c.id))
    {
        for def in definition_ids(tx.conn(), c.id)? {
            tx.delete(Table::LevelDefinition, def)?;
        }
        tx.delete(Table::ImpactCategory, c.id)?;
    }
    for (pos, (id, c)) in plan.categories.iter().enumerate() {
        let cols = [
            ("name", Value::Text(clean_name(&c.name))),
            ("position", Value::Integer(pos as i64)),
            (
                "threshold",
                c.threshold
                    .map_or(Value::Null, |t| Value::Integer(t.into())),
            ),
            ("retired", Value::Integer(c.retired.into())),
        ];
        if current.categories.iter().any(|k| k.id == *id) {
            tx.update(Table::ImpactCategory, *id, &cols)?;
        } else {
            tx.insert(Table::ImpactCategory, *id, &cols)?;
        }
        let existing = definition_ids(tx.conn(), *id)?;
        for (level, (text, value)) in c
            .definitions
            .iter()
            .zip(current.scale.iter().map(|l| l.value))
            .enumerate()
        {
            match existing.get(level) {
                Some(def) => tx.update(
                    Table::LevelDefinition,
                    *def,
                    &[("text", Value::Text(text.trim().to_string()))],
                )?,
                None => tx.insert(
                    Table::LevelDefinition,
                    Id::new(),
                    &[
                        ("category_id", Value::Text(id.to_string())),
                        ("level", Value::Integer(value.into())),
                        ("text", Value::Text(text.trim().to_string())),
                    ],
                )?,
            }
        }
    }

    // Horizons: minutes are unique, so move changed ones out of the way first.
    for h in current
        .horizons
        .iter()
        .filter(|h| !plan.horizons.iter().any(|(id, _, _)| *id == h.id))
    {
        tx.delete(Table::Horizon, h.id)?;
    }
    for (i, (id, _, _)) in plan.horizons.iter().enumerate() {
        if current.horizons.iter().any(|k| k.id == *id) {
            tx.update(
                Table::Horizon,
                *id,
                &[("minutes", Value::Integer(-(i as i64) - 1))],
            )?;
        }
    }
    for (id, label, minutes) in &plan.horizons {
        let cols = [
            ("minutes", Value::Integer(minutes.0.into())),
            ("label", Value::Text(label.clone())),
        ];
        if current.horizons.iter().any(|k| k.id == *id) {
            tx.update(Table::Horizon, *id, &cols)?;
        } else {
            tx.insert(Table::Horizon, *id, &cols)?;
        }
    }

    // Tiers: ranks are unique too.
    for t in current
        .tiers
        .iter()
        .filter(|t| !plan.tiers.iter().any(|(id, _, _)| *id == t.id))
    {
        tx.delete(Table::Tier, t.id)?;
    }
    for (i, (id, _, _)) in plan.tiers.iter().enumerate() {
        if current.tiers.iter().any(|k| k.id == *id) {
            tx.update(
                Table::Tier,
                *id,
                &[("rank", Value::Integer(-(i as i64) - 1))],
            )?;
        }
    }
    for (i, (id, name, max)) in plan.tiers.iter().enumerate() {
        let cols = [
            ("rank", Value::Integer(i as i64 + 1)),
            ("name", Value::Text(name.clone())),
            (
                "max_rto_minutes",
                max.map_or(Value::Null, |m| Value::Integer(m.0.into())),
            ),
        ];
        if current.tiers.iter().any(|k| k.id == *id) {
            tx.update(Table::Tier, *id, &cols)?;
        } else {
            tx.insert(Table::Tier, *id, &cols)?;
        }
    }
    Ok(())
}

fn definition_ids(conn: &Connection, category: Id) -> Result<Vec<Id>> {
    let ids = conn
        .prepare("SELECT id FROM level_definition WHERE category_id = ?1 ORDER BY level")?
        .query_map([category.to_string()], |r| id_col(r, 0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ids)
}
