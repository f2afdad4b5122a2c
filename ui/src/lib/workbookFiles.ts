// The executive workbook on disk, as the Export screen presents it: what each
// of its nine sheets holds (in plain words, for the people it is sent to), the
// file name the save dialog suggests (the assessment's name, made safe for any
// file system), and the rule that a name typed without an extension is saved
// as .xlsx. Writing the workbook is the core's (`api.exportWorkbook`); the
// running export is `workbookExport.svelte.ts`.
import { save } from "@tauri-apps/plugin-dialog";

export const XLSX_FILTER = { name: "Excel workbook", extensions: ["xlsx"] };

/** The workbook's sheets in the order the core writes them, each with one line on what it holds. */
export const WORKBOOK_SHEETS: ReadonlyArray<{ name: string; holds: string }> = [
  { name: "Summary", holds: "The assessment at a glance: counts, tiers, the most urgent processes." },
  { name: "Processes", holds: "Every process with its unit, owner, workaround and review status." },
  { name: "Impact", holds: "How the harm of an outage grows over time, category by category." },
  { name: "Objectives", holds: "The agreed recovery targets (MTPD, RTO, RPO, WRT, MBCO) and tiers." },
  { name: "Resources", holds: "Systems, people, sites and suppliers: what they can deliver." },
  { name: "Dependencies", holds: "Who relies on what, one line per dependency." },
  { name: "Gaps", holds: "Where a resource cannot recover as fast as needed, worst first." },
  { name: "Decision log", holds: "Every change to a target or a status: what, when, why and by whom." },
  { name: "Methodology", holds: "How impact was scored: categories, scale, horizons and tiers." },
];

/** Characters a file name cannot hold on Windows, macOS or Linux, with what stands in for them. */
const SEPARATORS = /[/\\|]+/g;
const FORBIDDEN = /[\p{Cc}<>:"*?]+/gu;
/** Names Windows keeps for devices, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_STEM = 120;

/**
 * The file name the save dialog suggests: the assessment's name as a file
 * name any system accepts — "Harbourline Logistics — BIA 2026" stays as it
 * is, "Ops/IT: Q3 review" becomes "Ops-IT Q3 review" — with ".xlsx".
 */
export function workbookFileName(assessmentName: string): string {
  const cleaned = assessmentName
    .normalize("NFC")
    .replace(SEPARATORS, "-")
    .replace(FORBIDDEN, " ")
    .replace(/\s+/g, " ")
    .trim()
    // No hidden file; Windows drops trailing dots and spaces.
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  const stem = Array.from(cleaned).slice(0, MAX_STEM).join("").trim();
  if (stem === "") return "BIA workbook.xlsx";
  return RESERVED.test(stem) ? `${stem} workbook.xlsx` : `${stem}.xlsx`;
}

/**
 * A path with ".xlsx" added when the chosen name has no extension: "BIA 2026"
 * and "Review v1.2" get one, "board.xlsx" keeps its own, and so does
 * "board.xls" — which the core refuses with a message saying to use .xlsx.
 */
export function withXlsxExtension(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return /\.\p{L}[\p{L}\p{N}]{0,4}$/u.test(name) ? path : `${path}.xlsx`;
}

/** Asks where to save the workbook of the assessment called `assessmentName`; null when cancelled. */
export async function chooseWorkbookPath(assessmentName: string): Promise<string | null> {
  const path = await save({
    title: "Export workbook",
    defaultPath: workbookFileName(assessmentName),
    filters: [XLSX_FILTER],
  });
  return path ? withXlsxExtension(path) : null;
}
