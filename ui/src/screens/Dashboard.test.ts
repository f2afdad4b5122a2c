// The Dashboard over answers recorded from the real core (Harbourline Logistics: 25 processes in 8 units):
// the counts, the core's charts shown as images (data URLs of its SVG, whose titles, labels and numbers
// are SVG text), redrawn after a deletion, its undo and redo, "Save chart as…" through a mocked native
// save dialog (the core's refusal of a .pdf), the heatmap grouped by unit, impact by category at a chosen
// horizon, and the larger view of a chart.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import App from "../App.svelte";
import { background } from "../lib/workspace.svelte";
import { endReplay, mockReplay, openDemoOn, type Replay } from "../testing/testHarness";

const dialog = vi.hoisted(() => ({ save: vi.fn(), open: vi.fn() }));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);

let h: Replay;

beforeEach(() => {
  h = mockReplay();
  dialog.save.mockReset();
});
afterEach(() => endReplay(h));

const svgOf = (img: HTMLElement) => {
  const src = img.getAttribute("src") ?? "";
  expect(src.startsWith("data:image/svg+xml;charset=utf-8,")).toBe(true);
  return decodeURIComponent(src.slice(src.indexOf(",") + 1));
};

/** The text of a chart image's SVG, one entry a text element (the core draws titles, labels and numbers as text). */
const textOf = (img: HTMLElement) =>
  [...svgOf(img).matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    m[1].trim().replace(/\s+/g, " ").replaceAll("&amp;", "&"),
  );
const chartText = (kind: string) => textOf(screen.getByTestId(`chart-${kind}`));
/** The size the core drew a chart at, "width×height". */
const sizeOf = (img: HTMLElement) => {
  const m = /^<svg width="(\d+)" height="(\d+)"/.exec(svgOf(img).trimStart());
  return m ? `${m[1]}×${m[2]}` : null;
};
/** The demo's processes as opened, by name. */
const demoNames = () => h.backend.current<Array<{ name: string }>>("list_processes").map((p) => p.name);
/** The processes among `names` the heatmap has a row for, in its order. */
const heatmapRows = (names: string[]) => chartText("heatmap").filter((t) => names.includes(t));
/** The tier chart's bars: label → the count written over it. */
const tierBars = () => {
  const text = chartText("tiers").slice(1);
  const bars: Record<string, number> = {};
  for (let i = 0; i + 1 < text.length; i += 2) bars[text[i + 1]] = Number(text[i]);
  return bars;
};
const TITLE = "Harbourline Logistics — BIA 2026";
/** The tier chart without Complaints handling, the one process with no RTO. */
const TIERS_WITHOUT_COMPLAINTS = { "Tier 1": 7, "Tier 2": 5, "Tier 3": 4, "Tier 4": 8, "No RTO": 0 };
/** The heatmap's groups by unit: the units with processes, under their parents (Operations has none of its own). */
const UNITS = [
  "Customer Service",
  "Finance",
  "IT Services",
  "Operations › Transport & Fleet",
  "Operations › Warehouse Operations",
  "People & Payroll",
  "Procurement",
];

describe("dashboard charts", () => {
  it("shows the counts, and the heatmap, the tier distribution, the gap chart and impact by category as images of the core's SVG", async () => {
    await openDemoOn("dashboard");
    const names = demoNames();
    expect(names).toHaveLength(25);
    expect(screen.getByTestId("count-processes").textContent).toBe("25");
    expect(screen.getByTestId("count-units").textContent).toBe("8");
    const heatmap = await screen.findByTestId("chart-heatmap");
    const tiers = await screen.findByTestId("chart-tiers");
    const gaps = await screen.findByTestId("chart-gaps");
    const categories = await screen.findByTestId("chart-categories");
    expect(heatmap.tagName).toBe("IMG");
    expect(heatmap.getAttribute("alt")).toContain("Impact heatmap");
    expect(gaps.getAttribute("alt")).toContain("Recovery gaps");

    // The heatmap: a row for every process, most critical first, at every horizon.
    expect(sizeOf(heatmap)).toBe("1200×878");
    expect(textOf(heatmap)[0]).toBe(`Impact over time — ${TITLE}`);
    expect(new Set(heatmapRows(names))).toEqual(new Set(names));
    expect(heatmapRows(names)).toHaveLength(25);
    expect(heatmapRows(names)[0]).toBe("Cold-chain storage monitoring");
    expect(textOf(heatmap)).toEqual(expect.arrayContaining(["1 h", "4 h", "8 h", "1 d", "3 d", "1 w", "2 w", "1 mo"]));
    // The tiers: 25 processes, one without an RTO.
    expect(sizeOf(tiers)).toBe("800×440");
    expect(textOf(tiers)[0]).toBe(`Processes by recovery tier — ${TITLE}`);
    expect(tierBars()).toEqual({ "Tier 1": 7, "Tier 2": 5, "Tier 3": 4, "Tier 4": 8, "No RTO": 1 });
    // The gaps: the resources, slowest against what relies on them first.
    expect(sizeOf(gaps)).toBe("1100×807");
    expect(textOf(gaps)[0]).toBe(`Required vs capable recovery time — ${TITLE}`);
    expect(textOf(gaps).slice(2).filter((t) => !/^\d|min$| (h|d|w|mo)$/.test(t)).slice(0, 3)).toEqual([
      "Temperature monitoring platform",
      "unknown",
      "Felixstowe distribution centre",
    ]);
    // Impact by category at the first horizon of a day or more.
    expect(textOf(categories)[0]).toBe(`Impact by category at 1 d — ${TITLE}`);
    expect(textOf(categories)).toEqual(expect.arrayContaining(["Financial", "Operational", "Customer", "Environmental"]));
    expect(h.args.filter((a) => a.cmd === "chart_svg").map((a) => a.args.kind).sort()).toEqual(["categories", "gaps", "heatmap", "tiers"]);
  });

  it("opens on the core's counts and its charts while the register is still read, and draws nothing twice", async () => {
    // A large file's processes and dependencies take seconds to read: held back here.
    const release = h.hold("list_processes");
    render(App);
    await fireEvent.click(await screen.findByTestId("open-demo"));
    const shell = await screen.findByTestId("app-shell");
    await waitFor(() => expect(screen.getByTestId("count-processes").textContent).toBe("25"));
    expect(shell.dataset.register).toBe("reading");
    expect(screen.getByTestId("count-units").textContent).toBe("8");
    expect(screen.getByTestId("count-draft").textContent).toContain("11");
    expect(screen.getByTestId("count-approved").textContent).toContain("7");
    expect(screen.getByTestId("nav-processes").textContent).toContain("25");
    const bars = () => [...document.querySelectorAll(".bars li")].map((li) => li.textContent?.replace(/\s+/g, " ").trim());
    expect(bars()[0]).toBe("Warehouse Operations 5");
    expect(bars()).toHaveLength(7);
    await screen.findByTestId("chart-heatmap");
    expect(heatmapRows(demoNames())).toHaveLength(25);
    await screen.findByTestId("chart-tiers");
    expect(tierBars()).toEqual({ "Tier 1": 7, "Tier 2": 5, "Tier 3": 4, "Tier 4": 8, "No RTO": 1 });
    await waitFor(() => expect(h.calls).toContain("list_processes"));
    expect(h.calls.indexOf("chart_svg"), "the charts are asked for before the register").toBeLessThan(h.calls.indexOf("list_processes"));

    // Another screen waits for the register, saying so.
    await fireEvent.click(screen.getByTestId("nav-processes"));
    expect(screen.getByTestId("reading-register").textContent).toContain("Reading the register: 25 processes and 46 dependencies…");
    await fireEvent.click(screen.getByTestId("nav-dashboard"));
    const drawn = h.calls.filter((c) => c === "chart_svg").length;
    release();
    await waitFor(() => expect(shell.dataset.register).toBe("read"));
    expect(bars()).toHaveLength(7);
    expect(bars()[0]).toBe("Warehouse Operations 5");
    // The register's arrival changes nothing drawn: no chart is asked for again once the redraw delay is past.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(h.calls.filter((c) => c === "chart_svg")).toHaveLength(drawn);
    await fireEvent.click(screen.getByTestId("nav-processes"));
    expect(await screen.findAllByTestId("process-row")).toHaveLength(25);
  });

  it("asks for its four charts as the file opens, with what it shows first, and each only once", async () => {
    const release = h.hold("list_resources");
    render(App);
    await fireEvent.click(await screen.findByTestId("open-demo"));
    await waitFor(() => expect(h.calls).toContain("list_resources"));
    // The workspace is built once what the Dashboard shows first is read; no chart is asked for without it.
    expect(screen.queryByTestId("app-shell")).toBeNull();
    expect(h.calls).not.toContain("chart_svg");
    release();
    await screen.findByTestId("app-shell");
    expect(h.calls.filter((c) => c === "chart_svg"), "asked for as the screen is built").toHaveLength(4);
    for (const kind of ["heatmap", "categories", "tiers", "gaps"]) await screen.findByTestId(`chart-${kind}`);
    expect(heatmapRows(demoNames())).toHaveLength(25);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(h.calls.filter((c) => c === "chart_svg"), "the cards take the charts asked for, not ask again").toHaveLength(4);
  });

  it("redraws after a deletion, and after undo and redo on the dashboard", async () => {
    await openDemoOn("processes");
    const names = demoNames();
    const row = screen.getAllByTestId("process-row").find((r) => r.dataset.name === "Complaints handling")!;
    await fireEvent.keyDown(row, { key: "Enter" });
    const form = await screen.findByTestId("process-form");
    await fireEvent.click(within(form).getByTestId("process-delete"));
    await fireEvent.click(within(form).getByTestId("confirm-delete"));
    await waitFor(() => expect(screen.queryByTestId("process-form")).toBeNull());

    await fireEvent.click(screen.getByTestId("nav-dashboard"));
    expect(screen.getByTestId("count-processes").textContent).toBe("24");
    await waitFor(() => expect(heatmapRows(names)).toHaveLength(24));
    expect(heatmapRows(names)).not.toContain("Complaints handling");
    await waitFor(() => expect(tierBars()).toEqual(TIERS_WITHOUT_COMPLAINTS));

    await fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId("count-processes").textContent).toBe("25"));
    await waitFor(() => expect(heatmapRows(names)).toContain("Complaints handling"), { timeout: 2000 });
    expect(heatmapRows(names)).toHaveLength(25);
    await waitFor(() => expect(tierBars()).toEqual({ "Tier 1": 7, "Tier 2": 5, "Tier 3": 4, "Tier 4": 8, "No RTO": 1 }));

    await fireEvent.keyDown(document.body, { key: "y", ctrlKey: true });
    await waitFor(() => expect(heatmapRows(names)).toHaveLength(24), { timeout: 2000 });
    expect(heatmapRows(names)).not.toContain("Complaints handling");
    expect(screen.getByTestId("count-processes").textContent).toBe("24");
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
    expect(status.textContent).toBe("/home/morgan/Charts/tiers.pdf: save a chart as .svg or .png");
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

describe("at a glance", () => {
  const text = (id: string) => screen.getByTestId(id).textContent?.replace(/\s+/g, " ").trim();

  it("shows the core's overview above the charts: tiers, gaps, single points of failure, violations, approval", async () => {
    await openDemoOn("dashboard");
    await waitFor(() => expect(text("glance-gaps-count")).toBe("13"));
    expect(text("count-processes")).toBe("25");
    expect(text("glance-tier-1")).toBe("Tier 1 7");
    expect(text("glance-tier-4")).toBe("Tier 4 8");
    expect(text("glance-untiered")).toBe("No tier yet 1");
    expect(text("glance-gaps")).toContain("5 processes affected · 1 unknown");
    expect(text("glance-spofs-count")).toBe("4");
    expect(text("glance-violations-count")).toBe("1");
    expect(text("glance-violations")).toContain("process breaks a rule");
    expect(text("count-approved")).toBe("Approved 7");
    // Only the overview crossed for them, not the analysis of every process.
    expect(h.calls).toContain("overview");
    expect(h.calls).not.toContain("analyze");
  });

  it("lists the five most time-critical processes, each a way to its objectives", async () => {
    await openDemoOn("dashboard");
    const rows = await screen.findAllByTestId("critical-row");
    const cells = (r: HTMLElement) => [...r.querySelectorAll("td")].map((td) => td.textContent?.trim());
    expect(rows.map(cells)).toEqual([
      ["Cold-chain storage monitoring", "4 h", "1 h", "Tier 1", "2"],
      ["Customer order intake", "4 h", "2 h", "Tier 1", "3"],
      ["Health and safety incident management", "4 h", "1 h", "Tier 1", "0"],
      ["Pick, pack and dispatch", "4 h", "2 h", "Tier 1", "4"],
      ["Warehouse management system operations", "4 h", "2 h", "Tier 1", "0"],
    ]);
    await fireEvent.click(within(rows[1]).getByRole("button", { name: "Customer order intake" }));
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Recovery objectives"));
  });

  it("asks for the analysis once the register is read, so the screens showing it open at once", async () => {
    background.analysisAfterMs = 0;
    await openDemoOn("dashboard");
    await waitFor(() => expect(h.calls.filter((c) => c === "analyze")).toHaveLength(1));
    await fireEvent.click(screen.getByTestId("nav-objectives"));
    await waitFor(() => expect(screen.getAllByTestId("objective-row").length).toBe(25));
    await fireEvent.click(screen.getByTestId("nav-gaps"));
    await waitFor(() => expect(screen.getAllByTestId("gap-row").length).toBeGreaterThan(0));
    expect(h.calls.filter((c) => c === "analyze"), "the analysis asked for in the background serves both").toHaveLength(1);
  });

  it("takes each tile to its screen", async () => {
    await openDemoOn("dashboard");
    await waitFor(() => expect(text("glance-gaps-count")).toBe("13"));
    await fireEvent.click(screen.getByTestId("glance-gaps"));
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Gaps"));
    await fireEvent.click(screen.getByTestId("nav-dashboard"));
    await fireEvent.click(await screen.findByTestId("glance-violations"));
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Recovery objectives"));
  });

  it("counts again after a deletion and its undo", async () => {
    await openDemoOn("processes");
    const row = screen.getAllByTestId("process-row").find((r) => r.dataset.name === "Complaints handling")!;
    await fireEvent.keyDown(row, { key: "Enter" });
    const form = await screen.findByTestId("process-form");
    await fireEvent.click(within(form).getByTestId("process-delete"));
    await fireEvent.click(within(form).getByTestId("confirm-delete"));
    await waitFor(() => expect(screen.queryByTestId("process-form")).toBeNull());
    await fireEvent.click(screen.getByTestId("nav-dashboard"));
    // Complaints handling was the one process with no tier.
    await waitFor(() => expect(screen.queryByTestId("glance-untiered")).toBeNull());
    expect(text("glance-tier-1")).toBe("Tier 1 7");
    await fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    await waitFor(() => expect(text("glance-untiered")).toBe("No tier yet 1"));
  });
});

describe("chart options", () => {
  it("groups the heatmap by unit at once, and saves it under a name that says so", async () => {
    await openDemoOn("dashboard");
    await screen.findByTestId("chart-heatmap");
    expect(lastOptions("heatmap")).toEqual({});
    await fireEvent.click(screen.getByLabelText("Group by unit"));
    // A new choice is drawn straight away, not after the pause that edits wait for.
    expect(lastOptions("heatmap")).toEqual({ byUnit: true });
    await waitFor(() => expect(chartText("heatmap").filter((t) => UNITS.includes(t))).toEqual(UNITS));
    // The same title, seven group headings more: taller than the 878 of the process rows alone.
    expect(chartText("heatmap")[0]).toBe(`Impact over time — ${TITLE}`);
    expect(sizeOf(screen.getByTestId("chart-heatmap"))).toBe("1200×1130");
    expect(screen.getByTestId("chart-caption-heatmap").textContent).toBe("Processes grouped by unit");

    dialog.save.mockResolvedValueOnce("/home/morgan/Charts/heatmap-by-unit.png");
    await fireEvent.click(screen.getByTestId("save-chart-heatmap"));
    await screen.findByTestId("chart-saved-heatmap");
    expect((dialog.save.mock.calls[0][0] as { defaultPath: string }).defaultPath).toBe("heatmap-by-unit.png");
    expect(h.backend.savedCharts).toEqual([{ kind: "heatmap", path: "/home/morgan/Charts/heatmap-by-unit.png", options: { byUnit: true } }]);

    // And back: the process rows without the units.
    await fireEvent.click(screen.getByLabelText("Group by unit"));
    expect(lastOptions("heatmap")).toEqual({});
    await waitFor(() => expect(chartText("heatmap").filter((t) => UNITS.includes(t))).toEqual([]));
    expect(sizeOf(screen.getByTestId("chart-heatmap"))).toBe("1200×878");
  });

  it("draws the heatmap of one unit and its sub-units, and of every unit again", async () => {
    await openDemoOn("dashboard");
    const names = demoNames();
    await waitFor(() => expect(heatmapRows(names)).toHaveLength(25));
    const select = screen.getByTestId("chart-heatmap-unit") as HTMLSelectElement;
    // The units as a tree: sub-units under their parent.
    expect([...select.options].map((o) => o.textContent?.trim())).toEqual([
      "All units",
      "Customer Service",
      "Finance",
      "IT Services",
      "Operations",
      "Transport & Fleet",
      "Warehouse Operations",
      "People & Payroll",
      "Procurement",
    ]);
    await fireEvent.change(select, { target: { value: h.backend.unitId("Operations") } });
    // Transport & Fleet's four and Warehouse Operations' five.
    await waitFor(() => expect(heatmapRows(names)).toHaveLength(9));
    expect(chartText("heatmap")[0]).toContain("Impact over time in Operations");
    expect(chartText("heatmap").join(" ")).toContain("9 processes in Operations and its sub-units");
    expect(screen.queryByTestId("chart-heatmap-page"), "nine rows need no pages").toBeNull();
    await fireEvent.click(screen.getByTestId("chart-heatmap-by-unit"));
    await waitFor(() => expect(chartText("heatmap")).toContain("Operations › Warehouse Operations"));
    await fireEvent.change(select, { target: { value: "" } });
    await waitFor(() => expect(heatmapRows(names)).toHaveLength(25));
  });

  it("shows impact by category at the first horizon of a day or more, and redraws at once at another", async () => {
    await openDemoOn("dashboard");
    const picker = (await screen.findByTestId("chart-categories-horizon")) as HTMLSelectElement;
    const labels = [...picker.options].map((o) => o.textContent);
    expect(labels).toEqual(["1 h", "4 h", "8 h", "1 d", "3 d", "1 w", "2 w", "1 mo"]);
    expect(picker.selectedOptions[0].textContent).toBe("1 d");
    await waitFor(() => expect(chartText("categories")[0]).toBe(`Impact by category at 1 d — ${TITLE}`));
    expect(lastOptions("categories")).toEqual({ horizon: "1 d" });

    const byLabel = (label: string) => [...picker.options].find((o) => o.textContent === label)!.value;
    await fireEvent.change(picker, { target: { value: byLabel("1 w") } });
    expect(lastOptions("categories")).toEqual({ horizon: "1 w" });
    await waitFor(() => expect(chartText("categories")[0]).toBe(`Impact by category at 1 w — ${TITLE}`));
    expect(screen.getByTestId("chart-caption-categories").textContent).toBe("At 1 w");

    await fireEvent.change(picker, { target: { value: byLabel("1 d") } });
    expect(lastOptions("categories")).toEqual({ horizon: "1 d" });
    await waitFor(() => expect(chartText("categories")[0]).toBe(`Impact by category at 1 d — ${TITLE}`));
  });

  it("keeps the chosen horizon and grouping through an undo and a visit to another screen", async () => {
    await openDemoOn("processes");
    const names = demoNames();
    const row = screen.getAllByTestId("process-row").find((r) => r.dataset.name === "Complaints handling")!;
    await fireEvent.keyDown(row, { key: "Enter" });
    const form = await screen.findByTestId("process-form");
    await fireEvent.click(within(form).getByTestId("process-delete"));
    await fireEvent.click(within(form).getByTestId("confirm-delete"));
    await waitFor(() => expect(screen.queryByTestId("process-form")).toBeNull());

    await fireEvent.click(screen.getByTestId("nav-dashboard"));
    const picker = (await screen.findByTestId("chart-categories-horizon")) as HTMLSelectElement;
    await fireEvent.change(picker, { target: { value: [...picker.options].find((o) => o.textContent === "3 d")!.value } });
    await fireEvent.click(screen.getByLabelText("Group by unit"));
    const categoryRows = () => chartText("categories").filter((t) => names.includes(t));
    await waitFor(() => expect(chartText("categories")[0]).toBe(`Impact by category at 3 d — ${TITLE}`));
    expect(categoryRows()).toHaveLength(24);
    expect(categoryRows()).not.toContain("Complaints handling");
    await waitFor(() => expect(chartText("heatmap").filter((t) => UNITS.includes(t))).toEqual(UNITS));
    expect(heatmapRows(names)).not.toContain("Complaints handling");

    await fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    await waitFor(() => expect(categoryRows()).toHaveLength(25), { timeout: 2000 });
    expect(chartText("categories")[0]).toBe(`Impact by category at 3 d — ${TITLE}`);
    await waitFor(() => expect(heatmapRows(names)).toContain("Complaints handling"));
    expect(chartText("heatmap").filter((t) => UNITS.includes(t))).toEqual(UNITS);

    await fireEvent.click(screen.getByTestId("nav-gaps"));
    await fireEvent.click(screen.getByTestId("nav-dashboard"));
    expect((screen.getByTestId("chart-categories-horizon") as HTMLSelectElement).selectedOptions[0].textContent).toBe("3 d");
    expect((screen.getByLabelText("Group by unit") as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect(chartText("categories")[0]).toBe(`Impact by category at 3 d — ${TITLE}`));
    expect(categoryRows()).toHaveLength(25);
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
    expect(textOf(within(large).getByTestId("chart-large-image-gaps"))[0]).toBe(`Required vs capable recovery time — ${TITLE}`);
    // Focus is on the chart, so the arrow keys scroll a tall one (and a stray Enter does not save).
    const view = within(large).getByRole("region", { name: "Recovery gaps, the whole chart" });
    expect(document.activeElement).toBe(view);
    // The keys zoom (the fitted scale is 100% where nothing is laid out), 0 fits again.
    const scale = () => within(large).getByTestId("chart-large-image-gaps-scale").textContent;
    expect(scale()).toBe("100%");
    await fireEvent.keyDown(view, { key: "+" });
    await fireEvent.keyDown(view, { key: "+" });
    expect(scale()).toBe("156%");
    await fireEvent.click(within(large).getByTestId("chart-large-image-gaps-zoom-out"));
    expect(scale()).toBe("125%");
    await fireEvent.keyDown(view, { key: "0" });
    expect(scale()).toBe("100%");

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
    expect(within(large).getByTestId("chart-large-image-heatmap").getAttribute("src")).toBe(screen.getByTestId("chart-heatmap").getAttribute("src"));
    expect(textOf(within(large).getByTestId("chart-large-image-heatmap"))[0]).toBe(`Impact over time — ${TITLE}`);
    // Other keys do nothing.
    await fireEvent.click(within(large).getByRole("button", { name: "Close" }));
    await fireEvent.keyDown(screen.getByTestId("chart-open-heatmap"), { key: "a" });
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("saves from the large view with the chart's options, and says so there", async () => {
    await openDemoOn("dashboard");
    const picker = (await screen.findByTestId("chart-categories-horizon")) as HTMLSelectElement;
    await fireEvent.change(picker, { target: { value: [...picker.options].find((o) => o.textContent === "1 w")!.value } });
    await waitFor(() => expect(chartText("categories")[0]).toBe(`Impact by category at 1 w — ${TITLE}`));

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
    expect(textOf(within(large).getByTestId("chart-large-image-categories"))[0]).toBe(`Impact by category at 1 w — ${TITLE}`);
  });
});

describe("edits kept for undo", () => {
  const shown = () => screen.getByText(/Undo keeps the latest/).textContent?.replace(/\s+/g, " ").trim();

  it("is shown, changed from the keyboard, refused when not a number, and set back to the default", async () => {
    await openDemoOn("dashboard");
    expect(shown()).toContain("Undo keeps the latest 5,000 edits");

    await fireEvent.click(screen.getByRole("button", { name: "Change" }));
    const input = screen.getByLabelText("Edits kept for undo") as HTMLInputElement;
    expect(input.value).toBe("5000");
    // Nothing that is not a whole number of edits is sent to the core.
    for (const bad of ["0", "-3", "many", "2.5"]) {
      await fireEvent.input(input, { target: { value: bad } });
      await fireEvent.submit(input.form!);
      expect(screen.getByRole("alert").textContent).toBe("Enter a whole number of edits, 1 or more.");
    }
    expect(h.args.filter((a) => a.cmd === "set_undo_limit")).toEqual([]);
    // Escape leaves it as it was.
    await fireEvent.keyDown(input, { key: "Escape" });
    expect(screen.queryByLabelText("Edits kept for undo")).toBeNull();
    expect(shown()).toContain("5,000");

    await fireEvent.click(screen.getByRole("button", { name: "Change" }));
    const again = screen.getByLabelText("Edits kept for undo") as HTMLInputElement;
    await fireEvent.input(again, { target: { value: "2,000" } });
    await fireEvent.submit(again.form!);
    await waitFor(() => expect(shown()).toContain("Undo keeps the latest 2,000 edits"));
    expect(h.args.filter((a) => a.cmd === "set_undo_limit").map((a) => a.args)).toEqual([{ limit: 2000 }]);

    await fireEvent.click(screen.getByRole("button", { name: "Change" }));
    await fireEvent.click(screen.getByRole("button", { name: "Use the default" }));
    await waitFor(() => expect(shown()).toContain("Undo keeps the latest 5,000 edits"));
  });
});
