// The impact grid's logic, apart from its component: what a key press does
// (move, score, clear, fill right, edit the note), which cells a fill-right
// changes, the cells as they look after an edit (before the core answers),
// and the definitions a facilitator reads while scoring.
import type { Category } from "./bindings/Category";
import type { Horizon } from "./bindings/Horizon";
import type { Methodology } from "./bindings/Methodology";
import type { Score } from "./bindings/Score";
import type { ScoreInput } from "./bindings/ScoreInput";
import type { KeyPress } from "./shortcuts";
import { amountsNote } from "./currency";

/** A cell by position: row = category, col = horizon. */
export interface CellPos {
  row: number;
  col: number;
}

export type GridAction =
  | { kind: "move"; to: CellPos }
  | { kind: "set"; severity: number }
  | { kind: "clear" }
  | { kind: "fillRight" }
  | { kind: "note" };

/**
 * What a key press on the grid means, or null to leave it to the browser and
 * the app (Ctrl+Z stays the app's undo, Tab leaves the grid).
 * Arrows move (held at the edges), Home/End go to the row's ends, a digit up
 * to the scale's top sets the cell, Delete/Backspace clears it, F or
 * Shift+→ fills right, Enter edits the cell's note.
 */
export function gridKeyAction(
  press: KeyPress,
  at: CellPos,
  size: { rows: number; cols: number },
  maxLevel: number,
): GridAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey || size.rows === 0 || size.cols === 0) return null;
  const clamp = (row: number, col: number): GridAction => ({
    kind: "move",
    to: { row: Math.min(Math.max(row, 0), size.rows - 1), col: Math.min(Math.max(col, 0), size.cols - 1) },
  });
  switch (press.key) {
    case "ArrowRight":
      return press.shiftKey ? { kind: "fillRight" } : clamp(at.row, at.col + 1);
    case "ArrowLeft":
      return clamp(at.row, at.col - 1);
    case "ArrowUp":
      return clamp(at.row - 1, at.col);
    case "ArrowDown":
      return clamp(at.row + 1, at.col);
    case "Home":
      return clamp(at.row, 0);
    case "End":
      return clamp(at.row, size.cols - 1);
    case "Delete":
    case "Backspace":
      return { kind: "clear" };
    case "f":
    case "F":
      return { kind: "fillRight" };
    case "Enter":
      return { kind: "note" };
  }
  if (/^[0-9]$/.test(press.key)) {
    const severity = Number(press.key);
    return severity <= maxLevel ? { kind: "set", severity } : null;
  }
  return null;
}

/** The key of a cell in a score lookup. */
export function cellKey(categoryId: string, horizonId: string): string {
  return `${categoryId}|${horizonId}`;
}

/** The scores of a grid by cell. */
export function indexScores(scores: readonly Score[]): Map<string, Score> {
  return new Map(scores.map((s) => [cellKey(s.category_id, s.horizon_id), s]));
}

/** The severity of a cell, null when unscored. */
export function severityAt(lookup: Map<string, Score>, categoryId: string, horizonId: string): number | null {
  return lookup.get(cellKey(categoryId, horizonId))?.severity ?? null;
}

/**
 * The changes a fill-right makes: every cell right of `at` in its row takes
 * the focused cell's severity (notes kept). Nothing when the focused cell is
 * unscored (filling blanks would wipe the row) or the row already matches.
 */
export function fillRightInputs(
  categories: readonly Category[],
  horizons: readonly Horizon[],
  lookup: Map<string, Score>,
  at: CellPos,
): ScoreInput[] {
  const category = categories[at.row];
  const from = horizons[at.col];
  if (!category || !from) return [];
  const severity = severityAt(lookup, category.id, from.id);
  if (severity === null) return [];
  return horizons
    .slice(at.col + 1)
    .filter((h) => severityAt(lookup, category.id, h.id) !== severity)
    .map((h) => ({ category_id: category.id, horizon_id: h.id, severity, note: null }));
}

/**
 * The grid as it will be once the core has applied `inputs` (shown at once,
 * then replaced by the core's answer): a null note keeps the cell's note, a
 * cell left with neither severity nor note goes.
 */
export function applyScoreInputs(scores: readonly Score[], processId: string, inputs: readonly ScoreInput[]): Score[] {
  const lookup = indexScores(scores);
  for (const input of inputs) {
    const key = cellKey(input.category_id, input.horizon_id);
    const existing = lookup.get(key);
    const note = input.note ?? existing?.note ?? "";
    if (input.severity === null && note.trim() === "") {
      lookup.delete(key);
    } else {
      lookup.set(key, {
        process_id: processId,
        category_id: input.category_id,
        horizon_id: input.horizon_id,
        severity: input.severity,
        note,
        provenance: { kind: "workshop" },
      });
    }
  }
  return [...lookup.values()];
}

/** The categories scored in the grid: those not retired, in order. */
export function activeCategories(m: Methodology): Category[] {
  return m.categories.filter((c) => !c.retired);
}

/** The threshold that applies to a category: its own, else the assessment's. */
export function thresholdOf(m: Methodology, category: Category): number {
  return category.threshold ?? m.threshold;
}

/** The top of the scale (the highest digit that scores). */
export function maxLevel(m: Methodology): number {
  return m.scale.reduce((max, l) => Math.max(max, l.value), 0);
}

export function levelName(m: Methodology, level: number): string {
  return m.scale.find((l) => l.value === level)?.name ?? String(level);
}

export function definitionText(category: Category, level: number): string {
  return category.definitions.find((d) => d.level === level)?.text ?? "";
}

/**
 * "Financial · 4 Major — Loss or extra cost of 1 M to 10 M · amounts in GBP (£)" (without the dash when
 * undefined; the currency only for a financial category).
 */
export function describeLevel(m: Methodology, category: Category, level: number): string {
  const text = definitionText(category, level);
  const head = `${category.name} · ${level} ${levelName(m, level)}`;
  const note = amountsNote(category.name, m.currency);
  return (text ? `${head} — ${text}` : head) + (text && note ? ` · ${note}` : "");
}

export interface LadderStep {
  level: number;
  name: string;
  text: string;
  /** This is the category's threshold level. */
  threshold: boolean;
  /** At or above the threshold: unacceptable. */
  unacceptable: boolean;
}

/** Every level of a category with its definition, lowest first, the threshold marked. */
export function categoryLadder(m: Methodology, category: Category): LadderStep[] {
  const threshold = thresholdOf(m, category);
  return m.scale.map((l) => ({
    level: l.value,
    name: l.name,
    text: definitionText(category, l.value),
    threshold: l.value === threshold,
    unacceptable: l.value >= threshold,
  }));
}

/** The column of the derived MTPD (the horizon it falls on), or -1. */
export function mtpdColumn(horizons: readonly Horizon[], mtpdMinutes: number | null): number {
  return mtpdMinutes === null ? -1 : horizons.findIndex((h) => h.minutes === mtpdMinutes);
}

/** Keeps a focus cell inside a grid that may have shrunk (an undo, a retired category). */
export function clampCell(at: CellPos, rows: number, cols: number): CellPos {
  return {
    row: Math.min(Math.max(at.row, 0), Math.max(rows - 1, 0)),
    col: Math.min(Math.max(at.col, 0), Math.max(cols - 1, 0)),
  };
}
