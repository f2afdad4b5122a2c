// The in-memory test double's stand-in for the core's dependency analysis
// (`analysis/dependencies.rs`), simplified: each process's RTO and RPO flow
// down its *required* dependencies, tightest first (the first to reach a
// node sets its requirement and the chain); gaps where a resource restores
// or loses more than required, or an upstream process's RTO is later than
// needed; single points of failure, loops and orphans. For the browser
// preview and the component tests only; never part of the app.
import type { Dependency } from "../lib/bindings/Dependency";
import type { DependencyAnalysis } from "../lib/bindings/DependencyAnalysis";
import type { Gap } from "../lib/bindings/Gap";
import type { GapKind } from "../lib/bindings/GapKind";
import type { NodeRef } from "../lib/bindings/NodeRef";
import type { Process } from "../lib/bindings/Process";
import type { ProcessAnalysis } from "../lib/bindings/ProcessAnalysis";
import type { Resource } from "../lib/bindings/Resource";
import type { Tier } from "../lib/bindings/Tier";
import { formatMinutes as fmt } from "../lib/minutes";
import { recoveryTime } from "../lib/resourceDraft";

interface Node {
  ref: NodeRef;
  name: string;
  resource: Resource | null;
}

interface Flow {
  required: Array<number | null>;
  parent: Array<number | null>;
  /** The process whose objective set the requirement. */
  source: Array<number | null>;
}

export function fakeDependencyAnalysis(
  processes: readonly Process[],
  resources: readonly Resource[],
  dependencies: readonly Dependency[],
  analyses: readonly ProcessAnalysis[],
  tiers: readonly Tier[],
): DependencyAnalysis {
  const nodes: Node[] = [
    ...processes.map((p) => ({ ref: { kind: "process", id: p.id } as NodeRef, name: p.name, resource: null })),
    ...resources.map((r) => ({ ref: { kind: "resource", id: r.id } as NodeRef, name: r.name, resource: r })),
  ];
  const at = new Map(nodes.map((n, i) => [n.ref.id, i]));
  const edges: Array<Array<{ to: number; required: boolean }>> = nodes.map(() => []);
  for (const d of dependencies) {
    const from = at.get(d.from.id);
    const to = at.get(d.to.id);
    if (from !== undefined && to !== undefined) edges[from].push({ to, required: d.strength === "required" });
  }
  const byProcess = new Map(analyses.map((a) => [a.process_id, a]));
  const rtoOf = (i: number) => (nodes[i].ref.kind === "process" ? (byProcess.get(nodes[i].ref.id)?.rto ?? null) : null);
  const rpoOf = (i: number) => {
    const a = nodes[i].ref.kind === "process" ? byProcess.get(nodes[i].ref.id) : undefined;
    return a && !a.rpo_not_applicable ? a.rpo : null;
  };

  const flow = (objective: (i: number) => number | null): Flow => {
    const f: Flow = { required: nodes.map(() => null), parent: nodes.map(() => null), source: nodes.map(() => null) };
    const sources = nodes
      .map((_, i) => ({ i, m: objective(i) }))
      .filter((s): s is { i: number; m: number } => s.m !== null)
      .sort((a, b) => a.m - b.m || a.i - b.i);
    for (const { i: source, m } of sources) {
      const queue = [source];
      while (queue.length > 0) {
        const from = queue.shift()!;
        for (const e of edges[from]) {
          if (!e.required || e.to === source || f.required[e.to] !== null) continue;
          f.required[e.to] = m;
          f.parent[e.to] = from;
          f.source[e.to] = source;
          queue.push(e.to);
        }
      }
    }
    return f;
  };
  const rto = flow(rtoOf);
  const rpo = flow(rpoOf);

  const chain = (f: Flow, i: number, objective: string, own: (i: number) => number | null): string[] => {
    const path = [i];
    for (let p = f.parent[i]; p !== null; p = f.parent[p]) path.unshift(p);
    return path.map((n, k) => {
      const m = own(n);
      return k === 0 && m !== null ? `${nodes[n].name} (${objective} ${fmt(m)})` : nodes[n].name;
    });
  };
  const gap = (kind: GapKind, n: Node, required: number, capability: number | null, path: string[], last: string, message: string): Gap => ({
    kind,
    subject: n.name,
    subject_ref: n.ref,
    required_minutes: required,
    capability_minutes: capability,
    gap_minutes: capability === null ? null : Math.max(0, capability - required),
    chain: path.map((step, k) => (k === path.length - 1 ? `${step} (${last})` : step)),
    message,
  });

  const tier1 = tiers[0]?.max_rto_minutes ?? null;
  const tier2 = tiers[1]?.max_rto_minutes ?? tier1;
  const within = (m: number, max: number | null) => max !== null && m <= max;

  const out: DependencyAnalysis = { resources: [], upstream: [], gaps: [], spofs: [], cycles: [], orphans: [] };
  nodes.forEach((n, i) => {
    const rtoReq = rto.required[i];
    const rpoReq = rpo.required[i];
    const rtoChain = rtoReq !== null ? chain(rto, i, "RTO", rtoOf) : [];
    const rpoChain = rpoReq !== null ? chain(rpo, i, "RPO", rpoOf) : [];
    const sourceOf = (f: Flow) => {
      const s = f.source[i];
      return s === null ? "" : nodes[s].name;
    };
    const [rtoSource, rpoSource] = [sourceOf(rto), sourceOf(rpo)];
    const r = n.resource;
    if (r) {
      if (rtoReq !== null) {
        const cap = recoveryTime(r);
        if (cap !== null && cap > rtoReq)
          out.gaps.push(gap("rto_capability", n, rtoReq, cap, rtoChain, `restores in ${fmt(cap)}`,
            `${r.name} restores in ${fmt(cap)}, but ${rtoSource} needs it back within ${fmt(rtoReq)}`));
        else if (cap === null && within(rtoReq, tier2))
          out.gaps.push(gap("unknown_capability", n, rtoReq, null, rtoChain, "recovery time unknown",
            `${r.name} has no known recovery time, and ${rtoSource} needs it back within ${fmt(rtoReq)}`));
        if (r.redundancy === "none" && within(rtoReq, tier1))
          out.spofs.push({
            resource_id: r.id,
            name: r.name,
            chain: rtoChain,
            message: `${r.name} has no redundancy and a Tier 1 process needs it: ${rtoChain.join(" → ")}`,
          });
      }
      if (rpoReq !== null && r.rpo_capability !== null && r.rpo_capability > rpoReq)
        out.gaps.push(gap("rpo_capability", n, rpoReq, r.rpo_capability, rpoChain, `can lose ${fmt(r.rpo_capability)} of data`,
          `${r.name} can lose ${fmt(r.rpo_capability)} of data, but ${rpoSource} allows only ${fmt(rpoReq)}`));
      out.resources.push({
        resource_id: r.id,
        name: r.name,
        required_rto: rtoReq,
        rto_chain: rtoChain,
        required_rpo: rpoReq,
        rpo_chain: rpoChain,
        dependents: dependencies.filter((d) => d.to.id === r.id).length,
      });
    } else if (rtoReq !== null) {
      const own = rtoOf(i);
      if (own !== null && own > rtoReq)
        out.gaps.push(gap("upstream_rto", n, rtoReq, own, rtoChain, `RTO ${fmt(own)}`,
          `${n.name} has an RTO of ${fmt(own)}, but ${rtoSource} relies on it within ${fmt(rtoReq)}`));
      out.upstream.push({ process_id: n.ref.id, name: n.name, required_rto: rtoReq, rto_chain: rtoChain });
    }
  });
  const severity = (g: Gap) => [g.kind === "unknown_capability" ? 0 : 1, -(g.gap_minutes ?? 0)];
  out.gaps.sort((x, y) => {
    const [a1, a2] = severity(x);
    const [b1, b2] = severity(y);
    return a1 - b1 || a2 - b2 || (x.subject < y.subject ? -1 : x.subject > y.subject ? 1 : 0);
  });

  for (const loop of stronglyConnected(edges)) {
    if (loop.length > 1 || edges[loop[0]].some((e) => e.to === loop[0])) {
      const names = loop.map((i) => nodes[i].name).sort();
      out.cycles.push({ nodes: names, message: `${names.join(", ")} rely on each other in a loop` });
    }
  }

  const reached = nodes.map(() => false);
  const queue = nodes.flatMap((n, i) => (n.ref.kind === "process" ? [i] : []));
  while (queue.length > 0) {
    for (const e of edges[queue.shift()!]) {
      if (!reached[e.to]) {
        reached[e.to] = true;
        queue.push(e.to);
      }
    }
  }
  out.orphans = nodes.filter((n, i) => n.resource && !reached[i]).map((n) => n.name).sort();
  return out;
}

/** Tarjan's strongly connected components (recursive: the demo graphs are small). */
function stronglyConnected(edges: ReadonlyArray<ReadonlyArray<{ to: number }>>): number[][] {
  let counter = 0;
  const index: Array<number | null> = edges.map(() => null);
  const low: number[] = edges.map(() => 0);
  const onStack: boolean[] = edges.map(() => false);
  const stack: number[] = [];
  const out: number[][] = [];
  const visit = (v: number) => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = true;
    for (const { to } of edges[v]) {
      if (index[to] === null) {
        visit(to);
        low[v] = Math.min(low[v], low[to]);
      } else if (onStack[to]) low[v] = Math.min(low[v], index[to]!);
    }
    if (low[v] === index[v]) {
      const component: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = false;
        component.push(w);
      } while (w !== v);
      out.push(component);
    }
  };
  edges.forEach((_, v) => index[v] === null && visit(v));
  return out;
}
