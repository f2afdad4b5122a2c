//! Copies handed out and merged back.
//!
//! [`Store::fork`] writes a copy of the file that is a copy in its own
//! right: both files get an identity among the copies (`copy`), and from
//! then on every edit in either is stamped ([`stamps`]): which copy
//! changed which field, at which of its counts. [`Store::merge_from`]
//! brings in what a copy changed that this file does not know
//! ([`engine`]), as one journaled edit; the conflicts it cannot decide are
//! kept in the file ([`Store::conflicts`]) until resolved
//! ([`Store::resolve_conflict`], [`resolve`]). Why stamps and not the
//! journal or SQLite's session extension: ARCHITECTURE.md, "Merging".

mod describe;
pub(crate) mod engine;
mod matched;
mod record;
mod resolve;
mod rows;
mod same;
pub(crate) mod stamps;
mod state;

use std::path::{Path, PathBuf};

use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::error::{Error, Result};
use crate::journal;
use bia_model::{
    Conflict, CopyInfo, FieldIssue, GivenCopy, Id, KnownCopy, MergeReport, Prefer, ResolveInput,
};

impl Store {
    /// What this file is among the copies of its assessment.
    pub fn copy_info(&self) -> Result<CopyInfo> {
        let mut info = CopyInfo::default();
        let rows = self
            .conn
            .prepare("SELECT id, holder, own, forked_from, forked_at FROM copy ORDER BY rowid")?
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, bool>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (id, holder, own, from, at) in rows {
            if own {
                info.copy_id = id;
                info.holder = holder;
                info.forked_from = (!from.is_empty()).then_some(from);
                info.forked_at = (!at.is_empty()).then_some(at);
            } else {
                info.known.push(KnownCopy {
                    copy_id: id,
                    holder,
                });
            }
        }
        Ok(info)
    }

    /// Writes a copy of the assessment to `to` (which must not exist) for
    /// `holder` to take away. The copy gets an identity of its own, and
    /// this file one too if it had none, so that each knows what the
    /// other changed since; the copy is written whole and checked before
    /// it gets its name.
    pub fn fork(&mut self, to: &Path, holder: &str) -> Result<GivenCopy> {
        let holder = bia_model::clean_name(holder);
        if holder.is_empty() {
            return Err(Error::Invalid {
                issues: vec![FieldIssue::new(
                    "holder",
                    "Say who the copy is for (their name).",
                )],
            });
        }
        let conn = self.writable()?;
        let facilitator: String =
            conn.query_row("SELECT facilitator FROM assessment LIMIT 1", [], |r| {
                r.get(0)
            })?;
        if stamps::own(conn)?.is_none() {
            conn.execute(
                "INSERT INTO copy (id, holder, own, counter) VALUES (?1, ?2, 1, 0)",
                params![Id::new().to_string(), facilitator],
            )?;
        }
        let (mine, _) = stamps::own(conn)?.expect("just written");
        let copy_id = Id::new().to_string();
        let at = super::now();
        super::file::backup::copy_changed(conn, to, |copy| {
            copy.execute("UPDATE copy SET own = 0 WHERE own = 1", [])?;
            copy.execute(
                "INSERT INTO copy (id, holder, own, counter, forked_from, forked_at) \
                 VALUES (?1, ?2, 1, 0, ?3, ?4)",
                params![copy_id, holder, mine, at],
            )?;
            // The copy starts with no history of its own to undo into
            // this file's, and with no conflict of this file's to resolve.
            copy.execute_batch("DELETE FROM edit_change; DELETE FROM edit; VACUUM;")?;
            Ok(())
        })?;
        conn.execute(
            "INSERT INTO copy (id, holder, own, counter, forked_from, forked_at) \
             VALUES (?1, ?2, 0, 0, ?3, ?4)",
            params![copy_id, holder, mine, at],
        )?;
        Ok(GivenCopy {
            path: to.display().to_string(),
            holder,
            copy_id,
        })
    }

    /// Merges the copy `theirs` (read from `path`) into this file as one
    /// edit; with `dry_run`, the same merge rolled back: what it would do.
    /// A preference resolves every conflict found at once.
    pub fn merge_from(
        &mut self,
        theirs: &Store,
        path: &Path,
        prefer: Option<Prefer>,
        dry_run: bool,
    ) -> Result<MergeReport> {
        let mine_info = self.info()?;
        let their_info = theirs.info()?;
        if mine_info.id != their_info.id {
            return Err(Error::MergeOtherAssessment {
                path: path.to_path_buf(),
                mine: mine_info.name,
                theirs: their_info.name,
            });
        }
        let their_copy = stamps::own(&theirs.conn)?.map(|(id, _)| id);
        let my_copy = stamps::own(&self.conn)?.map(|(id, _)| id);
        if their_copy.is_some() && my_copy == their_copy {
            return Err(Error::MergeSameCopy {
                path: path.to_path_buf(),
            });
        }
        let known_here = stamps::Knowledge::read(&self.conn)?;
        let known_there = stamps::Knowledge::read(&theirs.conn)?;
        // Copies of one family share at least the first file's identity;
        // a file of none shares no fork point, and merges like an import.
        let related = known_there.0.keys().any(|c| known_here.0.contains_key(c));
        if their_copy.is_none() || !related {
            return self.merge_matched(theirs, path, prefer, true, dry_run);
        }
        let holder: String =
            theirs
                .conn
                .query_row("SELECT holder FROM copy WHERE own = 1", [], |r| r.get(0))?;
        let label = format!("Merge the copy held by {holder}");
        let rationale = format!("Merged from the copy held by {holder}");
        self.merge_with(
            theirs,
            path,
            &label,
            &rationale,
            &holder,
            false,
            dry_run,
            |tx| engine::merge(tx, &theirs.conn, &holder, prefer),
        )
    }

    /// Merges `theirs` (read from `path`: a file sharing no fork point with
    /// this one, of this assessment or another, or an export read back)
    /// like an import: its rows matched by id, then by name; a field empty
    /// here filled, one filled differently on both sides a conflict; what
    /// it lacks is never removed here. Its decision log is added unless
    /// `with_log` is false (a file read back from an export holds only
    /// the entries that reading it wrote). One edit; with `dry_run`,
    /// rolled back.
    pub fn merge_matched(
        &mut self,
        theirs: &Store,
        path: &Path,
        prefer: Option<Prefer>,
        with_log: bool,
        dry_run: bool,
    ) -> Result<MergeReport> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let label = format!("Merge “{name}” like an import");
        let rationale = format!("Merged like an import from {name}");
        self.merge_with(
            theirs,
            path,
            &label,
            &rationale,
            &name,
            true,
            dry_run,
            |tx| matched::merge(tx, &theirs.conn, &name, prefer, with_log),
        )
    }

    /// Runs a merge as one edit (or, with `dry_run`, rolled back) and
    /// reports it.
    #[allow(clippy::too_many_arguments)]
    fn merge_with(
        &mut self,
        theirs: &Store,
        path: &Path,
        label: &str,
        rationale: &str,
        holder: &str,
        matched: bool,
        dry_run: bool,
        run: impl FnOnce(&mut journal::Tx) -> Result<engine::Outcome>,
    ) -> Result<MergeReport> {
        let conn = self.writable()?;
        let (applied, conflicts, decisions_added, left_out, unresolved) =
            journal::edit_or_try(conn, label, !dry_run, |tx| {
                tx.decision.rationale = rationale.to_string();
                let out = run(tx)?;
                let applied = out
                    .applied
                    .iter()
                    .map(|a| describe::applied(tx.conn(), &theirs.conn, a))
                    .collect::<Result<Vec<_>>>()?;
                let conflicts = out
                    .conflicts
                    .iter()
                    .map(|id| describe::conflict_by_id(tx.conn(), Some(&theirs.conn), *id))
                    .collect::<Result<Vec<_>>>()?;
                // Counted before a dry run rolls back: a conflict found
                // again is the one already open, not another.
                let unresolved: i64 = tx.conn().query_row(
                    "SELECT count(*) FROM conflict WHERE resolution = ''",
                    [],
                    |r| r.get(0),
                )?;
                Ok((
                    applied,
                    conflicts,
                    out.decisions_added,
                    out.left_out,
                    unresolved as usize,
                ))
            })?;
        Ok(MergeReport {
            from: path.display().to_string(),
            from_holder: holder.to_string(),
            dry_run,
            applied,
            conflicts,
            decisions_added,
            unresolved,
            backup: None,
            matched,
            left_out,
        })
    }

    /// Copies the file beside itself before a merge.
    pub fn backup_before_merge(&mut self) -> Result<PathBuf> {
        self.writable()?;
        super::file::backup::tagged(&self.conn, &self.path, "before-merge")
    }

    /// Every conflict merges found, the unresolved first (then newest
    /// first).
    pub fn conflicts(&self) -> Result<Vec<Conflict>> {
        let ids = self
            .conn
            .prepare(
                "SELECT id FROM conflict \
                 ORDER BY resolution <> '', found_at DESC, table_name, row_key, col",
            )?
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        ids.iter()
            .map(|id| {
                let id: Id = id.parse().map_err(|_| Error::Journal {
                    reason: format!("a conflict with the id {id:?}"),
                })?;
                describe::conflict_by_id(&self.conn, None, id)
            })
            .collect()
    }

    /// How many conflicts wait to be resolved.
    pub fn unresolved_conflicts(&self) -> Result<usize> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM conflict WHERE resolution = ''",
            [],
            |r| r.get(0),
        )?;
        Ok(n as usize)
    }

    /// Resolves one conflict as one edit (undo takes it back).
    pub fn resolve_conflict(&mut self, input: &ResolveInput) -> Result<Conflict> {
        let exists: Option<String> = self
            .conn
            .query_row(
                "SELECT resolution FROM conflict WHERE id = ?1",
                [input.id.to_string()],
                |r| r.get(0),
            )
            .optional()?;
        if exists.is_none() {
            return Err(Error::UnknownConflict {
                id: input.id.to_string(),
            });
        }
        let label = describe::conflict_by_id(&self.conn, None, input.id)?;
        let conn = self.writable()?;
        resolve::resolve(conn, input, &label)?;
        describe::conflict_by_id(&self.conn, None, input.id)
    }
}
