// The Dashboard's charts over the FakeBackend: the charts shown as images (data URLs of the core's
// SVG), redrawn after an edit, "Save chart as…" through a mocked native save dialog, the heatmap
// grouped by unit, impact by category at a chosen horizon, and the larger view of a chart.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mockBackend, openDemoOn, resetMocks, type Harness } from "../testing/testHarness";

const dialog = vi.hoisted(() => ({ save: vi.fn(), open: vi.fn() }));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);

let h: Harness;

beforeEach(() => {
  h = mockBackend();
  dialog.save.mockReset();
});
afterEach(resetMocks);

const svgOf = (img: HTMLElement) => {
  const src = img.getAttribute("src") ?? "";
  expect(src.startsWith("data:image/svg+xml;charset=utf-8,")).toBe(true);
  return decodeURIComponent(src.slice(src.indexOf(",") + 1));
};

describe("dashboard charts", () => {
  it("shows the heatmap, the tier distribution and the gap chart as images of the core's SVG", async () => {
    await openDemoOn("dashboard");
    const heatmap = await screen.findByTestId("chart-heatmap");
    const tiers = await screen.findByTestId("chart-tiers");
    const gaps = await screen.findByTestId("chart-gaps");
    const processes = h.backend.file!.data.processes.length;
    expect(heatmap.tagName).toBe("IMG");
    expect(heatmap.getAttribute("alt")).toContain("Impact heatmap");
    expect(svgOf(heatmap)).toContain(`heatmap chart — ${processes} processes`);
    expect(svgOf(tiers)).toContain(`tiers chart — ${processes} processes`);
    expect(svgOf(gaps)).toContain(`gaps chart — ${processes} processes`);
    expect(gaps.getAttribute("alt")).toContain("Recovery gaps");
    expect(svgOf(await screen.findByTestId("chart-categories"))).toContain(`categories chart — ${processes} processes — at 1 d`);
    expect(h.args.filter((a) => a.cmd === "chart_svg").map((a) => a.args.kind).sort()).toEqual(["categories", "gaps", "heatmap", "tiers"]);
  });

  it("redraws after an edit, and after undo and redo on the dashboard", async () => {
    await openDemoOn("processes");
    const row = screen.getAllByTestId("process-row").find((r) => r.dataset.name === "Credit control")!;
    await fireEvent.keyDown(row, { key: "Enter" });
    const form = await screen.findByTestId("process-form");
    await fireEvent.click(within(form).getByTestId("process-delete"));
    await fireEvent.click(within(form).getByTestId("confirm-delete"));
    await waitFor(() => expect(screen.queryByTestId("process-form")).toBeNull());

    await fireEvent.click(screen.getByTestId("nav-dashboard"));
    const heatmap = () => svgOf(screen.getByTestId("chart-heatmap"));
    await waitFor(() => expect(heatmap()).toContain("24 processes"));

    await fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    await waitFor(() => expect(heatmap()).toContain("25 processes"), { timeout: 2000 });
    await waitFor(() => expect(svgOf(screen.getByTestId("chart-tiers"))).toContain("25 processes"));

    await fireEvent.keyDown(document.body, { key: "y", ctrlKey: true });
    await waitFor(() => expect(heatmap()).toContain("24 processes"), { timeout: 2000 });
  });

  it("saves a chart where the dialog says, adding .png to a bare name", async () => {
    dialog.save.mockResolvedValueOnce("/home/morgan/Charts/heatmap");
    await openDemoOn("dashboard");
    await screen.findByTestId("chart-heatmap");
    await fireEvent.click(screen.getByTestId("save-chart-heatmap"));
    const status = await screen.findByTestId("chart-saved-heatmap");
    expect(status.textContent).toBe("Saved to /home/morgan/Charts/heatmap.png");
    const options = dialog.save.mock.calls[0][0] as { defaultPath: string; filters: Array<{ name: string }> };
    expect(options.defaultPath).toBe("heatmap.png");
    expect(options.filters.map((f) => f.name)).toEqual(["PNG image", "SVG image"]);
    expect(h.args.find((a) => a.cmd === "save_chart")?.args).toEqual({
      options: {}, kind: "heatmap", path: "/home/morgan/Charts/heatmap.png" });
    expect(h.backend.savedCharts).toEqual([{ kind: "heatmap", path: "/home/morgan/Charts/heatmap.png", options: {} }]);
  });

  it("shows the core's message when the extension is neither .png nor .svg", async () => {
    dialog.save.mockResolvedValueOnce("/home/morgan/Charts/tiers.pdf");
    await openDemoOn("dashboard");
    await screen.findByTestId("chart-tiers");
    await fireEvent.click(screen.getByTestId("save-chart-tiers"));
    const status = await screen.findByTestId("chart-saved-tiers");
    expect(status.textContent).toContain("save a chart as .svg or .png");
    expect(h.backend.savedCharts).toEqual([]);
  });

  it("does nothing when the dialog is cancelled", async () => {
    dialog.save.mockResolvedValueOnce(null);
    await openDemoOn("dashboard");
    await screen.findByTestId("chart-tiers");
    await fireEvent.click(screen.getByTestId("save-chart-tiers"));
    await waitFor(() => expect(dialog.save).toHaveBeenCalled());
    expect(h.calls).not.toContain("save_chart");
    expect(screen.queryByTestId("chart-saved-tiers")).toBeNull();
  });
});

/** The options of the latest drawing of a chart. */
const lastOptions = (kind: string) => h.args.filter((a) => a.cmd === "chart_svg" && a.args.kind === kind).at(-1)?.args.options;

describe("chart options", () => {
  it("groups the heatmap by unit at once, and saves it under a name that says so", async () => {
    await openDemoOn("dashboard");
    await screen.findByTestId("chart-heatmap");
    expect(lastOptions("heatmap")).toEqual({});
    await fireEvent.click(screen.getByLabelText("Group by unit"));
    // A new choice is drawn straight away, not after the pause that edits wait for.
    expect(lastOptions("heatmap")).toEqual({ byUnit: true });
    await waitFor(() => expect(svgOf(screen.getByTestId("chart-heatmap"))).toContain("— by unit"));
    expect(screen.getByTestId("chart-caption-heatmap").textContent).toBe("Processes grouped by unit");

    dialog.save.mockResolvedValueOnce("/home/morgan/Charts/heatmap-by-unit.png");
    await fireEvent.click(screen.getByTestId("save-chart-heatmap"));
    await screen.findByTestId("chart-saved-heatmap");
    expect((dialog.save.mock.calls[0][0] as { defaultPath: string }).defaultPath).toBe("heatmap-by-unit.png");
    expect(h.backend.savedCharts).toEqual([{ kind: "heatmap", path: "/home/morgan/Charts/heatmap-by-unit.png", options: { byUnit: true } }]);
  });

  it("shows impact by category at the first horizon of a day or more, and redraws at once at another", async () => {
    await openDemoOn("dashboard");
    const picker = (await screen.findByTestId("chart-categories-horizon")) as HTMLSelectElement;
    const labels = [...picker.options].map((o) => o.textContent);
    expect(labels).toEqual(["1 h", "4 h", "8 h", "1 d", "3 d", "1 w", "2 w", "1 mo"]);
    expect(picker.selectedOptions[0].textContent).toBe("1 d");
    await waitFor(() => expect(svgOf(screen.getByTestId("chart-categories"))).toContain("— at 1 d"));
    expect(lastOptions("categories")).toEqual({ horizon: "1 d" });

    const byLabel = (label: string) => [...picker.options].find((o) => o.textContent === label)!.value;
    await fireEvent.change(picker, { target: { value: byLabel("1 w") } });
    expect(lastOptions("categories")).toEqual({ horizon: "1 w" });
    await waitFor(() => expect(svgOf(screen.getByTestId("chart-categories"))).toContain("— at 1 w"));
    expect(screen.getByTestId("chart-caption-categories").textContent).toBe("At 1 w");

    await fireEvent.change(picker, { target: { value: byLabel("1 d") } });
    expect(lastOptions("categories")).toEqual({ horizon: "1 d" });
    await waitFor(() => expect(svgOf(screen.getByTestId("chart-categories"))).toContain("— at 1 d"));
  });

  it("keeps the chosen horizon and grouping through an undo and a visit to another screen", async () => {
    await openDemoOn("processes");
    const row = screen.getAllByTestId("process-row").find((r) => r.dataset.name === "Credit control")!;
    await fireEvent.keyDown(row, { key: "Enter" });
    const form = await screen.findByTestId("process-form");
    await fireEvent.click(within(form).getByTestId("process-delete"));
    await fireEvent.click(within(form).getByTestId("confirm-delete"));
    await waitFor(() => expect(screen.queryByTestId("process-form")).toBeNull());

    await fireEvent.click(screen.getByTestId("nav-dashboard"));
    const picker = (await screen.findByTestId("chart-categories-horizon")) as HTMLSelectElement;
    await fireEvent.change(picker, { target: { value: [...picker.options].find((o) => o.textContent === "3 d")!.value } });
    await fireEvent.click(screen.getByLabelText("Group by unit"));
    const categories = () => svgOf(screen.getByTestId("chart-categories"));
    await waitFor(() => expect(categories()).toContain("24 processes — at 3 d"));

    await fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    await waitFor(() => expect(categories()).toContain("25 processes — at 3 d"), { timeout: 2000 });
    await waitFor(() => expect(svgOf(screen.getByTestId("chart-heatmap"))).toContain("25 processes — by unit"));

    await fireEvent.click(screen.getByTestId("nav-gaps"));
    await fireEvent.click(screen.getByTestId("nav-dashboard"));
    expect((screen.getByTestId("chart-categories-horizon") as HTMLSelectElement).selectedOptions[0].textContent).toBe("3 d");
    expect((screen.getByLabelText("Group by unit") as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect(categories()).toContain("25 processes — at 3 d"));
    expect(lastOptions("heatmap")).toEqual({ byUnit: true });
  });
});

describe("the larger view of a chart", () => {
  const opener = (name: RegExp) => screen.getByRole("button", { name });

  it("opens the gap chart large with Enter, and Escape closes it, giving focus back to the chart", async () => {
    await openDemoOn("dashboard");
    const small = await screen.findByTestId("chart-gaps");
    const button = opener(/^Recovery gaps: .* open a larger view$/);
    expect(button.tagName).toBe("BUTTON");
    button.focus();
    await fireEvent.keyDown(button, { key: "Enter" });
    const large = await screen.findByRole("dialog", { name: "Recovery gaps" });
    expect(within(large).getByTestId("chart-large-image-gaps").getAttribute("src")).toBe(small.getAttribute("src"));
    expect(within(large).getByTestId("chart-large-image-gaps").getAttribute("alt")).toContain("Recovery gaps");
    // Focus is on the chart, so the arrow keys scroll a tall one (and a stray Enter does not save).
    expect(document.activeElement).toBe(within(large).getByRole("region", { name: "Recovery gaps, the whole chart" }));

    await fireEvent.keyDown(document.activeElement ?? document.body, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(document.activeElement).toBe(button);
  });

  it("opens with Space or a click too, and the close button closes it", async () => {
    await openDemoOn("dashboard");
    await screen.findByTestId("chart-tiers");
    await fireEvent.keyDown(opener(/^Tier distribution: .* open a larger view$/), { key: " " });
    let large = await screen.findByRole("dialog", { name: "Tier distribution" });
    await fireEvent.click(within(large).getByRole("button", { name: "Close" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    await fireEvent.click(screen.getByTestId("chart-open-heatmap"));
    large = await screen.findByRole("dialog", { name: "Impact heatmap" });
    expect(within(large).getByTestId("chart-large-image-heatmap")).toBeTruthy();
    // Other keys do nothing.
    await fireEvent.click(within(large).getByRole("button", { name: "Close" }));
    await fireEvent.keyDown(screen.getByTestId("chart-open-heatmap"), { key: "a" });
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("saves from the large view with the chart's options, and says so there", async () => {
    await openDemoOn("dashboard");
    const picker = (await screen.findByTestId("chart-categories-horizon")) as HTMLSelectElement;
    await fireEvent.change(picker, { target: { value: [...picker.options].find((o) => o.textContent === "1 w")!.value } });
    await waitFor(() => expect(svgOf(screen.getByTestId("chart-categories"))).toContain("— at 1 w"));

    await fireEvent.keyDown(screen.getByTestId("chart-open-categories"), { key: "Enter" });
    const large = await screen.findByRole("dialog", { name: "Impact by category" });
    expect(large.textContent).toContain("At 1 w");
    dialog.save.mockResolvedValueOnce("/home/morgan/Charts/categories-1w.svg");
    await fireEvent.click(within(large).getByTestId("save-chart-large-categories"));
    const status = await within(large).findByTestId("chart-saved-categories");
    expect(status.textContent).toBe("Saved to /home/morgan/Charts/categories-1w.svg");
    expect((dialog.save.mock.calls[0][0] as { defaultPath: string }).defaultPath).toBe("categories-1w.png");
    expect(h.args.find((a) => a.cmd === "save_chart")?.args).toEqual({
      kind: "categories", path: "/home/morgan/Charts/categories-1w.svg", options: { horizon: "1 w" } });
    expect(h.backend.savedCharts).toEqual([{ kind: "categories", path: "/home/morgan/Charts/categories-1w.svg", options: { horizon: "1 w" } }]);
  });
});
