import { describe, expect, it } from "vitest";
import type { Gap } from "./bindings/Gap";
import type { Process } from "./bindings/Process";
import type { Unit } from "./bindings/Unit";
import { EMPTY_GAP_FILTER, NO_TIER, describeGapCount, filterGaps, gapFacts, sortGapTable, type GapFacts } from "./gapFilter";

const units = [
  { id: "ops", name: "Operations", parent_id: null },
  { id: "wh", name: "Warehousing", parent_id: "ops" },
  { id: "fin", name: "Finance", parent_id: null },
] as unknown as Unit[];

const process = (id: string, name: string, unit: string | null) => ({ id, name, unit_id: unit }) as unknown as Process;
const processes = [process("pick", "Pick, pack and dispatch", "wh"), process("pay", "Payroll processing", "fin"), process("inv", "Invoicing", null)];

const gap = (kind: Gap["kind"], subject: string, head: string, size: number | null, required = 240): Gap =>
  ({
    kind,
    subject,
    subject_ref: { kind: kind === "upstream_rto" ? "process" : "resource", id: subject },
    required_minutes: required,
    capability_minutes: size === null ? null : required + size,
    gap_minutes: size,
    chain: [`${head} (RTO 4 h)`, subject],
    message: `${subject} cannot be back within 4 h.`,
  }) as Gap;

const gaps = [
  gap("unknown_capability", "Temperature monitoring platform", "Pick, pack and dispatch", null),
  gap("rto_capability", "Harbourline WMS", "Pick, pack and dispatch", 120),
  gap("rto_capability", "Sage Payroll", "Payroll processing", 1200, 480),
  gap("rpo_capability", "Employee master data", "Payroll processing", 60, 60),
  gap("upstream_rto", "Invoicing", "Payroll processing", 600),
];
const kinds: Record<string, GapFacts["subjectKind"]> = {
  "Temperature monitoring platform": "application",
  "Harbourline WMS": "application",
  "Sage Payroll": "supplier",
  "Employee master data": "data",
  Invoicing: "process",
};
const facts = gapFacts(gaps, {
  subjectKind: (g) => kinds[g.subject],
  head: (g) => processes.find((p) => g.chain[0].startsWith(p.name)) ?? null,
  units,
  tiers: new Map([["pick", "Tier 1"], ["pay", "Tier 2"]]),
});
const subjects = (rows: GapFacts[]) => rows.map((f) => f.gap.subject);

describe("gap filters", () => {
  it("know each gap's head process, its unit and tier", () => {
    expect(facts[1]).toMatchObject({ subjectKind: "application", unitName: "Warehousing", tierName: "Tier 1" });
    expect(facts[1].head?.id).toBe("pick");
  });

  it("search every word in what falls short, the chain, the message and the unit", () => {
    expect(subjects(filterGaps(facts, { ...EMPTY_GAP_FILTER, search: "payroll" }, units))).toEqual([
      "Sage Payroll",
      "Employee master data",
      "Invoicing",
    ]);
    expect(subjects(filterGaps(facts, { ...EMPTY_GAP_FILTER, search: "warehousing  WMS" }, units))).toEqual(["Harbourline WMS"]);
    expect(filterGaps(facts, { ...EMPTY_GAP_FILTER, search: "nothing like this" }, units)).toEqual([]);
  });

  it("filter by kind of gap, kind of resource, unit (with its sub-units) and tier, together", () => {
    expect(subjects(filterGaps(facts, { ...EMPTY_GAP_FILTER, kind: "rto_capability" }, units))).toEqual(["Harbourline WMS", "Sage Payroll"]);
    expect(subjects(filterGaps(facts, { ...EMPTY_GAP_FILTER, subjectKind: "application" }, units))).toEqual([
      "Temperature monitoring platform",
      "Harbourline WMS",
    ]);
    expect(subjects(filterGaps(facts, { ...EMPTY_GAP_FILTER, unit: "ops" }, units))).toEqual(["Temperature monitoring platform", "Harbourline WMS"]);
    expect(subjects(filterGaps(facts, { ...EMPTY_GAP_FILTER, tier: "Tier 2", kind: "upstream_rto" }, units))).toEqual(["Invoicing"]);
    const untiered = gapFacts([gap("rto_capability", "Fuel cards", "Invoicing", 30)], {
      subjectKind: () => "supplier",
      head: () => processes[2],
      units,
      tiers: new Map(),
    });
    expect(subjects(filterGaps(untiered, { ...EMPTY_GAP_FILTER, tier: NO_TIER }, units))).toEqual(["Fuel cards"]);
  });
});

describe("the gap table", () => {
  const rank = (name: string) => Number(name.replace(/\D/g, ""));

  it("sorts by size, largest first, the unknown last either way", () => {
    const desc = subjects(sortGapTable(facts, { key: "size", direction: "desc" }, rank));
    expect(desc).toEqual(["Sage Payroll", "Invoicing", "Harbourline WMS", "Employee master data", "Temperature monitoring platform"]);
    expect(subjects(sortGapTable(facts, { key: "size", direction: "asc" }, rank)).at(-1)).toBe("Temperature monitoring platform");
  });

  it("sorts by tier by its rank, by process and unit by name, ties in the core's order", () => {
    expect(subjects(sortGapTable(facts, { key: "tier", direction: "asc" }, rank)).slice(0, 2)).toEqual([
      "Temperature monitoring platform",
      "Harbourline WMS",
    ]);
    expect(subjects(sortGapTable(facts, { key: "unit", direction: "asc" }, rank))[0]).toBe("Sage Payroll");
  });

  it("counts what it shows", () => {
    expect(describeGapCount(12, 2837)).toBe("12 of 2,837 gaps");
    expect(describeGapCount(1, 1)).toBe("1 gap");
  });
});
