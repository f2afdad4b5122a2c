// The process register's view logic: free-text search, unit and status
// filters, and column sorting. Pure functions over the list the core returns.
import type { Id } from "./bindings/Id";
import type { Process } from "./bindings/Process";
import type { Status } from "./bindings/Status";
import type { Unit } from "./bindings/Unit";
import { statusRank } from "./statuses";
import { unitAndDescendants } from "./unitTree";

export type SortKey = "name" | "unit" | "owner" | "status" | "peak_periods" | "minimum_staff";
export type SortDirection = "asc" | "desc";

export interface SortOrder {
  key: SortKey;
  direction: SortDirection;
}

/** The value of the unit filter that selects processes without a unit. */
export const NO_UNIT = "__none__";

export interface ProcessQuery {
  search: string;
  /** "" for every unit, `NO_UNIT`, or a unit id (its sub-units included). */
  unit: string;
  /** "" for every status. */
  status: Status | "";
  sort: SortOrder;
}

/** A process as the register shows it: with its unit's name resolved. */
export interface ProcessRow {
  process: Process;
  unitName: string;
}

export const DEFAULT_QUERY: ProcessQuery = {
  search: "",
  unit: "",
  status: "",
  sort: { key: "name", direction: "asc" },
};

export function toRows(processes: readonly Process[], units: readonly Unit[]): ProcessRow[] {
  const names = new Map(units.map((u) => [u.id, u.name]));
  return processes.map((process) => ({
    process,
    unitName: process.unit_id === null ? "" : (names.get(process.unit_id) ?? ""),
  }));
}

/** Lower-cased, accents kept: searching for "café" finds "Café". */
function fold(text: string): string {
  return text.toLocaleLowerCase();
}

/**
 * Whether a row matches a search: every word of the query must appear
 * (case-insensitively) in the name, owner, unit, description or a custom
 * field's value. An empty query matches everything.
 */
export function matchesSearch(row: ProcessRow, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = haystackOf(row);
  return words.every((w) => haystack.includes(w));
}

/**
 * The searchable text of each process, folded once rather than on every key
 * typed (a third of a search through 10,000 processes). The workspace replaces
 * a process object whenever it changes, so a cached text cannot go stale; the
 * unit's name, which can change on its own, is part of the key.
 */
const haystacks = new WeakMap<Process, { unitName: string; text: string }>();

function haystackOf(row: ProcessRow): string {
  const p = row.process;
  const cached = haystacks.get(p);
  if (cached && cached.unitName === row.unitName) return cached.text;
  const text = fold([p.name, p.owner, row.unitName, p.description, ...p.custom_fields.map((f) => f.value)].join("\n"));
  haystacks.set(p, { unitName: row.unitName, text });
  return text;
}

export function matchesUnit(row: ProcessRow, unitIds: ReadonlySet<Id> | typeof NO_UNIT | null): boolean {
  if (unitIds === null) return true;
  if (unitIds === NO_UNIT) return row.process.unit_id === null;
  return row.process.unit_id !== null && unitIds.has(row.process.unit_id);
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

/** A row's value for a column, ready to compare: text trimmed once (not on each of a sort's 140,000 comparisons). */
function sortValue(row: ProcessRow, key: SortKey): string | number | null {
  const p = row.process;
  const text = (value: string) => {
    const trimmed = value.trim();
    return trimmed === "" ? null : trimmed;
  };
  switch (key) {
    case "name":
      return text(p.name);
    case "unit":
      return text(row.unitName);
    case "owner":
      return text(p.owner);
    case "peak_periods":
      return text(p.peak_periods);
    case "minimum_staff":
      return p.minimum_staff;
    case "status":
      return statusRank(p.status);
  }
}

/**
 * The rows in a column's order. Blank values sort last in either direction, so the filled rows stay on top; ties
 * keep a stable, readable order: by name, then by id.
 */
export function sortRows(rows: readonly ProcessRow[], order: SortOrder): ProcessRow[] {
  const sign = order.direction === "asc" ? 1 : -1;
  const keyed = rows.map((row) => ({ row, value: sortValue(row, order.key), name: row.process.name.trim() }));
  keyed.sort((a, b) => {
    const x = a.value;
    const y = b.value;
    if ((x === null) !== (y === null)) return x === null ? 1 : -1;
    let primary = 0;
    if (x !== null && y !== null)
      primary = (typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y))) * sign;
    if (primary !== 0) return primary;
    return collator.compare(a.name, b.name) || a.row.process.id.localeCompare(b.row.process.id);
  });
  return keyed.map((k) => k.row);
}

/** Clicking a header: the same column flips direction, a new column starts ascending. */
export function nextSort(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key) return { key, direction: current.direction === "asc" ? "desc" : "asc" };
  return { key, direction: "asc" };
}

/** The rows the register shows for a query, filtered and sorted. */
export function queryProcesses(processes: readonly Process[], units: readonly Unit[], query: ProcessQuery): ProcessRow[] {
  const unitIds =
    query.unit === "" ? null : query.unit === NO_UNIT ? NO_UNIT : unitAndDescendants(units, query.unit);
  const rows = toRows(processes, units).filter(
    (row) =>
      matchesSearch(row, query.search) &&
      matchesUnit(row, unitIds) &&
      (query.status === "" || row.process.status === query.status),
  );
  return sortRows(rows, query.sort);
}

/** "12 of 25 processes", "1 process", "No processes", "1 of 10,025 processes" (digits grouped as everywhere in the app). */
export function describeCount(shown: number, total: number): string {
  const noun = (n: number) => (n === 1 ? "process" : "processes");
  const n = (value: number) => value.toLocaleString("en-GB");
  if (total === 0) return "No processes";
  if (shown === total) return `${n(total)} ${noun(total)}`;
  return `${n(shown)} of ${n(total)} ${noun(total)}`;
}
