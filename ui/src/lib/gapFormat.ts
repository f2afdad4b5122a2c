// The Gaps screen's words and order: a label for each kind of gap, required
// against capability, the size of the shortfall, the dependency chain as one
// line, sorting, and the findings counted. The core finds the gaps (most
// severe first); this only presents them.
import type { DependencyAnalysis } from "./bindings/DependencyAnalysis";
import type { Gap } from "./bindings/Gap";
import type { GapKind } from "./bindings/GapKind";
import type { ProcessAnalysis } from "./bindings/ProcessAnalysis";
import { DAY, formatMinutes } from "./minutes";

const LABELS: Record<GapKind, { label: string; short: string }> = {
  rto_capability: { label: "Recovery time gap", short: "RTO gap" },
  rpo_capability: { label: "Data loss gap", short: "RPO gap" },
  upstream_rto: { label: "Upstream process too slow", short: "Upstream" },
  unknown_capability: { label: "Recovery time unknown", short: "Unknown" },
};

export const gapKindLabel = (kind: GapKind): string => LABELS[kind]?.label ?? kind;
export const gapKindShort = (kind: GapKind): string => LABELS[kind]?.short ?? kind;

/** "Payroll processing (RTO 8 h) → Sage Payroll → Leeds data centre (restores in 1 d)". */
export function formatChain(chain: readonly string[]): string {
  return chain.join(" → ");
}

/** What is required: "within 4 h", or for data loss "at most 1 h". */
export function requiredText(gap: Pick<Gap, "kind" | "required_minutes">): string {
  if (gap.required_minutes === null) return "—";
  const value = formatMinutes(gap.required_minutes);
  return gap.kind === "rpo_capability" ? `at most ${value}` : `within ${value}`;
}

/** What it can do: "restores in 1 d", "can lose 4 h", "RTO 8 h", "unknown". */
export function capabilityText(gap: Pick<Gap, "kind" | "capability_minutes">): string {
  if (gap.capability_minutes === null) return "unknown";
  const value = formatMinutes(gap.capability_minutes);
  switch (gap.kind) {
    case "rpo_capability":
      return `can lose ${value}`;
    case "upstream_rto":
      return `RTO ${value}`;
    default:
      return `restores in ${value}`;
  }
}

/**
 * A shortfall in days, hours and minutes (at most two of them, the rest rounded away): "6 d 22 h", "2 d", "16 h",
 * "1 h 30 min", "45 min". Every gap is written in the same units, never weeks beside hours ("166 h" beside "2 d"
 * read as apples and pears), so that gaps compare at a glance.
 */
export function formatSpan(minutes: number): string {
  if (minutes < 60) return `${Math.max(0, Math.round(minutes))} min`;
  if (minutes < DAY) {
    const hours = Math.floor(minutes / 60);
    const rest = Math.round(minutes - hours * 60);
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  let days = Math.floor(minutes / DAY);
  let hours = Math.round((minutes - days * DAY) / 60);
  if (hours === 24) {
    days += 1;
    hours = 0;
  }
  return hours === 0 ? `${days} d` : `${days} d ${hours} h`;
}

/** How far short: "6 d 22 h short", or "size unknown" when the capability is unknown. */
export function gapSizeText(gap: Pick<Gap, "gap_minutes">): string {
  return gap.gap_minutes === null ? "size unknown" : `${formatSpan(gap.gap_minutes)} short`;
}

/**
 * The chain's steps by name only: the core writes the objective on its first step ("Payroll processing (RTO 8 h)")
 * and the capability on its last ("Workday (restores in 3 d)"), which a gap's card already says once, beside it.
 */
export function chainNames(gap: Pick<Gap, "chain" | "subject">, head: string | null): string[] {
  const bare = (step: string, name: string | null) => (name !== null && step.startsWith(`${name} (`) ? name : step);
  return gap.chain.map((step, i) => {
    if (i === 0) step = bare(step, head);
    if (i === gap.chain.length - 1) step = bare(step, gap.subject);
    return step;
  });
}

/** What would close a gap, in a sentence: the change to the resource (or upstream process), or to the requirement. */
export function closeText(gap: Pick<Gap, "kind" | "subject" | "required_minutes">, head: string | null): string {
  const required = gap.required_minutes === null ? null : formatMinutes(gap.required_minutes);
  const or = head ? `, or agree a longer RTO for ${head}` : "";
  switch (gap.kind) {
    case "rto_capability":
      return `Have ${gap.subject} restored within ${required} (a recovery arrangement, a standby, a faster supplier)${or}.`;
    case "rpo_capability":
      return `Back up or replicate ${gap.subject} so that at most ${required} of data is lost${head ? `, or agree a longer RPO for ${head}` : ""}.`;
    case "upstream_rto":
      return `Agree an RTO of ${required} or less for ${gap.subject}${or}.`;
    case "unknown_capability":
      return `Find out how quickly ${gap.subject} can be restored (it is needed within ${required}) and record it on the resource.`;
    default:
      return "";
  }
}

export type GapSort = "severity" | "size" | "subject";

export const GAP_SORTS: ReadonlyArray<{ value: GapSort; label: string }> = [
  { value: "severity", label: "Severity" },
  { value: "size", label: "Size of gap" },
  { value: "subject", label: "Subject" },
];

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

/**
 * The gaps in an order: "severity" keeps the core's (unknown capability and
 * the largest shortfalls first), "size" puts the largest shortfall first and
 * unknown sizes last, "subject" is alphabetical. Ties keep the core's order.
 */
export function sortGaps(gaps: readonly Gap[], sort: GapSort): Gap[] {
  const indexed = gaps.map((gap, i) => ({ gap, i }));
  const compare = (a: { gap: Gap; i: number }, b: { gap: Gap; i: number }): number => {
    if (sort === "size") {
      const x = a.gap.gap_minutes;
      const y = b.gap.gap_minutes;
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return y - x;
    }
    if (sort === "subject") return collator.compare(a.gap.subject, b.gap.subject);
    return 0;
  };
  return indexed.sort((a, b) => compare(a, b) || a.i - b.i).map((x) => x.gap);
}

export interface FindingCounts {
  gaps: number;
  spofs: number;
  cycles: number;
  orphans: number;
  total: number;
}

export function countFindings(d: DependencyAnalysis): FindingCounts {
  const counts = { gaps: d.gaps.length, spofs: d.spofs.length, cycles: d.cycles.length, orphans: d.orphans.length };
  return { ...counts, total: counts.gaps + counts.spofs + counts.cycles + counts.orphans };
}

/** The gaps of each process or resource, by id (for markers in registers). */
export function gapsByNode(gaps: readonly Gap[]): Map<string, Gap[]> {
  const byNode = new Map<string, Gap[]>();
  for (const gap of gaps) {
    const list = byNode.get(gap.subject_ref.id) ?? [];
    list.push(gap);
    byNode.set(gap.subject_ref.id, list);
  }
  return byNode;
}

/** "3 gaps", "1 gap". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** A register's marker for the gaps of one resource: the largest shortfall ("6 h short"), else "unknown"; null without gaps. */
export function gapMarker(gaps: readonly Gap[]): { fit: "gap" | "unknown"; label: string; title: string } | null {
  if (gaps.length === 0) return null;
  const sized = gaps.filter((g) => g.gap_minutes !== null);
  const title = gaps.map((g) => g.message).join("\n");
  if (sized.length === 0) return { fit: "unknown", label: "Unknown", title };
  const largest = Math.max(...sized.map((g) => g.gap_minutes ?? 0));
  return { fit: "gap", label: gapSizeText({ gap_minutes: largest }), title };
}

/** A process whose claimed tier the agreed RTO does not bear out (or that names no tier), as the core found it. */
export interface TierClaimFinding {
  processId: string;
  process: string;
  /** The claim as written: "P1", "Critical". */
  text: string;
  /** The tier the claim reads as, or null when it names none. */
  claimed: string | null;
  /** The tier the agreed RTO gives. */
  derived: string | null;
  /** `claimed_tier_differs` or `claimed_tier_unread`. */
  code: string;
  message: string;
}

/** The Gaps screen's claimed-tier findings, in register order: only processes the core gave a finding. */
export function tierClaimFindings(processes: readonly ProcessAnalysis[]): TierClaimFinding[] {
  return processes.flatMap((p) => {
    const claim = p.claimed_tier;
    if (!claim?.finding) return [];
    return [
      {
        processId: p.process_id,
        process: p.process,
        text: claim.text,
        claimed: claim.tier?.name ?? null,
        derived: p.tier?.name ?? null,
        code: claim.finding.code,
        message: claim.finding.message,
      },
    ];
  });
}
