import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW_HEIGHT, OVERSCAN, rowKeyTarget, rowOffsets, rowWindow, variableRowWindow } from "./rowWindow";

describe("rowWindow", () => {
  it("draws the first screenful and the overscan below it at the top", () => {
    expect(rowWindow({ count: 10_000, rowHeight: 40, scrollTop: 0, viewHeight: 600 })).toEqual({ first: 0, last: 15 + OVERSCAN });
  });

  it("draws the rows in view and the overscan either side when scrolled", () => {
    // Rows 250 to 265 are in view (10,000 px down, 600 px high).
    expect(rowWindow({ count: 10_000, rowHeight: 40, scrollTop: 10_000, viewHeight: 600 })).toEqual({
      first: 250 - OVERSCAN,
      last: 265 + OVERSCAN,
    });
  });

  it("stops at the last row", () => {
    const { last } = rowWindow({ count: 10_000, rowHeight: 40, scrollTop: 399_400, viewHeight: 600 });
    expect(last).toBe(9_999);
  });

  it("shows the last screenful when the view was scrolled past fewer rows", () => {
    // A search left 30 rows while the view was 200,000 px down: rows 15 to 29 are in view.
    expect(rowWindow({ count: 30, rowHeight: 40, scrollTop: 200_000, viewHeight: 600 })).toEqual({ first: 15 - OVERSCAN, last: 29 });
  });

  it("assumes a tall view where none is laid out, and draws nothing for no rows", () => {
    expect(rowWindow({ count: 10_000, rowHeight: 40, scrollTop: 0, viewHeight: 0 }).last).toBe(DEFAULT_VIEW_HEIGHT / 40 + OVERSCAN);
    expect(rowWindow({ count: 0, rowHeight: 40, scrollTop: 0, viewHeight: 600 })).toEqual({ first: 0, last: -1 });
  });
});

describe("variableRowWindow", () => {
  // 10,000 rows of 41 px, every tenth with two lines of broken rules under it (41 + 45 px).
  const height = (i: number) => (i % 10 === 0 ? 86 : 41);
  const offsets = rowOffsets(10_000, height);

  it("places each row below the ones before it", () => {
    expect(offsets[0]).toBe(0);
    expect(offsets[1]).toBe(86);
    expect(offsets[10]).toBe(86 + 9 * 41);
    expect(offsets[10_000]).toBe(1_000 * 86 + 9_000 * 41);
  });

  it("draws the rows in view and the overscan either side, wherever the view is", () => {
    // Rows 0 to 12 are in view: row 12 runs from 582 to 623 px.
    expect(variableRowWindow(offsets, { scrollTop: 0, viewHeight: 600 })).toEqual({ first: 0, last: 12 + OVERSCAN });
    // Row 5,000 begins at offsets[5000]; the view starts 10 px into it.
    const { first, last } = variableRowWindow(offsets, { scrollTop: offsets[5_000] + 10, viewHeight: 600 });
    expect(first).toBe(5_000 - OVERSCAN);
    expect(offsets[last - OVERSCAN]).toBeLessThanOrEqual(offsets[5_000] + 610);
    expect(offsets[last - OVERSCAN + 1]).toBeGreaterThan(offsets[5_000] + 610);
  });

  it("ends at the last row, shows the last screenful when scrolled past, and draws nothing for no rows", () => {
    expect(variableRowWindow(offsets, { scrollTop: 1e9, viewHeight: 600 }).last).toBe(9_999);
    expect(variableRowWindow(rowOffsets(0, height), { scrollTop: 0, viewHeight: 600 })).toEqual({ first: 0, last: -1 });
    expect(variableRowWindow(offsets, { scrollTop: 0, viewHeight: 0 }).last).toBeGreaterThan(DEFAULT_VIEW_HEIGHT / 86);
  });
});

describe("rowKeyTarget", () => {
  it("moves by one, by a screenful and to the ends, within the rows, and ignores other keys", () => {
    expect(rowKeyTarget("ArrowDown", 5, 100, 600, 40)).toBe(6);
    expect(rowKeyTarget("ArrowUp", 0, 100, 600, 40)).toBe(0);
    // 600 px of 40 px rows: 15 in view, a page moves 14 so that one row stays in sight.
    expect(rowKeyTarget("PageDown", 5, 100, 600, 40)).toBe(19);
    expect(rowKeyTarget("PageUp", 5, 100, 600, 40)).toBe(0);
    expect(rowKeyTarget("End", 5, 100, 600, 40)).toBe(99);
    expect(rowKeyTarget("Home", 50, 100, 600, 40)).toBe(0);
    expect(rowKeyTarget("a", 5, 100, 600, 40)).toBeNull();
  });
});
