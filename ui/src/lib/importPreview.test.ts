// The preview's words: field keys and labels (the same keys a mapping file
// writes), the dropdown's groups from the methodology, issues errors first,
// whether a plan can be imported and what is skipped, and the summary.
import { describe, expect, it } from "vitest";
import type { ImportIssue } from "./bindings/ImportIssue";
import type { ImportPlan } from "./bindings/ImportPlan";
import type { ImportProcess } from "./bindings/ImportProcess";
import * as demo from "../testing/recordedDemo";
import {
  appliedSummary,
  canCancel,
  changesSummary,
  fieldFromKey,
  fieldGroups,
  fieldKey,
  fieldLabel,
  groupIssues,
  readiness,
  repeatsText,
  stageLabel,
  optionsHtml,
} from "./importPreview";

const issue = (level: ImportIssue["level"], address: string, repeats = 0): ImportIssue => ({
  level,
  sheet: "Finance",
  cell: address.split("!")[1] ?? null,
  address,
  message: `${level} at ${address}`,
  repeats,
});

describe("fields", () => {
  it("writes and reads the keys of every kind of field", () => {
    const fields = [
      { kind: "process" },
      { kind: "owner" },
      { kind: "rto" },
      { kind: "dependency", resource: "supplier" },
      { kind: "impact", category: "Financial", horizon: 240 },
      { kind: "impact", category: null, horizon: 1440 },
      { kind: "custom" },
      { kind: "ignore" },
    ] as const;
    for (const field of fields) expect(fieldFromKey(fieldKey(field)), fieldKey(field)).toEqual(field);
    expect(fieldKey({ kind: "dependency", resource: "supplier" })).toBe("dependency:supplier");
    expect(fieldKey({ kind: "impact", category: "Financial", horizon: 240 })).toBe("impact:Financial@240");
    expect(fieldFromKey("shoe_size")).toBeNull();
    expect(fieldFromKey("dependency:spaceship")).toBeNull();
    expect(fieldFromKey("impact:Financial@soon")).toBeNull();
  });

  it("labels fields in plain words, impacts as category @ horizon", () => {
    expect(fieldLabel({ kind: "owner" })).toBe("Owner");
    expect(fieldLabel({ kind: "rto" })).toBe("RTO — recovery time objective");
    expect(fieldLabel({ kind: "dependency", resource: "application" })).toBe("Depends on: Applications & IT systems");
    expect(fieldLabel({ kind: "impact", category: "Financial", horizon: 240 })).toBe("Impact: Financial @ 4 h");
    expect(fieldLabel({ kind: "impact", category: null, horizon: 1440 })).toBe("Impact: (category not named) @ 1 d");
  });

  it("offers every category × horizon of the methodology, and keeps a reading the list lacks", () => {
    const m = demo.methodology();
    const groups = fieldGroups(m);
    const impact = groups.filter((g) => g.label.startsWith("Impact: "));
    expect(impact.map((g) => g.label)).toEqual(m.categories.filter((c) => !c.retired).map((c) => `Impact: ${c.name}`));
    expect(impact.map((g) => g.label)).toEqual([
      "Impact: Financial",
      "Impact: Operational",
      "Impact: Customer",
      "Impact: Reputational",
      "Impact: Legal & Regulatory",
      "Impact: Health & Safety",
      "Impact: Environmental",
    ]);
    expect(impact[0].options).toHaveLength(m.horizons.length);
    expect(impact[4].options[3]).toEqual({ key: "impact:Legal & Regulatory@1440", label: "Impact: Legal & Regulatory @ 1 d" });
    const withRetired = fieldGroups({ ...m, categories: m.categories.map((c) => ({ ...c, retired: c.name === "Environmental" })) });
    expect(withRetired.map((g) => g.label)).not.toContain("Impact: Environmental");
    const all = groups.flatMap((g) => g.options.map((o) => o.key));
    expect(new Set(all).size, "no field offered twice").toBe(all.length);
    expect(all).toContain("owner");
    expect(all.at(-1)).toBe("ignore");
    expect(groups[0].label, "nothing added when the current field is offered").toBe("Process");

    const odd = { kind: "impact", category: null, horizon: 90 } as const;
    const withOdd = fieldGroups(m, odd);
    expect(withOdd[0]).toEqual({ label: "As read", options: [{ key: "impact:@90", label: "Impact: (category not named) @ 90 min" }] });
  });
});

describe("issues", () => {
  it("groups errors first, then warnings, then notes, keeping the core's order", () => {
    const groups = groupIssues([issue("info", "Finance!G4"), issue("warning", "Finance!D5", 3), issue("error", "Finance!C8"), issue("error", "Finance!C9")]);
    expect(groups.map((g) => g.heading)).toEqual(["2 errors", "1 warning", "1 note"]);
    expect(groups[0].issues.map((i) => i.address)).toEqual(["Finance!C8", "Finance!C9"]);
    expect(groupIssues([])).toEqual([]);
  });

  it("says how many more cells below repeat the issue", () => {
    expect(repeatsText(issue("warning", "Finance!D5", 3))).toBe("and 3 more below");
    expect(repeatsText(issue("warning", "Finance!D5"))).toBe("");
  });
});

function plan(counts: Partial<ImportPlan["counts"]>, processes = 1): ImportPlan {
  return {
    file: "Finance BIA 2024.xlsx",
    format: "xlsx",
    tables: [],
    units: [],
    processes: Array.from({ length: processes }, () => ({}) as ImportProcess),
    resources: [],
    dependencies: [],
    unmapped: [],
    level_words: [],
    issues: [],
    counts: {
      processes_new: 0,
      processes_updated: 0,
      processes_unchanged: 0,
      units_new: 0,
      resources_new: 0,
      dependencies_new: 0,
      scores: 0,
      objectives: 0,
      custom_fields: 0,
      tier_claims: 0,
      errors: 0,
      warnings: 0,
      ...counts,
    },
  };
}

describe("readiness", () => {
  it("imports new and updated processes", () => {
    expect(readiness(plan({ processes_new: 4, processes_updated: 1 }, 5))).toEqual({
      ok: true,
      message: "Imports 4 new processes and 1 process updated as one step you can undo.",
    });
  });

  it("still imports despite errors, saying what is skipped", () => {
    const r = readiness(plan({ processes_new: 5, errors: 2 }, 5));
    expect(r.ok).toBe(true);
    expect(r.message).toContain("named by the 2 errors are skipped");
  });

  it("refuses when no row gave a process, or nothing would change", () => {
    expect(readiness(plan({ errors: 1 }, 0)).ok).toBe(false);
    expect(readiness(plan({ errors: 1 }, 0)).message).toContain("Map a column to “Process name”");
    expect(readiness(plan({ processes_unchanged: 3 }, 3))).toEqual({
      ok: false,
      message: "Nothing new: every process in the workbook is already in the assessment as it is.",
    });
  });
});

describe("progress and result", () => {
  it("names the core's stages and allows cancelling until the commit", () => {
    expect(stageLabel(null)).toBe("Starting the import");
    expect(stageLabel({ stage: "processes", done: 2, total: 9 })).toBe("Writing processes");
    expect(canCancel({ stage: "dependencies", done: 7, total: 9 })).toBe(true);
    expect(canCancel({ stage: "commit", done: 9, total: 9 })).toBe(false);
  });

  it("sums up an applied import", () => {
    expect(
      appliedSummary({
        backup: "/b.bia",
        processes_created: 5,
        processes_updated: 0,
        units_created: 1,
        resources_created: 6,
        dependencies_created: 7,
        scores: 0,
        objectives: 1,
      }),
    ).toBe("Imported 5 new processes, 1 unit, 6 resources, 7 dependencies and 1 set of objectives.");
  });

  it("summarises a process's changes", () => {
    const p = (action: ImportProcess["action"], fields: string[]) =>
      ({ action, changes: fields.map((field) => ({ field, old: "", new: "", address: "" })) }) as unknown as ImportProcess;
    expect(changesSummary(p("create", []))).toBe("New");
    expect(changesSummary(p("unchanged", []))).toBe("No change");
    expect(changesSummary(p("update", ["owner", "rto", "owner"]))).toBe("3 changes: Owner, RTO");
    expect(changesSummary(p("update", ["custom:Strategy Summary", "peak_periods"]))).toBe("2 changes: Strategy Summary, Peak periods");
    expect(changesSummary(p("update", ["a", "b", "c", "d", "e"]))).toBe("5 changes: A, B, C and 2 more");
  });
});

describe("optionsHtml", () => {
  it("writes the dropdown's groups as options, every text escaped", () => {
    const html = optionsHtml([
      { label: "Impact: R&D <labs>", options: [{ key: "impact:R&D <labs>@240", label: 'R&D "labs" at 4 h' }] },
      { label: "Other", options: [{ key: "custom", label: "Keep as a custom field" }] },
    ]);
    expect(html).toBe(
      '<optgroup label="Impact: R&amp;D &lt;labs&gt;"><option value="impact:R&amp;D &lt;labs&gt;@240">R&amp;D &quot;labs&quot; at 4 h</option></optgroup>' +
        '<optgroup label="Other"><option value="custom">Keep as a custom field</option></optgroup>',
    );
    const select = document.createElement("select");
    select.innerHTML = html;
    select.value = "impact:R&D <labs>@240";
    expect(select.selectedOptions[0].textContent, "the key reads back as it was").toBe('R&D "labs" at 4 h');
  });
});
