// Tests of how a process's analysis reads on screen: the MTPD sentence, the
// override, tiers, objectives and counts.
import { describe, expect, it } from "vitest";
import type { ProcessAnalysis } from "./bindings/ProcessAnalysis";
import {
  describeAgreedMtpd,
  describeMtpd,
  formatMbco,
  formatRpo,
  scoredPercent,
  scoredText,
  tierForRto,
  tierLabel,
  violationCount,
} from "./analysisFormat";
import { defaultMethodology } from "../testing/demoAssessment";
import { DAY, HOUR, WEEK } from "./minutes";

const m = defaultMethodology();

function analysis(over: Partial<ProcessAnalysis> = {}): ProcessAnalysis {
  return {
    process_id: "p1",
    process: "Payroll",
    mtpd_derived: null,
    mtpd_reason: null,
    mtpd: null,
    mtpd_overridden: false,
    rto: null,
    rpo: null,
    rpo_not_applicable: false,
    wrt: null,
    mbco_percent: null,
    tier: null,
    violations: [],
    decreasing: [],
    scored_cells: 32,
    total_cells: 56,
    ...over,
  };
}

describe("describeMtpd", () => {
  it("names the horizon and the reason the core gives", () => {
    const a = analysis({
      mtpd_derived: DAY,
      mtpd: DAY,
      mtpd_reason: { category: "Financial", level: 4, level_name: "Major", horizon: "1 d", text: "Financial reaches 4 – Major at 1 d" },
    });
    expect(describeMtpd(a, m.horizons).sentence).toBe("MTPD 1 d — Financial reaches 4 – Major at 1 d");
    expect(describeMtpd(a, m.horizons).value).toBe("1 d");
  });

  it("says when no category reaches its threshold within the horizons", () => {
    expect(describeMtpd(analysis(), m.horizons).sentence).toBe("Beyond 1 mo — no category reaches its threshold");
  });

  it("does not derive anything from an empty grid", () => {
    expect(describeMtpd(analysis({ scored_cells: 0 }), m.horizons).sentence).toBe("MTPD not derived — not scored yet");
  });

  it("shows the agreed MTPD only when the room overrode the derived one", () => {
    expect(describeAgreedMtpd(analysis({ mtpd_derived: DAY, mtpd: DAY }))).toBeNull();
    expect(describeAgreedMtpd(analysis({ mtpd_derived: DAY, mtpd: WEEK, mtpd_overridden: true }))).toBe("1 w (override)");
  });
});

describe("objectives and progress", () => {
  it("formats tiers, RPO, MBCO, scoring progress and violations", () => {
    expect(tierLabel({ rank: 2, name: "Tier 2" })).toBe("Tier 2");
    expect(tierLabel(null)).toBe("—");
    expect(formatRpo({ rpo: null, rpo_not_applicable: true })).toBe("n/a");
    expect(formatRpo({ rpo: 4 * HOUR, rpo_not_applicable: false })).toBe("4 h");
    expect(formatRpo({ rpo: null, rpo_not_applicable: false })).toBe("—");
    expect(formatMbco(50)).toBe("50 %");
    expect(scoredText(analysis())).toBe("32 of 56 scored");
    expect(scoredPercent(analysis())).toBe(57);
    expect(violationCount(1)).toBe("1 violation");
    expect(violationCount(2)).toBe("2 violations");
  });

  it("finds the tier an RTO falls in, as the core does", () => {
    const tier = (rto: number) => tierForRto(m.tiers, rto)?.name;
    expect(tier(0)).toBe("Tier 1");
    expect(tier(4 * HOUR)).toBe("Tier 1");
    expect(tier(4 * HOUR + 1)).toBe("Tier 2");
    expect(tier(3 * DAY)).toBe("Tier 3");
    expect(tier(2 * WEEK)).toBe("Tier 4");
  });
});
