// Questionnaires as the Questionnaires screen shows them, kept apart from the screen so they can be tested: which
// processes a send picks (by unit with its sub-units, by owner, by status, one by one), who would receive which (the
// preview, grouped as the core groups them, and the processes nobody can receive), the status of each questionnaire
// sent, and the review of a returned workbook — which answers are ticked at first, the keys an accept names, the
// counts — and what a drop of files means (returned questionnaires, a spreadsheet to import, or files to refuse).
// Reading and writing the workbooks, comparing the answers and applying them are the core's.

import type { ApiError } from "./bindings/ApiError";
import type { ChangeState } from "./bindings/ChangeState";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { Id } from "./bindings/Id";
import type { Process } from "./bindings/Process";
import type { Questionnaire } from "./bindings/Questionnaire";
import type { QuestionnaireReview } from "./bindings/QuestionnaireReview";
import type { QuestionnaireStatus } from "./bindings/QuestionnaireStatus";
import type { ReceiveOutcome } from "./bindings/ReceiveOutcome";
import type { Recipients } from "./bindings/Recipients";
import type { Status } from "./bindings/Status";
import type { Unit } from "./bindings/Unit";
import { baseName, dropHint, droppedSpreadsheet } from "./spreadsheetFiles";
import { isoDay, nameKey } from "./workshopPlan";

export { processesOfOwner, processesOfUnit, owners } from "./workshopPlan";

/** The core's default: a questionnaire is due two weeks after it is sent. */
export const DEFAULT_DUE_DAYS = 14;

/** "YYYY-MM-DD" two weeks after `today`. */
export function defaultDue(today: Date): string {
  const due = new Date(today.getFullYear(), today.getMonth(), today.getDate() + DEFAULT_DUE_DAYS);
  return isoDay(due);
}

// --- choosing what to send ------------------------------------------------------------------------------------------

/** The processes of the register in a review status, in register order. */
export function processesWithStatus(status: Status, processes: readonly Process[]): Id[] {
  return processes.filter((p) => p.status === status).map((p) => p.id);
}

/** `chosen` with `more` added (each once), in register order. */
export function withAdded(chosen: ReadonlySet<Id>, more: readonly Id[]): Set<Id> {
  const next = new Set(chosen);
  for (const id of more) next.add(id);
  return next;
}

/** `chosen` with `id` turned over. */
export function withToggled(chosen: ReadonlySet<Id>, id: Id): Set<Id> {
  const next = new Set(chosen);
  if (!next.delete(id)) next.add(id);
  return next;
}

/** A unit's path as the core names a unit recipient: "Operations / Warehouse Operations". */
export function unitPath(unitId: Id | null, units: readonly Unit[]): string {
  const names: string[] = [];
  let at = unitId;
  while (at !== null && names.length <= units.length) {
    const unit = units.find((u) => u.id === at);
    if (!unit) break;
    names.unshift(unit.name);
    at = unit.parent_id;
  }
  return names.join(" / ");
}

/** One workbook of the preview: who gets it, about which processes. */
export interface RecipientGroup {
  recipient: string;
  processes: Process[];
}

/** Who would receive which of the chosen processes, and which nobody can (no owner, or no unit). */
export interface RecipientPreview {
  groups: RecipientGroup[];
  unsendable: Process[];
}

/**
 * The workbooks a send of `chosen` writes, grouped as the core groups them: by owner (names compared case and spacing
 * aside, the first spelling kept) or by unit path, in register order; a process without one is unsendable.
 */
export function recipientPreview(
  chosen: ReadonlySet<Id>,
  processes: readonly Process[],
  units: readonly Unit[],
  by: Recipients,
): RecipientPreview {
  const groups = new Map<string, RecipientGroup>();
  const unsendable: Process[] = [];
  for (const p of processes) {
    if (!chosen.has(p.id)) continue;
    const recipient = by === "owner" ? p.owner.trim() : unitPath(p.unit_id, units);
    if (!recipient) {
      unsendable.push(p);
      continue;
    }
    const key = nameKey(recipient);
    const group = groups.get(key);
    if (group) group.processes.push(p);
    else groups.set(key, { recipient, processes: [p] });
  }
  return { groups: [...groups.values()], unsendable };
}

/** The warning over processes that cannot be sent: "2 processes have no owner: Payroll, Treasury." */
export function unsendableWarning(unsendable: readonly Process[], by: Recipients): string {
  if (unsendable.length === 0) return "";
  const what = by === "owner" ? "owner" : "unit";
  const head = unsendable.length === 1 ? `1 process has no ${what}` : `${unsendable.length} processes have no ${what}`;
  const other = by === "owner" ? "by unit" : "by owner";
  return `${head}, so no questionnaire can carry ${unsendable.length === 1 ? "it" : "them"}: ${unsendable
    .map((p) => p.name)
    .join(", ")}. Give ${unsendable.length === 1 ? "it" : "each"} ${by === "owner" ? "an owner" : "a unit"}, leave ${
    unsendable.length === 1 ? "it" : "them"
  } out, or send ${other}.`;
}

// --- the list of questionnaires sent --------------------------------------------------------------------------------

const STATUS_LABELS: Record<QuestionnaireStatus, string> = {
  sent: "Sent",
  overdue: "Overdue",
  returned: "Returned",
  applied: "Applied",
  withdrawn: "Withdrawn",
};

export function questionnaireStatusLabel(status: QuestionnaireStatus): string {
  return STATUS_LABELS[status];
}

/** Days from `from` to `to` (both "YYYY-MM-DD"), negative when `to` is earlier; null when either is not a day. */
function daysBetween(from: string, to: string): number | null {
  const a = /^(\d{4})-(\d{2})-(\d{2})$/.exec(from);
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(to);
  if (!a || !b) return null;
  const ms = Date.UTC(+b[1], +b[2] - 1, +b[3]) - Date.UTC(+a[1], +a[2] - 1, +a[3]);
  return Math.round(ms / 86_400_000);
}

/**
 * How the due date stands for a questionnaire still out: "due today", "due in 3 days", "5 days overdue"; empty once
 * it is returned, applied or withdrawn. `today` is "YYYY-MM-DD".
 */
export function dueNote(q: Pick<Questionnaire, "status" | "due">, today: string): string {
  if (q.status !== "sent" && q.status !== "overdue") return "";
  const days = daysBetween(today, q.due);
  if (days === null) return "";
  if (days === 0) return "due today";
  if (days > 0) return days === 1 ? "due tomorrow" : `due in ${days} days`;
  return -days === 1 ? "1 day overdue" : `${-days} days overdue`;
}

/** Whether the questionnaire can still be withdrawn (and so be returned). */
export const isOut = (q: Pick<Questionnaire, "status">): boolean => q.status === "sent" || q.status === "overdue";

/** "3 out (1 overdue), 2 returned, 1 applied": the line over the list. */
export function listSummary(list: readonly Pick<Questionnaire, "status">[]): string {
  const count = (s: QuestionnaireStatus) => list.filter((q) => q.status === s).length;
  const out = count("sent") + count("overdue");
  const parts: string[] = [];
  if (out > 0) parts.push(`${out} out${count("overdue") > 0 ? ` (${count("overdue")} overdue)` : ""}`);
  for (const s of ["returned", "applied", "withdrawn"] as const) if (count(s) > 0) parts.push(`${count(s)} ${STATUS_LABELS[s].toLowerCase()}`);
  return parts.join(", ");
}

// --- reviewing a returned workbook ----------------------------------------------------------------------------------

/** One answer a review lists (a changed field, a comment, a new dependency), with what an accept names. */
export interface ReviewItem {
  processId: Id;
  key: string;
  /** `<process id> <key>`: what `{mode: "only", keys}` names. */
  accept: string;
  state: ChangeState;
}

/** What an accept of an answer of a process names: "`<process id> <key>`". */
export function acceptKey(processId: Id, key: string): string {
  return `${processId} ${key}`;
}

/** Every answer of the review, in its order: per process its changes, comments, then new dependencies. */
export function reviewItems(review: QuestionnaireReview): ReviewItem[] {
  return review.processes.flatMap((p) =>
    [...p.changes, ...p.comments, ...p.new_dependencies].map((c) => ({
      processId: p.process_id,
      key: c.key,
      accept: acceptKey(p.process_id, c.key),
      state: c.state,
    })),
  );
}

/** How the review's ticks are set by its buttons: every valid answer, only the non-conflicting ones, or none. */
export type TickChoice = "valid" | "non_conflicting" | "none";

/** The accepts ticked by a choice; the first view is "non_conflicting" (proposed ticked, conflicts left to decide). */
export function ticksFor(review: QuestionnaireReview, choice: TickChoice = "non_conflicting"): Set<string> {
  if (choice === "none") return new Set();
  return new Set(
    reviewItems(review)
      .filter((i) => i.state === "proposed" || (choice === "valid" && i.state === "conflict"))
      .map((i) => i.accept),
  );
}

/** The ticks with `accept` turned over; an invalid answer (or one not in the review) is never ticked. */
export function toggleTick(review: QuestionnaireReview, ticks: ReadonlySet<string>, accept: string): Set<string> {
  const next = new Set(ticks);
  const item = reviewItems(review).find((i) => i.accept === accept);
  if (!item || item.state === "invalid") return next;
  if (!next.delete(accept)) next.add(accept);
  return next;
}

/** The ticks with every valid answer of one process ticked (`on`) or unticked. */
export function tickProcess(review: QuestionnaireReview, ticks: ReadonlySet<string>, processId: Id, on: boolean): Set<string> {
  const next = new Set(ticks);
  for (const i of reviewItems(review)) {
    if (i.processId !== processId || i.state === "invalid") continue;
    if (on) next.add(i.accept);
    else next.delete(i.accept);
  }
  return next;
}

/** Whether every valid answer of a process is ticked (false when it has none). */
export function processAllTicked(review: QuestionnaireReview, ticks: ReadonlySet<string>, processId: Id): boolean {
  const valid = reviewItems(review).filter((i) => i.processId === processId && i.state !== "invalid");
  return valid.length > 0 && valid.every((i) => ticks.has(i.accept));
}

export interface ReviewCounts {
  proposed: number;
  conflicts: number;
  invalid: number;
  /** Ticked (and valid): what "Apply N accepted" applies. */
  accepted: number;
}

export function reviewCounts(review: QuestionnaireReview, ticks: ReadonlySet<string>): ReviewCounts {
  const items = reviewItems(review);
  return {
    proposed: items.filter((i) => i.state === "proposed").length,
    conflicts: items.filter((i) => i.state === "conflict").length,
    invalid: items.filter((i) => i.state === "invalid").length,
    accepted: items.filter((i) => i.state !== "invalid" && ticks.has(i.accept)).length,
  };
}

/** The accept keys to send for the ticks, in the review's order (a tick of an answer no longer listed is dropped). */
export function acceptedKeys(review: QuestionnaireReview, ticks: ReadonlySet<string>): string[] {
  return reviewItems(review)
    .filter((i) => i.state !== "invalid" && ticks.has(i.accept))
    .map((i) => i.accept);
}

/** A cell as the review shows it under its process's heading: "J21" on the process's own sheet, else as the core said. */
export function cellOnSheet(cell: string, sheet: string): string {
  const quoted = `'${sheet.replace(/'/g, "''")}'!`;
  if (cell.startsWith(quoted)) return cell.slice(quoted.length);
  if (cell.startsWith(`${sheet}!`)) return cell.slice(sheet.length + 1);
  return cell;
}

/** "N answers left as sent" under the review's head; empty when none. */
export function unchangedNote(unchanged: number): string {
  if (unchanged <= 0) return "";
  return unchanged === 1 ? "1 answer unchanged" : `${unchanged} answers unchanged`;
}

/** "Sophie Chen's": a recipient's name as an owner of a questionnaire. */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}’` : `${name}’s`;
}

/** The banner after applying: "Applied 3 changes from Sophie Chen’s questionnaire." (or only recorded). */
export function appliedSentence(outcome: ReceiveOutcome, recipient: string): string {
  const whose = `${possessive(recipient)} questionnaire`;
  if (outcome.applied === 0) return `Recorded the return of ${whose}; nothing was applied.`;
  const changes = outcome.applied === 1 ? "1 change" : `${outcome.applied} changes`;
  const left = outcome.rejected > 0 ? ` ${outcome.rejected} not accepted.` : "";
  return `Applied ${changes} from ${whose}.${left}`;
}

// --- files dropped or chosen ----------------------------------------------------------------------------------------

/** Whether a file may be a returned questionnaire (the workbooks the app writes are .xlsx). */
export function maybeQuestionnaire(path: string): boolean {
  return /\.xlsx$/i.test(baseName(path));
}

/** How the core answered `review_questionnaire` for one file. */
export type ReviewAnswer = { ok: true; review: QuestionnaireReview } | { ok: false; error: ApiError };

/** A returned workbook waiting for its review. */
export interface PendingReturn {
  path: string;
  file: string;
  review: QuestionnaireReview;
}

/** A file offered as a questionnaire that cannot be taken, and why. */
export interface RefusedReturn {
  path: string;
  file: string;
  title: string;
  message: string;
}

/** What a drop of files means. */
export interface DropRouting {
  /** Returned questionnaires, in the order dropped. */
  returns: PendingReturn[];
  /** Questionnaires that cannot be taken (another assessment's, withdrawn, unknown). */
  refused: RefusedReturn[];
  /** The paths left for the ordinary import (everything that is no questionnaire), in the order dropped. */
  toImport: string[];
  /** Said when both questionnaires and a spreadsheet to import came in one drop. */
  note: string | null;
}

/** The codes that say a file IS a returned questionnaire, but one this assessment cannot take. */
const REFUSAL_CODES: readonly ErrorCode[] = ["questionnaire_other_assessment", "questionnaire_withdrawn", "questionnaire_unknown"];

/**
 * Whether the core's refusal says the file is a questionnaire it cannot take. Anything else — `not_a_questionnaire`,
 * or a workbook that does not read at all — leaves the file to the ordinary import, which says what it makes of it.
 */
export function isRefusedQuestionnaire(error: ApiError): boolean {
  return REFUSAL_CODES.includes(error.code);
}

/** The headline of a questionnaire refused, naming the file. */
export function refusalTitle(file: string, error: ApiError): string {
  switch (error.code) {
    case "questionnaire_other_assessment":
      return `“${file}” was sent from another assessment`;
    case "questionnaire_withdrawn":
      return `“${file}” answers a withdrawn questionnaire`;
    case "questionnaire_unknown":
      return `“${file}” answers a questionnaire this assessment has no record of`;
    default:
      return `“${file}” cannot be taken as a returned questionnaire`;
  }
}

/**
 * What a drop means, from the core's answer for each file that may be a questionnaire (`answers`, by path): those
 * that are go to review, those refused (another assessment's, withdrawn, unknown) are said with the core's reason,
 * and everything else (a .csv, an .xlsx the core says is no questionnaire or cannot read) is left to the ordinary
 * import, as before.
 */
export function routeDrop(paths: readonly string[], answers: ReadonlyMap<string, ReviewAnswer>): DropRouting {
  const returns: PendingReturn[] = [];
  const refused: RefusedReturn[] = [];
  const toImport: string[] = [];
  for (const path of paths) {
    const answer = answers.get(path);
    const file = baseName(path);
    if (!answer || (!answer.ok && !isRefusedQuestionnaire(answer.error))) toImport.push(path);
    else if (answer.ok) returns.push({ path, file, review: answer.review });
    else refused.push({ path, file, title: refusalTitle(file, answer.error), message: answer.error.message });
  }
  let note: string | null = null;
  const questionnaires = returns.length + refused.length;
  if (questionnaires > 0 && toImport.length > 0) {
    const q = questionnaires === 1 ? "1 returned questionnaire" : `${questionnaires} returned questionnaires`;
    const spreadsheet = droppedSpreadsheet(toImport);
    note = spreadsheet.ok
      ? `${q} and another spreadsheet were dropped together: “${baseName(spreadsheet.path)}” is no questionnaire, so it is previewed for import on the Import screen.`
      : `${q} dropped with other files, which are not spreadsheets and were left aside.`;
  }
  return { returns, refused, toImport, note };
}

/**
 * What the drop overlay says while files are held over the window: as for an import, except that a workbook may be
 * a returned questionnaire, which goes to its review instead.
 */
export function dropOverlayHint(paths: readonly string[]): { accepted: boolean; title: string; detail: string } {
  const hint = dropHint(paths);
  const workbooks = paths.filter(maybeQuestionnaire);
  if (!hint.accepted || workbooks.length === 0) return hint;
  const title = paths.length === 1 ? `Drop to receive or import “${baseName(paths[0])}”` : `Drop ${paths.length} files`;
  return {
    accepted: true,
    title,
    detail: "A returned questionnaire opens its review; any other spreadsheet is previewed for import. Nothing changes until you apply.",
  };
}
