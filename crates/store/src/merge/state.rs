//! What one merge carries as it goes, whichever kind it is (three-way
//! against a copy, `engine`; or like an import, `matched`): the edit it
//! writes through, the other file and what each side knows, the ids it
//! has matched, and what it has done so far.

use rusqlite::Connection;
use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::Value as Json;

use super::stamps::{self, Knowledge};
use crate::error::Result;
use crate::journal::{Row, Table, Tx};
use bia_model::{Id, Prefer};

/// One change the merge made here.
#[derive(Clone, Debug)]
pub(crate) struct Applied {
    pub table: Table,
    /// The row as it was or is now (to name it).
    pub row: Row,
    /// The field; '' for the whole row.
    pub col: String,
    pub before: Option<Json>,
    pub after: Option<Json>,
}

#[derive(Debug, Default)]
pub(crate) struct Outcome {
    pub applied: Vec<Applied>,
    /// The conflicts this merge found (ids in the conflict table).
    pub conflicts: Vec<Id>,
    pub decisions_added: usize,
    /// What could not be taken, said as the report shows it.
    pub left_out: Vec<String>,
}

/// The copy being merged in: its file, and what it knows of every copy.
pub(super) struct Side<'a> {
    pub(super) conn: &'a Connection,
    pub(super) knows: Knowledge,
}

/// One merge under way: the edit it writes through, the copy, what each
/// side knows, and what it has done so far.
pub(super) struct Merge<'t, 'c, 'a> {
    pub(super) tx: &'t mut Tx<'c>,
    pub(super) theirs: Side<'a>,
    pub(super) mine: Knowledge,
    pub(super) holder: String,
    pub(super) prefer: Option<Prefer>,
    /// This file's own copy and the count its own choices are stamped with.
    pub(super) own: String,
    pub(super) count: i64,
    /// The copy's conflicts still unresolved: (table, key, col).
    pub(super) their_open: FxHashSet<(String, String, String)>,
    /// The copy's sources by id, and this file's id for each.
    pub(super) sources: FxHashMap<i64, i64>,
    pub(super) their_sources: FxHashMap<i64, String>,
    pub(super) who: String,
    pub(super) now: String,
    /// The rows met so far (as themselves, or as the owner of a row met).
    pub(super) owners_seen: FxHashSet<(Table, String)>,
    /// The copy's ids of rows found here under another id (a merge like
    /// an import matches by name), and this file's id for each.
    pub(super) ids: FxHashMap<String, String>,
    /// Merging like an import (no fork point in common).
    pub(super) matching: bool,
    pub(super) out: Outcome,
}

impl<'t, 'c, 'a> Merge<'t, 'c, 'a> {
    /// A merge of `theirs` (held by `holder`) through the edit `tx`.
    pub(super) fn new(
        tx: &'t mut Tx<'c>,
        theirs: &'a Connection,
        holder: &str,
        prefer: Option<Prefer>,
    ) -> Result<Merge<'t, 'c, 'a>> {
        let (own, count) = match stamps::own(tx.conn())? {
            Some((own, _)) => (own, stamps::next_count(tx.conn())?),
            None => (String::new(), 0),
        };
        let mine = Knowledge::read(tx.conn())?;
        let their_knows = Knowledge::read(theirs)?;
        let their_open = theirs
            .prepare("SELECT table_name, row_key, col FROM conflict WHERE resolution = ''")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<FxHashSet<_>>>()?;
        let their_sources = theirs
            .prepare("SELECT id, provenance FROM source")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let who: String =
            tx.conn()
                .query_row("SELECT facilitator FROM assessment LIMIT 1", [], |r| {
                    r.get(0)
                })?;
        Ok(Merge {
            tx,
            theirs: Side {
                conn: theirs,
                knows: their_knows,
            },
            mine,
            holder: holder.to_string(),
            prefer,
            own,
            count,
            their_open,
            sources: FxHashMap::default(),
            their_sources,
            who,
            now: crate::now(),
            owners_seen: FxHashSet::default(),
            ids: FxHashMap::default(),
            matching: false,
            out: Outcome::default(),
        })
    }
}
