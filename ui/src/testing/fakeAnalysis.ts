// The in-memory test double's stand-in for the core's analysis
// (`analysis/objectives.rs`), simplified: the MTPD is the first horizon where
// any category in use reaches its threshold, the tier follows the RTO, and
// an RTO not below the MTPD (or RTO + WRT beyond it) is a violation. For the
// browser preview and the component tests only; never part of the app.
import type { DecreasingRow } from "../lib/bindings/DecreasingRow";
import type { Methodology } from "../lib/bindings/Methodology";
import type { Objectives } from "../lib/bindings/Objectives";
import type { ProcessAnalysis } from "../lib/bindings/ProcessAnalysis";
import type { Score } from "../lib/bindings/Score";
import type { Violation } from "../lib/bindings/Violation";
import { tierForRto } from "../lib/analysisFormat";
import { activeCategories, indexScores, levelName, severityAt, thresholdOf } from "../lib/impactGrid";
import { formatMinutes } from "../lib/minutes";

export function fakeViolations(mtpd: number | null, rto: number | null, wrt: number | null): Violation[] {
  if (mtpd === null || rto === null) return [];
  if (rto >= mtpd)
    return [
      {
        code: "rto_not_below_mtpd",
        field: "rto",
        message: `RTO ${formatMinutes(rto)} is not below the MTPD of ${formatMinutes(mtpd)}.`,
      },
    ];
  if (wrt !== null && rto + wrt > mtpd)
    return [
      {
        code: "rto_plus_wrt_above_mtpd",
        field: "wrt",
        message: `RTO ${formatMinutes(rto)} plus WRT ${formatMinutes(wrt)} is ${formatMinutes(rto + wrt)} — beyond the MTPD of ${formatMinutes(mtpd)}.`,
      },
    ];
  return [];
}

export function fakeAnalyzeProcess(
  m: Methodology,
  process: { id: string; name: string },
  scores: readonly Score[],
  objectives: Objectives | null,
): ProcessAnalysis {
  const categories = activeCategories(m);
  const lookup = indexScores(scores.filter((s) => s.process_id === process.id));
  let scored = 0;
  for (const c of categories)
    for (const h of m.horizons) if (severityAt(lookup, c.id, h.id) !== null) scored += 1;

  let mtpdDerived: number | null = null;
  let reason: ProcessAnalysis["mtpd_reason"] = null;
  search: for (const h of m.horizons) {
    for (const c of categories) {
      const sev = severityAt(lookup, c.id, h.id);
      if (sev !== null && sev >= thresholdOf(m, c)) {
        const name = levelName(m, sev);
        mtpdDerived = h.minutes;
        reason = {
          category: c.name,
          level: sev,
          level_name: name,
          horizon: h.label,
          text: `${c.name} reaches ${sev} – ${name} at ${h.label}`,
        };
        break search;
      }
    }
  }

  const decreasing: DecreasingRow[] = [];
  for (const c of categories) {
    let last: { sev: number; label: string } | null = null;
    for (const h of m.horizons) {
      const sev = severityAt(lookup, c.id, h.id);
      if (sev === null) continue;
      if (last && sev < last.sev) {
        decreasing.push({
          category: c.name,
          from_horizon: last.label,
          to_horizon: h.label,
          message: `${c.name} falls from ${last.sev} at ${last.label} to ${sev} at ${h.label}`,
        });
        break;
      }
      last = { sev, label: h.label };
    }
  }

  const o = objectives;
  const mtpd = o?.mtpd_override ?? mtpdDerived;
  const rto = o?.rto ?? null;
  const tier = rto === null ? null : tierForRto(m.tiers, rto);
  return {
    process_id: process.id,
    process: process.name,
    mtpd_derived: mtpdDerived,
    mtpd_reason: reason,
    mtpd,
    mtpd_overridden: (o?.mtpd_override ?? null) !== null,
    rto,
    rpo: o?.rpo ?? null,
    rpo_not_applicable: o?.rpo_not_applicable ?? false,
    wrt: o?.wrt ?? null,
    mbco_percent: o?.mbco_percent ?? null,
    tier: tier ? { rank: tier.rank, name: tier.name } : null,
    violations: fakeViolations(mtpd, rto, o?.wrt ?? null),
    decreasing,
    scored_cells: scored,
    total_cells: categories.length * m.horizons.length,
  };
}
