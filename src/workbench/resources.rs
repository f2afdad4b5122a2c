//! Resources and who relies on what.

use bia_model::{
    Dependency, DependencyInput, FieldIssue, Id, NodeRef, Provenance, Resource, ResourceInput,
    Strength,
};

use super::Workbench;
use crate::error::Result;

impl Workbench {
    pub fn resources(&self) -> Result<Vec<Resource>> {
        Ok(self.store.resources()?)
    }

    pub fn check_resource(&self, input: &ResourceInput, id: Option<Id>) -> Result<Vec<FieldIssue>> {
        Ok(self.store.check_resource(input, id)?)
    }

    pub fn create_resource(&mut self, input: &ResourceInput) -> Result<Resource> {
        Ok(self.store.create_resource(input, &Provenance::Workshop)?)
    }

    pub fn update_resource(&mut self, id: Id, input: &ResourceInput) -> Result<Resource> {
        Ok(self.store.update_resource(id, input)?)
    }

    /// Deletes a resource with every link to it (one edit).
    pub fn delete_resource(&mut self, id: Id) -> Result<()> {
        Ok(self.store.delete_resource(id)?)
    }

    pub fn dependencies(&self) -> Result<Vec<Dependency>> {
        Ok(self.store.dependencies()?)
    }

    /// Records that something relies on something else (creating the
    /// resource it names when it is new); refuses self-links, a resource
    /// relying on a process, and duplicates.
    pub fn create_dependency(&mut self, input: &DependencyInput) -> Result<Dependency> {
        Ok(self.store.create_dependency(input, &Provenance::Workshop)?)
    }

    pub fn update_dependency(
        &mut self,
        id: Id,
        strength: Strength,
        note: &str,
    ) -> Result<Dependency> {
        Ok(self.store.update_dependency(id, strength, note)?)
    }

    pub fn delete_dependency(&mut self, id: Id) -> Result<()> {
        Ok(self.store.delete_dependency(id)?)
    }

    /// A process or resource by name (`kind:NAME` when a name is both).
    pub fn node_named(&self, name: &str) -> Result<NodeRef> {
        Ok(self.store.node_named(name)?)
    }
}
