// Tests of how a process's analysis reads on screen: the MTPD sentence, the
// override, tiers, objectives and counts — over the analysis the real core
// made of the demo (Harbourline Logistics), and a hand-made partial grid.
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
import * as demo from "../testing/recordedDemo";
import { DAY, HOUR, WEEK } from "./minutes";

const m = demo.methodology();
const analysed = demo.processAnalysisNamed;

/** A process part-way through scoring, which the demo has none of. */
function partlyScored(): ProcessAnalysis {
  return { ...analysed("Complaints handling"), scored_cells: 32, total_cells: 56 };
}

describe("describeMtpd", () => {
  it("names the horizon and the reason the core gives", () => {
    const a = analysed("Accounts payable");
    expect(describeMtpd(a, m.horizons).sentence).toBe("MTPD 2 w — Legal & Regulatory reaches 4 – Major at 2 w");
    expect(describeMtpd(a, m.horizons).value).toBe("2 w");
    expect(describeMtpd(analysed("Cold-chain storage monitoring"), m.horizons)).toEqual({
      value: "4 h",
      reason: "Financial reaches 4 – Major at 4 h",
      sentence: "MTPD 4 h — Financial reaches 4 – Major at 4 h",
    });
  });

  it("says when no category reaches its threshold within the horizons", () => {
    // Scored in full, but nothing reaches Major within a month.
    expect(describeMtpd(analysed("Returns processing"), m.horizons).sentence).toBe("Beyond 1 mo — no category reaches its threshold");
  });

  it("does not derive anything from an empty grid", () => {
    expect(describeMtpd(analysed("Complaints handling"), m.horizons).sentence).toBe("MTPD not derived — not scored yet");
  });

  it("shows the agreed MTPD only when the room overrode the derived one", () => {
    expect(describeAgreedMtpd(analysed("Accounts payable"))).toBeNull();
    // Derived 1 d; the room agreed 8 h.
    const treasury = analysed("Treasury and cash management");
    expect(describeMtpd(treasury, m.horizons).value).toBe("1 d");
    expect(describeAgreedMtpd(treasury)).toBe("8 h (override)");
    expect(describeAgreedMtpd({ ...treasury, mtpd: DAY, mtpd_overridden: false })).toBeNull();
  });
});

describe("objectives and progress", () => {
  it("formats tiers, RPO, MBCO, scoring progress and violations", () => {
    expect(tierLabel(analysed("Inbound goods receiving").tier)).toBe("Tier 2");
    expect(tierLabel(analysed("Complaints handling").tier)).toBe("—");
    expect(formatRpo(analysed("Health and safety incident management"))).toBe("n/a");
    expect(formatRpo(analysed("Payroll processing"))).toBe("4 h");
    expect(formatRpo(analysed("Complaints handling"))).toBe("—");
    expect(formatRpo({ rpo: 4 * HOUR, rpo_not_applicable: false })).toBe("4 h");
    expect(formatMbco(analysed("Accounts payable").mbco_percent)).toBe("50 %");
    expect(formatMbco(analysed("Returns processing").mbco_percent)).toBe("—");
    expect(scoredText(analysed("Accounts payable"))).toBe("56 of 56 scored");
    expect(scoredPercent(analysed("Accounts payable"))).toBe(100);
    expect(scoredText(analysed("Complaints handling"))).toBe("0 of 56 scored");
    expect(scoredPercent(analysed("Complaints handling"))).toBe(0);
    expect(scoredText(partlyScored())).toBe("32 of 56 scored");
    expect(scoredPercent(partlyScored())).toBe(57);
    expect(violationCount(analysed("Customs clearance and documentation").violations.length)).toBe("1 violation");
    expect(violationCount(2)).toBe("2 violations");
    expect(violationCount(0)).toBe("0 violations");
  });

  it("finds the tier an RTO falls in, as the core does", () => {
    const tier = (rto: number) => tierForRto(m.tiers, rto)?.name;
    expect(tier(0)).toBe("Tier 1");
    expect(tier(4 * HOUR)).toBe("Tier 1");
    expect(tier(4 * HOUR + 1)).toBe("Tier 2");
    expect(tier(3 * DAY)).toBe("Tier 3");
    expect(tier(2 * WEEK)).toBe("Tier 4");
    // The same tier the core gave every demo process with an RTO.
    const withRto = demo.analysis().processes.filter((a) => a.rto !== null);
    expect(withRto).toHaveLength(24);
    for (const a of withRto) expect(tier(a.rto!), a.process).toBe(a.tier?.name);
  });
});
