// Tests of the methodology editor's draft: it saves as the core's
// MethodologyInput, keeps ids, orders rows as edited and marks new ones —
// starting from the demo's methodology as the real core answered it.
import { describe, expect, it } from "vitest";
import * as demo from "../testing/recordedDemo";
import {
  inputOfMethodology,
  isEditorField,
  methodologyChanged,
  methodologyDraftOf,
  methodologyInputOf,
  moveRow,
  newCategoryDraft,
  newTierDraft,
} from "./methodologyDraft";

describe("inputOfMethodology", () => {
  it("writes the methodology back as the core's to_input does", () => {
    const input = inputOfMethodology(demo.methodology());
    expect(input.categories[0]).toEqual({
      id: "00000000-0000-4000-8000-000000000035",
      name: "Financial",
      threshold: null,
      retired: false,
      definitions: [
        "No financial loss",
        "Loss or extra cost under 10 k",
        "Loss or extra cost of 10 k to 100 k",
        "Loss or extra cost of 100 k to 1 M",
        "Loss or extra cost of 1 M to 10 M",
        "Loss or extra cost over 10 M, or a threat to solvency",
      ],
    });
    expect(input.scale).toEqual(["None", "Minimal", "Minor", "Moderate", "Major", "Catastrophic"]);
    expect(input.horizons.map((h) => h.duration)).toEqual(["1 h", "4 h", "8 h", "1 d", "3 d", "1 w", "2 w", "1 mo"]);
    expect(input.horizons[0]).toEqual({ id: "00000000-0000-4000-8000-000000000048", label: "1 h", duration: "1 h" });
    expect(input.threshold).toBe(4);
    expect(input.tiers.map((t) => t.max_rto)).toEqual(["4 h", "1 d", "3 d", ""]);
    expect(input.tiers[0]).toEqual({ id: "00000000-0000-4000-8000-000000000056", name: "Tier 1", max_rto: "4 h" });
    expect(input.currency, "the demo (a UK firm) counts in pounds").toBe("GBP");
  });
});

describe("editing", () => {
  it("moves, retires and adds categories; new rows have no id", () => {
    const m = demo.methodology();
    const draft = methodologyDraftOf(m);
    expect(methodologyChanged(draft, m)).toBe(false);
    draft.categories = moveRow(draft.categories, 1, -1);
    draft.categories[6].retired = true;
    draft.categories.push({ ...newCategoryDraft(6), name: "Contractual" });
    draft.tiers.push({ ...newTierDraft(), name: "Tier 5" });
    const input = methodologyInputOf(draft);
    expect(input.categories.map((c) => c.name).slice(0, 2)).toEqual(["Operational", "Financial"]);
    expect(input.categories[0].id).toBe(demo.categoryNamed("Operational").id);
    expect(input.categories[6]).toMatchObject({ name: "Environmental", retired: true });
    expect(input.categories[7]).toMatchObject({ id: null, name: "Contractual", definitions: ["", "", "", "", "", ""] });
    expect(input.tiers.at(-1)).toEqual({ id: null, name: "Tier 5", max_rto: "" });
    expect(methodologyChanged(draft, m)).toBe(true);
  });

  it("keeps rows in place when moved past an end", () => {
    expect(moveRow(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveRow(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
    expect(moveRow(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
  });

  it("knows which issues it can show beside a field", () => {
    for (const f of ["categories.2.name", "horizons.1.duration", "tiers.0.max_rto", "scale.3", "threshold", "currency", "categories"])
      expect(isEditorField(f), f).toBe(true);
    for (const f of ["severity", "name", "categories.x.name"]) expect(isEditorField(f), f).toBe(false);
  });
});
