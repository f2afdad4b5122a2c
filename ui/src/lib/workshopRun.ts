// Running a workshop: the time spent on an agenda item against its time box (and when its bar turns amber or red),
// the session's time, moving between steps and processes, and the keys that do so. Pure, so that it can be tested.

import type { AgendaItem } from "./bindings/AgendaItem";
import type { AgendaStatus } from "./bindings/AgendaStatus";

export const STEPS = [
  { n: 1, title: "The process", short: "Process" },
  { n: 2, title: "Impact over time", short: "Impact" },
  { n: 3, title: "MTPD", short: "MTPD" },
  { n: 4, title: "Recovery objectives", short: "Objectives" },
  { n: 5, title: "Dependencies", short: "Dependencies" },
  { n: 6, title: "Actions and sign-off", short: "Sign-off" },
] as const;

export type StepNumber = (typeof STEPS)[number]["n"];

/** The share of a time box after which its bar turns amber. */
export const NEAR_END = 0.8;

export type TimeState = "ok" | "near" | "over";

/** How an item's time stands: ok, near its time box's end (amber), past it (red). */
export function timeState(spentSeconds: number, timeboxMinutes: number): TimeState {
  const box = timeboxMinutes * 60;
  if (box <= 0) return "ok";
  if (spentSeconds > box) return "over";
  return spentSeconds >= box * NEAR_END ? "near" : "ok";
}

/** "12:05" (minutes:seconds), "1:02:05" past an hour; "−3:10" for time past the box when asked for what is left. */
export function clock(seconds: number): string {
  const sign = seconds < 0 ? "−" : "";
  const s = Math.abs(Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, "0")}:${rest}` : `${sign}${m}:${rest}`;
}

/** The width of an item's bar, 0–1 (full when past its time box). */
export function barShare(spentSeconds: number, timeboxMinutes: number): number {
  if (timeboxMinutes <= 0) return 0;
  return Math.min(1, spentSeconds / (timeboxMinutes * 60));
}

/** The session's time: what every item took, the current one's running seconds included. */
export function sessionSeconds(agenda: AgendaItem[], currentId: string | null, currentSeconds: number): number {
  return agenda.reduce((sum, a) => sum + (a.id === currentId ? currentSeconds : a.spent_seconds), 0);
}

/** Items done (done, parked or skipped count as dealt with) and still to come. */
export function progress(agenda: AgendaItem[]): { done: number; remaining: number } {
  const dealt = new Set<AgendaStatus>(["done", "parked", "skipped"]);
  const done = agenda.filter((a) => dealt.has(a.status)).length;
  return { done, remaining: agenda.length - done };
}

/** The item to discuss when the workshop opens or resumes: the one in discussion, else the first pending, else the first. */
export function currentItem(agenda: AgendaItem[]): AgendaItem | null {
  return agenda.find((a) => a.status === "in_discussion") ?? agenda.find((a) => a.status === "pending") ?? agenda[0] ?? null;
}

/** The item after (or before) `id`, or null at either end. */
export function neighbour(agenda: AgendaItem[], id: string | null, by: 1 | -1): AgendaItem | null {
  const at = agenda.findIndex((a) => a.id === id);
  if (at < 0) return agenda[0] ?? null;
  return agenda[at + by] ?? null;
}

export type RunKey = "next-step" | "previous-step" | "next-process" | "previous-process" | "add-action" | "timer";

/** The parts of a KeyboardEvent the decision needs. */
export interface RunKeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * The runner's keys, all with Alt so that they never clash with the grid's arrows and digits or with typing:
 * Alt+→/← step, Alt+↓/↑ process, Alt+A add an action, Alt+T start or pause the timer.
 */
export function runKey(press: RunKeyPress): RunKey | null {
  if (!press.altKey || press.ctrlKey || press.metaKey) return null;
  switch (press.key) {
    case "ArrowRight":
      return "next-step";
    case "ArrowLeft":
      return "previous-step";
    case "ArrowDown":
      return "next-process";
    case "ArrowUp":
      return "previous-process";
  }
  const key = press.key.toLowerCase();
  if (key === "a") return "add-action";
  if (key === "t") return "timer";
  return null;
}

/** The legend of the runner's keys, as shown under it. */
export const RUN_KEYS: ReadonlyArray<{ keys: string[]; what: string }> = [
  { keys: ["Alt", "→"], what: "next step" },
  { keys: ["Alt", "←"], what: "previous step" },
  { keys: ["Alt", "↓"], what: "next process" },
  { keys: ["Alt", "↑"], what: "previous process" },
  { keys: ["Alt", "A"], what: "add an action" },
  { keys: ["Alt", "T"], what: "start / pause the timer" },
];

/** How an agenda status reads. */
export function agendaStatusLabel(status: AgendaStatus): string {
  return status === "in_discussion" ? "in discussion" : status;
}
