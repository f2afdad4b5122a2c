import { describe, expect, it } from "vitest";
import { parseUndoLimit } from "./undoLimit";

describe("parseUndoLimit", () => {
  it("reads a whole number of edits from 1, as people type it", () => {
    expect(parseUndoLimit("2000")).toBe(2000);
    expect(parseUndoLimit(" 2,000 ")).toBe(2000);
    expect(parseUndoLimit("10 000")).toBe(10000);
    expect(parseUndoLimit("1")).toBe(1);
    expect(parseUndoLimit("4294967295")).toBe(4294967295);
  });

  it("refuses what is not one", () => {
    for (const bad of ["", "0", "-3", "2.5", "many", "1e3", "4294967296"]) expect(parseUndoLimit(bad), bad).toBeNull();
  });
});
