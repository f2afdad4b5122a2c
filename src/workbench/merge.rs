//! Copies handed out and merged back: Give a Copy To… writes a copy that
//! knows its family, Merge a Copy… brings a copy's changes in (a dry run
//! first shows them), and the conflicts found stay listed in the file
//! until someone resolves them. The merging is the store's
//! (`bia_store::merge`); here it is composed with the backup taken first
//! and the reading of the copy, which is only ever read.

use std::path::Path;

use bia_model::{Conflict, CopyInfo, GivenCopy, MergeReport, Prefer, ResolveInput};
use bia_store::Store;

use super::Workbench;
use crate::error::Result;

impl Workbench {
    /// What this file is among its copies.
    pub fn copy_info(&self) -> Result<CopyInfo> {
        Ok(self.store.copy_info()?)
    }

    /// Writes a copy of the assessment to `to` (which must not exist) for
    /// `holder` to take away: both files then know the state they share,
    /// so the copy can be merged back.
    pub fn give_copy(&mut self, to: &Path, holder: &str) -> Result<GivenCopy> {
        Ok(self.store.fork(to, holder)?)
    }

    /// Merges the copy at `from` into this file as one edit, after a
    /// backup; with `dry_run`, only says what it would do. The copy is
    /// only read. Without a preference, a field both sides changed is a
    /// conflict: this file's value stays until the conflict is resolved.
    pub fn merge_copy(
        &mut self,
        from: &Path,
        prefer: Option<Prefer>,
        dry_run: bool,
    ) -> Result<MergeReport> {
        self.refuse_itself(from)?;
        let theirs = Store::open_to_read(from)?;
        self.merge_in(&theirs, dry_run, |store, theirs, dry_run| {
            store.merge_from(theirs, from, prefer, dry_run)
        })
    }

    /// Merges another assessment file, or this program's exported
    /// workbook, into this one like an import (File ▸ Import…, `bia
    /// import FILE --into THIS`): its rows matched by id, then by name;
    /// what is empty here filled, what both filled differently listed as
    /// conflicts; nothing here removed. One edit after a backup; with
    /// `dry_run`, only says what it would do. The file is only read.
    pub fn import_assessment(&mut self, from: &Path, dry_run: bool) -> Result<MergeReport> {
        self.refuse_itself(from)?;
        if crate::import::is_assessment_file(from) {
            let theirs = Store::open_to_read(from)?;
            return self.merge_in(&theirs, dry_run, |store, theirs, dry_run| {
                store.merge_matched(theirs, from, None, true, dry_run)
            });
        }
        let workbook = crate::import::read(from)?;
        if !bia_excel::import::is_own_export(&workbook) {
            return Err(bia_excel::import::ImportError::NotOwnExport {
                path: from.to_path_buf(),
            }
            .into());
        }
        // The export is read back whole into a file of its own, built
        // beside a name that is never given it and dropped afterwards.
        let scratch = std::env::temp_dir().join(format!("bia-import-{}.bia", bia_model::Id::new()));
        let currency = self.store.methodology()?.currency;
        let (theirs, _) = crate::import::import_into_new(&workbook, &scratch, currency)?;
        // Its decision log holds only what reading it back wrote.
        self.merge_in(&theirs, dry_run, |store, theirs, dry_run| {
            store.merge_matched(theirs, from, None, false, dry_run)
        })
    }

    /// The open file itself (which its lock would refuse as "open in
    /// another program") is the same copy.
    fn refuse_itself(&self, from: &Path) -> Result<()> {
        let same = |p: &Path| std::fs::canonicalize(p).ok();
        if same(from).is_some() && same(from) == same(self.path()) {
            return Err(bia_store::Error::MergeSameCopy {
                path: from.to_path_buf(),
            }
            .into());
        }
        Ok(())
    }

    /// Plans a merge of `theirs` by a dry run and, unless only that was
    /// asked or it would change nothing, takes a backup and merges.
    fn merge_in(
        &mut self,
        theirs: &Store,
        dry_run: bool,
        merge: impl Fn(&mut Store, &Store, bool) -> bia_store::Result<MergeReport>,
    ) -> Result<MergeReport> {
        // A file damaged where opening did not look fails the merge, which
        // then changes nothing; it is named as damaged, not as a failed
        // read (checking every page first would double a large merge).
        let damaged = |e: bia_store::Error| match e {
            bia_store::Error::Sqlite(_) => theirs.check().err().unwrap_or(e),
            e => e,
        };
        let plan = merge(&mut self.store, theirs, true).map_err(damaged)?;
        let nothing =
            plan.applied.is_empty() && plan.conflicts.is_empty() && plan.decisions_added == 0;
        if dry_run || nothing {
            return Ok(MergeReport { dry_run, ..plan });
        }
        let backup = self.store.backup_before_merge()?;
        let mut report = merge(&mut self.store, theirs, false).map_err(damaged)?;
        report.backup = Some(backup.display().to_string());
        Ok(report)
    }

    /// Every conflict merges have found, the unresolved first.
    pub fn conflicts(&self) -> Result<Vec<Conflict>> {
        Ok(self.store.conflicts()?)
    }

    /// How many conflicts wait to be resolved (counted, not described).
    pub fn unresolved_conflicts(&self) -> Result<usize> {
        Ok(self.store.unresolved_conflicts()?)
    }

    /// Resolves one conflict as one edit (logged; undo takes it back).
    pub fn resolve_conflict(&mut self, input: &ResolveInput) -> Result<Conflict> {
        Ok(self.store.resolve_conflict(input)?)
    }
}
