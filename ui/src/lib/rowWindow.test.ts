import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW_HEIGHT, OVERSCAN, rowWindow } from "./rowWindow";

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
