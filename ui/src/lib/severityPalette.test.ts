// Tests of the severity colours: pale to deep, always readable.
import { describe, expect, it } from "vitest";
import { levelColour, luminance } from "./severityPalette";

describe("levelColour", () => {
  it("darkens steadily from the lowest level to the highest", () => {
    const shades = [0, 1, 2, 3, 4, 5].map((i) => luminance(levelColour(i, 6).background));
    for (let i = 1; i < shades.length; i++) expect(shades[i]).toBeLessThan(shades[i - 1]);
  });

  it("uses dark text on pale levels and white text on deep ones", () => {
    expect(levelColour(0, 6).text).not.toBe("#ffffff");
    expect(levelColour(5, 6).text).toBe("#ffffff");
  });

  it("keeps the tint lighter than the level colour", () => {
    const c = levelColour(4, 6);
    expect(luminance(c.tint)).toBeGreaterThan(luminance(c.background));
  });
});
