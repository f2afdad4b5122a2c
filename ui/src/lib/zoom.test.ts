import { describe, expect, it } from "vitest";
import { ZOOM_KEY, nextZoom, storedZoom, zoomLabel, zoomShortcut } from "./zoom";

const press = (key: string, more: Partial<{ ctrlKey: boolean; shiftKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({
  key,
  ctrlKey: true,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...more,
});

describe("zoom keys", () => {
  it("reads Ctrl +, Ctrl = (the same key), Ctrl − and Ctrl 0", () => {
    expect(zoomShortcut(press("+", { shiftKey: true }))).toBe("in");
    expect(zoomShortcut(press("="))).toBe("in");
    expect(zoomShortcut(press("-"))).toBe("out");
    expect(zoomShortcut(press("0"))).toBe("reset");
  });

  it("leaves the keys alone without Ctrl, or with Alt", () => {
    expect(zoomShortcut(press("+", { ctrlKey: false }))).toBeNull();
    expect(zoomShortcut(press("0", { altKey: true }))).toBeNull();
    expect(zoomShortcut(press("z"))).toBeNull();
  });
});

describe("zoom levels", () => {
  it("step through the usual levels and stop at either end", () => {
    expect(nextZoom(1, "in")).toBe(1.1);
    expect(nextZoom(1.1, "in")).toBe(1.25);
    expect(nextZoom(1, "out")).toBe(0.9);
    expect(nextZoom(2, "in")).toBe(2);
    expect(nextZoom(0.5, "out")).toBe(0.5);
    expect(nextZoom(1.75, "reset")).toBe(1);
    // A level between the steps goes to the next step either way.
    expect(nextZoom(1.2, "in")).toBe(1.25);
    expect(nextZoom(1.2, "out")).toBe(1.1);
  });

  it("are kept as a number, and anything else kept reads as 100%", () => {
    const kept = (value: string | null) => ({ getItem: (key: string) => (key === ZOOM_KEY ? value : null) });
    expect(storedZoom(kept("1.25"))).toBe(1.25);
    expect(storedZoom(kept(null))).toBe(1);
    expect(storedZoom(kept("huge"))).toBe(1);
    expect(storedZoom(kept("40"))).toBe(1);
    expect(storedZoom(undefined)).toBe(1);
    expect(zoomLabel(1.25)).toBe("125%");
  });
});
