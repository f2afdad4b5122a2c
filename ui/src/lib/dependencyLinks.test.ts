// Tests of dependencies seen from one process or resource: both directions,
// grouped by kind (processes first, then resources in the core's order), and
// whether a recovery time fits the RTO it must meet.
import { describe, expect, it } from "vitest";
import type { Dependency } from "./bindings/Dependency";
import type { Process } from "./bindings/Process";
import type { Resource } from "./bindings/Resource";
import { groupLinksByKind, indexNodes, reliedOnBy, reliesOn, rtoFit } from "./dependencyLinks";
import * as demo from "../testing/recordedDemo";

const processes: Process[] = demo.processes();
const resources: Resource[] = demo.resources();
const dependencies: Dependency[] = demo.dependencies();
const index = indexNodes(processes, resources);
const id = (name: string) => [...index.values()].find((n) => n.name === name)!.ref.id;

describe("both directions", () => {
  it("lists what a process relies on, by name, and groups it by kind with upstream processes first", () => {
    const links = reliesOn(id("Pick, pack and dispatch"), dependencies, index);
    expect(links.map((l) => [l.node.name, l.dependency.strength])).toEqual([
      ["Customer order intake", "required"],
      ["Felixstowe distribution centre", "required"],
      ["Handheld scanners", "required"],
      ["Harbourline WMS", "required"],
      ["Licensed forklift operators", "degraded"],
    ]);
    const groups = groupLinksByKind(links, "Upstream processes");
    expect(groups.map((g) => [g.label, g.links.map((l) => l.node.name)])).toEqual([
      ["Upstream processes", ["Customer order intake"]],
      ["Applications & IT systems", ["Harbourline WMS"]],
      ["People, roles & skills", ["Licensed forklift operators"]],
      ["Sites & facilities", ["Felixstowe distribution centre"]],
      ["Equipment", ["Handheld scanners"]],
    ]);
    expect(groupLinksByKind(links).map((g) => g.label)[0]).toBe("Processes");
  });

  it("lists what relies on a resource: processes and other resources", () => {
    const incoming = reliedOnBy(id("Customer order records"), dependencies, index);
    expect(incoming.map((l) => [l.node.name, l.node.kind])).toEqual([
      ["Customer order intake", "process"],
      ["Harbourline WMS", "application"],
    ]);
    expect(reliedOnBy(id("Primary data centre, Reading"), dependencies, index).map((l) => l.node.name)).toEqual([
      "Harbourline WMS",
      "Transport management system",
    ]);
    // Nothing relies on the Birmingham hub (the core lists it as an orphan).
    expect(demo.analysis().dependencies.orphans).toContain("Birmingham hub");
    expect(reliedOnBy(id("Birmingham hub"), dependencies, index)).toEqual([]);
  });

  it("leaves out dependencies whose other end is gone", () => {
    const dangling: Dependency = { id: "x", from: { kind: "process", id: id("Pick, pack and dispatch") }, to: { kind: "resource", id: "gone" }, strength: "required", note: "" };
    expect(reliesOn(id("Pick, pack and dispatch"), [dangling], index)).toEqual([]);
  });
});

describe("fit against the RTO", () => {
  it("meets when it is back in time, a gap when later, unknown without a recovery time, none without an RTO", () => {
    expect(rtoFit(120, 120)).toBe("meets");
    expect(rtoFit(120, 240)).toBe("gap");
    expect(rtoFit(120, null)).toBe("unknown");
    expect(rtoFit(null, 240)).toBe("none");
  });

  it("agrees with the gaps the core found in the demo", () => {
    const required = new Map(demo.analysis().dependencies.resources.map((r) => [r.name, r.required_rto]));
    const fit = (name: string) => rtoFit(required.get(name) ?? null, demo.resourceNamed(name).rto_capability);
    expect(fit("Harbourline WMS"), "restores in 4 h, needed within 2 h").toBe("gap");
    expect(fit("Customer EDI gateway"), "restores in 2 h, needed within 2 h").toBe("meets");
    expect(fit("Temperature monitoring platform"), "no known recovery time").toBe("unknown");
    expect(fit("Birmingham hub"), "nothing relies on it").toBe("none");
  });
});
