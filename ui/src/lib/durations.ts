// Reads durations the way people say them in a workshop ("4h", "1 day", "30 min",
// a bare number is hours), following the core's `model/duration.rs`. The core
// stays the judge: the UI sends durations as typed and shows the core's
// messages. This reading is only for previews before the core has answered
// (the tier an RTO would give) and for the in-memory test double.
import type { Minutes } from "./bindings/Minutes";
import { DAY, HOUR, MONTH, WEEK } from "./minutes";

/** The accepted forms, as the core's messages name them. */
export const DURATION_FORMS = "e.g. 0, 30 min, 4 h, 1.5 h, 1 d, 2 w, 1 mo";

const UNITS: ReadonlyArray<[readonly string[], number]> = [
  [["m", "min", "mins", "minute", "minutes"], 1],
  [["h", "hr", "hrs", "hour", "hours"], HOUR],
  [["d", "day", "days"], DAY],
  [["w", "wk", "wks", "week", "weeks"], WEEK],
  [["mo", "mon", "month", "months"], MONTH],
];

const MAX_U32 = 4_294_967_295;

/** Minutes for a duration, or null when the text is not one (blank is not one either). */
export function parseDuration(text: string): Minutes | null {
  const t = text.trim().toLowerCase();
  if (["0", "immediate", "immediately", "none"].includes(t)) return 0;
  const match = /^([\d.]+)(.*)$/.exec(t);
  if (!match || !/^\d*\.?\d*$/.test(match[1]) || match[1] === ".") return null;
  const value = Number(match[1]);
  const unit = match[2].trim();
  const size = unit === "" ? HOUR : UNITS.find(([names]) => names.includes(unit))?.[1];
  if (size === undefined || !Number.isFinite(value)) return null;
  const minutes = value * size;
  if (minutes < 0 || minutes > MAX_U32 || Math.abs(minutes - Math.round(minutes)) > 1e-9) return null;
  return Math.round(minutes);
}

/** Blank is "not set" (null minutes); anything else must be a duration. */
export function parseOptionalDuration(text: string): { ok: true; minutes: Minutes | null } | { ok: false } {
  if (text.trim() === "") return { ok: true, minutes: null };
  const minutes = parseDuration(text);
  return minutes === null ? { ok: false } : { ok: true, minutes };
}

/** Whether an RPO text means "not applicable". */
export function isNotApplicable(text: string): boolean {
  return ["n/a", "na", "not applicable"].includes(text.trim().toLowerCase());
}

/** The core's message for a text that is not a duration. */
export function durationError(label: string, text: string): string {
  return `${label}: "${text.trim()}" is not a duration; write ${DURATION_FORMS}.`;
}
