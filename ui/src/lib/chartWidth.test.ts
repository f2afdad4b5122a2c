import { describe, expect, it } from "vitest";
import { dashboardChartWidths, layoutWidth, servesOptions } from "./chartWidth";

describe("chart widths", () => {
  it("lay a chart out for its frame in steps of 20 px, none before it is laid out", () => {
    expect(layoutWidth(938)).toBe(920);
    expect(layoutWidth(940)).toBe(940);
    expect(layoutWidth(0)).toBeNull();
  });

  it("predict the Dashboard's cards: one chart a row at 1280 px, two at 1920 px with the wide ones across", () => {
    expect(dashboardChartWidths(1280)).toEqual({ wide: 920, half: 920 });
    expect(dashboardChartWidths(1920)).toEqual({ wide: 1560, half: 760 });
    // The page stops growing at 1680 px.
    expect(dashboardChartWidths(3000)).toEqual(dashboardChartWidths(1980));
    expect(dashboardChartWidths(0)).toEqual({ wide: null, half: null });
  });

  it("let a chart drawn for one width serve a card within 40 px of it, with the same other options", () => {
    expect(servesOptions({ rows: 40, width: 920 }, { rows: 40, width: 900 })).toBe(true);
    expect(servesOptions({ rows: 40, width: 920 }, { rows: 40, width: 860 })).toBe(false);
    expect(servesOptions({ rows: 40, width: 920 }, { rows: 30, width: 920 })).toBe(false);
    expect(servesOptions({ byUnit: true }, { byUnit: true })).toBe(true);
    expect(servesOptions({ width: 920 }, {})).toBe(false);
  });
});
