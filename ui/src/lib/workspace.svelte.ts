// The app's state while it runs: the open session, the data the screens show,
// and the actions that change them. Every change goes to the core first and
// the screens then re-read what changed (one-way data flow, as in DESIGN.md).
import { api, asApiError } from "./api";
import { KeyedAnswer } from "./keyedAnswer";
import type { Analysis } from "./bindings/Analysis";
import type { Overview } from "./bindings/Overview";
import type { ApiError } from "./bindings/ApiError";
import type { AssessmentInfo } from "./bindings/AssessmentInfo";
import type { AssessmentInput } from "./bindings/AssessmentInput";
import type { Counts } from "./bindings/Counts";
import type { Dependency } from "./bindings/Dependency";
import type { DependencyInput } from "./bindings/DependencyInput";
import type { History } from "./bindings/History";
import type { Id } from "./bindings/Id";
import type { ChartKind } from "./bindings/ChartKind";
import type { ChartOptions } from "./bindings/ChartOptions";
import type { Methodology } from "./bindings/Methodology";
import type { MethodologyInput } from "./bindings/MethodologyInput";
import type { Objectives } from "./bindings/Objectives";
import type { ObjectivesInput } from "./bindings/ObjectivesInput";
import type { Process } from "./bindings/Process";
import type { ProcessImpact } from "./bindings/ProcessImpact";
import type { ProcessInput } from "./bindings/ProcessInput";
import type { RecentFile } from "./bindings/RecentFile";
import type { Recovered } from "./bindings/Recovered";
import type { Resource } from "./bindings/Resource";
import type { ResourceInput } from "./bindings/ResourceInput";
import type { ResourceKind } from "./bindings/ResourceKind";
import type { ScoreInput } from "./bindings/ScoreInput";
import type { Session } from "./bindings/Session";
import type { Status } from "./bindings/Status";
import type { Strength } from "./bindings/Strength";
import type { Unit } from "./bindings/Unit";
import type { UnitInput } from "./bindings/UnitInput";
import { servesOptions } from "./chartWidth";
import { chartHorizon, dashboardChartOptions } from "./dashboardStats";
import { chooseAssessmentToOpen, chooseCopyPath, chooseNewAssessmentPath } from "./fileDialogs";
import { damagedFile, recoverySummary } from "./recovery";
import type { SectionId } from "./navigation";
import { baseName, chooseSpreadsheetPath, droppedSpreadsheet, isAssessmentFile } from "./spreadsheetFiles";
import { SpreadsheetImport } from "./spreadsheetImport.svelte";
import { QuestionnaireReturns, chooseReturnedWorkbooks } from "./questionnaireReturns.svelte";
import type { Acceptance } from "./bindings/Acceptance";
import type { PendingReturn } from "./questionnaires";
import { WorkbookExport } from "./workbookExport.svelte";
import { Comparing } from "./comparing.svelte";
import { Merging, chooseCopyPathFor } from "./merging.svelte";
import type { Conflict } from "./bindings/Conflict";
import type { ResolveInput } from "./bindings/ResolveInput";

const NO_HISTORY: History = { undo: null, redo: null };

/** When work the user did not ask for starts: the check of a large file waits for its first screen to be drawn. */
export const background: { checkAfterMs: number; listsAfterMs: number; analysisAfterMs: number | null } = {
  checkAfterMs: 3_000,
  listsAfterMs: 2_000,
  // Once the register is read, the analysis the Objectives, Gaps, Resources and Dependencies screens show is asked
  // for while the user reads the Dashboard (a third of a second of the core's for 10,000 processes): the first of
  // those screens then shows at once. Null: never (the component tests, which ask for what they replay).
  analysisAfterMs: 1_500,
};

/** How the charts are shown: chosen on the Dashboard and the Dependencies screen, kept while moving between screens. */
export interface ChartChoices {
  /** The impact heatmap's rows grouped by unit. */
  heatmapByUnit: boolean;
  /** The horizon of the impact-by-category chart; null (or one since removed) = the default. */
  categoriesHorizonId: Id | null;
  /** The dependency chart: the process on screen and everything upstream of it, or the whole assessment. */
  dependenciesScope: "process" | "all";
  /** The impact heatmap's unit (its processes and its sub-units'); null: every unit. */
  heatmapUnitId: Id | null;
  /** The impact heatmap's page, 0 the most time-critical (an assessment of more processes than a chart shows). */
  heatmapPage: number;
}

const DEFAULT_CHART_CHOICES: ChartChoices = {
  heatmapByUnit: false,
  categoriesHorizonId: null,
  dependenciesScope: "process",
  heatmapUnitId: null,
  heatmapPage: 0,
};

export class Workspace {
  session = $state<Session | null>(null);
  processes = $state.raw<Process[]>([]);
  units = $state.raw<Unit[]>([]);
  methodology = $state<Methodology | null>(null);
  resources = $state.raw<Resource[]>([]);
  dependencies = $state.raw<Dependency[]>([]);
  /**
   * The open file's figures, counted by the core as it opens (milliseconds, whatever its size): the Dashboard shows
   * them, and draws its charts, while the processes and dependencies are still being read (seconds for 10,000).
   */
  counts = $state<Counts | null>(null);
  /** The processes and dependencies of the open file have been read (false while a file opens). */
  listsLoaded = $state(false);
  /** The file whose processes and dependencies are being read. */
  private listsAsked: string | null = null;
  /**
   * The Dashboard's charts, asked for as a file opens, before the screen is built (building it takes the window's
   * thread for a tenth of a second, which the core spends drawing them), by kind and options: each is taken by the
   * first card to ask for it. Dropped once the register is read, and on any undo, redo or import.
   */
  private readonly analysisAnswer = new KeyedAnswer<Analysis>();
  private readonly overviewAnswer = new KeyedAnswer<Overview>();
  private prefetched = new Map<string, { kind: ChartKind; options: ChartOptions; svg: Promise<string> }>();
  recent = $state<RecentFile[]>([]);
  /** What the message banner shows (start screen or main window). */
  error = $state<ApiError | null>(null);
  /** A note of how something went (a recovery's summary), shown until dismissed. */
  notice = $state<string | null>(null);
  section = $state<SectionId>("dashboard");
  /** Opening or creating a file is under way. */
  busy = $state(false);
  /** Where the new assessment will be created while its form is open. */
  newPath = $state<string | null>(null);
  /** Grows on every undo/redo, so screens holding local copies re-read. */
  revision = $state(0);
  /** The process the Impact screen shows (kept while moving between screens). */
  impactProcessId = $state<Id | null>(null);
  /** The process the Dependencies screen shows (kept while moving between screens). */
  dependenciesProcessId = $state<Id | null>(null);
  /** How the charts are shown (kept while moving between screens). */
  charts = $state<ChartChoices>({ ...DEFAULT_CHART_CHOICES });
  /** How the Gaps screen lists the gaps, once the user has chosen (null: cards for a few, the table for many). */
  gapsView = $state<"cards" | "table" | null>(null);
  /** A resource whose form the Resources screen should open when it shows (a link from elsewhere). */
  resourceToOpen = $state<Id | null>(null);
  /** The workshop the Workshops screen should open when it shows (its runner while it runs, else its plan or summary). */
  workshopToOpen = $state<Id | null>(null);
  /** The workshop running in this file, if any: the runner and the resume offer follow it. */
  runningWorkshop = $state<{ id: Id; title: string; started_at: string } | null>(null);
  /** A workshop's runner is on screen: the window gives it its whole width (no sidebar). */
  workshopFocus = $state(false);
  /** The resume offer of a file left mid-workshop was dismissed. */
  resumeDismissed = $state(false);
  /** A process whose objectives the Objectives screen should open when it shows. */
  objectivesToOpen = $state<Id | null>(null);
  /** The export of the executive workbook: under way, or how the last one ended (kept while moving between screens). */
  readonly workbook = new WorkbookExport();
  /** File › Compare with…: the file compared with and the comparison, kept while moving between screens. */
  readonly compare = new Comparing();
  /** File › Merge a Copy… and Give a Copy To…: the copy previewed or merged, the file's conflicts, kept while moving between screens. */
  readonly merging = new Merging();
  /** The import of a legacy spreadsheet: the file previewed, its plan, the import under way or how it ended. */
  readonly spreadsheet = new SpreadsheetImport();
  /** Returned questionnaires waiting for review, those refused, and how the last one taken ended. */
  readonly returns = new QuestionnaireReturns();

  history: History = $derived(this.session?.history ?? NO_HISTORY);
  /** The open file cannot be written (or was opened to read): edits are refused. */
  readOnly = $derived(this.session?.read_only != null);
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
    this.error = null;
    this.workbook.reset();
    this.compare.reset();
    this.merging.reset();
    this.spreadsheet.reset();
    this.returns.reset();
    this.listsLoaded = false;
    this.prefetched.clear();
    // Another file's units and pages mean nothing here.
    this.charts = { ...this.charts, heatmapUnitId: null, heatmapPage: 0 };
    let basics: [Counts, Unit[], Methodology, Resource[]];
    try {
      // What the Dashboard shows first is read before the workspace is built, and its charts asked for at once: the
      // core draws them while the window builds the screen.
      basics = await Promise.all([api.counts(), api.listUnits(), api.getMethodology(), api.listResources()]);
      this.prefetchDashboardCharts(basics[0], basics[2], basics[3]);
    } finally {
      // Shown even when the reading failed, with its error in the banner: the file is open in the core.
      this.session = session;
      this.section = "dashboard";
      this.runningWorkshop = session.running_workshop;
      this.resumeDismissed = false;
    }
    const [counts, units, methodology, resources] = basics;
    this.counts = counts;
    this.units = units;
    this.methodology = methodology;
    this.resources = resources;
    this.processes = [];
    this.dependencies = [];
    this.listsAsked = null;
    // Its tiles: asked for now, so the core works on them while the window builds the screen.
    this.overview().catch(() => undefined);
    // The Dashboard is drawn from the counts, and its charts asked for, before the lists are read (tens of megabytes
    // for 10,000 processes, which would hold the window up): they are read once the charts are drawn, or at once
    // when another screen needs them, or after a while whatever happens.
    setTimeout(() => this.readListsNow(), background.listsAfterMs);
    if (session.check_pending) setTimeout(() => void this.checkInBackground(session.path), background.checkAfterMs);
  }

  private prefetchDashboardCharts(counts: Counts, methodology: Methodology, resources: Resource[]): void {
    const options = dashboardChartOptions({
      processes: counts.processes,
      resources: resources.length,
      horizon: chartHorizon(methodology.horizons, this.charts.categoriesHorizonId),
      heatmapByUnit: this.charts.heatmapByUnit,
      // Laid out for the cards the window will give them (0 where nothing is laid out: the cards then ask as they are).
      windowWidth: document.documentElement.clientWidth,
    });
    for (const [kind, sent] of Object.entries(options) as [ChartKind, ChartOptions][]) {
      const svg = api.chartSvg(kind, sent);
      // A chart no card takes (the screen changed meanwhile) must not report its failure as unhandled.
      svg.catch(() => undefined);
      this.prefetched.set(chartKey(kind, sent), { kind, options: sent, svg });
    }
  }

  /**
   * The core's analysis of the open file (MTPDs, tiers, required RTOs, gaps), asked for once per state of the file
   * and shared by the screens that show it: the Objectives, Dependencies, Resources and Gaps screens of a
   * 10,000-process assessment each asked for it again (a third of a second and 10 MB each). A state is the session
   * (its history moves with every edit, undo and redo), the lists as read, the methodology and the revision; a
   * failed answer is not kept.
   */
  analysis(): Promise<Analysis> {
    return this.analysisAnswer.get(this.stateKey(), () => api.analyze());
  }

  /**
   * The assessment at a glance (the Dashboard's tiles and most time-critical processes), from the analysis the core
   * keeps for the file as it is now: a few hundred bytes whatever the file's size. Asked for once per state of the
   * file, as `analysis()` is, and as a file opens, with the Dashboard's charts.
   */
  overview(): Promise<Overview> {
    return this.overviewAnswer.get(this.stateKey(), () => api.overview());
  }

  /** What a state of the open file is, for the answers kept per state (see `analysis()`). */
  private stateKey(): unknown[] {
    return [this.session, this.revision, this.processes, this.units, this.resources, this.dependencies, this.methodology];
  }

  /**
   * A chart drawn by the core as SVG: the one asked for as the file opened, if it is of this kind with these
   * options (laid out for a width within a few pixels of the card's).
   */
  chartSvg(kind: ChartKind, options: ChartOptions): Promise<string> {
    for (const [key, early] of this.prefetched) {
      if (early.kind !== kind || !servesOptions(early.options, options)) continue;
      this.prefetched.delete(key);
      return early.svg;
    }
    return api.chartSvg(kind, options);
  }

  /** Reads the open file's processes and dependencies, unless they are read or being read. */
  readListsNow(): void {
    const path = this.session?.path;
    if (path === undefined || this.listsLoaded || this.listsAsked === path) return;
    this.listsAsked = path;
    void this.readLists(path);
  }

  /** The processes and dependencies of the file just opened, unless another has been opened (or it closed) since. */
  private async readLists(path: string): Promise<void> {
    try {
      const [processes, dependencies] = await Promise.all([api.listProcesses(), api.listDependencies()]);
      if (this.session?.path !== path || this.listsLoaded) return;
      this.processes = processes;
      this.dependencies = dependencies;
      this.listsLoaded = true;
      this.prefetched.clear();
      const after = background.analysisAfterMs;
      if (after !== null)
        setTimeout(() => {
          if (this.session?.path === path) this.analysis().catch(() => undefined);
        }, after);
    } catch (e) {
      if (this.session?.path === path) this.error = asApiError(e);
    }
  }

  /**
   * The rest of a large file's check, once its first screen is drawn (the check holds the file for about a second per
   * 100 MB): a damage found is reported in the banner (with Recover…).
   */
  private async checkInBackground(path: string): Promise<void> {
    if (this.session?.path !== path) return;
    try {
      await api.checkAssessment();
    } catch (e) {
      if (this.session?.path === path) this.error = asApiError(e);
    }
  }

  /** Re-reads the processes, units, methodology, resources and dependencies of the open assessment. */
  async reloadData(): Promise<void> {
    const [processes, units, methodology, resources, dependencies] = await Promise.all([
      api.listProcesses(),
      api.listUnits(),
      api.getMethodology(),
      api.listResources(),
      api.listDependencies(),
    ]);
    this.processes = processes;
    this.units = units;
    this.methodology = methodology;
    this.resources = resources;
    this.dependencies = dependencies;
    this.listsLoaded = true;
  }

  /** Re-reads what an edit of processes, units or resources may have changed (deleting one removes its dependencies), and the history. */
  async afterEdit(history?: History): Promise<void> {
    const [processes, units, resources, dependencies, fresh] = await Promise.all([
      api.listProcesses(),
      api.listUnits(),
      api.listResources(),
      api.listDependencies(),
      history ? Promise.resolve(history) : api.history(),
    ]);
    this.processes = processes;
    this.units = units;
    this.resources = resources;
    this.dependencies = dependencies;
    this.listsLoaded = true;
    this.setHistory(fresh);
  }

  // --- edits: every write to the assessment goes through one of these -------
  // Each rejects with the core's error for the form to show, and re-reads
  // what the edit may have changed.

  /** Saves the assessment's facts (name, organisation, scope, facilitator). */
  async updateAssessment(input: AssessmentInput): Promise<void> {
    this.setInfo(await api.updateAssessment(input));
    this.setHistory(await api.history());
  }

  /** Keeps the latest `limit` edits for undo (null: the default); older ones are forgotten. */
  async setUndoLimit(limit: number | null): Promise<void> {
    const kept = await api.setUndoLimit(limit);
    if (this.session) this.session = { ...this.session, undo_limit: kept };
    this.setHistory(await api.history());
  }

  /** Creates a process (`id` null) or saves an edited one. */
  async saveProcess(id: Id | null, input: ProcessInput): Promise<void> {
    if (id) await api.updateProcess(id, input);
    else await api.createProcess(input);
    await this.afterEdit();
  }

  /** Deletes a process with its scores, objectives and dependencies (one undoable edit). */
  async deleteProcess(id: Id): Promise<void> {
    await api.deleteProcess(id);
    await this.afterEdit();
  }

  /** Creates a resource (`id` null) or saves an edited one. */
  async saveResource(id: Id | null, input: ResourceInput): Promise<void> {
    if (id) await api.updateResource(id, input);
    else await api.createResource(input);
    await this.afterEdit();
  }

  /** Gives a resource its kind, e.g. one imported "to classify" (one undoable edit). */
  async setResourceKind(id: Id, kind: ResourceKind): Promise<void> {
    await api.setResourceKind(id, kind);
    await this.afterEdit();
  }

  /** Deletes a resource and every dependency on or of it (one undoable edit). */
  async deleteResource(id: Id): Promise<void> {
    await api.deleteResource(id);
    await this.afterEdit();
  }

  async createUnit(input: UnitInput): Promise<void> {
    await api.createUnit(input);
    await this.afterEdit();
  }

  /** Renames a unit or moves it under another. */
  async updateUnit(id: Id, input: UnitInput): Promise<void> {
    await api.updateUnit(id, input);
    await this.afterEdit();
  }

  async deleteUnit(id: Id): Promise<void> {
    await api.deleteUnit(id);
    await this.afterEdit();
  }

  /**
   * Sets (or clears) cells of a process's impact as one undoable edit. The
   * Impact screen sends a run of these one after another and re-reads the
   * history once the run is through (`refreshHistory`).
   */
  setScores(processId: Id, inputs: ScoreInput[]): Promise<ProcessImpact> {
    return api.setScores(processId, inputs);
  }

  async setImpactRationale(processId: Id, rationale: string): Promise<ProcessImpact> {
    const impact = await api.setImpactRationale(processId, rationale);
    await this.refreshHistory();
    return impact;
  }

  /** Agrees a process's objectives (logged as decisions). */
  async setObjectives(processId: Id, input: ObjectivesInput): Promise<Objectives> {
    const objectives = await api.setObjectives(processId, input);
    await this.refreshHistory();
    return objectives;
  }

  /** Writes a chart to a file the user chose (.svg or .png); the assessment is not changed. */
  saveChart(kind: ChartKind, path: string, options: ChartOptions): Promise<void> {
    return api.saveChart(kind, path, options);
  }

  /** Re-reads resources, dependencies and the history after a change of dependencies. */
  private async afterDependencyEdit(): Promise<void> {
    const [resources, dependencies, history] = await Promise.all([api.listResources(), api.listDependencies(), api.history()]);
    this.resources = resources;
    this.dependencies = dependencies;
    this.setHistory(history);
  }

  /** Records that `from` relies on `to` (possibly a new resource, in the same edit); rejects with the core's error. */
  async addDependency(input: DependencyInput): Promise<Dependency> {
    const created = await api.createDependency(input);
    await this.afterDependencyEdit();
    return created;
  }

  /** Changes how strongly something relies on another, and the note; rejects with the core's error. */
  async editDependency(id: Id, strength: Strength, note: string): Promise<void> {
    await api.updateDependency(id, strength, note);
    await this.afterDependencyEdit();
  }

  async removeDependency(id: Id): Promise<void> {
    await api.deleteDependency(id);
    await this.afterDependencyEdit();
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

  /** Opens the Dependencies screen on a process. */
  showDependencies(processId: Id): void {
    this.dependenciesProcessId = processId;
    this.section = "dependencies";
  }

  /** Opens the Resources screen with a resource's form open. */
  showResource(resourceId: Id): void {
    this.resourceToOpen = resourceId;
    this.section = "resources";
  }

  /** Opens the Workshops screen on a workshop (its runner while it runs). */
  showWorkshop(id: Id): void {
    this.workshopToOpen = id;
    this.section = "workshops";
  }

  /** Opens the Objectives screen with a process's objectives open. */
  showObjectives(processId: Id): void {
    this.objectivesToOpen = processId;
    this.section = "objectives";
  }

  /** File › Export Workbook… and the Export screen's button: shows the Export screen and starts an export there
   *  (with the changes since the file compared with, when the user chose to include them). */
  async exportWorkbook(): Promise<void> {
    if (!this.session) return;
    this.section = "export";
    const since = this.compare.inWorkbook && this.compare.comparison ? this.compare.path : null;
    await this.workbook.start(this.session.info.name, since);
  }

  /** File › Compare with…: the Compare screen, the native dialog, then the comparison. */
  async compareWith(): Promise<void> {
    if (!this.session) return;
    this.section = "compare";
    await this.compare.choose();
  }

  /** File › Give a Copy To…: the form asking whom the copy is for (then the save dialog). */
  startGivingCopy(): void {
    if (!this.session) return;
    this.merging.giving = true;
  }

  /**
   * Gives a copy to `holder`: the save dialog (suggesting "<assessment> - copy for <holder>.bia"), then the copy written
   * by the core. Resolves false when the dialog was cancelled; rejects with the core's error for the form to show.
   */
  async giveCopy(holder: string): Promise<boolean> {
    if (!this.session) return false;
    const path = await chooseCopyPathFor(this.session.info.name, holder);
    if (!path) return false;
    const given = await api.giveCopy(path, holder.trim());
    this.merging.given = given;
    this.merging.giving = false;
    this.notice = `A copy for ${given.holder} was written to ${given.path}. When it comes back, merge it on the Merge screen (File ▸ Merge a Copy…).`;
    // The file now knows the copy it gave.
    await this.refreshSession();
    if (this.merging.info) await this.merging.loadInfo();
    return true;
  }

  /** File › Merge a Copy… and the Merge screen's button: the Merge screen, the native dialog, then the dry run. */
  async mergeCopy(): Promise<void> {
    if (!this.session) return;
    this.section = "merge";
    if (this.merging.running) return;
    await this.merging.choose();
  }

  /** Merges the copy previewed (one undoable edit after a backup), then re-reads everything it may have changed. */
  async confirmMerge(): Promise<void> {
    const report = await this.merging.merge();
    if (!report) return;
    await this.afterMerge();
    // A copy holding nothing new is no edit (and takes no backup): Undo would take back something else.
    this.merging.label = report.backup !== null ? this.history.undo : null;
  }

  /** Resolves one conflict (one undoable edit); rejects with the core's error (a typed value that does not read). */
  async resolveConflict(input: ResolveInput): Promise<Conflict> {
    const resolved = await api.resolveConflict(input);
    await this.afterMerge();
    return resolved;
  }

  /** Re-reads everything a merge or a resolution may have changed, and the session (its history, the conflicts left). */
  private async afterMerge(): Promise<void> {
    try {
      await this.reloadData();
      await this.refreshSession();
      this.prefetched.clear();
      this.revision += 1;
    } catch (e) {
      this.error = asApiError(e);
    }
  }

  /** Re-reads the session the shell holds: its history and the conflicts left unresolved in the file. */
  async refreshSession(): Promise<void> {
    const session = await api.currentSession();
    if (session) this.session = session;
  }

  /** The Compare screen's "Add to the executive workbook": the Export screen, with the changes included. */
  addChangesToWorkbook(): void {
    if (!this.compare.comparison) return;
    this.compare.inWorkbook = true;
    this.section = "export";
  }

  /**
   * File › Import… and the Import screen's button: shows the Import screen, asks which file, previews it. An assessment
   * file (.bia) goes to the Merge screen instead, merged like an import (`importAssessment`).
   */
  async chooseSpreadsheet(): Promise<void> {
    if (!this.session) {
      this.error = { code: "no_assessment", message: "Open or create an assessment first, then import the spreadsheet into it.", details: null };
      return;
    }
    this.section = "import";
    if (this.spreadsheet.applying) return;
    try {
      const path = await chooseSpreadsheetPath();
      if (!path) return;
      if (isAssessmentFile(path)) await this.importAssessment(path);
      else await this.previewSpreadsheet(path);
    } catch (e) {
      this.spreadsheet.planError = asApiError(e);
    }
  }

  /**
   * Previews a spreadsheet on the Import screen. A workbook this program exported is not planned column by column into
   * an open assessment (the core refuses it as `import_own_into_existing`): it is merged like an import instead.
   */
  private async previewSpreadsheet(path: string, note: string | null = null): Promise<void> {
    await this.spreadsheet.preview(path, note);
    if (this.spreadsheet.path === path && this.spreadsheet.planError?.code === "import_own_into_existing") {
      this.spreadsheet.reset();
      await this.importAssessment(path);
    }
  }

  /**
   * Another assessment file, or a workbook this program exported, merged like an import (rows matched by id, then by
   * name; nothing here removed): the Merge screen with the core's dry run of it, then Merge or Cancel as for a copy.
   */
  async importAssessment(path: string): Promise<void> {
    if (!this.session) return;
    this.section = "merge";
    if (this.merging.running) return;
    await this.merging.previewImport(path);
  }

  /**
   * Files dropped on the window. Each .xlsx is first offered to the core as a returned questionnaire: those that are
   * go to the Questionnaires screen's review (and those refused are said there, naming the file); everything else is
   * the ordinary import, as before: the Import screen previews the first spreadsheet, or says why it takes none.
   */
  async dropFiles(paths: readonly string[]): Promise<void> {
    if (!this.session) {
      this.error = { code: "no_assessment", message: "Open or create an assessment first, then drop the spreadsheet on the window to import it.", details: null };
      return;
    }
    let rest: readonly string[] = paths;
    if (!this.returns.busy) {
      try {
        const routing = await this.returns.offer(paths);
        if (routing.returns.length > 0 || routing.refused.length > 0) {
          this.section = "questionnaires";
          rest = routing.toImport;
          // A spreadsheet dropped with them is previewed on the Import screen meanwhile (the note says so).
          if (rest.length === 0 || this.spreadsheet.applying) return;
          const dropped = droppedSpreadsheet(rest);
          if (dropped.ok) await this.spreadsheet.preview(dropped.path, dropped.note);
          return;
        }
      } catch (e) {
        this.error = asApiError(e);
        return;
      }
    }
    this.section = "import";
    if (this.spreadsheet.applying) return;
    const dropped = droppedSpreadsheet(rest);
    if (dropped.ok) await this.previewSpreadsheet(dropped.path, dropped.note);
    else this.spreadsheet.refuse(dropped.message);
  }

  /** "Receive returned workbooks…": asks which, then reads each for its review (one not a questionnaire is refused). */
  async chooseReturnedWorkbooks(): Promise<void> {
    if (!this.session) return;
    this.section = "questionnaires";
    try {
      const paths = await chooseReturnedWorkbooks();
      if (paths.length === 0) return;
      const routing = await this.returns.offer(paths);
      if (routing.toImport.length > 0) {
        const names = routing.toImport.map((p) => `“${baseName(p)}”`).join(", ");
        const one = routing.toImport.length === 1;
        this.returns.refused = [
          ...this.returns.refused,
          {
            path: routing.toImport[0],
            file: baseName(routing.toImport[0]),
            title: `${names} ${one ? "is" : "are"} not a returned questionnaire`,
            message: `${one ? "It was" : "They were"} not written by “Send questionnaires”. To take a spreadsheet’s processes into the assessment, use Import.`,
          },
        ];
      }
    } catch (e) {
      this.error = asApiError(e);
    }
  }

  /**
   * Takes a returned questionnaire as accepted (one undoable edit after a backup, or only its return recorded); then
   * re-reads everything it may have changed. Rejects with the core's error for the review to show.
   */
  async receiveQuestionnaire(ret: PendingReturn, acceptance: Acceptance): Promise<void> {
    await this.returns.receive(ret, acceptance);
    await this.afterBulkEdit();
  }

  /** Imports the previewed spreadsheet; once done, re-reads everything it may have added, so undo takes it back as one. */
  async importSpreadsheet(): Promise<void> {
    const outcome = await this.spreadsheet.apply();
    if (!outcome?.ok) return;
    await this.afterBulkEdit();
  }

  /** Re-reads everything after an edit that may have touched anything (an import, a questionnaire applied). */
  private async afterBulkEdit(): Promise<void> {
    try {
      await this.reloadData();
      this.setHistory(await api.history());
      this.prefetched.clear();
      this.revision += 1;
    } catch (e) {
      this.error = asApiError(e);
    }
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

  /** What the banner offers to do about `error`: recover a damaged file, or save a copy of a read-only one. */
  errorAction(error: ApiError): { label: string; run: () => void; testid: string } | null {
    const damaged = damagedFile(error);
    if (damaged) return { label: "Recover what can be read into a new file…", run: () => void this.recoverDamaged(damaged), testid: "recover-damaged" };
    if (error.code === "read_only" && this.session)
      return { label: "Save a copy to edit…", run: () => void this.saveCopyToEdit(), testid: "save-copy-to-edit" };
    return null;
  }

  /** "Save a copy to edit" (a read-only file): asks where, writes the copy and opens it instead. */
  async saveCopyToEdit(): Promise<void> {
    const from = this.session?.path;
    if (!from) return;
    try {
      const to = await chooseCopyPath(from, "Save a copy to edit", "copy");
      if (!to) return;
      const section = this.section;
      if (await this.opening(() => api.saveCopy(to))) {
        this.section = section;
        this.notice = `Now editing the copy at ${to}; the read-only file was not changed.`;
      }
    } catch (e) {
      this.error = asApiError(e);
    }
  }

  /** "Recover what can be read into a new file" (a damaged file): asks where, recovers and opens the new file. */
  async recoverDamaged(damaged: string): Promise<void> {
    try {
      const to = await chooseCopyPath(damaged, "Recover into a new file", "recovered");
      if (!to) return;
      let recovered: Recovered | null = null;
      const opened = await this.opening(async () => {
        recovered = await api.recoverAssessment(damaged, to);
        return recovered.session;
      });
      if (opened && recovered) this.notice = recoverySummary(recovered, damaged);
    } catch (e) {
      this.error = asApiError(e);
    }
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
    this.notice = null;
    try {
      await api.closeAssessment();
    } catch (e) {
      this.error = asApiError(e);
      return;
    }
    this.session = null;
    this.counts = null;
    this.listsLoaded = false;
    this.prefetched.clear();
    this.processes = [];
    this.units = [];
    this.methodology = null;
    this.resources = [];
    this.dependencies = [];
    this.impactProcessId = null;
    this.dependenciesProcessId = null;
    this.charts = { ...DEFAULT_CHART_CHOICES };
    this.workbook.reset();
    this.compare.reset();
    this.merging.reset();
    this.spreadsheet.reset();
    this.returns.reset();
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
      this.prefetched.clear();
      this.revision += 1;
    } catch (e) {
      this.error = asApiError(e);
    } finally {
      this.historyBusy = false;
    }
  }
}

/** A chart's kind and options (as sent to the core) as one key. */
function chartKey(kind: ChartKind, options: ChartOptions): string {
  return `${kind}:${JSON.stringify(options)}`;
}
