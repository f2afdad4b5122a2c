//! What processes need from their dependencies, and where they cannot get
//! it: the required RTO/RPO of every resource and upstream process (the
//! tightest objective of everything that relies on it through *required*
//! dependencies, transitively, with the chain that sets it), gaps, single
//! points of failure, cycles and orphan resources.
//!
//! Requirements flow from each process down its required dependencies.
//! Processes are taken tightest objective first, and a breadth-first walk
//! from each assigns every node it reaches for the first time: the first
//! to reach a node is the tightest, so each node and edge is visited once
//! per objective (O(V + E)), cycles cannot loop it, and the walk's parent
//! links give the chain. Cycles are the strongly connected components found
//! by Kosaraju's algorithm (petgraph's is iterative; its Tarjan recurses and
//! overflows the stack on a 10,000-long chain).

use std::collections::VecDeque;

use petgraph::graph::{DiGraph, NodeIndex};
use rustc_hash::FxHashMap;
use serde::Serialize;
use ts_rs::TS;

use super::ProcessAnalysis;
use crate::model::{Assessment, Id, Minutes, NodeRef, Redundancy, Resource, Strength};

/// What a resource must deliver, and why.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ResourceRequirement {
    pub resource_id: Id,
    pub name: String,
    pub required_rto: Option<Minutes>,
    /// From the process that sets the requirement down to this resource.
    pub rto_chain: Vec<String>,
    pub required_rpo: Option<Minutes>,
    pub rpo_chain: Vec<String>,
    /// Processes and resources that rely on it directly (any strength).
    pub dependents: u32,
}

/// What an upstream process must deliver to the processes relying on it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct UpstreamRequirement {
    pub process_id: Id,
    pub name: String,
    pub required_rto: Option<Minutes>,
    pub rto_chain: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum GapKind {
    /// A resource restores more slowly than required.
    RtoCapability,
    /// A resource can lose more data than allowed.
    RpoCapability,
    /// An upstream process recovers later than a process relying on it needs.
    UpstreamRto,
    /// A resource under a Tier 1–2 process has no known recovery capability.
    UnknownCapability,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Gap {
    pub kind: GapKind,
    /// The resource or process that falls short.
    pub subject: String,
    pub subject_ref: NodeRef,
    pub required_minutes: Option<u32>,
    pub capability_minutes: Option<u32>,
    /// How far short; `None` when the capability is unknown.
    pub gap_minutes: Option<u32>,
    /// "Payroll processing (RTO 1 d)", …, "Workday (restores in 3 d)".
    pub chain: Vec<String>,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SinglePointOfFailure {
    pub resource_id: Id,
    pub name: String,
    /// The Tier 1 process whose requirement reaches it, and the path.
    pub chain: Vec<String>,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Cycle {
    /// The names of the processes and resources in the loop.
    pub nodes: Vec<String>,
    pub message: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DependencyAnalysis {
    pub resources: Vec<ResourceRequirement>,
    pub upstream: Vec<UpstreamRequirement>,
    /// Most severe first: unknown capability and the largest shortfalls.
    pub gaps: Vec<Gap>,
    pub spofs: Vec<SinglePointOfFailure>,
    pub cycles: Vec<Cycle>,
    /// Resources nothing relies on.
    pub orphans: Vec<String>,
}

struct Node<'a> {
    node: NodeRef,
    name: &'a str,
    resource: Option<&'a Resource>,
}

/// For one objective: each node's requirement (minutes) and the node that
/// handed it down (or the source process itself for its direct dependencies).
struct Flow {
    required: Vec<Option<u32>>,
    parent: Vec<Option<NodeIndex>>,
    source: Vec<Option<NodeIndex>>,
    /// Steps from the source.
    depth: Vec<u32>,
    /// The first nodes of the path from the source (at most `CHAIN_ENDS`).
    head: Vec<Vec<NodeIndex>>,
}

/// A chain longer than twice this shows its first and last nodes and how
/// many lie between, so that output stays proportional to the graph.
const CHAIN_ENDS: usize = 5;

pub fn analyze_dependencies(a: &Assessment, processes: &[ProcessAnalysis]) -> DependencyAnalysis {
    let mut graph: DiGraph<Node, Strength> = DiGraph::with_capacity(a.processes.len() + a.resources.len(), a.dependencies.len());
    let mut index: FxHashMap<Id, NodeIndex> = FxHashMap::default();
    for p in &a.processes {
        index.insert(p.id, graph.add_node(Node { node: NodeRef::Process(p.id), name: &p.name, resource: None }));
    }
    for r in &a.resources {
        index.insert(r.id, graph.add_node(Node { node: NodeRef::Resource(r.id), name: &r.name, resource: Some(r) }));
    }
    for d in &a.dependencies {
        if let (Some(&from), Some(&to)) = (index.get(&d.from.id()), index.get(&d.to.id())) {
            graph.add_edge(from, to, d.strength);
        }
    }
    let by_process: FxHashMap<Id, &ProcessAnalysis> = processes.iter().map(|p| (p.process_id, p)).collect();
    let rto_of = |i: NodeIndex| match graph[i].node {
        NodeRef::Process(id) => by_process.get(&id).and_then(|p| p.rto).map(|m| m.0),
        NodeRef::Resource(_) => None,
    };
    let rpo_of = |i: NodeIndex| match graph[i].node {
        NodeRef::Process(id) => by_process.get(&id).and_then(|p| if p.rpo_not_applicable { None } else { p.rpo }).map(|m| m.0),
        NodeRef::Resource(_) => None,
    };
    let rto = flow(&graph, rto_of);
    let rpo = flow(&graph, rpo_of);

    let label = |i: NodeIndex| graph[i].name.to_string();
    let chain = |f: &Flow, i: NodeIndex, objective: &str, own: &dyn Fn(NodeIndex) -> Option<u32>| -> Vec<String> {
        // The last nodes, walking up the parent links of this node's own
        // walk (a tree rooted at its source; links set by other walks may
        // loop, so the walk stops at the source or after `CHAIN_ENDS`).
        let depth = f.depth[i.index()] as usize;
        let short = depth < 2 * CHAIN_ENDS;
        let want = if short { depth + 1 } else { CHAIN_ENDS };
        let mut tail = vec![i];
        let mut at = i;
        while tail.len() < want && Some(at) != f.source[i.index()] {
            match f.parent[at.index()] {
                Some(p) => {
                    tail.push(p);
                    at = p;
                }
                None => break,
            }
        }
        tail.reverse();
        let name = |k: usize, n: NodeIndex| match (k, own(n)) {
            (0, Some(m)) => format!("{} ({objective} {})", label(n), Minutes(m)),
            _ => label(n),
        };
        if short {
            return tail.iter().enumerate().map(|(k, &n)| name(if Some(n) == f.source[i.index()] { 0 } else { k + 1 }, n)).collect();
        }
        let head = &f.head[i.index()];
        let mut out: Vec<String> = head.iter().enumerate().map(|(k, &n)| name(k, n)).collect();
        out.push(format!("… {} more …", depth + 1 - head.len() - CHAIN_ENDS));
        out.extend(tail.iter().map(|&n| label(n)));
        out
    };

    let tier1_max = a.methodology.tiers.first().and_then(|t| t.max_rto_minutes).map(|m| m.0);
    let tier2_max = a.methodology.tiers.get(1).and_then(|t| t.max_rto_minutes).map(|m| m.0).or(tier1_max);
    let in_tier = |minutes: u32, max: Option<u32>| max.is_some_and(|max| minutes <= max);

    let mut out = DependencyAnalysis::default();
    for i in graph.node_indices() {
        let n = &graph[i];
        let (rto_req, rpo_req) = (rto.required[i.index()], rpo.required[i.index()]);
        let rto_chain = if rto_req.is_some() { chain(&rto, i, "RTO", &rto_of) } else { Vec::new() };
        let rpo_chain = if rpo_req.is_some() { chain(&rpo, i, "RPO", &rpo_of) } else { Vec::new() };
        let source = |f: &Flow| f.source[i.index()].map(label).unwrap_or_default();
        let (rto_source, rpo_source) = (source(&rto), source(&rpo));
        match (n.node, n.resource) {
            (NodeRef::Resource(id), Some(r)) => {
                let dependents = graph.neighbors_directed(i, petgraph::Direction::Incoming).count() as u32;
                if let Some(req) = rto_req {
                    match r.recovery_time() {
                        Some(cap) if cap.0 > req => out.gaps.push(gap(
                            GapKind::RtoCapability,
                            n,
                            Some(req),
                            Some(cap.0),
                            &rto_chain,
                            format!("restores in {cap}"),
                            format!("{} restores in {cap}, but {rto_source} needs it back within {}", r.name, Minutes(req)),
                        )),
                        Some(_) => {}
                        None if in_tier(req, tier2_max) => out.gaps.push(gap(
                            GapKind::UnknownCapability,
                            n,
                            Some(req),
                            None,
                            &rto_chain,
                            "recovery time unknown".into(),
                            format!("{} has no known recovery time, and {rto_source} needs it back within {}", r.name, Minutes(req)),
                        )),
                        None => {}
                    }
                    if r.redundancy == Redundancy::None && in_tier(req, tier1_max) {
                        out.spofs.push(SinglePointOfFailure {
                            resource_id: id,
                            name: r.name.clone(),
                            chain: rto_chain.clone(),
                            message: format!("{} has no redundancy and a Tier 1 process needs it: {}", r.name, rto_chain.join(" → ")),
                        });
                    }
                }
                if let (Some(req), Some(cap)) = (rpo_req, r.rpo_capability)
                    && cap.0 > req
                {
                    out.gaps.push(gap(
                        GapKind::RpoCapability,
                        n,
                        Some(req),
                        Some(cap.0),
                        &rpo_chain,
                        format!("can lose {cap} of data"),
                        format!("{} can lose {cap} of data, but {rpo_source} allows only {}", r.name, Minutes(req)),
                    ));
                }
                out.resources.push(ResourceRequirement {
                    resource_id: id,
                    name: r.name.clone(),
                    required_rto: rto_req.map(Minutes),
                    rto_chain,
                    required_rpo: rpo_req.map(Minutes),
                    rpo_chain,
                    dependents,
                });
            }
            (NodeRef::Process(id), _) => {
                if let (Some(req), Some(own)) = (rto_req, rto_of(i))
                    && own > req
                {
                    out.gaps.push(gap(
                        GapKind::UpstreamRto,
                        n,
                        Some(req),
                        Some(own),
                        &rto_chain,
                        format!("RTO {}", Minutes(own)),
                        format!("{} has an RTO of {}, but {rto_source} relies on it within {}", n.name, Minutes(own), Minutes(req)),
                    ));
                }
                if rto_req.is_some() {
                    out.upstream.push(UpstreamRequirement {
                        process_id: id,
                        name: n.name.to_string(),
                        required_rto: rto_req.map(Minutes),
                        rto_chain,
                    });
                }
            }
            _ => {}
        }
    }
    out.gaps.sort_by(|x, y| {
        let severity = |g: &Gap| (g.kind != GapKind::UnknownCapability, std::cmp::Reverse(g.gap_minutes.unwrap_or(0)));
        severity(x).cmp(&severity(y)).then_with(|| x.subject.cmp(&y.subject))
    });

    for scc in petgraph::algo::kosaraju_scc(&graph) {
        let looped = scc.len() > 1 || graph.contains_edge(scc[0], scc[0]);
        if looped {
            let mut nodes: Vec<String> = scc.iter().map(|&i| label(i)).collect();
            nodes.sort();
            let message = format!("{} rely on each other in a loop", nodes.join(", "));
            out.cycles.push(Cycle { nodes, message });
        }
    }

    // Orphans: resources no process reaches through any dependency.
    let mut reached = vec![false; graph.node_count()];
    let mut queue: VecDeque<NodeIndex> = graph.node_indices().filter(|&i| matches!(graph[i].node, NodeRef::Process(_))).collect();
    while let Some(i) = queue.pop_front() {
        for next in graph.neighbors(i) {
            if !reached[next.index()] {
                reached[next.index()] = true;
                queue.push_back(next);
            }
        }
    }
    out.orphans = graph
        .node_indices()
        .filter(|&i| graph[i].resource.is_some() && !reached[i.index()])
        .map(label)
        .collect();
    out.orphans.sort();
    out
}

fn gap(
    kind: GapKind,
    n: &Node,
    required: Option<u32>,
    capability: Option<u32>,
    chain: &[String],
    last: String,
    message: String,
) -> Gap {
    let mut chain = chain.to_vec();
    if let Some(end) = chain.last_mut() {
        *end = format!("{end} ({last})");
    }
    Gap {
        kind,
        subject: n.name.to_string(),
        subject_ref: n.node,
        required_minutes: required,
        capability_minutes: capability,
        gap_minutes: match (required, capability) {
            (Some(r), Some(c)) => Some(c.saturating_sub(r)),
            _ => None,
        },
        chain,
        message,
    }
}

/// Hands each process's objective down its required dependencies,
/// tightest first; see the module documentation.
fn flow(graph: &DiGraph<Node, Strength>, objective: impl Fn(NodeIndex) -> Option<u32>) -> Flow {
    let n = graph.node_count();
    let mut f = Flow {
        required: vec![None; n],
        parent: vec![None; n],
        source: vec![None; n],
        depth: vec![0; n],
        head: vec![Vec::new(); n],
    };
    let mut sources: Vec<(u32, NodeIndex)> = graph.node_indices().filter_map(|i| objective(i).map(|m| (m, i))).collect();
    sources.sort();
    let mut queue = VecDeque::new();
    for (minutes, source) in sources {
        queue.push_back(source);
        while let Some(at) = queue.pop_front() {
            for edge in graph.edges(at) {
                use petgraph::visit::EdgeRef;
                let next = edge.target();
                if *edge.weight() != Strength::Required || next == source || f.required[next.index()].is_some() {
                    continue;
                }
                f.required[next.index()] = Some(minutes);
                f.parent[next.index()] = Some(at);
                f.source[next.index()] = Some(source);
                let depth = if at == source { 1 } else { f.depth[at.index()] + 1 };
                f.depth[next.index()] = depth;
                let mut head = if at == source { vec![source] } else { f.head[at.index()].clone() };
                if head.len() < CHAIN_ENDS {
                    head.push(next);
                }
                f.head[next.index()] = head;
                queue.push_back(next);
            }
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::model::{
        AssessmentInfo, Dependency, Methodology, Objectives, Process, Provenance, Resource, ResourceKind, Status,
    };

    /// A small assessment: processes with RTOs (hours), resources with
    /// recovery times (hours; `None` unknown) and redundancy, links by name.
    struct World {
        a: Assessment,
    }

    impl World {
        fn new() -> World {
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
                    decisions: vec![],
                    impact_rationales: vec![],
                    resources: vec![],
                    dependencies: vec![],
                },
            }
        }

        fn process(mut self, name: &str, rto_hours: Option<u32>) -> World {
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
                status: Status::Draft,
                custom_fields: vec![],
                provenance: Provenance::Workshop,
                created_at: String::new(),
                updated_at: String::new(),
            });
            if let Some(h) = rto_hours {
                self.a.objectives.push(Objectives { process_id: id, rto: Some(Minutes::hours(h)), ..Default::default() });
            }
            self
        }

        fn resource(mut self, name: &str, restores_hours: Option<u32>, redundancy: Redundancy) -> World {
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

        fn node(&self, name: &str) -> NodeRef {
            self.a
                .processes
                .iter()
                .find(|p| p.name == name)
                .map(|p| NodeRef::Process(p.id))
                .or_else(|| self.a.resources.iter().find(|r| r.name == name).map(|r| NodeRef::Resource(r.id)))
                .unwrap_or_else(|| panic!("no {name}"))
        }

        fn link(mut self, from: &str, to: &str, strength: Strength) -> World {
            let (from, to) = (self.node(from), self.node(to));
            self.a.dependencies.push(Dependency { id: Id::new(), from, to, strength, note: String::new() });
            self
        }

        fn run(&self) -> DependencyAnalysis {
            analyze(&self.a).dependencies
        }
    }

    fn required(d: &DependencyAnalysis, name: &str) -> (Option<u32>, Vec<String>) {
        let r = d.resources.iter().find(|r| r.name == name).unwrap();
        (r.required_rto.map(|m| m.0 / 60), r.rto_chain.clone())
    }

    #[test]
    fn requirements_flow_down_multi_level_chains_and_the_tightest_wins() {
        let w = World::new()
            .process("Payroll", Some(24))
            .process("Picking", Some(2))
            .resource("Workday", Some(72), Redundancy::Alternate)
            .resource("WMS", Some(1), Redundancy::Alternate)
            .resource("Data centre", Some(8), Redundancy::None)
            .resource("Power supplier", Some(4), Redundancy::Alternate)
            .link("Payroll", "Workday", Strength::Required)
            .link("Workday", "Data centre", Strength::Required)
            .link("Picking", "WMS", Strength::Required)
            .link("WMS", "Data centre", Strength::Required)
            .link("Data centre", "Power supplier", Strength::Required);
        let d = w.run();
        assert_eq!(required(&d, "Workday"), (Some(24), vec!["Payroll (RTO 1 d)".into(), "Workday".into()]));
        assert_eq!(
            required(&d, "Power supplier"),
            (Some(2), vec!["Picking (RTO 2 h)".into(), "WMS".into(), "Data centre".into(), "Power supplier".into()]),
            "three levels down, the tighter of the two processes sets it"
        );
        let gap = d.gaps.iter().find(|g| g.subject == "Workday").unwrap();
        assert_eq!(gap.kind, GapKind::RtoCapability);
        assert_eq!((gap.required_minutes, gap.capability_minutes, gap.gap_minutes), (Some(1440), Some(4320), Some(2880)));
        assert_eq!(gap.chain, ["Payroll (RTO 1 d)", "Workday (restores in 3 d)"]);
        assert_eq!(gap.message, "Workday restores in 3 d, but Payroll needs it back within 1 d");
        let subjects: Vec<_> = d.gaps.iter().map(|g| g.subject.as_str()).collect();
        assert_eq!(subjects, ["Workday", "Data centre", "Power supplier"], "largest shortfall first: 2 d, 6 h, 2 h");
        assert_eq!(d.spofs.len(), 1, "the data centre has no redundancy under a Tier 1 process");
        assert_eq!(d.spofs[0].name, "Data centre");
    }

    #[test]
    fn only_required_dependencies_carry_the_requirement() {
        let d = World::new()
            .process("Picking", Some(2))
            .resource("Label printer", Some(48), Redundancy::None)
            .resource("Portal", Some(48), Redundancy::None)
            .resource("Hosting", Some(48), Redundancy::None)
            .link("Picking", "Label printer", Strength::Degraded)
            .link("Picking", "Portal", Strength::Optional)
            .link("Portal", "Hosting", Strength::Required)
            .run();
        assert!(d.resources.iter().all(|r| r.required_rto.is_none()), "nothing is required through degraded or optional links");
        assert!(d.gaps.is_empty() && d.spofs.is_empty());
        assert!(d.orphans.is_empty(), "every resource is relied on, if loosely");
    }

    #[test]
    fn unknown_capability_is_a_gap_only_under_tier_one_and_two() {
        let d = World::new()
            .process("Treasury", Some(4))
            .process("Archiving", Some(24 * 7))
            .resource("Banking portal", None, Redundancy::Alternate)
            .resource("Archive store", None, Redundancy::Alternate)
            .link("Treasury", "Banking portal", Strength::Required)
            .link("Archiving", "Archive store", Strength::Required)
            .run();
        let unknown: Vec<_> = d.gaps.iter().filter(|g| g.kind == GapKind::UnknownCapability).map(|g| g.subject.as_str()).collect();
        assert_eq!(unknown, ["Banking portal"], "a Tier 4 need with unknown capability is not flagged");
        assert_eq!(d.gaps[0].gap_minutes, None);
    }

    #[test]
    fn an_upstream_process_looser_than_its_dependent_is_a_gap() {
        let d = World::new()
            .process("Order intake", Some(2))
            .process("Stock control", Some(24 * 7))
            .process("Reporting", Some(24))
            .link("Order intake", "Stock control", Strength::Required)
            .link("Reporting", "Stock control", Strength::Required)
            .run();
        assert_eq!(d.gaps.len(), 1);
        assert_eq!(d.gaps[0].kind, GapKind::UpstreamRto);
        assert_eq!(d.gaps[0].message, "Stock control has an RTO of 1 w, but Order intake relies on it within 2 h");
        assert_eq!(d.upstream[0].required_rto, Some(Minutes::hours(2)));
    }

    #[test]
    fn cycles_are_reported_and_do_not_hang() {
        let d = World::new()
            .process("Billing", Some(4))
            .process("Collections", Some(8))
            .resource("Orphan fax machine", Some(1), Redundancy::None)
            .link("Billing", "Collections", Strength::Required)
            .link("Collections", "Billing", Strength::Required)
            .run();
        assert_eq!(d.cycles.len(), 1);
        assert_eq!(d.cycles[0].nodes, ["Billing", "Collections"]);
        assert_eq!(d.orphans, ["Orphan fax machine"]);
        let collections = d.upstream.iter().find(|u| u.name == "Collections").unwrap();
        assert_eq!(collections.required_rto, Some(Minutes::hours(4)));
        assert!(d.upstream.iter().all(|u| u.name != "Billing" || u.required_rto == Some(Minutes::hours(8))));
    }

    #[test]
    fn chains_up_to_ten_nodes_are_shown_whole() {
        let mut w = World::new().process("Dispatch", Some(2));
        for i in 0..9 {
            w = w.resource(&format!("R{i}"), Some(1), Redundancy::Alternate);
        }
        w = w.link("Dispatch", "R0", Strength::Required);
        for i in 0..8 {
            w = w.link(&format!("R{i}"), &format!("R{}", i + 1), Strength::Required);
        }
        let d = w.run();
        let names = |n: usize| required(&d, &format!("R{n}")).1;
        assert_eq!(names(6), ["Dispatch (RTO 2 h)", "R0", "R1", "R2", "R3", "R4", "R5", "R6"]);
        assert_eq!(names(8).len(), 10);
        assert_eq!(names(8)[0], "Dispatch (RTO 2 h)");
    }

    #[test]
    fn a_ten_thousand_long_chain_neither_overflows_nor_crawls() {
        let n = 10_000;
        let mut w = World::new().process("Head", Some(1));
        for i in 0..n {
            w = w.resource(&format!("R{i}"), Some(1), Redundancy::Alternate);
        }
        let ids: Vec<NodeRef> = (0..n).map(|i| NodeRef::Resource(w.a.resources[i].id)).collect();
        w.a.dependencies.push(Dependency { id: Id::new(), from: w.node("Head"), to: ids[0], strength: Strength::Required, note: String::new() });
        for i in 0..n {
            // The last one loops back to the first: one long cycle.
            let to = ids[(i + 1) % n];
            w.a.dependencies.push(Dependency { id: Id::new(), from: ids[i], to, strength: Strength::Required, note: String::new() });
        }
        let d = w.run();
        let last = d.resources.iter().find(|r| r.name == format!("R{}", n - 1)).unwrap();
        assert_eq!(last.required_rto, Some(Minutes::hours(1)));
        assert_eq!(last.rto_chain.first().unwrap(), "Head (RTO 1 h)", "the chain reaches back to the process");
        assert_eq!(last.rto_chain[5], format!("… {} more …", n + 1 - 10));
        assert_eq!(last.rto_chain.last().unwrap(), &format!("R{}", n - 1));
        assert_eq!(last.rto_chain.len(), 11, "a long chain is shown by its ends");
        assert_eq!(d.cycles.len(), 1);
        assert_eq!(d.cycles[0].nodes.len(), n);
    }
}
