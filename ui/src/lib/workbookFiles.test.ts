// Tests of the workbook's file rules: the name the save dialog suggests (the assessment's own name, safe on any
// file system), ".xlsx" added to a bare name, and the dialog's title and filter.
import { afterEach, describe, expect, it, vi } from "vitest";
import { chooseWorkbookPath, withXlsxExtension, workbookFileName } from "./workbookFiles";

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
