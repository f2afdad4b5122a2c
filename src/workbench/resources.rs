//! Resources and who relies on what.

use bia_model::{
    Dependency, DependencyInput, FieldIssue, Id, NodeRef, Resource, ResourceInput, ResourceKind,
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
        let typed = self.typed()?;
        Ok(self.store.create_resource(input, &typed)?)
    }

    pub fn update_resource(&mut self, id: Id, input: &ResourceInput) -> Result<Resource> {
        Ok(self.store.update_resource(id, input)?)
    }

    /// The resources nobody has given a kind yet (an import's names from
    /// lists that said none), by name.
    pub fn resources_to_classify(&self) -> Result<Vec<Resource>> {
        let mut all = self.store.resources()?;
        all.retain(|r| r.kind.is_unclassified());
        Ok(all)
    }

    /// Gives a resource a kind (one edit); refused when a resource of that
    /// kind has its name.
    pub fn set_resource_kind(&mut self, id: Id, kind: ResourceKind) -> Result<Resource> {
        Ok(self.store.set_resource_kind(id, kind)?)
    }

    /// [`Workbench::set_resource_kind`] of the resource with this name
    /// (`KIND:NAME`, e.g. `unclassified:Citrix`, when several share it).
    pub fn set_resource_kind_named(&mut self, name: &str, kind: ResourceKind) -> Result<Resource> {
        match self.store.node_named(name)? {
            NodeRef::Resource(id) => self.set_resource_kind(id, kind),
            NodeRef::Process(_) => Err(bia_store::Error::NoSuchName {
                kind: "resource",
                name: name.trim().to_string(),
            }
            .into()),
        }
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
        let typed = self.typed()?;
        Ok(self.store.create_dependency(input, &typed)?)
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
