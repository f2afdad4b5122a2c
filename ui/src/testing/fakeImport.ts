// The test double's "Import…": a legacy BIA workbook held in memory — "Finance
// BIA 2024.xlsx", a title block over the Finance department's table
// (Process / Owner / RTO (hrs) / RPO / Key Systems / Criticality / Shoe size,
// a range, a bare number with no unit, a text that is no duration, a footer
// row), and a sheet of lookup lists with no table — planned the way the core
// plans one (header under the title, columns by a small synonym table or the
// user's choices, the sheet's name as the unit, issues with their cells,
// repeats counted at the first), applied to a snapshot as one edit, and the
// cells around an issue. A file that is not a spreadsheet, a protected one
// and a missing one fail with the core's codes. The real import is the Rust
// core's (`excel::import`); this keeps only what the screen needs to be shown.
import type { ApiError } from "../lib/bindings/ApiError";
import type { ErrorCode } from "../lib/bindings/ErrorCode";
import type { CellContext } from "../lib/bindings/CellContext";
import type { Dependency } from "../lib/bindings/Dependency";
import type { ImportApplied } from "../lib/bindings/ImportApplied";
import type { ImportColumn } from "../lib/bindings/ImportColumn";
import type { ImportColumnChoice } from "../lib/bindings/ImportColumnChoice";
import type { ImportDependency } from "../lib/bindings/ImportDependency";
import type { ImportField } from "../lib/bindings/ImportField";
import type { ImportFormat } from "../lib/bindings/ImportFormat";
import type { ImportIssue } from "../lib/bindings/ImportIssue";
import type { ImportPlan } from "../lib/bindings/ImportPlan";
import type { ImportProcess } from "../lib/bindings/ImportProcess";
import type { ImportResource } from "../lib/bindings/ImportResource";
import type { ImportTable } from "../lib/bindings/ImportTable";
import type { Methodology } from "../lib/bindings/Methodology";
import type { Objectives } from "../lib/bindings/Objectives";
import type { Process } from "../lib/bindings/Process";
import type { Resource } from "../lib/bindings/Resource";
import type { ResourceKind } from "../lib/bindings/ResourceKind";
import type { Score } from "../lib/bindings/Score";
import type { Spoken } from "../lib/bindings/Spoken";
import type { Unit } from "../lib/bindings/Unit";
import { DAY, HOUR } from "../lib/minutes";
import { baseName, FORMATS_SENTENCE, isSpreadsheet } from "../lib/spreadsheetFiles";

/** One sheet: rows from row 1, cells from column A, as text. */
export interface FakeSheet {
  name: string;
  rows: string[][];
}

export interface FakeWorkbook {
  format: ImportFormat;
  sheets: FakeSheet[];
}

/** A department's BIA as people keep them: a title block, a table, a footer; and a sheet of lists. */
export const FINANCE_WORKBOOK: FakeWorkbook = {
  format: "xlsx",
  sheets: [
    {
      name: "Finance",
      rows: [
        ["Finance Department — Business Impact Analysis 2024"],
        ["Prepared by: Dana Whitfield, March 2024"],
        [],
        ["Process", "Owner", "RTO (hrs)", "RPO", "Key Systems", "Criticality", "Shoe size"],
        ["Accounts payable", "Dana Whitfield", "24", "4", "SAP S/4HANA; Kofax", "High", "42"],
        ["Payroll", "Priya Raman", "4", "24", "ADP Workforce Now", "Critical", "39"],
        ["Month-end close", "Dana Whitfield", "1-3 days", "1", "SAP S/4HANA, BlackLine", "Medium", "44"],
        ["Treasury payments", "Tom Reyes", "soon", "", "Kyriba", "Critical", "41"],
        ["Expense claims", "", "48", "8", "SAP Concur", "Low", "38"],
        [],
        ["Total: 5 processes"],
      ],
    },
    {
      name: "Lists",
      rows: [["Criticality"], ["Low"], ["Medium"], ["High"], ["Critical"]],
    },
  ],
};

/** The workbooks "on disk", by file name (any folder). */
export const FAKE_WORKBOOKS: Record<string, FakeWorkbook> = { "Finance BIA 2024.xlsx": FINANCE_WORKBOOK };

/** What a plan is made against. */
export interface FakeAssessment {
  units: Unit[];
  processes: Process[];
  resources: Resource[];
  methodology: Methodology;
}

function fail(code: ErrorCode, message: string, details: unknown = null): never {
  const error: ApiError = { code, message, details };
  throw error;
}

const key = (name: string) => name.trim().replace(/\s+/g, " ").toLocaleLowerCase();

/** "A", "B", … "Z", "AA". */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The workbook at `path`, refused as the core refuses it. */
export function fakeReadWorkbook(path: string): FakeWorkbook {
  if (!isSpreadsheet(path)) fail("not_a_spreadsheet", `${path}: not a spreadsheet (unknown format); import reads ${FORMATS_SENTENCE}`, { path });
  if (/protected|encrypted/i.test(path))
    fail(
      "workbook_encrypted",
      `${path}: the workbook is protected by a password (encrypted); open it in Excel, remove the password (File › Info › Protect Workbook), save, and import that copy`,
      { path },
    );
  return FAKE_WORKBOOKS[baseName(path)] ?? fail("import_file_not_found", `${path}: no such file`, { path });
}

const SYNONYMS: ReadonlyArray<[RegExp, ImportField]> = [
  [/^(process|process name|business process|business function|activity)$/, { kind: "process" }],
  [/^(owner|process owner)$/, { kind: "owner" }],
  [/^(unit|department|business unit)$/, { kind: "unit" }],
  [/^description$/, { kind: "description" }],
  [/^notes?$/, { kind: "notes" }],
  [/^rto$/, { kind: "rto" }],
  [/^rpo$/, { kind: "rpo" }],
  [/^(mtpd|mtd|mao)$/, { kind: "mtpd" }],
  [/^(key systems|it applications|applications|supporting systems)$/, { kind: "dependency", resource: "application" }],
  [/^(vendors|suppliers|third parties)$/, { kind: "dependency", resource: "supplier" }],
  [/^(criticality|tier)$/, { kind: "criticality" }],
];

/** A header's field and the minutes per unit it states ("RTO (hrs)" → rto, 60). */
function classify(header: string): { field: ImportField; unit: number | null } | null {
  const unitText = /\((hrs?|hours?|days?|mins?|minutes)\)/i.exec(header)?.[1].toLowerCase() ?? null;
  const unit = unitText === null ? null : unitText.startsWith("d") ? DAY : unitText.startsWith("h") ? HOUR : 1;
  const words = header
    .replace(/\(.*?\)/g, " ")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  const found = SYNONYMS.find(([pattern]) => pattern.test(words));
  return found ? { field: found[1], unit } : null;
}

const spoken = (minutes: number, upper: number | null, unitStated: boolean): Spoken => ({
  minutes,
  upper,
  bound: upper === null ? "exact" : "range",
  business: false,
  unit_stated: unitStated,
  rounded: false,
});

/** A duration cell: a number in the header's unit (hours when none), a range, or a word form. */
function readDuration(text: string, unit: number | null): { value: Spoken } | { note: string; value: Spoken } | { error: string } {
  const t = text.trim().toLowerCase();
  const unitOf = (word: string | undefined) => (!word ? (unit ?? HOUR) : word.startsWith("d") ? DAY : word.startsWith("h") ? HOUR : 1);
  const number = /^(\d+(?:\.\d+)?)\s*(hours?|hrs?|h|days?|d|minutes?|mins?)?$/.exec(t);
  if (number) {
    const minutes = Math.round(Number(number[1]) * unitOf(number[2]));
    const value = spoken(minutes, null, !!number[2] || unit !== null);
    return number[2] || unit !== null ? { value } : { note: "a bare number with no unit in the cell or the header: read as hours", value };
  }
  const range = /^(\d+)\s*-\s*(\d+)\s*(hours?|hrs?|days?|d|h)?$/.exec(t);
  if (range) {
    const size = unitOf(range[3]);
    const value = spoken(Number(range[1]) * size, Number(range[2]) * size, true);
    return { note: `a range (“${text.trim()}”): the lower bound is kept as the objective`, value };
  }
  if (["immediate", "immediately", "asap", "0"].includes(t)) return { value: spoken(0, null, true) };
  return { error: `“${text.trim()}” is not a duration (write e.g. 4 hours, 1 day, 2-3 days); left empty` };
}

const EMPTY_INPUT = {
  unit_id: null,
  owner: "",
  description: "",
  peak_periods: "",
  minimum_staff: null as number | null,
  workaround: "",
  notes: "",
  status: "draft" as const,
};

/** The core's plan, in small: what importing `workbook` (at `path`) into `current` with `choices` would do. */
export function fakePlanImport(path: string, workbook: FakeWorkbook, current: FakeAssessment, choices: readonly ImportColumnChoice[]): ImportPlan {
  const file = baseName(path);
  const issues: ImportIssue[] = [];
  /** A cell's issue; the same message further down the same column counts as a repeat of the first. */
  const issue = (level: ImportIssue["level"], sheet: string, cell: string | null, message: string) => {
    const column = cell?.replace(/\d+$/, "");
    const first = issues.find((i) => i.sheet === sheet && i.message === message && i.cell?.replace(/\d+$/, "") === column && cell !== null);
    if (first) first.repeats += 1;
    else issues.push({ level, sheet, cell, address: cell ? `${sheet}!${cell}` : sheet, message, repeats: 0 });
  };
  const tables: ImportTable[] = [];
  const processes: ImportProcess[] = [];
  const resources: ImportResource[] = [];
  const dependencies: ImportDependency[] = [];
  const units: string[] = [];

  for (const sheet of workbook.sheets) {
    const headerIndex = sheet.rows.findIndex((row) => row.some((cell) => classify(cell)?.field.kind === "process"));
    if (headerIndex < 0) {
      issue("info", sheet.name, null, `Sheet “${sheet.name}” has no table of processes: skipped`);
      continue;
    }
    const headers = sheet.rows[headerIndex];
    const columns: ImportColumn[] = headers.map((header, i) => {
      const letter = columnLetter(i);
      const choice = [...choices].reverse().find((c) => (c.sheet === null || c.sheet === sheet.name) && (c.column === letter || c.column === header));
      const known = classify(header);
      if (choice) return { column: letter, header, band: null, field: choice.field, source: "user", unit: known?.unit ?? null };
      if (known) return { column: letter, header, band: null, field: known.field, source: "synonym", unit: known.unit };
      return { column: letter, header, band: null, field: { kind: "custom" }, source: "unmapped", unit: null };
    });
    const processColumn = columns.find((c) => c.field.kind === "process");
    const unitColumn = columns.some((c) => c.field.kind === "unit");
    let rows = 0;
    for (let r = headerIndex + 1; r < sheet.rows.length; r += 1) {
      const row = sheet.rows[r];
      if (row.every((cell) => cell.trim() === "")) continue;
      if (/^total\b/i.test(row.find((c) => c.trim() !== "") ?? "")) break;
      const number = r + 1;
      const cellOf = (c: ImportColumn) => `${c.column}${number}`;
      const text = (c: ImportColumn) => (row[columns.indexOf(c)] ?? "").trim();
      if (!processColumn) continue;
      const name = text(processColumn).replace(/\s+/g, " ");
      if (name === "") {
        issue("error", sheet.name, cellOf(processColumn), "no process name: the row is skipped");
        continue;
      }
      if (processes.some((p) => key(p.input.name) === key(name))) {
        issue("warning", sheet.name, cellOf(processColumn), `“${name}” appears twice: the rows are merged`);
        continue;
      }
      rows += 1;
      const input = { ...EMPTY_INPUT, name, custom_fields: [] as Array<{ name: string; value: string }> };
      let unit: string | null = unitColumn ? null : sheet.name;
      const objectives: Partial<Record<"rto" | "rpo" | "mtpd", Spoken>> = {};
      for (const column of columns) {
        const value = text(column);
        if (value === "" || column === processColumn) continue;
        const field = column.field;
        switch (field.kind) {
          case "owner":
          case "description":
          case "notes":
          case "peak_periods":
          case "workaround":
            input[field.kind] = value;
            break;
          case "unit":
            unit = value;
            break;
          case "minimum_staff":
            input.minimum_staff = /^\d+$/.test(value) ? Number(value) : null;
            if (input.minimum_staff === null) issue("warning", sheet.name, cellOf(column), `“${value}” is not a number of staff; left empty`);
            break;
          case "rto":
          case "rpo":
          case "mtpd": {
            const read = readDuration(value, column.unit);
            if ("error" in read) issue("error", sheet.name, cellOf(column), `${field.kind.toUpperCase()}: ${read.error}`);
            else {
              objectives[field.kind] = read.value;
              if ("note" in read) issue(read.value.upper === null ? "warning" : "info", sheet.name, cellOf(column), `${field.kind.toUpperCase()}: ${read.note}`);
            }
            break;
          }
          case "dependency":
          case "upstream_process":
            for (const target of [...new Set(value.split(/[;,\n]|\s\/\s/).map((t) => t.trim()).filter((t) => t !== ""))]) {
              if (field.kind === "upstream_process") {
                dependencies.push({ process: name, target: { kind: "process", name: target }, note: `${sheet.name}!${cellOf(column)}` });
                continue;
              }
              const kind: ResourceKind = field.resource;
              if (!resources.some((x) => x.kind === kind && key(x.name) === key(target))) {
                const existing = current.resources.find((x) => x.kind === kind && key(x.name) === key(target));
                resources.push({
                  kind,
                  name: existing?.name ?? target,
                  existing: existing?.id ?? null,
                  provenance: { kind: "imported", file, sheet: sheet.name, cell: cellOf(column) },
                });
              }
              dependencies.push({ process: name, target: { kind: "resource", resource: kind, name: target }, note: `${sheet.name}!${cellOf(column)}` });
            }
            break;
          case "ignore":
          case "impact":
          case "wrt":
          case "mbco":
            break;
          default:
            input.custom_fields.push({ name: column.header, value });
        }
      }
      if (unit && !current.units.some((u) => key(u.name) === key(unit!)) && !units.some((u) => key(u) === key(unit!))) units.push(unit);
      const existing = current.processes.find((p) => key(p.name) === key(name)) ?? null;
      const changes = existing
        ? (["owner", "description", "notes"] as const)
            .filter((f) => input[f] !== "" && input[f] !== existing[f])
            .map((f) => ({ field: f, old: existing[f], new: input[f], address: `${sheet.name}!${number}` }))
        : [];
      processes.push({
        action: existing ? (changes.length > 0 ? "update" : "unchanged") : "create",
        existing: existing?.id ?? null,
        unit,
        input,
        provenance: { kind: "imported", file, sheet: sheet.name, cell: cellOf(processColumn) },
        objectives:
          Object.keys(objectives).length === 0
            ? null
            : {
                mtpd: objectives.mtpd ?? null,
                rto: objectives.rto ?? null,
                rpo: objectives.rpo ?? null,
                rpo_not_applicable: false,
                wrt: null,
                mbco_percent: null,
                rationale: "",
                agreed_by: "",
                agreed_on: "",
                mtpd_override_reason: objectives.mtpd ? `Imported from ${file}` : "",
                provenance: { kind: "imported", file, sheet: sheet.name, cell: cellOf(processColumn) },
              },
        scores: [],
        changes,
        rows: [`${sheet.name}!A${number}`],
      });
    }
    if (!processColumn) issue("error", sheet.name, `${columnLetter(0)}${headerIndex + 1}`, "no column is the process name: map one to “Process name”");
    for (const c of columns)
      if (c.source === "unmapped")
        issue("info", sheet.name, `${c.column}${headerIndex + 1}`, `column “${c.header}” was not recognised: kept as a custom field`);
    tables.push({ sheet: sheet.name, header_row: headerIndex + 1, band_row: null, rows, columns });
  }
  if (tables.length === 0)
    fail("no_table", `${path}: no sheet has a header row naming the processes (a column such as "Process", "Business Function" or "Activity")`, { path });

  const count = (action: ImportProcess["action"]) => processes.filter((p) => p.action === action).length;
  return {
    file,
    format: workbook.format,
    tables,
    units,
    processes,
    resources,
    dependencies,
    unmapped: tables.flatMap((t) => t.columns.filter((c) => c.source === "unmapped").map((c) => ({ sheet: t.sheet, column: c.column, header: c.header }))),
    issues,
    counts: {
      processes_new: count("create"),
      processes_updated: count("update"),
      processes_unchanged: count("unchanged"),
      units_new: units.length,
      resources_new: resources.filter((r) => r.existing === null).length,
      dependencies_new: dependencies.length,
      scores: 0,
      objectives: processes.filter((p) => p.objectives !== null).length,
      custom_fields: processes.reduce((n, p) => n + p.input.custom_fields.length, 0),
      errors: issues.filter((i) => i.level === "error").length,
      warnings: issues.filter((i) => i.level === "warning").length,
    },
  };
}

/** What an import writes into. */
export interface FakeImportTarget extends FakeAssessment {
  dependencies: Dependency[];
  objectives: Objectives[];
  scores: Score[];
}

/** Writes `plan` into `d` (one edit of the caller's); `newId` names new rows. */
export function fakeApplyPlan(d: FakeImportTarget, plan: ImportPlan, newId: () => string, now: string): Omit<ImportApplied, "backup"> {
  const unitId = new Map<string, string>();
  for (const name of plan.units) {
    const unit = { id: newId(), name, parent_id: null };
    d.units.push(unit);
    unitId.set(key(name), unit.id);
  }
  const idOf = (unit: string | null) => (unit === null ? null : (unitId.get(key(unit)) ?? d.units.find((u) => key(u.name) === key(unit))?.id ?? null));
  const processId = new Map<string, string>();
  let created = 0;
  let updated = 0;
  for (const p of plan.processes) {
    if (p.action === "create") {
      const id = newId();
      d.processes.push({ ...p.input, unit_id: idOf(p.unit), id, provenance: p.provenance, created_at: now, updated_at: now });
      processId.set(key(p.input.name), id);
      created += 1;
    } else {
      const existing = d.processes.find((x) => x.id === p.existing)!;
      processId.set(key(p.input.name), existing.id);
      if (p.action === "update") {
        for (const c of p.changes) (existing as unknown as Record<string, string>)[c.field] = c.new;
        existing.updated_at = now;
        updated += 1;
      }
    }
    const id = processId.get(key(p.input.name))!;
    if (p.objectives && p.action !== "unchanged") {
      const o = p.objectives;
      d.objectives = d.objectives.filter((x) => x.process_id !== id);
      d.objectives.push({
        process_id: id,
        mtpd_override: o.mtpd?.minutes ?? null,
        mtpd_override_reason: o.mtpd_override_reason,
        rto: o.rto?.minutes ?? null,
        rpo: o.rpo?.minutes ?? null,
        rpo_not_applicable: o.rpo_not_applicable,
        wrt: o.wrt?.minutes ?? null,
        mbco_percent: o.mbco_percent,
        rationale: o.rationale,
        agreed_by: o.agreed_by,
        agreed_on: o.agreed_on,
        provenance: o.provenance,
      });
    }
  }
  let resourcesCreated = 0;
  const resourceId = new Map<string, string>();
  for (const r of plan.resources) {
    let id = r.existing;
    if (id === null) {
      id = newId();
      resourcesCreated += 1;
      d.resources.push({
        id,
        kind: r.kind,
        name: r.name,
        owner: "",
        description: "",
        rto_capability: null,
        rpo_capability: null,
        redundancy: "none",
        contractual_recovery: null,
        notes: "",
        custom_fields: [],
        provenance: r.provenance,
      });
    }
    resourceId.set(`${r.kind}:${key(r.name)}`, id);
  }
  let dependenciesCreated = 0;
  for (const dep of plan.dependencies) {
    const from = processId.get(key(dep.process));
    const to =
      dep.target.kind === "process"
        ? { kind: "process" as const, id: processId.get(key(dep.target.name)) ?? d.processes.find((p) => key(p.name) === key(dep.target.name))?.id }
        : { kind: "resource" as const, id: resourceId.get(`${dep.target.resource}:${key(dep.target.name)}`) };
    if (!from || !to.id || from === to.id || d.dependencies.some((x) => x.from.id === from && x.to.id === to.id)) continue;
    d.dependencies.push({ id: newId(), from: { kind: "process", id: from }, to: { kind: to.kind, id: to.id }, strength: "required", note: dep.note });
    dependenciesCreated += 1;
  }
  return {
    processes_created: created,
    processes_updated: updated,
    units_created: plan.units.length,
    resources_created: resourcesCreated,
    dependencies_created: dependenciesCreated,
    scores: 0,
    objectives: plan.processes.filter((p) => p.objectives && p.action !== "unchanged").length,
  };
}

/** The cells within three rows and columns of `cell` ("C8") on `sheet`, as the core shows them. */
export function fakeCellContext(path: string, workbook: FakeWorkbook, sheetName: string, cell: string): CellContext {
  const sheet = workbook.sheets.find((s) => s.name === sheetName) ?? fail("no_such_sheet", `${path}: no sheet named "${sheetName}"`);
  const match = /^([A-Z]+)(\d+)$/.exec(cell) ?? fail("invalid", `"${cell}" is not a cell like B7`);
  const col = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(match[2]) - 1;
  const AROUND = 3;
  const rows = Array.from({ length: row + AROUND - Math.max(0, row - AROUND) + 1 }, (_, i) => Math.max(0, row - AROUND) + i);
  const cols = Array.from({ length: col + AROUND - Math.max(0, col - AROUND) + 1 }, (_, i) => Math.max(0, col - AROUND) + i);
  return {
    sheet: sheet.name,
    cell,
    columns: cols.map(columnLetter),
    rows: rows.map((r) => ({ number: r + 1, cells: cols.map((c) => sheet.rows[r]?.[c] ?? "") })),
    focus_row: row - rows[0],
    focus_column: col - cols[0],
  };
}
