// Formats durations stored in whole minutes (horizons, tier bands, later RTO/RPO)
// the way the core prints them: "30 min", "4 h", "1 d", "2 w", "1 mo".
import type { Minutes } from "./bindings/Minutes";
import type { Tier } from "./bindings/Tier";

export const HOUR = 60;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;
/** A month is 30 days, as in the core. */
export const MONTH = 30 * DAY;

const UNITS: ReadonlyArray<[number, string]> = [
  [MONTH, "mo"],
  [WEEK, "w"],
  [DAY, "d"],
  [HOUR, "h"],
];

const groupedNumber = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

/** The shortest exact form, in the largest unit that divides the value. */
export function formatMinutes(minutes: Minutes): string {
  if (minutes > 0) {
    for (const [size, name] of UNITS) {
      if (minutes % size === 0) return `${minutes / size} ${name}`;
    }
  }
  return `${minutes} min`;
}

/** The plain count of minutes with thousands separators: "1,440 min". */
export function formatMinuteCount(minutes: Minutes): string {
  return `${groupedNumber.format(minutes)} min`;
}

/** Both forms, for reference tables: "1 d · 1,440 min" (just "45 min" below an hour). */
export function formatMinutesDetail(minutes: Minutes, label: string = formatMinutes(minutes)): string {
  const count = formatMinuteCount(minutes);
  return label === count ? label : `${label} · ${count}`;
}

/**
 * The RTO bound of a tier, given all tiers most urgent first: "≤ 4 h", "≤ 1 d",
 * and "beyond 3 d" for the open-ended last tier (each tier starts where the
 * one before it ends).
 */
export function describeTierBand(tiers: readonly Tier[], index: number): string {
  const max = tiers[index].max_rto_minutes;
  if (max !== null) return `≤ ${formatMinutes(max)}`;
  const bounded = tiers.slice(0, index).filter((t) => t.max_rto_minutes !== null);
  const previous = bounded.at(-1)?.max_rto_minutes;
  return previous === undefined || previous === null ? "any RTO" : `beyond ${formatMinutes(previous)}`;
}
