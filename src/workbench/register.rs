//! The register: units and processes, and moving a process through review.

use bia_model::{FieldIssue, Id, Process, ProcessInput, Provenance, Status, Unit, UnitInput};

use super::Workbench;
use crate::error::Result;

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
        Ok(self.store.check_process(input, id)?)
    }

    pub fn create_process(&mut self, input: &ProcessInput) -> Result<Process> {
        Ok(self.store.create_process(input, &Provenance::Workshop)?)
    }

    /// Creates a process in the unit named `unit`, creating the unit when
    /// there is none by that name — one edit.
    pub fn create_process_in(&mut self, unit: &str, input: &ProcessInput) -> Result<Process> {
        Ok(self
            .store
            .create_process_in(unit, input, &Provenance::Workshop)?)
    }

    /// Changes a process; an approved one only by reopening it.
    pub fn update_process(&mut self, id: Id, input: &ProcessInput) -> Result<Process> {
        Ok(self.store.update_process(id, input)?)
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
