// What the audience window (the projector) shows of the facilitator's view, as plain data: the step's
// name, the process's header and facts, the focused cell's level definition, the MTPD, the objectives,
// what the process depends on, the agreed values to confirm, and the agenda's progress with the live
// clocks. Deliberately never passes on anything meant for the facilitator alone: agenda-item notes,
// cell notes, process notes, the workshop's notes, dependency notes, participants' contacts.
// Reads nothing and decides nothing the core decides: it arranges the core's answers for the room.
import type { AudienceView } from "./bindings/AudienceView";
import type { Dependency } from "./bindings/Dependency";
import type { Horizon } from "./bindings/Horizon";
import type { Id } from "./bindings/Id";
import type { Methodology } from "./bindings/Methodology";
import type { Objectives } from "./bindings/Objectives";
import type { Process } from "./bindings/Process";
import type { ProcessAnalysis } from "./bindings/ProcessAnalysis";
import type { ProcessImpact } from "./bindings/ProcessImpact";
import type { Resource } from "./bindings/Resource";
import type { Strength } from "./bindings/Strength";
import type { Unit } from "./bindings/Unit";
import type { Workshop } from "./bindings/Workshop";
import { describeAgreedMtpd, describeMtpd, formatMbco, formatOptionalMinutes, formatRpo, tierLabel } from "./analysisFormat";
import { amountsNote } from "./currency";
import { definitionText, indexScores, levelName, severityAt, thresholdOf } from "./impactGrid";
import { kindRank, kindShort, strengthLabel } from "./resourceKinds";

// --- the steps -------------------------------------------------------------

/** The six steps of a process's workshop item, in order (step 1 first). */
export const STEP_NAMES = [
  "The process",
  "Impact over time",
  "MTPD",
  "Recovery objectives",
  "Dependencies",
  "Actions and sign-off",
] as const;

/** "Impact over time" for step 2; null for a step that is not one of the six. */
export function stepName(step: number): string | null {
  return Number.isInteger(step) ? (STEP_NAMES[step - 1] ?? null) : null;
}

/** "2 Impact over time", as the header shows it; null for a step that is not one of the six. */
export function stepTitle(step: number): string | null {
  const name = stepName(step);
  return name === null ? null : `${step} ${name}`;
}

// --- the process -------------------------------------------------------------

export interface ProcessHeader {
  name: string;
  /** The unit's name, "" when the process has none (or it is not listed). */
  unit: string;
  owner: string;
}

/** The header of the process on screen, or null when `processId` is not in the register. */
export function processHeader(processId: Id | null, processes: readonly Process[], units: readonly Unit[]): ProcessHeader | null {
  const process = processId === null ? undefined : processes.find((p) => p.id === processId);
  if (!process) return null;
  const unit = process.unit_id === null ? "" : (units.find((u) => u.id === process.unit_id)?.name ?? "");
  return { name: process.name, unit, owner: process.owner.trim() };
}

export interface Fact {
  label: string;
  /** The value as the room reads it; "Not recorded yet" when blank. */
  text: string;
  /** The value was blank. */
  missing: boolean;
}

const NOT_RECORDED = "Not recorded yet";

function fact(label: string, value: string): Fact {
  const text = value.trim();
  return { label, text: text === "" ? NOT_RECORDED : text, missing: text === "" };
}

/** Step 1: what the process is (its notes are the facilitator's and stay out). */
export function processFacts(process: Process): Fact[] {
  const staff = process.minimum_staff;
  return [
    fact("Description", process.description),
    fact("Peak periods", process.peak_periods),
    fact("Minimum staff", staff === null ? "" : `${staff} ${staff === 1 ? "person" : "people"}`),
    fact("Workaround", process.workaround),
  ];
}

// --- step 2: the focused cell ---------------------------------------------------

export interface FocusedDefinition {
  /** "Financial at 1 d". */
  where: string;
  /** The cell's severity; null when unscored. */
  level: number | null;
  /** "Major"; "" when unscored. */
  levelName: string;
  /** "Loss or extra cost of 1 M to 10 M"; "" when the level has no definition or the cell is unscored. */
  text: string;
  /** "amounts in GBP (£)" under a financial category with a definition shown, else null. */
  amounts: string | null;
  /** The whole line: "Financial at 1 d — 4 Major: Loss or extra cost of 1 M to 10 M". */
  sentence: string;
  /** The category's threshold: "4 Major", from which impact is unacceptable. */
  threshold: string;
  /** The cell is at or above the threshold. */
  unacceptable: boolean;
}

/**
 * What the focused cell's level means, for the room to score against; null when no cell is focused or the
 * cell is not in the methodology. The cell's note is never part of it.
 */
export function focusedDefinition(
  m: Methodology,
  impact: ProcessImpact | null,
  categoryId: Id | null,
  horizonId: Id | null,
): FocusedDefinition | null {
  const category = m.categories.find((c) => c.id === categoryId);
  const horizon = m.horizons.find((h) => h.id === horizonId);
  if (!category || !horizon) return null;
  const where = `${category.name} at ${horizon.label}`;
  const limit = thresholdOf(m, category);
  const threshold = `${limit} ${levelName(m, limit)}`;
  const level = impact ? severityAt(indexScores(impact.scores), category.id, horizon.id) : null;
  if (level === null) {
    const sentence = `${where} — not scored yet`;
    return { where, level: null, levelName: "", text: "", amounts: null, sentence, threshold, unacceptable: false };
  }
  const name = levelName(m, level);
  const text = definitionText(category, level);
  const amounts = text ? amountsNote(category.name, m.currency) : null;
  const sentence = `${where} — ${level} ${name}${text ? `: ${text}` : ""}`;
  return { where, level, levelName: name, text, amounts, sentence, threshold, unacceptable: level >= limit };
}

// --- steps 3, 4 and 6: the values ---------------------------------------------

export interface MtpdSummary {
  /** The derived MTPD: "1 d", "Beyond 1 mo", "Not derived". */
  derived: string;
  /** Why: "Financial reaches 4 – Major at 1 d", "no category reaches its threshold", "not scored yet". */
  reason: string;
  /** The MTPD the room agreed instead, "3 d (override)", or null when it agreed the derived one. */
  agreed: string | null;
  /** Why the room overrode it ("" when not said or not overridden). */
  overrideReason: string;
}

/** Step 3: the derived MTPD, why, and the agreed one when the room overrode it. */
export function mtpdSummary(a: ProcessAnalysis, horizons: readonly Horizon[], objectives: Objectives | null): MtpdSummary {
  const derived = describeMtpd(a, horizons);
  const agreed = describeAgreedMtpd(a);
  return {
    derived: derived.value,
    reason: derived.reason,
    agreed,
    overrideReason: agreed === null ? "" : (objectives?.mtpd_override_reason.trim() ?? ""),
  };
}

export interface RulerMark {
  /** The horizon: "8 h". */
  label: string;
  /** At or past the MTPD the room works to (the agreed one, else the derived one): not tolerable. */
  past: boolean;
  /** The derived MTPD falls here. */
  derived: boolean;
  /** The agreed MTPD, where the room overrode the derived one, falls here (or within the span up to here). */
  agreed: boolean;
}

/**
 * Step 3's ruler: the horizons in order, those from the MTPD on marked as past tolerating (none when there is no
 * MTPD), the derived MTPD's horizon marked, and the agreed one's where the room overrode it (an agreed MTPD
 * between two horizons marks the later one).
 */
export function mtpdRuler(horizons: readonly Horizon[], a: ProcessAnalysis): RulerMark[] {
  const limit = a.mtpd === null ? -1 : horizons.findIndex((h) => h.minutes >= (a.mtpd as number));
  const agreedAt = a.mtpd_overridden ? limit : -1;
  return horizons.map((h, i) => ({
    label: h.label,
    past: limit >= 0 && i >= limit,
    derived: a.mtpd_derived !== null && h.minutes === a.mtpd_derived,
    agreed: i === agreedAt,
  }));
}

export interface Figure {
  label: string;
  /** What the label stands for, under it: "Recovery time objective". */
  meaning: string;
  /** "4 h", "n/a", "50 %", or "—" when not agreed yet. */
  value: string;
  /** Nothing agreed yet. */
  missing: boolean;
}

function figure(label: string, meaning: string, value: string): Figure {
  return { label, meaning, value, missing: value === "—" };
}

/** The MTPD the room works to: the agreed one (override or derived), "—" when there is none. */
function agreedMtpd(a: ProcessAnalysis): string {
  return formatOptionalMinutes(a.mtpd);
}

/** Step 4: the objectives agreed (from the core's analysis of the process). */
export function objectiveFigures(a: ProcessAnalysis): Figure[] {
  return [
    figure("RTO", "Recovery time objective", formatOptionalMinutes(a.rto)),
    figure("RPO", "Recovery point objective", formatRpo(a)),
    figure("WRT", "Work recovery time", formatOptionalMinutes(a.wrt)),
    figure("MBCO", "Minimum service level", formatMbco(a.mbco_percent)),
  ];
}

/** The tier the agreed RTO puts the process in; "—" without an RTO. */
export function tierText(a: ProcessAnalysis): string {
  return tierLabel(a.tier);
}

/** Step 6: the values the room is asked to confirm. */
export function agreedRecap(a: ProcessAnalysis): Figure[] {
  return [
    figure("MTPD", a.mtpd_overridden ? "Agreed (overrides the derived one)" : "Maximum tolerable period of disruption", agreedMtpd(a)),
    figure("RTO", "Recovery time objective", formatOptionalMinutes(a.rto)),
    figure("RPO", "Recovery point objective", formatRpo(a)),
  ];
}

/** Who signed the process off in this workshop (names only), or null when nobody has yet. */
export function signedOffBy(workshop: Workshop | null, processId: Id | null): string[] | null {
  const signoff = workshop?.signoffs.filter((s) => s.process_id === processId).at(-1);
  return signoff && signoff.by.length > 0 ? [...signoff.by] : null;
}

// --- step 5: dependencies --------------------------------------------------------

export interface DependencyLine {
  name: string;
  /** "Application", "Supplier", …; "Upstream process" for a process. */
  kind: string;
  strength: Strength;
  /** "Required", "Degraded without", "Optional". */
  strengthText: string;
}

const STRENGTH_ORDER: readonly Strength[] = ["required", "degraded", "optional"];

/**
 * Step 5: what the process depends on, the strongest first, then by kind (processes last) and name.
 * A dependency whose other end is not listed is left out; the dependency's note stays out.
 */
export function dependencyLines(
  processId: Id | null,
  dependencies: readonly Dependency[],
  resources: readonly Resource[],
  processes: readonly Process[],
): DependencyLine[] {
  const resourceById = new Map(resources.map((r) => [r.id, r]));
  const processById = new Map(processes.map((p) => [p.id, p]));
  const lines: Array<DependencyLine & { rank: number }> = [];
  for (const d of dependencies) {
    if (d.from.kind !== "process" || d.from.id !== processId) continue;
    const base = { strength: d.strength, strengthText: strengthLabel(d.strength) };
    if (d.to.kind === "resource") {
      const r = resourceById.get(d.to.id);
      if (r) lines.push({ name: r.name, kind: kindShort(r.kind), rank: kindRank(r.kind), ...base });
    } else {
      const p = processById.get(d.to.id);
      if (p) lines.push({ name: p.name, kind: "Upstream process", rank: Number.MAX_SAFE_INTEGER, ...base });
    }
  }
  lines.sort(
    (a, b) =>
      STRENGTH_ORDER.indexOf(a.strength) - STRENGTH_ORDER.indexOf(b.strength) ||
      a.rank - b.rank ||
      a.name.localeCompare(b.name, "en-GB"),
  );
  return lines.map(({ rank: _rank, ...line }) => line);
}

// --- the progress strip ------------------------------------------------------------

export interface AgendaProgress {
  total: number;
  done: number;
  /** Still to discuss: pending, in discussion and parked (the room comes back to a parked item). */
  toGo: number;
  parked: number;
  skipped: number;
  /** 1-based place of the current item on the agenda; null when the process is not on it. */
  position: number | null;
  /** The current item's time box in minutes; null when the process is not on the agenda. */
  timeboxMinutes: number | null;
}

/**
 * How far the workshop's agenda has come, and the current item (the process on screen, else the one in
 * discussion). Only counts and the time box: the items' notes never leave here.
 */
export function agendaProgress(workshop: Workshop, processId: Id | null): AgendaProgress {
  const items = workshop.agenda;
  const count = (status: string) => items.filter((i) => i.status === status).length;
  let index = items.findIndex((i) => i.process_id === processId);
  if (index < 0) index = items.findIndex((i) => i.status === "in_discussion");
  const done = count("done");
  const skipped = count("skipped");
  return {
    total: items.length,
    done,
    toGo: items.length - done - skipped,
    parked: count("parked"),
    skipped,
    position: index < 0 ? null : index + 1,
    timeboxMinutes: index < 0 ? null : items[index].timebox_minutes,
  };
}

/** "Item 2 of 4 · 1 done · 3 to go · 1 parked" in parts, for the strip. */
export function progressParts(p: AgendaProgress): string[] {
  const parts = [p.position === null ? `${p.total} item${p.total === 1 ? "" : "s"}` : `Item ${p.position} of ${p.total}`];
  parts.push(`${p.done} done`, `${p.toGo} to go`);
  if (p.parked > 0) parts.push(`${p.parked} parked`);
  if (p.skipped > 0) parts.push(`${p.skipped} skipped`);
  return parts;
}

/** The workshop of the view, or null (none presented, or not in the list). */
export function workshopOf(view: AudienceView, workshops: readonly Workshop[]): Workshop | null {
  return view.workshop_id === null ? null : (workshops.find((w) => w.id === view.workshop_id) ?? null);
}

// --- the clocks --------------------------------------------------------------------

/**
 * Seconds on a clock now: `seconds` as sent at `sentAtMs`, plus the whole seconds since while it runs
 * (a clock is never wound back by a sender's clock a little ahead of this one).
 */
export function clockSeconds(seconds: number, running: boolean, sentAtMs: number, nowMs: number): number {
  if (!running) return seconds;
  return seconds + Math.max(0, Math.floor((nowMs - sentAtMs) / 1000));
}

/** The current item's clock; the session's elapsed time is `clockSeconds(view.session_seconds, …)`. */
export function itemSeconds(view: AudienceView, nowMs: number): number {
  return clockSeconds(view.item_seconds, view.timer_running, view.sent_at_ms, nowMs);
}

export function sessionSeconds(view: AudienceView, nowMs: number): number {
  return clockSeconds(view.session_seconds, view.timer_running, view.sent_at_ms, nowMs);
}

/** "4:05", "12:00", "1:02:03" (hours only when there are some); a negative time is shown without sign. */
export function formatClock(seconds: number): string {
  const s = Math.abs(Math.trunc(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

/** calm until the last 20 % of the time box, then amber; red once past it. */
export type ClockTone = "calm" | "amber" | "red";

export interface TimeLeft {
  /** Seconds left of the time box; negative once past it. */
  seconds: number;
  tone: ClockTone;
  /** "7:30 left", "3:20 over". */
  text: string;
  /** Share of the box used, 0–1 (capped at 1), for a bar. */
  used: number;
}

/** The current item's time left against its time box (minutes), from the seconds spent on it. */
export function timeLeft(spentSeconds: number, timeboxMinutes: number): TimeLeft {
  const box = Math.max(0, timeboxMinutes) * 60;
  const seconds = box - spentSeconds;
  const tone: ClockTone = seconds < 0 ? "red" : seconds <= box * 0.2 ? "amber" : "calm";
  const used = box === 0 ? 1 : Math.min(1, Math.max(0, spentSeconds / box));
  return { seconds, tone, text: seconds < 0 ? `${formatClock(seconds)} over` : `${formatClock(seconds)} left`, used };
}
