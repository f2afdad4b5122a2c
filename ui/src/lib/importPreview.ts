// The words and groupings of the Import screen's preview, from the core's
// plan: the fields a column can be mapped to (the same keys a mapping file
// writes: `rto`, `dependency:supplier`, `impact:Financial@240`) with
// plain-language labels, grouped for the dropdown; the issues, errors first,
// with "and N more below"; what a process's changes amount to; whether the
// plan can be imported and what will be left out; the progress stages; and
// the summary of an applied import. Pure: planning and applying are the
// core's (`api.planImport`, `api.applyImport`).
import type { ImportApplied } from "./bindings/ImportApplied";
import type { ImportColumn } from "./bindings/ImportColumn";
import type { ImportField } from "./bindings/ImportField";
import type { ImportFormat } from "./bindings/ImportFormat";
import type { ImportIssue } from "./bindings/ImportIssue";
import type { ImportIssueLevel } from "./bindings/ImportIssueLevel";
import type { ImportPlan } from "./bindings/ImportPlan";
import type { ImportProcess } from "./bindings/ImportProcess";
import type { ImportProgress } from "./bindings/ImportProgress";
import type { Methodology } from "./bindings/Methodology";
import type { ResourceKind } from "./bindings/ResourceKind";
import { formatMinutes } from "./minutes";
import { KIND_OPTIONS } from "./resourceKinds";

const SIMPLE: ReadonlyArray<[ImportField["kind"], string]> = [
  ["process", "Process name"],
  ["unit", "Unit / department"],
  ["owner", "Owner"],
  ["description", "Description"],
  ["peak_periods", "Peak periods"],
  ["minimum_staff", "Minimum staff"],
  ["workaround", "Workaround"],
  ["notes", "Notes"],
  ["id", "ID (matches a later re-import)"],
  ["rto", "RTO — recovery time objective"],
  ["rpo", "RPO — recovery point objective"],
  ["mtpd", "MTPD — maximum tolerable period of disruption"],
  ["wrt", "WRT — work recovery time"],
  ["mbco", "MBCO — minimum business continuity objective (%)"],
  ["criticality", "Criticality / tier rating"],
  ["recovery_capability", "Recovery capability today"],
  ["upstream_process", "Depends on: other processes"],
  ["custom", "Keep as a custom field"],
  ["ignore", "Do not import"],
];

/** The key of a field, as the core's mapping files write it; also the dropdown's option value. */
export function fieldKey(field: ImportField): string {
  if (field.kind === "dependency") return `dependency:${field.resource}`;
  if (field.kind === "impact") return `impact:${field.category ?? ""}@${field.horizon}`;
  return field.kind;
}

/** The field a key names (`fieldKey`'s inverse); null for a key no field has. */
export function fieldFromKey(key: string): ImportField | null {
  if (key.startsWith("dependency:")) {
    const resource = key.slice("dependency:".length) as ResourceKind;
    return KIND_OPTIONS.some((k) => k.value === resource) ? { kind: "dependency", resource } : null;
  }
  if (key.startsWith("impact:")) {
    const at = key.lastIndexOf("@");
    const horizon = Number(key.slice(at + 1));
    if (at < 0 || !Number.isInteger(horizon) || horizon <= 0) return null;
    const category = key.slice("impact:".length, at);
    return { kind: "impact", category: category === "" ? null : category, horizon };
  }
  const simple = SIMPLE.find(([kind]) => kind === key);
  return simple ? ({ kind: simple[0] } as ImportField) : null;
}

/** What a person calls the field: "Owner", "Depends on: Applications & IT systems", "Impact: Financial @ 4 h". */
export function fieldLabel(field: ImportField): string {
  if (field.kind === "dependency") {
    const kind = KIND_OPTIONS.find((k) => k.value === field.resource);
    return `Depends on: ${kind?.plural ?? field.resource}`;
  }
  if (field.kind === "impact") return `Impact: ${field.category ?? "(category not named)"} @ ${formatMinutes(field.horizon)}`;
  return SIMPLE.find(([kind]) => kind === field.kind)?.[1] ?? field.kind;
}

export interface FieldGroup {
  label: string;
  options: Array<{ key: string; label: string }>;
}

const option = (field: ImportField) => ({ key: fieldKey(field), label: fieldLabel(field) });
const simple = (...kinds: Array<ImportField["kind"]>) => kinds.map((kind) => option({ kind } as ImportField));

/**
 * The dropdown's choices, grouped: the process's own fields, recovery
 * objectives, dependencies by kind, one group per impact category of the
 * methodology (× its horizons), and keeping or dropping the column. A
 * `current` field the list lacks (an impact the header named with no
 * category, or at a horizon the methodology does not have) is added, so the
 * column's own reading can always be shown and kept.
 */
export function fieldGroups(methodology: Methodology | null, current: ImportField | null = null): FieldGroup[] {
  const groups: FieldGroup[] = [
    { label: "Process", options: simple("process", "unit", "owner", "description", "peak_periods", "minimum_staff", "workaround", "notes", "id") },
    { label: "Recovery objectives", options: simple("rto", "rpo", "mtpd", "wrt", "mbco", "criticality", "recovery_capability") },
    {
      label: "Dependencies",
      options: [...KIND_OPTIONS.map((k) => option({ kind: "dependency", resource: k.value })), ...simple("upstream_process")],
    },
  ];
  for (const category of methodology?.categories.filter((c) => !c.retired) ?? []) {
    groups.push({
      label: `Impact: ${category.name}`,
      options: (methodology?.horizons ?? []).map((h) => option({ kind: "impact", category: category.name, horizon: h.minutes })),
    });
  }
  groups.push({ label: "Other", options: simple("custom", "ignore") });
  if (current && !groups.some((g) => g.options.some((o) => o.key === fieldKey(current))))
    groups.unshift({ label: "As read", options: [option(current)] });
  return groups;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/**
 * The dropdown's options as HTML (`<optgroup>`s of `<option>`s), every label and key escaped: the same for every
 * column but the one "As read", so a table of many columns is written as strings rather than thousands of blocks.
 */
export function optionsHtml(groups: readonly FieldGroup[]): string {
  return groups
    .map(
      (g) =>
        `<optgroup label="${escapeHtml(g.label)}">${g.options.map((o) => `<option value="${escapeHtml(o.key)}">${escapeHtml(o.label)}</option>`).join("")}</optgroup>`,
    )
    .join("");
}

/** How the column's meaning was decided, for the line under its dropdown. */
export function sourceLabel(column: ImportColumn): string {
  switch (column.source) {
    case "synonym":
      return "recognised";
    case "user":
      return "your choice";
    case "unmapped":
      return "not recognised";
  }
}

const LEVEL_ORDER: readonly ImportIssueLevel[] = ["error", "warning", "info"];
const LEVEL_NAMES: Record<ImportIssueLevel, [string, string]> = {
  error: ["error", "errors"],
  warning: ["warning", "warnings"],
  info: ["note", "notes"],
};

export interface IssueGroup {
  level: ImportIssueLevel;
  /** "2 errors", "1 warning", "3 notes". */
  heading: string;
  issues: ImportIssue[];
}

/**
 * The issues by level, errors first, keeping the core's order inside a level; empty levels left out. The headings
 * count `totals` when given (all the plan's issues of the level, when only some are listed), else the issues given.
 */
export function groupIssues(issues: readonly ImportIssue[], totals?: Record<ImportIssueLevel, number>): IssueGroup[] {
  return LEVEL_ORDER.map((level) => {
    const mine = issues.filter((i) => i.level === level);
    const [one, many] = LEVEL_NAMES[level];
    const n = totals ? totals[level] : mine.length;
    return { level, heading: `${n} ${n === 1 ? one : many}`, issues: mine };
  }).filter((g) => g.issues.length > 0);
}

/** "and 3 more below" for an issue repeated down its column; "" when it is not. */
export function repeatsText(issue: ImportIssue): string {
  if (issue.repeats <= 0) return "";
  return `and ${issue.repeats} more below`;
}

/** An issue points at a cell that can be shown in context. */
export function hasCell(issue: ImportIssue): issue is ImportIssue & { sheet: string; cell: string } {
  return issue.sheet !== null && issue.cell !== null;
}

/** A changed field's name as the core writes it ("owner", "rto", "custom:Strategy"), in words: "Owner", "RTO", "Strategy". */
export function changeFieldName(field: string): string {
  if (field.startsWith("custom:")) return field.slice("custom:".length);
  if (["rto", "rpo", "mtpd", "wrt", "mbco"].includes(field)) return field.toUpperCase();
  const words = field.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A process's row in the preview's table: "New", "3 changes: Owner, RTO, Notes", "No change". */
export function changesSummary(process: Pick<ImportProcess, "action" | "changes">): string {
  if (process.action === "create") return "New";
  if (process.action === "unchanged" || process.changes.length === 0) return "No change";
  const fields = [...new Set(process.changes.map((c) => changeFieldName(c.field)))];
  const shown = fields.slice(0, 3).join(", ");
  const more = fields.length > 3 ? ` and ${fields.length - 3} more` : "";
  return `${process.changes.length} ${process.changes.length === 1 ? "change" : "changes"}: ${shown}${more}`;
}

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  xlsx: "Excel workbook (.xlsx)",
  xlsb: "Excel binary workbook (.xlsb)",
  xls: "Excel 97–2003 workbook (.xls)",
  ods: "OpenDocument spreadsheet (.ods)",
  csv: "CSV text",
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Whether the plan can be imported, and the sentence beside the Import button. */
export function readiness(plan: ImportPlan): { ok: boolean; message: string } {
  const c = plan.counts;
  // Every process the plan holds is counted by what happens to it (the summary's plan lists none).
  if (c.processes_new + c.processes_updated + c.processes_unchanged === 0)
    return {
      ok: false,
      message:
        c.errors > 0
          ? `Nothing can be imported: no row gave a process (${plural(c.errors, "error", "errors")} below). Map a column to “Process name”, or fix the workbook and choose it again.`
          : "Nothing can be imported: no row gave a process. Map a column to “Process name”.",
    };
  const changing = c.processes_new + c.processes_updated + c.units_new + c.resources_new + c.dependencies_new + c.scores + c.objectives;
  if (changing === 0) return { ok: false, message: "Nothing new: every process in the workbook is already in the assessment as it is." };
  const parts = [
    c.processes_new > 0 ? plural(c.processes_new, "new process", "new processes") : "",
    c.processes_updated > 0 ? plural(c.processes_updated, "process updated", "processes updated") : "",
  ].filter((p) => p !== "");
  const what = parts.length > 0 ? parts.join(" and ") : "scores and objectives";
  if (c.errors > 0)
    return {
      ok: true,
      message: `Imports ${what}. The cells or rows named by the ${plural(c.errors, "error", "errors")} are skipped; the rest is imported as one step you can undo.`,
    };
  return { ok: true, message: `Imports ${what} as one step you can undo.` };
}

const STAGES: Record<string, string> = {
  backup: "Backing up the assessment",
  processes: "Writing processes",
  dependencies: "Recording dependencies",
  commit: "Saving",
};

/** The step a progress event names, in words: "Writing processes". */
export function stageLabel(progress: ImportProgress | null): string {
  if (!progress) return "Starting the import";
  return STAGES[progress.stage] ?? progress.stage;
}

/** Cancelling is possible until the core starts to commit. */
export function canCancel(progress: ImportProgress | null): boolean {
  return progress?.stage !== "commit";
}

/** "Imported 3 new processes, 1 updated, 1 unit, 5 resources and 6 dependencies." */
export function appliedSummary(applied: ImportApplied): string {
  const parts = [
    applied.processes_created > 0 ? plural(applied.processes_created, "new process", "new processes") : "",
    applied.processes_updated > 0 ? plural(applied.processes_updated, "process updated", "processes updated") : "",
    applied.units_created > 0 ? plural(applied.units_created, "unit", "units") : "",
    applied.resources_created > 0 ? plural(applied.resources_created, "resource", "resources") : "",
    applied.dependencies_created > 0 ? plural(applied.dependencies_created, "dependency", "dependencies") : "",
    applied.scores > 0 ? plural(applied.scores, "impact score", "impact scores") : "",
    applied.objectives > 0 ? plural(applied.objectives, "set of objectives", "sets of objectives") : "",
  ].filter((p) => p !== "");
  if (parts.length === 0) return "Imported: nothing needed to change.";
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
  return `Imported ${list}.`;
}
