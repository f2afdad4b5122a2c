// Tests of the dashboard's figures: counts by status and processes per unit.
import { describe, expect, it } from "vitest";
import { countByStatus, processesPerUnit } from "./dashboardStats";
import { demoProcesses, demoUnits } from "../testing/demoAssessment";

describe("dashboard figures for the demo logistics company", () => {
  const units = demoUnits();
  const processes = demoProcesses(units);

  it("counts processes by review status", () => {
    const counts = countByStatus(processes);
    expect(counts.draft + counts.in_review + counts.approved).toBe(25);
    expect(counts).toEqual({ draft: 9, in_review: 7, approved: 9 });
  });

  it("lists units largest first, scaled to the largest", () => {
    const bars = processesPerUnit(processes, units);
    expect(bars[0]).toMatchObject({ label: "Finance", count: 5, fraction: 1 });
    expect(bars.map((b) => b.count)).toEqual([...bars.map((b) => b.count)].sort((a, b) => b - a));
    expect(bars.find((b) => b.label === "Warehousing")?.path).toBe("Operations › Warehousing");
  });

  it("puts processes without a unit (or with a deleted one) in a last 'No unit' bar", () => {
    const loose = [...processes, { ...processes[0], id: "x", unit_id: null }, { ...processes[0], id: "y", unit_id: "gone" }];
    const bars = processesPerUnit(loose, units);
    expect(bars.at(-1)).toMatchObject({ unitId: null, label: "No unit", count: 2 });
  });
});
