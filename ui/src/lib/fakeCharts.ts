// The test double's charts: a small valid placeholder SVG naming the chart and
// the number of processes (the real ones are drawn by the Rust core), and the
// core's rule for "Save chart as…" (.svg or .png, else `chart_format`).
import type { ApiError } from "./bindings/ApiError";
import type { ChartKind } from "./bindings/ChartKind";

const KINDS: ChartKind[] = ["heatmap", "categories", "dependencies", "tiers", "gaps"];

export function fakeChartKind(kind: unknown): ChartKind {
  if (KINDS.includes(kind as ChartKind)) return kind as ChartKind;
  const error: ApiError = { code: "invalid_input", message: `unknown chart kind "${String(kind)}"`, details: null };
  throw error;
}

export function fakeChartSvg(kind: ChartKind, processes: number): string {
  const [w, h] = kind === "heatmap" ? [1200, 420] : kind === "gaps" ? [1100, 400] : [800, 440];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<rect width="${w}" height="${h}" fill="#f4f6f7" stroke="#c9d1d6"/>` +
    `<text x="${w / 2}" y="${h / 2}" text-anchor="middle" font-family="sans-serif" font-size="24" fill="#4a5560">` +
    `${kind} chart — ${processes} processes</text></svg>`
  );
}

/** Fails as the core does when the path is neither .svg nor .png. */
export function checkChartPath(path: string): void {
  if (/\.(svg|png)$/i.test(path)) return;
  const error: ApiError = { code: "chart_format", message: `${path}: save a chart as .svg or .png`, details: null };
  throw error;
}
