// What the Compare screen shows of the core's comparison, as plain functions: the summary tiles, the changed, added
// and removed processes narrowed by a typed filter, how a direction reads, and how a backup is offered. Nothing here
// decides what changed; that is the core's (`bia_analysis::compare`).
import type { Backup } from "./bindings/Backup";
import type { Comparison } from "./bindings/Comparison";
import type { Direction } from "./bindings/Direction";
import type { ProcessDelta } from "./bindings/ProcessDelta";
import { formatDate } from "./dates";

export interface Tile {
  key: "added" | "removed" | "changed" | "unchanged" | "resources";
  label: string;
  value: number;
}

/** The figures across the top: processes added, removed, changed, unchanged; resources added, removed or changed. */
export function summaryTiles(c: Comparison): Tile[] {
  const n = c.counts;
  return [
    { key: "added", label: "Processes added", value: n.added },
    { key: "removed", label: "Processes removed", value: n.removed },
    { key: "changed", label: "Processes changed", value: n.changed },
    { key: "unchanged", label: "Unchanged", value: n.unchanged },
    {
      key: "resources",
      label: "Resources changed",
      value: n.resources_added + n.resources_removed + n.resources_changed,
    },
  ];
}

/** Whether nothing compared differs. */
export function noDifferences(c: Comparison): boolean {
  return c.processes.length === 0 && c.resources.length === 0;
}

/** Whether `delta` holds `filter` (case aside) in its name, unit, tier or any change. An empty filter holds all. */
export function deltaMatches(delta: ProcessDelta, filter: string): boolean {
  const words = filter.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = [
    delta.name,
    delta.unit,
    delta.tier,
    delta.state,
    ...delta.changes.flatMap((x) => [x.label, x.old, x.new]),
  ]
    .join(" ")
    .toLocaleLowerCase();
  return words.every((w) => text.includes(w));
}

export interface Narrowed {
  changed: ProcessDelta[];
  added: ProcessDelta[];
  removed: ProcessDelta[];
}

/** The comparison's processes by state, those the filter holds, in the core's order. */
export function narrowed(c: Comparison, filter: string): Narrowed {
  const out: Narrowed = { changed: [], added: [], removed: [] };
  for (const d of c.processes) {
    if (deltaMatches(d, filter)) out[d.state].push(d);
  }
  return out;
}

/** "↑" or "↓" and how a screen reader says it; blank when the change has no direction. */
export function directionText(d: Direction | null): { arrow: string; label: string } {
  if (d === "up") return { arrow: "↑", label: "up" };
  if (d === "down") return { arrow: "↓", label: "down" };
  return { arrow: "", label: "" };
}

/** A value as the table shows it: "—" for none (a dependency added has no value before). */
export function shown(value: string): string {
  return value === "" ? "—" : value;
}

/** "2025 BIA, last changed 12 Mar 2025": what the comparison is against. */
export function sinceText(c: Comparison): string {
  return `${c.old.name}, last changed ${formatDate(c.old.updated_at)}`;
}

/** A backup as offered: "Before an import · 2026-11-21 14:23". */
export function backupLabel(b: Backup): string {
  return `${b.reason.charAt(0).toLocaleUpperCase()}${b.reason.slice(1)} · ${b.taken_at}`;
}

/** The file's name without its folder. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
