// Tests of the resource register: the analysis joined to each resource,
// search, the kind filter and sorting (blanks last), over the demo's
// resources and the analysis the real core made of them (Harbourline Logistics).
import { describe, expect, it } from "vitest";
import type { CustomField } from "./bindings/CustomField";
import * as demo from "../testing/recordedDemo";
import { emptyResourceInput, resourceInputOf, showsContractual } from "./resourceDraft";
import { DEFAULT_RESOURCE_QUERY, describeResourceCount, nextResourceSort, queryResources, toResourceRows, type ResourceQuery } from "./resourceQuery";

const resources = demo.resources();
const rows = toResourceRows(resources, demo.analysis().dependencies);

const query = (q: Partial<ResourceQuery>, over = rows) => queryResources(over, { ...DEFAULT_RESOURCE_QUERY, ...q }).map((r) => r.resource.name);
const row = (name: string) => rows.find((r) => r.resource.name === name)!;

describe("resource rows", () => {
  it("carries the required RTO with its chain, the gaps and the recovery time to count on", () => {
    const wms = row("Harbourline WMS");
    expect(wms.requirement?.required_rto).toBe(120);
    expect(wms.requirement?.rto_chain).toEqual(["Pick, pack and dispatch (RTO 2 h)", "Harbourline WMS"]);
    expect(wms.gaps.map((g) => g.kind)).toEqual(["rto_capability"]);
    expect(wms.recovery).toBe(240);
    // Every gap the core found on a resource, in the core's order.
    expect(row("Sage Payroll").gaps.map((g) => [g.kind, g.gap_minutes])).toEqual([
      ["rto_capability", 2880],
      ["rpo_capability", 1200],
    ]);
    expect(row("Customer EDI gateway").gaps).toEqual([]);
    // A supplier without a tested capability counts on its contract; the capability comes first when both are known.
    expect(row("Customs broker (call-off)").recovery).toBe(1440);
    expect(row("Cloud hosting provider").recovery).toBe(240);
    expect(row("Temperature monitoring platform").recovery).toBeNull();
    // Nothing relies on the Birmingham hub, so nothing is required of it.
    expect(row("Birmingham hub").requirement).toMatchObject({ required_rto: null, dependents: 0 });
  });

  it("has neither requirement nor gaps before the analysis has answered", () => {
    const before = toResourceRows(resources, null);
    expect(before).toHaveLength(31);
    expect(before.every((r) => r.requirement === null && r.gaps.length === 0)).toBe(true);
  });

  it("searches names, owners and kinds, every word typed, and filters by kind", () => {
    expect(query({ search: "payroll" })).toEqual(["Payroll specialists", "Sage Payroll"]);
    expect(query({ search: "AISHA" })).toEqual(["Agency staffing partner", "Employee master data", "Payroll specialists", "Sage Payroll"]);
    // Ben Adeyemi's applications: the owner and the kind's label both match.
    expect(query({ search: "ben application" })).toEqual(["Customer EDI gateway", "Harbourline WMS", "Microsoft 365 (email and Teams)"]);
    expect(query({ search: "vital record" })).toEqual(["Customer order records", "Employee master data"]);
    expect(query({ kind: "supplier" })).toEqual([
      "Agency staffing partner",
      "Cloud hosting provider",
      "Customs broker (call-off)",
      "Fuel card provider",
      "Managed security partner",
    ]);
    expect(query({ kind: "supplier", search: "customs" })).toEqual(["Customs broker (call-off)"]);
  });

  it("searches descriptions and custom fields' values too", () => {
    // The demo's resources have neither; two are given some here.
    const site: CustomField = { name: "Site", value: "Felixstowe DC" };
    const described = toResourceRows(
      resources.map((r) =>
        r.name === "Primary data centre, Reading"
          ? { ...r, description: "Hosts the WMS and the transport management system" }
          : r.name === "Forklift trucks"
            ? { ...r, custom_fields: [site] }
            : r,
      ),
      demo.analysis().dependencies,
    );
    expect(query({ search: "hosts" }, described)).toEqual(["Primary data centre, Reading"]);
    expect(query({ search: "felixstowe" }, described)).toEqual([
      "Felixstowe distribution centre",
      "Felixstowe site network and Wi-Fi",
      "Forklift trucks",
    ]);
  });

  it("sorts by required RTO and by gap, blanks last either way", () => {
    const blanks = ["Birmingham hub", "Customer portal", "Customs broker (call-off)", "Head office, Ipswich"];
    const byRequired = query({ sort: { key: "required", direction: "asc" } });
    // Both needed within 1 h by cold-chain monitoring: then by name.
    expect(byRequired.slice(0, 2)).toEqual(["Refrigerated storage units", "Temperature monitoring platform"]);
    expect(byRequired.slice(-4)).toEqual(blanks);
    const desc = query({ sort: { key: "required", direction: "desc" } });
    expect(desc[0]).toBe("Agency staffing partner");
    expect(desc.slice(-4)).toEqual(blanks);
    // Unknown capability first, then the largest shortfall.
    const byGap = query({ sort: { key: "gap", direction: "asc" } });
    expect(byGap.slice(0, 4)).toEqual(["Temperature monitoring platform", "Felixstowe distribution centre", "Refrigerated storage units", "Sage Payroll"]);
    expect(byGap.at(-1)).toBe("Treasury signatories");
    expect(nextResourceSort({ key: "name", direction: "asc" }, "name")).toEqual({ key: "name", direction: "desc" });
    expect(nextResourceSort({ key: "name", direction: "desc" }, "gap")).toEqual({ key: "gap", direction: "asc" });
    expect(describeResourceCount(query({ kind: "supplier" }).length, rows.length)).toBe("5 of 31 resources");
    expect(describeResourceCount(31, 31)).toBe("31 resources");
  });
});

describe("resource drafts", () => {
  it("prints durations the way the core reads them back, and shows a contract time for suppliers", () => {
    const wms = resourceInputOf(demo.resourceNamed("Harbourline WMS"));
    expect([wms.rto_capability, wms.rpo_capability, wms.contractual_recovery]).toEqual(["4 h", "15 min", ""]);
    expect(showsContractual(wms)).toBe(false);
    const broker = resourceInputOf(demo.resourceNamed("Customs broker (call-off)"));
    expect([broker.rto_capability, broker.contractual_recovery]).toEqual(["", "1 d"]);
    expect(showsContractual(broker)).toBe(true);
    expect(showsContractual(emptyResourceInput("supplier"))).toBe(true);
  });
});
