// The test double's dependency analysis behaves like the core's on a small
// graph: requirements flow down required links only, tightest process first;
// a loop is found, and a resource nothing reaches is an orphan.
import { describe, expect, it } from "vitest";
import type { Dependency } from "../lib/bindings/Dependency";
import type { ProcessAnalysis } from "../lib/bindings/ProcessAnalysis";
import { defaultMethodology, demoProcesses, demoUnits } from "./demoAssessment";
import { demoResources } from "./demoResources";
import { fakeDependencyAnalysis } from "./fakeDependencies";

const processes = demoProcesses(demoUnits()).slice(0, 3); // Inbound goods receipt, Pick and pack, Inventory control
const resources = demoResources().slice(0, 3); // Manhattan WMS (4 h), Paragon routing (8 h), Order portal (1 h)
const [inbound, pick, inventory] = processes;
const [wms, paragon, portal] = resources;

const analysis = (p: { id: string; name: string }, rto: number | null): ProcessAnalysis => ({
  process_id: p.id, process: p.name, mtpd_derived: null, mtpd_reason: null, mtpd: null, mtpd_overridden: false, rto, rpo: null,
  rpo_not_applicable: false, wrt: null, mbco_percent: null, tier: null, violations: [], decreasing: [], scored_cells: 0, total_cells: 0,
});
const link = (id: string, from: { id: string }, fromKind: "process" | "resource", to: { id: string }, toKind: "process" | "resource", strength: Dependency["strength"] = "required"): Dependency => ({
  id, from: { kind: fromKind, id: from.id } as Dependency["from"], to: { kind: toKind, id: to.id } as Dependency["to"], strength, note: "",
});

describe("fake dependency analysis", () => {
  it("hands the tightest RTO down required links, with its chain, and reports the gap", () => {
    const deps = [
      link("1", inbound, "process", wms, "resource"),
      link("2", pick, "process", wms, "resource"),
      link("3", wms, "resource", paragon, "resource"),
      link("4", inventory, "process", portal, "resource", "degraded"),
    ];
    const d = fakeDependencyAnalysis(processes, resources, deps, [analysis(inbound, 480), analysis(pick, 120), analysis(inventory, 60)], defaultMethodology().tiers);
    const wmsNeeds = d.resources.find((r) => r.name === "Manhattan WMS")!;
    expect([wmsNeeds.required_rto, wmsNeeds.rto_chain, wmsNeeds.dependents]).toEqual([120, ["Pick and pack (RTO 2 h)", "Manhattan WMS"], 2]);
    // Degraded links hand nothing down.
    expect(d.resources.find((r) => r.name === "Order portal and EDI gateway")!.required_rto).toBeNull();
    expect(d.gaps.map((g) => [g.subject, g.gap_minutes, g.chain.at(-1)])).toEqual([
      ["Paragon routing", 360, "Paragon routing (restores in 8 h)"],
      ["Manhattan WMS", 120, "Manhattan WMS (restores in 4 h)"],
    ]);
    expect(d.spofs.map((s) => s.name)).toEqual(["Paragon routing"]);
    expect(d.orphans).toEqual([]);
  });

  it("finds loops and orphans", () => {
    const deps = [link("1", inbound, "process", pick, "process"), link("2", pick, "process", inbound, "process", "degraded")];
    const d = fakeDependencyAnalysis(processes, resources, deps, [], defaultMethodology().tiers);
    expect(d.cycles.map((c) => c.nodes)).toEqual([["Inbound goods receipt", "Pick and pack"]]);
    expect(d.orphans).toEqual(["Manhattan WMS", "Order portal and EDI gateway", "Paragon routing"]);
  });
});
