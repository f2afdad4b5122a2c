// Tests of the workbook's file rules: the name the save dialog suggests (the assessment's own name, safe on any
// file system), ".xlsx" added to a bare name, the dialog's title and filter, and the fake's export as the core
// does it (a step per sheet, its refusals, the report and its warnings).
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ExportProgress } from "./bindings/ExportProgress";
import { FakeBackend } from "../testing/fakeBackend";
import { CELL_LIMIT } from "../testing/fakeExport";
import { WORKBOOK_SHEETS, chooseWorkbookPath, withXlsxExtension, workbookFileName } from "./workbookFiles";

const dialog = vi.hoisted(() => ({ save: vi.fn() }));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);

afterEach(() => dialog.save.mockReset());

describe("workbook file names", () => {
  it("suggests the assessment's name, as it is when it is already a good file name", () => {
    expect(workbookFileName("Harbourline Logistics — BIA 2026")).toBe("Harbourline Logistics — BIA 2026.xlsx");
    expect(workbookFileName("Zoll-Abwicklung Köln 2025")).toBe("Zoll-Abwicklung Köln 2025.xlsx");
  });

  it("replaces what a file system refuses, so the dialog never starts in another folder or fails", () => {
    expect(workbookFileName("Ops/IT: Q3 review")).toBe("Ops-IT Q3 review.xlsx");
    expect(workbookFileName('..\\..\\etc\\passwd')).toBe("-..-etc-passwd.xlsx");
    expect(workbookFileName('What "if"? <draft> *v2*|final')).toBe("What if draft v2 -final.xlsx");
    expect(workbookFileName("Tabs\tand\nnew lines")).toBe("Tabs and new lines.xlsx");
    // Hidden files and Windows' trailing dots and spaces.
    expect(workbookFileName(".hidden plan")).toBe("hidden plan.xlsx");
    expect(workbookFileName("Board pack v1.")).toBe("Board pack v1.xlsx");
  });

  it("falls back to a plain name when nothing usable is left, and avoids Windows' device names", () => {
    expect(workbookFileName("   ")).toBe("BIA workbook.xlsx");
    expect(workbookFileName("???")).toBe("BIA workbook.xlsx");
    expect(workbookFileName("CON")).toBe("CON workbook.xlsx");
    expect(workbookFileName("Nul")).toBe("Nul workbook.xlsx");
  });

  it("keeps long names to a length every file system takes, without splitting a character", () => {
    const name = workbookFileName("🚚".repeat(300));
    expect(Array.from(name.replace(/\.xlsx$/, ""))).toHaveLength(120);
    expect(name.replace(/\.xlsx$/, "")).toBe("🚚".repeat(120));
  });

  it("adds .xlsx only when the chosen name has no extension", () => {
    expect(withXlsxExtension("/home/morgan/Documents/Harbourline Logistics — BIA 2026")).toBe(
      "/home/morgan/Documents/Harbourline Logistics — BIA 2026.xlsx",
    );
    expect(withXlsxExtension("/home/morgan/Documents/board.xlsx")).toBe("/home/morgan/Documents/board.xlsx");
    expect(withXlsxExtension("C:\\Users\\morgan\\Board.XLSX")).toBe("C:\\Users\\morgan\\Board.XLSX");
    // A version number is not an extension; a folder's dot does not count.
    expect(withXlsxExtension("/home/morgan/Review v1.2")).toBe("/home/morgan/Review v1.2.xlsx");
    expect(withXlsxExtension("/home/morgan/v1.d/board")).toBe("/home/morgan/v1.d/board.xlsx");
    // Another extension is left for the core to refuse with its own message.
    expect(withXlsxExtension("/home/morgan/board.xls")).toBe("/home/morgan/board.xls");
  });

  it("asks with the workbook's title, name and filter, and answers null when cancelled", async () => {
    dialog.save.mockResolvedValueOnce("/home/morgan/Documents/Harbourline board");
    expect(await chooseWorkbookPath("Harbourline Logistics — BIA 2026")).toBe("/home/morgan/Documents/Harbourline board.xlsx");
    expect(dialog.save).toHaveBeenCalledWith({
      title: "Export workbook",
      defaultPath: "Harbourline Logistics — BIA 2026.xlsx",
      filters: [{ name: "Excel workbook", extensions: ["xlsx"] }],
    });
    dialog.save.mockResolvedValueOnce(null);
    expect(await chooseWorkbookPath("Harbourline Logistics — BIA 2026")).toBeNull();
  });
});

describe("the fake's export", () => {
  function demo(): { backend: FakeBackend; events: ExportProgress[] } {
    const backend = new FakeBackend();
    backend.handle("open_demo", {});
    const events: ExportProgress[] = [];
    backend.emit = (event, payload) => {
      expect(event).toBe("export-progress");
      events.push(payload as ExportProgress);
    };
    return { backend, events };
  }
  const exportTo = (backend: FakeBackend, path: string) => backend.handle("export_workbook", { path }) as Promise<unknown>;

  it("reports a step per sheet, then saving, then done, and answers the report of the open assessment", async () => {
    const { backend, events } = demo();
    const data = backend.file!.data;
    const path = "/home/morgan/Documents/Halden Freight — BIA 2025.xlsx";
    expect(await exportTo(backend, path)).toEqual({
      path,
      sheets: WORKBOOK_SHEETS.map((s) => s.name),
      processes: data.processes.length,
      resources: data.resources.length,
      dependencies: data.dependencies.length,
      warnings: [],
    });
    expect(events.map((e) => e.step)).toEqual([
      "Writing Summary",
      "Writing Processes",
      "Writing Impact",
      "Writing Objectives",
      "Writing Resources",
      "Writing Dependencies",
      "Writing Gaps",
      "Writing Decision log",
      "Writing Methodology",
      "Saving the workbook",
      "Done",
    ]);
    expect(events.map((e) => `${e.done}/${e.total}`)).toEqual(["0/10", "1/10", "2/10", "3/10", "4/10", "5/10", "6/10", "7/10", "8/10", "9/10", "10/10"]);
    expect(backend.exported).toEqual([path]);
  });

  it("refuses another extension before writing anything, and fails on a folder it cannot write", async () => {
    const { backend, events } = demo();
    await expect(exportTo(backend, "/home/morgan/board.xls")).rejects.toMatchObject({
      code: "export_format",
      message: "/home/morgan/board.xls: export the workbook as .xlsx",
    });
    expect(events).toEqual([]);
    await expect(exportTo(backend, "/mnt/read-only/board.xlsx")).rejects.toMatchObject({ code: "io" });
    expect(events.at(-1)?.step).toBe("Saving the workbook");
    expect(backend.exported).toEqual([]);
  });

  it("warns of each text longer than a cell, by its cell on the Processes sheet", async () => {
    const { backend } = demo();
    const processes = backend.file!.data.processes;
    processes[2].notes = "n".repeat(CELL_LIMIT + 1);
    processes[0].description = "d".repeat(40_000);
    const report = (await exportTo(backend, "/home/morgan/board.xlsx")) as { warnings: string[] };
    expect(report.warnings).toEqual([
      "Processes!F5: 40000 characters, more than a cell holds (32767); cut with a marker",
      "Processes!J7: 32768 characters, more than a cell holds (32767); cut with a marker",
    ]);
  });

  it("shows only a workbook it wrote in its folder", async () => {
    const { backend } = demo();
    await exportTo(backend, "/home/morgan/board.xlsx");
    expect(backend.handle("reveal_in_folder", { path: "/home/morgan/board.xlsx" })).toBeNull();
    expect(() => backend.handle("reveal_in_folder", { path: "/home/morgan/other.xlsx" })).toThrow();
    expect(backend.revealed).toEqual(["/home/morgan/board.xlsx"]);
  });
});
