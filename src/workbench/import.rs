//! Importing a workbook into the open assessment: plan against what the
//! file holds now, then apply as one journaled edit after a backup.

use std::path::Path;

use bia_excel::import::{Limits, Mapping, Plan, Workbook, plan, read_and_plan};

use super::Workbench;
use crate::error::Result;
use crate::import::{Applied, Progress};

impl Workbench {
    /// Reads `path` and plans its import (planning while it reads); gives
    /// back the workbook too, so a changed mapping can be planned again
    /// without reading it twice ([`Workbench::replan_import`]).
    pub fn plan_import(&self, path: &Path, mapping: &Mapping) -> Result<(Workbook, Plan)> {
        let current = self.assessment()?;
        let (workbook, plan) = read_and_plan(path, &Limits::default(), &current, mapping)?;
        Ok((workbook, plan?))
    }

    /// Plans a workbook already read, against the assessment as it is now.
    pub fn replan_import(
        &self,
        path: &Path,
        workbook: &Workbook,
        mapping: &Mapping,
    ) -> Result<Plan> {
        Ok(plan(path, workbook, &*self.assessment()?, mapping)?)
    }

    /// Grows with every change to the open file, so that a plan kept for
    /// a preview is applied only while the assessment is as it was planned
    /// against.
    pub fn revision(&self) -> u64 {
        self.store.revision()
    }

    /// Applies a plan after a backup, as one edit (one undo takes it back);
    /// `progress` returning `false` cancels before the commit. A plan with
    /// no process is refused (`nothing_imported`).
    pub fn apply_import(
        &mut self,
        plan: &Plan,
        progress: &mut dyn FnMut(&Progress) -> bool,
    ) -> Result<Applied> {
        crate::import::apply(&mut self.store, plan, progress)
    }
}
