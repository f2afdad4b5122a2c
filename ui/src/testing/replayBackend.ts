// The desktop shell as the component tests see it: answers RECORDED FROM THE
// REAL CORE (recordings/*.json, written by src-tauri/tests/commands/recordings.rs),
// replayed. It holds no rule of the core: no analysis, no checks, no import
// planning. What it adds is plumbing: which recorded state the assessment is
// in, the recent-files list (the demo joins it when opened), and the charts
// "saved" (save_chart writes nothing; only a refusal recorded for it is replayed).
//
// How it replays: every recording starts from a freshly opened demo. A write
// (an edit, undo, redo, an import) moves the assessment along a path of
// writes; an answer is looked up by that path, the command and its arguments.
// A call recorded with the events the shell sent meanwhile (an export's or an
// import's progress) sends them again, in order, before it answers; a test
// can hold each one back (`beforeEvent`). Cancel pressed while an import runs
// gets the answer recorded for a cancelled import.
// A call nobody recorded is refused with `not_recorded`, naming the call, so
// a test that needs it fails loudly: add the sequence to
// `ui/src/testing/scenarios/` (or the recorder) and run
// `cargo test -p bia-workbench --test commands recordings`.
import type { ApiError } from "../lib/bindings/ApiError";
import type { RecentFile } from "../lib/bindings/RecentFile";

interface Call {
  cmd: string;
  args: Record<string, unknown>;
  result?: unknown;
  error?: ApiError;
  /** The events the shell sent while the command ran, in order. */
  events?: Array<{ event: string; payload: unknown }>;
  /** Recorded with Cancel pressed while it ran. */
  cancelled?: boolean;
}

interface Recording {
  scenario: string;
  calls: Call[];
}

/** Commands that change the open assessment, or which one is open (an answer after one of them belongs to a new state). */
const WRITES = new Set([
  "create_workshop",
  "update_workshop",
  "delete_workshop",
  "start_workshop",
  "finish_workshop",
  "update_agenda_item",
  "set_participant_present",
  "sign_off",
  "add_action",
  "update_action",
  "delete_action",
  "new_assessment",
  "open_assessment",
  "save_copy",
  "recover_assessment",
  "update_assessment",
  "create_unit",
  "update_unit",
  "delete_unit",
  "create_process",
  "update_process",
  "delete_process",
  "set_status",
  "set_scores",
  "set_impact_rationale",
  "set_objectives",
  "create_resource",
  "update_resource",
  "set_resource_kind",
  "delete_resource",
  "create_dependency",
  "update_dependency",
  "delete_dependency",
  "update_methodology",
  "apply_import",
  "give_copy",
  "resolve_conflict",
  "undo",
  "redo",
]);

/** Whether a call changes the open assessment: a write command, or a merge that is no dry run. */
function isWrite(cmd: string, args: Record<string, unknown>): boolean {
  return WRITES.has(cmd) || ((cmd === "merge_copy" || cmd === "import_assessment") && args.dryRun === false);
}

/** JSON with its keys sorted, so `{a, b}` and `{b, a}` are the same arguments. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const key = (path: readonly string[], cmd: string, args: Record<string, unknown>) =>
  `${path.join("\n")}\n=> ${cmd} ${canonical(args)}`;

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** Every recorded answer by (path of writes, command, arguments); the path of a recording starts at open_demo. */
function index(recordings: readonly Recording[]): Map<string, Call> {
  const answers = new Map<string, Call>();
  for (const recording of recordings) {
    let path: string[] | null = null;
    for (const call of recording.calls) {
      if (call.cmd === "open_demo") path = [];
      const at = path ?? ["(closed)"];
      answers.set(key(at, call.cancelled ? `${call.cmd} (cancelled)` : call.cmd, call.args), call);
      if (call.cancelled) continue;
      if (path && isWrite(call.cmd, call.args) && call.error === undefined) path = [...path, `${call.cmd} ${canonical(call.args)}`];
    }
  }
  return answers;
}

/** The recordings the tests and the preview replay: the recorder's own scenarios and the scripts the tests asked for. */
export const RECORDINGS: readonly Recording[] = Object.values(
  import.meta.glob<Recording>("./recordings/*.json", { eager: true, import: "default" }),
);

export function notRecorded(cmd: string, args: Record<string, unknown>, path: readonly string[]): ApiError {
  const after = path.length === 0 ? "the demo as opened" : path.join(" → ");
  return {
    // Not a code the shell sends: the test double's own, so a test fails loudly.
    code: "not_recorded" as ApiError["code"],
    message: `No recording of ${cmd} ${canonical(args)} after ${after}; add it to ui/src/testing/scenarios and run cargo test -p bia-workbench --test commands recordings`,
    details: null,
  };
}

export class ReplayBackend {
  private readonly answers: Map<string, Call>;
  /** The writes since the demo was opened (null: nothing open). */
  path: string[] | null = null;
  recent: RecentFile[];
  /** Every chart written by `save_chart` (nothing touches the disk). */
  savedCharts: Array<{ kind: string; path: string; options: unknown }> = [];
  /** Calls nobody recorded, for a test to show when it fails (and to copy into a scenario script). */
  missing: Array<{ cmd: string; args: Record<string, unknown>; after: string[] }> = [];
  /** Sends an event to the UI as the shell's `app.emit` does (the harness connects it to the mocked events). */
  emit: (event: string, payload: unknown) => void = () => {};
  /** Awaited before each recorded event is sent: a test holds the command at a step with it. */
  beforeEvent: (event: string, payload: unknown) => Promise<void> = () => Promise.resolve();
  /** The workbooks `export_workbook` wrote in this replay (what "Show in folder" can show), by path. */
  written = new Set<string>();
  /** Cancel was pressed while a command was running. */
  private cancelPressed = false;

  constructor(options: { recent?: RecentFile[]; recordings?: readonly Recording[] } = {}) {
    this.answers = index(options.recordings ?? RECORDINGS);
    this.recent = options.recent ?? [];
  }

  /** The recorded answer to a read at the current state (for a test to compare the screen with). */
  current<T>(cmd: string, args: Record<string, unknown> = {}): T {
    const call = this.answers.get(key(this.path ?? ["(closed)"], cmd, args));
    if (!call || call.error) throw new Error(`no recording of ${cmd} ${canonical(args)} here`);
    return clone(call.result) as T;
  }

  /** A demo process's id, by name. */
  processId(name: string): string {
    const process = this.current<Array<{ id: string; name: string }>>("list_processes").find((p) => p.name === name);
    if (!process) throw new Error(`no demo process named ${name}`);
    return process.id;
  }

  /** A demo unit's id, by name. */
  unitId(name: string): string {
    const unit = this.current<Array<{ id: string; name: string }>>("list_units").find((u) => u.name === name);
    if (!unit) throw new Error(`no demo unit named ${name}`);
    return unit.id;
  }

  /** Answers one `invoke` as the shell would, from the recordings. */
  handle(cmd: string, args: Record<string, unknown> = {}): unknown {
    switch (cmd) {
      case "recent_files":
        return clone(this.recent);
      case "forget_recent":
        this.recent = this.recent.filter((r) => r.path !== args.path);
        return clone(this.recent);
      case "close_assessment":
        this.path = null;
        return null;
      case "reveal_in_folder":
        // A workbook written in this replay is shown; for any other file, the refusal the shell was recorded making.
        if (this.written.has(args.path as string)) return null;
        break;
      case "save_chart": {
        // A refusal the core was recorded making (a path it will not write) is replayed; anything else is "saved".
        const refusal = this.answers.get(key(this.path ?? ["(closed)"], cmd, args))?.error;
        if (refusal) throw clone(refusal);
        this.savedCharts.push({ kind: args.kind as string, path: args.path as string, options: clone(args.options) });
        return null;
      }
    }
    const path = cmd === "open_demo" ? [] : (this.path ?? ["(closed)"]);
    const call = this.answers.get(key(path, cmd, args));
    if (!call) {
      const error = notRecorded(cmd, args, path);
      this.missing.push({ cmd, args: clone(args), after: [...path] });
      throw error;
    }
    if (cmd === "cancel_import") this.cancelPressed = true;
    if (call.events?.length) return this.withEvents(cmd, args, path, call);
    return this.answer(cmd, args, call);
  }

  /** Sends the call's recorded events one by one, then answers it; a Cancel pressed meanwhile gets the cancelled answer. */
  private async withEvents(cmd: string, args: Record<string, unknown>, path: readonly string[], call: Call): Promise<unknown> {
    this.cancelPressed = false;
    for (const { event, payload } of call.events ?? []) {
      await this.beforeEvent(event, clone(payload));
      if (this.cancelPressed) {
        const cancelled = this.answers.get(key(path, `${cmd} (cancelled)`, args));
        if (!cancelled) {
          this.missing.push({ cmd: `${cmd} (cancelled)`, args: clone(args), after: [...path] });
          throw notRecorded(`${cmd} (cancelled)`, args, path);
        }
        return this.answer(cmd, args, cancelled);
      }
      this.emit(event, clone(payload));
    }
    return this.answer(cmd, args, call);
  }

  private answer(cmd: string, args: Record<string, unknown>, call: Call): unknown {
    if (call.error) throw clone(call.error);
    if (cmd === "export_workbook") this.written.add((call.result as { path: string }).path);
    if (cmd === "open_demo") {
      this.path = [];
      const session = call.result as { path: string; info: { name: string } };
      this.recent = [
        { path: session.path, name: session.info.name, opened_at: "2026-12-01T09:00:00Z", exists: true },
        ...this.recent.filter((r) => r.path !== session.path),
      ];
    } else if (this.path && isWrite(cmd, args)) this.path = [...this.path, `${cmd} ${canonical(args)}`];
    return clone(call.result);
  }
}
