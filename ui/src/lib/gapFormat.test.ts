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
    expect(gapSizeText(gaps[0])).toBe("size unknown");
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
