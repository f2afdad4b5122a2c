// Tests of the Gaps screen's words and order: labels, required against
// capability, the size of a gap, the chain in one line, the three sort orders
// and the counts at the top.
import { describe, expect, it } from "vitest";
import type { DependencyAnalysis } from "./bindings/DependencyAnalysis";
import type { Gap } from "./bindings/Gap";
import {
  capabilityText,
  countFindings,
  formatChain,
  gapKindLabel,
  gapMarker,
  gapSizeText,
  formatSpan,
  chainNames,
  closeText,
  gapsByNode,
  requiredText,
  sortGaps,
  tierClaimFindings,
} from "./gapFormat";
import type { ProcessAnalysis } from "./bindings/ProcessAnalysis";

function gap(subject: string, kind: Gap["kind"], required: number, capability: number | null): Gap {
  return {
    kind,
    subject,
    subject_ref: { kind: kind === "upstream_rto" ? "process" : "resource", id: subject },
    source_process_id: "payroll",
    required_minutes: required,
    capability_minutes: capability,
    gap_minutes: capability === null ? null : capability - required,
    chain: ["Payroll processing (RTO 8 h)", `${subject} (restores in …)`],
    message: `${subject} falls short`,
  };
}

// As the core sends them: unknown capability first, then the largest shortfall.
const gaps: Gap[] = [
  gap("Dangerous goods safety adviser", "unknown_capability", 60, null),
  gap("Sage Payroll", "rto_capability", 480, 1440),
  gap("Driver scheduling", "upstream_rto", 120, 480),
  gap("Customer master data", "rpo_capability", 15, 60),
];

describe("gap words", () => {
  it("names each kind and says required against capability", () => {
    expect(gapKindLabel("rto_capability")).toBe("Recovery time gap");
    expect(gapKindLabel("unknown_capability")).toBe("Recovery time unknown");
    expect([requiredText(gaps[1]), capabilityText(gaps[1])]).toEqual(["within 8 h", "restores in 1 d"]);
    expect([requiredText(gaps[3]), capabilityText(gaps[3])]).toEqual(["at most 15 min", "can lose 1 h"]);
    expect(capabilityText(gaps[2])).toBe("RTO 8 h");
    expect(capabilityText(gaps[0])).toBe("unknown");
    expect(gapSizeText(gaps[1])).toBe("16 h short");
    expect(gapSizeText({ gap_minutes: 166 * 60 })).toBe("6 d 22 h short");
    expect(gapSizeText(gaps[0])).toBe("size unknown");
  });

  it("writes every shortfall in days, hours and minutes, never weeks beside hours", () => {
    expect(formatSpan(45)).toBe("45 min");
    expect(formatSpan(90)).toBe("1 h 30 min");
    expect(formatSpan(16 * 60)).toBe("16 h");
    expect(formatSpan(2 * 1440)).toBe("2 d");
    expect(formatSpan(166 * 60)).toBe("6 d 22 h");
    expect(formatSpan(3 * 1440 + 30), "minutes past a day are rounded away").toBe("3 d 1 h");
    expect(formatSpan(2 * 1440 - 10)).toBe("2 d");
    expect(formatSpan(30 * 1440)).toBe("30 d");
  });

  it("names the chain's steps without the figures the card shows beside it", () => {
    const g = { subject: "AWS eu-west-2", chain: ["Payroll processing (RTO 1 d)", "Workday", "AWS eu-west-2 (restores in 3 d)"] };
    expect(chainNames(g, "Payroll processing")).toEqual(["Payroll processing", "Workday", "AWS eu-west-2"]);
    // A name with brackets of its own keeps them; an unknown head keeps its figure.
    expect(chainNames({ subject: "Site (North)", chain: ["Pay (UK) (RTO 1 d)", "Site (North) (restores in 3 d)"] }, "Pay (UK)")).toEqual([
      "Pay (UK)",
      "Site (North)",
    ]);
    expect(chainNames(g, null)[0]).toBe("Payroll processing (RTO 1 d)");
  });

  it("says what would close each kind of gap", () => {
    expect(closeText(gaps[1], "Payroll processing")).toContain("restored within 8 h");
    expect(closeText(gaps[0], null)).toMatch(/^Find out how quickly/);
    expect(closeText(gaps[2], "Payroll processing")).toMatch(/^Agree an RTO of 2 h or less for .*, or agree a longer RTO for Payroll processing\.$/);
  });

  it("writes the chain as one line from the process down to what falls short", () => {
    expect(formatChain(["Payroll processing (RTO 1 d)", "Workday", "AWS eu-west-2 (restores in 3 d)"])).toBe(
      "Payroll processing (RTO 1 d) → Workday → AWS eu-west-2 (restores in 3 d)",
    );
  });
});

describe("sorting gaps", () => {
  const subjects = (list: Gap[]) => list.map((g) => g.subject);

  it("keeps the core's severity order, or puts the largest shortfall first with unknown sizes last, or sorts by subject", () => {
    expect(subjects(sortGaps(gaps, "severity"))).toEqual(subjects(gaps));
    expect(subjects(sortGaps(gaps, "size"))).toEqual(["Sage Payroll", "Driver scheduling", "Customer master data", "Dangerous goods safety adviser"]);
    expect(subjects(sortGaps(gaps, "subject"))).toEqual(["Customer master data", "Dangerous goods safety adviser", "Driver scheduling", "Sage Payroll"]);
    expect(subjects(gaps)[0]).toBe("Dangerous goods safety adviser");
  });
});

describe("findings", () => {
  it("counts every kind of finding and groups gaps by the thing that falls short", () => {
    const d: DependencyAnalysis = {
      resources: [],
      upstream: [],
      gaps,
      spofs: [{ resource_id: "x", name: "Leeds server room", chain: [], message: "" }],
      cycles: [],
      orphans: ["Tail-lift trailers", "Old fax server"],
    };
    expect(countFindings(d)).toEqual({ gaps: 4, spofs: 1, cycles: 0, orphans: 2, total: 7 });
    const byNode = gapsByNode([...gaps, gap("Sage Payroll", "rpo_capability", 60, 1440)]);
    expect(byNode.get("Sage Payroll")).toHaveLength(2);
  });

  it("marks a resource with its largest shortfall, or as unknown", () => {
    expect(gapMarker([])).toBeNull();
    expect(gapMarker([gaps[1], gap("Sage Payroll", "rpo_capability", 60, 1440)])?.label).toBe("23 h short");
    expect(gapMarker([gaps[0]])).toMatchObject({ fit: "unknown", label: "Unknown" });
  });
});

describe("claimed tiers", () => {
  const analysis = (process: string, rank: number | null, claim: ProcessAnalysis["claimed_tier"]): ProcessAnalysis => ({
    process_id: process.toLowerCase(),
    process,
    mtpd_derived: null,
    mtpd_reason: null,
    mtpd: null,
    mtpd_overridden: false,
    rto: rank === null ? null : 60,
    rpo: null,
    rpo_not_applicable: false,
    wrt: null,
    mbco_percent: null,
    tier: rank === null ? null : { rank, name: `Tier ${rank}` },
    claimed_tier: claim,
    violations: [],
    decreasing: [],
    scored_cells: 0,
    total_cells: 56,
  });

  it("lists only the processes whose claim the core found in question, with both tiers", () => {
    const differs = {
      code: "claimed_tier_differs",
      field: "claimed_tier",
      message: "The workbook claimed Tier 1 (“P1”); the agreed RTO of 3 d makes it Tier 3.",
    };
    const found = tierClaimFindings([
      analysis("Payroll run", 3, { text: "P1", tier: { rank: 1, name: "Tier 1" }, reading: "Tier 1: tier number 1", finding: differs }),
      analysis("Customer onboarding", 1, { text: "Critical", tier: { rank: 1, name: "Tier 1" }, reading: "", finding: null }),
      analysis("Fleet maintenance", null, null),
    ]);
    expect(found).toEqual([
      {
        processId: "payroll run",
        process: "Payroll run",
        text: "P1",
        claimed: "Tier 1",
        derived: "Tier 3",
        code: "claimed_tier_differs",
        message: differs.message,
      },
    ]);
  });
});
