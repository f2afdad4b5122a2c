// One export of the executive workbook at a time, as the Export screen shows
// it: the save dialog, the core's progress while it writes (listened to before
// the command starts and no longer after it ends), and the outcome — the
// report, or the error — kept until the next export, so leaving the screen
// and coming back shows where it got to. "Show in folder" reveals the saved
// file. Cancelling the dialog changes nothing. Which file name to suggest and
// what the sheets hold is `workbookFiles.ts`; writing the file is the core's.
import { api, asApiError, onExportProgress } from "./api";
import type { ApiError } from "./bindings/ApiError";
import type { ExportProgress } from "./bindings/ExportProgress";
import type { ExportReport } from "./bindings/ExportReport";
import { chooseWorkbookPath } from "./workbookFiles";

export type ExportOutcome = { ok: true; report: ExportReport } | { ok: false; error: ApiError };

export class WorkbookExport {
  /** The save dialog is open. */
  choosing = $state(false);
  /** The core is writing the workbook. */
  running = $state(false);
  /** The step the core reported last while running (null before the first). */
  progress = $state<ExportProgress | null>(null);
  /** How the last export ended; null before any, and while one runs. */
  outcome = $state<ExportOutcome | null>(null);
  /** Why "Show in folder" failed, if it did. */
  revealError = $state<string | null>(null);

  /** The dialog is open or the workbook is being written: another export waits. */
  busy = $derived(this.choosing || this.running);

  /** Bumped by every export and by `reset`, so a late answer of an older one is ignored. */
  private run = 0;

  /** Asks where to save, then writes the workbook there (with a last sheet of the changes since the assessment at
   *  `changesSince`, when given). Does nothing while another export is under way. */
  async start(assessmentName: string, changesSince: string | null = null): Promise<void> {
    if (this.busy) return;
    const mine = ++this.run;
    this.choosing = true;
    let path: string | null;
    try {
      path = await chooseWorkbookPath(assessmentName);
    } catch (e) {
      if (mine === this.run) this.outcome = { ok: false, error: asApiError(e) };
      return;
    } finally {
      if (mine === this.run) this.choosing = false;
    }
    if (!path || mine !== this.run) return;

    this.running = true;
    this.progress = null;
    this.outcome = null;
    this.revealError = null;
    let unlisten: (() => void) | null = null;
    let outcome: ExportOutcome;
    try {
      unlisten = await onExportProgress((p) => {
        if (mine === this.run && p.total > 0) this.progress = { ...p, done: Math.min(Math.max(p.done, 0), p.total) };
      });
      outcome = { ok: true, report: await api.exportWorkbook(path, changesSince) };
    } catch (e) {
      outcome = { ok: false, error: asApiError(e) };
    } finally {
      unlisten?.();
    }
    if (mine !== this.run) return;
    this.running = false;
    this.progress = null;
    this.outcome = outcome;
  }

  /** Shows the saved workbook in the system's file manager; a failure is kept in `revealError`. */
  async reveal(): Promise<void> {
    if (!this.outcome?.ok) return;
    this.revealError = null;
    try {
      await api.revealInFolder(this.outcome.report.path);
    } catch (e) {
      this.revealError = asApiError(e).message;
    }
  }

  /** Forgets the last export (the assessment was closed); an export still running is ignored when it ends. */
  reset(): void {
    this.run += 1;
    this.choosing = false;
    this.running = false;
    this.progress = null;
    this.outcome = null;
    this.revealError = null;
  }
}
