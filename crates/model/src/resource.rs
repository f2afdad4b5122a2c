//! Resources a process needs (applications, suppliers, people, sites, …),
//! their recovery capability, and the dependencies between processes and
//! resources.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{CustomField, Id, Minutes, Provenance};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ResourceKind {
    /// Application or IT system.
    Application,
    Infrastructure,
    /// Data or vital record.
    Data,
    /// Supplier or third party.
    Supplier,
    /// People, role or skill.
    People,
    /// Site or facility.
    Site,
    Equipment,
    /// Named in an imported dependency list that said no kind ("Core
    /// banking" under "Dependencies"): kept, listed "to classify" until
    /// someone gives it a kind. Never offered for a new resource.
    Unclassified,
}

impl ResourceKind {
    /// The kinds a resource can be given (pickers offer these).
    pub const ALL: [ResourceKind; 7] = [
        ResourceKind::Application,
        ResourceKind::Infrastructure,
        ResourceKind::Data,
        ResourceKind::Supplier,
        ResourceKind::People,
        ResourceKind::Site,
        ResourceKind::Equipment,
    ];

    /// Every kind a stored resource may have: [`ResourceKind::ALL`], then
    /// [`ResourceKind::Unclassified`] (filters, charts, reading a file).
    pub const EVERY: [ResourceKind; 8] = [
        ResourceKind::Application,
        ResourceKind::Infrastructure,
        ResourceKind::Data,
        ResourceKind::Supplier,
        ResourceKind::People,
        ResourceKind::Site,
        ResourceKind::Equipment,
        ResourceKind::Unclassified,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ResourceKind::Application => "application",
            ResourceKind::Infrastructure => "infrastructure",
            ResourceKind::Data => "data",
            ResourceKind::Supplier => "supplier",
            ResourceKind::People => "people",
            ResourceKind::Site => "site",
            ResourceKind::Equipment => "equipment",
            ResourceKind::Unclassified => "unclassified",
        }
    }

    /// For people: "application", "supplier", …
    pub fn label(self) -> &'static str {
        match self {
            ResourceKind::Application => "application",
            ResourceKind::Infrastructure => "infrastructure",
            ResourceKind::Data => "data / vital record",
            ResourceKind::Supplier => "supplier",
            ResourceKind::People => "people / role",
            ResourceKind::Site => "site",
            ResourceKind::Equipment => "equipment",
            ResourceKind::Unclassified => "to classify",
        }
    }

    /// In a sentence: "an application", "a supplier", "a resource to classify".
    pub fn with_article(self) -> String {
        match self {
            ResourceKind::Unclassified => "a resource to classify".into(),
            k if k.label().starts_with(['a', 'e', 'i', 'o', 'u']) => format!("an {}", k.label()),
            k => format!("a {}", k.label()),
        }
    }

    /// Whether someone still has to say what kind of resource it is.
    pub fn is_unclassified(self) -> bool {
        self == ResourceKind::Unclassified
    }

    /// `application`, …, `unclassified` (also "to classify", as labelled).
    pub fn parse(s: &str) -> Option<ResourceKind> {
        let key = s.trim().to_lowercase();
        if key == "to classify" || key == "to_classify" {
            return Some(ResourceKind::Unclassified);
        }
        ResourceKind::EVERY.into_iter().find(|k| k.as_str() == key)
    }
}

/// How a resource is covered if it fails.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Redundancy {
    #[default]
    None,
    ManualWorkaround,
    Alternate,
    AutomaticFailover,
}

impl Redundancy {
    pub const ALL: [Redundancy; 4] = [
        Redundancy::None,
        Redundancy::ManualWorkaround,
        Redundancy::Alternate,
        Redundancy::AutomaticFailover,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Redundancy::None => "none",
            Redundancy::ManualWorkaround => "manual_workaround",
            Redundancy::Alternate => "alternate",
            Redundancy::AutomaticFailover => "automatic_failover",
        }
    }

    pub fn parse(s: &str) -> Option<Redundancy> {
        let key = s.trim().to_lowercase().replace(['-', ' '], "_");
        Redundancy::ALL.into_iter().find(|r| r.as_str() == key)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Resource {
    pub id: Id,
    pub kind: ResourceKind,
    pub name: String,
    pub owner: String,
    pub description: String,
    /// How long it actually takes to restore; `None`: unknown.
    pub rto_capability: Option<Minutes>,
    /// How much data it can lose; `None`: unknown.
    pub rpo_capability: Option<Minutes>,
    pub redundancy: Redundancy,
    /// Suppliers: the recovery time in the contract.
    pub contractual_recovery: Option<Minutes>,
    pub notes: String,
    pub custom_fields: Vec<CustomField>,
    pub provenance: Provenance,
}

impl Resource {
    /// The recovery time to count on: the capability, else (for a supplier)
    /// the contractual recovery time.
    pub fn recovery_time(&self) -> Option<Minutes> {
        self.rto_capability.or(self.contractual_recovery)
    }
}

/// A resource as typed: durations as text ("4h", blank = unknown).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ResourceInput {
    pub kind: ResourceKind,
    pub name: super::Name,
    pub owner: String,
    pub description: String,
    pub rto_capability: String,
    pub rpo_capability: String,
    pub redundancy: Redundancy,
    pub contractual_recovery: String,
    pub notes: String,
    pub custom_fields: Vec<CustomField>,
}

impl Default for ResourceInput {
    fn default() -> Self {
        ResourceInput {
            kind: ResourceKind::Application,
            name: super::Name::default(),
            owner: String::new(),
            description: String::new(),
            rto_capability: String::new(),
            rpo_capability: String::new(),
            redundancy: Redundancy::None,
            contractual_recovery: String::new(),
            notes: String::new(),
            custom_fields: Vec::new(),
        }
    }
}

impl Resource {
    pub fn to_input(&self) -> ResourceInput {
        let text = |m: Option<Minutes>| m.map(|m| m.to_string()).unwrap_or_default();
        ResourceInput {
            kind: self.kind,
            name: self.name.as_str().into(),
            owner: self.owner.clone(),
            description: self.description.clone(),
            rto_capability: text(self.rto_capability),
            rpo_capability: text(self.rpo_capability),
            redundancy: self.redundancy,
            contractual_recovery: text(self.contractual_recovery),
            notes: self.notes.clone(),
            custom_fields: self.custom_fields.clone(),
        }
    }
}

/// One end of a dependency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
#[ts(export)]
pub enum NodeRef {
    Process(Id),
    Resource(Id),
}

impl NodeRef {
    pub fn id(self) -> Id {
        match self {
            NodeRef::Process(id) | NodeRef::Resource(id) => id,
        }
    }
}

/// How much the dependent suffers without what it depends on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Strength {
    /// Cannot run without it: its recovery requirement flows down.
    #[default]
    Required,
    /// Runs, degraded, without it.
    Degraded,
    Optional,
}

impl Strength {
    pub const ALL: [Strength; 3] = [Strength::Required, Strength::Degraded, Strength::Optional];

    pub fn as_str(self) -> &'static str {
        match self {
            Strength::Required => "required",
            Strength::Degraded => "degraded",
            Strength::Optional => "optional",
        }
    }

    pub fn parse(s: &str) -> Option<Strength> {
        let key = s.trim().to_lowercase();
        Strength::ALL
            .into_iter()
            .find(|x| x.as_str() == key || (key == "degraded without" && *x == Strength::Degraded))
    }
}

/// `from` relies on `to`: process → resource, process → process
/// (upstream), resource → resource.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Dependency {
    pub id: Id,
    pub from: NodeRef,
    pub to: NodeRef,
    pub strength: Strength,
    pub note: String,
}

/// What a dependency points at: something that exists, or a resource to
/// create with it (one edit).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DependencyTarget {
    Existing(NodeRef),
    NewResource(ResourceInput),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DependencyInput {
    pub from: NodeRef,
    pub to: DependencyTarget,
    pub strength: Strength,
    pub note: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_resource_to_classify_is_read_but_never_offered() {
        assert_eq!(
            ResourceKind::parse("unclassified"),
            Some(ResourceKind::Unclassified)
        );
        assert_eq!(
            ResourceKind::parse(" To classify "),
            Some(ResourceKind::Unclassified)
        );
        assert_eq!(ResourceKind::Unclassified.label(), "to classify");
        assert!(
            !ResourceKind::ALL.contains(&ResourceKind::Unclassified),
            "pickers offer ALL"
        );
        assert_eq!(
            ResourceKind::EVERY.last(),
            Some(&ResourceKind::Unclassified)
        );
        for k in ResourceKind::EVERY {
            assert_eq!(ResourceKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(ResourceKind::Application.with_article(), "an application");
        assert_eq!(ResourceKind::Supplier.with_article(), "a supplier");
        assert_eq!(
            ResourceKind::Unclassified.with_article(),
            "a resource to classify"
        );
    }
}
