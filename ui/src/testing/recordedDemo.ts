// The demo assessment (Harbourline Logistics) as the REAL CORE answered when it
// was opened: recordings/demo.json, written by
// src-tauri/tests/commands/recordings.rs. For unit tests that need realistic
// data: the register, the methodology, the resources and dependencies, and the
// analysis the core made of them.
//
// Data and plumbing only: every value is a recorded answer, looked up by its
// command and arguments (e.g. `get_process_impact {processId}`), and handed out
// as a fresh copy so a test may change it. Nothing here computes anything the
// core computes; a value the demo recording lacks is an error, not a guess.
import recording from "./recordings/demo.json";
import type { Analysis } from "../lib/bindings/Analysis";
import type { Category } from "../lib/bindings/Category";
import type { Dependency } from "../lib/bindings/Dependency";
import type { Horizon } from "../lib/bindings/Horizon";
import type { Methodology } from "../lib/bindings/Methodology";
import type { Objectives } from "../lib/bindings/Objectives";
import type { Process } from "../lib/bindings/Process";
import type { ProcessAnalysis } from "../lib/bindings/ProcessAnalysis";
import type { ProcessImpact } from "../lib/bindings/ProcessImpact";
import type { Resource } from "../lib/bindings/Resource";
import type { Unit } from "../lib/bindings/Unit";

interface Call {
  cmd: string;
  args: Record<string, unknown>;
  result?: unknown;
  error?: unknown;
}

const calls: readonly Call[] = (recording as unknown as { calls: Call[] }).calls;

/** JSON with its keys sorted, so `{a, b}` and `{b, a}` are the same arguments. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** The recorded answer to `cmd` with `args`, as a fresh copy; throws when the demo recording has no such answer. */
export function recorded<T>(cmd: string, args: Record<string, unknown> = {}): T {
  const wanted = canonical(args);
  const call = calls.find((c) => c.cmd === cmd && canonical(c.args) === wanted);
  if (!call) throw new Error(`recordings/demo.json has no answer to ${cmd} ${wanted}`);
  if (call.error !== undefined) throw new Error(`recordings/demo.json has ${cmd} ${wanted} refused: ${canonical(call.error)}`);
  return (call.result === undefined ? undefined : JSON.parse(JSON.stringify(call.result))) as T;
}

/** The one item of `items` named `name`; throws when there is none. */
function named<T extends { name: string }>(items: readonly T[], name: string, what: string): T {
  const item = items.find((i) => i.name === name);
  if (!item) throw new Error(`the recorded demo has no ${what} named ${JSON.stringify(name)}`);
  return item;
}

export const methodology = (): Methodology => recorded("get_methodology");
export const units = (): Unit[] => recorded("list_units");
export const processes = (): Process[] => recorded("list_processes");
export const resources = (): Resource[] => recorded("list_resources");
export const dependencies = (): Dependency[] => recorded("list_dependencies");
/** The whole analysis (`analyze`): every process's, in register order, and the dependencies'. */
export const analysis = (): Analysis => recorded("analyze");

/** One process's impact grid (`get_process_impact`). */
export const processImpact = (processId: string): ProcessImpact => recorded("get_process_impact", { processId });
/** One process's analysis (`analyze_process`). */
export const processAnalysis = (processId: string): ProcessAnalysis => recorded("analyze_process", { processId });
/** What the room agreed for one process (`get_objectives`); null when nothing is agreed yet. */
export const objectives = (processId: string): Objectives | null => recorded("get_objectives", { processId });

export const unitNamed = (name: string): Unit => named(units(), name, "unit");
export const processNamed = (name: string): Process => named(processes(), name, "process");
export const resourceNamed = (name: string): Resource => named(resources(), name, "resource");
export const categoryNamed = (name: string): Category => named(methodology().categories, name, "impact category");

/** A horizon of the methodology by its label ("1 d"). */
export function horizonLabelled(label: string): Horizon {
  const horizon = methodology().horizons.find((h) => h.label === label);
  if (!horizon) throw new Error(`the recorded demo's methodology has no horizon ${JSON.stringify(label)}`);
  return horizon;
}

/** A process's analysis, by the process's name. */
export const processAnalysisNamed = (name: string): ProcessAnalysis => processAnalysis(processNamed(name).id);
/** A process's impact grid, by the process's name. */
export const processImpactNamed = (name: string): ProcessImpact => processImpact(processNamed(name).id);
