// The Dashboard's charts over the FakeBackend: both charts shown as images (data URLs of the core's
// SVG), redrawn after an edit, and "Save chart as…" through a mocked native save dialog.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mockBackend, openDemoOn, resetMocks, type Harness } from "./testHarness";

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
    expect(h.args.filter((a) => a.cmd === "chart_svg").map((a) => a.args.kind).sort()).toEqual(["gaps", "heatmap", "tiers"]);
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
    expect(h.backend.savedCharts).toEqual([{ kind: "heatmap", path: "/home/morgan/Charts/heatmap.png" }]);
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
