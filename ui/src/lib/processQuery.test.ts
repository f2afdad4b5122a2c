// Tests of the register's search, filters and sorting over a realistic process list.
import { describe, expect, it } from "vitest";
import type { Process } from "./bindings/Process";
import type { Unit } from "./bindings/Unit";
import { DEFAULT_QUERY, NO_UNIT, describeCount, nextSort, queryProcesses, type ProcessQuery } from "./processQuery";

const units: Unit[] = [
  { id: "ops", name: "Operations", parent_id: null },
  { id: "wh", name: "Warehousing", parent_id: "ops" },
  { id: "fin", name: "Finance", parent_id: null },
  { id: "cs", name: "Customer Service", parent_id: null },
];

function process(name: string, fields: Partial<Process> = {}): Process {
  return {
    id: name.toLowerCase().replace(/\W+/g, "-"),
    name,
    unit_id: null,
    owner: "",
    description: "",
    peak_periods: "",
    minimum_staff: null,
    workaround: "",
    notes: "",
    claimed_tier: "",
    status: "draft",
    custom_fields: [],
    provenance: { kind: "workshop" },
    created_at: "2025-09-08T08:30:00Z",
    updated_at: "2025-09-08T08:30:00Z",
    ...fields,
  };
}

const processes: Process[] = [
  process("Payroll processing", { unit_id: "fin", owner: "Aisha Bello", status: "approved", minimum_staff: 2, peak_periods: "Month end" }),
  process("Customer order intake", { unit_id: "cs", owner: "Hannah Whitfield", status: "approved", minimum_staff: 8 }),
  process("Pick and pack", { unit_id: "wh", owner: "Priya Raman", status: "in_review", minimum_staff: 40, description: "Picking orders for despatch" }),
  process("Site security", { unit_id: "ops", owner: "Daniel Achterberg", status: "draft" }),
  process("Credit control", { unit_id: "fin", owner: "Oliver Grant", status: "draft", custom_fields: [{ name: "System", value: "Sage 200" }] }),
  process("Training records"),
];

const query = (q: Partial<ProcessQuery>): ProcessQuery => ({ ...DEFAULT_QUERY, ...q });
const names = (q: Partial<ProcessQuery>) => queryProcesses(processes, units, query(q)).map((r) => r.process.name);

describe("search", () => {
  it("matches the name case-insensitively", () => {
    expect(names({ search: "PAYROLL" })).toEqual(["Payroll processing"]);
  });

  it("matches the owner, the unit's name, the description and custom field values", () => {
    expect(names({ search: "hannah" })).toEqual(["Customer order intake"]);
    expect(names({ search: "finance" })).toEqual(["Credit control", "Payroll processing"]);
    expect(names({ search: "despatch" })).toEqual(["Pick and pack"]);
    expect(names({ search: "sage" })).toEqual(["Credit control"]);
  });

  it("needs every word to match somewhere", () => {
    expect(names({ search: "finance oliver" })).toEqual(["Credit control"]);
    expect(names({ search: "finance hannah" })).toEqual([]);
  });

  it("shows everything for a blank query", () => {
    expect(names({ search: "   " })).toHaveLength(processes.length);
  });
});

describe("filters", () => {
  it("filters by a unit including its sub-units", () => {
    expect(names({ unit: "ops" })).toEqual(["Pick and pack", "Site security"]);
    expect(names({ unit: "wh" })).toEqual(["Pick and pack"]);
  });

  it("can show only the processes without a unit", () => {
    expect(names({ unit: NO_UNIT })).toEqual(["Training records"]);
  });

  it("filters by status, combined with search", () => {
    expect(names({ status: "approved" })).toEqual(["Customer order intake", "Payroll processing"]);
    expect(names({ status: "draft", search: "control" })).toEqual(["Credit control"]);
  });
});

describe("sorting", () => {
  it("sorts by name ascending by default", () => {
    expect(names({})[0]).toBe("Credit control");
  });

  it("sorts by unit name, with processes without a unit last in both directions", () => {
    const asc = queryProcesses(processes, units, query({ sort: { key: "unit", direction: "asc" } }));
    expect(asc.map((r) => r.unitName)).toEqual(["Customer Service", "Finance", "Finance", "Operations", "Warehousing", ""]);
    const desc = queryProcesses(processes, units, query({ sort: { key: "unit", direction: "desc" } }));
    expect(desc.map((r) => r.unitName)).toEqual(["Warehousing", "Operations", "Finance", "Finance", "Customer Service", ""]);
  });

  it("sorts minimum staff numerically, not as text", () => {
    expect(names({ sort: { key: "minimum_staff", direction: "desc" } }).slice(0, 3)).toEqual([
      "Pick and pack",
      "Customer order intake",
      "Payroll processing",
    ]);
  });

  it("sorts status in workflow order: draft, in review, approved", () => {
    const rows = queryProcesses(processes, units, query({ sort: { key: "status", direction: "asc" } }));
    expect(rows.map((r) => r.process.status)).toEqual(["draft", "draft", "draft", "in_review", "approved", "approved"]);
  });

  it("flips direction on the same column and starts ascending on a new one", () => {
    expect(nextSort({ key: "name", direction: "asc" }, "name")).toEqual({ key: "name", direction: "desc" });
    expect(nextSort({ key: "name", direction: "desc" }, "owner")).toEqual({ key: "owner", direction: "asc" });
  });
});

describe("describeCount", () => {
  it("says how many of how many are shown", () => {
    expect(describeCount(12, 25)).toBe("12 of 25 processes");
    expect(describeCount(25, 25)).toBe("25 processes");
    expect(describeCount(1, 1)).toBe("1 process");
    expect(describeCount(0, 0)).toBe("No processes");
  });

  it("groups the digits of large registers", () => {
    expect(describeCount(1, 10_025)).toBe("1 of 10,025 processes");
    expect(describeCount(10_025, 10_025)).toBe("10,025 processes");
  });
});
