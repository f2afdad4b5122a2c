// Maps validation issues ({field, message}) from the core onto form fields,
// whether they come from `check_process` or from a rejected save.
import type { ApiError } from "./bindings/ApiError";
import type { FieldIssue } from "./bindings/FieldIssue";

export type IssuesByField = Record<string, string[]>;

function isFieldIssue(value: unknown): value is FieldIssue {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as FieldIssue).field === "string" &&
    typeof (value as FieldIssue).message === "string"
  );
}

/** The field issues an error carries in `details.issues`, or an empty list. */
export function issuesOfError(error: ApiError): FieldIssue[] {
  const details = error.details;
  if (typeof details !== "object" || details === null || !("issues" in details)) return [];
  const issues = (details as { issues: unknown }).issues;
  return Array.isArray(issues) ? issues.filter(isFieldIssue) : [];
}

/** Messages grouped by field, in the order they came, without repeats. */
export function groupIssues(issues: readonly FieldIssue[]): IssuesByField {
  const grouped: IssuesByField = {};
  for (const { field, message } of issues) {
    const list = (grouped[field] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return grouped;
}

/** The issues about fields the form does not show (to be listed at its top). */
export function issuesOutside(issues: readonly FieldIssue[], shownFields: (field: string) => boolean): FieldIssue[] {
  return issues.filter((i) => !shownFields(i.field));
}

/** The row of "custom_fields.2", or null for any other field. */
export function customFieldIndex(field: string): number | null {
  const match = /^custom_fields\.(\d+)$/.exec(field);
  return match ? Number(match[1]) : null;
}

/** Field issues, local ones first, keeping one copy of each (field, message). */
export function mergeIssues(...lists: ReadonlyArray<readonly FieldIssue[]>): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const list of lists) {
    for (const issue of list) {
      const key = `${issue.field}\u0000${issue.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(issue);
      }
    }
  }
  return out;
}
