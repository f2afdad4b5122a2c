// The resource register's view logic: each resource with what the analysis
// requires of it and its gaps, free-text search, a kind filter and column
// sorting. Pure functions over what the core returns.
import type { DependencyAnalysis } from "./bindings/DependencyAnalysis";
import type { Gap } from "./bindings/Gap";
import type { Minutes } from "./bindings/Minutes";
import type { Resource } from "./bindings/Resource";
import type { ResourceKind } from "./bindings/ResourceKind";
import type { ResourceRequirement } from "./bindings/ResourceRequirement";
import { gapsByNode } from "./gapFormat";
import { recoveryTime } from "./resourceDraft";
import { kindLabel, kindRank, redundancyRank } from "./resourceKinds";

export type ResourceSortKey = "name" | "kind" | "owner" | "rto" | "rpo" | "redundancy" | "required" | "gap";

export interface ResourceSort {
  key: ResourceSortKey;
  direction: "asc" | "desc";
}

export interface ResourceQuery {
  search: string;
  /** "" for every kind. */
  kind: ResourceKind | "";
  sort: ResourceSort;
}

export interface ResourceRow {
  resource: Resource;
  /** What the analysis requires of it; null before the analysis has answered. */
  requirement: ResourceRequirement | null;
  gaps: Gap[];
  /** The recovery time to count on (the capability, else the contract's). */
  recovery: Minutes | null;
}

export const DEFAULT_RESOURCE_QUERY: ResourceQuery = { search: "", kind: "", sort: { key: "name", direction: "asc" } };

export function toResourceRows(resources: readonly Resource[], analysis: DependencyAnalysis | null): ResourceRow[] {
  const requirements = new Map((analysis?.resources ?? []).map((r) => [r.resource_id, r]));
  const gaps = gapsByNode(analysis?.gaps ?? []);
  return resources.map((resource) => ({
    resource,
    requirement: requirements.get(resource.id) ?? null,
    gaps: gaps.get(resource.id) ?? [],
    recovery: recoveryTime(resource),
  }));
}

/** Every word typed must occur in the name, owner, kind, description or a custom field's value. */
export function matchesResourceSearch(row: ResourceRow, query: string): boolean {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const r = row.resource;
  const haystack = [r.name, r.owner, kindLabel(r.kind), r.description, ...r.custom_fields.map((f) => f.value)]
    .join("\n")
    .toLocaleLowerCase();
  return words.every((w) => haystack.includes(w));
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

/** The value a column sorts by; null sorts last in either direction. */
function sortValue(row: ResourceRow, key: ResourceSortKey): string | number | null {
  const r = row.resource;
  switch (key) {
    case "name":
      return r.name.trim() || null;
    case "kind":
      return kindRank(r.kind);
    case "owner":
      return r.owner.trim() || null;
    case "rto":
      return row.recovery;
    case "rpo":
      return r.rpo_capability;
    case "redundancy":
      return redundancyRank(r.redundancy);
    case "required":
      return row.requirement?.required_rto ?? null;
    case "gap":
      // Rows with gaps first when ascending: the largest shortfall, unknown capability on top.
      return row.gaps.length === 0 ? null : -Math.max(...row.gaps.map((g) => g.gap_minutes ?? Number.MAX_SAFE_INTEGER));
  }
}

export function sortResourceRows(rows: readonly ResourceRow[], sort: ResourceSort): ResourceRow[] {
  const sign = sort.direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if ((x === null) !== (y === null)) return x === null ? 1 : -1;
    let primary = 0;
    if (x !== null && y !== null)
      primary = (typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y))) * sign;
    return primary || collator.compare(a.resource.name, b.resource.name) || a.resource.id.localeCompare(b.resource.id);
  });
}

/** Clicking a header: the same column flips direction, a new column starts ascending. */
export function nextResourceSort(current: ResourceSort, key: ResourceSortKey): ResourceSort {
  if (current.key === key) return { key, direction: current.direction === "asc" ? "desc" : "asc" };
  return { key, direction: "asc" };
}

export function queryResources(rows: readonly ResourceRow[], query: ResourceQuery): ResourceRow[] {
  const shown = rows.filter((row) => (query.kind === "" || row.resource.kind === query.kind) && matchesResourceSearch(row, query.search));
  return sortResourceRows(shown, query.sort);
}

/** "12 of 25 resources", "1 resource", "No resources". */
export function describeResourceCount(shown: number, total: number): string {
  const noun = (n: number) => (n === 1 ? "resource" : "resources");
  if (total === 0) return "No resources";
  if (shown === total) return `${total} ${noun(total)}`;
  return `${shown} of ${total} ${noun(total)}`;
}
