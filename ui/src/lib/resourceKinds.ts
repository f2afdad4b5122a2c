// The words for resources and dependencies: the kinds of resource (in the
// core's order; "to classify" last, never offered for a new resource), how a
// resource is covered if it fails, and how strongly something relies on what
// it depends on.
import type { Redundancy } from "./bindings/Redundancy";
import type { ResourceKind } from "./bindings/ResourceKind";
import type { Strength } from "./bindings/Strength";

export interface KindOption {
  value: ResourceKind;
  /** As the form's select names it: "Application / IT system". */
  label: string;
  /** In a pill or a table cell: "Application". */
  short: string;
  /** A group heading: "Applications & IT systems". */
  plural: string;
  /** In a sentence: "Create application “Workday”". */
  noun: string;
}

export const KIND_OPTIONS: readonly KindOption[] = [
  { value: "application", label: "Application / IT system", short: "Application", plural: "Applications & IT systems", noun: "application" },
  { value: "infrastructure", label: "Infrastructure", short: "Infrastructure", plural: "Infrastructure", noun: "infrastructure" },
  { value: "data", label: "Data / vital record", short: "Data", plural: "Data & vital records", noun: "data / vital record" },
  { value: "supplier", label: "Supplier / third party", short: "Supplier", plural: "Suppliers & third parties", noun: "supplier" },
  { value: "people", label: "People / role / skill", short: "People", plural: "People, roles & skills", noun: "people / role" },
  { value: "site", label: "Site / facility", short: "Site", plural: "Sites & facilities", noun: "site" },
  { value: "equipment", label: "Equipment", short: "Equipment", plural: "Equipment", noun: "equipment" },
];

/** A resource an import read from a list that said no kind, until someone gives it one. */
export const UNCLASSIFIED_OPTION: KindOption = {
  value: "unclassified",
  label: "To classify",
  short: "To classify",
  plural: "To classify",
  noun: "resource to classify",
};

/** Every kind a resource may have, for filters and labels: the kinds a resource can be given, then "to classify". */
export const EVERY_KIND_OPTION: readonly KindOption[] = [...KIND_OPTIONS, UNCLASSIFIED_OPTION];

export const REDUNDANCY_OPTIONS: ReadonlyArray<{ value: Redundancy; label: string; short: string; hint: string }> = [
  { value: "none", label: "None", short: "None", hint: "If it fails, it is gone until restored" },
  { value: "manual_workaround", label: "Manual workaround", short: "Workaround", hint: "Work continues by hand, slower" },
  { value: "alternate", label: "Alternate", short: "Alternate", hint: "A second one to switch to by hand" },
  { value: "automatic_failover", label: "Automatic failover", short: "Failover", hint: "Switches over by itself" },
];

export const STRENGTH_OPTIONS: ReadonlyArray<{ value: Strength; label: string; hint: string }> = [
  { value: "required", label: "Required", hint: "Cannot run without it; its recovery time must fit the RTO" },
  { value: "degraded", label: "Degraded without", hint: "Runs, but degraded, without it" },
  { value: "optional", label: "Optional", hint: "Runs normally without it" },
];

function kindOption(kind: ResourceKind): KindOption {
  return EVERY_KIND_OPTION.find((k) => k.value === kind) ?? KIND_OPTIONS[0];
}

export const kindLabel = (kind: ResourceKind): string => kindOption(kind).label;
export const kindShort = (kind: ResourceKind): string => kindOption(kind).short;
export const kindPlural = (kind: ResourceKind): string => kindOption(kind).plural;
export const kindNoun = (kind: ResourceKind): string => kindOption(kind).noun;

/** Position in the core's order of kinds, for sorting and grouping. */
export function kindRank(kind: ResourceKind): number {
  return EVERY_KIND_OPTION.findIndex((k) => k.value === kind);
}

export function redundancyLabel(redundancy: Redundancy): string {
  return REDUNDANCY_OPTIONS.find((r) => r.value === redundancy)?.label ?? redundancy;
}

/** In a narrow table cell: "Workaround", "Failover". */
export function redundancyShort(redundancy: Redundancy): string {
  return REDUNDANCY_OPTIONS.find((r) => r.value === redundancy)?.short ?? redundancy;
}

/** Position from no cover to automatic failover, for sorting. */
export function redundancyRank(redundancy: Redundancy): number {
  return REDUNDANCY_OPTIONS.findIndex((r) => r.value === redundancy);
}

export function strengthLabel(strength: Strength): string {
  return STRENGTH_OPTIONS.find((s) => s.value === strength)?.label ?? strength;
}

/** "an application", "a supplier", as the core's messages say it. */
export function withArticle(kind: ResourceKind): string {
  const noun = kindNoun(kind);
  return `${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;
}

/** Any kind a resource may have, "unclassified" included. */
export function isResourceKind(value: string): value is ResourceKind {
  return EVERY_KIND_OPTION.some((k) => k.value === value);
}

/** A kind a resource can be given (what a picker offers). */
export function isGivenKind(value: string): value is Exclude<ResourceKind, "unclassified"> {
  return KIND_OPTIONS.some((k) => k.value === value);
}

export function isStrength(value: string): value is Strength {
  return STRENGTH_OPTIONS.some((s) => s.value === value);
}
