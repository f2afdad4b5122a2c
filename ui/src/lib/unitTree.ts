// Organisational units as a tree: building it from the flat list the core
// returns, flattening it for indented selects, and walking sub-units.
import type { Id } from "./bindings/Id";
import type { Unit } from "./bindings/Unit";

export interface UnitNode {
  unit: Unit;
  depth: number;
  children: UnitNode[];
}

export interface FlatUnit {
  unit: Unit;
  depth: number;
}

const byName = (a: Unit, b: Unit) => a.name.localeCompare(b.name, undefined, { sensitivity: "base", numeric: true });

/**
 * The units as a forest sorted by name at every level. A unit whose parent is
 * missing is shown as a root; a cycle (which the core refuses) cannot loop.
 */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const ids = new Set(units.map((u) => u.id));
  const childrenOf = new Map<Id | null, Unit[]>();
  for (const unit of units) {
    const parent = unit.parent_id !== null && ids.has(unit.parent_id) && unit.parent_id !== unit.id ? unit.parent_id : null;
    const siblings = childrenOf.get(parent) ?? [];
    siblings.push(unit);
    childrenOf.set(parent, siblings);
  }
  const placed = new Set<Id>();
  const grow = (parent: Id | null, depth: number): UnitNode[] =>
    (childrenOf.get(parent) ?? [])
      .filter((u) => !placed.has(u.id))
      .sort(byName)
      .map((unit) => {
        placed.add(unit.id);
        return { unit, depth, children: grow(unit.id, depth + 1) };
      });
  const roots = grow(null, 0);
  // Units caught in a cycle never hang under a root; show them at the top.
  const stranded = units.filter((u) => !placed.has(u.id)).sort(byName);
  for (const unit of stranded) {
    if (!placed.has(unit.id)) {
      placed.add(unit.id);
      roots.push({ unit, depth: 0, children: grow(unit.id, 1) });
    }
  }
  return roots;
}

/** Depth-first, parents before their children: the order of an indented list. */
export function flattenUnitTree(nodes: readonly UnitNode[]): FlatUnit[] {
  const out: FlatUnit[] = [];
  const walk = (list: readonly UnitNode[]) => {
    for (const node of list) {
      out.push({ unit: node.unit, depth: node.depth });
      walk(node.children);
    }
  };
  walk(nodes);
  return out;
}

/** The unit and every unit below it. */
export function unitAndDescendants(units: readonly Unit[], id: Id): Set<Id> {
  const found = new Set<Id>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parent_id !== null && found.has(unit.parent_id) && !found.has(unit.id)) {
        found.add(unit.id);
        grew = true;
      }
    }
  }
  return found;
}

/** Where a unit may be moved: anywhere but under itself or one of its sub-units. */
export function possibleParents(units: readonly Unit[], id: Id): Unit[] {
  const excluded = unitAndDescendants(units, id);
  return units.filter((u) => !excluded.has(u.id));
}

/** "Operations › Warehousing › Inbound", root first. */
export function unitPath(units: readonly Unit[], id: Id, separator = " › "): string {
  const byId = new Map(units.map((u) => [u.id, u]));
  const names: string[] = [];
  const seen = new Set<Id>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    names.unshift(current.name);
    current = current.parent_id === null ? undefined : byId.get(current.parent_id);
  }
  return names.join(separator);
}

export interface ProcessGroup<P> {
  /** The unit's name, or "No unit". */
  label: string;
  processes: P[];
}

/**
 * Processes grouped by unit in the tree's order (units without processes left
 * out), each group by name; processes without a known unit last.
 */
export function groupByUnit<P extends { name: string; unit_id: Id | null }>(
  processes: readonly P[],
  units: readonly Unit[],
): ProcessGroup<P>[] {
  const byProcessName = (a: P, b: P) => a.name.localeCompare(b.name, undefined, { sensitivity: "base", numeric: true });
  const known = new Set(units.map((u) => u.id));
  const groups = flattenUnitTree(buildUnitTree(units))
    .map(({ unit }) => ({ label: unit.name, processes: processes.filter((p) => p.unit_id === unit.id).sort(byProcessName) }))
    .filter((g) => g.processes.length > 0);
  const loose = processes.filter((p) => p.unit_id === null || !known.has(p.unit_id)).sort(byProcessName);
  if (loose.length > 0) groups.push({ label: "No unit", processes: loose });
  return groups;
}
