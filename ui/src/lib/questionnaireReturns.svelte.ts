// Returned questionnaires waiting for review, as the Questionnaires screen shows them: the workbooks offered (dropped
// on the window or chosen with "Receive returned workbooks…"), each read by the core's `review_questionnaire` (which
// changes nothing), those refused and why, and how the last one taken ended — kept here, by the workspace, so that
// leaving the screen loses nothing. What a drop means is `questionnaires.ts` (`routeDrop`); applying is the core's
// `receive_questionnaire`, and the workspace re-reads what it changed.
import { open } from "@tauri-apps/plugin-dialog";
import { api, asApiError } from "./api";
import type { Acceptance } from "./bindings/Acceptance";
import type { ReceiveOutcome } from "./bindings/ReceiveOutcome";
import { maybeQuestionnaire, routeDrop, type DropRouting, type PendingReturn, type RefusedReturn, type ReviewAnswer } from "./questionnaires";

/** How the last return taken ended: what the banner says, and the backup made before it was applied. */
export interface TakenReturn {
  recipient: string;
  file: string;
  outcome: ReceiveOutcome;
}

export class QuestionnaireReturns {
  /** Returned workbooks read and waiting for their review, in the order they came. */
  pending = $state.raw<PendingReturn[]>([]);
  /** The one whose review is on screen (an index into `pending`). */
  current = $state(0);
  /** Workbooks offered that cannot be taken, with the core's reason. */
  refused = $state.raw<RefusedReturn[]>([]);
  /** Said once, about the last drop (questionnaires and a spreadsheet to import together). */
  note = $state<string | null>(null);
  /** The last return taken (applied or only recorded). */
  taken = $state<TakenReturn | null>(null);
  /** Reading the offered workbooks, or applying one. */
  busy = $state(false);

  /** Asks the core what each file that may be a questionnaire is; the rest is left for the import. */
  async offer(paths: readonly string[]): Promise<DropRouting> {
    this.busy = true;
    try {
      const answers = new Map<string, ReviewAnswer>();
      for (const path of paths.filter(maybeQuestionnaire)) {
        try {
          answers.set(path, { ok: true, review: await api.reviewQuestionnaire(path) });
        } catch (e) {
          answers.set(path, { ok: false, error: asApiError(e) });
        }
      }
      const routing = routeDrop(paths, answers);
      if (routing.returns.length > 0 || routing.refused.length > 0) {
        const offered = new Set(routing.returns.map((r) => r.path));
        const kept = this.pending.filter((p) => !offered.has(p.path));
        this.pending = [...kept, ...routing.returns];
        if (routing.returns.length > 0) this.current = kept.length;
        this.refused = routing.refused;
        this.note = routing.note;
        this.taken = null;
      }
      return routing;
    } finally {
      this.busy = false;
    }
  }

  /** Takes the return on screen as accepted; resolves with how it ended, having left the list of those pending. */
  async receive(ret: PendingReturn, acceptance: Acceptance): Promise<ReceiveOutcome> {
    this.busy = true;
    try {
      // What is applied is what was reviewed: the core refuses a file changed since.
      const outcome = await api.receiveQuestionnaire(ret.path, acceptance, ret.review.fingerprint);
      this.pending = this.pending.filter((p) => p.path !== ret.path);
      this.current = Math.min(this.current, Math.max(0, this.pending.length - 1));
      this.taken = { recipient: ret.review.recipient, file: ret.file, outcome };
      return outcome;
    } finally {
      this.busy = false;
    }
  }

  /** Sets a return aside without taking it (it can be dropped again). */
  dismiss(ret: PendingReturn): void {
    this.pending = this.pending.filter((p) => p.path !== ret.path);
    this.current = Math.min(this.current, Math.max(0, this.pending.length - 1));
  }

  /** Forgets everything (another file was opened, or this one closed). */
  reset(): void {
    this.pending = [];
    this.current = 0;
    this.refused = [];
    this.note = null;
    this.taken = null;
    this.busy = false;
  }
}

/** Asks for the folder the questionnaires are written into; null when cancelled. */
export async function chooseQuestionnaireFolder(title = "Choose the folder for the questionnaires"): Promise<string | null> {
  const folder = await open({ title, directory: true, multiple: false });
  return typeof folder === "string" ? folder : null;
}

/** Asks for the returned workbooks (several at once); empty when cancelled. */
export async function chooseReturnedWorkbooks(): Promise<string[]> {
  const picked = await open({
    title: "Receive returned questionnaires",
    multiple: true,
    directory: false,
    filters: [{ name: "Questionnaire workbook", extensions: ["xlsx"] }],
  });
  if (picked === null) return [];
  return Array.isArray(picked) ? picked : [picked];
}
