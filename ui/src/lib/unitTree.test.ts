// Tests of the unit tree: nesting, sorting, sub-unit walks and where a unit may move.
import { describe, expect, it } from "vitest";
import type { Unit } from "./bindings/Unit";
import { buildUnitTree, flattenUnitTree, groupByUnit, possibleParents, unitAndDescendants, unitPath } from "./unitTree";

const units: Unit[] = [
  { id: "wh", name: "Warehousing", parent_id: "ops" },
  { id: "fin", name: "Finance", parent_id: null },
  { id: "ops", name: "Operations", parent_id: null },
  { id: "tr", name: "Transport", parent_id: "ops" },
  { id: "in", name: "Inbound", parent_id: "wh" },
];

describe("buildUnitTree", () => {
  it("nests sub-units under their parent, sorted by name at every level", () => {
    const flat = flattenUnitTree(buildUnitTree(units)).map(({ unit, depth }) => `${depth}:${unit.name}`);
    expect(flat).toEqual(["0:Finance", "0:Operations", "1:Transport", "1:Warehousing", "2:Inbound"]);
  });

  it("shows a unit whose parent is missing at the top instead of losing it", () => {
    const orphan: Unit = { id: "x", name: "Legal", parent_id: "gone" };
    expect(buildUnitTree([orphan]).map((n) => n.unit.name)).toEqual(["Legal"]);
  });

  it("does not loop on a cycle, and still shows every unit once", () => {
    const cycle: Unit[] = [
      { id: "a", name: "A", parent_id: "b" },
      { id: "b", name: "B", parent_id: "a" },
    ];
    const flat = flattenUnitTree(buildUnitTree(cycle)).map((f) => f.unit.id);
    expect(flat.sort()).toEqual(["a", "b"]);
  });
});

describe("walking the tree", () => {
  it("finds a unit and everything below it", () => {
    expect([...unitAndDescendants(units, "ops")].sort()).toEqual(["in", "ops", "tr", "wh"]);
    expect([...unitAndDescendants(units, "fin")]).toEqual(["fin"]);
  });

  it("offers every parent except the unit itself and its own sub-units", () => {
    expect(possibleParents(units, "wh").map((u) => u.id).sort()).toEqual(["fin", "ops", "tr"]);
  });

  it("spells a unit's path from the root", () => {
    expect(unitPath(units, "in")).toBe("Operations › Warehousing › Inbound");
  });
});

describe("groupByUnit", () => {
  it("groups processes under their units in tree order, by name, with the unplaced last", () => {
    const units = [
      { id: "ops", name: "Operations", parent_id: null },
      { id: "wh", name: "Warehousing", parent_id: "ops" },
      { id: "fin", name: "Finance", parent_id: null },
      { id: "hr", name: "People", parent_id: null },
    ];
    const processes = [
      { name: "Pick and pack", unit_id: "wh" },
      { name: "Payroll", unit_id: "fin" },
      { name: "Goods in", unit_id: "wh" },
      { name: "Yard", unit_id: null },
      { name: "Orphan", unit_id: "gone" },
    ];
    expect(groupByUnit(processes, units).map((g) => [g.label, g.processes.map((p) => p.name)])).toEqual([
      ["Finance", ["Payroll"]],
      ["Warehousing", ["Goods in", "Pick and pack"]],
      ["No unit", ["Orphan", "Yard"]],
    ]);
  });
});
