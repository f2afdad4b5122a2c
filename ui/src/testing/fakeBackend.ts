// An in-memory stand-in for the Rust commands, answering `invoke` the way the
// desktop shell does (same command names, same error codes), for the browser
// preview (`?mock`) and the component tests. Never part of the desktop app.
// The rules are the core's in simplified form (see fakeAnalysis.ts).
import type { ApiError } from "../lib/bindings/ApiError";
import type { ErrorCode } from "../lib/bindings/ErrorCode";
import type { AssessmentInfo } from "../lib/bindings/AssessmentInfo";
import type { AssessmentInput } from "../lib/bindings/AssessmentInput";
import type { ChartOptions } from "../lib/bindings/ChartOptions";
import type { Decision } from "../lib/bindings/Decision";
import type { Dependency } from "../lib/bindings/Dependency";
import type { DependencyInput } from "../lib/bindings/DependencyInput";
import type { FieldIssue } from "../lib/bindings/FieldIssue";
import type { History } from "../lib/bindings/History";
import type { Methodology } from "../lib/bindings/Methodology";
import type { MethodologyInput } from "../lib/bindings/MethodologyInput";
import type { Objectives } from "../lib/bindings/Objectives";
import type { ObjectivesInput } from "../lib/bindings/ObjectivesInput";
import type { Process } from "../lib/bindings/Process";
import type { ProcessImpact } from "../lib/bindings/ProcessImpact";
import type { ProcessInput } from "../lib/bindings/ProcessInput";
import type { RecentFile } from "../lib/bindings/RecentFile";
import type { Resource } from "../lib/bindings/Resource";
import type { ResourceInput } from "../lib/bindings/ResourceInput";
import type { Score } from "../lib/bindings/Score";
import type { ScoreInput } from "../lib/bindings/ScoreInput";
import type { Session } from "../lib/bindings/Session";
import type { Status } from "../lib/bindings/Status";
import type { Strength } from "../lib/bindings/Strength";
import type { Unit } from "../lib/bindings/Unit";
import type { UnitInput } from "../lib/bindings/UnitInput";
import {
  DEMO_INFO,
  defaultMethodology,
  demoDecisions,
  demoObjectives,
  demoProcesses,
  demoRationales,
  demoScores,
  demoUnits,
} from "./demoAssessment";
import { demoDependencies, demoResources } from "./demoResources";
import { durationError, isNotApplicable, parseOptionalDuration } from "../lib/durations";
import { fakeAnalyzeProcess } from "./fakeAnalysis";
import { checkChartOptions, checkChartPath, fakeChartKind, fakeChartOptions, fakeChartSvg } from "./fakeCharts";
import { fakeExportWorkbook } from "./fakeExport";
import { fakeApplyPlan, fakeCellContext, fakePlanImport, fakeReadWorkbook } from "./fakeImport";
import type { ImportColumnChoice } from "../lib/bindings/ImportColumnChoice";
import type { ImportProgress } from "../lib/bindings/ImportProgress";
import { fakeDependencyAnalysis } from "./fakeDependencies";
import { parseResourceInput, resourceOf } from "./fakeResources";
import { applyScoreInputs, maxLevel } from "../lib/impactGrid";
import { formatMinutes } from "../lib/minutes";
import { kindNoun, kindRank, withArticle } from "../lib/resourceKinds";
import { statusLabel } from "../lib/statuses";

interface Snapshot {
  info: AssessmentInfo;
  units: Unit[];
  processes: Process[];
  methodology: Methodology;
  scores: Score[];
  /** Impact rationale by process id. */
  rationales: Record<string, string>;
  objectives: Objectives[];
  /** Append-only: an undo does not take decisions back. */
  decisions: Decision[];
  resources: Resource[];
  dependencies: Dependency[];
}

interface Entry {
  label: string;
  before: Snapshot;
  after: Snapshot;
}

interface OpenFile {
  path: string;
  data: Snapshot;
  undo: Entry[];
  redo: Entry[];
}

export const DEMO_PATH = "/home/facilitator/.local/share/bia-workbench/demo.bia";

function fail(code: ErrorCode, message: string, details: unknown = null): never {
  const error: ApiError = { code, message, details };
  throw error;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const key = (name: string) => name.trim().replace(/\s+/g, " ").toLocaleLowerCase();
const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

let counter = 0;
const newId = () => `f${Date.now().toString(16)}-${(++counter).toString(16).padStart(4, "0")}-4000-8000-000000000000`;

/** The input that would leave a process as it is (to tell a status change from an edit). */
function inputOfProcess(p: Process): ProcessInput {
  return {
    name: p.name,
    unit_id: p.unit_id,
    owner: p.owner,
    description: p.description,
    peak_periods: p.peak_periods,
    minimum_staff: p.minimum_staff,
    workaround: p.workaround,
    notes: p.notes,
    status: p.status,
    custom_fields: p.custom_fields,
  };
}

export class FakeBackend {
  file: OpenFile | null = null;
  recent: RecentFile[];
  /** Paths that exist "on disk", with their assessments. */
  files = new Map<string, Snapshot>();
  /** Every chart written by `save_chart`, in order (nothing touches the disk). */
  savedCharts: Array<{ kind: string; path: string; options: ChartOptions }> = [];
  /** Every workbook written by `export_workbook`, by path (nothing touches the disk). */
  exported: string[] = [];
  /** Every path `reveal_in_folder` showed, in order. */
  revealed: string[] = [];
  /** How long each step of an export takes (0: at once; the browser preview slows it to show the progress). */
  exportStepMs = 0;
  /** Waited for between the steps of an import (the tests hold it to cancel midway; the preview slows it down). */
  importStep: (progress: ImportProgress) => Promise<void> = () => Promise.resolve();
  /** `cancel_import` was called during the running import. */
  private importCancelled = false;
  /** Every import applied, by path, in order. */
  imported: string[] = [];
  /** Sends an event to the UI as the shell's `app.emit` does (the harness connects it to the mocked events). */
  emit: (event: string, payload: unknown) => void = () => {};
  now: () => string = () => new Date().toISOString();

  constructor(options: { recent?: RecentFile[] } = {}) {
    this.recent = options.recent ?? [];
  }

  /** A freshly seeded demo assessment. */
  static demoSnapshot(): Snapshot {
    const units = demoUnits();
    const processes = demoProcesses(units);
    const methodology = defaultMethodology();
    const resources = demoResources();
    return {
      info: { ...DEMO_INFO },
      units,
      processes,
      methodology,
      scores: demoScores(processes, methodology),
      rationales: demoRationales(processes),
      objectives: demoObjectives(processes),
      decisions: demoDecisions(processes),
      resources,
      dependencies: demoDependencies(processes, resources),
    };
  }

  openDemo(): Session {
    if (!this.files.has(DEMO_PATH)) this.files.set(DEMO_PATH, FakeBackend.demoSnapshot());
    return this.openPath(DEMO_PATH);
  }

  private store(): OpenFile {
    return this.file ?? fail("no_assessment", "No assessment is open.");
  }

  private session(): Session {
    const f = this.store();
    return { path: f.path, file_name: fileName(f.path), info: clone(f.data.info), history: this.history() };
  }

  history(): History {
    const f = this.store();
    return { undo: f.undo.at(-1)?.label ?? null, redo: f.redo.at(-1)?.label ?? null };
  }

  private remember(path: string, name: string): void {
    this.recent = [
      { path, name, opened_at: this.now(), exists: true },
      ...this.recent.filter((r) => r.path !== path),
    ].slice(0, 10);
  }

  openPath(path: string): Session {
    if (/locked/i.test(path)) fail("locked", `${path}: the file is open in another program; close it there first`);
    if (/newer/i.test(path))
      fail("too_new", `${path}: written by a newer BIA Workbench (file format 9, this program reads up to 2); update the program to open it`);
    if (!/\.bia$/i.test(path)) fail("not_sqlite", `${path}: not a BIA assessment (it is not a SQLite database)`);
    const data = this.files.get(path) ?? fail("file_not_found", `${path}: no such file`);
    this.file = { path, data: clone(data), undo: [], redo: [] };
    this.remember(path, data.info.name);
    return this.session();
  }

  newAssessment(path: string, input: AssessmentInput): Session {
    if (this.files.has(path)) fail("file_exists", `${path}: a file already exists there; choose another name`);
    this.checkAssessment(input);
    const now = this.now();
    this.files.set(path, {
      info: { id: newId(), ...input, created_at: now, updated_at: now },
      units: [],
      processes: [],
      methodology: defaultMethodology(),
      scores: [],
      rationales: {},
      objectives: [],
      decisions: [],
      resources: [],
      dependencies: [],
    });
    return this.openPath(path);
  }

  private checkAssessment(input: AssessmentInput): void {
    if (input.name.trim() === "")
      fail("invalid", "An assessment needs a name.", { issues: [{ field: "name", message: "An assessment needs a name." }] });
  }

  /** Applies a change as one undoable step. */
  private change<T>(label: string, edit: (data: Snapshot) => T): T {
    const f = this.store();
    const before = clone(f.data);
    const result = edit(f.data);
    f.data.info.updated_at = this.now();
    f.undo.push({ label, before, after: clone(f.data) });
    f.redo = [];
    this.files.set(f.path, clone(f.data));
    return result;
  }

  checkProcess(input: ProcessInput, id: string | null): FieldIssue[] {
    const issues: FieldIssue[] = [];
    const name = input.name.trim();
    if (name === "") issues.push({ field: "name", message: "A process needs a name." });
    else if (name.length > 200) issues.push({ field: "name", message: "Keep the name under 200 characters." });
    else {
      const clash = this.store().data.processes.find((p) => key(p.name) === key(name) && p.id !== id);
      if (clash) issues.push({ field: "name", message: `a process named "${name}" already exists` });
    }
    if (input.minimum_staff !== null && input.minimum_staff > 1_000_000)
      issues.push({ field: "minimum_staff", message: `${input.minimum_staff} is more staff than any process needs.` });
    if (input.unit_id !== null && !this.store().data.units.some((u) => u.id === input.unit_id))
      issues.push({ field: "unit_id", message: "That unit no longer exists." });
    const seen: string[] = [];
    input.custom_fields.forEach((field, i) => {
      const k = key(field.name);
      if (k === "") issues.push({ field: `custom_fields.${i}`, message: "A custom field needs a name." });
      else if (seen.includes(k))
        issues.push({ field: `custom_fields.${i}`, message: `The custom field "${field.name.trim()}" appears twice.` });
      seen.push(k);
    });
    return issues;
  }

  private validProcess(input: ProcessInput, id: string | null): void {
    const issues = this.checkProcess(input, id);
    if (issues.length === 0) return;
    const duplicate = issues.find((i) => i.message.includes("already exists"));
    if (duplicate) fail("duplicate_process", duplicate.message, { issues: [duplicate] });
    fail("invalid", issues.map((i) => i.message).join(" "), { issues });
  }

  private processFrom(input: ProcessInput, base: Pick<Process, "id" | "provenance" | "created_at">): Process {
    return {
      ...base,
      ...clone(input),
      name: input.name.trim().replace(/\s+/g, " "),
      updated_at: this.now(),
    };
  }

  private process(id: string): Process {
    return this.store().data.processes.find((p) => p.id === id) ?? fail("no_such_id", `no process with id ${id}`);
  }

  private locked(process: Process): never {
    return fail("process_locked", `"${process.name}" is approved and locked; reopen it to make changes`);
  }

  /** The process, refusing changes to an approved one as the core does. */
  private unlocked(id: string): Process {
    const process = this.process(id);
    if (process.status === "approved") this.locked(process);
    return process;
  }

  private decide(d: Snapshot, process: Process, field: string, old: string, now: string, rationale: string, who: string): void {
    d.decisions.push({
      id: newId(),
      process_id: process.id,
      process_name: process.name,
      field,
      old_value: old,
      new_value: now,
      rationale: rationale.trim(),
      who: who.trim() || d.info.facilitator,
      at: this.now(),
    });
  }

  private setStatus(id: string, status: Status, note: string): Process {
    const process = this.process(id);
    if (process.status === status) return process;
    const verb =
      process.status === "approved" ? "Reopen" : status === "approved" ? "Approve" : status === "in_review" ? "Send to review" : "Return to draft";
    return this.change(`${verb} “${process.name}”`, (d) => {
      const p = d.processes.find((x) => x.id === id)!;
      this.decide(d, p, "Status", statusLabel(p.status), statusLabel(status), note, "");
      p.status = status;
      p.updated_at = this.now();
      return p;
    });
  }

  private impact(id: string): ProcessImpact {
    const d = this.store().data;
    return clone({ process_id: id, rationale: d.rationales[id] ?? "", scores: d.scores.filter((s) => s.process_id === id) });
  }

  private setScores(id: string, inputs: ScoreInput[]): ProcessImpact {
    const process = this.unlocked(id);
    const m = this.store().data.methodology;
    const top = maxLevel(m);
    for (const input of inputs) {
      if (!m.categories.some((c) => c.id === input.category_id)) fail("no_such_id", `no impact category with id ${input.category_id}`);
      if (!m.horizons.some((h) => h.id === input.horizon_id)) fail("no_such_id", `no horizon with id ${input.horizon_id}`);
      if (input.severity !== null && input.severity > top) {
        const message = `Severity ${input.severity} is outside the scale; use 0 to ${top}.`;
        fail("invalid", message, { issues: [{ field: "severity", message }] });
      }
    }
    const label =
      inputs.length === 1
        ? inputs[0].severity === null
          ? `Clear a score of “${process.name}”`
          : `Score “${process.name}”`
        : `Score ${inputs.length} cells of “${process.name}”`;
    this.change(label, (d) => {
      const others = d.scores.filter((s) => s.process_id !== id);
      const mine = applyScoreInputs(
        d.scores.filter((s) => s.process_id === id),
        id,
        inputs,
      );
      d.scores = [...others, ...mine];
    });
    return this.impact(id);
  }

  private objectivesOf(id: string): Objectives | null {
    return this.store().data.objectives.find((o) => o.process_id === id) ?? null;
  }

  private analysis(id: string) {
    const d = this.store().data;
    return fakeAnalyzeProcess(d.methodology, this.process(id), d.scores, this.objectivesOf(id));
  }

  /** Parses typed objectives as the core does, or lists what is wrong with them. */
  private parseObjectives(id: string, input: ObjectivesInput): { issues: FieldIssue[]; parsed: Objectives } {
    const issues: FieldIssue[] = [];
    const duration = (field: string, label: string, text: string): number | null => {
      const read = parseOptionalDuration(text);
      if (read.ok) return read.minutes;
      issues.push({ field, message: durationError(label, text) });
      return null;
    };
    const override = duration("mtpd_override", "MTPD", input.mtpd_override);
    const rto = duration("rto", "RTO", input.rto);
    const rpoNa = isNotApplicable(input.rpo);
    const rpo = rpoNa ? null : duration("rpo", "RPO", input.rpo);
    const wrt = duration("wrt", "WRT", input.wrt);
    const mbcoText = input.mbco.trim().replace(/%$/, "").trim();
    let mbco: number | null = null;
    if (mbcoText !== "") {
      mbco = /^\d+$/.test(mbcoText) && Number(mbcoText) <= 100 ? Number(mbcoText) : null;
      if (mbco === null)
        issues.push({
          field: "mbco",
          message: `MBCO: "${input.mbco.trim()}" is not a percentage; write a whole number from 0 to 100, e.g. 50 %.`,
        });
    }
    if (override !== null && input.mtpd_override_reason.trim() === "")
      issues.push({ field: "mtpd_override_reason", message: "Say why the MTPD differs from the derived one." });
    const on = input.agreed_on.trim();
    if (on !== "" && (!/^\d{4}-\d{2}-\d{2}$/.test(on) || Number.isNaN(Date.parse(on))))
      issues.push({ field: "agreed_on", message: `"${on}" is not a date; write YYYY-MM-DD.` });
    const parsed: Objectives = {
      process_id: id,
      mtpd_override: override,
      mtpd_override_reason: input.mtpd_override_reason.trim(),
      rto,
      rpo,
      rpo_not_applicable: rpoNa,
      wrt,
      mbco_percent: mbco,
      rationale: input.rationale.trim(),
      agreed_by: input.agreed_by.trim(),
      agreed_on: on,
      provenance: { kind: "workshop" },
    };
    if (issues.length === 0) {
      const d = this.store().data;
      const a = fakeAnalyzeProcess(d.methodology, this.process(id), d.scores, parsed);
      const source = a.mtpd_reason && !a.mtpd_overridden ? ` (${a.mtpd_reason.text})` : "";
      for (const v of a.violations) issues.push({ field: v.field, message: `${v.message.replace(/\.$/, "")}${source}.` });
    }
    return { issues, parsed };
  }

  private checkObjectives(id: string, input: ObjectivesInput): FieldIssue[] {
    return this.parseObjectives(id, input).issues;
  }

  private setObjectives(id: string, input: ObjectivesInput): Objectives {
    const process = this.unlocked(id);
    const { issues, parsed } = this.parseObjectives(id, input);
    if (issues.length > 0) fail("invalid", issues.map((i) => i.message).join(" "), { issues });
    const before = this.objectivesOf(id);
    const text = (m: number | null, none = "—") => (m === null ? none : formatMinutes(m));
    const values = (o: Objectives | null): Array<[string, string]> => [
      ["MTPD", o ? text(o.mtpd_override, "derived") : "—"],
      ["RTO", text(o?.rto ?? null)],
      ["RPO", o?.rpo_not_applicable ? "not applicable" : text(o?.rpo ?? null)],
      ["WRT", text(o?.wrt ?? null)],
      ["MBCO", o?.mbco_percent == null ? "—" : `${o.mbco_percent} %`],
    ];
    return this.change(`Agree objectives of “${process.name}”`, (d) => {
      const now = values(parsed);
      values(before).forEach(([field, old], i) => {
        if (old !== now[i][1]) {
          const why = field === "MTPD" && parsed.mtpd_override_reason ? parsed.mtpd_override_reason : parsed.rationale;
          this.decide(d, process, field, old, now[i][1], why, parsed.agreed_by);
        }
      });
      d.objectives = [...d.objectives.filter((o) => o.process_id !== id), parsed];
      return parsed;
    });
  }

  /** Checks an edited methodology (a subset of the core's rules) and applies it as one edit. */
  private updateMethodology(input: MethodologyInput): Methodology {
    const current = this.store().data.methodology;
    const top = maxLevel(current);
    const issues: FieldIssue[] = [];
    const issue = (field: string, message: string) => issues.push({ field, message });
    if (input.categories.every((c) => c.retired)) issue("categories", "Keep at least one category in use.");
    const seen: string[] = [];
    input.categories.forEach((c, i) => {
      const k = key(c.name);
      if (k === "") issue(`categories.${i}.name`, "A category needs a name.");
      else if (seen.includes(k)) issue(`categories.${i}.name`, `There are two categories named "${c.name.trim()}".`);
      seen.push(k);
      if (c.threshold !== null && (c.threshold === 0 || c.threshold > top))
        issue(`categories.${i}.threshold`, `A threshold is a level from 1 to ${top}.`);
    });
    input.scale.forEach((name, i) => name.trim() === "" && issue(`scale.${i}`, "A level needs a name."));
    if (input.threshold === 0 || input.threshold > top) issue("threshold", `The threshold is a level from 1 to ${top}.`);
    if (input.horizons.length === 0) issue("horizons", "Keep at least one horizon.");
    const horizons: Array<{ id: string | null; label: string; minutes: number }> = [];
    input.horizons.forEach((h, i) => {
      if (h.label.trim() === "") issue(`horizons.${i}.label`, "A horizon needs a label.");
      const read = parseOptionalDuration(h.duration);
      if (!read.ok || read.minutes === null) issue(`horizons.${i}.duration`, durationError("Duration", h.duration).replace(/^Duration: /, ""));
      else if (read.minutes === 0) issue(`horizons.${i}.duration`, "A horizon comes after the disruption starts; use more than 0.");
      else if (horizons.some((o) => o.minutes === read.minutes)) issue(`horizons.${i}.duration`, `Two horizons are at ${formatMinutes(read.minutes)}.`);
      else horizons.push({ id: h.id, label: h.label.trim(), minutes: read.minutes });
    });
    if (input.tiers.length === 0) issue("tiers", "Keep at least one tier.");
    let previous: number | null = null;
    const tiers = input.tiers.map((t, i) => {
      if (t.name.trim() === "") issue(`tiers.${i}.name`, "A tier needs a name.");
      const read = parseOptionalDuration(t.max_rto);
      let max: number | null = null;
      if (!read.ok) issue(`tiers.${i}.max_rto`, durationError("Max RTO", t.max_rto).replace(/^Max RTO: /, ""));
      else if (read.minutes === null && i !== input.tiers.length - 1) issue(`tiers.${i}.max_rto`, "Only the last tier may be open-ended.");
      else if (read.minutes !== null && previous !== null && read.minutes <= previous)
        issue(`tiers.${i}.max_rto`, `Each tier must reach further than the one before (${formatMinutes(previous)}).`);
      else max = read.ok ? read.minutes : null;
      if (max !== null) previous = max;
      return { id: t.id ?? newId(), rank: i + 1, name: t.name.trim(), max_rto_minutes: max };
    });
    if (issues.length > 0) fail("invalid", issues.map((i) => i.message).join(" "), { issues });
    const scores = this.store().data.scores;
    for (const c of current.categories.filter((c) => !input.categories.some((k) => k.id === c.id))) {
      const n = scores.filter((s) => s.category_id === c.id).length;
      if (n > 0) fail("methodology_in_use", `Category "${c.name}" is still used by ${n} impact score(s); retire it instead of removing it`);
    }
    for (const h of current.horizons.filter((h) => !horizons.some((k) => k.id === h.id))) {
      const n = scores.filter((s) => s.horizon_id === h.id).length;
      if (n > 0) fail("methodology_in_use", `Horizon ${h.label} is still used by ${n} impact score(s); clear those scores first, or keep the horizon`);
    }
    return this.change("Edit the methodology", (d) => {
      d.methodology = {
        categories: input.categories.map((c) => ({
          id: c.id ?? newId(),
          name: c.name.trim().replace(/\s+/g, " "),
          threshold: c.threshold,
          retired: c.retired,
          definitions: c.definitions.map((text, i) => ({ level: current.scale[i]?.value ?? i, text: text.trim() })),
        })),
        scale: current.scale.map((l, i) => ({ ...l, name: input.scale[i]?.trim() || l.name })),
        horizons: horizons.map((h) => ({ id: h.id ?? newId(), label: h.label, minutes: h.minutes })).sort((a, b) => a.minutes - b.minutes),
        threshold: input.threshold,
        tiers,
      };
      return d.methodology;
    });
  }

  private unitNamed(id: string): Unit {
    return this.store().data.units.find((u) => u.id === id) ?? fail("no_such_id", `no unit with id ${id}`);
  }

  private checkUnitName(name: string, id: string | null): string {
    const clean = name.trim().replace(/\s+/g, " ");
    if (clean === "")
      fail("invalid", "A unit needs a name.", { issues: [{ field: "name", message: "A unit needs a name." }] });
    if (this.store().data.units.some((u) => key(u.name) === key(clean) && u.id !== id))
      fail("duplicate_unit", `a unit named "${clean}" already exists`, {
        issues: [{ field: "name", message: `a unit named "${clean}" already exists` }],
      });
    return clean;
  }

  // ---- resources and dependencies ----------------------------------------------

  private sortedResources(): Resource[] {
    return [...this.store().data.resources].sort(
      (a, b) => kindRank(a.kind) - kindRank(b.kind) || key(a.name).localeCompare(key(b.name)),
    );
  }

  private resource(id: string): Resource {
    return this.store().data.resources.find((r) => r.id === id) ?? fail("no_such_id", `no resource with id ${id}`);
  }

  private dependency(id: string): Dependency {
    return this.store().data.dependencies.find((d) => d.id === id) ?? fail("no_such_id", `no dependency with id ${id}`);
  }

  private nodeName(ref: { kind: string; id: string }): string {
    const d = this.store().data;
    const node = ref.kind === "process" ? d.processes.find((p) => p.id === ref.id) : d.resources.find((r) => r.id === ref.id);
    return node?.name ?? fail("no_such_id", `no ${ref.kind} with id ${ref.id}`);
  }

  /** A resource from a typed input, refused as the core refuses it (a clashing name alone is a duplicate). */
  private resourceFrom(input: ResourceInput, old: Resource | null): Resource {
    const parsed = parseResourceInput(input, this.store().data.resources, old?.id ?? null);
    const { issues, name } = parsed;
    if (issues.length === 1 && issues[0].field === "name" && name !== "")
      fail("duplicate_resource", `${withArticle(input.kind)} named "${name}" already exists`);
    if (issues.length > 0) fail("invalid", issues.map((i) => i.message).join(" "), { issues });
    return resourceOf(input, parsed, old?.id ?? newId(), old);
  }

  /** `from` relies on `to` (a resource created with it in the same edit); refuses loops on itself, resource → process and repeats. */
  private createDependency(input: DependencyInput): Dependency {
    const fromName = this.nodeName(input.from);
    const created = "new_resource" in input.to ? this.resourceFrom(input.to.new_resource, null) : null;
    const to = created ? { kind: "resource" as const, id: created.id } : "existing" in input.to ? input.to.existing : fail("invalid", "no target");
    const toName = created ? created.name : this.nodeName(to);
    if (input.from.id === to.id) fail("bad_dependency", `${fromName} cannot rely on itself`);
    if (input.from.kind === "resource" && to.kind === "process")
      fail(
        "bad_dependency",
        `a resource cannot rely on a process (${fromName} → ${toName}); record that ${toName} relies on ${fromName} instead`,
      );
    const existing = this.store().data.dependencies.find((d) => d.from.id === input.from.id && d.to.id === to.id);
    if (existing) fail("bad_dependency", `${fromName} already relies on ${toName} (${existing.strength})`);
    const dependency: Dependency = { id: newId(), from: input.from, to, strength: input.strength, note: input.note.trim() };
    this.change(`${fromName} relies on ${toName}`, (d) => {
      if (created) d.resources.push(created);
      d.dependencies.push(dependency);
    });
    return dependency;
  }

  /** Plans the import of `path` against the open assessment. */
  private planImport(path: string, choices: ImportColumnChoice[]) {
    const d = this.store().data;
    return fakePlanImport(path, fakeReadWorkbook(path), d, choices ?? []);
  }

  /** Applies an import as the shell does: progress events, cancellable until the commit, one undoable edit. */
  private async applyImport(path: string, choices: ImportColumnChoice[]) {
    this.importCancelled = false;
    const plan = this.planImport(path, choices);
    if (plan.processes.length === 0)
      fail("nothing_imported", `${path}: nothing could be imported (no row gave a process); see the issues`);
    const total = plan.processes.length + plan.dependencies.length;
    const step = async (stage: string, done: number) => {
      const progress = { stage, done, total };
      this.emit("import-progress", progress);
      await this.importStep(progress);
      if (this.importCancelled) fail("import_cancelled", "the import was cancelled; the assessment was not changed");
    };
    await step("backup", 0);
    for (let i = 0; i < plan.processes.length; i += 1) await step("processes", i + 1);
    for (let i = 0; i < plan.dependencies.length; i += 1) await step("dependencies", plan.processes.length + i + 1);
    await step("commit", total);
    const f = this.store();
    const backup = f.path.replace(/\.bia$/i, "") + ".before-import.bia";
    const applied = this.change(`Import “${plan.file}”`, (d) => fakeApplyPlan(d, plan, newId, this.now()));
    this.imported.push(path);
    return { backup, ...applied };
  }

  /** Answers one `invoke`, as the Tauri shell would. */
  handle(cmd: string, args: Record<string, unknown> = {}): unknown {
    switch (cmd) {
      case "current_session":
        return this.file ? this.session() : null;
      case "new_assessment":
        return this.newAssessment(args.path as string, args.input as AssessmentInput);
      case "open_assessment":
        return this.openPath(args.path as string);
      case "open_demo":
        return this.openDemo();
      case "close_assessment":
        this.file = null;
        return null;
      case "recent_files":
        return clone(this.recent);
      case "forget_recent":
        this.recent = this.recent.filter((r) => r.path !== args.path);
        return clone(this.recent);
      case "update_assessment": {
        const input = args.input as AssessmentInput;
        this.checkAssessment(input);
        return clone(
          this.change("Edit the assessment's facts", (d) => {
            d.info = { ...d.info, ...input };
            return d.info;
          }),
        );
      }
      case "list_units":
        return clone(this.store().data.units);
      case "create_unit": {
        const input = args.input as UnitInput;
        const name = this.checkUnitName(input.name, null);
        if (input.parent_id !== null) this.unitNamed(input.parent_id);
        return clone(
          this.change(`Add unit “${name}”`, (d) => {
            const created: Unit = { id: newId(), name, parent_id: input.parent_id };
            d.units.push(created);
            return created;
          }),
        );
      }
      case "update_unit": {
        const id = args.id as string;
        const input = args.input as UnitInput;
        const current = this.unitNamed(id);
        const name = this.checkUnitName(input.name, id);
        for (let p = input.parent_id; p !== null; p = this.unitNamed(p).parent_id)
          if (p === id) fail("unit_cycle", `unit "${current.name}" cannot sit under itself or under one of its own sub-units`);
        return clone(
          this.change(`Edit unit “${name}”`, (d) => {
            const unit = d.units.find((u) => u.id === id)!;
            unit.name = name;
            unit.parent_id = input.parent_id;
            return unit;
          }),
        );
      }
      case "delete_unit": {
        const unit = this.unitNamed(args.id as string);
        const data = this.store().data;
        const processes = data.processes.filter((p) => p.unit_id === unit.id).length;
        const units = data.units.filter((u) => u.parent_id === unit.id).length;
        if (processes > 0 || units > 0)
          fail("unit_in_use", `unit "${unit.name}" still holds ${processes} process(es) and ${units} unit(s); move or delete them first`);
        this.change(`Delete unit “${unit.name}”`, (d) => {
          d.units = d.units.filter((u) => u.id !== unit.id);
        });
        return null;
      }
      case "list_processes":
        return clone(this.store().data.processes);
      case "check_process":
        return this.checkProcess(args.input as ProcessInput, (args.id as string | null) ?? null);
      case "create_process": {
        const input = args.input as ProcessInput;
        this.validProcess(input, null);
        const created = this.processFrom(input, { id: newId(), provenance: { kind: "workshop" }, created_at: this.now() });
        this.change(`Add process “${created.name}”`, (d) => d.processes.push(created));
        return clone(created);
      }
      case "update_process": {
        const id = args.id as string;
        const input = args.input as ProcessInput;
        const current = this.process(id);
        const asApproved = inputOfProcess({ ...current, ...input, status: "approved" });
        if (current.status === "approved" && JSON.stringify(asApproved) !== JSON.stringify(inputOfProcess(current)))
          this.locked(current);
        this.validProcess(input, id);
        const updated = this.processFrom(input, current);
        this.change(`Edit process “${updated.name}”`, (d) => {
          d.processes = d.processes.map((p) => (p.id === id ? updated : p));
        });
        return clone(updated);
      }
      case "delete_process": {
        const id = args.id as string;
        const current = this.process(id);
        if (current.status === "approved") this.locked(current);
        this.change(`Delete process “${current.name}”`, (d) => {
          d.processes = d.processes.filter((p) => p.id !== id);
          d.scores = d.scores.filter((s) => s.process_id !== id);
          d.objectives = d.objectives.filter((o) => o.process_id !== id);
          d.dependencies = d.dependencies.filter((x) => x.from.id !== id && x.to.id !== id);
        });
        return null;
      }
      case "get_methodology":
        return clone(this.store().data.methodology);
      case "update_methodology":
        return clone(this.updateMethodology(args.input as MethodologyInput));
      case "set_status":
        return clone(this.setStatus(args.processId as string, args.status as Status, (args.note as string) ?? ""));
      case "get_process_impact":
        return this.impact(this.process(args.processId as string).id);
      case "set_scores":
        return this.setScores(args.processId as string, args.inputs as ScoreInput[]);
      case "set_impact_rationale": {
        const process = this.unlocked(args.processId as string);
        this.change(`Edit the impact rationale of “${process.name}”`, (d) => {
          d.rationales[process.id] = (args.rationale as string).trim();
        });
        return this.impact(process.id);
      }
      case "analyze": {
        const d = this.store().data;
        const processes = d.processes.map((p) => this.analysis(p.id));
        const dependencies = fakeDependencyAnalysis(d.processes, d.resources, d.dependencies, processes, d.methodology.tiers);
        return { processes, dependencies };
      }
      case "analyze_process":
        return this.analysis(this.process(args.processId as string).id);
      case "get_objectives":
        return clone(this.objectivesOf(this.process(args.processId as string).id));
      case "check_objectives": {
        const id = this.process(args.processId as string).id;
        const input = args.input as ObjectivesInput;
        const { parsed } = this.parseObjectives(id, input);
        const d = this.store().data;
        const preview = fakeAnalyzeProcess(d.methodology, this.process(id), d.scores, parsed);
        return { issues: this.checkObjectives(id, input), preview };
      }
      case "set_objectives":
        return clone(this.setObjectives(args.processId as string, args.input as ObjectivesInput));
      case "decisions": {
        const id = (args.processId as string | null) ?? null;
        return clone(this.store().data.decisions.filter((d) => id === null || d.process_id === id));
      }
      case "list_resources":
        return clone(this.sortedResources());
      case "check_resource":
        return parseResourceInput(args.input as ResourceInput, this.store().data.resources, (args.id as string | null) ?? null).issues;
      case "create_resource": {
        const created = this.resourceFrom(args.input as ResourceInput, null);
        this.change(`Add ${kindNoun(created.kind)} “${created.name}”`, (d) => d.resources.push(created));
        return clone(created);
      }
      case "update_resource": {
        const old = this.resource(args.id as string);
        const updated = this.resourceFrom(args.input as ResourceInput, old);
        this.change(`Edit ${kindNoun(old.kind)} “${old.name}”`, (d) => {
          d.resources = d.resources.map((r) => (r.id === old.id ? updated : r));
        });
        return clone(updated);
      }
      case "delete_resource": {
        const old = this.resource(args.id as string);
        this.change(`Delete ${kindNoun(old.kind)} “${old.name}”`, (d) => {
          d.resources = d.resources.filter((r) => r.id !== old.id);
          d.dependencies = d.dependencies.filter((x) => x.from.id !== old.id && x.to.id !== old.id);
        });
        return null;
      }
      case "list_dependencies":
        return clone(this.store().data.dependencies);
      case "create_dependency":
        return clone(this.createDependency(args.input as DependencyInput));
      case "update_dependency": {
        const old = this.dependency(args.id as string);
        return clone(
          this.change(`Edit the dependency of ${this.nodeName(old.from)} on ${this.nodeName(old.to)}`, (d) => {
            const dep = d.dependencies.find((x) => x.id === old.id)!;
            dep.strength = args.strength as Strength;
            dep.note = ((args.note as string) ?? "").trim();
            return dep;
          }),
        );
      }
      case "delete_dependency": {
        const old = this.dependency(args.id as string);
        this.change(`Remove the dependency of ${this.nodeName(old.from)} on ${this.nodeName(old.to)}`, (d) => {
          d.dependencies = d.dependencies.filter((x) => x.id !== old.id);
        });
        return null;
      }
      case "chart_svg":
        return fakeChartSvg(fakeChartKind(args.kind), this.store().data, fakeChartOptions(args.options));
      case "save_chart": {
        const kind = fakeChartKind(args.kind);
        const options = fakeChartOptions(args.options);
        checkChartOptions(kind, options, this.store().data);
        checkChartPath(args.path as string);
        this.savedCharts.push({ kind, path: args.path as string, options: clone(options) });
        return null;
      }
      case "export_workbook": {
        const path = args.path as string;
        const d = this.store().data;
        const data = { processes: clone(d.processes), resources: clone(d.resources), dependencies: clone(d.dependencies) };
        return fakeExportWorkbook(data, path, (p) => this.emit("export-progress", p), this.exportStepMs).then((report) => {
          this.exported = [...this.exported.filter((e) => e !== path), path];
          return report;
        });
      }
      case "plan_import":
        return this.planImport(args.path as string, args.choices as ImportColumnChoice[]);
      case "apply_import":
        return this.applyImport(args.path as string, args.choices as ImportColumnChoice[]);
      case "cancel_import":
        this.importCancelled = true;
        return null;
      case "import_cell_context": {
        const path = args.path as string;
        return fakeCellContext(path, fakeReadWorkbook(path), args.sheet as string, args.cell as string);
      }
      case "reveal_in_folder": {
        const path = args.path as string;
        if (!this.exported.includes(path))
          fail("reveal", `${path}: could not show it in its folder (No such file or directory (os error 2))`);
        this.revealed.push(path);
        return null;
      }
      case "history":
        return this.history();
      case "undo":
      case "redo": {
        const f = this.store();
        const from = cmd === "undo" ? f.undo : f.redo;
        const to = cmd === "undo" ? f.redo : f.undo;
        const entry = from.pop() ?? fail(`nothing_to_${cmd}`, `nothing to ${cmd}`);
        const decisions = f.data.decisions;
        f.data = { ...clone(cmd === "undo" ? entry.before : entry.after), decisions };
        to.push(entry);
        this.files.set(f.path, clone(f.data));
        return this.history();
      }
      default:
        return fail("internal", `The preview does not know the command "${cmd}".`);
    }
  }
}
