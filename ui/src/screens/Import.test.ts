// The Import screen over answers recorded from the real core (Harbourline Logistics, and the Finance department's
// legacy register "Finance BIA 2024.csv", tests/fixtures/finance-bia-2024.csv: a title block, Process / Owner /
// RTO (hrs) / RPO / Key Systems / Criticality / Shoe size, a text that is no duration, a footer): choosing the file through the native open dialog (also from the menu, from
// another screen), a file dropped on the window (the first of several; anything else refused), the preview (counts,
// columns, issues errors first, the cell in context, processes), one mapping fixed (all choices re-sent), the
// import with the core's progress, cancel before the commit, the summary, the register refreshed, and Undo taking
// the whole import back; files the core cannot read.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { emit } from "@tauri-apps/api/event";
import { mockWindows } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ImportProgress } from "../lib/bindings/ImportProgress";
import type { Process } from "../lib/bindings/Process";
import type { Resource } from "../lib/bindings/Resource";
import { endReplay, mockReplay, openDemoOn, type Replay } from "../testing/testHarness";

const dialog = vi.hoisted(() => ({ save: vi.fn(), open: vi.fn() }));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);

const DOCUMENTS = "/home/facilitator/Documents";
const FINANCE = `${DOCUMENTS}/Finance BIA 2024.csv`;
const SHEET = "Finance BIA 2024";
const ROWS = ["Accounts payable", "Payroll", "Month-end close", "Treasury payments", "Expense claims"];

let h: Replay;

beforeEach(() => {
  h = mockReplay();
  dialog.open.mockReset();
});
afterEach(() => endReplay(h));

const callsOf = (cmd: string) => h.args.filter((a) => a.cmd === cmd).map((a) => a.args);
const applyButton = () => screen.getByTestId("import-apply") as HTMLButtonElement;
const count = (key: string) => screen.getByTestId(`import-count-${key}`).textContent;
const fieldOf = (header: string) => screen.getAllByTestId("import-field").find((s) => s.getAttribute("data-header") === header) as HTMLSelectElement;
/** The register as the core lists it now (the recorded answer at this point of the replay). */
const register = () => h.backend.current<Process[]>("list_processes");
const registerNames = () => register().map((p) => p.name);

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
      title: "Import a spreadsheet or an assessment",
      multiple: false,
      directory: false,
      filters: [
        { name: "Spreadsheet or assessment", extensions: ["xlsx", "xlsm", "xlsb", "xls", "ods", "csv", "bia"] },
        { name: "Spreadsheet", extensions: ["xlsx", "xlsm", "xlsb", "xls", "ods", "csv"] },
        { name: "BIA assessment", extensions: ["bia"] },
      ],
    });
    expect(callsOf("plan_import")).toEqual([{ path: FINANCE, choices: [] }]);
    expect(screen.getByTestId("import-file").textContent).toBe("Finance BIA 2024.csv");
    expect(screen.getByTestId("import-screen").textContent).toContain("CSV text");
    expect(count("processes_new")).toBe("4");
    expect(count("processes_updated"), "Accounts payable is approved in the demo: locked, left as it is").toBe("0");
    expect(count("units_new"), "a CSV has no sheet name that could be a unit").toBe("0");
    expect(count("resources_new")).toBe("6");
    expect(count("dependencies_new")).toBe("7");
    expect(count("errors")).toBe("1");
    expect(count("custom_fields"), "Criticality and Shoe size, for each of the 4 new processes").toBe("8");
    expect(screen.getByTestId("import-readiness").textContent).toContain("Imports 4 new processes");
    expect(screen.getByTestId("import-readiness").textContent, "errors do not block, but say what is skipped").toContain("skipped");
    expect(applyButton().disabled).toBe(false);

    const table = screen.getByTestId("import-table");
    expect(table.textContent).toContain(`Sheet “${SHEET}”`);
    expect(table.textContent, "the header under the title block").toContain("header on row 4");
    expect(table.textContent).toContain("5 process rows");
    expect(fieldOf("Process").value).toBe("process");
    expect(fieldOf("RTO (hrs)").value).toBe("rto");
    expect(fieldOf("Key Systems").value).toBe("dependency:application");
    expect(fieldOf("Shoe size").value, "not recognised: kept").toBe("custom");
    expect(screen.getByTestId("import-unmapped").textContent).toContain("Shoe size");

    const rows = screen.getAllByTestId("import-process");
    expect(rows.map((r) => r.getAttribute("data-name"))).toEqual(ROWS);
    expect(rows[1].textContent).toContain("New");
    expect(rows[1].textContent).toContain(`${SHEET}'!A6`);
    expect(rows[0].textContent, "a process already there, approved").not.toContain("New");
  });

  it("lists the issues errors first, with repeats, and shows a cell among its neighbours", async () => {
    await previewFinance();
    const groups = screen.getAllByTestId("import-issue-group");
    expect(groups.map((g) => g.getAttribute("data-level"))).toEqual(["error", "warning", "info"]);
    const issues = screen.getAllByTestId("import-issue");
    expect(issues[0].getAttribute("data-address")).toBe(`'${SHEET}'!C8`);
    expect(issues[0].textContent).toContain('RTO: "soon" is not a duration');
    const rpo = issues.find((i) => i.getAttribute("data-address") === `'${SHEET}'!D5` && i.textContent?.includes("no unit"))!;
    expect(rpo.textContent, "the same issue down the column is listed once").toContain("and 3 more below");

    const button = within(issues[0]).getByRole("button");
    expect(button.getAttribute("aria-expanded")).toBe("false");
    await fireEvent.click(button);
    const focus = await screen.findByTestId("import-cell-focus");
    expect(focus.textContent?.trim()).toBe("soon");
    expect(callsOf("import_cell_context")).toEqual([{ path: FINANCE, sheet: SHEET, cell: "C8" }]);
    const context = screen.getByTestId("import-cell-context");
    expect(context.textContent, "with the cells around it").toContain("Treasury payments");
    expect(button.getAttribute("aria-expanded")).toBe("true");
    await fireEvent.click(button);
    expect(screen.queryByTestId("import-cell-context")).toBeNull();
  });

  it("plans again when a column's field is changed, sending every choice so far", async () => {
    await previewFinance();
    const release = h.hold("plan_import");
    await fireEvent.change(fieldOf("Shoe size"), { target: { value: "ignore" } });
    expect(await screen.findByTestId("import-replanning")).toBeTruthy();
    release();
    await waitFor(() => expect(screen.queryByTestId("import-replanning")).toBeNull());
    expect(fieldOf("Shoe size").value).toBe("ignore");
    expect(screen.queryByTestId("import-unmapped"), "no column left unrecognised").toBeNull();
    expect(screen.getAllByTestId("import-column").find((c) => c.getAttribute("data-header") === "Shoe size")!.textContent).toContain("your choice");

    await fireEvent.change(fieldOf("Criticality"), { target: { value: "ignore" } });
    await waitFor(() => expect(count("custom_fields"), "Shoe size and Criticality ignored").toBe("0"));
    expect(callsOf("plan_import").at(-1)).toEqual({
      path: FINANCE,
      choices: [
        { sheet: SHEET, column: "G", field: { kind: "ignore" } },
        { sheet: SHEET, column: "F", field: { kind: "ignore" } },
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
    await fireEvent.change(fieldOf("Shoe size"), { target: { value: "ignore" } });
    await waitFor(() => expect(fieldOf("Shoe size").value).toBe("ignore"));
    const before = registerNames();
    // The core's steps, held one by one.
    const steps: Array<{ payload: ImportProgress; go: () => void }> = [];
    h.backend.beforeEvent = (_, payload) => new Promise<void>((go) => steps.push({ payload: payload as ImportProgress, go }));
    const next = async () => {
      const n = steps.length;
      steps[n - 1].go();
      await waitFor(() => expect(steps.length).toBeGreaterThan(n));
    };

    await fireEvent.click(applyButton());
    const status = screen.getByTestId("import-status");
    expect(status.getAttribute("role")).toBe("status");
    await waitFor(() => expect(steps).toHaveLength(1));
    expect(steps[0].payload).toEqual({ stage: "backup", done: 0, total: 12 });
    await next();
    await waitFor(() => expect(screen.getByTestId("import-step").textContent).toBe("Backing up the assessment…"));
    const bar = await within(status).findByRole("progressbar");
    expect(applyButton().disabled).toBe(true);
    await next();
    await next();
    expect(steps[2].payload, "5 rows and 7 dependencies to write").toEqual({ stage: "processes", done: 2, total: 12 });
    await waitFor(() => expect(within(status).getByRole("progressbar").getAttribute("aria-valuenow")).toBe("2"));
    expect(bar.getAttribute("aria-valuemax")).toBe("12");
    expect(bar.getAttribute("aria-valuetext")).toBe("Writing processes: 2 of 12");
    expect(screen.getByTestId("import-cancel")).toBeTruthy();
    // Through to the commit: Cancel goes away.
    while (steps.at(-1)!.payload.stage !== "commit") await next();
    steps.at(-1)!.go();
    await waitFor(() => expect(screen.getByTestId("import-step").textContent).toBe("Saving…"));
    expect(screen.queryByTestId("import-cancel"), "no cancelling once the core commits").toBeNull();

    const summary = await screen.findByTestId("import-summary");
    expect(summary.textContent).toBe("Imported 4 new processes, 6 resources, 7 dependencies and 3 sets of objectives.");
    expect(screen.getByTestId("import-backup").textContent).toBe(
      "/home/facilitator/.local/share/bia-workbench/Harbourline Logistics (demo).before-import-20261201-090000.bia",
    );
    expect(callsOf("apply_import")).toEqual([{ path: FINANCE, choices: [{ sheet: SHEET, column: "G", field: { kind: "ignore" } }] }]);
    await waitFor(() => expect(document.activeElement, "the keyboard carries on from the result").toBe(screen.getByTestId("import-go-processes")));
    expect(registerNames()).toHaveLength(before.length + 4);
    const payroll = register().find((p) => p.name === "Payroll")!;
    expect(payroll.owner).toBe("Priya Raman");
    expect(payroll.custom_fields.map((f) => f.name), "the fixed mapping was applied: no Shoe size").toEqual(["Criticality"]);
    await waitFor(() => expect(screen.getByTestId("nav-processes").textContent).toContain(String(before.length + 4)));

    await fireEvent.click(screen.getByTestId("import-go-processes"));
    await waitFor(() => expect(screen.getAllByTestId("process-row").some((r) => r.getAttribute("data-name") === "Payroll")).toBe(true));

    await fireEvent.keyDown(window, { key: "z", ctrlKey: true });
    await waitFor(() => expect(screen.getAllByTestId("process-row").some((r) => r.getAttribute("data-name") === "Payroll")).toBe(false));
    expect(registerNames()).toEqual(before);
    expect(h.backend.current<Resource[]>("list_resources").some((r) => r.name === "Kyriba"), "the resources are taken back too").toBe(false);
  });

  it("cancels before the commit: nothing changes and the preview stays", async () => {
    await previewFinance();
    const before = registerNames();
    // Held at the core's third process.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let reached = false;
    h.backend.beforeEvent = (_, payload) => {
      const p = payload as ImportProgress;
      if (p.stage !== "processes" || p.done !== 3) return Promise.resolve();
      reached = true;
      return held;
    };

    await fireEvent.click(applyButton());
    await waitFor(() => expect(reached).toBe(true));
    await waitFor(() => expect(screen.getByTestId("import-step").textContent).toBe("Writing processes…"));
    await fireEvent.click(screen.getByTestId("import-cancel"));
    await waitFor(() => expect(callsOf("cancel_import")).toHaveLength(1));
    expect(screen.getByTestId("import-step").textContent).toBe("Cancelling…");
    release();

    expect((await screen.findByTestId("import-cancelled")).textContent).toBe("Import cancelled: the assessment was not changed.");
    expect(registerNames(), "nothing was written").toEqual(before);
    expect(h.backend.current<{ undo: string | null }>("history").undo, "nothing to undo").toBeNull();
    expect(screen.getByTestId("import-counts"), "the preview stays").toBeTruthy();
    expect(applyButton().disabled, "ready for another try").toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(applyButton()));
  });

  it("File ▸ Import… from another screen opens the Import screen and the dialog", async () => {
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
    const locked = `${DOCUMENTS}/Payroll (protected).xlsx`;
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
    expect(overlay.textContent).toContain("Drop to import “Finance BIA 2024.csv”");
    await drag("drop", [FINANCE]);
    await waitFor(() => expect(screen.queryByTestId("drop-overlay")).toBeNull());
    await screen.findByTestId("import-counts");
    expect(callsOf("plan_import")).toEqual([{ path: FINANCE, choices: [] }]);
    expect(screen.queryByTestId("import-note")).toBeNull();
  });

  it("takes the first of several files, saying so", async () => {
    await openDemoOn("processes");
    await drag("drop", [FINANCE, `${DOCUMENTS}/HR BIA.xlsx`]);
    await screen.findByTestId("import-counts");
    expect(screen.getByTestId("import-note").textContent).toContain("2 files were dropped; importing the first, “Finance BIA 2024.csv”");
    expect(callsOf("plan_import").map((c) => c.path)).toEqual([FINANCE]);
  });

  it("refuses a file that is not a spreadsheet, and forgets the drag when it leaves", async () => {
    await openDemoOn("import");
    await drag("enter", [`${DOCUMENTS}/BIA report.pdf`]);
    expect((await screen.findByTestId("drop-overlay")).textContent).toContain("Not a spreadsheet");
    await emit("tauri://drag-leave", null);
    await waitFor(() => expect(screen.queryByTestId("drop-overlay")).toBeNull());
    await drag("drop", [`${DOCUMENTS}/BIA report.pdf`]);
    expect((await screen.findByTestId("import-refusal")).textContent).toContain("“BIA report.pdf” is not a spreadsheet");
    expect(callsOf("plan_import")).toEqual([]);
  });
});
