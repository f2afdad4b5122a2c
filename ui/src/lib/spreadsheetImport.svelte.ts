// One import of a legacy spreadsheet at a time, as the Import screen shows it:
// the file being previewed and the core's plan for it (its summary; the long
// lists of processes and issues read a page at a time from the plan the core
// keeps, as the screen shows them), the user's column choices, the kinds
// given to resources to classify and the levels given to severity words (all
// of them go with every re-plan and with the import), the cell
// an issue points at, and the import itself — its progress events (listened
// to before the command starts, no longer after it ends), Cancel until the
// core commits, and the outcome, kept while moving between screens. A late
// answer for a file no longer previewed is ignored. Refreshing the
// workspace's data after an import is `Workspace.importSpreadsheet`.
import { api, asApiError, onImportProgress } from "./api";
import type { ApiError } from "./bindings/ApiError";
import type { CellContext } from "./bindings/CellContext";
import type { ImportApplied } from "./bindings/ImportApplied";
import type { ImportColumnChoice } from "./bindings/ImportColumnChoice";
import type { ImportField } from "./bindings/ImportField";
import type { ImportIssue } from "./bindings/ImportIssue";
import type { ImportIssueLevels } from "./bindings/ImportIssueLevels";
import type { ImportKindChoice } from "./bindings/ImportKindChoice";
import type { ImportPlan } from "./bindings/ImportPlan";
import type { ImportProcessRow } from "./bindings/ImportProcessRow";
import type { ImportProgress } from "./bindings/ImportProgress";
import type { ImportWordLevel } from "./bindings/ImportWordLevel";
import type { ImportSummary } from "./bindings/ImportSummary";
import type { ResourceKind } from "./bindings/ResourceKind";
import { hasCell, readiness } from "./importPreview";
import { PagedRows } from "./pagedRows.svelte";

/** Rows the preview fetches at a time as the user scrolls. */
export const PAGE_SIZE = 100;

export type ImportOutcome = { ok: true; applied: ImportApplied } | { ok: false; error: ApiError };

/** The cell an issue points at, being read or read. */
export interface CellView {
  issue: ImportIssue;
  context: CellContext | null;
  error: string | null;
}

export class SpreadsheetImport {
  /** The workbook being previewed (null: none chosen yet). */
  path = $state<string | null>(null);
  /** Said about the file when it was chosen (several files dropped: which one is read). */
  note = $state<string | null>(null);
  /** The core's plan for `path` with `choices`, without its long lists (null while first read, or when it could not be read). */
  plan = $state<ImportPlan | null>(null);
  /** The plan's processes, a page at a time (null with no plan). */
  processes = $state<PagedRows<ImportProcessRow> | null>(null);
  /** The plan's issues, errors first, a page at a time (null with no plan). */
  issues = $state<PagedRows<ImportIssue> | null>(null);
  /** How many issues of each level the plan has. */
  issueLevels = $state<ImportIssueLevels>({ error: 0, warning: 0, info: 0 });
  /** The columns the user pinned to a field, in the order chosen. */
  choices = $state<ImportColumnChoice[]>([]);
  /** The levels the user gave severity words ("High" → 3), in the order chosen. */
  levels = $state<ImportWordLevel[]>([]);
  /** The kinds the user gave resources to classify, by name. */
  kinds = $state<ImportKindChoice[]>([]);
  /** The workbook is being read for the first time. */
  reading = $state(false);
  /** A changed mapping is being planned again (the previous plan stays on screen). */
  replanning = $state(false);
  /** Why the workbook could not be read or planned; with a plan, the last re-plan failed and the plan before it stays. */
  planError = $state<ApiError | null>(null);
  /** Why a file dropped on the window was not taken. */
  refusal = $state<string | null>(null);
  /** The import is being applied. */
  applying = $state(false);
  /** Cancel was asked for; the core has not answered yet. */
  cancelling = $state(false);
  /** The core's last progress event while applying. */
  progress = $state<ImportProgress | null>(null);
  /** How the last import of this file ended (null before one). */
  outcome = $state<ImportOutcome | null>(null);
  /** The cell shown beside the issues. */
  cell = $state<CellView | null>(null);

  /** The plan is there and can be imported, and nothing is under way. */
  ready = $derived(!!this.plan && readiness(this.plan).ok && !this.reading && !this.replanning && !this.applying);

  /** Bumped for every file and by `reset`, so answers about an earlier file are dropped. */
  private run = 0;
  /** Bumped by every change of mapping, so only the latest re-plan is shown. */
  private plans = 0;

  /** Reads `path` and shows its plan, forgetting the previous file, its choices and outcome. */
  async preview(path: string, note: string | null = null): Promise<void> {
    if (this.applying) return;
    const mine = ++this.run;
    this.path = path;
    this.note = note;
    this.plan = null;
    this.processes = null;
    this.issues = null;
    this.choices = [];
    this.levels = [];
    this.kinds = [];
    this.planError = null;
    this.refusal = null;
    this.outcome = null;
    this.cell = null;
    this.reading = true;
    try {
      const summary = await api.planImport(path, []);
      if (mine === this.run) this.show(path, summary);
    } catch (e) {
      if (mine === this.run) this.planError = asApiError(e);
    } finally {
      if (mine === this.run) this.reading = false;
    }
  }

  /** Shows a summary of `path`'s plan: its long lists start from the first pages it carries. */
  private show(path: string, summary: ImportSummary): void {
    const wrong = (list: string) => new Error(`the core answered a page of ${list}`);
    this.plan = summary.plan;
    this.processes = new PagedRows<ImportProcessRow>(
      (offset, limit, filter) =>
        api.importPage(path, "processes", offset, limit, filter).then((p) => (p.list === "processes" ? p : Promise.reject(wrong(p.list)))),
      PAGE_SIZE,
      summary.processes,
    );
    this.issues = new PagedRows<ImportIssue>(
      (offset, limit, filter) =>
        api.importPage(path, "issues", offset, limit, filter).then((p) => (p.list === "issues" ? p : Promise.reject(wrong(p.list)))),
      PAGE_SIZE,
      summary.issues,
    );
    this.issueLevels = summary.issue_levels;
  }

  /** A file dropped on the window that is not taken: says why, keeping any preview. */
  refuse(message: string): void {
    this.refusal = message;
  }

  /**
   * Pins the column (its letter) on `sheet` to `field`, and plans again with
   * every choice so far. The dropdown shows the choice at once; only the
   * answer to the latest change is kept, and a failed re-plan takes the
   * choice back (the previous plan stays).
   */
  async choose(sheet: string, column: string, field: ImportField): Promise<void> {
    const before = this.choices;
    await this.replan([...before.filter((c) => !(c.sheet === sheet && c.column === column)), { sheet, column, field }], this.levels);
  }

  /** Gives the severity word `word` the level `level` and plans again, as `choose` does for a column. */
  async chooseLevel(word: string, level: number): Promise<void> {
    const key = word.trim().toLowerCase();
    await this.replan(this.choices, [...this.levels.filter((l) => l.word.trim().toLowerCase() !== key), { word, level }]);
  }

  /** Plans again with `choices` and `levels`, shown at once and taken back if the re-plan fails. */
  private async replan(choices: ImportColumnChoice[], levels: ImportWordLevel[]): Promise<void> {
    if (!this.path || this.applying) return;
    const mine = this.run;
    const seq = ++this.plans;
    const before = { choices: this.choices, levels: this.levels };
    this.choices = choices;
    this.levels = levels;
    this.replanning = true;
    this.planError = null;
    try {
      const summary = await api.planImport(this.path, choices, this.kinds, levels);
      if (mine !== this.run || seq !== this.plans) return;
      this.show(this.path, summary);
      this.outcome = null;
      if (this.cell && !summary.issues.rows.some((i) => i.address === this.cell?.issue.address)) this.cell = null;
    } catch (e) {
      if (mine !== this.run || seq !== this.plans) return;
      this.choices = before.choices;
      this.levels = before.levels;
      this.planError = asApiError(e);
    } finally {
      if (mine === this.run && seq === this.plans) this.replanning = false;
    }
  }

  /**
   * Gives the resource to classify named `name` a kind, and plans again
   * (the dependencies on it then point at a resource of that kind); a
   * failed re-plan takes the kind back.
   */
  async classify(name: string, kind: ResourceKind): Promise<void> {
    if (!this.path || this.applying) return;
    const mine = this.run;
    const seq = ++this.plans;
    const before = this.kinds;
    const kinds = [...before.filter((k) => k.name !== name), ...(kind === "unclassified" ? [] : [{ name, kind }])];
    this.kinds = kinds;
    this.replanning = true;
    this.planError = null;
    try {
      const summary = await api.planImport(this.path, this.choices, kinds, this.levels);
      if (mine !== this.run || seq !== this.plans) return;
      this.show(this.path, summary);
      this.outcome = null;
    } catch (e) {
      if (mine !== this.run || seq !== this.plans) return;
      this.kinds = before;
      this.planError = asApiError(e);
    } finally {
      if (mine === this.run && seq === this.plans) this.replanning = false;
    }
  }

  /** Shows the cell an issue points at, among its neighbours. */
  async showCell(issue: ImportIssue): Promise<void> {
    if (!this.path || !hasCell(issue)) return;
    const mine = this.run;
    this.cell = { issue, context: null, error: null };
    try {
      const context = await api.importCellContext(this.path, issue.sheet, issue.cell);
      if (mine === this.run && this.cell?.issue === issue) this.cell = { issue, context, error: null };
    } catch (e) {
      if (mine === this.run && this.cell?.issue === issue) this.cell = { issue, context: null, error: asApiError(e).message };
    }
  }

  /** Applies the previewed plan with the choices made; resolves to the outcome (also kept in `outcome`). */
  async apply(): Promise<ImportOutcome | null> {
    if (!this.path || !this.ready) return null;
    const mine = this.run;
    this.applying = true;
    this.cancelling = false;
    this.progress = null;
    this.outcome = null;
    let unlisten: (() => void) | null = null;
    let outcome: ImportOutcome;
    try {
      unlisten = await onImportProgress((p) => {
        if (mine === this.run && this.applying) this.progress = { ...p, done: Math.min(Math.max(p.done, 0), Math.max(p.total, 0)) };
      });
      outcome = { ok: true, applied: await api.applyImport(this.path, this.choices, this.kinds, this.levels) };
    } catch (e) {
      outcome = { ok: false, error: asApiError(e) };
    } finally {
      unlisten?.();
    }
    if (mine !== this.run) return null;
    this.applying = false;
    this.cancelling = false;
    this.progress = null;
    this.outcome = outcome;
    return outcome;
  }

  /** Asks the core to stop the running import before it commits. */
  async cancel(): Promise<void> {
    if (!this.applying || this.cancelling || this.progress?.stage === "commit") return;
    this.cancelling = true;
    try {
      await api.cancelImport();
    } catch (e) {
      this.cancelling = false;
      this.outcome = { ok: false, error: asApiError(e) };
    }
  }

  /** Forgets the file and everything about it (the assessment was closed or another opened). */
  reset(): void {
    this.run += 1;
    this.path = null;
    this.note = null;
    this.plan = null;
    this.processes = null;
    this.issues = null;
    this.choices = [];
    this.levels = [];
    this.kinds = [];
    this.reading = false;
    this.replanning = false;
    this.planError = null;
    this.refusal = null;
    this.applying = false;
    this.cancelling = false;
    this.progress = null;
    this.outcome = null;
    this.cell = null;
  }
}
