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
use bia_model::{Assessment, Id, Minutes, NodeRef, Redundancy, Resource, Strength};

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
    /// The process whose objective sets the requirement: the chain's head.
    pub source_process_id: Option<Id>,
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
    let mut graph: DiGraph<Node, Strength> =
        DiGraph::with_capacity(a.processes.len() + a.resources.len(), a.dependencies.len());
    let mut index: FxHashMap<Id, NodeIndex> = FxHashMap::default();
    for p in &a.processes {
        index.insert(
            p.id,
            graph.add_node(Node {
                node: NodeRef::Process(p.id),
                name: &p.name,
                resource: None,
            }),
        );
    }
    for r in &a.resources {
        index.insert(
            r.id,
            graph.add_node(Node {
                node: NodeRef::Resource(r.id),
                name: &r.name,
                resource: Some(r),
            }),
        );
    }
    for d in &a.dependencies {
        if let (Some(&from), Some(&to)) = (index.get(&d.from.id()), index.get(&d.to.id())) {
            graph.add_edge(from, to, d.strength);
        }
    }
    let by_process: FxHashMap<Id, &ProcessAnalysis> =
        processes.iter().map(|p| (p.process_id, p)).collect();
    let rto_of = |i: NodeIndex| match graph[i].node {
        NodeRef::Process(id) => by_process.get(&id).and_then(|p| p.rto).map(|m| m.0),
        NodeRef::Resource(_) => None,
    };
    let rpo_of = |i: NodeIndex| match graph[i].node {
        NodeRef::Process(id) => by_process
            .get(&id)
            .and_then(|p| if p.rpo_not_applicable { None } else { p.rpo })
            .map(|m| m.0),
        NodeRef::Resource(_) => None,
    };
    let rto = flow(&graph, rto_of);
    let rpo = flow(&graph, rpo_of);

    let label = |i: NodeIndex| graph[i].name.to_string();
    let chain = |f: &Flow,
                 i: NodeIndex,
                 objective: &str,
                 own: &dyn Fn(NodeIndex) -> Option<u32>|
     -> Vec<String> {
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
            return tail
                .iter()
                .enumerate()
                .map(|(k, &n)| {
                    name(
                        if Some(n) == f.source[i.index()] {
                            0
                        } else {
                            k + 1
                        },
                        n,
                    )
                })
                .collect();
        }
        let head = &f.head[i.index()];
        let mut out: Vec<String> = head.iter().enumerate().map(|(k, &n)| name(k, n)).collect();
        out.push(format!("… {} more …", depth + 1 - head.len() - CHAIN_ENDS));
        out.extend(tail.iter().map(|&n| label(n)));
        out
    };

    let tier1_max = a
        .methodology
        .tiers
        .first()
        .and_then(|t| t.max_rto_minutes)
        .map(|m| m.0);
    let tier2_max = a
        .methodology
        .tiers
        .get(1)
        .and_then(|t| t.max_rto_minutes)
        .map(|m| m.0)
        .or(tier1_max);
    let in_tier = |minutes: u32, max: Option<u32>| max.is_some_and(|max| minutes <= max);

    let mut out = DependencyAnalysis::default();
    for i in graph.node_indices() {
        let n = &graph[i];
        let (rto_req, rpo_req) = (rto.required[i.index()], rpo.required[i.index()]);
        let rto_chain = if rto_req.is_some() {
            chain(&rto, i, "RTO", &rto_of)
        } else {
            Vec::new()
        };
        let rpo_chain = if rpo_req.is_some() {
            chain(&rpo, i, "RPO", &rpo_of)
        } else {
            Vec::new()
        };
        let source = |f: &Flow| f.source[i.index()].map(label).unwrap_or_default();
        let (rto_source, rpo_source) = (source(&rto), source(&rpo));
        let source_id = |f: &Flow| match f.source[i.index()].map(|s| graph[s].node) {
            Some(NodeRef::Process(id)) => Some(id),
            _ => None,
        };
        let (rto_source_id, rpo_source_id) = (source_id(&rto), source_id(&rpo));
        match (n.node, n.resource) {
            (NodeRef::Resource(id), Some(r)) => {
                let dependents = graph
                    .neighbors_directed(i, petgraph::Direction::Incoming)
                    .count() as u32;
                if let Some(req) = rto_req {
                    match r.recovery_time() {
                        Some(cap) if cap.0 > req => out.gaps.push(gap(
                            GapKind::RtoCapability,
                            n,
                            rto_source_id,
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
                            rto_source_id,
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
                            message: format!(
                                "{} has no redundancy and a Tier 1 process needs it: {}",
                                r.name,
                                rto_chain.join(" → ")
                            ),
                        });
                    }
                }
                if let (Some(req), Some(cap)) = (rpo_req, r.rpo_capability)
                    && cap.0 > req
                {
                    out.gaps.push(gap(
                        GapKind::RpoCapability,
                        n,
                        rpo_source_id,
                        Some(req),
                        Some(cap.0),
                        &rpo_chain,
                        format!("can lose {cap} of data"),
                        format!(
                            "{} can lose {cap} of data, but {rpo_source} allows only {}",
                            r.name,
                            Minutes(req)
                        ),
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
                        rto_source_id,
                        Some(req),
                        Some(own),
                        &rto_chain,
                        format!("RTO {}", Minutes(own)),
                        format!(
                            "{} has an RTO of {}, but {rto_source} relies on it within {}",
                            n.name,
                            Minutes(own),
                            Minutes(req)
                        ),
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
        let severity = |g: &Gap| {
            (
                g.kind != GapKind::UnknownCapability,
                std::cmp::Reverse(g.gap_minutes.unwrap_or(0)),
            )
        };
        severity(x)
            .cmp(&severity(y))
            .then_with(|| x.subject.cmp(&y.subject))
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
    let mut queue: VecDeque<NodeIndex> = graph
        .node_indices()
        .filter(|&i| matches!(graph[i].node, NodeRef::Process(_)))
        .collect();
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

#[allow(clippy::too_many_arguments)]
fn gap(
    kind: GapKind,
    n: &Node,
    source_process_id: Option<Id>,
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
        source_process_id,
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
    let mut sources: Vec<(u32, NodeIndex)> = graph
        .node_indices()
        .filter_map(|i| objective(i).map(|m| (m, i)))
        .collect();
    sources.sort();
    let mut queue = VecDeque::new();
    for (minutes, source) in sources {
        queue.push_back(source);
        while let Some(at) = queue.pop_front() {
            for edge in graph.edges(at) {
                use petgraph::visit::EdgeRef;
                let next = edge.target();
                if *edge.weight() != Strength::Required
                    || next == source
                    || f.required[next.index()].is_some()
                {
                    continue;
                }
                f.required[next.index()] = Some(minutes);
                f.parent[next.index()] = Some(at);
                f.source[next.index()] = Some(source);
                let depth = if at == source {
                    1
                } else {
                    f.depth[at.index()] + 1
                };
                f.depth[next.index()] = depth;
                let mut head = if at == source {
                    vec![source]
                } else {
                    f.head[at.index()].clone()
                };
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
#[path = "dependencies_tests.rs"]
mod tests;
