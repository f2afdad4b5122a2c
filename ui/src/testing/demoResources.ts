// The demo assessment's resources and dependencies (Halden Freight): the
// systems, suppliers, people and sites its processes rely on, with
// deliberate findings for the Gaps screen: systems slower than the RTOs
// above them, a data store that loses too much, an upstream process with a
// slower RTO, a safety adviser nobody can stand in for, a loop and an
// orphan. For the browser preview and the component tests only.
import type { Dependency } from "../lib/bindings/Dependency";
import type { NodeRef } from "../lib/bindings/NodeRef";
import type { Process } from "../lib/bindings/Process";
import type { Redundancy } from "../lib/bindings/Redundancy";
import type { Resource } from "../lib/bindings/Resource";
import type { ResourceKind } from "../lib/bindings/ResourceKind";
import type { Strength } from "../lib/bindings/Strength";
import { DAY, HOUR, WEEK } from "../lib/minutes";

type ResourceRow = [
  kind: ResourceKind,
  name: string,
  owner: string,
  rto: number | null,
  rpo: number | null,
  redundancy: Redundancy,
  contractual: number | null,
  description: string,
];

const RESOURCES: ResourceRow[] = [
  ["application", "Manhattan WMS", "Elena Petrova", 4 * HOUR, 15, "alternate", null, "Warehouse management: stock, locations, pick lists and despatch."],
  ["application", "Paragon routing", "Graham Okafor", 8 * HOUR, HOUR, "none", null, "Route optimisation for next-day deliveries."],
  ["application", "Order portal and EDI gateway", "Hannah Whitfield", HOUR, 5, "automatic_failover", null, "Customer orders by EDI and the web portal."],
  ["application", "Sage Payroll", "Aisha Bello", DAY, DAY, "none", null, "Monthly and weekly payroll, on premises."],
  ["application", "Microsoft 365", "Elena Petrova", 4 * HOUR, HOUR, "automatic_failover", null, "Email, Teams and SharePoint."],
  ["application", "Dynamics 365 Finance", "Aisha Bello", DAY, 4 * HOUR, "alternate", null, "Ledgers, invoicing and payments."],
  ["infrastructure", "Leeds server room", "Kwame Mensah", 8 * HOUR, null, "none", null, "Hosts the WMS, Sage Payroll and the file servers."],
  ["infrastructure", "WAN and site links", "Kwame Mensah", 2 * HOUR, null, "alternate", null, "SD-WAN between hubs, with 4G backup."],
  ["infrastructure", "Handheld scanners and Wi-Fi", "Elena Petrova", 2 * HOUR, null, "manual_workaround", null, "RF scanners and warehouse Wi-Fi at both hubs."],
  ["data", "Customer master data", "Hannah Whitfield", HOUR, HOUR, "none", null, "Accounts, delivery points and service levels."],
  ["data", "Payroll records", "Aisha Bello", 4 * HOUR, DAY, "alternate", null, "Employee pay, tax codes and bank details."],
  ["supplier", "Paragon Software Systems", "Graham Okafor", null, null, "none", DAY, "Routing software vendor; 24 h support contract."],
  ["supplier", "Allstar fuel cards", "Oliver Grant", null, null, "alternate", 4 * HOUR, "Fuel cards for the fleet."],
  ["supplier", "Driver Hire agency", "Sofia Marques", null, null, "alternate", null, "Agency drivers for peaks and absence."],
  ["people", "Dangerous goods safety adviser", "Daniel Achterberg", null, null, "none", null, "The one certified DGSA for ADR goods."],
  ["people", "Payroll specialists", "Aisha Bello", 4 * HOUR, null, "manual_workaround", null, "Two payroll officers; an agency contractor covers."],
  ["site", "Leeds DC", "Priya Raman", WEEK, null, "alternate", null, "Northern hub; Daventry takes overflow."],
  ["site", "Daventry DC", "Priya Raman", WEEK, null, "alternate", null, "Midlands hub; Leeds takes overflow."],
  ["equipment", "Forklift fleet", "Tomasz Nowak", 4 * HOUR, null, "alternate", null, "38 counterbalance and reach trucks, hire cover within 4 h."],
  ["equipment", "Tail-lift trailers", "Graham Okafor", null, null, "none", null, "Six trailers for kerbside deliveries."],
];

export function demoResources(): Resource[] {
  return RESOURCES.map(([kind, name, owner, rto, rpo, redundancy, contractual, description], i) => ({
    id: `r${String(i + 1).padStart(7, "0")}-0000-4000-8000-000000000000`,
    kind,
    name,
    owner,
    description,
    rto_capability: rto,
    rpo_capability: rpo,
    redundancy,
    contractual_recovery: contractual,
    notes: "",
    custom_fields: [],
    provenance: { kind: "demo" },
  }));
}

/** `from` relies on `to`; names of demo processes or resources. */
const LINKS: Array<[from: string, to: string, strength: Strength, note?: string]> = [
  ["Pick and pack", "Manhattan WMS", "required", "Pick lists and despatch confirmation"],
  ["Pick and pack", "Handheld scanners and Wi-Fi", "required"],
  ["Pick and pack", "Forklift fleet", "degraded"],
  ["Pick and pack", "Leeds DC", "degraded", "Daventry can pick part of the volume"],
  ["Pick and pack", "Warehouse management system support", "required"],
  ["Inbound goods receipt", "Manhattan WMS", "required"],
  ["Inbound goods receipt", "Forklift fleet", "required"],
  ["Manhattan WMS", "Leeds server room", "required"],
  ["Manhattan WMS", "WAN and site links", "required"],
  ["Route planning and dispatch", "Paragon routing", "required"],
  ["Route planning and dispatch", "Driver scheduling", "required", "Routes need the day's roster"],
  ["Route planning and dispatch", "Allstar fuel cards", "degraded"],
  ["Paragon routing", "Paragon Software Systems", "degraded"],
  ["Driver scheduling", "Driver Hire agency", "degraded"],
  ["Customer order intake", "Order portal and EDI gateway", "required"],
  ["Customer order intake", "Customer master data", "required"],
  ["Order portal and EDI gateway", "WAN and site links", "required"],
  ["Hazardous goods handling", "Dangerous goods safety adviser", "required", "ADR requires a DGSA on call"],
  ["Payroll processing", "Sage Payroll", "required"],
  ["Payroll processing", "Payroll records", "required"],
  ["Payroll processing", "Payroll specialists", "required"],
  ["Sage Payroll", "Leeds server room", "required"],
  ["Customer invoicing", "Dynamics 365 Finance", "required"],
  ["Customer invoicing", "Month-end close", "degraded"],
  ["Month-end close", "Customer invoicing", "required"],
  ["Month-end close", "Dynamics 365 Finance", "required"],
  ["Health and safety reporting", "Microsoft 365", "degraded"],
  ["Service desk", "Microsoft 365", "required"],
  ["Service desk", "WAN and site links", "required"],
  ["Delivery tracking enquiries", "Microsoft 365", "required"],
  ["Delivery tracking enquiries", "Paragon routing", "degraded"],
  ["Key account management", "Microsoft 365", "degraded"],
  ["Site security", "Leeds DC", "required"],
  ["Site security", "Daventry DC", "required"],
];

export function demoDependencies(processes: readonly Process[], resources: readonly Resource[]): Dependency[] {
  const ref = (name: string): NodeRef => {
    const p = processes.find((x) => x.name === name);
    if (p) return { kind: "process", id: p.id };
    const r = resources.find((x) => x.name === name);
    if (r) return { kind: "resource", id: r.id };
    throw new Error(`demo dependency names an unknown node: ${name}`);
  };
  return LINKS.map(([from, to, strength, note], i) => ({
    id: `e${String(i + 1).padStart(7, "0")}-0000-4000-8000-000000000000`,
    from: ref(from),
    to: ref(to),
    strength,
    note: note ?? "",
  }));
}
