// Words for a process's analysis as the screens show it: the derived MTPD and
// why, the agreed one when overridden, the tier, objectives ("n/a", "50 %"),
// progress of scoring and counts of violations.
import type { Horizon } from "./bindings/Horizon";
import type { Minutes } from "./bindings/Minutes";
import type { ProcessAnalysis } from "./bindings/ProcessAnalysis";
import type { Tier } from "./bindings/Tier";
import type { TierRef } from "./bindings/TierRef";
import { formatMinutes } from "./minutes";

/** A duration, or an em dash when not set. */
export function formatOptionalMinutes(minutes: Minutes | null): string {
  return minutes === null ? "—" : formatMinutes(minutes);
}

export interface MtpdText {
  /** "1 d", "Beyond 1 mo", or "Not derived". */
  value: string;
  /** "Financial reaches 4 – Major at 1 d", "no category reaches its threshold", … */
  reason: string;
  /** Both in one line: "MTPD 1 d — Financial reaches 4 – Major at 1 d". */
  sentence: string;
}

/** The derived MTPD in words, given the horizons it was derived over. */
export function describeMtpd(a: ProcessAnalysis, horizons: readonly Horizon[]): MtpdText {
  if (a.mtpd_derived !== null) {
    const value = formatMinutes(a.mtpd_derived);
    const reason = a.mtpd_reason?.text ?? "";
    return { value, reason, sentence: reason ? `MTPD ${value} — ${reason}` : `MTPD ${value}` };
  }
  if (a.scored_cells === 0) {
    const reason = "not scored yet";
    return { value: "Not derived", reason, sentence: `MTPD not derived — ${reason}` };
  }
  const last = horizons.at(-1);
  const value = last ? `Beyond ${last.label}` : "Beyond the horizons";
  const reason = "no category reaches its threshold";
  return { value, reason, sentence: `${value} — ${reason}` };
}

/** "3 d (override)" when the room agreed another MTPD, else null. */
export function describeAgreedMtpd(a: ProcessAnalysis): string | null {
  if (!a.mtpd_overridden || a.mtpd === null) return null;
  return `${formatMinutes(a.mtpd)} (override)`;
}

/** The tier's name, or a dash when there is no RTO yet. */
export function tierLabel(tier: TierRef | null): string {
  return tier?.name ?? "—";
}

/** "32 of 56 scored". */
export function scoredText(a: Pick<ProcessAnalysis, "scored_cells" | "total_cells">): string {
  return `${a.scored_cells} of ${a.total_cells} scored`;
}

/** Share of the grid scored, 0–100. */
export function scoredPercent(a: Pick<ProcessAnalysis, "scored_cells" | "total_cells">): number {
  return a.total_cells === 0 ? 0 : Math.round((a.scored_cells / a.total_cells) * 100);
}

/** The RPO, "n/a" when the process handles no data whose loss matters. */
export function formatRpo(a: Pick<ProcessAnalysis, "rpo" | "rpo_not_applicable">): string {
  return a.rpo_not_applicable ? "n/a" : formatOptionalMinutes(a.rpo);
}

export function formatMbco(percent: number | null): string {
  return percent === null ? "—" : `${percent} %`;
}

/** "1 violation", "2 violations". */
export function violationCount(count: number): string {
  return `${count} violation${count === 1 ? "" : "s"}`;
}

/**
 * The tier an RTO falls in, as the core decides it: the first band wide
 * enough, else the last. For previews; the analysis gives the agreed tier.
 */
export function tierForRto(tiers: readonly Tier[], rto: Minutes): Tier | null {
  return tiers.find((t) => t.max_rto_minutes === null || rto <= t.max_rto_minutes) ?? tiers.at(-1) ?? null;
}
