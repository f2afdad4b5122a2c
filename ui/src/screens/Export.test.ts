// The Export screen over answers recorded from the real core (Harbourline Logistics, recordings/export*.json): the
// sidebar entry and what the screen says will be exported, File ▸ Export Workbook… from another screen through a mocked native save dialog, ".xlsx" added to a
// bare name, the core's progress while it writes, "Show in folder", the cut-cell warnings, a cancelled dialog, and
// failures that leave the button ready for another try.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { emit } from "@tauri-apps/api/event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../lib/api";
import type { Process } from "../lib/bindings/Process";
import { endReplay, mockReplay, openDemoOn, type Replay } from "../testing/testHarness";

const dialog = vi.hoisted(() => ({ save: vi.fn(), open: vi.fn() }));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);

const DOCUMENTS = "/home/facilitator/Documents";
const NAME = "Harbourline Logistics — BIA 2026";
const SAVED = `${DOCUMENTS}/${NAME}.xlsx`;

let h: Replay;

beforeEach(() => {
  h = mockReplay();
  dialog.save.mockReset();
});
afterEach(() => endReplay(h));

/** How many rows the recorded demo lists for `cmd`. */
const demoCount = (cmd: string) => h.backend.current<unknown[]>(cmd).length;

const exportButton = () => screen.getByTestId("export-workbook") as HTMLButtonElement;
const exportCalls = () => h.args.filter((a) => a.cmd === "export_workbook").map((a) => a.args.path);

/** Records, in order, when the UI starts and stops listening to the export's progress and when it asks for the export. */
function recordExportListening(): string[] {
  type Invoke = (cmd: string, args?: Record<string, unknown>, options?: unknown) => Promise<unknown>;
  const internals = (window as unknown as { __TAURI_INTERNALS__: { invoke: Invoke } }).__TAURI_INTERNALS__;
  const original = internals.invoke;
  const log: string[] = [];
  internals.invoke = (cmd, args, options) => {
    if (cmd === "export_workbook") log.push(cmd);
    else if ((cmd === "plugin:event|listen" || cmd === "plugin:event|unlisten") && args?.event === "export-progress")
      log.push(cmd.replace("plugin:event|", ""));
    return original(cmd, args, options);
  };
  return log;
}

async function exportTo(path: string | null) {
  dialog.save.mockResolvedValueOnce(path);
  await fireEvent.click(exportButton());
}

describe("export screen", () => {
  it("is in the sidebar and says what the workbook will hold", async () => {
    await openDemoOn("export");
    const nav = screen.getByTestId("nav-export") as HTMLButtonElement;
    expect(nav.disabled, "Export is built: no longer 'soon'").toBe(false);
    expect(nav.getAttribute("aria-current")).toBe("page");
    expect(screen.queryByTestId("nav-workshop-mode"), "Workshop mode is still to come").toBeNull();

    expect(screen.getByTestId("export-count-processes").textContent).toBe("25");
    expect(screen.getByTestId("export-count-resources").textContent).toBe(String(demoCount("list_resources")));
    expect(screen.getByTestId("export-count-dependencies").textContent).toBe(String(demoCount("list_dependencies")));
    const sheets = within(screen.getByTestId("export-sheets")).getAllByRole("listitem");
    expect(sheets.map((s) => s.querySelector("strong")?.textContent)).toEqual([
      "Summary",
      "Processes",
      "Impact",
      "Objectives",
      "Resources",
      "Dependencies",
      "Gaps",
      "Decision log",
      "Methodology",
    ]);
    expect(screen.getByTestId("export-status").getAttribute("role")).toBe("status");
  });

  it("File ▸ Export Workbook… from another screen opens the Export screen, asks where, and saves there", async () => {
    await openDemoOn("gaps");
    dialog.save.mockResolvedValueOnce(SAVED);
    await emit("menu", { action: "export" });

    await screen.findByTestId("export-screen");
    expect(screen.getByTestId("nav-export").getAttribute("aria-current")).toBe("page");
    const saved = await screen.findByTestId("export-saved");
    expect(saved.textContent).toBe(`Saved to ${SAVED}`);
    expect(dialog.save).toHaveBeenCalledTimes(1);
    expect(dialog.save.mock.calls[0][0]).toEqual({
      title: "Export workbook",
      defaultPath: `${NAME}.xlsx`,
      filters: [{ name: "Excel workbook", extensions: ["xlsx"] }],
    });
    expect(exportCalls()).toEqual([SAVED]);
    expect(screen.getByTestId("export-result").textContent).toContain(
      `9 sheets · 25 processes · ${demoCount("list_resources")} resources · ${demoCount("list_dependencies")} dependencies`,
    );
    // The keyboard carries on from the result.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("export-reveal")));
  });

  it("adds .xlsx to a name typed without it", async () => {
    await openDemoOn("export");
    await exportTo(`${DOCUMENTS}/Board pack March`);
    expect((await screen.findByTestId("export-saved")).textContent).toBe(`Saved to ${DOCUMENTS}/Board pack March.xlsx`);
    expect(exportCalls()).toEqual([`${DOCUMENTS}/Board pack March.xlsx`]);
  });

  it("shows the core's progress while it writes, with the button disabled until it is done", async () => {
    await openDemoOn("export");
    const listening = recordExportListening();
    // The core's steps, held one by one.
    const steps: Array<{ payload: unknown; go: () => void }> = [];
    h.backend.beforeEvent = (_, payload) => new Promise<void>((go) => steps.push({ payload, go }));
    const next = async () => {
      const n = steps.length;
      steps[n - 1].go();
      await waitFor(() => expect(steps.length).toBeGreaterThan(n));
    };
    await exportTo(SAVED);

    // Under way, before the core's first step.
    const status = screen.getByTestId("export-status");
    await waitFor(() => expect(steps).toHaveLength(1));
    await waitFor(() => expect(within(status).getByRole("progressbar")).toBeTruthy());
    expect(screen.getByTestId("export-step").textContent).toBe("Preparing the workbook…");
    expect(exportButton().disabled).toBe(true);

    // On to the core's third step, "Writing Impact".
    while (steps.length < 4) await next();
    expect(steps[2].payload).toEqual({ done: 2, total: 10, step: "Writing Impact" });
    const bar = await within(status).findByRole("progressbar");
    await waitFor(() => expect(bar.getAttribute("aria-valuenow")).toBe("2"));
    expect(bar.getAttribute("aria-valuemax")).toBe("10");
    expect(bar.getAttribute("aria-valuetext")).toBe("Writing Impact: step 3 of 10");
    expect(screen.getByTestId("export-step").textContent).toBe("Writing Impact…");
    expect(status.textContent).toContain("20 %");

    while (steps.length < 11) await next();
    expect(steps[9].payload).toEqual({ done: 9, total: 10, step: "Saving the workbook" });
    await waitFor(() => expect(within(status).getByRole("progressbar").getAttribute("aria-valuenow")).toBe("9"));
    expect(screen.getByTestId("export-step").textContent).toBe("Saving the workbook…");
    // A second export cannot start meanwhile, not even from the menu.
    await emit("menu", { action: "export" });
    expect(dialog.save).toHaveBeenCalledTimes(1);

    steps[10].go();
    await screen.findByTestId("export-saved");
    expect(within(status).queryByRole("progressbar")).toBeNull();
    expect(exportButton().disabled).toBe(false);
    // Listening before asking for the export, so no step is missed, and no longer once it is over.
    expect(listening).toEqual(["listen", "export_workbook", "unlisten"]);
    await emit("export-progress", { done: 3, total: 10, step: "Writing Objectives" });
    expect(within(status).queryByRole("progressbar")).toBeNull();
    expect(screen.getByTestId("export-saved").textContent).toBe(`Saved to ${SAVED}`);
  });

  it("shows the saved workbook in its folder, and says why when it cannot", async () => {
    await openDemoOn("export");
    await exportTo(SAVED);
    await fireEvent.click(await screen.findByTestId("export-reveal"));
    await waitFor(() => expect(h.args.filter((a) => a.cmd === "reveal_in_folder").map((a) => a.args)).toEqual([{ path: SAVED }]));
    expect(screen.queryByTestId("export-reveal-error")).toBeNull();

    // The file was moved away since: the shell's refusal, as recorded.
    h.backend.written.delete(SAVED);
    await fireEvent.click(screen.getByTestId("export-reveal"));
    const error = await screen.findByTestId("export-reveal-error");
    expect(error.textContent).toBe(`${SAVED}: could not show it in its folder (No such file or directory (os error 2))`);
    expect(screen.getByTestId("export-saved").textContent, "the result stays").toBe(`Saved to ${SAVED}`);
  });

  it("lists the cells the core had to cut", async () => {
    await openDemoOn("export");
    // Complaints handling's description, made longer than a cell holds on another screen.
    const complaints = h.backend.current<Process[]>("list_processes").find((p) => p.name === "Complaints handling")!;
    const { id, provenance: _p, created_at: _c, updated_at: _u, ...input } = complaints;
    await api.updateProcess(id, { ...input, description: "Complaints are logged by hand from e-mail. ".repeat(1000) });
    await exportTo(SAVED);
    const warnings = await screen.findAllByTestId("export-warning");
    expect(warnings.map((w) => w.textContent)).toEqual([
      "Processes!F7: 42999 characters, more than a cell holds (32767); cut with a marker",
    ]);
    expect(screen.getByTestId("export-warnings").textContent).toContain("One text was longer than an Excel cell holds");
  });

  it("does nothing when the dialog is cancelled", async () => {
    await openDemoOn("export");
    await exportTo(SAVED);
    await screen.findByTestId("export-saved");

    await exportTo(null);
    await waitFor(() => expect(dialog.save).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(exportButton().disabled).toBe(false));
    expect(exportCalls(), "no second export").toEqual([SAVED]);
    expect(screen.getByTestId("export-saved").textContent, "the last result stays").toBe(`Saved to ${SAVED}`);
    expect(screen.queryByTestId("export-error")).toBeNull();
  });

  it("shows the core's error, changes nothing else, and lets the user try again", async () => {
    await openDemoOn("export");
    // A share that is not mounted: the folder is gone.
    const unmounted = `${DOCUMENTS}/Old share/${NAME}.xlsx`;
    await exportTo(unmounted);
    const banner = await within(await screen.findByTestId("export-error")).findByRole("alert");
    expect(banner.textContent).toContain(`${unmounted}: No such file or directory (os error 2)`);
    expect(banner.textContent).toContain("The file could not be read or written");
    expect(screen.queryByTestId("export-saved")).toBeNull();
    expect(within(screen.getByTestId("export-status")).queryByRole("progressbar")).toBeNull();
    expect(screen.getByTestId("assessment-name").textContent, "the assessment stays open").toBe(NAME);
    await waitFor(() => expect(document.activeElement, "the focus is back on the button").toBe(exportButton()));

    // Not an .xlsx: the core's own words.
    await exportTo(`${DOCUMENTS}/board.xls`);
    await waitFor(() =>
      expect(screen.getByTestId("export-error").textContent).toContain(`${DOCUMENTS}/board.xls: export the workbook as .xlsx`),
    );

    // And again, somewhere it can write.
    expect(exportButton().disabled).toBe(false);
    await exportTo(SAVED);
    expect((await screen.findByTestId("export-saved")).textContent).toBe(`Saved to ${SAVED}`);
    expect(screen.queryByTestId("export-error")).toBeNull();
    expect(exportCalls()).toEqual([unmounted, `${DOCUMENTS}/board.xls`, SAVED]);
  });
});
