// Tests of the impact grid's logic: what each key does, what a fill-right
// changes, how an edit shows before the core answers, and the definitions
// the room reads while scoring.
import { describe, expect, it } from "vitest";
import type { Score } from "./bindings/Score";
import { defaultMethodology } from "../testing/demoAssessment";
import {
  activeCategories,
  applyScoreInputs,
  categoryLadder,
  clampCell,
  describeLevel,
  fillRightInputs,
  gridKeyAction,
  indexScores,
  mtpdColumn,
  thresholdOf,
} from "./impactGrid";

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const size = { rows: 7, cols: 8 };

function score(category: string, horizon: string, severity: number | null, note = ""): Score {
  return { process_id: "p1", category_id: category, horizon_id: horizon, severity, note, provenance: { kind: "workshop" } };
}

describe("gridKeyAction", () => {
  it("moves with the arrows and stops at the edges", () => {
    expect(gridKeyAction(press("ArrowRight"), { row: 2, col: 3 }, size, 5)).toEqual({ kind: "move", to: { row: 2, col: 4 } });
    expect(gridKeyAction(press("ArrowDown"), { row: 6, col: 3 }, size, 5)).toEqual({ kind: "move", to: { row: 6, col: 3 } });
    expect(gridKeyAction(press("ArrowLeft"), { row: 0, col: 0 }, size, 5)).toEqual({ kind: "move", to: { row: 0, col: 0 } });
    expect(gridKeyAction(press("End"), { row: 1, col: 2 }, size, 5)).toEqual({ kind: "move", to: { row: 1, col: 7 } });
  });

  it("scores with a digit up to the top of the scale, and no further", () => {
    expect(gridKeyAction(press("4"), { row: 0, col: 0 }, size, 5)).toEqual({ kind: "set", severity: 4 });
    expect(gridKeyAction(press("0"), { row: 0, col: 0 }, size, 5)).toEqual({ kind: "set", severity: 0 });
    expect(gridKeyAction(press("6"), { row: 0, col: 0 }, size, 5)).toBeNull();
  });

  it("clears with Delete or Backspace, fills right with F or Shift+→, edits the note with Enter", () => {
    expect(gridKeyAction(press("Delete"), { row: 0, col: 0 }, size, 5)).toEqual({ kind: "clear" });
    expect(gridKeyAction(press("Backspace"), { row: 0, col: 0 }, size, 5)).toEqual({ kind: "clear" });
    expect(gridKeyAction(press("f"), { row: 0, col: 0 }, size, 5)).toEqual({ kind: "fillRight" });
    expect(gridKeyAction(press("F", { shiftKey: true }), { row: 0, col: 0 }, size, 5)).toEqual({ kind: "fillRight" });
    expect(gridKeyAction(press("ArrowRight", { shiftKey: true }), { row: 0, col: 0 }, size, 5)).toEqual({ kind: "fillRight" });
    expect(gridKeyAction(press("Enter"), { row: 0, col: 0 }, size, 5)).toEqual({ kind: "note" });
  });

  it("leaves Ctrl+Z, Tab and other keys to the app and the browser", () => {
    expect(gridKeyAction(press("z", { ctrlKey: true }), { row: 0, col: 0 }, size, 5)).toBeNull();
    expect(gridKeyAction(press("4", { metaKey: true }), { row: 0, col: 0 }, size, 5)).toBeNull();
    expect(gridKeyAction(press("Tab"), { row: 0, col: 0 }, size, 5)).toBeNull();
    expect(gridKeyAction(press("x"), { row: 0, col: 0 }, size, 5)).toBeNull();
  });
});

describe("fillRightInputs", () => {
  const m = defaultMethodology();
  const categories = activeCategories(m);

  it("copies the focused severity into every cell to its right that differs, keeping notes", () => {
    const lookup = indexScores([score("c0", "h2", 3), score("c0", "h4", 3), score("c0", "h5", 1, "≈ £10 k"), score("c1", "h3", 5)]);
    const inputs = fillRightInputs(categories, m.horizons, lookup, { row: 0, col: 2 });
    expect(inputs.map((i) => i.horizon_id)).toEqual(["h3", "h5", "h6", "h7"]);
    expect(inputs.every((i) => i.category_id === "c0" && i.severity === 3 && i.note === null)).toBe(true);
  });

  it("does nothing from an unscored cell or at the last horizon", () => {
    const lookup = indexScores([score("c0", "h7", 2)]);
    expect(fillRightInputs(categories, m.horizons, lookup, { row: 0, col: 1 })).toEqual([]);
    expect(fillRightInputs(categories, m.horizons, lookup, { row: 0, col: 7 })).toEqual([]);
  });
});

describe("applyScoreInputs", () => {
  it("sets, clears and keeps notes the way the core stores them", () => {
    const before = [score("c0", "h0", 2, "≈ £5 k"), score("c0", "h1", 3)];
    const after = applyScoreInputs(before, "p1", [
      { category_id: "c0", horizon_id: "h0", severity: null, note: null },
      { category_id: "c0", horizon_id: "h1", severity: null, note: null },
      { category_id: "c1", horizon_id: "h0", severity: 0, note: null },
    ]);
    const lookup = indexScores(after);
    expect(lookup.get("c0|h0")).toMatchObject({ severity: null, note: "≈ £5 k" });
    expect(lookup.has("c0|h1")).toBe(false);
    expect(lookup.get("c1|h0")?.severity).toBe(0);
  });
});

describe("definitions", () => {
  const m = defaultMethodology();
  const financial = m.categories[0];

  it("describes a level of a category in one line", () => {
    expect(describeLevel(m, financial, 4)).toBe("Financial · 4 Major — Loss or extra cost of 1 M to 10 M");
  });

  it("lists the whole ladder with the category's own threshold marked", () => {
    const own = { ...financial, threshold: 3 };
    expect(thresholdOf(m, own)).toBe(3);
    const ladder = categoryLadder(m, own);
    expect(ladder).toHaveLength(6);
    expect(ladder.filter((s) => s.threshold).map((s) => s.level)).toEqual([3]);
    expect(ladder.filter((s) => s.unacceptable).map((s) => s.name)).toEqual(["Moderate", "Major", "Catastrophic"]);
    expect(categoryLadder(m, financial).find((s) => s.threshold)?.level).toBe(4);
  });

  it("leaves retired categories out of the grid", () => {
    const retired = { ...m, categories: m.categories.map((c, i) => ({ ...c, retired: i === 6 })) };
    expect(activeCategories(retired).map((c) => c.name)).not.toContain("Environmental");
  });
});

describe("positions", () => {
  it("finds the MTPD column by its minutes and keeps the focus inside a smaller grid", () => {
    const m = defaultMethodology();
    expect(mtpdColumn(m.horizons, 1440)).toBe(3);
    expect(mtpdColumn(m.horizons, null)).toBe(-1);
    expect(clampCell({ row: 6, col: 7 }, 5, 8)).toEqual({ row: 4, col: 7 });
  });
});
