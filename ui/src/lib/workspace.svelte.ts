// The app's state while it runs: the open session, the data the screens show,
// and the actions that change them. Every change goes to the core first and
// the screens then re-read what changed (one-way data flow, as in DESIGN.md).
import { api, asApiError } from "./api";
import type { ApiError } from "./bindings/ApiError";
import type { AssessmentInfo } from "./bindings/AssessmentInfo";
import type { AssessmentInput } from "./bindings/AssessmentInput";
import type { History } from "./bindings/History";
import type { Id } from "./bindings/Id";
import type { Methodology } from "./bindings/Methodology";
import type { MethodologyInput } from "./bindings/MethodologyInput";
import type { Process } from "./bindings/Process";
import type { RecentFile } from "./bindings/RecentFile";
import type { Session } from "./bindings/Session";
import type { Status } from "./bindings/Status";
import type { Unit } from "./bindings/Unit";
import { chooseAssessmentToOpen, chooseNewAssessmentPath } from "./fileDialogs";
import type { SectionId } from "./navigation";

const NO_HISTORY: History = { undo: null, redo: null };

export class Workspace {
  session = $state<Session | null>(null);
  processes = $state<Process[]>([]);
  units = $state<Unit[]>([]);
  methodology = $state<Methodology | null>(null);
  recent = $state<RecentFile[]>([]);
  /** What the message banner shows (start screen or main window). */
  error = $state<ApiError | null>(null);
  section = $state<SectionId>("dashboard");
  /** Opening or creating a file is under way. */
  busy = $state(false);
  /** Where the new assessment will be created while its form is open. */
  newPath = $state<string | null>(null);
  /** Grows on every undo/redo, so screens holding local copies re-read. */
  revision = $state(0);
  /** The process the Impact screen shows (kept while moving between screens). */
  impactProcessId = $state<Id | null>(null);

  history: History = $derived(this.session?.history ?? NO_HISTORY);
  private historyBusy = false;

  /** At start: the session the shell already holds (opened from the command line), or the recent list. */
  async init(): Promise<void> {
    try {
      const session = await api.currentSession();
      if (session) await this.enter(session);
      else await this.loadRecent();
    } catch (e) {
      this.error = asApiError(e);
    }
  }

  async loadRecent(): Promise<void> {
    try {
      this.recent = await api.recentFiles();
    } catch (e) {
      this.error = asApiError(e);
    }
  }

  async forgetRecent(path: string): Promise<void> {
    try {
      this.recent = await api.forgetRecent(path);
    } catch (e) {
      this.error = asApiError(e);
    }
  }

  private async enter(session: Session): Promise<void> {
    this.session = session;
    this.error = null;
    this.section = "dashboard";
    await this.reloadData();
  }

  /** Re-reads the processes, units and methodology of the open assessment. */
  async reloadData(): Promise<void> {
    const [processes, units, methodology] = await Promise.all([
      api.listProcesses(),
      api.listUnits(),
      api.getMethodology(),
    ]);
    this.processes = processes;
    this.units = units;
    this.methodology = methodology;
  }

  /** Re-reads what an edit of processes or units may have changed, and the history. */
  async afterEdit(history?: History): Promise<void> {
    const [processes, units, fresh] = await Promise.all([
      api.listProcesses(),
      api.listUnits(),
      history ? Promise.resolve(history) : api.history(),
    ]);
    this.processes = processes;
    this.units = units;
    this.setHistory(fresh);
  }

  /** Re-reads the history after an edit that changed nothing the workspace holds (scores, objectives). */
  async refreshHistory(): Promise<void> {
    this.setHistory(await api.history());
  }

  /**
   * Moves a process through review (send to review, approve, reopen) with a
   * note for the decision log; re-reads the register. Rejects with the
   * core's error for the caller to show.
   */
  async setStatus(processId: Id, status: Status, note: string): Promise<void> {
    await api.setStatus(processId, status, note);
    await this.afterEdit();
  }

  /** Saves an edited methodology; rejects with the core's error (field issues, a category in use). */
  async saveMethodology(input: MethodologyInput): Promise<void> {
    this.methodology = await api.updateMethodology(input);
    await this.refreshHistory();
  }

  /** Opens the Impact screen on a process. */
  showImpact(processId: Id): void {
    this.impactProcessId = processId;
    this.section = "impact";
  }

  setHistory(history: History): void {
    if (this.session) this.session = { ...this.session, history };
  }

  setInfo(info: AssessmentInfo): void {
    if (this.session) this.session = { ...this.session, info };
  }

  /** Runs an opening call (open, demo, new), showing its error in the banner. */
  private async opening(call: () => Promise<Session>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    try {
      await this.enter(await call());
      return true;
    } catch (e) {
      const error = asApiError(e);
      await this.syncSession();
      if (!this.session) await this.loadRecent();
      this.error = error;
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** After a failed open: follow what the shell holds now (the old file may still be open, or not). */
  private async syncSession(): Promise<void> {
    try {
      const current = await api.currentSession();
      if (!current) {
        this.session = null;
      } else if (current.path !== this.session?.path) {
        await this.enter(current);
      }
    } catch {
      // Keep what is shown; the banner reports the original failure.
    }
  }

  openPath(path: string): Promise<boolean> {
    return this.opening(() => api.openAssessment(path));
  }

  openDemo(): Promise<boolean> {
    return this.opening(() => api.openDemo());
  }

  /** File › Open…: the native dialog, then the file. */
  async chooseAndOpen(): Promise<void> {
    try {
      const path = await chooseAssessmentToOpen();
      if (path) await this.openPath(path);
    } catch (e) {
      this.error = asApiError(e);
    }
  }

  /** File › New…: the native save dialog, then the new-assessment form. */
  async startNew(): Promise<void> {
    try {
      const path = await chooseNewAssessmentPath();
      if (path) this.newPath = path;
    } catch (e) {
      this.error = asApiError(e);
    }
  }

  /** Creates the file the form describes; rejects (for the form to show) on failure. */
  async createNew(input: AssessmentInput): Promise<void> {
    if (!this.newPath) return;
    const session = await api.newAssessment(this.newPath, input);
    this.newPath = null;
    await this.enter(session);
  }

  async close(): Promise<void> {
    try {
      await api.closeAssessment();
    } catch (e) {
      this.error = asApiError(e);
      return;
    }
    this.session = null;
    this.processes = [];
    this.units = [];
    this.methodology = null;
    this.impactProcessId = null;
    this.error = null;
    await this.loadRecent();
  }

  undo(): Promise<void> {
    return this.travel(() => api.undo(), this.history.undo);
  }

  redo(): Promise<void> {
    return this.travel(() => api.redo(), this.history.redo);
  }

  private async travel(call: () => Promise<History>, label: string | null): Promise<void> {
    if (!this.session || label === null || this.historyBusy) return;
    this.historyBusy = true;
    try {
      await call();
      // Undo can touch anything: the facts, processes, units. Re-read it all.
      const session = await api.currentSession();
      if (session) this.session = session;
      await this.reloadData();
      this.revision += 1;
    } catch (e) {
      this.error = asApiError(e);
    } finally {
      this.historyBusy = false;
    }
  }
}
