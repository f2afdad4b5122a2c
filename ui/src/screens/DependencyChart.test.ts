// The dependency chart on the Dependencies screen, over answers recorded from the real core (Harbourline Logistics):
// the chart of the process on screen (or of the whole assessment), redrawn after an edit, its undo and redo, and
// saved with its focus. The core draws its labels as SVG text: a box's name is one text element.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { endReplay, mockReplay, openDemoOn, type Replay } from "../testing/testHarness";

const dialog = vi.hoisted(() => ({ save: vi.fn(), open: vi.fn() }));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);

const ASSESSMENT = "Harbourline Logistics — BIA 2026";

let h: Replay;

beforeEach(() => {
  h = mockReplay();
  dialog.save.mockReset();
});
afterEach(() => endReplay(h));

const rowNames = () => screen.queryAllByTestId("dependency-row").map((r) => r.dataset.name);

async function showProcess(name: string) {
  await openDemoOn("dependencies");
  await screen.findByTestId("dependencies-screen");
  await fireEvent.change(screen.getByTestId("dependencies-process"), { target: { value: h.backend.processId(name) } });
  await waitFor(() => expect(screen.getByText(`${name} relies on`)).toBeTruthy());
}

describe("the dependency chart", () => {
  const chartSvg = () => {
    const src = screen.getByTestId("chart-dependencies").getAttribute("src") ?? "";
    return decodeURIComponent(src.slice(src.indexOf(",") + 1));
  };
  /** The chart's title, as the core wrote it. */
  const title = () => /<text[^>]*>\s*([^<]*?)\s*<\/text>/.exec(chartSvg())?.[1].replaceAll("&amp;", "&");
  /** The texts the core drew (titles, box names, their RTOs, the legend). */
  const texts = () => [...chartSvg().matchAll(/<text[^>]*>\s*([^<]*?)\s*<\/text>/g)].map((m) => m[1].replaceAll("&amp;", "&"));
  const lastOptions = () => h.args.filter((a) => a.cmd === "chart_svg" && a.args.kind === "dependencies").at(-1)?.args.options;

  it("shows the process on screen and everything upstream of it, or the whole assessment", async () => {
    await showProcess("Pick, pack and dispatch");
    const pick = h.backend.processId("Pick, pack and dispatch");
    await waitFor(() => expect(title()).toBe(`What Pick, pack and dispatch relies on — ${ASSESSMENT}`));
    expect(lastOptions()).toEqual({ process: pick });
    // Its boxes: the process, what it relies on, and what those rely on in turn.
    expect(texts()).toEqual(expect.arrayContaining(["Pick, pack and dispatch", "Harbourline WMS", "Primary data centre, Reading"]));
    expect(texts(), "a process it does not rely on").not.toContain("Payroll processing");
    expect(screen.getByTestId("chart-caption-dependencies").textContent).toBe("Pick, pack and dispatch and everything it relies on");
    expect(screen.getByTestId("dependency-chart-this-process").getAttribute("aria-pressed")).toBe("true");

    await fireEvent.click(screen.getByRole("button", { name: "Whole assessment" }));
    // A new choice is drawn at once, not after the pause that edits wait for.
    expect(lastOptions()).toEqual({});
    await waitFor(() => expect(title()).toBe(`Dependencies — ${ASSESSMENT}`));
    // Every process with a recorded dependency; the one without is left out, and the chart says so.
    expect(texts()).toEqual(expect.arrayContaining(["Pick, pack and dispatch", "Payroll processing", "Sage Payroll"]));
    expect(texts()).not.toContain("Complaints handling");
    expect(chartSvg()).toContain("5 processes without recorded dependencies not shown.");
    expect(screen.getByTestId("dependency-chart-whole").getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByTestId("chart-caption-dependencies").textContent).toBe("The whole assessment");

    await fireEvent.click(screen.getByRole("button", { name: "This process" }));
    expect(lastOptions()).toEqual({ process: pick });
    // Walking to another process refocuses the chart on it.
    await fireEvent.click(screen.getByRole("button", { name: "Next process" }));
    const next = screen.getByTestId("dependencies-process") as HTMLSelectElement;
    expect(next.value).not.toBe(pick);
    expect(lastOptions()).toEqual({ process: next.value });
    const name = h.backend.current<Array<{ id: string; name: string }>>("list_processes").find((p) => p.id === next.value)!.name;
    await waitFor(() => expect(title()).toBe(`What ${name} relies on — ${ASSESSMENT}`));
  });

  it("redraws after adding a dependency, and after undo and redo", async () => {
    await showProcess("Complaints handling");
    await waitFor(() => expect(title()).toBe(`What Complaints handling relies on — ${ASSESSMENT}`));
    expect(chartSvg()).toContain("This process relies on nothing recorded yet.");
    const add = screen.getByTestId("dependency-add");
    await fireEvent.input(add, { target: { value: "Microsoft 365" } });
    await fireEvent.keyDown(add, { key: "Enter" });
    await fireEvent.click(screen.getByTestId("dependency-add-confirm"));
    await waitFor(() => expect(rowNames()).toContain("Microsoft 365 (email and Teams)"));
    const relied = "Microsoft 365 (email and Teams)";
    await waitFor(() => expect(texts()).toContain(relied), { timeout: 2000 });
    expect(chartSvg()).not.toContain("This process relies on nothing recorded yet.");

    await fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    await waitFor(() => expect(texts()).not.toContain(relied), { timeout: 2000 });
    expect(chartSvg()).toContain("This process relies on nothing recorded yet.");
    await fireEvent.keyDown(document.body, { key: "y", ctrlKey: true });
    await waitFor(() => expect(texts()).toContain(relied), { timeout: 2000 });
    expect(lastOptions()).toEqual({ process: h.backend.processId("Complaints handling") });
  });

  it("opens large with Enter and saves from there under the focused process's name", async () => {
    await showProcess("Pick, pack and dispatch");
    await waitFor(() => expect(title()).toBe(`What Pick, pack and dispatch relies on — ${ASSESSMENT}`));
    await fireEvent.keyDown(screen.getByRole("button", { name: /^Dependency chart: .* open a larger view$/ }), { key: "Enter" });
    const large = await screen.findByRole("dialog", { name: "Dependency chart" });
    expect(large.textContent).toContain("Pick, pack and dispatch and everything it relies on");

    const saved = "/home/facilitator/Charts/dependencies-pick-pack-and-dispatch.png";
    dialog.save.mockResolvedValueOnce(saved);
    await fireEvent.click(within(large).getByTestId("save-chart-large-dependencies"));
    await within(large).findByTestId("chart-saved-dependencies");
    expect((dialog.save.mock.calls[0][0] as { defaultPath: string }).defaultPath).toBe("dependencies-pick-pack-and-dispatch.png");
    const pick = h.backend.processId("Pick, pack and dispatch");
    expect(h.backend.savedCharts).toEqual([{ kind: "dependencies", path: saved, options: { process: pick } }]);

    await fireEvent.keyDown(document.activeElement ?? document.body, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    // Escape closed only the large view; the screen is still there.
    expect(screen.getByTestId("dependencies-screen")).toBeTruthy();
  });
});
