//! Merging copies (work in progress).

use std::path::{Path, PathBuf};

use bia_model::{Conflict, CopyInfo, GivenCopy, MergeReport, Prefer, ResolveInput};

use super::Store;
use crate::error::Result;

impl Store {
    pub fn copy_info(&self) -> Result<CopyInfo> {
        todo!()
    }

    pub fn fork(&mut self, _to: &Path, _holder: &str) -> Result<GivenCopy> {
        todo!()
    }

    pub fn merge_from(
        &mut self,
        _theirs: &Store,
        _path: &Path,
        _prefer: Option<Prefer>,
        _dry_run: bool,
    ) -> Result<MergeReport> {
        todo!()
    }

    pub fn backup_before_merge(&mut self) -> Result<PathBuf> {
        self.writable()?;
        super::file::backup::tagged(&self.conn, &self.path, "before-merge")
    }

    pub fn conflicts(&self) -> Result<Vec<Conflict>> {
        todo!()
    }

    pub fn resolve_conflict(&mut self, _input: &ResolveInput) -> Result<Conflict> {
        todo!()
    }
}
