// Tests of dependencies seen from one process or resource: both directions,
// grouped by kind (processes first, then resources in the core's order), and
// whether a recovery time fits the RTO it must meet.
import { describe, expect, it } from "vitest";
import type { Dependency } from "./bindings/Dependency";
import type { Process } from "./bindings/Process";
import type { Resource } from "./bindings/Resource";
import { groupLinksByKind, indexNodes, reliedOnBy, reliesOn, rtoFit } from "./dependencyLinks";
import { demoDependencies, demoResources } from "../testing/demoResources";
import { demoProcesses, demoUnits } from "../testing/demoAssessment";

const processes: Process[] = demoProcesses(demoUnits());
const resources: Resource[] = demoResources();
const dependencies: Dependency[] = demoDependencies(processes, resources);
const index = indexNodes(processes, resources);
const id = (name: string) => [...index.values()].find((n) => n.name === name)!.ref.id;

describe("both directions", () => {
  it("lists what a process relies on, by name, and groups it by kind with upstream processes first", () => {
    const links = reliesOn(id("Pick and pack"), dependencies, index);
    expect(links.map((l) => l.node.name)).toEqual([
      "Forklift fleet",
      "Handheld scanners and Wi-Fi",
      "Leeds DC",
      "Manhattan WMS",
      "Warehouse management system support",
    ]);
    const groups = groupLinksByKind(links, "Upstream processes");
    expect(groups.map((g) => [g.label, g.links.length])).toEqual([
      ["Upstream processes", 1],
      ["Applications & IT systems", 1],
      ["Infrastructure", 1],
      ["Sites & facilities", 1],
      ["Equipment", 1],
    ]);
  });

  it("lists what relies on a resource: processes and other resources", () => {
    const incoming = reliedOnBy(id("Leeds server room"), dependencies, index);
    expect(incoming.map((l) => [l.node.name, l.node.kind])).toEqual([
      ["Manhattan WMS", "application"],
      ["Sage Payroll", "application"],
    ]);
    expect(reliedOnBy(id("Tail-lift trailers"), dependencies, index)).toEqual([]);
  });

  it("leaves out dependencies whose other end is gone", () => {
    const dangling: Dependency = { id: "x", from: { kind: "process", id: id("Pick and pack") }, to: { kind: "resource", id: "gone" }, strength: "required", note: "" };
    expect(reliesOn(id("Pick and pack"), [dangling], index)).toEqual([]);
  });
});

describe("fit against the RTO", () => {
  it("meets when it is back in time, a gap when later, unknown without a recovery time, none without an RTO", () => {
    expect(rtoFit(120, 120)).toBe("meets");
    expect(rtoFit(120, 240)).toBe("gap");
    expect(rtoFit(120, null)).toBe("unknown");
    expect(rtoFit(null, 240)).toBe("none");
  });
});
