// Tests of the objectives form's text: agreed values written back as the core prints them.
import { describe, expect, it } from "vitest";
import type { Objectives } from "./bindings/Objectives";
import { changedObjectiveFields, emptyObjectivesInput, isoToday, objectivesInputOf } from "./objectivesDraft";

const agreed: Objectives = {
  process_id: "p1",
  mtpd_override: 10080,
  mtpd_override_reason: "Key accounts hold for a week",
  rto: 240,
  rpo: null,
  rpo_not_applicable: true,
  wrt: 90,
  mbco_percent: 50,
  rationale: "",
  agreed_by: "Aisha Bello",
  agreed_on: "2025-10-30",
  provenance: { kind: "workshop" },
};

describe("objectivesInputOf", () => {
  it("normalises durations, RPO n/a and MBCO percentages", () => {
    expect(objectivesInputOf(agreed)).toMatchObject({ mtpd_override: "1 w", rto: "4 h", rpo: "n/a", wrt: "90 min", mbco: "50 %" });
  });

  it("is blank when nothing was agreed", () => {
    expect(objectivesInputOf(null)).toEqual(emptyObjectivesInput());
  });

  it("names the fields that changed", () => {
    const typed = { ...objectivesInputOf(agreed), rto: "4h", agreed_by: "Aisha" };
    expect(changedObjectiveFields(typed, objectivesInputOf(agreed))).toEqual(["rto", "agreed_by"]);
  });

  it("writes today as YYYY-MM-DD", () => {
    expect(isoToday(new Date(2026, 0, 5))).toBe("2026-01-05");
  });
});
