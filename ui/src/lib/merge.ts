// What the Merge screen shows of the core's merge reports and conflicts, as plain functions: the copy's default file
// name, the summary tiles, the order conflicts are worked through, what a key press means to the resolver, and how
// conflicts and their resolutions read — naming the colleague whose copy it was, or, for a file merged like an import
// (no common fork point), the file. Nothing here decides what merges or conflicts; that is the core's
// (`bia_store::merge`, through `merge_copy`, `import_assessment` and `resolve_conflict`).
import type { Conflict } from "./bindings/Conflict";
import type { MergeReport } from "./bindings/MergeReport";
import type { MergedChange } from "./bindings/MergedChange";
import type { MergedKind } from "./bindings/MergedKind";
import type { Prefer } from "./bindings/Prefer";
import type { ResolveInput } from "./bindings/ResolveInput";
import { formatDateTime } from "./dates";
import { possessive } from "./questionnaires";
import { isAssessmentFile, isSpreadsheet } from "./spreadsheetFiles";
import type { KeyPress } from "./shortcuts";

// --- giving a copy ----------------------------------------------------------------------------------------------------

/** Characters no file name may hold on the systems a copy travels to (and control characters). */
const NOT_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

function fileNamePart(text: string): string {
  return text.replace(NOT_IN_FILE_NAMES, " ").replace(/\s+/g, " ").trim().replace(/^\.+/, "");
}

/** The copy's suggested file name: "Harbourline Logistics — BIA 2026 - copy for Priya Raman.bia". */
export function copyFileName(assessment: string, holder: string): string {
  const name = fileNamePart(assessment) || "Assessment";
  const who = fileNamePart(holder);
  return who ? `${name} - copy for ${who}.bia` : `${name} - copy.bia`;
}

/** Why the holder's name cannot be used yet (empty: it can). */
export function holderProblem(holder: string): string {
  return holder.trim() === "" ? "Say who the copy is for: their name goes into the copy and its file name." : "";
}

// --- the preview and the report -----------------------------------------------------------------------------------------

export interface MergeTile {
  key: "added" | "changed" | "removed" | "conflicts" | "decisions";
  label: string;
  value: number;
}

const count = (list: readonly MergedChange[], what: MergedKind) => list.filter((c) => c.what === what).length;

/** The figures across the top of a preview or a report. */
export function mergeTiles(report: MergeReport): MergeTile[] {
  return [
    { key: "added", label: "Added", value: count(report.applied, "added") },
    { key: "changed", label: "Changed", value: count(report.applied, "changed") },
    { key: "removed", label: "Removed", value: count(report.applied, "removed") },
    { key: "conflicts", label: "Conflicts", value: report.conflicts.length },
    { key: "decisions", label: "Decision entries", value: report.decisions_added },
  ];
}

/** Whether the copy brings nothing this file does not already hold. */
export function nothingToMerge(report: MergeReport): boolean {
  return report.applied.length === 0 && report.conflicts.length === 0 && report.decisions_added === 0;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n.toLocaleString("en-GB")} ${many}`);

/**
 * Whether a conflict's `from_holder` names a file rather than a colleague: a file merged like an import has no holder,
 * and the core names the file instead ("Leeds.bia", "Leeds BIA.xlsx"). A report says so itself (`matched`); a conflict
 * read back later carries only the name.
 */
export function holderIsFile(holder: string): boolean {
  const name = holder.trim();
  return isAssessmentFile(name) || isSpreadsheet(name);
}

/** "Priya Raman’s copy" (or "the copy" when the core knows no holder); a file merged like an import by its name. */
export function copyOf(holder: string): string {
  if (holderIsFile(holder)) return holder.trim();
  return holder.trim() ? `${possessive(holder.trim())} copy` : "the copy";
}

/** What a report merged, as headings name it: "Priya Raman’s copy", or a file merged like an import, "“Leeds.bia”". */
export function mergedFrom(report: MergeReport): string {
  return report.matched ? `“${report.from_holder.trim()}”` : copyOf(report.from_holder);
}

/** The preview's heading: "Merge Priya Raman’s copy?", or "Merge “Leeds.bia” like an import?". */
export function previewHeading(report: MergeReport): string {
  return report.matched ? `Merge ${mergedFrom(report)} like an import?` : `Merge ${mergedFrom(report)}?`;
}

/** What merging like an import means, said under the heading of a preview or a report that was (`matched`). */
export const MATCHED_EXPLANATION =
  "No common fork point: matched by id, then by name; nothing in this file is removed; what differs is listed as conflicts.";

/** The heading over what the file holds that could not be taken (`left_out`): "2 things could not be taken". */
export function leftOutHeading(report: MergeReport): string {
  const n = report.left_out.length;
  const what = n === 1 ? "1 thing" : `${n.toLocaleString("en-GB")} things`;
  return report.dry_run ? `${what} in ${report.from_holder.trim() || "the file"} cannot be taken` : `${what} in ${report.from_holder.trim() || "the file"} could not be taken`;
}

/** The banner after merging: "Merged Priya Raman’s copy: 3 changes applied, 1 conflict found." */
export function mergedSentence(report: MergeReport): string {
  const whose = mergedFrom(report);
  if (nothingToMerge(report)) return `Nothing to merge: ${whose} holds nothing this file does not.`;
  const parts = report.applied.length > 0 ? [plural(report.applied.length, "change applied", "changes applied")] : [];
  if (report.decisions_added > 0) parts.push(plural(report.decisions_added, "decision entry added", "decision entries added"));
  const settled = report.conflicts.filter((c) => c.resolution !== null).length;
  if (settled > 0) parts.push(plural(settled, "conflict settled", "conflicts settled"));
  // What the merge found, not what is left: the resolver counts those as they are resolved.
  const left = report.conflicts.filter((c) => c.resolution === null).length;
  if (left > 0) parts.push(plural(left, "conflict found", "conflicts found"));
  return `Merged ${whose}${report.matched ? " like an import" : ""}: ${parts.join(", ")}.`;
}

/** The banner once the merge is undone: "The merge of Priya Raman’s copy was undone." */
export function undoneSentence(report: MergeReport): string {
  return `The merge of ${mergedFrom(report)} was undone.`;
}

/**
 * Theirs, named as the buttons and outcomes name it: "Priya Raman’s", or for a file merged like an import "the value in
 * Leeds.bia" ("values" with `many`).
 */
export function theirsOf(holder: string, many = false): string {
  if (holderIsFile(holder)) return `the ${many ? "values" : "value"} in ${holder.trim()}`;
  return possessive(holder.trim() || "theirs");
}

/** The preview's Merge button: what it will do with the conflicts. */
export function mergeButtonLabel(report: MergeReport, prefer: Prefer | null): string {
  const n = report.conflicts.length;
  if (n === 0 || prefer === null) return "Merge";
  const conflicts = plural(n, "conflict", "conflicts");
  return prefer === "mine" ? `Merge, keeping mine in ${conflicts}` : `Merge, taking ${theirsOf(report.from_holder, n > 1)} in ${conflicts}`;
}

/** "Added", "Changed", "Removed". */
export function whatLabel(what: MergedKind): string {
  return what === "added" ? "Added" : what === "removed" ? "Removed" : "Changed";
}

/**
 * A change's field and values as the table shows them: a whole row added or removed has no field and no values (the
 * pill and the subject say it all), an added field nothing before it, a removed one nothing after.
 */
export function changeCells(change: MergedChange): { field: string; before: string; after: string } {
  if (change.field.trim() === "") return { field: "—", before: "—", after: "—" };
  return {
    field: change.field,
    before: change.what === "added" ? "—" : shownValue(change.before),
    after: change.what === "removed" ? "—" : shownValue(change.after),
  };
}

/** A value as the tables show it: an empty one says so. */
export function shownValue(value: string): string {
  return value.trim() === "" ? "(empty)" : value;
}

/** Whether a change holds every word of `filter` (case aside) in its area, subject, field or values. */
export function changeMatches(change: MergedChange, filter: string): boolean {
  const words = filter.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = [whatLabel(change.what), change.area, change.subject, change.field, change.before, change.after].join(" ").toLocaleLowerCase();
  return words.every((w) => text.includes(w));
}

// --- conflicts, one by one ------------------------------------------------------------------------------------------

/** The conflicts in the order they are worked through: the unresolved first, each group in the core's order. */
export function orderedConflicts(list: readonly Conflict[]): Conflict[] {
  return [...list.filter((c) => c.resolution === null), ...list.filter((c) => c.resolution !== null)];
}

export function unresolvedCount(list: readonly Conflict[]): number {
  return list.filter((c) => c.resolution === null).length;
}

/**
 * The index of the next unresolved conflict after `from`, going round to the start; `from` itself last of all
 * (after an error it may still be unresolved). Null when none is left.
 */
export function nextUnresolved(list: readonly Conflict[], from: number): number | null {
  const n = list.length;
  for (let step = 1; step <= n; step++) {
    const i = (((from + step) % n) + n) % n;
    if (list[i].resolution === null) return i;
  }
  return null;
}

/** The index `by` steps from `at` (−1 previous, +1 next), staying within the list. */
export function stepped(list: readonly Conflict[], at: number, by: number): number {
  if (list.length === 0) return 0;
  return Math.min(list.length - 1, Math.max(0, at + by));
}

/** The conflict to show, by id: the one asked for if listed, else the first unresolved, else the first. */
export function conflictIndex(list: readonly Conflict[], id: string | null): number {
  const at = id === null ? -1 : list.findIndex((c) => c.id === id);
  if (at >= 0) return at;
  const open = list.findIndex((c) => c.resolution === null);
  return open >= 0 ? open : 0;
}

export type ResolverAction = "mine" | "theirs" | "edit" | "both" | "same" | "next" | "previous" | "apply" | "cancel";

/** Whether a conflict's rows can be made one (a process added on both sides under one name). */
export function canMakeOne(c: Conflict): boolean {
  return c.kind === "same_name" && c.area === "Process";
}

/**
 * What a key press means to the resolver showing `conflict`, or null to leave it to the page. While a value is
 * typed only Enter (apply) and Escape (cancel) are its. M keeps mine, T takes theirs, E types a value (when the
 * field takes one), B keeps both and S makes them one (a process added on both sides with the same name; T
 * is not theirs to take there, two rows cannot both have the name); N or → the next, P or ← the
 * previous. A conflict already resolved can only be moved past (undo takes its resolution back). Keys with Ctrl,
 * Alt or ⌘ are never the resolver's (Ctrl Z is undo).
 */
export function resolverAction(press: KeyPress, conflict: Conflict | null, editing: boolean): ResolverAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (editing) return press.key === "Enter" ? "apply" : press.key === "Escape" ? "cancel" : null;
  if (conflict === null) return null;
  if (press.key === "ArrowRight") return "next";
  if (press.key === "ArrowLeft") return "previous";
  const key = press.key.length === 1 ? press.key.toLowerCase() : "";
  if (key === "n") return "next";
  if (key === "p") return "previous";
  if (conflict.resolution !== null) return null;
  if (key === "m") return "mine";
  if (key === "t") return conflict.kind === "same_name" ? null : "theirs";
  if (key === "e") return conflict.typeable ? "edit" : null;
  if (key === "b") return conflict.kind === "same_name" ? "both" : null;
  if (key === "s") return canMakeOne(conflict) ? "same" : null;
  return null;
}

/** What `resolve_conflict` is sent for a side chosen, or a value typed. */
export function resolveInput(conflict: Conflict, action: "mine" | "theirs" | "both" | "same" | "typed", value = ""): ResolveInput {
  return { id: conflict.id, resolution: action, value: action === "typed" ? value.trim() : null };
}

/** How the two sides differ, in a sentence. */
export function conflictSentence(c: Conflict): string {
  const copy = copyOf(c.from_holder);
  // Merged like an import, neither side changed anything since a common state: the two are only filled differently.
  if (c.kind === "field" && holderIsFile(c.from_holder)) return `${c.field || "This value"} is filled differently here and in ${copy}.`;
  switch (c.kind) {
    case "field":
      return `${c.field || "This value"} was changed here and in ${copy}, differently.`;
    case "edited_deleted":
      return `Changed here, but deleted in ${copy}.`;
    case "deleted_edited":
      return `Deleted here, but changed in ${copy}.`;
    case "same_name":
      return `Added here and in ${copy} under the same name.`;
  }
}

/** "Shipment tracking enquiries · RTO" (area first when it says more than the subject: "Objectives"). */
export function conflictTitle(c: Conflict): string {
  return [c.subject, c.field].filter((s) => s.trim() !== "").join(" · ") || c.area;
}

/** The three sides' headings. */
export function sideLabels(c: Conflict): { mine: string; theirs: string; base: string } {
  if (holderIsFile(c.from_holder)) return { mine: "Mine (this file)", theirs: `In ${c.from_holder.trim()}`, base: "Where both started" };
  const theirs = copyOf(c.from_holder);
  return { mine: "Mine (this file)", theirs: theirs.charAt(0).toLocaleUpperCase() + theirs.slice(1), base: "Where both started" };
}

/** The resolver's button taking theirs: "Take Priya Raman’s", "Take the value in Leeds.bia". */
export function takeTheirsLabel(c: Conflict): string {
  return `Take ${theirsOf(c.from_holder)}`;
}

/**
 * Where both started, as the third column shows it: nothing there for a row both added, none for a file merged like an
 * import (no common fork point), else the value.
 */
export function baseText(c: Conflict): string {
  if (c.kind === "same_name") return "Neither had it";
  if (holderIsFile(c.from_holder) && c.base === "") return "No common fork point";
  return c.base === "" ? "(not known)" : shownValue(c.base);
}

/** How a conflict was resolved: "Took Priya Raman’s: 12 h"; "Unresolved (mine kept meanwhile)". */
export function resolutionText(c: Conflict): string {
  switch (c.resolution) {
    case null:
      return "Unresolved: mine kept meanwhile";
    case "mine":
      return `Kept mine: ${shownValue(c.resolved_value || c.mine)}`;
    case "theirs":
      return `Took ${theirsOf(c.from_holder)}: ${shownValue(c.resolved_value || c.theirs)}`;
    case "typed":
      return `Typed: ${shownValue(c.resolved_value)}`;
    case "both":
      return c.resolved_value ? `Kept both (theirs as “${c.resolved_value}”)` : "Kept both";
    case "same":
      return "Made one: the fields both filled differently are listed as conflicts of their own";
  }
}

/** "by Eleanor Marsh, 1 Dec 2026, 09:00" (what is known of it). */
export function resolvedBy(c: Conflict): string {
  if (c.resolution === null) return "";
  const who = c.resolved_by.trim() ? `by ${c.resolved_by.trim()}` : "";
  const when = c.resolved_at ? formatDateTime(c.resolved_at) : "";
  return [who, when].filter(Boolean).join(", ");
}
