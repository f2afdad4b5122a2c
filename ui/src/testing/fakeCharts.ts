// The test double's charts: a small valid placeholder SVG naming the chart,
// the number of processes and what the options chose (the horizon, the
// focus process with the number of links upstream of it, grouping by unit),
// resolved the way the core does (a horizon by label or duration, a process
// by id or name; else "unknown_name" for a horizon, "no_such_name" for a
// process); and the core's rule for "Save chart
// as…" (.svg or .png, else `chart_format`). The real charts are drawn by the
// Rust core; nothing here draws.
import type { ApiError } from "../lib/bindings/ApiError";
import type { ErrorCode } from "../lib/bindings/ErrorCode";
import type { ChartKind } from "../lib/bindings/ChartKind";
import type { ChartOptions } from "../lib/bindings/ChartOptions";
import type { Dependency } from "../lib/bindings/Dependency";
import type { Methodology } from "../lib/bindings/Methodology";
import type { Process } from "../lib/bindings/Process";
import type { Resource } from "../lib/bindings/Resource";
import { defaultChartHorizon } from "../lib/chartFiles";
import { parseDuration } from "../lib/durations";

const KINDS: ChartKind[] = ["heatmap", "categories", "dependencies", "tiers", "gaps"];

/** What a chart is drawn from. */
export interface FakeChartData {
  processes: Process[];
  methodology: Methodology;
  resources: Resource[];
  dependencies: Dependency[];
}

function fail(code: ErrorCode, message: string): never {
  const error: ApiError = { code, message, details: null };
  throw error;
}

const key = (name: string) => name.trim().replace(/\s+/g, " ").toLocaleLowerCase();

export function fakeChartKind(kind: unknown): ChartKind {
  if (KINDS.includes(kind as ChartKind)) return kind as ChartKind;
  return fail("invalid", `unknown chart kind "${String(kind)}"`);
}

/** The options as the IPC delivers them (absent = none). */
export function fakeChartOptions(options: unknown): ChartOptions {
  return options && typeof options === "object" ? (options as ChartOptions) : {};
}

/** The horizon a category chart shows: by label or by duration ("24h" is "1 d"); the default when none is given. */
function horizonLabel(options: ChartOptions, methodology: Methodology): string {
  const text = options.horizon;
  if (text === undefined) return defaultChartHorizon(methodology.horizons)?.label ?? "no horizon";
  const minutes = parseDuration(text);
  const found =
    methodology.horizons.find((h) => key(h.label) === key(text)) ??
    methodology.horizons.find((h) => minutes !== null && h.minutes === minutes);
  if (found) return found.label;
  return fail("unknown_name", `no horizon "${text.trim()}"; use one of: ${methodology.horizons.map((h) => h.label).join(", ")}`);
}

/** The focused process, by id or name. */
function focusProcess(text: string, processes: Process[]): Process {
  const found = processes.find((p) => p.id === text.trim()) ?? processes.find((p) => key(p.name) === key(text));
  if (found) return found;
  return fail("no_such_name", `no process named "${text.trim()}"`);
}

/** How many dependencies lie upstream of a process (what it relies on, and what those rely on, and so on). */
function linksUpstream(id: string, dependencies: Dependency[]): number {
  const seen = new Set([id]);
  const queue = [id];
  let links = 0;
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const d of dependencies) {
      if (d.from.id !== from) continue;
      links += 1;
      if (!seen.has(d.to.id)) {
        seen.add(d.to.id);
        queue.push(d.to.id);
      }
    }
  }
  return links;
}

/** What the options chose, as the placeholder says it; throws the core's error for a name it does not know. */
function subject(kind: ChartKind, options: ChartOptions, data: FakeChartData): string {
  switch (kind) {
    case "heatmap":
      return options.byUnit ? " — by unit" : "";
    case "categories":
      return ` — at ${horizonLabel(options, data.methodology)}`;
    case "dependencies": {
      if (options.process === undefined) return ` — whole assessment, ${data.dependencies.length} links`;
      const focus = focusProcess(options.process, data.processes);
      return ` — focus: ${focus.name}, ${linksUpstream(focus.id, data.dependencies)} links`;
    }
    default:
      return "";
  }
}

/** Checks a chart's options against the assessment as the core does before drawing or saving. */
export function checkChartOptions(kind: ChartKind, options: ChartOptions, data: FakeChartData): void {
  subject(kind, options, data);
}

/** About the core's sizes: a row per process or resource, so a large assessment makes a tall chart. */
function size(kind: ChartKind, data: FakeChartData, options: ChartOptions): [number, number] {
  const rows = (n: number, room: number, min: number, max: number) => Math.max(n, 1) * Math.min(max, Math.max(min, Math.floor(room / Math.max(n, 1))));
  switch (kind) {
    case "heatmap":
    case "categories":
      return [1200, 96 + rows(data.processes.length, 720, 12, 28) + 94];
    case "gaps":
      return [1100, 96 + rows(data.resources.length, 640, 14, 26) + 90];
    case "dependencies": {
      const focus = options.process === undefined ? null : focusProcess(options.process, data.processes);
      const nodes = focus ? linksUpstream(focus.id, data.dependencies) + 1 : Math.max(data.processes.length, data.resources.length);
      return [1200, 140 + 36 * Math.max(nodes, 4)];
    }
    default:
      return [800, 440];
  }
}

export function fakeChartSvg(kind: ChartKind, data: FakeChartData, options: ChartOptions = {}): string {
  const text = `${kind} chart — ${data.processes.length} processes${subject(kind, options, data)}`;
  const [w, h] = size(kind, data, options);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<rect width="${w}" height="${h}" fill="#f4f6f7" stroke="#c9d1d6"/>` +
    `<text x="${w / 2}" y="${h / 2}" text-anchor="middle" font-family="sans-serif" font-size="24" fill="#4a5560">` +
    `${escapeXml(text)}</text></svg>`
  );
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Fails as the core does when the path is neither .svg nor .png. */
export function checkChartPath(path: string): void {
  if (/\.(svg|png)$/i.test(path)) return;
  fail("chart_format", `${path}: save a chart as .svg or .png`);
}
