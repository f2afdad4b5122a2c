import { describe, expect, it } from "vitest";
import type { Comparison } from "./bindings/Comparison";
import type { ProcessDelta } from "./bindings/ProcessDelta";
import {
  backupLabel,
  baseName,
  deltaMatches,
  directionText,
  narrowed,
  noDifferences,
  shown,
  summaryTiles,
} from "./comparison";

// Shaped as the core answers `compare_with` for the demo after a workshop (see tests/core/compare.rs).
const returns: ProcessDelta = {
  state: "changed",
  process_id: "01a25211-dc06-7791-a640-fca6ec239446",
  name: "Returns processing",
  unit: "Warehouse Operations",
  tier: "Tier 4",
  matched_by_name: false,
  changes: [
    { field: "rto", label: "RTO", old: "2 w", new: "1 w", direction: "down" },
    { field: "score", label: "Financial at 1 w", old: "2 – Minor", new: "3 – Moderate", direction: "up" },
  ],
};
const added: ProcessDelta = {
  state: "added",
  process_id: "01a25211-dc06-7791-a640-fca6ec239447",
  name: "Bonded warehouse customs checks",
  unit: "Warehouse Operations",
  tier: "",
  matched_by_name: false,
  changes: [],
};
const removed: ProcessDelta = { ...added, state: "removed", name: "Fuel and consumables purchasing", unit: "Procurement", tier: "Tier 3" };
const comparison: Comparison = {
  old: { assessment_id: "a", name: "Harbourline 2025", organisation: "", updated_at: "2025-03-12T09:30:00Z", processes: 25 },
  new: { assessment_id: "a", name: "Harbourline 2026", organisation: "", updated_at: "2026-03-02T09:30:00Z", processes: 25 },
  same_assessment: true,
  counts: { added: 1, removed: 1, changed: 1, unchanged: 23, resources_added: 0, resources_removed: 1, resources_changed: 2 },
  processes: [returns, added, removed],
  resources: [],
  tiers: ["Tier 1", "Tier 2", "Tier 3", "Tier 4", "No tier"],
  tier_movement: [{ from: "Tier 4", to: "Tier 4", processes: 8 }],
};

describe("the comparison as the Compare screen shows it", () => {
  it("sums the resources touched into one tile", () => {
    const tiles = summaryTiles(comparison);
    expect(tiles.map((t) => t.value)).toEqual([1, 1, 1, 23, 3]);
  });

  it("narrows by any word of a name, unit, tier or change, every word needed", () => {
    expect(deltaMatches(returns, "")).toBe(true);
    expect(deltaMatches(returns, "financial")).toBe(true);
    expect(deltaMatches(returns, "warehouse rto")).toBe(true);
    expect(deltaMatches(returns, "warehouse payroll")).toBe(false);
    const n = narrowed(comparison, "warehouse");
    expect(n.changed.map((d) => d.name)).toEqual(["Returns processing"]);
    expect(n.added.map((d) => d.name)).toEqual(["Bonded warehouse customs checks"]);
    expect(n.removed).toEqual([]);
  });

  it("says no differences only when nothing is listed", () => {
    expect(noDifferences(comparison)).toBe(false);
    expect(noDifferences({ ...comparison, processes: [], resources: [] })).toBe(true);
  });

  it("reads directions and blanks as people do", () => {
    expect(directionText("up")).toEqual({ arrow: "↑", label: "up" });
    expect(directionText(null).arrow).toBe("");
    expect(shown("")).toBe("—");
    expect(shown("1 w")).toBe("1 w");
  });

  it("offers a backup by why and when it was taken", () => {
    const label = backupLabel({
      path: "/a/Acme.before-import-20261121-142300.bia",
      file_name: "Acme.before-import-20261121-142300.bia",
      reason: "before an import",
      taken_at: "2026-11-21 14:23",
    });
    expect(label).toBe("Before an import · 2026-11-21 14:23");
    expect(baseName("/a/b/Acme 2025.bia")).toBe("Acme 2025.bia");
  });
});
