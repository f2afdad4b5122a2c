// The test double's "Export…": the core's steps as `export-progress` events
// (one per sheet, then saving, then done), the core's refusals (a path not
// ending in .xlsx is `export_format`; a folder that cannot be written, here any
// path with "read-only" in it, fails with `io` once the sheets are built, as a
// real disk does), and the report — the nine sheets, the counts, and a
// warning for each process text longer than an Excel cell, named by its cell
// on the Processes sheet as the core names it. Nothing is written anywhere;
// the real workbook is the Rust core's.
import type { ApiError } from "../lib/bindings/ApiError";
import type { ErrorCode } from "../lib/bindings/ErrorCode";
import type { ExportProgress } from "../lib/bindings/ExportProgress";
import type { ExportReport } from "../lib/bindings/ExportReport";
import type { Dependency } from "../lib/bindings/Dependency";
import type { Process } from "../lib/bindings/Process";
import type { Resource } from "../lib/bindings/Resource";
import { WORKBOOK_SHEETS } from "../lib/workbookFiles";

/** The most characters an Excel cell holds. */
export const CELL_LIMIT = 32_767;

/** What a workbook is written from. */
export interface FakeExportData {
  processes: Process[];
  resources: Resource[];
  dependencies: Dependency[];
}

function fail(code: ErrorCode, message: string): never {
  const error: ApiError = { code, message, details: null };
  throw error;
}

/** The core's refusal of a path before anything is written. */
export function checkWorkbookPath(path: string): void {
  if (!/\.xlsx$/i.test(path)) fail("export_format", `${path}: export the workbook as .xlsx`);
}

/** The texts of the Processes sheet that the core would cut, as its warnings ("Processes!F5: …"). */
export function fakeExportWarnings(processes: readonly Process[]): string[] {
  // Columns of the Processes sheet: F description, G peak periods, I workaround, J notes; data from row 5.
  const columns: Array<[string, keyof Process]> = [
    ["F", "description"],
    ["G", "peak_periods"],
    ["I", "workaround"],
    ["J", "notes"],
  ];
  const warnings: string[] = [];
  processes.forEach((p, i) => {
    for (const [column, field] of columns) {
      const chars = Array.from(String(p[field])).length;
      if (chars > CELL_LIMIT)
        warnings.push(`Processes!${column}${i + 5}: ${chars} characters, more than a cell holds (${CELL_LIMIT}); cut with a marker`);
    }
  });
  return warnings;
}

/**
 * Writes (pretends to) the workbook of `data` to `path`: reports each step
 * through `progress`, waiting `stepMs` between them (0: no wait, all at once),
 * and answers the core's report or rejects with its error.
 */
export async function fakeExportWorkbook(
  data: FakeExportData,
  path: string,
  progress: (p: ExportProgress) => void,
  stepMs = 0,
): Promise<ExportReport> {
  checkWorkbookPath(path);
  const pause = () => (stepMs > 0 ? new Promise<void>((r) => setTimeout(r, stepMs)) : undefined);
  const total = WORKBOOK_SHEETS.length + 1;
  for (const [i, sheet] of WORKBOOK_SHEETS.entries()) {
    progress({ done: i, total, step: `Writing ${sheet.name}` });
    await pause();
  }
  progress({ done: total - 1, total, step: "Saving the workbook" });
  await pause();
  if (/read-?only/i.test(path)) fail("io", `${path}: Permission denied (os error 13)`);
  progress({ done: total, total, step: "Done" });
  return {
    path,
    sheets: WORKBOOK_SHEETS.map((s) => s.name),
    processes: data.processes.length,
    resources: data.resources.length,
    dependencies: data.dependencies.length,
    warnings: fakeExportWarnings(data.processes),
  };
}
