// Tests of duration formatting: horizons and tier bands must read the way the core prints them.
import { describe, expect, it } from "vitest";
import type { Tier } from "./bindings/Tier";
import { DAY, HOUR, MONTH, WEEK, describeTierBand, formatMinuteCount, formatMinutes, formatMinutesDetail } from "./minutes";

describe("formatMinutes", () => {
  it("uses the largest unit that divides the value exactly, like the core's Display", () => {
    expect(formatMinutes(60)).toBe("1 h");
    expect(formatMinutes(4 * HOUR)).toBe("4 h");
    expect(formatMinutes(DAY)).toBe("1 d");
    expect(formatMinutes(3 * DAY)).toBe("3 d");
    expect(formatMinutes(2 * WEEK)).toBe("2 w");
    expect(formatMinutes(MONTH)).toBe("1 mo");
  });

  it("falls back to minutes for values that no larger unit divides", () => {
    expect(formatMinutes(90)).toBe("90 min");
    expect(formatMinutes(0)).toBe("0 min");
  });
});

describe("formatMinutesDetail", () => {
  it("shows the short form and the grouped minute count, as on the methodology screen", () => {
    expect(formatMinutesDetail(DAY)).toBe("1 d · 1,440 min");
    expect(formatMinutesDetail(MONTH)).toBe("1 mo · 43,200 min");
    expect(formatMinuteCount(2 * WEEK)).toBe("20,160 min");
  });

  it("does not repeat itself below an hour", () => {
    expect(formatMinutesDetail(45)).toBe("45 min");
  });

  it("uses the horizon's own label when given", () => {
    expect(formatMinutesDetail(DAY, "Day one")).toBe("Day one · 1,440 min");
  });
});

describe("describeTierBand", () => {
  const tiers: Tier[] = [
    { id: "t1", rank: 1, name: "Tier 1", max_rto_minutes: 4 * HOUR },
    { id: "t2", rank: 2, name: "Tier 2", max_rto_minutes: DAY },
    { id: "t3", rank: 3, name: "Tier 3", max_rto_minutes: 3 * DAY },
    { id: "t4", rank: 4, name: "Tier 4", max_rto_minutes: null },
  ];

  it("gives each bounded tier its upper RTO bound", () => {
    expect(describeTierBand(tiers, 0)).toBe("≤ 4 h");
    expect(describeTierBand(tiers, 1)).toBe("≤ 1 d");
    expect(describeTierBand(tiers, 2)).toBe("≤ 3 d");
  });

  it("calls the open-ended last tier 'beyond' the previous bound", () => {
    expect(describeTierBand(tiers, 3)).toBe("beyond 3 d");
  });

  it("copes with a single open-ended tier", () => {
    expect(describeTierBand([{ id: "x", rank: 1, name: "All", max_rto_minutes: null }], 0)).toBe("any RTO");
  });
});
