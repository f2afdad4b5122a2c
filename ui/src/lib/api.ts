// The one hand-written module that talks to the Rust side. Every command of
// the desktop shell has exactly one function here; types come from
// `./bindings/` (generated from Rust by ts-rs — never edit those by hand).
//
// Errors: every rejected call rejects with an `ApiError` `{code, message,
// details}`; switch on `code`, show `message`, never parse it.

import { invoke as tauriInvoke, type InvokeArgs } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { Analysis } from "./bindings/Analysis";
import type { Overview } from "./bindings/Overview";
import type { ApiError } from "./bindings/ApiError";
import type { AssessmentInfo } from "./bindings/AssessmentInfo";
import type { AssessmentInput } from "./bindings/AssessmentInput";
import type { ChartKind } from "./bindings/ChartKind";
import type { ChartOptions } from "./bindings/ChartOptions";
import type { CellContext } from "./bindings/CellContext";
import type { Counts } from "./bindings/Counts";
import type { Backup } from "./bindings/Backup";
import type { Comparison } from "./bindings/Comparison";
import type { Command } from "./bindings/Command";
import type { ExportProgress } from "./bindings/ExportProgress";
import type { ImportApplied } from "./bindings/ImportApplied";
import type { ImportColumnChoice } from "./bindings/ImportColumnChoice";
import type { ImportList } from "./bindings/ImportList";
import type { ImportListPage } from "./bindings/ImportListPage";
import type { ImportSummary } from "./bindings/ImportSummary";
import type { ImportKindChoice } from "./bindings/ImportKindChoice";
import type { ImportProgress } from "./bindings/ImportProgress";
import type { ImportWordLevel } from "./bindings/ImportWordLevel";
import type { ExportReport } from "./bindings/ExportReport";
import type { Decision } from "./bindings/Decision";
import type { Dependency } from "./bindings/Dependency";
import type { DependencyInput } from "./bindings/DependencyInput";
import type { FieldIssue } from "./bindings/FieldIssue";
import type { History } from "./bindings/History";
import type { Id } from "./bindings/Id";
import type { Methodology } from "./bindings/Methodology";
import type { MethodologyInput } from "./bindings/MethodologyInput";
import type { Objectives } from "./bindings/Objectives";
import type { ObjectivesCheck } from "./bindings/ObjectivesCheck";
import type { ObjectivesInput } from "./bindings/ObjectivesInput";
import type { Process } from "./bindings/Process";
import type { Recovered } from "./bindings/Recovered";
import type { ProcessAnalysis } from "./bindings/ProcessAnalysis";
import type { ProcessImpact } from "./bindings/ProcessImpact";
import type { ProcessInput } from "./bindings/ProcessInput";
import type { RecentFile } from "./bindings/RecentFile";
import type { Resource } from "./bindings/Resource";
import type { ResourceInput } from "./bindings/ResourceInput";
import type { ResourceKind } from "./bindings/ResourceKind";
import type { ScoreInput } from "./bindings/ScoreInput";
import type { Session } from "./bindings/Session";
import type { Status } from "./bindings/Status";
import type { Strength } from "./bindings/Strength";
import type { Unit } from "./bindings/Unit";
import type { Action } from "./bindings/Action";
import type { ActionInput } from "./bindings/ActionInput";
import type { AgendaInput } from "./bindings/AgendaInput";
import type { AgendaUpdate } from "./bindings/AgendaUpdate";
import type { MoveOn } from "./bindings/MoveOn";
import type { MovedOn } from "./bindings/MovedOn";
import type { AudienceView } from "./bindings/AudienceView";
import type { Display } from "./bindings/Display";
import type { KnownPerson } from "./bindings/KnownPerson";
import type { ParticipantInput } from "./bindings/ParticipantInput";
import type { Workshop } from "./bindings/Workshop";
import type { WorkshopInput } from "./bindings/WorkshopInput";
import type { UnitInput } from "./bindings/UnitInput";
import type { Acceptance } from "./bindings/Acceptance";
import type { Questionnaire } from "./bindings/Questionnaire";
import type { QuestionnaireReview } from "./bindings/QuestionnaireReview";
import type { ReceiveOutcome } from "./bindings/ReceiveOutcome";
import type { SendInput } from "./bindings/SendInput";
import type { SentQuestionnaire } from "./bindings/SentQuestionnaire";
import type { Conflict } from "./bindings/Conflict";
import type { CopyInfo } from "./bindings/CopyInfo";
import type { GivenCopy } from "./bindings/GivenCopy";
import type { MergeReport } from "./bindings/MergeReport";
import type { Prefer } from "./bindings/Prefer";
import type { ResolveInput } from "./bindings/ResolveInput";

/** Whether a value thrown by a call is an ApiError. */
export function isApiError(e: unknown): e is ApiError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

/** Any thrown value as an ApiError (a non-API failure becomes `internal`). */
export function asApiError(e: unknown): ApiError {
  if (isApiError(e)) return e;
  return { code: "internal", message: String(e), details: null };
}

/** The field issues an `invalid` error carries (empty for any other error), for a form to show beside its fields. */
export function fieldIssues(err: ApiError): FieldIssue[] {
  return (err.details as { issues?: FieldIssue[] } | null)?.issues ?? [];
}

/** `invoke`, but only of a command the shell has (`Command` is generated from its list). */
function invoke<T>(cmd: Command, args?: InvokeArgs): Promise<T> {
  return tauriInvoke<T>(cmd, args);
}

export const api = {
  // --- assessment files -------------------------------------------------
  /** The assessment open in this window, if any (e.g. opened from the command line). */
  currentSession: () => invoke<Session | null>("current_session"),
  /** Creates a new file at `path` (refuses an existing file) and opens it. */
  newAssessment: (path: string, input: AssessmentInput) => invoke<Session>("new_assessment", { path, input }),
  openAssessment: (path: string) => invoke<Session>("open_assessment", { path }),
  /** Opens the demo assessment (created in the app's data folder the first time). */
  openDemo: () => invoke<Session>("open_demo"),
  closeAssessment: () => invoke<void>("close_assessment"),
  /** "Save a copy to edit": writes the open assessment to `path` (a new file) and opens the copy. */
  saveCopy: (path: string) => invoke<Session>("save_copy", { path }),
  /** Copies what can be read of the damaged file at `path` into a new file at `out`, and opens it. */
  recoverAssessment: (path: string, out: string) => invoke<Recovered>("recover_assessment", { path, out }),
  recentFiles: () => invoke<RecentFile[]>("recent_files"),
  forgetRecent: (path: string) => invoke<RecentFile[]>("forget_recent", { path }),

  // --- the assessment's facts --------------------------------------------
  updateAssessment: (input: AssessmentInput) => invoke<AssessmentInfo>("update_assessment", { input }),

  // --- units ---------------------------------------------------------------
  listUnits: () => invoke<Unit[]>("list_units"),
  createUnit: (input: UnitInput) => invoke<Unit>("create_unit", { input }),
  updateUnit: (id: Id, input: UnitInput) => invoke<Unit>("update_unit", { id, input }),
  deleteUnit: (id: Id) => invoke<void>("delete_unit", { id }),

  // --- processes -------------------------------------------------------------
  listProcesses: () => invoke<Process[]>("list_processes"),
  /** Every problem the form should show (empty: the input can be saved). `id`: the process being edited. */
  checkProcess: (input: ProcessInput, id: Id | null) => invoke<FieldIssue[]>("check_process", { input, id }),
  createProcess: (input: ProcessInput) => invoke<Process>("create_process", { input }),
  updateProcess: (id: Id, input: ProcessInput) => invoke<Process>("update_process", { id, input }),
  deleteProcess: (id: Id) => invoke<void>("delete_process", { id }),

  /** Moves a process through review (draft → in review → approved, or reopens it); logged as a decision. */
  setStatus: (processId: Id, status: Status, note: string) =>
    invoke<Process>("set_status", { processId, status, note }),

  // --- impact over time ---------------------------------------------------------
  getProcessImpact: (processId: Id) => invoke<ProcessImpact>("get_process_impact", { processId }),
  /** Sets (or clears, severity null) several cells as ONE undoable edit: a single key press, or a fill-right. */
  setScores: (processId: Id, inputs: ScoreInput[]) => invoke<ProcessImpact>("set_scores", { processId, inputs }),
  setImpactRationale: (processId: Id, rationale: string) =>
    invoke<ProcessImpact>("set_impact_rationale", { processId, rationale }),

  // --- analysis and objectives ------------------------------------------------------
  /** Derived MTPD, tier, violations and flags for every process; and `dependencies`: required RTO/RPO of
   *  every resource and upstream process with the chain that sets it, gaps (most severe first), SPOFs,
   *  cycles and orphan resources. */
  analyze: () => invoke<Analysis>("analyze"),
  overview: () => invoke<Overview>("overview"),
  analyzeProcess: (processId: Id) => invoke<ProcessAnalysis>("analyze_process", { processId }),
  /** null when nothing has been agreed yet. */
  getObjectives: (processId: Id) => invoke<Objectives | null>("get_objectives", { processId }),
  /** Every problem the objectives form should show (durations that do not parse, RTO ≥ MTPD, …),
   *  and the process analysed as if the typed values were agreed (tier, agreed MTPD). */
  checkObjectives: (processId: Id, input: ObjectivesInput) =>
    invoke<ObjectivesCheck>("check_objectives", { processId, input }),
  setObjectives: (processId: Id, input: ObjectivesInput) =>
    invoke<Objectives>("set_objectives", { processId, input }),
  /** The decision log, oldest first: of one process, or of all when processId is null. */
  decisions: (processId: Id | null) => invoke<Decision[]>("decisions", { processId }),

  // --- resources and dependencies ------------------------------------------------
  listResources: () => invoke<Resource[]>("list_resources"),
  /** Every problem the resource form should show. `id`: the resource being edited. */
  checkResource: (input: ResourceInput, id: Id | null) => invoke<FieldIssue[]>("check_resource", { input, id }),
  createResource: (input: ResourceInput) => invoke<Resource>("create_resource", { input }),
  updateResource: (id: Id, input: ResourceInput) => invoke<Resource>("update_resource", { id, input }),
  /** Deletes the resource and every dependency on or of it (one undoable edit). */
  /** Gives a resource its kind (classifies one imported "to classify"). */
  setResourceKind: (id: Id, kind: ResourceKind) => invoke<Resource>("set_resource_kind", { id, kind }),
  deleteResource: (id: Id) => invoke<void>("delete_resource", { id }),
  /** Every dependency: `from` relies on `to`. */
  listDependencies: () => invoke<Dependency[]>("list_dependencies"),
  /** `to` is `{ existing: {kind, id} }` or `{ new_resource: ResourceInput }` (created in the same edit). */
  createDependency: (input: DependencyInput) => invoke<Dependency>("create_dependency", { input }),
  updateDependency: (id: Id, strength: Strength, note: string) =>
    invoke<Dependency>("update_dependency", { id, strength, note }),
  deleteDependency: (id: Id) => invoke<void>("delete_dependency", { id }),

  // --- charts ---------------------------------------------------------------------
  /** A chart of the open assessment as SVG text (drawn by the core with the shipped font). */
  chartSvg: (kind: ChartKind, options: ChartOptions = {}) =>
    invoke<string>("chart_svg", { kind, options }),
  /** Writes a chart to `path` (from a save dialog); .svg or .png by the extension. */
  saveChart: (kind: ChartKind, path: string, options: ChartOptions = {}) =>
    invoke<void>("save_chart", { kind, options, path }),

  // --- import ---------------------------------------------------------------------
  /** What importing the workbook at `path` would do, in summary (the long lists' first pages; the rest by
   *  `importPage`); `choices` pin columns to fields, `kinds` give resources to classify a kind, `levels` severity
   *  words a level. The core keeps the plan for the pages and for Import. */
  planImport: (path: string, choices: ImportColumnChoice[] = [], kinds: ImportKindChoice[] = [], levels: ImportWordLevel[] = []) =>
    invoke<ImportSummary>("plan_import", { path, choices, ...(kinds.length > 0 ? { kinds } : {}), ...(levels.length > 0 ? { levels } : {}) }),
  /** Rows `offset…offset + limit` of a long list of the plan last made for `path`, of those whose text holds `filter`. */
  importPage: (path: string, list: ImportList, offset: number, limit: number, filter: string | null = null) =>
    invoke<ImportListPage>("import_page", { path, list, offset, limit, filter }),
  /** Applies the import (one undoable step, after a backup); progress comes as `onImportProgress`. */
  applyImport: (path: string, choices: ImportColumnChoice[] = [], kinds: ImportKindChoice[] = [], levels: ImportWordLevel[] = []) =>
    invoke<ImportApplied>("apply_import", { path, choices, ...(kinds.length > 0 ? { kinds } : {}), ...(levels.length > 0 ? { levels } : {}) }),
  /** Stops a running import before it commits. */
  cancelImport: () => invoke<void>("cancel_import"),
  /** The cells around `cell` ("B7") on `sheet` of the workbook being previewed. */
  importCellContext: (path: string, sheet: string, cell: string) =>
    invoke<CellContext>("import_cell_context", { path, sheet, cell }),

  // --- export ---------------------------------------------------------------------
  /** Writes the executive workbook to `path` (.xlsx); progress comes as `onExportProgress` events. */
  exportWorkbook: (path: string, changesSince: string | null = null) =>
    invoke<ExportReport>("export_workbook", changesSince ? { path, changesSince } : { path }),

  // --- compare -----------------------------------------------------------------------
  /** What changed since the assessment at `path` (last year's BIA, a backup; only read); the core keeps it for the chart. */
  compareWith: (path: string) => invoke<Comparison>("compare_with", { path }),
  /** The last comparison's tier movement as SVG, laid out for `width` pixels. */
  tierMovementSvg: (width: number | null = null) => invoke<string>("tier_movement_svg", { width }),
  /** The backups beside the open file, newest first. */
  listBackups: () => invoke<Backup[]>("list_backups"),
  /** Shows a file selected in the system's file manager. */
  revealInFolder: (path: string) => invoke<void>("reveal_in_folder", { path }),

  // --- copies and merging ---------------------------------------------------------------
  /** What the open file is among its copies: its holder, the file it was copied from, the copies it knows. */
  copyInfo: () => invoke<CopyInfo>("copy_info"),
  /** Writes a copy of the open assessment to `path` (a new file) for `holder` to work on offline. */
  giveCopy: (path: string, holder: string) => invoke<GivenCopy>("give_copy", { path, holder }),
  /** Merges the copy at `path` (only read) as one undoable edit after a backup; `dryRun` only says what it would do.
   *  `prefer` settles every conflict on one side; null leaves them listed, mine kept, to resolve one by one. */
  mergeCopy: (path: string, prefer: Prefer | null, dryRun: boolean) => invoke<MergeReport>("merge_copy", { path, prefer, dryRun }),
  /** Merges the assessment file (.bia) or exported workbook at `path` (only read) like an import, as one undoable edit
   *  after a backup: rows matched by id, then by name; a field empty here filled, one filled differently on both sides a
   *  conflict; nothing here removed. `dryRun` only says what it would do. */
  importAssessment: (path: string, dryRun: boolean) => invoke<MergeReport>("import_assessment", { path, dryRun }),
  /** Every conflict merges left in the file, the unresolved first. */
  listConflicts: () => invoke<Conflict[]>("list_conflicts"),
  /** Resolves one conflict (mine, theirs, a typed value, both) as one undoable edit; a typed value that does not read is
   *  refused as `invalid` with its field issues. */
  resolveConflict: (input: ResolveInput) => invoke<Conflict>("resolve_conflict", { input }),

  // --- methodology -------------------------------------------------------------
  /** How many processes (by status and unit), units, resources and dependencies: counted without loading the file. */
  counts: () => invoke<Counts>("counts"),
  getMethodology: () => invoke<Methodology>("get_methodology"),
  /** Saves the whole edited methodology as one undoable edit (rows with id null are new). */
  updateMethodology: (input: MethodologyInput) => invoke<Methodology>("update_methodology", { input }),

  // --- undo / redo -----------------------------------------------------------------
  history: () => invoke<History>("history"),
  undo: () => invoke<History>("undo"),
  /** Checks the whole open file (opening a large one checks only part); rejects with `corrupt` when it is damaged. */
  checkAssessment: () => invoke<void>("check_assessment"),
  redo: () => invoke<History>("redo"),
  /** Keeps the latest `limit` edits for undo (null: the default); answers the limit now kept. */
  setUndoLimit: (limit: number | null) => invoke<number>("set_undo_limit", { limit }),

  // --- workshops ---------------------------------------------------------
  /** Every workshop, the latest first. */
  listWorkshops: () => invoke<Workshop[]>("list_workshops"),
  /** The workshop running now, if any (opening a file offers to resume it). */
  runningWorkshop: () => invoke<Workshop | null>("running_workshop"),
  /** People the assessment knows of (earlier participants, owners), to pick participants from. */
  knownPeople: () => invoke<KnownPerson[]>("known_people"),
  createWorkshop: (input: WorkshopInput, participants: ParticipantInput[], agenda: AgendaInput[]) =>
    invoke<Workshop>("create_workshop", { input, participants, agenda }),
  updateWorkshop: (id: Id, input: WorkshopInput, participants: ParticipantInput[], agenda: AgendaInput[]) =>
    invoke<Workshop>("update_workshop", { id, input, participants, agenda }),
  deleteWorkshop: (id: Id) => invoke<void>("delete_workshop", { id }),
  /** Starts or resumes a workshop; refused (`workshop_running`) while another runs. */
  startWorkshop: (id: Id) => invoke<Workshop>("start_workshop", { id }),
  finishWorkshop: (id: Id) => invoke<Workshop>("finish_workshop", { id }),
  updateAgendaItem: (workshop: Id, process: Id, update: AgendaUpdate) =>
    invoke<Workshop>("update_agenda_item", { workshop, process, update }),
  moveOn: (workshop: Id, mv: MoveOn) => invoke<MovedOn>("move_on", { workshop, mv }),
  setParticipantPresent: (workshop: Id, participant: Id, present: boolean) =>
    invoke<Workshop>("set_participant_present", { workshop, participant, present }),
  /** Records who confirmed a process's agreed values; `status` also moves the process. */
  signOff: (workshop: Id, process: Id, by: string[], status: Status | null) =>
    invoke<Workshop>("sign_off", { workshop, process, by, status }),
  /** Actions and open questions of one workshop, or (null) of the whole assessment. */
  listActions: (workshop: Id | null) => invoke<Action[]>("list_actions", { workshop }),
  addAction: (input: ActionInput) => invoke<Action>("add_action", { input }),
  updateAction: (id: Id, input: ActionInput) => invoke<Action>("update_action", { id, input }),
  deleteAction: (id: Id) => invoke<void>("delete_action", { id }),
  /** Writes the minutes (.xlsx or .pdf by the extension) where the save dialog said. */
  saveMinutes: (workshop: Id, path: string) => invoke<void>("save_minutes", { workshop, path }),

  // --- questionnaires ---------------------------------------------------
  /** Every questionnaire sent, the latest first (one past its due date reads as overdue). */
  listQuestionnaires: () => invoke<Questionnaire[]>("list_questionnaires"),
  /** Writes one workbook per owner (or unit) into `folder` and records them; refused whole when a process has no recipient. */
  sendQuestionnaires: (input: SendInput, folder: string) =>
    invoke<SentQuestionnaire[]>("send_questionnaires", { input, folder }),
  /** Writes a questionnaire's workbook again into `folder`, with the values as they are now. */
  resendQuestionnaire: (id: Id, folder: string) => invoke<SentQuestionnaire>("resend_questionnaire", { id, folder }),
  /** From now on its return is refused. */
  withdrawQuestionnaire: (id: Id) => invoke<Questionnaire>("withdraw_questionnaire", { id }),
  /** Forgets the record (the workbooks sent are not touched). */
  deleteQuestionnaire: (id: Id) => invoke<void>("delete_questionnaire", { id }),
  /** What a returned workbook proposes beside what was sent and what is there now; changes nothing. */
  reviewQuestionnaire: (path: string) => invoke<QuestionnaireReview>("review_questionnaire", { path }),
  /** Applies the accepted answers as one undoable edit after a backup, and records the return. */
  receiveQuestionnaire: (path: string, acceptance: Acceptance, reviewed: string | null) =>
    invoke<ReceiveOutcome>("receive_questionnaire", { path, acceptance, reviewed }),

  // --- the audience window (projector) -----------------------------------
  listDisplays: () => invoke<Display[]>("list_displays"),
  /** Opens the audience window; full screen on `display` when given. */
  openAudience: (display: number | null) => invoke<void>("open_audience", { display }),
  closeAudience: () => invoke<void>("close_audience"),
  /** Shows `view` in the audience window. */
  present: (view: AudienceView) => invoke<void>("present", { view }),
  /** The view last presented (the audience window's first state). */
  audienceView: () => invoke<AudienceView | null>("audience_view"),
};

/** Ids the native menu sends in the `menu` event. `open_recent` carries the path. */
export type MenuAction =
  | { action: "new" }
  | { action: "open" }
  | { action: "open_recent"; path: string }
  | { action: "close" }
  | { action: "import" }
  | { action: "export" }
  | { action: "compare" }
  | { action: "give_copy" }
  | { action: "merge_copy" }
  | { action: "undo" }
  | { action: "redo" };

/** Progress of a running import (`import-progress` events from the core). */
export function onImportProgress(handler: (p: ImportProgress) => void): Promise<UnlistenFn> {
  return listen<ImportProgress>("import-progress", (event) => handler(event.payload));
}

/** Progress of a running export (`export-progress` events from the core). */
export function onExportProgress(handler: (p: ExportProgress) => void): Promise<UnlistenFn> {
  return listen<ExportProgress>("export-progress", (event) => handler(event.payload));
}

/** The facilitator's view, as the audience window follows it (`audience` events). */
export function onAudience(handler: (v: AudienceView) => void): Promise<UnlistenFn> {
  return listen<AudienceView>("audience", (event) => handler(event.payload));
}

/** The open file changed (any command that wrote to it): the audience window reads again. */
export function onAssessmentChanged(handler: () => void): Promise<UnlistenFn> {
  return listen("assessment-changed", () => handler());
}

/** Listens to the native menu (File and Edit). */
export function onMenu(handler: (a: MenuAction) => void): Promise<UnlistenFn> {
  return listen<MenuAction>("menu", (event) => handler(event.payload));
}
