//! A layered drawing of a directed graph (the Sugiyama method), for the
//! dependency chart: what relies on something sits in a column to the left
//! of what it relies on.
//!
//! 1. **Cycles** are broken by reversing the back edges of a depth-first
//!    walk (iterative, in node order), so the rest works on a DAG.
//! 2. **Layers** by longest path from the sources, never below a node's
//!    `min_layer` (resources never share the processes' column).
//! 3. An edge spanning several layers gets a **dummy** slot in each layer it
//!    crosses, so it is routed between the boxes, never through them.
//! 4. **Crossing reduction**: alternate down and up sweeps sort each layer by
//!    the barycentre of its neighbours in the layer before; the order with
//!    the fewest crossings (counted exactly, in O(E log V) per pair of
//!    layers) is kept.
//! 5. **Coordinates**: each slot is pulled towards the mean position of its
//!    neighbours while keeping its order and the minimum spacing; that is an
//!    isotonic regression, solved exactly per layer by pool-adjacent-
//!    violators in linear time. Boxes therefore never overlap.
//!
//! Everything is deterministic: the same nodes and edges, each in the same
//! order, give the same layout; ties are broken by that order, so it should
//! mean something (the dependency chart sorts both by names, never ids).
//! Cost is about O(sweeps × (V + D + E log V)) where D is the number of
//! dummies; a few hundred nodes lay out in milliseconds.

/// How the graph is to be drawn, in pixels (each node's height is its own).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Spacing {
    /// Height reserved for an edge passing through a layer.
    pub dummy: f64,
    /// Space between two boxes in a layer.
    pub gap: f64,
    /// Space between an edge passing through and its neighbours.
    pub dummy_gap: f64,
}

/// Where everything goes.
#[derive(Debug)]
pub(crate) struct Layout {
    /// Each node's layer (column).
    pub layer: Vec<usize>,
    /// Each node's vertical centre, from 0 at the top of the tallest layer.
    pub y: Vec<f64>,
    pub layers: usize,
    /// Per input edge, in input order.
    pub edges: Vec<EdgePath>,
    /// From the top of the highest box to the bottom of the lowest.
    pub height: f64,
    /// Edge crossings left after the reduction (the tests check it).
    #[allow(dead_code)]
    pub crossings: usize,
}

/// The route of one edge: from its lower-layer end to its higher-layer end,
/// through one point per layer in between.
#[derive(Debug, Clone)]
pub(crate) struct EdgePath {
    /// (layer, y): first and last are the end nodes' centres.
    pub points: Vec<(usize, f64)>,
    /// The edge points from the higher layer to the lower one (it closed a
    /// cycle): it was reversed to lay out the graph.
    pub reversed: bool,
}

/// Sweeps of crossing reduction; the best order seen is kept.
const SWEEPS: usize = 12;
/// Rounds of coordinate assignment (each a down and an up pass).
const ROUNDS: usize = 4;

/// Lays out nodes of the heights `heights` (one each), joined by `edges`
/// (from, to); `min_layer[v]` is the least layer `v` may take. Nodes should
/// come in a meaningful order (the most important first): it is the
/// starting order of every layer.
pub(crate) fn layout(
    heights: &[f64],
    edges: &[(usize, usize)],
    min_layer: &[usize],
    spacing: Spacing,
) -> Layout {
    let nodes = heights.len();
    let reversed = back_edges(nodes, edges);
    let dag: Vec<(usize, usize)> = edges
        .iter()
        .zip(&reversed)
        .map(|(&(u, v), &r)| if r { (v, u) } else { (u, v) })
        .collect();
    let layer = layers(nodes, &dag, min_layer);
    let layers = layer.iter().max().map_or(0, |l| l + 1);

    // Slots: the nodes, then one dummy per layer an edge passes through.
    let mut slot_layer = layer.clone();
    let mut chains: Vec<Vec<usize>> = Vec::with_capacity(dag.len());
    for &(u, v) in &dag {
        let mut chain = vec![u];
        for l in layer[u] + 1..layer[v] {
            slot_layer.push(l);
            chain.push(slot_layer.len() - 1);
        }
        chain.push(v);
        chains.push(chain);
    }
    let slots = slot_layer.len();
    let mut up: Vec<Vec<usize>> = vec![Vec::new(); slots];
    let mut down: Vec<Vec<usize>> = vec![Vec::new(); slots];
    for chain in &chains {
        for w in chain.windows(2) {
            down[w[0]].push(w[1]);
            up[w[1]].push(w[0]);
        }
    }
    let is_dummy = |s: usize| s >= nodes;

    let mut order: Vec<Vec<usize>> = vec![Vec::new(); layers];
    for s in 0..slots {
        order[slot_layer[s]].push(s);
    }
    let crossings = reduce_crossings(&mut order, &up, &down, slots);

    // Coordinates.
    let height_of = |s: usize| {
        if is_dummy(s) {
            spacing.dummy
        } else {
            heights[s]
        }
    };
    let sep = |a: usize, b: usize| {
        let gap = if is_dummy(a) || is_dummy(b) {
            spacing.dummy_gap
        } else {
            spacing.gap
        };
        (height_of(a) + height_of(b)) / 2.0 + gap
    };
    let mut y = vec![0.0; slots];
    for layer in &order {
        let mut at = 0.0;
        for (i, &s) in layer.iter().enumerate() {
            if i > 0 {
                at += sep(layer[i - 1], s);
            }
            y[s] = at;
        }
    }
    // Long edges stay straight: their dummies pull harder than boxes.
    let weight = |s: usize| if is_dummy(s) { 2.0 } else { 1.0 };
    for _ in 0..ROUNDS {
        for layer in order.iter().skip(1) {
            place(layer, &up, &mut y, &sep, &weight);
        }
        for layer in order.iter().rev().skip(1) {
            place(layer, &down, &mut y, &sep, &weight);
        }
    }
    let top = (0..slots)
        .map(|s| y[s] - height_of(s) / 2.0)
        .fold(f64::INFINITY, f64::min);
    let bottom = (0..slots)
        .map(|s| y[s] + height_of(s) / 2.0)
        .fold(f64::NEG_INFINITY, f64::max);
    let shift = if top.is_finite() { -top } else { 0.0 };
    for v in &mut y {
        *v += shift;
    }

    Layout {
        y: y[..nodes].to_vec(),
        edges: chains
            .iter()
            .zip(&reversed)
            .map(|(chain, &reversed)| EdgePath {
                points: chain.iter().map(|&s| (slot_layer[s], y[s])).collect(),
                reversed,
            })
            .collect(),
        layer,
        layers,
        height: if bottom.is_finite() {
            bottom + shift
        } else {
            0.0
        },
        crossings,
    }
}

/// The edges to reverse to make the graph acyclic: the back edges of an
/// iterative depth-first walk, started from each node in order.
fn back_edges(nodes: usize, edges: &[(usize, usize)]) -> Vec<bool> {
    let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new(); nodes];
    for (i, &(u, v)) in edges.iter().enumerate() {
        out[u].push((v, i));
    }
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        Open,
        Done,
    }
    let mut state = vec![State::New; nodes];
    let mut reversed = vec![false; edges.len()];
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for start in 0..nodes {
        if state[start] != State::New {
            continue;
        }
        state[start] = State::Open;
        stack.push((start, 0));
        while let Some(&mut (u, ref mut next)) = stack.last_mut() {
            if let Some(&(v, i)) = out[u].get(*next) {
                *next += 1;
                match state[v] {
                    State::New => {
                        state[v] = State::Open;
                        stack.push((v, 0));
                    }
                    State::Open => reversed[i] = true,
                    State::Done => {}
                }
            } else {
                state[u] = State::Done;
                stack.pop();
            }
        }
    }
    reversed
}

/// Longest-path layering of a DAG, in topological order (Kahn).
fn layers(nodes: usize, dag: &[(usize, usize)], min_layer: &[usize]) -> Vec<usize> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); nodes];
    let mut indegree = vec![0usize; nodes];
    for &(u, v) in dag {
        out[u].push(v);
        indegree[v] += 1;
    }
    let mut layer: Vec<usize> = (0..nodes)
        .map(|v| min_layer.get(v).copied().unwrap_or(0))
        .collect();
    let mut ready: std::collections::VecDeque<usize> =
        (0..nodes).filter(|&v| indegree[v] == 0).collect();
    while let Some(u) = ready.pop_front() {
        for &v in &out[u] {
            layer[v] = layer[v].max(layer[u] + 1);
            indegree[v] -= 1;
            if indegree[v] == 0 {
                ready.push_back(v);
            }
        }
    }
    layer
}

/// Sorts each layer by the barycentre of its neighbours, sweeping down and
/// up; leaves the best order found in `order` and returns its crossings.
fn reduce_crossings(
    order: &mut [Vec<usize>],
    up: &[Vec<usize>],
    down: &[Vec<usize>],
    slots: usize,
) -> usize {
    let mut pos = vec![0usize; slots];
    let index = |order: &[Vec<usize>], pos: &mut [usize]| {
        for layer in order {
            for (i, &s) in layer.iter().enumerate() {
                pos[s] = i;
            }
        }
    };
    index(order, &mut pos);
    let mut best = order.to_vec();
    let mut best_crossings = crossings(order, down, &pos);
    let layers = order.len();
    for sweep in 0..SWEEPS {
        if best_crossings == 0 {
            break;
        }
        let (range, nbrs): (Vec<usize>, _) = if sweep % 2 == 0 {
            ((1..layers).collect(), up)
        } else {
            ((0..layers.saturating_sub(1)).rev().collect(), down)
        };
        for l in range {
            let mut keyed: Vec<(f64, usize, usize)> = order[l]
                .iter()
                .map(|&s| {
                    let n = &nbrs[s];
                    let key = if n.is_empty() {
                        pos[s] as f64
                    } else {
                        n.iter().map(|&t| pos[t] as f64).sum::<f64>() / n.len() as f64
                    };
                    (key, pos[s], s)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            order[l] = keyed.into_iter().map(|(_, _, s)| s).collect();
            for (i, &s) in order[l].iter().enumerate() {
                pos[s] = i;
            }
        }
        let c = crossings(order, down, &pos);
        if c < best_crossings {
            best_crossings = c;
            best = order.to_vec();
        }
    }
    order.clone_from_slice(&best);
    best_crossings
}

/// Edge crossings between all pairs of adjacent layers: per pair, the
/// inversions of the lower ends when the segments are sorted by their
/// upper ends, counted with a Fenwick tree.
fn crossings(order: &[Vec<usize>], down: &[Vec<usize>], pos: &[usize]) -> usize {
    let mut total = 0;
    for l in 0..order.len().saturating_sub(1) {
        let width = order[l + 1].len();
        let mut segments: Vec<(usize, usize)> = Vec::new();
        for &s in &order[l] {
            for &t in &down[s] {
                segments.push((pos[s], pos[t]));
            }
        }
        segments.sort_unstable();
        let mut tree = vec![0usize; width + 1];
        for (seen, &(_, lower)) in segments.iter().enumerate() {
            // Segments already seen whose lower end lies beyond this one's.
            let mut at_or_before = 0;
            let mut i = lower + 1;
            while i > 0 {
                at_or_before += tree[i];
                i &= i - 1;
            }
            total += seen - at_or_before;
            let mut i = lower + 1;
            while i <= width {
                tree[i] += 1;
                i += i & i.wrapping_neg();
            }
        }
    }
    total
}

/// Moves the slots of one layer as close as they can get to the mean
/// position of their neighbours, keeping their order and spacing: minimise
/// Σ w·(y − target)² subject to y[i+1] ≥ y[i] + sep, by pool-adjacent-
/// violators on y − (cumulative spacing).
fn place(
    layer: &[usize],
    nbrs: &[Vec<usize>],
    y: &mut [f64],
    sep: &impl Fn(usize, usize) -> f64,
    weight: &impl Fn(usize) -> f64,
) {
    if layer.is_empty() {
        return;
    }
    let mut offset = Vec::with_capacity(layer.len());
    let mut at = 0.0;
    for (i, &s) in layer.iter().enumerate() {
        if i > 0 {
            at += sep(layer[i - 1], s);
        }
        offset.push(at);
    }
    // Blocks of (weight, weighted mean, length).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::with_capacity(layer.len());
    for (i, &s) in layer.iter().enumerate() {
        let n = &nbrs[s];
        let target = if n.is_empty() {
            y[s]
        } else {
            n.iter().map(|&t| y[t]).sum::<f64>() / n.len() as f64
        };
        let w = weight(s);
        blocks.push((w, target - offset[i], 1));
        while blocks.len() > 1 {
            let (w2, m2, n2) = blocks[blocks.len() - 1];
            let (w1, m1, n1) = blocks[blocks.len() - 2];
            if m1 <= m2 {
                break;
            }
            blocks.pop();
            let merged = blocks.last_mut().expect("two blocks");
            *merged = (w1 + w2, (w1 * m1 + w2 * m2) / (w1 + w2), n1 + n2);
        }
    }
    let mut i = 0;
    for (_, mean, len) in blocks {
        for _ in 0..len {
            y[layer[i]] = mean + offset[i];
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NODE: f64 = 40.0;
    const SPACING: Spacing = Spacing {
        dummy: 2.0,
        gap: 12.0,
        dummy_gap: 8.0,
    };

    fn lay(nodes: usize, edges: &[(usize, usize)], min: &[usize]) -> Layout {
        layout(&vec![NODE; nodes], edges, min, SPACING)
    }

    /// No two slots of a layer overlap, boxes included.
    fn assert_spaced(l: &Layout) {
        for a in 0..l.y.len() {
            for b in a + 1..l.y.len() {
                if l.layer[a] == l.layer[b] {
                    assert!(
                        (l.y[a] - l.y[b]).abs() >= NODE + SPACING.gap - 1e-6,
                        "nodes {a} and {b} overlap: {} vs {}",
                        l.y[a],
                        l.y[b]
                    );
                }
            }
        }
    }

    #[test]
    fn layers_follow_longest_path_and_minimum() {
        // 0 → 2 → 3, 1 → 3, 0 → 3; 4 alone with min layer 1.
        let l = lay(5, &[(0, 2), (2, 3), (1, 3), (0, 3)], &[0, 0, 1, 1, 1]);
        assert_eq!(l.layer, vec![0, 0, 1, 2, 1]);
        assert_eq!(l.layers, 3);
        // The long edge 0 → 3 passes through layer 1 on a dummy.
        assert_eq!(
            l.edges[3].points.iter().map(|p| p.0).collect::<Vec<_>>(),
            vec![0, 1, 2]
        );
        assert_spaced(&l);
    }

    #[test]
    fn cycles_are_broken_by_reversing_one_edge() {
        let l = lay(3, &[(0, 1), (1, 2), (2, 0)], &[0, 0, 0]);
        assert_eq!(l.edges.iter().filter(|e| e.reversed).count(), 1);
        assert!(l.edges[2].reversed);
        assert_eq!(l.layer, vec![0, 1, 2]);
    }

    #[test]
    fn crossing_reduction_untangles_a_twisted_pair() {
        // 0 → 3, 1 → 2 cross in the starting order; one swap fixes it.
        let l = lay(4, &[(0, 3), (1, 2)], &[0, 0, 1, 1]);
        assert_eq!(l.crossings, 0);
        assert!(l.y[3] < l.y[2], "3 moves above 2 to follow 0");
    }

    #[test]
    fn crossings_are_counted_exactly() {
        // Complete bipartite K(3,3): 9 edges, 3·3 choose... = 9 crossings in any order.
        let edges: Vec<(usize, usize)> = (0..3).flat_map(|u| (3..6).map(move |v| (u, v))).collect();
        let l = lay(6, &edges, &[0, 0, 0, 1, 1, 1]);
        assert_eq!(l.crossings, 9);
    }

    #[test]
    fn a_child_sits_level_with_its_single_parent() {
        let l = lay(2, &[(0, 1)], &[0, 1]);
        assert!((l.y[0] - l.y[1]).abs() < 1e-9);
        assert!((l.height - NODE).abs() < 1e-9);
    }

    #[test]
    fn same_input_same_layout() {
        let edges: Vec<(usize, usize)> = (0..60).map(|i| (i % 20, 20 + (i * 7) % 40)).collect();
        let min: Vec<usize> = (0..60).map(|i| usize::from(i >= 20)).collect();
        let a = lay(60, &edges, &min);
        let b = lay(60, &edges, &min);
        assert_eq!(a.y, b.y);
        assert_eq!(a.crossings, b.crossings);
        assert_spaced(&a);
    }

    #[test]
    fn a_long_chain_does_not_overflow_the_stack() {
        let n = 20_000;
        let edges: Vec<(usize, usize)> = (0..n - 1).map(|i| (i, i + 1)).collect();
        let l = lay(n, &edges, &vec![0; n]);
        assert_eq!(l.layers, n);
    }
}
