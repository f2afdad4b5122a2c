//! The register: units and processes, and moving a process through review.

use bia_model::{FieldIssue, Id, Process, ProcessInput, Status, Unit, UnitInput};

use super::Workbench;
use crate::error::{Error, Result};

impl Workbench {
    pub fn units(&self) -> Result<Vec<Unit>> {
        Ok(self.store.units()?)
    }

    pub fn create_unit(&mut self, input: &UnitInput) -> Result<Unit> {
        Ok(self.store.create_unit(input)?)
    }

    pub fn update_unit(&mut self, id: Id, input: &UnitInput) -> Result<Unit> {
        Ok(self.store.update_unit(id, input)?)
    }

    /// Deletes an empty unit.
    pub fn delete_unit(&mut self, id: Id) -> Result<()> {
        Ok(self.store.delete_unit(id)?)
    }

    /// All processes, by name.
    pub fn processes(&self) -> Result<Vec<Process>> {
        Ok(self.store.processes()?)
    }

    /// The process with this name (however it is typed), or an error
    /// naming it.
    pub fn process_named(&self, name: &str) -> Result<Process> {
        Ok(self
            .store
            .process_by_name(name)?
            .ok_or_else(|| bia_store::Error::NoSuchName {
                kind: "process",
                name: name.trim().to_string(),
            })?)
    }

    /// Every problem a form should show for `input` (`id`: the process
    /// being edited).
    pub fn check_process(&self, input: &ProcessInput, id: Option<Id>) -> Result<Vec<FieldIssue>> {
        let mut issues = self.store.check_process(input, id)?;
        issues.extend(self.claim_issues(input, id)?);
        Ok(issues)
    }

    /// A claimed tier typed in a workshop must name one of the
    /// methodology's tiers (a name, a number or a criticality word); an
    /// import keeps what it cannot read as text instead. A claim stored
    /// before the tiers were edited may no longer read: kept unchanged
    /// (`id`: the process being edited), it is not refused.
    fn claim_issues(&self, input: &ProcessInput, id: Option<Id>) -> Result<Vec<FieldIssue>> {
        if let Some(id) = id
            && self.store.process(id)?.claimed_tier == input.claimed_tier.trim()
        {
            return Ok(Vec::new());
        }
        Ok(
            match self
                .store
                .methodology()?
                .read_tier_claim(&input.claimed_tier)
            {
                Err(e) => vec![FieldIssue::new("claimed_tier", format!("{e}."))],
                Ok(_) => Vec::new(),
            },
        )
    }

    /// Refuses an input whose claimed tier names no tier.
    fn refuse_unread_claim(&self, input: &ProcessInput, id: Option<Id>) -> Result<()> {
        let issues = self.claim_issues(input, id)?;
        if issues.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid { issues })
        }
    }

    pub fn create_process(&mut self, input: &ProcessInput) -> Result<Process> {
        self.refuse_unread_claim(input, None)?;
        let typed = self.typed()?;
        Ok(self.store.create_process(input, &typed)?)
    }

    /// Creates a process in the unit named `unit`, creating the unit when
    /// there is none by that name — one edit.
    pub fn create_process_in(&mut self, unit: &str, input: &ProcessInput) -> Result<Process> {
        self.refuse_unread_claim(input, None)?;
        let typed = self.typed()?;
        Ok(self.store.create_process_in(unit, input, &typed)?)
    }

    /// Changes a process; an approved one only by reopening it.
    pub fn update_process(&mut self, id: Id, input: &ProcessInput) -> Result<Process> {
        self.refuse_unread_claim(input, Some(id))?;
        Ok(self.store.update_process(id, input)?)
    }

    /// Sets (or, with an empty `claim`, clears) the tier claimed for the
    /// process named `process`: one edit, refused when the claim names
    /// none of the methodology's tiers.
    pub fn set_claimed_tier(&mut self, process: &str, claim: &str) -> Result<Process> {
        let p = self.process_named(process)?;
        let input = ProcessInput {
            claimed_tier: claim.trim().to_string(),
            ..p.to_input()
        };
        self.update_process(p.id, &input)
    }

    /// Draft → in review → approved, or back; logged with `note`.
    pub fn set_status(&mut self, id: Id, status: Status, note: &str) -> Result<Process> {
        Ok(self.store.set_status(id, status, note)?)
    }

    /// Deletes a process with its scores, objectives and links (one edit).
    pub fn delete_process(&mut self, id: Id) -> Result<()> {
        Ok(self.store.delete_process(id)?)
    }
}
