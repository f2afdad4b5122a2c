// The core's charts on screen and on disk: the data URL an <img> shows (never
// {@html}), the options a chart is drawn with (only those that are set are
// sent), the line that says what a chart shows, the default horizon of the
// category chart, the native "Save chart as…" dialog with a file name that
// reflects the options, and the rule that a name typed without an extension
// is saved as PNG. Resolving names is left to the core.
import { save } from "@tauri-apps/plugin-dialog";
import type { ChartKind } from "./bindings/ChartKind";
import type { ChartOptions } from "./bindings/ChartOptions";
import type { Horizon } from "./bindings/Horizon";
import { DAY } from "./minutes";

export const PNG_FILTER = { name: "PNG image", extensions: ["png"] };
export const SVG_FILTER = { name: "SVG image", extensions: ["svg"] };

/** What each chart is called on screen, and its alt text. */
export const CHART_TITLES: Record<ChartKind, { title: string; alt: string }> = {
  heatmap: {
    title: "Impact heatmap",
    alt: "Impact heatmap: the highest severity of each process at each time horizon",
  },
  tiers: {
    title: "Tier distribution",
    alt: "Tier distribution: how many processes fall in each recovery tier",
  },
  categories: {
    title: "Impact by category",
    alt: "Impact by category: the severity of each process in each impact category at one time horizon",
  },
  dependencies: {
    title: "Dependency chart",
    alt: "Dependency chart: processes, the resources they rely on and what those rely on, with gaps and single points of failure marked",
  },
  gaps: {
    title: "Recovery gaps",
    alt: "Recovery gaps: the recovery time each resource needs against what it can deliver",
  },
};

/** An SVG document as a URL an <img> can show (the CSP allows `img-src data:`). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** A path with ".png" added when the chosen file name has no extension at all. */
export function withChartExtension(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return /\.[^.]+$/.test(name) ? path : `${path}.png`;
}

/** The options as sent to the core: only the ones that are set (no blank text, no `byUnit: false`). */
export function chartOptions(options: ChartOptions): ChartOptions {
  const out: ChartOptions = {};
  if (options.horizon?.trim()) out.horizon = options.horizon.trim();
  if (options.process?.trim()) out.process = options.process.trim();
  if (options.byUnit) out.byUnit = true;
  if (options.unit?.trim()) out.unit = options.unit.trim();
  if (options.rows) out.rows = options.rows;
  if (options.offset) out.offset = options.offset;
  if (options.width) out.width = options.width;
  return out;
}

/** The horizon the category chart shows by default, as the core picks it: the first at or after one day (else the longest). */
export function defaultChartHorizon(horizons: readonly Horizon[]): Horizon | null {
  return horizons.find((h) => h.minutes >= DAY) ?? horizons[horizons.length - 1] ?? null;
}

/** A piece of a file name: "Pick and pack" → "pick-and-pack", "1 d" → "1d", "Goods-in & returns" → "goods-in-returns". */
export function fileSlug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase()
    .replace(/(\d)\s+(?=\p{L})/gu, "$1")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * The file name the save dialog suggests, saying what the chart shows:
 * "heatmap.png", "heatmap-by-unit.png", "heatmap-operations-41-80.png" (a unit's, the second page), "categories-1d.png",
 * "dependencies-pick-and-pack.png" (`focus` is the focused process's name, or the heatmap's unit's).
 */
export function defaultChartName(kind: ChartKind, options: ChartOptions = {}, focus?: string): string {
  const o = chartOptions(options);
  const parts: string[] = [kind];
  if (kind === "heatmap" && o.unit) parts.push(fileSlug(focus ?? o.unit));
  if (kind === "heatmap" && o.byUnit) parts.push("by-unit");
  if (o.offset && o.rows) parts.push(`${o.offset + 1}-${o.offset + o.rows}`);
  if (kind === "categories" && o.horizon) parts.push(fileSlug(o.horizon));
  if (kind === "dependencies" && o.process) parts.push(fileSlug(focus ?? o.process));
  return `${parts.filter((p) => p !== "").join("-")}.png`;
}

/** One line saying what a chart with these options shows; "" when there is nothing to add to its title. */
export function chartCaption(kind: ChartKind, options: ChartOptions = {}, focus?: string): string {
  const o = chartOptions(options);
  switch (kind) {
    case "heatmap": {
      const of = o.unit ? `${focus ?? o.unit} and its sub-units` : "";
      if (o.byUnit) return of ? `${of}, grouped by unit` : "Processes grouped by unit";
      return of;
    }
    case "categories":
      return o.horizon ? `At ${o.horizon}` : "At the first horizon of a day or more";
    case "dependencies":
      return o.process ? `${focus ?? o.process} and everything it relies on` : "The whole assessment";
    default:
      return "";
  }
}

/** Asks where to save a chart; null when cancelled. */
export async function chooseChartPath(kind: ChartKind, options: ChartOptions = {}, focus?: string): Promise<string | null> {
  const path = await save({
    title: `Save ${CHART_TITLES[kind].title.toLocaleLowerCase()} as`,
    defaultPath: defaultChartName(kind, options, focus),
    filters: [PNG_FILTER, SVG_FILTER],
  });
  return path ? withChartExtension(path) : null;
}
