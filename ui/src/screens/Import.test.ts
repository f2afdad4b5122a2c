// The Import screen over the FakeBackend (the Halden Freight demo, and the Finance department's legacy workbook
// "Finance BIA 2024.xlsx": a title block, Process / Owner / RTO (hrs) / RPO / Key Systems / Criticality / Shoe size,
// a text that is no duration, a footer): choosing the file through the native open dialog (also from the menu, from
// another screen), a file dropped on the window (the first of several; anything else refused), the preview (counts,
// columns, issues errors first, the cell in context, processes), one mapping fixed (all choices re-sent), the
// import with the core's progress, cancel before the commit, the summary, the register refreshed, and Undo taking
// the whole import back; files the core cannot read.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { emit } from "@tauri-apps/api/event";
import { mockWindows } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ImportProgress } from "../lib/bindings/ImportProgress";
import { mockBackend, openDemoOn, resetMocks, type Harness } from "../testing/testHarness";

const dialog = vi.hoisted(() => ({ save: vi.fn(), open: vi.fn() }));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);

const FINANCE = "/home/morgan/Documents/Finance BIA 2024.xlsx";
const NEW_PROCESSES = ["Accounts payable", "Payroll", "Month-end close", "Treasury payments", "Expense claims"];

let h: Harness;

beforeEach(() => {
  h = mockBackend();
  dialog.open.mockReset();
});
afterEach(resetMocks);

const callsOf = (cmd: string) => h.args.filter((a) => a.cmd === cmd).map((a) => a.args);
const applyButton = () => screen.getByTestId("import-apply") as HTMLButtonElement;
const count = (key: string) => screen.getByTestId(`import-count-${key}`).textContent;
const fieldOf = (header: string) => screen.getAllByTestId("import-field").find((s) => s.getAttribute("data-header") === header) as HTMLSelectElement;
const registerNames = (h: Harness) => h.backend.file!.data.processes.map((p) => p.name);

async function previewFinance() {
  await openDemoOn("import");
  dialog.open.mockResolvedValueOnce(FINANCE);
  await fireEvent.click(screen.getByTestId("import-choose"));
  await screen.findByTestId("import-counts");
}

describe("import screen", () => {
  it("is in the sidebar, and says how to start", async () => {
    await openDemoOn("import");
    const nav = screen.getByTestId("nav-import") as HTMLButtonElement;
    expect(nav.disabled, "Import is built: no longer 'soon'").toBe(false);
    expect(nav.getAttribute("aria-current")).toBe("page");
    const choose = screen.getByTestId("import-choose");
    expect(choose.textContent).toContain("Choose a spreadsheet…");
    expect(screen.getByTestId("import-screen").textContent).toContain("drop it anywhere on this window");
  });

  it("Choose a spreadsheet… asks for a spreadsheet and previews what the core would import", async () => {
    await previewFinance();
    expect(dialog.open).toHaveBeenCalledWith({
      title: "Import spreadsheet",
      multiple: false,
      directory: false,
      filters: [{ name: "Spreadsheet", extensions: ["xlsx", "xlsm", "xlsb", "xls", "ods", "csv"] }],
    });
    expect(callsOf("plan_import")).toEqual([{ path: FINANCE, choices: [] }]);
    expect(screen.getByTestId("import-file").textContent).toBe("Finance BIA 2024.xlsx");
    expect(screen.getByTestId("import-screen").textContent).toContain("Excel workbook (.xlsx)");
    expect(count("processes_new")).toBe("4");
    expect(count("processes_updated"), "the demo already has “Month-end close”").toBe("1");
    expect(count("units_new"), "the sheet's name is the unit, and the demo has Finance already").toBe("0");
    expect(count("resources_new")).toBe("6");
    expect(count("dependencies_new")).toBe("7");
    expect(count("errors")).toBe("1");
    expect(count("custom_fields"), "Criticality and Shoe size, for each of 5 processes").toBe("10");
    expect(screen.getByTestId("import-readiness").textContent).toContain("Imports 4 new processes and 1 process updated");
    expect(screen.getByTestId("import-readiness").textContent, "errors do not block, but say what is skipped").toContain("skipped");
    expect(applyButton().disabled).toBe(false);

    const table = screen.getByTestId("import-table");
    expect(table.textContent).toContain("Sheet “Finance”");
    expect(table.textContent, "the header under the title block").toContain("header on row 4");
    expect(table.textContent).toContain("5 process rows");
    expect(fieldOf("Process").value).toBe("process");
    expect(fieldOf("RTO (hrs)").value).toBe("rto");
    expect(fieldOf("Key Systems").value).toBe("dependency:application");
    expect(fieldOf("Shoe size").value, "not recognised: kept").toBe("custom");
    expect(screen.getByTestId("import-unmapped").textContent).toContain("Shoe size");

    const rows = screen.getAllByTestId("import-process");
    expect(rows.map((r) => r.getAttribute("data-name"))).toEqual(NEW_PROCESSES);
    expect(rows[0].textContent).toContain("New");
    expect(rows[0].textContent).toContain("Finance!A5");
    expect(rows[2].textContent, "what changes on a process already there").toContain("1 change: Owner");
  });

  it("lists the issues errors first, with repeats, and shows a cell among its neighbours", async () => {
    await previewFinance();
    const groups = screen.getAllByTestId("import-issue-group");
    expect(groups.map((g) => g.getAttribute("data-level"))).toEqual(["error", "warning", "info"]);
    const issues = screen.getAllByTestId("import-issue");
    expect(issues[0].getAttribute("data-address")).toBe("Finance!C8");
    expect(issues[0].textContent).toContain("“soon” is not a duration");
    const rpo = issues.find((i) => i.getAttribute("data-address") === "Finance!D5")!;
    expect(rpo.textContent, "the same issue down the column is listed once").toContain("and 3 more below");

    const button = within(issues[0]).getByRole("button");
    expect(button.getAttribute("aria-expanded")).toBe("false");
    await fireEvent.click(button);
    const focus = await screen.findByTestId("import-cell-focus");
    expect(focus.textContent?.trim()).toBe("soon");
    expect(callsOf("import_cell_context")).toEqual([{ path: FINANCE, sheet: "Finance", cell: "C8" }]);
    const context = screen.getByTestId("import-cell-context");
    expect(context.textContent, "with the cells around it").toContain("Treasury payments");
    expect(button.getAttribute("aria-expanded")).toBe("true");
    await fireEvent.click(button);
    expect(screen.queryByTestId("import-cell-context")).toBeNull();
  });

  it("plans again when a column's field is changed, sending every choice so far", async () => {
    await previewFinance();
    const release = h.hold("plan_import");
    await fireEvent.change(fieldOf("Shoe size"), { target: { value: "owner" } });
    expect(await screen.findByTestId("import-replanning")).toBeTruthy();
    release();
    await waitFor(() => expect(screen.queryByTestId("import-replanning")).toBeNull());
    expect(fieldOf("Shoe size").value).toBe("owner");
    expect(screen.queryByTestId("import-unmapped"), "no column left unrecognised").toBeNull();
    expect(screen.getAllByTestId("import-column").find((c) => c.getAttribute("data-header") === "Shoe size")!.textContent).toContain("your choice");

    await fireEvent.change(fieldOf("Criticality"), { target: { value: "ignore" } });
    await waitFor(() => expect(count("custom_fields")).toBe("0"));
    expect(callsOf("plan_import").at(-1)).toEqual({
      path: FINANCE,
      choices: [
        { sheet: "Finance", column: "G", field: { kind: "owner" } },
        { sheet: "Finance", column: "F", field: { kind: "ignore" } },
      ],
    });
  });

  it("keeps the preview and takes the choice back when a re-plan fails", async () => {
    await previewFinance();
    const handle = h.backend.handle.bind(h.backend);
    h.backend.handle = (cmd, args) => {
      if (cmd !== "plan_import") return handle(cmd, args);
      throw { code: "workbook_corrupt", message: `${FINANCE}: the file is damaged and cannot be read (changed on disk)`, details: null };
    };
    await fireEvent.change(fieldOf("Shoe size"), { target: { value: "owner" } });
    const error = await screen.findByTestId("import-error");
    expect(error.textContent).toContain(`${FINANCE}: the file is damaged`);
    await waitFor(() => expect(fieldOf("Shoe size").value, "the dropdown shows the reading again").toBe("custom"));
    expect(count("processes_new"), "the preview stays").toBe("4");
    expect(applyButton().disabled).toBe(false);
  });

  it("imports with the core's progress, then sums up, refreshes the register, and Undo takes it all back", async () => {
    await previewFinance();
    await fireEvent.change(fieldOf("Shoe size"), { target: { value: "owner" } });
    await waitFor(() => expect(fieldOf("Shoe size").value).toBe("owner"));
    const before = registerNames(h).length;
    const steps: Array<() => void> = [];
    h.backend.importStep = () => new Promise<void>((resolve) => steps.push(resolve));

    await fireEvent.click(applyButton());
    const status = screen.getByTestId("import-status");
    expect(status.getAttribute("role")).toBe("status");
    await waitFor(() => expect(steps).toHaveLength(1));
    const bar = await within(status).findByRole("progressbar");
    await waitFor(() => expect(screen.getByTestId("import-step").textContent).toBe("Backing up the assessment…"));
    expect(applyButton().disabled).toBe(true);
    steps[0]();
    await waitFor(() => expect(steps).toHaveLength(2));
    steps[1]();
    await waitFor(() => expect(steps).toHaveLength(3));
    await waitFor(() => expect(within(status).getByRole("progressbar").getAttribute("aria-valuenow")).toBe("2"));
    expect(bar.getAttribute("aria-valuemax")).toBe("12");
    expect(bar.getAttribute("aria-valuetext")).toBe("Writing processes: 2 of 12");
    expect(screen.getByTestId("import-cancel")).toBeTruthy();
    // Through to the commit: Cancel goes away.
    while (steps.length < 14) {
      steps.at(-1)!();
      const n = steps.length;
      await waitFor(() => expect(steps.length).toBeGreaterThan(n));
    }
    await waitFor(() => expect(screen.getByTestId("import-step").textContent).toBe("Saving…"));
    expect(screen.queryByTestId("import-cancel"), "no cancelling once the core commits").toBeNull();
    steps.at(-1)!();

    const summary = await screen.findByTestId("import-summary");
    expect(summary.textContent).toBe("Imported 4 new processes, 1 process updated, 6 resources, 7 dependencies and 4 sets of objectives.");
    expect(screen.getByTestId("import-backup").textContent).toBe(h.backend.file!.path.replace(/\.bia$/, ".before-import.bia"));
    expect(callsOf("apply_import")).toEqual([{ path: FINANCE, choices: [{ sheet: "Finance", column: "G", field: { kind: "owner" } }] }]);
    await waitFor(() => expect(document.activeElement, "the keyboard carries on from the result").toBe(screen.getByTestId("import-go-processes")));
    expect(registerNames(h)).toHaveLength(before + 4);
    expect(h.backend.file!.data.processes.find((p) => p.name === "Payroll")!.owner, "the fixed mapping was applied").toBe("39");
    await waitFor(() => expect(screen.getByTestId("nav-processes").textContent).toContain(String(before + 4)));

    await fireEvent.click(screen.getByTestId("import-go-processes"));
    await waitFor(() => expect(screen.getAllByTestId("process-row").some((r) => r.getAttribute("data-name") === "Payroll")).toBe(true));

    await fireEvent.keyDown(window, { key: "z", ctrlKey: true });
    await waitFor(() => expect(screen.getAllByTestId("process-row").some((r) => r.getAttribute("data-name") === "Payroll")).toBe(false));
    expect(registerNames(h)).toHaveLength(before);
    expect(h.backend.file!.data.processes.find((p) => p.name === "Month-end close")!.owner, "the update is taken back too").toBe("Aisha Bello");
    expect(h.backend.file!.data.resources.some((r) => r.name === "Kyriba")).toBe(false);
  });

  it("cancels before the commit: nothing changes and the preview stays", async () => {
    await previewFinance();
    const before = JSON.stringify(h.backend.file!.data);
    const steps: Array<(p: ImportProgress) => void> = [];
    let release = () => {};
    h.backend.importStep = (p) =>
      p.stage === "processes" && p.done === 3 ? new Promise<void>((resolve) => ((release = resolve), steps.push(() => resolve()))) : Promise.resolve();

    await fireEvent.click(applyButton());
    await waitFor(() => expect(steps).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId("import-step").textContent).toBe("Writing processes…"));
    await fireEvent.click(screen.getByTestId("import-cancel"));
    await waitFor(() => expect(callsOf("cancel_import")).toHaveLength(1));
    expect(screen.getByTestId("import-step").textContent).toBe("Cancelling…");
    release();

    expect((await screen.findByTestId("import-cancelled")).textContent).toBe("Import cancelled: the assessment was not changed.");
    expect(JSON.stringify(h.backend.file!.data), "nothing was written").toBe(before);
    expect(h.backend.file!.undo.length).toBe(0);
    expect(screen.getByTestId("import-counts"), "the preview stays").toBeTruthy();
    expect(applyButton().disabled, "ready for another try").toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(applyButton()));
  });

  it("File ▸ Import Spreadsheet… from another screen opens the Import screen and the dialog", async () => {
    await openDemoOn("gaps");
    dialog.open.mockResolvedValueOnce(FINANCE);
    await emit("menu", { action: "import" });
    await screen.findByTestId("import-screen");
    expect(screen.getByTestId("nav-import").getAttribute("aria-current")).toBe("page");
    await screen.findByTestId("import-counts");
    expect(dialog.open).toHaveBeenCalledTimes(1);
  });

  it("does nothing when the dialog is cancelled", async () => {
    await openDemoOn("import");
    dialog.open.mockResolvedValueOnce(null);
    await fireEvent.click(screen.getByTestId("import-choose"));
    await waitFor(() => expect(dialog.open).toHaveBeenCalledTimes(1));
    expect(callsOf("plan_import")).toEqual([]);
    expect(screen.getByTestId("import-choose").textContent).toContain("Choose a spreadsheet…");
  });

  it("shows the core's message for a file it cannot read, naming the file", async () => {
    await openDemoOn("import");
    const locked = "/home/morgan/Documents/Payroll (protected).xlsx";
    dialog.open.mockResolvedValueOnce(locked);
    await fireEvent.click(screen.getByTestId("import-choose"));
    const error = await screen.findByTestId("import-error");
    expect(error.querySelector("[data-code]")?.getAttribute("data-code")).toBe("workbook_encrypted");
    expect(error.textContent).toContain(`${locked}: the workbook is protected by a password`);
    expect(screen.queryByTestId("import-apply")).toBeNull();

    dialog.open.mockResolvedValueOnce(FINANCE);
    await fireEvent.click(screen.getByTestId("import-choose"));
    await screen.findByTestId("import-counts");
    expect(screen.queryByTestId("import-error")).toBeNull();
  });
});

describe("dropping files on the window", () => {
  beforeEach(() => mockWindows("main"));

  const drag = (type: "enter" | "drop", paths: string[]) => emit(`tauri://drag-${type}`, { paths, position: { x: 300, y: 200 } });

  it("shows what a drop would do, and previews the dropped spreadsheet from any screen", async () => {
    await openDemoOn("dashboard");
    await drag("enter", [FINANCE]);
    const overlay = await screen.findByTestId("drop-overlay");
    expect(overlay.textContent).toContain("Drop to import “Finance BIA 2024.xlsx”");
    await drag("drop", [FINANCE]);
    await waitFor(() => expect(screen.queryByTestId("drop-overlay")).toBeNull());
    await screen.findByTestId("import-counts");
    expect(callsOf("plan_import")).toEqual([{ path: FINANCE, choices: [] }]);
    expect(screen.queryByTestId("import-note")).toBeNull();
  });

  it("takes the first of several files, saying so", async () => {
    await openDemoOn("processes");
    await drag("drop", [FINANCE, "/home/morgan/Documents/HR BIA.xlsx"]);
    await screen.findByTestId("import-counts");
    expect(screen.getByTestId("import-note").textContent).toContain("2 files were dropped; importing the first, “Finance BIA 2024.xlsx”");
    expect(callsOf("plan_import").map((c) => c.path)).toEqual([FINANCE]);
  });

  it("refuses a file that is not a spreadsheet, and forgets the drag when it leaves", async () => {
    await openDemoOn("import");
    await drag("enter", ["/home/morgan/Documents/BIA report.pdf"]);
    expect((await screen.findByTestId("drop-overlay")).textContent).toContain("Not a spreadsheet");
    await emit("tauri://drag-leave", null);
    await waitFor(() => expect(screen.queryByTestId("drop-overlay")).toBeNull());
    await drag("drop", ["/home/morgan/Documents/BIA report.pdf"]);
    expect((await screen.findByTestId("import-refusal")).textContent).toContain("“BIA report.pdf” is not a spreadsheet");
    expect(callsOf("plan_import")).toEqual([]);
  });
});
