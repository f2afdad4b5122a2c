// Tests of the resource register: the analysis joined to each resource,
// search, the kind filter and sorting (blanks last), over the demo resources.
import { describe, expect, it } from "vitest";
import { demoDependencies, demoResources } from "../testing/demoResources";
import { defaultMethodology, demoObjectives, demoProcesses, demoScores, demoUnits } from "../testing/demoAssessment";
import { fakeAnalyzeProcess } from "../testing/fakeAnalysis";
import { fakeDependencyAnalysis } from "../testing/fakeDependencies";
import { emptyResourceInput, resourceInputOf, showsContractual } from "./resourceDraft";
import { DEFAULT_RESOURCE_QUERY, describeResourceCount, nextResourceSort, queryResources, toResourceRows, type ResourceQuery } from "./resourceQuery";

const processes = demoProcesses(demoUnits());
const resources = demoResources();
const m = defaultMethodology();
const objectives = demoObjectives(processes);
const scores = demoScores(processes, m);
const analyses = processes.map((p) => fakeAnalyzeProcess(m, p, scores, objectives.find((o) => o.process_id === p.id) ?? null));
const analysis = fakeDependencyAnalysis(processes, resources, demoDependencies(processes, resources), analyses, m.tiers);
const rows = toResourceRows(resources, analysis);

const query = (q: Partial<ResourceQuery>) => queryResources(rows, { ...DEFAULT_RESOURCE_QUERY, ...q }).map((r) => r.resource.name);

describe("resource rows", () => {
  it("carries the required RTO with its chain, the gaps and the recovery time to count on", () => {
    const wms = rows.find((r) => r.resource.name === "Manhattan WMS")!;
    expect(wms.requirement?.required_rto).toBe(120);
    expect(wms.requirement?.rto_chain).toEqual(["Pick and pack (RTO 2 h)", "Manhattan WMS"]);
    expect(wms.gaps.map((g) => g.kind)).toEqual(["rto_capability"]);
    // A supplier without a tested capability counts on its contract.
    expect(rows.find((r) => r.resource.name === "Allstar fuel cards")!.recovery).toBe(240);
  });

  it("searches names, owners, kinds and descriptions, and filters by kind", () => {
    // The server room's description says it hosts Sage Payroll.
    expect(query({ search: "payroll" })).toEqual(["Leeds server room", "Payroll records", "Payroll specialists", "Sage Payroll"]);
    expect(query({ search: "kwame" })).toEqual(["Leeds server room", "WAN and site links"]);
    expect(query({ kind: "supplier" })).toEqual(["Allstar fuel cards", "Driver Hire agency", "Paragon Software Systems"]);
    expect(query({ search: "vital record" })).toContain("Customer master data");
  });

  it("sorts by required RTO and by gap, blanks last either way", () => {
    const byRequired = query({ sort: { key: "required", direction: "asc" } });
    expect(byRequired[0]).toBe("Dangerous goods safety adviser");
    expect(byRequired.at(-1)).toBe("Tail-lift trailers");
    const byGap = query({ sort: { key: "gap", direction: "asc" } });
    expect(byGap.slice(0, 2)).toEqual(["Dangerous goods safety adviser", "Sage Payroll"]);
    const desc = query({ sort: { key: "required", direction: "desc" } });
    expect(desc[0]).toBe("Dynamics 365 Finance");
    expect(desc.at(-1)).toBe("Tail-lift trailers");
    expect(nextResourceSort({ key: "name", direction: "asc" }, "name")).toEqual({ key: "name", direction: "desc" });
    expect(describeResourceCount(3, 20)).toBe("3 of 20 resources");
  });
});

describe("resource drafts", () => {
  it("prints durations the way the core reads them back, and shows a contract time for suppliers", () => {
    const wms = resourceInputOf(resources.find((r) => r.name === "Manhattan WMS")!);
    expect([wms.rto_capability, wms.rpo_capability, wms.contractual_recovery]).toEqual(["4 h", "15 min", ""]);
    expect(showsContractual(wms)).toBe(false);
    expect(showsContractual(emptyResourceInput("supplier"))).toBe(true);
  });
});
