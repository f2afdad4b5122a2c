// The Gaps screen's search and filters: each gap with the facts it is found
// by (what falls short and its kind, the process at the head of its chain,
// that process's unit and tier), a free-text search, filters by kind of gap,
// kind of resource, unit and tier, and the compact table's sorting. Pure
// functions over the core's findings; the core finds the gaps.
import type { Gap } from "./bindings/Gap";
import type { GapKind } from "./bindings/GapKind";
import type { Id } from "./bindings/Id";
import type { Process } from "./bindings/Process";
import type { Unit } from "./bindings/Unit";
import type { NodeKind } from "./dependencyLinks";
import { gapKindShort } from "./gapFormat";
import { kindShort } from "./resourceKinds";
import { unitAndDescendants } from "./unitTree";

/** A gap with what it is searched and filtered by. */
export interface GapFacts {
  gap: Gap;
  /** The kind of what falls short: a resource's kind, or "process" for an upstream process. */
  subjectKind: NodeKind;
  /** The process at the head of the chain, whose RTO sets the requirement (null when it cannot be found). */
  head: Process | null;
  /** That process's unit's name ("" for none). */
  unitName: string;
  /** That process's tier, by the analysis ("" for none yet). */
  tierName: string;
  /** Folded text the search looks in: what falls short, the chain, the message, the unit. */
  text: string;
  /** The gap's place in the core's order (most severe first). */
  order: number;
}

export interface GapFilter {
  search: string;
  kind: GapKind | "";
  subjectKind: NodeKind | "";
  /** "" for every unit, or a unit id (its sub-units included). */
  unit: Id | "";
  /** "" for every tier, a tier's name, or `NO_TIER`. */
  tier: string;
}

export const NO_TIER = "__none__";

export const EMPTY_GAP_FILTER: GapFilter = { search: "", kind: "", subjectKind: "", unit: "", tier: "" };

export function gapFacts(
  gaps: readonly Gap[],
  of: {
    subjectKind: (gap: Gap) => NodeKind;
    head: (gap: Gap) => Process | null;
    units: readonly Unit[];
    /** Each process's tier name, by id. */
    tiers: ReadonlyMap<Id, string>;
  },
): GapFacts[] {
  const unitNames = new Map(of.units.map((u) => [u.id, u.name]));
  return gaps.map((gap, order) => {
    const head = of.head(gap);
    const unitName = head?.unit_id ? (unitNames.get(head.unit_id) ?? "") : "";
    const text = [gap.subject, ...gap.chain, gap.message, unitName].join("\n").toLocaleLowerCase();
    return { gap, subjectKind: of.subjectKind(gap), head, unitName, tierName: head ? (of.tiers.get(head.id) ?? "") : "", text, order };
  });
}

export function isFiltered(filter: GapFilter): boolean {
  return filter.search.trim() !== "" || filter.kind !== "" || filter.subjectKind !== "" || filter.unit !== "" || filter.tier !== "";
}

/** The gaps a filter keeps, in the order given. Every word of the search must appear. */
export function filterGaps(facts: readonly GapFacts[], filter: GapFilter, units: readonly Unit[]): GapFacts[] {
  const words = filter.search.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const unitIds = filter.unit === "" ? null : unitAndDescendants(units, filter.unit);
  return facts.filter(
    (f) =>
      (filter.kind === "" || f.gap.kind === filter.kind) &&
      (filter.subjectKind === "" || f.subjectKind === filter.subjectKind) &&
      (unitIds === null || (f.head?.unit_id != null && unitIds.has(f.head.unit_id))) &&
      (filter.tier === "" || (filter.tier === NO_TIER ? f.tierName === "" : f.tierName === filter.tier)) &&
      words.every((w) => f.text.includes(w)),
  );
}

/** The compact table's columns. */
export type GapColumn = "subject" | "subjectKind" | "kind" | "process" | "unit" | "tier" | "required" | "capability" | "size";

/** What falls short, in a word: "Application", "Supplier", "Upstream process". */
export function subjectKindLabel(kind: NodeKind): string {
  return kind === "process" ? "Upstream process" : kindShort(kind);
}

export interface GapTableSort {
  key: GapColumn;
  direction: "asc" | "desc";
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

/**
 * The table's rows sorted by a column. Durations sort by minutes with the unknown last in either direction; "size"
 * descending is the largest shortfall first. Ties keep the core's order (most severe first).
 */
export function sortGapTable(rows: readonly GapFacts[], sort: GapTableSort, tierRank: (name: string) => number): GapFacts[] {
  const sign = sort.direction === "asc" ? 1 : -1;
  const minutes = (f: GapFacts): number | null => {
    switch (sort.key) {
      case "required":
        return f.gap.required_minutes;
      case "capability":
        return f.gap.capability_minutes;
      case "size":
        return f.gap.gap_minutes;
      default:
        return null;
    }
  };
  const text = (f: GapFacts): string => {
    switch (sort.key) {
      case "subject":
        return f.gap.subject;
      case "subjectKind":
        return subjectKindLabel(f.subjectKind);
      case "kind":
        return gapKindShort(f.gap.kind);
      case "process":
        return f.head?.name ?? "";
      case "unit":
        return f.unitName;
      default:
        return "";
    }
  };
  const numeric = sort.key === "required" || sort.key === "capability" || sort.key === "size";
  return [...rows].sort((a, b) => {
    let primary = 0;
    if (numeric) {
      const x = minutes(a);
      const y = minutes(b);
      if (x === null || y === null) primary = x === y ? 0 : x === null ? 1 : -1;
      else primary = (x - y) * sign;
    } else if (sort.key === "tier") {
      const x = a.tierName === "" ? Infinity : tierRank(a.tierName);
      const y = b.tierName === "" ? Infinity : tierRank(b.tierName);
      primary = x === y ? 0 : x === Infinity ? 1 : y === Infinity ? -1 : (x - y) * sign;
    } else {
      const x = text(a);
      const y = text(b);
      primary = x === "" || y === "" ? (x === y ? 0 : x === "" ? 1 : -1) : collator.compare(x, y) * sign;
    }
    return primary || a.order - b.order;
  });
}

/** "12 of 411 gaps", "411 gaps", "1 gap". */
export function describeGapCount(shown: number, total: number): string {
  const n = (value: number) => value.toLocaleString("en-GB");
  const noun = total === 1 ? "gap" : "gaps";
  return shown === total ? `${n(total)} ${noun}` : `${n(shown)} of ${n(total)} ${noun}`;
}
