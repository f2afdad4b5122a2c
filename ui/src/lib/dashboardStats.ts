// The figures the dashboard shows: process counts by status and per unit; the options of its charts.
import type { ChartOptions } from "./bindings/ChartOptions";
import type { Counts } from "./bindings/Counts";
import type { Horizon } from "./bindings/Horizon";
import type { Id } from "./bindings/Id";
import type { Process } from "./bindings/Process";
import type { Status } from "./bindings/Status";
import type { Unit } from "./bindings/Unit";
import { chartOptions, defaultChartHorizon } from "./chartFiles";
import { dashboardChartWidths } from "./chartWidth";
import { unitAndDescendants, unitPath } from "./unitTree";

export type StatusCounts = Record<Status, number>;

export function countByStatus(processes: readonly Process[]): StatusCounts {
  const counts: StatusCounts = { draft: 0, in_review: 0, approved: 0 };
  for (const p of processes) counts[p.status] += 1;
  return counts;
}

export interface UnitBar {
  /** A unit id, or null for processes without a unit. */
  unitId: string | null;
  label: string;
  /** Where the unit sits, e.g. "Operations › Warehousing". */
  path: string;
  count: number;
  /** Share of the largest bar, 0..1, for the bar's length. */
  fraction: number;
}

/**
 * Processes held directly by each unit, largest first (then by name), with
 * "No unit" last. Units without processes are left out.
 */
export function processesPerUnit(processes: readonly Process[], units: readonly Unit[]): UnitBar[] {
  const counts = new Map<string | null, number>();
  for (const p of processes) counts.set(p.unit_id, (counts.get(p.unit_id) ?? 0) + 1);
  return unitBars(counts, units);
}

/** The same bars from the core's counts (a file still being read): `per_unit` as counted, and the counts by status. */
export function fromCounts(counts: Counts, units: readonly Unit[]): { byStatus: StatusCounts; bars: UnitBar[] } {
  return {
    byStatus: { draft: counts.draft, in_review: counts.in_review, approved: counts.approved },
    bars: unitBars(new Map(counts.per_unit.map((c) => [c.unit_id, c.processes])), units),
  };
}

/** Names as people read them: "Department 2" before "Department 10". */
const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

function unitBars(counts: ReadonlyMap<string | null, number>, units: readonly Unit[]): UnitBar[] {
  const known = new Map(units.map((u) => [u.id, u]));
  const bars: Omit<UnitBar, "fraction">[] = [];
  let none = 0;
  for (const [unitId, count] of counts) {
    const unit = unitId === null ? undefined : known.get(unitId);
    if (!unit) none += count;
    else bars.push({ unitId: unit.id, label: unit.name, path: unitPath(units, unit.id), count });
  }
  bars.sort((a, b) => b.count - a.count || byName.compare(a.label, b.label));
  if (none > 0) bars.push({ unitId: null, label: "No unit", path: "No unit", count: none });
  const max = Math.max(1, ...bars.map((b) => b.count));
  return bars.map((b) => ({ ...b, fraction: b.count / max }));
}

/** The units the dashboard lists by name; the rest are counted ("N more units"). */
export const DASHBOARD_UNITS = 12;

/** The rows a dashboard chart draws at most: the most time-critical processes, the largest shortfalls. */
export const CHART_ROWS = { heatmap: 40, categories: 40, gaps: 40 } as const;

/**
 * The chart option that bounds its rows, when there are more than `limit` to draw (an assessment of thousands of
 * processes); none for a workshop-sized one, whose chart shows every row.
 */
export function rowLimit(rows: number, limit: number): { rows?: number } {
  return rows > limit ? { rows: limit } : {};
}

/** The Dashboard's charts. */
export type DashboardChart = "heatmap" | "categories" | "tiers" | "gaps";

/** The horizon of the impact-by-category chart: the one chosen, else (none yet, or since removed) the core's default. */
export function chartHorizon(horizons: readonly Horizon[], chosen: Id | null): Horizon | null {
  return horizons.find((h) => h.id === chosen) ?? defaultChartHorizon(horizons);
}

/**
 * What each of the Dashboard's charts is drawn with, as sent to the core: the one place that says it, for the screen
 * and for the charts asked for while a file opens (before the screen is built).
 */
export function dashboardChartOptions(of: {
  processes: number;
  resources: number;
  horizon: Horizon | null;
  heatmapByUnit: boolean;
  /** The heatmap's unit (with its sub-units) and how many processes it holds; none: every unit. */
  heatmapUnit?: { id: Id; processes: number } | null;
  /** The heatmap's page (0: the most time-critical first). */
  heatmapPage?: number;
  /** The window's width, to lay the charts out for their cards (none: the cards measure themselves). */
  windowWidth?: number;
}): Record<DashboardChart, ChartOptions> {
  const widths = of.windowWidth ? dashboardChartWidths(of.windowWidth) : { wide: null, half: null };
  const wide = widths.wide ? { width: widths.wide } : {};
  const half = widths.half ? { width: widths.half } : {};
  return {
    heatmap: chartOptions({
      byUnit: of.heatmapByUnit,
      ...(of.heatmapUnit ? { unit: of.heatmapUnit.id } : {}),
      ...heatmapPageOptions(of.heatmapUnit?.processes ?? of.processes, of.heatmapPage ?? 0),
      ...wide,
    }),
    categories: chartOptions({
      ...(of.horizon ? { horizon: of.horizon.label } : {}),
      ...rowLimit(of.processes, CHART_ROWS.categories),
      ...wide,
    }),
    tiers: chartOptions(half),
    gaps: chartOptions({ ...rowLimit(of.resources, CHART_ROWS.gaps), ...half }),
  };
}

/** A page of the heatmap: its rows bound, and where it starts once past the first page. */
function heatmapPageOptions(rows: number, page: number): { rows?: number; offset?: number } {
  const paging = heatmapPaging(rows, page);
  if (paging === null) return {};
  return paging.offset > 0 ? { rows: CHART_ROWS.heatmap, offset: paging.offset } : { rows: CHART_ROWS.heatmap };
}

export interface HeatmapPaging {
  /** The page shown, 0 the first (a page past the end is read as the last). */
  page: number;
  pages: number;
  /** Rows skipped before it. */
  offset: number;
  /** The first and last row it shows, counted from 1. */
  first: number;
  last: number;
  total: number;
}

/**
 * How the heatmap pages through `rows` processes, CHART_ROWS.heatmap at a time, most time-critical first; null when
 * they fit on one (a workshop-sized assessment shows every row).
 */
export function heatmapPaging(rows: number, page: number): HeatmapPaging | null {
  const size = CHART_ROWS.heatmap;
  if (rows <= size) return null;
  const pages = Math.ceil(rows / size);
  const shown = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const offset = shown * size;
  return { page: shown, pages, offset, first: offset + 1, last: Math.min(rows, offset + size), total: rows };
}

/**
 * The processes of a unit and of every unit under it, from the core's counts of each unit's own processes (a file
 * still being read) or the register.
 */
export function processesUnder(unitId: Id, units: readonly Unit[], perUnit: ReadonlyMap<Id | null, number>): number {
  let total = 0;
  for (const id of unitAndDescendants(units, unitId)) total += perUnit.get(id) ?? 0;
  return total;
}

/** Each unit's own processes, counted from the register. */
export function ownProcesses(processes: readonly Process[]): Map<Id | null, number> {
  const counts = new Map<Id | null, number>();
  for (const p of processes) counts.set(p.unit_id, (counts.get(p.unit_id) ?? 0) + 1);
  return counts;
}
