// Tests of reading durations as people type them, following the core's parser.
import { describe, expect, it } from "vitest";
import { isNotApplicable, parseDuration, parseOptionalDuration } from "./durations";

describe("parseDuration", () => {
  it("reads what people say, a bare number being hours", () => {
    const cases: Array<[string, number]> = [
      ["4h", 240], ["4 h", 240], ["4 hours", 240], ["1 day", 1440], ["30 min", 30], ["2 weeks", 20160],
      ["1 month", 43200], ["1.5h", 90], ["8", 480], ["Immediately", 0], [" 3 D ", 4320],
    ];
    for (const [text, minutes] of cases) expect(parseDuration(text), text).toBe(minutes);
  });

  it("refuses what is not a duration", () => {
    for (const text of ["soon", "-4h", "4 parsecs", "", "h", "1.25 min", "4h30"]) expect(parseDuration(text), text).toBeNull();
  });

  it("treats blank as not set, and knows n/a", () => {
    expect(parseOptionalDuration("  ")).toEqual({ ok: true, minutes: null });
    expect(parseOptionalDuration("soon")).toEqual({ ok: false });
    expect(isNotApplicable("N/A")).toBe(true);
    expect(isNotApplicable("4 h")).toBe(false);
  });
});
