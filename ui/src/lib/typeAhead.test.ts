// Tests of the "relies on" type-ahead: matching what was typed (best first),
// offering to create a new resource only when nothing has that exact name,
// and which choice Enter and the arrow keys land on.
import { describe, expect, it } from "vitest";
import {
  cleanName,
  firstPickable,
  highlight,
  implicitChoice,
  matchCandidates,
  matchRank,
  stepChoice,
  typeAheadChoices,
  type Candidate,
} from "./typeAhead";

const candidate = (name: string, kind: Candidate["kind"], linked = false): Candidate => ({
  ref: kind === "process" ? { kind: "process", id: name } : { kind: "resource", id: name },
  name,
  kind,
  linked,
});

const candidates: Candidate[] = [
  candidate("Sage Payroll", "application"),
  candidate("Payroll records", "data"),
  candidate("Payroll processing", "process"),
  candidate("Supplier payments", "process"),
  candidate("Leeds server room", "infrastructure"),
  candidate("Microsoft 365", "application", true),
];

const names = (list: Candidate[]) => list.map((c) => c.name);

describe("matching", () => {
  it("ranks the exact name, then names starting with the query, then word starts, then anything containing it", () => {
    expect(matchRank("Payroll records", "payroll records")).toBe(0);
    expect(matchRank("Payroll records", "pay")).toBe(1);
    expect(matchRank("Sage Payroll", "pay")).toBe(2);
    expect(matchRank("Supplier payments", "ments")).toBe(3);
    expect(matchRank("Leeds server room", "pay")).toBeNull();
    expect(names(matchCandidates("pay", candidates))).toEqual(["Payroll processing", "Payroll records", "Sage Payroll", "Supplier payments"]);
  });

  it("needs every typed word, in any order, ignoring case and extra spaces", () => {
    expect(names(matchCandidates("  ROOM   leeds ", candidates))).toEqual(["Leeds server room"]);
    expect(matchCandidates("", candidates)).toEqual([]);
    expect(cleanName("  Azure   tenancy ")).toBe("Azure tenancy");
  });
});

describe("choices", () => {
  it("offers to create a resource after the matches when no name is exactly the one typed", () => {
    const choices = typeAheadChoices("Pay", candidates);
    expect(choices.at(-1)).toEqual({ type: "create", name: "Pay" });
    expect(choices).toHaveLength(5);
    expect(typeAheadChoices("payroll records", candidates).some((c) => c.type === "create")).toBe(false);
    expect(typeAheadChoices("Workday", candidates)).toEqual([{ type: "create", name: "Workday" }]);
    expect(typeAheadChoices("Workday", candidates, { allowCreate: false })).toEqual([]);
  });

  it("lists what is already relied on but never lands on it", () => {
    const choices = typeAheadChoices("micro", candidates);
    expect(choices[0]).toMatchObject({ type: "existing", candidate: { name: "Microsoft 365", linked: true } });
    expect(firstPickable(choices)).toBe(1);
    expect(choices[1]).toEqual({ type: "create", name: "micro" });
    expect(stepChoice(choices, 1, 1)).toBe(1);
    expect(firstPickable(typeAheadChoices("Microsoft 365", candidates))).toBe(-1);
  });

  it("takes what was typed without a pick only when it is new or names something exactly", () => {
    const implicit = (query: string) => {
      const choices = typeAheadChoices(query, candidates);
      return implicitChoice(choices, firstPickable(choices), query);
    };
    expect(implicit("Workday")).toEqual({ type: "create", name: "Workday" });
    expect(implicit("payroll  RECORDS")).toMatchObject({ type: "existing", candidate: { name: "Payroll records" } });
    expect(implicit("pay")).toBeNull();
    expect(implicit("Microsoft 365")).toBeNull();
  });

  it("moves with the arrows, wrapping at either end", () => {
    const choices = typeAheadChoices("pay", candidates);
    expect(stepChoice(choices, -1, 1)).toBe(0);
    expect(stepChoice(choices, -1, -1)).toBe(choices.length - 1);
    expect(stepChoice(choices, choices.length - 1, 1)).toBe(0);
    expect(stepChoice([], -1, 1)).toBe(-1);
  });

  it("cuts a name around the match for bolding", () => {
    expect(highlight("Sage Payroll", "pay")).toEqual([
      { text: "Sage ", match: false },
      { text: "Pay", match: true },
      { text: "roll", match: false },
    ]);
    expect(highlight("Leeds DC", "zzz")).toEqual([{ text: "Leeds DC", match: false }]);
  });
});
