// The core's charts on screen and on disk: the data URL an <img> shows (never
// {@html}), the native "Save chart as…" dialog, and the rule that a name typed
// without an extension is saved as PNG.
import { save } from "@tauri-apps/plugin-dialog";
import type { ChartKind } from "./bindings/ChartKind";

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

/** The file name the save dialog suggests: "heatmap.png". */
export function defaultChartName(kind: ChartKind): string {
  return `${kind}.png`;
}

/** Asks where to save a chart; null when cancelled. */
export async function chooseChartPath(kind: ChartKind): Promise<string | null> {
  const path = await save({
    title: `Save ${CHART_TITLES[kind].title.toLocaleLowerCase()} as`,
    defaultPath: defaultChartName(kind),
    filters: [PNG_FILTER, SVG_FILTER],
  });
  return path ? withChartExtension(path) : null;
}
