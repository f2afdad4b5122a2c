// Tests of date formatting for the recent-files list and the record footers.
import { describe, expect, it } from "vitest";
import { formatDate, formatLoggedValue, formatRelative } from "./dates";

describe("formatRelative", () => {
  const now = new Date("2025-11-21T12:00:00Z");

  it("describes recent times in words", () => {
    expect(formatRelative("2025-11-21T11:59:30Z", now)).toBe("just now");
    expect(formatRelative("2025-11-21T11:55:00Z", now)).toBe("5 minutes ago");
    expect(formatRelative("2025-11-21T09:00:00Z", now)).toBe("3 hours ago");
    expect(formatRelative("2025-11-20T09:00:00Z", now)).toBe("yesterday");
    expect(formatRelative("2025-11-17T12:00:00Z", now)).toBe("4 days ago");
  });

  it("gives the date for older times, and the text itself when it is not a date", () => {
    expect(formatRelative("2025-06-12T10:15:00Z", now)).toBe(formatDate("2025-06-12T10:15:00Z"));
    expect(formatRelative("last Tuesday", now)).toBe("last Tuesday");
  });
});

describe("decision log values", () => {
  it("write a day as every other date is written, and leave anything else alone", () => {
    expect(formatLoggedValue("2026-03-12")).toBe("12 Mar 2026");
    expect(formatLoggedValue("2026-02-30")).toBe("2026-02-30");
    expect(formatLoggedValue("4 h")).toBe("4 h");
    expect(formatLoggedValue("")).toBe("");
  });
});
