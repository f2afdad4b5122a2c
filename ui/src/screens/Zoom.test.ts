// The app-wide zoom: Ctrl +, Ctrl − and Ctrl 0 on the start screen and in an open assessment (in a text field too),
// the level kept on this machine and set again when the app starts, and a brief indicator of it.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import App from "../App.svelte";
import { ZOOM_KEY } from "../lib/zoom";
import { endReplay, mockReplay, registerRead, type Replay } from "../testing/testHarness";

const zoomed = vi.hoisted(() => ({ levels: [] as number[] }));
vi.mock("../lib/webviewZoom", () => ({
  setWebviewZoom: async (level: number) => {
    zoomed.levels.push(level);
    return true;
  },
}));

let h: Replay;

beforeEach(() => {
  h = mockReplay();
  zoomed.levels = [];
  localStorage.removeItem(ZOOM_KEY);
});
afterEach(() => {
  endReplay(h);
  localStorage.removeItem(ZOOM_KEY);
});

const key = (k: string, target: Element | Window = window) => fireEvent.keyDown(target, { key: k, ctrlKey: true });

describe("zoom", () => {
  it("steps the whole window with Ctrl + and Ctrl −, back to 100% with Ctrl 0, and keeps the level", async () => {
    render(App);
    await screen.findByTestId("start-screen");
    expect(zoomed.levels, "nothing is set at 100%").toEqual([]);

    await key("=");
    await key("+");
    expect(zoomed.levels).toEqual([1.1, 1.25]);
    expect(localStorage.getItem(ZOOM_KEY)).toBe("1.25");
    const shown = await screen.findByTestId("zoom-level");
    expect(shown.textContent).toContain("Zoom 125%");
    expect(shown.textContent).toContain("Ctrl 0 for 100%");

    await key("-");
    expect(zoomed.levels.at(-1)).toBe(1.1);
    await key("0");
    expect(zoomed.levels.at(-1)).toBe(1);
    expect(localStorage.getItem(ZOOM_KEY)).toBe("1");
    expect(screen.getByTestId("zoom-level").textContent?.trim()).toBe("Zoom 100%");
  });

  it("sets the kept level as the app starts", async () => {
    localStorage.setItem(ZOOM_KEY, "1.5");
    render(App);
    await screen.findByTestId("start-screen");
    expect(zoomed.levels).toEqual([1.5]);
    await key("=");
    expect(zoomed.levels.at(-1)).toBe(1.75);
  });

  it("zooms from a text field of an open assessment, where undo stays the field's", async () => {
    render(App);
    await fireEvent.click(await screen.findByTestId("open-demo"));
    await registerRead();
    await fireEvent.click(screen.getByTestId("nav-processes"));
    const search = await screen.findByTestId("process-search");
    search.focus();
    await key("=", search);
    expect(zoomed.levels).toEqual([1.1]);
    // Ctrl Z in the field is still the field's own undo, not the app's.
    const before = h.calls.filter((c) => c === "undo").length;
    await key("z", search);
    expect(h.calls.filter((c) => c === "undo").length).toBe(before);
  });
});
