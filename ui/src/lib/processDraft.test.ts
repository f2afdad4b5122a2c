// Tests of the process form's draft: what it sends to the core and what it refuses to send.
import { describe, expect, it } from "vitest";
import type { Process } from "./bindings/Process";
import { draftChanged, draftOf, emptyDraft, inputOf, parseStaff } from "./processDraft";

const payroll: Process = {
  id: "p1",
  name: "Payroll processing",
  unit_id: "fin",
  owner: "Aisha Bello",
  description: "Monthly and weekly payroll for 1,100 staff.",
  peak_periods: "Monthly, 3 working days before the 25th",
  minimum_staff: 2,
  workaround: "Repeat last month's payment file.",
  notes: "",
  claimed_tier: "P1",
  status: "approved",
  custom_fields: [{ name: "System", value: "Sage Payroll" }],
  provenance: { kind: "workshop" },
  created_at: "2025-09-08T08:30:00Z",
  updated_at: "2025-11-19T16:42:00Z",
};

describe("parseStaff", () => {
  it("reads a whole number, and an empty field as not given", () => {
    expect(parseStaff(" 12 ")).toEqual({ value: 12, issue: null });
    expect(parseStaff("")).toEqual({ value: null, issue: null });
  });

  it("refuses what the core's whole-number field cannot take", () => {
    expect(parseStaff("-3").issue).toMatch(/whole number/);
    expect(parseStaff("2.5").issue).toMatch(/whole number/);
    expect(parseStaff("ten").issue).toMatch(/whole number/);
    expect(parseStaff("99999999999").issue).toMatch(/more staff/);
  });
});

describe("inputOf", () => {
  it("round-trips a stored process unchanged", () => {
    const { input, localIssues } = inputOf(draftOf(payroll));
    expect(localIssues).toEqual([]);
    expect(input).toEqual({
      name: payroll.name,
      unit_id: "fin",
      owner: payroll.owner,
      description: payroll.description,
      peak_periods: payroll.peak_periods,
      minimum_staff: 2,
      workaround: payroll.workaround,
      notes: "",
      claimed_tier: "P1",
      status: "approved",
      custom_fields: [{ name: "System", value: "Sage Payroll" }],
    });
  });

  it("sends the claimed tier as typed, for the core to read onto the tiers", () => {
    const draft = { ...draftOf(payroll), claimedTier: " Critical " };
    expect(inputOf(draft).input.claimed_tier).toBe(" Critical ");
    expect(inputOf(emptyDraft()).input.claimed_tier).toBe("");
  });

  it("sends no unit for the '— none —' choice", () => {
    expect(inputOf(emptyDraft()).input.unit_id).toBeNull();
  });

  it("reports a bad minimum staff on its field and sends it as not given", () => {
    const draft = { ...draftOf(payroll), minimumStaff: "a few" };
    const { input, localIssues } = inputOf(draft);
    expect(input.minimum_staff).toBeNull();
    expect(localIssues.map((i) => i.field)).toEqual(["minimum_staff"]);
  });
});

describe("draftChanged", () => {
  it("notices an edit and ignores a copy", () => {
    const original = draftOf(payroll);
    expect(draftChanged(original, draftOf(payroll))).toBe(false);
    expect(draftChanged(original, { ...original, owner: "Oliver Grant" })).toBe(true);
  });
});
