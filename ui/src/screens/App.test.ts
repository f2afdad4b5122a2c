// Component flows of the whole app over answers recorded from the real core (Harbourline Logistics):
// opening files, the process register and form, units, and undo/redo from the keyboard.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { emit } from "@tauri-apps/api/event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import App from "../App.svelte";
import { endReplay, mockReplay, registerRead, type Replay } from "../testing/testHarness";

let h: Replay;
let calls: string[];

beforeEach(() => {
  h = mockReplay({
    recent: [
      { path: "/home/facilitator/Documents/minutes.bia", name: "Riverside Care", opened_at: "2025-11-20T09:00:00Z", exists: true },
      { path: "/home/facilitator/Archive/Pinecrest 2023.bia", name: "Pinecrest Health 2023", opened_at: "2025-06-12T10:15:00Z", exists: false },
    ],
  });
  calls = h.calls;
});

afterEach(() => endReplay(h));

async function openDemoOn(section: "dashboard" | "processes" | "methodology") {
  render(App);
  await fireEvent.click(await screen.findByTestId("open-demo"));
  await registerRead();
  await fireEvent.click(screen.getByTestId(`nav-${section}`));
}

const rowNames = () => screen.queryAllByTestId("process-row").map((r) => r.dataset.name);

describe("start screen", () => {
  it("lists recent files and shows the core's message when a file cannot be opened", async () => {
    render(App);
    const locked = await screen.findByText("Riverside Care");
    await fireEvent.click(locked.closest("[data-testid=recent-file]")!);
    const banner = await screen.findByTestId("error-banner");
    expect(banner.textContent).toContain("not a BIA assessment");
    expect(screen.getByTestId("start-screen")).toBeTruthy();
  });

  it("removes a missing file from the list", async () => {
    render(App);
    await screen.findByText("Pinecrest Health 2023");
    await fireEvent.click(screen.getByTestId("forget-recent"));
    await waitFor(() => expect(screen.queryByText("Pinecrest Health 2023")).toBeNull());
    expect(h.backend.recent.map((r) => r.name)).toEqual(["Riverside Care"]);
  });

  it("opens the demo into the main window and titles the window after the file", async () => {
    await openDemoOn("dashboard");
    expect(screen.getByTestId("assessment-name").textContent).toBe("Harbourline Logistics — BIA 2026");
    expect(document.title).toBe("Harbourline Logistics (demo).bia — BIA Workbench");
    expect(screen.getByTestId("count-processes").textContent).toBe("25");
    await fireEvent.click(screen.getByTestId("close-assessment"));
    await screen.findByTestId("start-screen");
    expect(document.title).toBe("BIA Workbench");
  });

  it("does not show the sections that do not exist yet", async () => {
    await openDemoOn("dashboard");
    expect(screen.queryByTestId("nav-workshop-mode"), "Workshop mode is still to come").toBeNull();
    expect(screen.queryByText("Soon")).toBeNull();
    expect((screen.getByTestId("nav-dependencies") as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getByTestId("nav-impact") as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getByTestId("nav-objectives") as HTMLButtonElement).disabled).toBe(false);
  });
});

describe("process register", () => {
  it("searches, filters by unit with its sub-units, and sorts", async () => {
    await openDemoOn("processes");
    expect(screen.getByTestId("process-count").textContent).toBe("25 processes");

    await fireEvent.input(screen.getByTestId("process-search"), { target: { value: "ramanathan" } });
    expect(rowNames()).toEqual(["Cold-chain storage monitoring", "Inventory control and cycle counts"]);
    expect(screen.getByTestId("process-count").textContent).toBe("2 of 25 processes");

    await fireEvent.input(screen.getByTestId("process-search"), { target: { value: "" } });
    // Operations holds no process itself: its two sub-units do.
    await fireEvent.change(screen.getByTestId("filter-unit"), { target: { value: h.backend.unitId("Operations") } });
    expect(screen.getByTestId("process-count").textContent).toBe("9 of 25 processes");

    await fireEvent.click(screen.getByTestId("sort-minimum_staff"));
    await fireEvent.click(screen.getByTestId("sort-minimum_staff"));
    expect(rowNames()[0]).toBe("Pick, pack and dispatch");
    expect(screen.getByTestId("sort-minimum_staff").closest("th")!.getAttribute("aria-sort")).toBe("descending");
  });

  it("adds a process, then undoes and redoes it from the keyboard", async () => {
    await openDemoOn("processes");
    await fireEvent.click(screen.getByTestId("add-process"));
    const form = await screen.findByTestId("process-form");
    const finance = h.backend.unitId("Finance");

    await fireEvent.input(within(form).getByTestId("process-name"), { target: { value: "Fuel card reconciliation" } });
    await fireEvent.change(within(form).getByTestId("process-unit"), { target: { value: finance } });
    await fireEvent.input(within(form).getByTestId("process-minimum-staff"), { target: { value: "1" } });
    const save = within(form).getByTestId("process-save") as HTMLButtonElement;
    await waitFor(() => expect(save.disabled).toBe(false));
    await fireEvent.click(save);

    await waitFor(() => expect(screen.queryByTestId("process-form")).toBeNull());
    expect(rowNames()).toContain("Fuel card reconciliation");
    expect(screen.getByTestId("process-count").textContent).toBe("26 processes");
    expect(h.args.find((a) => a.cmd === "create_process")?.args.input).toMatchObject({ name: "Fuel card reconciliation", unit_id: finance, minimum_staff: 1 });
    expect(screen.getByTestId("undo").getAttribute("title")).toBe("Undo Add process “Fuel card reconciliation”");

    // Ctrl+Z in a text field is the field's own undo, not the app's.
    const search = screen.getByTestId("process-search");
    search.focus();
    await fireEvent.keyDown(search, { key: "z", ctrlKey: true });
    expect(calls).not.toContain("undo");

    await fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    await waitFor(() => expect(rowNames()).not.toContain("Fuel card reconciliation"));
    expect((screen.getByTestId("redo") as HTMLButtonElement).disabled).toBe(false);

    await fireEvent.keyDown(document.body, { key: "y", ctrlKey: true });
    await waitFor(() => expect(rowNames()).toContain("Fuel card reconciliation"));
  });

  it("shows a duplicate name under the name field and keeps Save disabled", async () => {
    await openDemoOn("processes");
    await fireEvent.click(screen.getByTestId("add-process"));
    const form = await screen.findByTestId("process-form");
    await fireEvent.input(within(form).getByTestId("process-name"), { target: { value: "payroll processing" } });
    const error = await within(form).findByTestId("error-name");
    expect(error.textContent).toContain("already exists");
    expect((within(form).getByTestId("process-save") as HTMLButtonElement).disabled).toBe(true);
  });

  it("refuses a minimum staff that is not a whole number before asking the core", async () => {
    await openDemoOn("processes");
    await fireEvent.click(screen.getByTestId("add-process"));
    const form = await screen.findByTestId("process-form");
    await fireEvent.input(within(form).getByTestId("process-name"), { target: { value: "Yard management" } });
    await fireEvent.input(within(form).getByTestId("process-minimum-staff"), { target: { value: "two" } });
    expect((await within(form).findByTestId("error-minimum_staff")).textContent).toContain("whole number");
  });

  it("shows an approved process locked, and reopens it for editing", async () => {
    await openDemoOn("processes");
    const row = screen.getAllByTestId("process-row").find((r) => r.dataset.name === "Payroll processing")!;
    await fireEvent.click(row);
    const form = await screen.findByTestId("process-form");
    const owner = within(form).getByTestId("process-owner") as HTMLInputElement;
    expect(owner.closest("fieldset")!.disabled).toBe(true);
    expect(within(form).queryByTestId("process-delete")).toBeNull();
    expect((within(form).getByTestId("process-save") as HTMLButtonElement).disabled).toBe(true);

    await fireEvent.click(within(form).getByTestId("reopen"));
    await waitFor(() => expect(within(form).queryByTestId("lock-banner")).toBeNull());
    expect(owner.closest("fieldset")!.disabled).toBe(false);
    expect((within(form).getByTestId("process-status") as HTMLSelectElement).value).toBe("in_review");
    expect(h.args.find((a) => a.cmd === "set_status")?.args).toMatchObject({ status: "in_review" });

    await fireEvent.input(owner, { target: { value: "Callum Fraser" } });
    const save = within(form).getByTestId("process-save") as HTMLButtonElement;
    await waitFor(() => expect(save.disabled).toBe(false));
    await fireEvent.click(save);
    await waitFor(() => expect(screen.queryByTestId("process-form")).toBeNull());
    expect(h.args.find((a) => a.cmd === "update_process")?.args.input).toMatchObject({ owner: "Callum Fraser", status: "in_review" });
    await waitFor(() => expect(screen.getByTestId("undo").getAttribute("title")).toBe("Undo Edit process “Payroll processing”"));
  });

  it("edits a process from its row and deletes it after confirmation", async () => {
    await openDemoOn("processes");
    const row = screen.getAllByTestId("process-row").find((r) => r.dataset.name === "Complaints handling")!;
    await fireEvent.keyDown(row, { key: "Enter" });
    const form = await screen.findByTestId("process-form");
    expect((within(form).getByTestId("process-owner") as HTMLInputElement).value).toBe("Hannah Lowe");

    await fireEvent.click(within(form).getByTestId("process-delete"));
    await fireEvent.click(within(form).getByTestId("confirm-delete"));
    await waitFor(() => expect(screen.queryByTestId("process-form")).toBeNull());
    expect(rowNames()).not.toContain("Complaints handling");
    expect(screen.getByTestId("undo").getAttribute("title")).toBe("Undo Delete process “Complaints handling”");
  });
});

describe("units", () => {
  it("adds a sub-unit and explains why a unit holding processes cannot be deleted", async () => {
    await openDemoOn("processes");
    await fireEvent.click(screen.getByTestId("manage-units"));
    const panel = await screen.findByTestId("units-panel");
    const transport = h.backend.unitId("Transport & Fleet");

    await fireEvent.input(within(panel).getByTestId("unit-new-name"), { target: { value: "Fleet workshop" } });
    await fireEvent.change(within(panel).getByTestId("unit-new-parent"), { target: { value: transport } });
    await fireEvent.click(within(panel).getByTestId("unit-add"));
    await waitFor(() =>
      expect(within(panel).getAllByTestId("unit-row").map((r) => r.dataset.name)).toContain("Fleet workshop"),
    );
    expect(h.args.find((a) => a.cmd === "create_unit")?.args.input).toEqual({ name: "Fleet workshop", parent_id: transport });

    const finance = within(panel).getAllByTestId("unit-row").find((r) => r.dataset.name === "Finance")!;
    await fireEvent.click(within(finance).getByTestId("unit-delete"));
    const banner = await within(panel).findByTestId("error-banner");
    expect(banner.textContent).toContain("still holds 4 process(es)");
  });
});

describe("methodology", () => {
  it("shows the scale, the threshold, the horizons and the tiers", async () => {
    await openDemoOn("methodology");
    const screenRoot = await screen.findByTestId("methodology-screen");
    await within(screenRoot).findByTestId("severity-matrix");
    expect(within(screenRoot).getByTestId("threshold-level").closest("tr")!.dataset.level).toBe("4");
    const horizons = within(screenRoot).getAllByTestId("horizon").map((h) => h.textContent?.trim());
    expect(horizons).toContain("1 d · 1,440 min");
    const bands = within(screenRoot).getAllByTestId("tier-band").map((b) => b.textContent);
    expect(bands).toEqual(["RTO ≤ 4 h", "RTO ≤ 1 d", "RTO ≤ 3 d", "RTO beyond 3 d"]);
  });
});

describe("native menu", () => {
  it("reports a file that cannot be opened and keeps the open assessment", async () => {
    await openDemoOn("dashboard");
    await emit("menu", { action: "open_recent", path: "/home/facilitator/Documents/minutes.bia" });
    const banner = await screen.findByTestId("error-banner");
    expect(banner.textContent).toContain("not a BIA assessment");
    expect(screen.getByTestId("assessment-name").textContent).toBe("Harbourline Logistics — BIA 2026");

    await emit("menu", { action: "close" });
    await screen.findByTestId("start-screen");
  });

  it("sends Edit › Undo to the text field being edited, and to the app elsewhere", async () => {
    await openDemoOn("processes");
    await fireEvent.click(screen.getByTestId("add-process"));
    const form = await screen.findByTestId("process-form");
    await fireEvent.input(within(form).getByTestId("process-name"), { target: { value: "Yard management" } });
    const save = within(form).getByTestId("process-save") as HTMLButtonElement;
    await waitFor(() => expect(save.disabled).toBe(false));
    await fireEvent.click(save);
    await waitFor(() => expect(rowNames()).toContain("Yard management"));

    const execCommand = vi.fn(() => true);
    document.execCommand = execCommand;
    const search = screen.getByTestId("process-search");
    search.focus();
    await emit("menu", { action: "undo" });
    expect(execCommand).toHaveBeenCalledWith("undo");
    expect(rowNames()).toContain("Yard management");

    search.blur();
    await emit("menu", { action: "undo" });
    await waitFor(() => expect(rowNames()).not.toContain("Yard management"));
  });
});
