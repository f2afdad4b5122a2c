//! A file that shares no fork point with this one, merged like an import:
//! a copy of the assessment made before any copy was handed out, a file
//! built separately, or an exported workbook read back. Nothing says what
//! either side changed since a common state, so nothing is inferred:
//! - each of its rows is matched with one here by id, then by name (a
//!   process, unit or resource by its name; a score by its cell; a custom
//!   field, an objective or a link by what it belongs to), its references
//!   followed to the rows they were matched with;
//! - a row matched fills what is empty here, and a field filled on both
//!   sides with different values is a conflict ("mine" kept until
//!   resolved, or settled at once by a preference); a process approved
//!   here is changed only by a person: what would fill it is a conflict,
//!   and a score or objective it lacks is left out and said, as the
//!   import of a workbook does;
//! - a row not matched is added, with its id;
//! - nothing here is removed, and a value a conflict already offered is
//!   not offered again;
//! - the methodology stays this assessment's: impact categories and
//!   horizons it lacks are added (so no score is lost), while a score on
//!   a level its scale lacks is left out and said (`left_out`);
//! - the decision log is unioned, an entry here under another id not
//!   twice.
//!
//! It is an ordinary edit made here, stamped as one when the file has a
//! copy id, so copies handed out take it in as any other change.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};
use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::Value as Json;

use super::engine::{Applied, Merge, Outcome};
use super::rows::{Follow, follows, insert, key_of, same_name};
use super::stamps::{self, Stamp};
use crate::error::Result;
use crate::journal::{Row, Table, Tx, snapshot, to_value};
use bia_model::{ConflictKind, Prefer, Resolution};

/// Merges the file `theirs` (named `holder` in conflicts) into the file
/// `tx` writes, like an import.
pub(crate) fn merge(
    tx: &mut Tx,
    theirs: &Connection,
    holder: &str,
    prefer: Option<Prefer>,
    with_log: bool,
) -> Result<Outcome> {
    tx.conn().pragma_update(None, "defer_foreign_keys", true)?;
    let mut m = Merge::new(tx, theirs, holder, prefer)?;
    m.matching = true;
    let their_copy = stamps::own(theirs)?.map(|(id, _)| id).unwrap_or_default();
    let mut state = State {
        their_stamp: Stamp {
            copy: their_copy,
            counter: 0,
        },
        added: FxHashSet::default(),
        left: FxHashSet::default(),
        scale: m
            .conn()
            .prepare("SELECT value FROM severity_level")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?,
        defaults: Table::all()
            .into_iter()
            .map(|t| Ok((t, defaults(m.conn(), t)?)))
            .collect::<Result<_>>()?,
        locked: FxHashMap::default(),
    };
    for table in Table::all() {
        if !table.merged()
            || matches!(
                table,
                Table::Assessment | Table::SeverityLevel | Table::Tier
            )
        {
            continue;
        }
        for_each_row(theirs, table, |t| m.matched_row(table, t, &mut state))?;
    }
    if with_log {
        m.decisions()?;
    }
    Ok(m.out)
}

/// What the merge keeps track of as it goes.
struct State {
    /// Names the file in the conflicts found.
    their_stamp: Stamp,
    /// The ids of the file's rows added here.
    added: FxHashSet<String>,
    /// The ids of the file's rows left out: what refers to them is too.
    left: FxHashSet<String>,
    /// The levels of this assessment's scale.
    scale: FxHashSet<i64>,
    /// The declared default of each column that has one, by table.
    defaults: FxHashMap<Table, FxHashMap<String, Json>>,
    /// Each process met, by id: its name when it was approved here before
    /// the merge.
    locked: FxHashMap<String, Option<String>>,
}

/// Calls `f` with every row of `table` in `conn`, in the order they were
/// written, one at a time (a large file has hundreds of thousands of
/// scores).
fn for_each_row(
    conn: &Connection,
    table: Table,
    mut f: impl FnMut(Row) -> Result<()>,
) -> Result<()> {
    // Scores are kept without a rowid, by their cell.
    let order = if table == Table::Impact {
        ""
    } else {
        " ORDER BY rowid"
    };
    let mut stmt = conn.prepare(&format!("SELECT * FROM {}{order}", table.name()))?;
    let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let mut row = Row::new();
        for (i, name) in names.iter().enumerate() {
            let v = match r.get::<_, Value>(i)? {
                Value::Null | Value::Blob(_) => Json::Null,
                Value::Integer(n) => Json::from(n),
                Value::Real(x) => Json::from(x),
                Value::Text(s) => Json::from(s),
            };
            row.insert(name.clone(), v);
        }
        f(row)?;
    }
    Ok(())
}

/// The columns besides the id that name a row of `table` (a unique key).
fn natural_key(table: Table) -> &'static [&'static str] {
    match table {
        Table::Unit | Table::Process => &["name_key"],
        Table::Resource => &["kind", "name_key"],
        Table::ProcessCustomField => &["process_id", "name"],
        Table::ResourceCustomField => &["resource_id", "name"],
        Table::Objective => &["process_id"],
        Table::Dependency => &["from_id", "to_id"],
        Table::AgendaItem | Table::Signoff => &["workshop_id", "process_id"],
        Table::Horizon => &["minutes"],
        // Workshops, their people and actions, questionnaires: what a
        // person would call the same one.
        Table::Workshop => &["title", "date"],
        Table::WorkshopParticipant => &["workshop_id", "name"],
        Table::Action => &["text", "kind", "process_id", "resource_id"],
        Table::Questionnaire => &["recipient", "sent_on", "processes"],
        _ => &[],
    }
}

/// Whether a column refers to another row by its id.
fn refers(col: &str) -> bool {
    col != "id" && col != "source_id" && col.ends_with("_id")
}

fn empty(v: Option<&Json>) -> bool {
    match v {
        None | Some(Json::Null) => true,
        Some(Json::String(s)) => s.trim().is_empty(),
        _ => false,
    }
}

fn text<'r>(row: &'r Row, col: &str) -> &'r str {
    row.get(col).and_then(Json::as_str).unwrap_or("")
}

impl Merge<'_, '_, '_> {
    /// Takes one of the file's rows: matched with one here (filling what
    /// is empty, conflicts where both differ), else added.
    fn matched_row(&mut self, table: Table, mut t: Row, state: &mut State) -> Result<()> {
        let their_id = t.get("id").and_then(Json::as_str).map(str::to_string);
        // Its references, to the rows here they were matched with; a row
        // whose owner was left out is left out with it.
        for (col, v) in t.iter_mut() {
            if !refers(col) {
                continue;
            }
            let Some(id) = v.as_str() else { continue };
            if state.left.contains(id) {
                if let Some(id) = &their_id {
                    state.left.insert(id.clone());
                }
                return Ok(());
            }
            if let Some(mine) = self.ids.get(id) {
                *v = Json::from(mine.clone());
            }
        }
        match table {
            Table::Impact => {
                let severity = t.get("severity").and_then(Json::as_i64).unwrap_or(0);
                if !state.scale.contains(&severity) {
                    let shown = self.shown(table, &t)?;
                    self.out.left_out.push(format!(
                        "“{}”, {}: level {severity} is not on this assessment's scale (its \
                         levels: {}), so the score was not added",
                        shown.subject,
                        shown.field,
                        levels(&state.scale)
                    ));
                    return Ok(());
                }
                if let Some(id) = t.get("source_id").and_then(Json::as_i64) {
                    t.insert("source_id".into(), Json::from(self.source(id)?));
                }
            }
            Table::Questionnaire => {
                for col in ["processes", "sent_values", "received"] {
                    if let Some(Json::String(s)) = t.get(col) {
                        let s = self.translate_ids(s);
                        t.insert(col.into(), Json::from(s));
                    }
                }
            }
            // The definitions of a category this assessment has are its own.
            Table::LevelDefinition if !state.added.contains(text(&t, "category_id")) => {
                return Ok(());
            }
            _ => {}
        }
        let Some((mine, row)) = self.find(table, &t)? else {
            return self.add_matched(table, t, their_id, state);
        };
        if let Some(id) = their_id
            && id != mine
        {
            self.ids.insert(id, mine.clone());
        }
        if matches!(table, Table::ImpactCategory | Table::Horizon) {
            return Ok(());
        }
        self.fill(table, &mine, row, &t, state)
    }

    /// The file's row `t` as the report would show it added.
    fn shown(&self, table: Table, t: &Row) -> Result<bia_model::MergedChange> {
        super::describe::applied(
            self.tx.conn(),
            self.theirs.conn,
            &Applied {
                table,
                row: t.clone(),
                col: String::new(),
                before: None,
                after: Some(Json::Object(t.clone())),
            },
        )
    }

    /// The key and the row here matching `t`: the same id, else the same
    /// name (or the same owner and name).
    fn find(&self, table: Table, t: &Row) -> Result<Option<(String, Row)>> {
        let key = key_of(table, t);
        if let Some(row) = snapshot(self.conn(), table, &key)? {
            return Ok(Some((key, row)));
        }
        if table == Table::ImpactCategory {
            let wanted = bia_model::name_key(text(t, "name"));
            let mut found = None;
            for_each_row(self.conn(), table, |c| {
                if found.is_none() && bia_model::name_key(text(&c, "name")) == wanted {
                    found = Some(text(&c, "id").to_string());
                }
                Ok(())
            })?;
            return self.found(table, found);
        }
        let cols = natural_key(table);
        if cols.is_empty() {
            return Ok(None);
        }
        let condition = cols
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c} IS ?{}", i + 1))
            .collect::<Vec<_>>()
            .join(" AND ");
        let values = cols
            .iter()
            .map(|c| to_value(t.get(*c).unwrap_or(&Json::Null)))
            .collect::<Result<Vec<_>>>()?;
        let id = self
            .conn()
            .prepare_cached(&format!(
                "SELECT id FROM {} WHERE {condition}",
                table.name()
            ))?
            .query_row(rusqlite::params_from_iter(values), |r| r.get(0))
            .optional()?;
        self.found(table, id)
    }

    /// The row here with the id `id`, found by name.
    fn found(&self, table: Table, id: Option<String>) -> Result<Option<(String, Row)>> {
        let Some(id) = id else { return Ok(None) };
        Ok(snapshot(self.conn(), table, &id)?.map(|row| (id, row)))
    }

    /// Adds a row of the file that matched none here, with its id.
    fn add_matched(
        &mut self,
        table: Table,
        mut t: Row,
        their_id: Option<String>,
        state: &mut State,
    ) -> Result<()> {
        match table {
            Table::ImpactCategory => {
                let last: i64 = self.conn().query_row(
                    "SELECT coalesce(max(position), -1) FROM impact_category",
                    [],
                    |r| r.get(0),
                )?;
                t.insert("position".into(), Json::from(last + 1));
            }
            Table::Workshop if text(&t, "status") == "running" => {
                let running: Option<String> = self
                    .conn()
                    .query_row(
                        "SELECT title FROM workshop WHERE status = 'running'",
                        [],
                        |r| r.get(0),
                    )
                    .optional()?;
                if let Some(here) = running {
                    self.out.left_out.push(format!(
                        "Workshop “{}” was running there; it is added as finished, as “{here}” is \
                         running here",
                        text(&t, "title")
                    ));
                    t.insert("status".into(), Json::from("finished"));
                }
            }
            _ => {}
        }
        if let Some(process) = self.locked(table, &t, state)? {
            let shown = self.shown(table, &t)?;
            let what = match (table, shown.field.as_str()) {
                (Table::Impact, field) => format!("score for {field}"),
                (_, "") => shown.area.to_lowercase(),
                (_, field) => format!("{} {field}", shown.area.to_lowercase()),
            };
            self.out.left_out.push(format!(
                "“{process}” is approved here, so its {what} was not added; reopen it and \
                 import again to take it"
            ));
            if let Some(id) = their_id {
                state.left.insert(id);
            }
            return Ok(());
        }
        insert(self.tx, table, &t)?;
        // A row added with its owner is shown as part of it (a level's
        // definition with its new category).
        let with_owner = stamps::owners(table, &t)
            .iter()
            .any(|(_, owner)| state.added.contains(owner))
            || table == Table::LevelDefinition;
        if let Some(id) = their_id {
            state.added.insert(id);
        }
        if !with_owner {
            self.out.applied.push(Applied {
                table,
                row: t.clone(),
                col: String::new(),
                before: None,
                after: Some(Json::Object(t)),
            });
        }
        Ok(())
    }

    /// Fills the row `key` here from the file's row `t`: a field empty here
    /// is taken, one filled on both sides with different values is a
    /// conflict.
    fn fill(&mut self, table: Table, key: &str, m: Row, t: &Row, state: &mut State) -> Result<()> {
        let named = natural_key(table);
        // An approved process, and what is its, is changed only by a
        // person: even a field empty here is offered as a conflict.
        let locked = self.locked(table, &m, state)?.is_some();
        // A value left as the column's default says nothing (a process
        // still in draft): it is as good as empty.
        let defaults = &state.defaults[&table];
        let unset = |col: &str, v: Option<&Json>| {
            empty(v) || v.is_some_and(|v| defaults.get(col).is_some_and(|d| d == v))
        };
        let mut take: Vec<(String, Json)> = Vec::new();
        let mut kept_mine = false;
        for (col, tv) in t {
            // Where a row stands in a list is this file's to keep.
            if col == "id"
                || col == "position"
                || table.key().contains(&col.as_str())
                || named.contains(&col.as_str())
                || follows(table, col).is_some()
                || unset(col, Some(tv))
            {
                continue;
            }
            let mv = m.get(col);
            if mv == Some(tv) {
                continue;
            }
            // The same name written differently ("payroll") is the same name.
            if col == "name"
                && named.contains(&"name_key")
                && bia_model::name_key(text(&m, "name")) == bia_model::name_key(text(t, "name"))
            {
                continue;
            }
            if unset(col, mv) && !locked {
                take.push((col.clone(), tv.clone()));
                continue;
            }
            // A value of the file already met here (a conflict open, or
            // resolved) is not a new conflict: merging again brings nothing.
            if self.met(table, key, col, tv)? {
                continue;
            }
            let mut resolution = self.prefer.map(|p| match p {
                Prefer::Mine => Resolution::Mine,
                Prefer::Theirs => Resolution::Theirs,
            });
            // A name another row here has cannot be taken: left to resolve.
            if resolution == Some(Resolution::Theirs) && col == "name" {
                let mut probe = t.clone();
                probe.insert("id".into(), Json::from(key));
                if same_name(self.conn(), table, &probe)?.is_some() {
                    resolution = None;
                }
            }
            self.conflict(
                ConflictKind::Field,
                table,
                key,
                col,
                mv.cloned(),
                Some(tv.clone()),
                None,
                &state.their_stamp,
                resolution,
            )?;
            match resolution {
                Some(Resolution::Theirs) => take.push((col.clone(), tv.clone())),
                Some(_) => kept_mine = true,
                None => {}
            }
        }
        let took: FxHashSet<String> = take.iter().map(|(c, _)| c.clone()).collect();
        for (col, tv) in t {
            let follow = match follows(table, col) {
                Some(Follow::Later) => {
                    !took.is_empty()
                        && tv.as_str().unwrap_or("")
                            > m.get(col).and_then(Json::as_str).unwrap_or("")
                }
                Some(Follow::Column(leader)) => took.contains(leader),
                Some(Follow::Values) => !took.is_empty() && !kept_mine,
                Some(Follow::Never) | None => false,
            };
            if follow && m.get(col) != Some(tv) {
                take.push((col.clone(), tv.clone()));
            }
        }
        if take.is_empty() {
            return Ok(());
        }
        let values = take
            .iter()
            .map(|(c, v)| Ok((c.as_str(), to_value(v)?)))
            .collect::<Result<Vec<_>>>()?;
        self.tx.update_row(table, key, &values)?;
        for (col, value) in take {
            if follows(table, &col).is_none() {
                self.out.applied.push(Applied {
                    table,
                    row: m.clone(),
                    before: m.get(&col).cloned(),
                    after: Some(value),
                    col,
                });
            }
        }
        Ok(())
    }

    /// Whether a conflict here (open or resolved) already offered the
    /// file's value `theirs` for this field.
    fn met(&self, table: Table, key: &str, col: &str, theirs: &Json) -> Result<bool> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT 1 FROM conflict WHERE table_name = ?1 AND row_key = ?2 AND col = ?3 \
                 AND theirs = ?4",
            )?
            .query_row(
                rusqlite::params![table.name(), key, col, theirs.to_string()],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// The name of the process that the row `r` of `table` is, or belongs
    /// to (its scores, objectives, custom fields), when it was approved
    /// here before the merge (one the merge approves, or adds approved,
    /// takes the file's scores with it).
    fn locked(&self, table: Table, r: &Row, state: &mut State) -> Result<Option<String>> {
        let id = match table {
            Table::Process => text(r, "id"),
            Table::Impact | Table::Objective | Table::ProcessCustomField => text(r, "process_id"),
            _ => return Ok(None),
        };
        if state.added.contains(id) {
            return Ok(None);
        }
        if let Some(known) = state.locked.get(id) {
            return Ok(known.clone());
        }
        let name: Option<String> = self
            .conn()
            .prepare_cached("SELECT name FROM process WHERE id = ?1 AND status = 'approved'")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        state.locked.insert(id.to_string(), name.clone());
        Ok(name)
    }

    /// A text holding the file's ids (a questionnaire's processes and
    /// answers), with those matched here under another id replaced.
    fn translate_ids(&self, s: &str) -> String {
        if self.ids.is_empty() {
            return s.to_string();
        }
        let mut out = String::with_capacity(s.len());
        for (i, part) in s.split('"').enumerate() {
            if i > 0 {
                out.push('"');
            }
            out.push_str(self.ids.get(part).map_or(part, String::as_str));
        }
        out
    }
}

/// The levels of a scale as a person reads them: "0–4", or "1, 2, 4".
fn levels(scale: &FxHashSet<i64>) -> String {
    let mut v: Vec<i64> = scale.iter().copied().collect();
    v.sort_unstable();
    match (v.first(), v.last()) {
        (Some(a), Some(b)) if (b - a + 1) as usize == v.len() => format!("{a}–{b}"),
        _ => v.iter().map(i64::to_string).collect::<Vec<_>>().join(", "),
    }
}

/// The default of each column of `table` that has one, as a value.
fn defaults(conn: &Connection, table: Table) -> Result<FxHashMap<String, Json>> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info({})", table.name()))?;
    let rows = stmt
        .query_map([], |r| {
            Ok((r.get::<_, String>(1)?, r.get::<_, Option<String>>(4)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(col, default)| {
            let d = default?;
            let v = match d.strip_prefix('\'').and_then(|d| d.strip_suffix('\'')) {
                Some(text) => Json::from(text.replace("''", "'")),
                None => Json::from(d.parse::<i64>().ok()?),
            };
            Some((col, v))
        })
        .collect())
}
