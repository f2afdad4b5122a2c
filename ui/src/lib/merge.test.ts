import { describe, expect, it } from "vitest";
import type { Conflict } from "./bindings/Conflict";
import type { MergeReport } from "./bindings/MergeReport";
import { formatDateTime } from "./dates";
import {
  baseText,
  changeCells,
  changeMatches,
  conflictIndex,
  conflictSentence,
  conflictTitle,
  copyFileName,
  holderIsFile,
  holderProblem,
  leftOutHeading,
  MATCHED_EXPLANATION,
  mergedFrom,
  mergeButtonLabel,
  mergeTiles,
  mergedSentence,
  nextUnresolved,
  nothingToMerge,
  orderedConflicts,
  previewHeading,
  resolutionText,
  resolveInput,
  resolvedBy,
  resolverAction,
  shownValue,
  sideLabels,
  stepped,
  takeTheirsLabel,
  theirsOf,
  undoneSentence,
  unresolvedCount,
} from "./merge";
import type { KeyPress } from "./shortcuts";

// Shaped as the core answers `merge_copy` and `list_conflicts` after Priya Raman's copy of the demo came back: she
// and the facilitator both changed Shipment tracking enquiries' RTO, and she added a process the facilitator added too.
const rto: Conflict = {
  id: "01a25211-dc06-7791-a640-000000000001",
  kind: "field",
  area: "Objectives",
  subject: "Shipment tracking enquiries",
  field: "RTO",
  mine: "8 h",
  theirs: "12 h",
  base: "1 d",
  from_holder: "Priya Raman",
  found_at: "2026-12-01T09:00:00Z",
  typeable: true,
  resolution: null,
  resolved_value: "",
  resolved_by: "",
  resolved_at: "",
};
const sameName: Conflict = {
  ...rto,
  id: "01a25211-dc06-7791-a640-000000000002",
  kind: "same_name",
  area: "Process",
  subject: "Bonded warehouse checks",
  field: "",
  mine: "Bonded warehouse checks (Warehouse Operations)",
  theirs: "Bonded warehouse checks (Customs)",
  base: "",
  typeable: false,
};
const deleted: Conflict = {
  ...rto,
  id: "01a25211-dc06-7791-a640-000000000003",
  kind: "edited_deleted",
  area: "Process",
  subject: "Fuel and consumables purchasing",
  field: "",
  mine: "Fuel and consumables purchasing",
  theirs: "(deleted)",
  base: "Fuel and consumables purchasing",
  typeable: false,
};
const taken: Conflict = {
  ...rto,
  id: "01a25211-dc06-7791-a640-000000000004",
  subject: "Customer order intake",
  field: "MBCO",
  mine: "60 %",
  theirs: "75 %",
  base: "60 %",
  resolution: "theirs",
  resolved_value: "75 %",
  resolved_by: "Eleanor Marsh",
  resolved_at: "2026-12-01T10:30:00Z",
};

const report: MergeReport = {
  from: "/home/facilitator/Documents/Harbourline - copy for Priya Raman.bia",
  from_holder: "Priya Raman",
  dry_run: true,
  applied: [
    { what: "changed", area: "Process", subject: "Fleet maintenance", field: "Workaround", before: "Contract garage network for urgent repairs", after: "Mobile mechanics from the Birmingham hub" },
    { what: "added", area: "Process", subject: "Bonded warehouse customs checks", field: "", before: "", after: "Bonded warehouse customs checks" },
    { what: "changed", area: "Impact", subject: "Returns processing", field: "Financial at 1 w", before: "2 – Minor", after: "3 – Moderate" },
    { what: "removed", area: "Dependency", subject: "Returns processing → Harbourline WMS", field: "", before: "required", after: "" },
  ],
  conflicts: [rto, sameName],
  decisions_added: 2,
  unresolved: 2,
  backup: null,
  matched: false,
  left_out: [],
};

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe("giving a copy", () => {
  it("suggests a file name naming the assessment and the holder", () => {
    expect(copyFileName("Harbourline Logistics — BIA 2026", "Priya Raman")).toBe("Harbourline Logistics — BIA 2026 - copy for Priya Raman.bia");
  });

  it("keeps characters no file name may hold out of it", () => {
    expect(copyFileName("Acme: UK/EU BIA", "Sam O'Neil <site lead>")).toBe("Acme UK EU BIA - copy for Sam O'Neil site lead.bia");
    expect(copyFileName("..hidden", "  ")).toBe("hidden - copy.bia");
    expect(copyFileName("", "Priya")).toBe("Assessment - copy for Priya.bia");
  });

  it("asks for the holder's name before the save dialog", () => {
    expect(holderProblem("   ")).toMatch(/who the copy is for/);
    expect(holderProblem("Priya Raman")).toBe("");
  });
});

describe("the preview and the report", () => {
  it("counts what would be added, changed and removed, the conflicts and the decision entries", () => {
    expect(mergeTiles(report).map((t) => [t.key, t.value])).toEqual([
      ["added", 1],
      ["changed", 2],
      ["removed", 1],
      ["conflicts", 2],
      ["decisions", 2],
    ]);
    expect(nothingToMerge(report)).toBe(false);
    expect(nothingToMerge({ ...report, applied: [], conflicts: [], decisions_added: 0 })).toBe(true);
    expect(nothingToMerge({ ...report, applied: [], conflicts: [], decisions_added: 1 })).toBe(false);
  });

  it("says on the button what happens to the conflicts", () => {
    expect(mergeButtonLabel(report, null)).toBe("Merge");
    expect(mergeButtonLabel(report, "mine")).toBe("Merge, keeping mine in 2 conflicts");
    expect(mergeButtonLabel(report, "theirs")).toBe("Merge, taking Priya Raman’s in 2 conflicts");
    expect(mergeButtonLabel({ ...report, conflicts: [rto] }, "theirs")).toBe("Merge, taking Priya Raman’s in 1 conflict");
    expect(mergeButtonLabel({ ...report, conflicts: [] }, "theirs")).toBe("Merge");
  });

  it("sums up a merge done in one sentence", () => {
    const merged = { ...report, dry_run: false, backup: "/home/facilitator/Documents/Harbourline.before-merge-20261201-090000.bia" };
    expect(mergedSentence(merged)).toBe("Merged Priya Raman’s copy: 4 changes applied, 2 decision entries added, 2 conflicts found.");
    const preferred = merged.conflicts.map((c) => ({ ...c, resolution: "theirs" as const, resolved_value: c.theirs }));
    expect(mergedSentence({ ...merged, applied: merged.applied.slice(0, 1), conflicts: preferred, decisions_added: 0, unresolved: 0 })).toBe(
      "Merged Priya Raman’s copy: 1 change applied, 2 conflicts settled.",
    );
    expect(mergedSentence({ ...merged, from_holder: "James", applied: [], conflicts: [], decisions_added: 0, unresolved: 0 })).toBe(
      "Nothing to merge: James’ copy holds nothing this file does not.",
    );
    expect(mergedSentence({ ...merged, from_holder: "", conflicts: [rto], unresolved: 1, decisions_added: 0 })).toBe(
      "Merged the copy: 4 changes applied, 1 conflict found.",
    );
    expect(mergedSentence({ ...merged, applied: [], conflicts: [rto, deleted, sameName], decisions_added: 0, unresolved: 3 })).toBe(
      "Merged Priya Raman’s copy: 3 conflicts found.",
    );
  });

  it("filters the changes by every word typed, in any of their columns", () => {
    const matching = (filter: string) => report.applied.filter((c) => changeMatches(c, filter)).map((c) => c.subject);
    expect(matching("")).toHaveLength(4);
    expect(matching("returns")).toEqual(["Returns processing", "Returns processing → Harbourline WMS"]);
    expect(matching("returns moderate")).toEqual(["Returns processing"]);
    expect(matching("removed")).toEqual(["Returns processing → Harbourline WMS"]);
    expect(matching("birmingham")).toEqual(["Fleet maintenance"]);
  });

  it("shows a whole row added or removed without field or values, a field's values as they were and are", () => {
    expect(changeCells(report.applied[0])).toEqual({ field: "Workaround", before: "Contract garage network for urgent repairs", after: "Mobile mechanics from the Birmingham hub" });
    expect(changeCells(report.applied[1])).toEqual({ field: "—", before: "—", after: "—" });
    expect(changeCells(report.applied[3])).toEqual({ field: "—", before: "—", after: "—" });
    expect(changeCells({ ...report.applied[0], what: "added", before: "", after: "Night shift by phone" })).toEqual({ field: "Workaround", before: "—", after: "Night shift by phone" });
    expect(changeCells({ ...report.applied[0], what: "changed", after: "" })).toMatchObject({ after: "(empty)" });
  });

  it("shows an empty value as such", () => {
    expect(shownValue("")).toBe("(empty)");
    expect(shownValue("  ")).toBe("(empty)");
    expect(shownValue("4 h")).toBe("4 h");
  });
});

describe("conflicts, one by one", () => {
  const list = [taken, rto, deleted, sameName];

  it("puts the unresolved first, each group in the core's order", () => {
    expect(orderedConflicts(list).map((c) => c.id)).toEqual([rto.id, deleted.id, sameName.id, taken.id]);
    expect(unresolvedCount(list)).toBe(3);
  });

  it("moves on to the next unresolved one, round to the start, the current one last", () => {
    const ordered = [rto, taken, deleted];
    expect(nextUnresolved(ordered, 0)).toBe(2);
    expect(nextUnresolved(ordered, 2)).toBe(0);
    expect(nextUnresolved([{ ...rto, resolution: "mine" }, taken, deleted], 2)).toBe(2);
    expect(nextUnresolved([taken], 0)).toBeNull();
    expect(nextUnresolved([], 0)).toBeNull();
  });

  it("steps within the list, and shows the conflict asked for, else the first unresolved", () => {
    expect(stepped(list, 0, -1)).toBe(0);
    expect(stepped(list, 3, 1)).toBe(3);
    expect(stepped(list, 1, 1)).toBe(2);
    expect(conflictIndex(list, deleted.id)).toBe(2);
    expect(conflictIndex(list, "gone")).toBe(1);
    expect(conflictIndex(list, null)).toBe(1);
    expect(conflictIndex([taken], null)).toBe(0);
  });

  it("reads M, T, E and B as ways to resolve, N, P and the arrows as moves", () => {
    expect(resolverAction(press("m"), rto, false)).toBe("mine");
    expect(resolverAction(press("M", { shiftKey: true }), rto, false)).toBe("mine");
    expect(resolverAction(press("t"), rto, false)).toBe("theirs");
    expect(resolverAction(press("e"), rto, false)).toBe("edit");
    expect(resolverAction(press("n"), rto, false)).toBe("next");
    expect(resolverAction(press("ArrowRight"), rto, false)).toBe("next");
    expect(resolverAction(press("p"), rto, false)).toBe("previous");
    expect(resolverAction(press("ArrowLeft"), rto, false)).toBe("previous");
    expect(resolverAction(press("x"), rto, false)).toBeNull();
  });

  it("offers a typed value only where the field takes one, and both only for a name added on both sides", () => {
    expect(resolverAction(press("e"), deleted, false)).toBeNull();
    expect(resolverAction(press("b"), rto, false)).toBeNull();
    expect(resolverAction(press("b"), sameName, false)).toBe("both");
  });

  it("makes two processes of one name one with S, and never takes theirs over a name both added", () => {
    expect(resolverAction(press("s"), sameName, false)).toBe("same");
    expect(resolverAction(press("s"), rto, false)).toBeNull();
    expect(resolverAction(press("t"), sameName, false)).toBeNull();
    expect(resolverAction(press("s"), { ...sameName, area: "Resource" }, false)).toBeNull();
    expect(resolveInput(sameName, "same")).toEqual({ id: sameName.id, resolution: "same", value: null });
  });

  it("leaves a resolved conflict as it is: only moving past it", () => {
    expect(resolverAction(press("m"), taken, false)).toBeNull();
    expect(resolverAction(press("t"), taken, false)).toBeNull();
    expect(resolverAction(press("e"), taken, false)).toBeNull();
    expect(resolverAction(press("n"), taken, false)).toBe("next");
  });

  it("gives Ctrl Z and other chords to the app, and only Enter and Escape while a value is typed", () => {
    expect(resolverAction(press("z", { ctrlKey: true }), rto, false)).toBeNull();
    expect(resolverAction(press("m", { metaKey: true }), rto, false)).toBeNull();
    expect(resolverAction(press("t", { altKey: true }), rto, false)).toBeNull();
    expect(resolverAction(press("Enter"), rto, true)).toBe("apply");
    expect(resolverAction(press("Escape"), rto, true)).toBe("cancel");
    expect(resolverAction(press("m"), rto, true)).toBeNull();
    expect(resolverAction(press("ArrowRight"), rto, true)).toBeNull();
    expect(resolverAction(press("n"), null, false)).toBeNull();
  });

  it("sends the side chosen, or the value typed (trimmed)", () => {
    expect(resolveInput(rto, "theirs")).toEqual({ id: rto.id, resolution: "theirs", value: null });
    expect(resolveInput(rto, "typed", "  10 h ")).toEqual({ id: rto.id, resolution: "typed", value: "10 h" });
    expect(resolveInput(sameName, "both", "ignored")).toEqual({ id: sameName.id, resolution: "both", value: null });
  });

  it("says what each conflict is and whose each side is", () => {
    expect(conflictTitle(rto)).toBe("Shipment tracking enquiries · RTO");
    expect(conflictTitle(sameName)).toBe("Bonded warehouse checks");
    expect(conflictTitle({ ...rto, subject: "", field: "" })).toBe("Objectives");
    expect(conflictSentence(rto)).toBe("RTO was changed here and in Priya Raman’s copy, differently.");
    expect(conflictSentence(deleted)).toBe("Changed here, but deleted in Priya Raman’s copy.");
    expect(conflictSentence({ ...deleted, kind: "deleted_edited" })).toBe("Deleted here, but changed in Priya Raman’s copy.");
    expect(conflictSentence(sameName)).toBe("Added here and in Priya Raman’s copy under the same name.");
    expect(sideLabels(rto)).toEqual({ mine: "Mine (this file)", theirs: "Priya Raman’s copy", base: "Where both started" });
    expect(sideLabels({ ...rto, from_holder: "" }).theirs).toBe("The copy");
  });

  it("says where both started, and that neither had a row both added", () => {
    expect(baseText(rto)).toBe("1 d");
    expect(baseText({ ...rto, base: "" })).toBe("(not known)");
    expect(baseText(sameName)).toBe("Neither had it");
  });

  it("says how each was resolved, by whom and when", () => {
    expect(resolutionText(rto)).toBe("Unresolved: mine kept meanwhile");
    expect(resolutionText(taken)).toBe("Took Priya Raman’s: 75 %");
    expect(resolutionText({ ...rto, resolution: "mine", resolved_value: "" })).toBe("Kept mine: 8 h");
    expect(resolutionText({ ...rto, resolution: "typed", resolved_value: "10 h" })).toBe("Typed: 10 h");
    expect(resolutionText({ ...sameName, resolution: "both", resolved_value: "Bonded warehouse checks (2)" })).toBe(
      "Kept both (theirs as “Bonded warehouse checks (2)”)",
    );
    // The time as the machine's clock reads it.
    expect(resolvedBy(taken)).toBe(`by Eleanor Marsh, ${formatDateTime(taken.resolved_at)}`);
    expect(resolvedBy({ ...taken, resolved_by: "" })).toBe(formatDateTime(taken.resolved_at));
    expect(formatDateTime(taken.resolved_at)).toMatch(/Dec 2026/);
    expect(resolvedBy(rto)).toBe("");
  });
});

// Shaped as the core answers `import_assessment` for the Leeds site's BIA, built apart from the demo (no common fork
// point): matched by id, then by name; the core names the file where a copy names its holder.
const owner: Conflict = {
  ...rto,
  id: "01a25211-dc06-7791-a640-000000000005",
  area: "Process",
  subject: "Accounts payable",
  field: "Owner",
  mine: "Sophie Chen",
  theirs: "Marcus Reid",
  base: "",
  from_holder: "Leeds site BIA.bia",
};
const leeds: MergeReport = {
  from: "/home/facilitator/Documents/Leeds site BIA.bia",
  from_holder: "Leeds site BIA.bia",
  dry_run: true,
  applied: [
    { what: "added", area: "Process", subject: "Order picking", field: "", before: "", after: "" },
    { what: "added", area: "Process", subject: "Cross-dock scheduling", field: "", before: "", after: "" },
  ],
  conflicts: [owner],
  decisions_added: 0,
  unresolved: 1,
  backup: null,
  matched: true,
  left_out: ["Order picking at Financial at 1 d: level 6 is not on this assessment's scale (its levels: 0–5)"],
};

describe("a file merged like an import", () => {
  it("tells a file named in place of a holder from a colleague's name", () => {
    for (const name of ["Leeds site BIA.bia", "Leeds site BIA.xlsx", "  leeds.BIA ", "old.csv"]) expect(holderIsFile(name), name).toBe(true);
    for (const name of ["Priya Raman", "", "Sam O'Neil", "bia"]) expect(holderIsFile(name), name).toBe(false);
  });

  it("names the file, not a copy, in the heading, the banner and when undone", () => {
    expect(previewHeading(leeds)).toBe("Merge “Leeds site BIA.bia” like an import?");
    expect(previewHeading(report)).toBe("Merge Priya Raman’s copy?");
    expect(mergedFrom(leeds)).toBe("“Leeds site BIA.bia”");
    expect(mergedSentence({ ...leeds, dry_run: false })).toBe("Merged “Leeds site BIA.bia” like an import: 2 changes applied, 1 conflict found.");
    expect(mergedSentence({ ...leeds, applied: [], conflicts: [], unresolved: 0 })).toBe("Nothing to merge: “Leeds site BIA.bia” holds nothing this file does not.");
    expect(undoneSentence(leeds)).toBe("The merge of “Leeds site BIA.bia” was undone.");
    expect(undoneSentence(report)).toBe("The merge of Priya Raman’s copy was undone.");
    expect(MATCHED_EXPLANATION).toBe("No common fork point: matched by id, then by name; nothing in this file is removed; what differs is listed as conflicts.");
  });

  it("a file of this assessment merged as a copy, with no fork point, reads the same", () => {
    const early = { ...leeds, from_holder: "Harbourline (file copy).bia" };
    expect(previewHeading(early)).toBe("Merge “Harbourline (file copy).bia” like an import?");
    expect(mergeButtonLabel(early, "theirs")).toBe("Merge, taking the value in Harbourline (file copy).bia in 1 conflict");
    expect(mergeButtonLabel({ ...early, conflicts: [owner, owner] }, "theirs")).toBe("Merge, taking the values in Harbourline (file copy).bia in 2 conflicts");
  });

  it("heads what could not be taken with how many things and where", () => {
    expect(leftOutHeading(leeds)).toBe("1 thing in Leeds site BIA.bia cannot be taken");
    expect(leftOutHeading({ ...leeds, dry_run: false, left_out: ["a", "b"] })).toBe("2 things in Leeds site BIA.bia could not be taken");
  });

  it("names the file in the conflict's sentence, sides, button and outcome", () => {
    expect(conflictSentence(owner)).toBe("Owner is filled differently here and in Leeds site BIA.bia.");
    expect(sideLabels(owner)).toEqual({ mine: "Mine (this file)", theirs: "In Leeds site BIA.bia", base: "Where both started" });
    expect(baseText(owner)).toBe("No common fork point");
    expect(takeTheirsLabel(owner)).toBe("Take the value in Leeds site BIA.bia");
    expect(takeTheirsLabel(rto)).toBe("Take Priya Raman’s");
    expect(theirsOf("Leeds site BIA.bia", true)).toBe("the values in Leeds site BIA.bia");
    expect(resolutionText({ ...owner, resolution: "theirs", resolved_value: "Marcus Reid" })).toBe("Took the value in Leeds site BIA.bia: Marcus Reid");
  });
});
