// Tests of the impact grid's logic: what each key does, what a fill-right
// changes, how an edit shows before the core answers, and the definitions
// the room reads while scoring — over the demo's methodology and grids as the
// real core answered them (Harbourline Logistics).
import { describe, expect, it } from "vitest";
import type { Score } from "./bindings/Score";
import * as demo from "../testing/recordedDemo";
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

const m = demo.methodology();
/** The recorded ids of a category (a row of the grid) and a horizon (a column). */
const c = (row: number) => m.categories[row].id;
const h = (col: number) => m.horizons[col].id;

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
  const categories = activeCategories(m);

  it("copies the focused severity into every cell to its right that differs, keeping notes", () => {
    const lookup = indexScores([score(c(0), h(2), 3), score(c(0), h(4), 3), score(c(0), h(5), 1, "≈ £10 k"), score(c(1), h(3), 5)]);
    const inputs = fillRightInputs(categories, m.horizons, lookup, { row: 0, col: 2 });
    expect(inputs.map((i) => i.horizon_id)).toEqual([h(3), h(5), h(6), h(7)]);
    expect(inputs.every((i) => i.category_id === c(0) && i.severity === 3 && i.note === null)).toBe(true);
  });

  it("fills a recorded grid: only the cells that differ, nothing where the row already matches", () => {
    // Accounts payable scores Financial 0 0 0 1 2 3 3 3 and Health & Safety 0 throughout.
    const lookup = indexScores(demo.processImpactNamed("Accounts payable").scores);
    const financial = fillRightInputs(categories, m.horizons, lookup, { row: 0, col: 4 });
    expect(financial).toEqual(
      ["1 w", "2 w", "1 mo"].map((label) => ({ category_id: c(0), horizon_id: demo.horizonLabelled(label).id, severity: 2, note: null })),
    );
    const healthAndSafety = categories.findIndex((k) => k.name === "Health & Safety");
    expect(fillRightInputs(categories, m.horizons, lookup, { row: healthAndSafety, col: 0 })).toEqual([]);
  });

  it("does nothing from an unscored cell or at the last horizon", () => {
    const lookup = indexScores([score(c(0), h(7), 2)]);
    expect(fillRightInputs(categories, m.horizons, lookup, { row: 0, col: 1 })).toEqual([]);
    expect(fillRightInputs(categories, m.horizons, lookup, { row: 0, col: 7 })).toEqual([]);
    // Complaints handling is not scored at all.
    const empty = indexScores(demo.processImpactNamed("Complaints handling").scores);
    expect(fillRightInputs(categories, m.horizons, empty, { row: 0, col: 0 })).toEqual([]);
  });
});

describe("applyScoreInputs", () => {
  it("sets, clears and keeps notes the way the core stores them", () => {
    const before = [score(c(0), h(0), 2, "≈ £5 k"), score(c(0), h(1), 3)];
    const after = applyScoreInputs(before, "p1", [
      { category_id: c(0), horizon_id: h(0), severity: null, note: null },
      { category_id: c(0), horizon_id: h(1), severity: null, note: null },
      { category_id: c(1), horizon_id: h(0), severity: 0, note: null },
    ]);
    const lookup = indexScores(after);
    expect(lookup.get(`${c(0)}|${h(0)}`)).toMatchObject({ severity: null, note: "≈ £5 k" });
    expect(lookup.has(`${c(0)}|${h(1)}`)).toBe(false);
    expect(lookup.get(`${c(1)}|${h(0)}`)?.severity).toBe(0);
  });
});

describe("definitions", () => {
  const financial = demo.categoryNamed("Financial");

  it("describes a level of a category in one line", () => {
    expect(describeLevel(m, financial, 4)).toBe("Financial · 4 Major — Loss or extra cost of 1 M to 10 M · amounts in GBP (£)");
    const operational = m.categories.find((c) => c.name === "Operational")!;
    expect(describeLevel(m, operational, 4), "no currency where there are no amounts").toBe("Operational · 4 Major — Core operations halted at one site");
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
    expect(mtpdColumn(m.horizons, 1440)).toBe(3);
    // Accounts payable's MTPD falls on the horizon the core named as its reason.
    const payable = demo.processAnalysisNamed("Accounts payable");
    expect(mtpdColumn(m.horizons, payable.mtpd_derived)).toBe(6);
    expect(m.horizons[6].label).toBe(payable.mtpd_reason?.horizon);
    expect(mtpdColumn(m.horizons, null)).toBe(-1);
    expect(clampCell({ row: 6, col: 7 }, 5, 8)).toEqual({ row: 4, col: 7 });
  });
});
