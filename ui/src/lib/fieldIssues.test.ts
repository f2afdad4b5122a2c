// Tests of mapping the core's field issues onto the form's fields.
import { describe, expect, it } from "vitest";
import type { ApiError } from "./bindings/ApiError";
import { customFieldIndex, groupIssues, issuesOfError, issuesOutside, mergeIssues } from "./fieldIssues";

describe("issuesOfError", () => {
  it("reads details.issues of a validation error", () => {
    const error: ApiError = {
      code: "invalid",
      message: "A process needs a name. The custom field \"Site\" appears twice.",
      details: {
        issues: [
          { field: "name", message: "A process needs a name." },
          { field: "custom_fields.1", message: 'The custom field "Site" appears twice.' },
        ],
      },
    };
    expect(issuesOfError(error).map((i) => i.field)).toEqual(["name", "custom_fields.1"]);
  });

  it("reads the name issue of a duplicate", () => {
    const error: ApiError = {
      code: "duplicate_process",
      message: 'a process named "Payroll processing" already exists',
      details: {
        issues: [{ field: "name", message: 'a process named "Payroll processing" already exists' }],
        name: "Payroll processing",
        existing: "p1",
      },
    };
    expect(groupIssues(issuesOfError(error))).toEqual({ name: ['a process named "Payroll processing" already exists'] });
  });

  it("gives nothing for errors without issues, or with malformed ones", () => {
    expect(issuesOfError({ code: "locked", message: "open elsewhere", details: { path: "/x.bia" } })).toEqual([]);
    expect(issuesOfError({ code: "internal", message: "x", details: null })).toEqual([]);
    expect(issuesOfError({ code: "invalid", message: "x", details: { issues: [{ field: 3 }] } })).toEqual([]);
  });
});

describe("grouping and merging", () => {
  it("groups messages by field without repeating one", () => {
    const grouped = groupIssues([
      { field: "minimum_staff", message: "Enter a whole number of people, or leave it empty." },
      { field: "minimum_staff", message: "Enter a whole number of people, or leave it empty." },
      { field: "name", message: "A process needs a name." },
    ]);
    expect(grouped).toEqual({
      minimum_staff: ["Enter a whole number of people, or leave it empty."],
      name: ["A process needs a name."],
    });
  });

  it("merges local and server issues, keeping one copy of each", () => {
    const local = [{ field: "name", message: "A process needs a name." }];
    const server = [
      { field: "name", message: "A process needs a name." },
      { field: "unit_id", message: "That unit no longer exists." },
    ];
    expect(mergeIssues(local, server)).toHaveLength(2);
  });

  it("picks out issues for fields the form does not show", () => {
    const issues = [
      { field: "name", message: "A process needs a name." },
      { field: "provenance", message: "Unknown source." },
    ];
    expect(issuesOutside(issues, (f) => f === "name")).toEqual([{ field: "provenance", message: "Unknown source." }]);
  });

  it("finds the row of a custom field issue", () => {
    expect(customFieldIndex("custom_fields.2")).toBe(2);
    expect(customFieldIndex("custom_fields")).toBeNull();
    expect(customFieldIndex("name")).toBeNull();
  });
});
