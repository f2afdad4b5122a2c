// Dependencies seen from one process or resource: what it relies on and what
// relies on it (both directions), grouped by kind for display, and whether a
// resource's recovery time fits the RTO it has to meet. Pure functions over
// the lists the core returns.
import type { Dependency } from "./bindings/Dependency";
import type { Minutes } from "./bindings/Minutes";
import type { NodeRef } from "./bindings/NodeRef";
import type { Process } from "./bindings/Process";
import type { Resource } from "./bindings/Resource";
import type { ResourceKind } from "./bindings/ResourceKind";
import { KIND_OPTIONS, kindPlural } from "./resourceKinds";

/** A process or a resource, with what the screens show of it. */
export type NodeInfo =
  | { ref: NodeRef & { kind: "process" }; name: string; kind: "process"; process: Process; resource: null }
  | { ref: NodeRef & { kind: "resource" }; name: string; kind: ResourceKind; process: null; resource: Resource };

/** The kind a node shows: "process", or its resource kind. */
export type NodeKind = "process" | ResourceKind;

/** Every process and resource by id. */
export function indexNodes(processes: readonly Process[], resources: readonly Resource[]): Map<string, NodeInfo> {
  const index = new Map<string, NodeInfo>();
  for (const p of processes)
    index.set(p.id, { ref: { kind: "process", id: p.id }, name: p.name, kind: "process", process: p, resource: null });
  for (const r of resources)
    index.set(r.id, { ref: { kind: "resource", id: r.id }, name: r.name, kind: r.kind, process: null, resource: r });
  return index;
}

/** One dependency seen from one end: the node at the other end. */
export interface Link {
  dependency: Dependency;
  node: NodeInfo;
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
const byName = (a: Link, b: Link) => collator.compare(a.node.name, b.node.name) || a.dependency.id.localeCompare(b.dependency.id);

/** What `id` relies on (its dependencies), by name. Ends that no longer exist are left out. */
export function reliesOn(id: string, dependencies: readonly Dependency[], index: ReadonlyMap<string, NodeInfo>): Link[] {
  return dependencies
    .filter((d) => d.from.id === id)
    .flatMap((dependency) => {
      const node = index.get(dependency.to.id);
      return node ? [{ dependency, node }] : [];
    })
    .sort(byName);
}

/** What relies on `id` (its dependents), by name. */
export function reliedOnBy(id: string, dependencies: readonly Dependency[], index: ReadonlyMap<string, NodeInfo>): Link[] {
  return dependencies
    .filter((d) => d.to.id === id)
    .flatMap((dependency) => {
      const node = index.get(dependency.from.id);
      return node ? [{ dependency, node }] : [];
    })
    .sort(byName);
}

export interface LinkGroup {
  kind: NodeKind;
  label: string;
  links: Link[];
}

/** Links grouped by the kind of the other end: processes first, then resources in the core's order of kinds. */
export function groupLinksByKind(links: readonly Link[], processLabel = "Processes"): LinkGroup[] {
  const order: NodeKind[] = ["process", ...KIND_OPTIONS.map((k) => k.value)];
  return order.flatMap((kind) => {
    const inKind = links.filter((l) => l.node.kind === kind);
    if (inKind.length === 0) return [];
    return [{ kind, label: kind === "process" ? processLabel : kindPlural(kind), links: inKind }];
  });
}

/**
 * Whether a recovery time fits a required RTO: "meets" (in time), "gap"
 * (too slow), "unknown" (a requirement but no known recovery time) or
 * "none" (nothing is required).
 */
export type RtoFit = "meets" | "gap" | "unknown" | "none";

export function rtoFit(required: Minutes | null, recovery: Minutes | null): RtoFit {
  if (required === null) return "none";
  if (recovery === null) return "unknown";
  return recovery <= required ? "meets" : "gap";
}

/** Whether two refs name the same process or resource. */
export function sameNode(a: NodeRef, b: NodeRef): boolean {
  return a.kind === b.kind && a.id === b.id;
}
