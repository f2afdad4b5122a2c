//! A small hand-built assessment for the analyses' tests: processes with
//! RTOs (hours), resources with recovery times and redundancy, links by
//! name, and what the scenario tests add (an agreed MTPD, a workaround, a
//! score).

use crate::analyze;
use bia_model::{
    Assessment, AssessmentInfo, Dependency, Id, Methodology, Minutes, NodeRef, Objectives, Process,
    Provenance, Redundancy, Resource, ResourceKind, Score, Status, Strength,
};

/// A small assessment: processes with RTOs (hours), resources with
/// recovery times (hours; `None` unknown) and redundancy, links by name.
pub(crate) struct World {
    pub(crate) a: Assessment,
}

impl World {
    pub(crate) fn new() -> World {
        World {
            a: Assessment {
                info: AssessmentInfo {
                    id: Id::new(),
                    name: "Test".into(),
                    organisation: String::new(),
                    scope: String::new(),
                    facilitator: String::new(),
                    created_at: String::new(),
                    updated_at: String::new(),
                },
                methodology: Methodology::default(),
                units: vec![],
                processes: vec![],
                scores: vec![],
                objectives: vec![],
                impact_rationales: vec![],
                resources: vec![],
                dependencies: vec![],
            },
        }
    }

    pub(crate) fn process(mut self, name: &str, rto_hours: Option<u32>) -> World {
        let id = Id::new();
        self.a.processes.push(Process {
            id,
            name: name.into(),
            unit_id: None,
            owner: String::new(),
            description: String::new(),
            peak_periods: String::new(),
            minimum_staff: None,
            workaround: String::new(),
            notes: String::new(),
            claimed_tier: String::new(),
            status: Status::Draft,
            custom_fields: vec![],
            provenance: Provenance::Workshop,
            created_at: String::new(),
            updated_at: String::new(),
        });
        if let Some(h) = rto_hours {
            self.a.objectives.push(Objectives {
                process_id: id,
                rto: Some(Minutes::hours(h)),
                ..Default::default()
            });
        }
        self
    }

    pub(crate) fn resource(
        mut self,
        name: &str,
        restores_hours: Option<u32>,
        redundancy: Redundancy,
    ) -> World {
        self.a.resources.push(Resource {
            id: Id::new(),
            kind: ResourceKind::Application,
            name: name.into(),
            owner: String::new(),
            description: String::new(),
            rto_capability: restores_hours.map(Minutes::hours),
            rpo_capability: None,
            redundancy,
            contractual_recovery: None,
            notes: String::new(),
            custom_fields: vec![],
            provenance: Provenance::Workshop,
        });
        self
    }

    pub(crate) fn node(&self, name: &str) -> NodeRef {
        self.a
            .processes
            .iter()
            .find(|p| p.name == name)
            .map(|p| NodeRef::Process(p.id))
            .or_else(|| {
                self.a
                    .resources
                    .iter()
                    .find(|r| r.name == name)
                    .map(|r| NodeRef::Resource(r.id))
            })
            .unwrap_or_else(|| panic!("no {name}"))
    }

    pub(crate) fn link(mut self, from: &str, to: &str, strength: Strength) -> World {
        let (from, to) = (self.node(from), self.node(to));
        self.a.dependencies.push(Dependency {
            id: Id::new(),
            from,
            to,
            strength,
            note: String::new(),
        });
        self
    }

    pub(crate) fn run(&self) -> crate::DependencyAnalysis {
        analyze(&self.a).dependencies
    }
}

impl World {
    /// Agrees an MTPD of `hours` for `process`.
    pub(crate) fn mtpd(mut self, process: &str, hours: u32) -> World {
        let NodeRef::Process(id) = self.node(process) else {
            panic!("{process} is not a process")
        };
        match self.a.objectives.iter_mut().find(|o| o.process_id == id) {
            Some(o) => o.mtpd_override = Some(Minutes::hours(hours)),
            None => self.a.objectives.push(Objectives {
                process_id: id,
                mtpd_override: Some(Minutes::hours(hours)),
                ..Default::default()
            }),
        }
        self
    }

    pub(crate) fn workaround(mut self, process: &str, text: &str) -> World {
        let p = self
            .a
            .processes
            .iter_mut()
            .find(|p| p.name == process)
            .unwrap();
        p.workaround = text.into();
        self
    }

    /// Scores `process` in `category` at the horizon of `minutes`.
    pub(crate) fn score(
        mut self,
        process: &str,
        category: &str,
        minutes: u32,
        severity: u8,
    ) -> World {
        let NodeRef::Process(id) = self.node(process) else {
            panic!("{process} is not a process")
        };
        let m = &self.a.methodology;
        let category_id = m.categories.iter().find(|c| c.name == category).unwrap().id;
        let horizon_id = m
            .horizons
            .iter()
            .find(|h| h.minutes.0 == minutes)
            .unwrap()
            .id;
        self.a.scores.push(Score {
            process_id: id,
            category_id,
            horizon_id,
            severity: Some(severity),
            note: String::new(),
            provenance: Provenance::Workshop,
        });
        self
    }
}
