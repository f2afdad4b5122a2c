// What a file dragged onto the window means: the first spreadsheet of what is
// dropped (saying so when there were several), a plain refusal of anything
// else, the overlay's words while files are held over the window, and how the
// webview's drag events become "holding" and "dropped".
import { describe, expect, it } from "vitest";
import { dragStep } from "./fileDrops";
import { baseName, droppedSpreadsheet, dropHint, isAssessmentFile, isSpreadsheet } from "./spreadsheetFiles";

describe("spreadsheet files", () => {
  it("knows the formats the core reads, whatever the case", () => {
    for (const name of ["a.xlsx", "B.XLSM", "c.xlsb", "d.xls", "e.ods", "f.csv", "/x/y/Finance BIA 2024.xlsx", "C:\\BIA\\old.XLS"])
      expect(isSpreadsheet(name), name).toBe(true);
    for (const name of ["notes.pdf", "assessment.bia", "archive.zip", "xlsx", ".csv", "/home/dana/Documents", "report.xlsx.pdf"])
      expect(isSpreadsheet(name), name).toBe(false);
  });

  it("knows an assessment file, which File ▸ Import… merges like an import", () => {
    for (const name of ["Leeds site BIA.bia", "/home/dana/old.BIA", "C:\\BIA\\leeds.bia"]) expect(isAssessmentFile(name), name).toBe(true);
    for (const name of ["Leeds site BIA.xlsx", "bia", "/home/dana/bia/", "notes.bia.pdf"]) expect(isAssessmentFile(name), name).toBe(false);
  });

  it("names a file by its last part, on any system", () => {
    expect(baseName("/home/dana/Finance BIA 2024.xlsx")).toBe("Finance BIA 2024.xlsx");
    expect(baseName("C:\\Users\\Dana\\BIA.csv")).toBe("BIA.csv");
    expect(baseName("/home/dana/folder/")).toBe("folder");
  });

  it("takes one dropped spreadsheet as it is", () => {
    expect(droppedSpreadsheet(["/home/dana/Finance BIA 2024.xlsx"])).toEqual({ ok: true, path: "/home/dana/Finance BIA 2024.xlsx", note: null });
  });

  it("takes the first of several and says the others were left aside", () => {
    const dropped = droppedSpreadsheet(["/d/Finance.xlsx", "/d/HR.xlsx", "/d/IT.csv"]);
    expect(dropped).toEqual({
      ok: true,
      path: "/d/Finance.xlsx",
      note: "3 files were dropped; importing the first, “Finance.xlsx”. Drop the other 2 on its own to import them.",
    });
    const two = droppedSpreadsheet(["/d/Finance.xlsx", "/d/HR.xlsx"]);
    expect(two.ok && two.note).toBe("2 files were dropped; importing the first, “Finance.xlsx”. Drop the other one on its own to import it.");
  });

  it("skips what is not a spreadsheet to the first that is", () => {
    const dropped = droppedSpreadsheet(["/d/cover letter.pdf", "/d/Finance.xlsx"]);
    expect(dropped.ok && dropped.path).toBe("/d/Finance.xlsx");
    expect(dropped.ok && dropped.note).toContain("importing the first spreadsheet, “Finance.xlsx”");
  });

  it("refuses a file that is not a spreadsheet, naming it and the formats", () => {
    expect(droppedSpreadsheet(["/d/BIA summary.pdf"])).toEqual({
      ok: false,
      message: "“BIA summary.pdf” is not a spreadsheet: import reads .xlsx, .xlsm, .xlsb, .xls, .ods and .csv.",
    });
    expect(droppedSpreadsheet(["/d/a.pdf", "/d/b.docx"])).toEqual({
      ok: false,
      message: "None of the 2 files dropped is a spreadsheet: import reads .xlsx, .xlsm, .xlsb, .xls, .ods and .csv.",
    });
    expect(droppedSpreadsheet([]).ok).toBe(false);
  });

  it("tells what a drop would do while the files are held over the window", () => {
    expect(dropHint(["/d/Finance BIA 2024.xlsx"])).toEqual({
      accepted: true,
      title: "Drop to import “Finance BIA 2024.xlsx”",
      detail: "You see a preview first; nothing changes until you press Import.",
    });
    expect(dropHint(["/d/a.csv", "/d/b.csv"]).detail).toBe("2 files: only “a.csv” is read.");
    const refused = dropHint(["/d/photo.png"]);
    expect(refused.accepted).toBe(false);
    expect(refused.title).toBe("Not a spreadsheet");
  });
});

describe("drag steps", () => {
  it("holds the entering files while they move over the window, and hands them over on drop", () => {
    const enter = dragStep(null, { type: "enter", paths: ["/d/Finance.xlsx"] });
    expect(enter).toEqual({ holding: ["/d/Finance.xlsx"], dropped: null });
    const over = dragStep(enter.holding, { type: "over" });
    expect(over).toEqual({ holding: ["/d/Finance.xlsx"], dropped: null });
    expect(dragStep(over.holding, { type: "drop", paths: ["/d/Finance.xlsx"] })).toEqual({ holding: null, dropped: ["/d/Finance.xlsx"] });
  });

  it("forgets the files when the drag leaves the window", () => {
    expect(dragStep(["/d/Finance.xlsx"], { type: "leave" })).toEqual({ holding: null, dropped: null });
  });
});
