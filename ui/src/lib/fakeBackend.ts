// An in-memory stand-in for the Rust commands, answering `invoke` the way the
// desktop shell does (same command names, same error codes), for the browser
// preview (`?mock`) and the component tests. Never part of the desktop app.
import type { ApiError } from "./bindings/ApiError";
import type { AssessmentInfo } from "./bindings/AssessmentInfo";
import type { AssessmentInput } from "./bindings/AssessmentInput";
import type { FieldIssue } from "./bindings/FieldIssue";
import type { History } from "./bindings/History";
import type { Methodology } from "./bindings/Methodology";
import type { Process } from "./bindings/Process";
import type { ProcessInput } from "./bindings/ProcessInput";
import type { RecentFile } from "./bindings/RecentFile";
import type { Session } from "./bindings/Session";
import type { Unit } from "./bindings/Unit";
import type { UnitInput } from "./bindings/UnitInput";
import { DEMO_INFO, defaultMethodology, demoProcesses, demoUnits } from "./demoAssessment";

interface Snapshot {
  info: AssessmentInfo;
  units: Unit[];
  processes: Process[];
}

interface Entry {
  label: string;
  before: Snapshot;
  after: Snapshot;
}

interface OpenFile {
  path: string;
  data: Snapshot;
  methodology: Methodology;
  undo: Entry[];
  redo: Entry[];
}

export const DEMO_PATH = "/home/facilitator/.local/share/bia-workbench/demo.bia";

function fail(code: string, message: string, details: unknown = null): never {
  const error: ApiError = { code, message, details };
  throw error;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const key = (name: string) => name.trim().replace(/\s+/g, " ").toLocaleLowerCase();
const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

let counter = 0;
const newId = () => `f${Date.now().toString(16)}-${(++counter).toString(16).padStart(4, "0")}-4000-8000-000000000000`;

export class FakeBackend {
  file: OpenFile | null = null;
  recent: RecentFile[];
  /** Paths that exist "on disk", with their assessments. */
  files = new Map<string, Snapshot>();
  now: () => string = () => new Date().toISOString();

  constructor(options: { recent?: RecentFile[] } = {}) {
    this.recent = options.recent ?? [];
  }

  /** A freshly seeded demo assessment. */
  static demoSnapshot(): Snapshot {
    const units = demoUnits();
    return { info: { ...DEMO_INFO }, units, processes: demoProcesses(units) };
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
    this.file = { path, data: clone(data), methodology: defaultMethodology(), undo: [], redo: [] };
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
        const current = this.store().data.processes.find((p) => p.id === id) ?? fail("no_such_id", `no process with id ${id}`);
        this.validProcess(input, id);
        const updated = this.processFrom(input, current);
        this.change(`Edit process “${updated.name}”`, (d) => {
          d.processes = d.processes.map((p) => (p.id === id ? updated : p));
        });
        return clone(updated);
      }
      case "delete_process": {
        const id = args.id as string;
        const current = this.store().data.processes.find((p) => p.id === id) ?? fail("no_such_id", `no process with id ${id}`);
        this.change(`Delete process “${current.name}”`, (d) => {
          d.processes = d.processes.filter((p) => p.id !== id);
        });
        return null;
      }
      case "get_methodology":
        return clone(this.store().methodology);
      case "history":
        return this.history();
      case "undo":
      case "redo": {
        const f = this.store();
        const from = cmd === "undo" ? f.undo : f.redo;
        const to = cmd === "undo" ? f.redo : f.undo;
        const entry = from.pop() ?? fail(`nothing_to_${cmd}`, `nothing to ${cmd}`);
        f.data = clone(cmd === "undo" ? entry.before : entry.after);
        to.push(entry);
        this.files.set(f.path, clone(f.data));
        return this.history();
      }
      default:
        return fail("unknown_command", `The preview does not know the command "${cmd}".`);
    }
  }
}
