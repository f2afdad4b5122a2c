// Spreadsheets to import, as the Import screen receives them: the formats the
// core reads, the native open dialog ("Choose a spreadsheet…"), and what a
// file dragged onto the window means — the overlay's words while it is held
// over the window, and on drop the one file to preview (the first
// spreadsheet of several, saying so) or a plain refusal of anything else. The
// dialog also offers assessment files (.bia), which the workspace sends to the
// Merge screen, merged like an import.
// Pure apart from the dialog; listening to the webview's drag-and-drop events
// is `dropListener.ts`. Reading the workbook is the core's (`api.planImport`).
import { open } from "@tauri-apps/plugin-dialog";
import { BIA_FILTER } from "./fileDialogs";

/** The extensions the core's readers understand (calamine and the CSV reader). */
export const SPREADSHEET_EXTENSIONS = ["xlsx", "xlsm", "xlsb", "xls", "ods", "csv"] as const;

export const SPREADSHEET_FILTER = { name: "Spreadsheet", extensions: [...SPREADSHEET_EXTENSIONS] };

/** "…: import reads .xlsx, .xlsm, .xlsb, .xls, .ods and .csv." */
export const FORMATS_SENTENCE = `${SPREADSHEET_EXTENSIONS.slice(0, -1)
  .map((e) => `.${e}`)
  .join(", ")} and .${SPREADSHEET_EXTENSIONS.at(-1)}`;

/** The last part of a path, on any system: "Finance BIA 2024.xlsx". */
export function baseName(path: string): string {
  return path.split(/[\\/]/).filter((p) => p !== "").pop() ?? path;
}

/** Whether the file's extension is one the core reads (case does not matter). */
export function isSpreadsheet(path: string): boolean {
  const name = baseName(path);
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return false;
  return (SPREADSHEET_EXTENSIONS as readonly string[]).includes(name.slice(dot + 1).toLowerCase());
}

/** What a drop means: a file to preview (with a note when others were left aside), or why nothing happens. */
export type DropOutcome = { ok: true; path: string; note: string | null } | { ok: false; message: string };

/**
 * The file to import from the paths dropped on the window: the first
 * spreadsheet. Several files: that one, and a note saying the others were
 * left aside. No spreadsheet among them: a message naming what was dropped.
 */
export function droppedSpreadsheet(paths: readonly string[]): DropOutcome {
  if (paths.length === 0) return { ok: false, message: `Nothing was dropped that can be imported: drop a spreadsheet (${FORMATS_SENTENCE}).` };
  const index = paths.findIndex(isSpreadsheet);
  if (index < 0) {
    const what = paths.length === 1 ? `“${baseName(paths[0])}” is not a spreadsheet` : `None of the ${paths.length} files dropped is a spreadsheet`;
    return { ok: false, message: `${what}: import reads ${FORMATS_SENTENCE}.` };
  }
  const path = paths[index];
  if (paths.length === 1) return { ok: true, path, note: null };
  const others = paths.length - 1;
  const note = `${paths.length} files were dropped; importing ${index === 0 ? "the first" : "the first spreadsheet"}, “${baseName(path)}”. Drop the ${others === 1 ? "other one" : `other ${others}`} on its own to import ${others === 1 ? "it" : "them"}.`;
  return { ok: true, path, note };
}

/** What the drop overlay says while files are held over the window. */
export function dropHint(paths: readonly string[]): { accepted: boolean; title: string; detail: string } {
  const outcome = droppedSpreadsheet(paths);
  if (!outcome.ok) return { accepted: false, title: "Not a spreadsheet", detail: outcome.message };
  const name = baseName(outcome.path);
  return {
    accepted: true,
    title: `Drop to import “${name}”`,
    detail: paths.length > 1 ? `${paths.length} files: only “${name}” is read.` : "You see a preview first; nothing changes until you press Import.",
  };
}

/** An assessment file (.bia, case aside): File ▸ Import… merges it like an import instead of planning its columns. */
export function isAssessmentFile(path: string): boolean {
  return /\.bia$/i.test(baseName(path));
}

/** What File ▸ Import… offers: either kind at once, then each on its own. */
export const IMPORT_FILTERS = [
  { name: "Spreadsheet or assessment", extensions: [...SPREADSHEET_EXTENSIONS, "bia"] },
  SPREADSHEET_FILTER,
  BIA_FILTER,
];

/** Asks which spreadsheet (or assessment file, merged like an import) to import; null when cancelled. */
export async function chooseSpreadsheetPath(): Promise<string | null> {
  const path = await open({ title: "Import a spreadsheet or an assessment", multiple: false, directory: false, filters: IMPORT_FILTERS });
  return typeof path === "string" ? path : null;
}
