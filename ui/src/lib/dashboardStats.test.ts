// Tests of the dashboard's figures: counts by status and processes per unit,
// over the demo register as the real core lists it (Harbourline Logistics).
import { describe, expect, it } from "vitest";
import {
  CHART_ROWS,
  chartHorizon,
  countByStatus,
  dashboardChartOptions,
  heatmapPaging,
  ownProcesses,
  processesPerUnit,
  processesUnder,
  rowLimit,
} from "./dashboardStats";
import * as demo from "../testing/recordedDemo";

describe("dashboard figures for the demo logistics company", () => {
  const units = demo.units();
  const processes = demo.processes();

  it("counts processes by review status", () => {
    const counts = countByStatus(processes);
    expect(counts.draft + counts.in_review + counts.approved).toBe(25);
    expect(counts).toEqual({ draft: 11, in_review: 7, approved: 7 });
  });

  it("lists units largest first (then by name), scaled to the largest, leaving out units without processes", () => {
    const bars = processesPerUnit(processes, units);
    expect(bars[0]).toMatchObject({ label: "Warehouse Operations", count: 5, fraction: 1 });
    expect(bars.map((b) => [b.label, b.count])).toEqual([
      ["Warehouse Operations", 5],
      ["Customer Service", 4],
      ["Finance", 4],
      ["Transport & Fleet", 4],
      ["IT Services", 3],
      ["People & Payroll", 3],
      ["Procurement", 2],
    ]);
    expect(bars.find((b) => b.label === "Finance")?.fraction).toBe(0.8);
    // Operations holds no process itself, only its two sub-units do.
    expect(bars.map((b) => b.label)).not.toContain("Operations");
    expect(bars.find((b) => b.label === "Warehouse Operations")?.path).toBe("Operations › Warehouse Operations");
    expect(bars.find((b) => b.label === "Finance")).toMatchObject({ unitId: demo.unitNamed("Finance").id, path: "Finance" });
  });

  it("puts processes without a unit (or with a deleted one) in a last 'No unit' bar", () => {
    const loose = [...processes, { ...processes[0], id: "x", unit_id: null }, { ...processes[0], id: "y", unit_id: "gone" }];
    const bars = processesPerUnit(loose, units);
    expect(bars.at(-1)).toMatchObject({ unitId: null, label: "No unit", count: 2 });
  });

  it("orders units of equal size by their names as people read numbers in them", () => {
    const numbered = [0, 1, 2, 10, 11, 20].map((i) => ({ ...units[0], id: `d${i}`, name: `Department ${i}`, parent_id: null }));
    const one = numbered.map((u) => ({ ...processes[0], id: `p-${u.id}`, unit_id: u.id }));
    expect(processesPerUnit(one, numbered).map((b) => b.label)).toEqual([
      "Department 0",
      "Department 1",
      "Department 2",
      "Department 10",
      "Department 11",
      "Department 20",
    ]);
  });
});

describe("dashboard charts of a large assessment", () => {
  it("bound their rows only when there are more than they draw", () => {
    expect(rowLimit(25, CHART_ROWS.heatmap), "the demo's charts show every process").toEqual({});
    expect(rowLimit(40, CHART_ROWS.heatmap)).toEqual({});
    expect(rowLimit(10_000, CHART_ROWS.heatmap)).toEqual({ rows: 40 });
    expect(rowLimit(411, CHART_ROWS.gaps)).toEqual({ rows: 40 });
    expect(rowLimit(31, CHART_ROWS.gaps), "the demo's 31 resources").toEqual({});
  });

  it("are drawn with one set of options, whether asked for as the file opens or by the screen", () => {
    const horizons = demo.methodology().horizons;
    const oneDay = chartHorizon(horizons, null);
    expect(oneDay?.label, "the core's default: the first horizon of a day or more").toBe("1 d");
    expect(chartHorizon(horizons, horizons[0].id)?.label).toBe(horizons[0].label);
    expect(chartHorizon(horizons, "a horizon since removed")?.label).toBe("1 d");
    expect(dashboardChartOptions({ processes: 25, resources: 31, horizon: oneDay, heatmapByUnit: false })).toEqual({
      heatmap: {},
      categories: { horizon: "1 d" },
      tiers: {},
      gaps: {},
    });
    expect(dashboardChartOptions({ processes: 10_000, resources: 411, horizon: oneDay, heatmapByUnit: true })).toEqual({
      heatmap: { byUnit: true, rows: 40 },
      categories: { horizon: "1 d", rows: 40 },
      tiers: {},
      gaps: { rows: 40 },
    });
  });
});

describe("the heatmap's pages", () => {
  it("has none for a workshop-sized assessment, and pages of forty most time-critical first for a large one", () => {
    expect(heatmapPaging(25, 0)).toBeNull();
    expect(heatmapPaging(CHART_ROWS.heatmap, 3)).toBeNull();
    expect(heatmapPaging(10_000, 0)).toEqual({ page: 0, pages: 250, offset: 0, first: 1, last: 40, total: 10_000 });
    expect(heatmapPaging(10_000, 1)).toEqual({ page: 1, pages: 250, offset: 40, first: 41, last: 80, total: 10_000 });
    // The last page is short; a page past the end (the unit shrank) is the last.
    expect(heatmapPaging(90, 2)).toEqual({ page: 2, pages: 3, offset: 80, first: 81, last: 90, total: 90 });
    expect(heatmapPaging(90, 7)?.page).toBe(2);
    expect(heatmapPaging(90, -1)?.page).toBe(0);
  });

  it("sends the page and the unit to the core", () => {
    const of = { resources: 0, horizon: null, heatmapByUnit: false };
    expect(dashboardChartOptions({ ...of, processes: 10_000, heatmapPage: 0 }).heatmap).toEqual({ rows: 40 });
    expect(dashboardChartOptions({ ...of, processes: 10_000, heatmapPage: 2 }).heatmap).toEqual({ rows: 40, offset: 80 });
    // A unit of 30 processes fits on one page, however large the assessment.
    expect(dashboardChartOptions({ ...of, processes: 10_000, heatmapUnit: { id: "ops", processes: 30 }, heatmapPage: 2 }).heatmap).toEqual({
      unit: "ops",
    });
    expect(dashboardChartOptions({ ...of, processes: 10_000, heatmapUnit: { id: "ops", processes: 300 }, heatmapPage: 1 }).heatmap).toEqual({
      unit: "ops",
      rows: 40,
      offset: 40,
    });
  });

  it("counts a unit's processes with its sub-units'", () => {
    const unit = (id: string, parent_id: string | null) => ({ id, name: id, parent_id }) as never;
    const units = [unit("ops", null), unit("fleet", "ops"), unit("yard", "fleet"), unit("finance", null)];
    const processes = [["fleet"], ["fleet"], ["yard"], ["finance"], [null]].map(([unit_id]) => ({ unit_id }) as never);
    const own = ownProcesses(processes);
    expect(processesUnder("ops", units, own)).toBe(3);
    expect(processesUnder("yard", units, own)).toBe(1);
    expect(processesUnder("finance", units, own)).toBe(1);
  });
});
