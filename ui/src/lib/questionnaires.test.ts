// Questionnaires on the demo (Harbourline Logistics, as the real core answered): Finance's processes picked by unit,
// Sophie Chen's by owner; the preview of who gets which workbook, and the processes nobody can receive; the list's
// due notes; Sophie Chen's returned workbook reviewed — proposed answers ticked, the conflict left to decide, the
// answer the core found not valid never ticked — and the keys an accept names; what a drop of files means.
import { describe, expect, it } from "vitest";
import type { ApiError } from "./bindings/ApiError";
import type { Process } from "./bindings/Process";
import type { QuestionnaireReview } from "./bindings/QuestionnaireReview";
import { processNamed, processes, unitNamed, units } from "../testing/recordedDemo";
import { describeProvenance } from "./provenance";
import {
  acceptedKeys,
  appliedSentence,
  cellOnSheet,
  defaultDue,
  dropOverlayHint,
  dueNote,
  listSummary,
  maybeQuestionnaire,
  processAllTicked,
  processesOfOwner,
  processesOfUnit,
  processesWithStatus,
  recipientPreview,
  reviewCounts,
  routeDrop,
  tickProcess,
  ticksFor,
  toggleTick,
  unchangedNote,
  unitPath,
  unsendableWarning,
  withAdded,
  withToggled,
  type ReviewAnswer,
} from "./questionnaires";

const names = (ids: Iterable<string>) => [...ids].map((id) => processes().find((p) => p.id === id)?.name);

describe("choosing what to send", () => {
  it("picks a unit's processes with its sub-units', an owner's, and those in a status", () => {
    const operations = processesOfUnit(unitNamed("Operations").id, units(), processes());
    expect(names(operations), "Operations holds Warehouse Operations and Transport & Fleet").toContain("Pick, pack and dispatch");
    expect(names(operations)).toContain("Fleet maintenance");
    expect(names(processesOfOwner("  sophie CHEN ", processes()))).toEqual(["Accounts payable", "Customer invoicing"]);
    expect(names(processesWithStatus("approved", processes()))).toContain("Payroll processing");
    expect(names(processesWithStatus("approved", processes()))).not.toContain("Treasury and cash management");
  });

  it("adds each process once and turns one over", () => {
    const ap = processNamed("Accounts payable").id;
    const chosen = withAdded(new Set([ap]), processesOfOwner("Sophie Chen", processes()));
    expect(chosen.size).toBe(2);
    expect(withToggled(chosen, ap).has(ap)).toBe(false);
    expect(withToggled(withToggled(chosen, ap), ap).has(ap)).toBe(true);
  });

  it("names a unit by its path, as the core names a unit's workbook", () => {
    expect(unitPath(unitNamed("Warehouse Operations").id, units())).toBe("Operations / Warehouse Operations");
    expect(unitPath(null, units())).toBe("");
  });
});

describe("the preview of who receives what", () => {
  const finance = () => new Set(processesOfUnit(unitNamed("Finance").id, units(), processes()));

  it("gives each owner one workbook of their processes, in register order", () => {
    const preview = recipientPreview(finance(), processes(), units(), "owner");
    expect(preview.groups.map((g) => [g.recipient, g.processes.map((p) => p.name)])).toEqual([
      ["Sophie Chen", ["Accounts payable", "Customer invoicing"]],
      ["James Whitfield", ["Month-end close and reporting", "Treasury and cash management"]],
    ]);
    expect(preview.unsendable).toEqual([]);
  });

  it("gives a unit one workbook, and groups owners spelled differently together", () => {
    const byUnit = recipientPreview(finance(), processes(), units(), "unit");
    expect(byUnit.groups.map((g) => [g.recipient, g.processes.length])).toEqual([["Finance", 4]]);
    const respelled = processes().map((p) => (p.name === "Customer invoicing" ? { ...p, owner: "sophie  chen" } : p));
    const preview = recipientPreview(finance(), respelled, units(), "owner");
    expect(preview.groups[0]).toMatchObject({ recipient: "Sophie Chen" });
    expect(preview.groups[0].processes).toHaveLength(2);
  });

  it("lists the processes no one can receive, and says what to do", () => {
    const register: Process[] = processes().map((p) => (p.name === "Payroll processing" ? { ...p, owner: " " } : p));
    const chosen = new Set([processNamed("Payroll processing").id, processNamed("Accounts payable").id]);
    const preview = recipientPreview(chosen, register, units(), "owner");
    expect(preview.unsendable.map((p) => p.name)).toEqual(["Payroll processing"]);
    expect(preview.groups.map((g) => g.recipient)).toEqual(["Sophie Chen"]);
    expect(unsendableWarning(preview.unsendable, "owner")).toBe(
      "1 process has no owner, so no questionnaire can carry it: Payroll processing. Give it an owner, leave it out, or send by unit.",
    );
    expect(unsendableWarning([], "owner")).toBe("");
  });
});

describe("the list of questionnaires", () => {
  it("is due two weeks after today by default", () => {
    expect(defaultDue(new Date(2026, 11, 7))).toBe("2026-12-21");
    expect(defaultDue(new Date(2026, 11, 25))).toBe("2027-01-08");
  });

  it("says how the due date stands while a questionnaire is out", () => {
    expect(dueNote({ status: "sent", due: "2026-12-21" }, "2026-12-07")).toBe("due in 14 days");
    expect(dueNote({ status: "sent", due: "2026-12-08" }, "2026-12-07")).toBe("due tomorrow");
    expect(dueNote({ status: "sent", due: "2026-12-07" }, "2026-12-07")).toBe("due today");
    expect(dueNote({ status: "overdue", due: "2026-12-02" }, "2026-12-07")).toBe("5 days overdue");
    expect(dueNote({ status: "applied", due: "2026-12-02" }, "2026-12-07"), "nothing is due once it came back").toBe("");
  });

  it("sums the list up by status", () => {
    const list = [{ status: "sent" }, { status: "overdue" }, { status: "applied" }, { status: "withdrawn" }] as const;
    expect(listSummary([...list])).toBe("2 out (1 overdue), 1 applied, 1 withdrawn");
    expect(listSummary([])).toBe("");
  });
});

/** Sophie Chen's workbook as returned: Accounts payable re-scored and its RTO shortened; a comment; a new system. */
function sophiesReturn(): QuestionnaireReview {
  const ap = processNamed("Accounts payable").id;
  const inv = processNamed("Customer invoicing").id;
  const change = (key: string, label: string, cell: string, sent: string, now: string, answer: string, state: "proposed" | "conflict" | "invalid", message = "") => ({
    key,
    label,
    cell,
    sent,
    now,
    answer,
    state,
    message,
  });
  return {
    questionnaire_id: "00000000-0000-4000-8000-000000000900",
    file: "Sophie Chen — Harbourline Logistics BIA 2026.xlsx",
    recipient: "Sophie Chen",
    returned_on: "2026-12-07",
    again: false,
    unchanged: 31,
    fingerprint: "3f2a9c0d17e4b6a5",
    processes: [
      {
        process_id: ap,
        name: "Accounts payable",
        sheet: "Accounts payable",
        deleted: false,
        reopens: true,
        changes: [
          change("score:c1:h3", "Financial at 1 d", "'Accounts payable'!D14", "2", "2", "4", "proposed"),
          change("rto", "RTO", "'Accounts payable'!C24", "3 d", "2 d", "1 d", "conflict"),
          change("mbco", "MBCO", "'Accounts payable'!C27", "", "", "most of it", "invalid", "“most of it” is not a percentage."),
        ],
        comments: [change("comment:impact", "Comment on impact", "'Accounts payable'!B20", "", "", "Month end doubles the volume.", "proposed")],
        new_dependencies: [
          { key: "dependency:1", kind: "system", name: "Bottomline PTX", note: "payment runs", cell: "'Accounts payable'!B33", known: false, state: "proposed", message: "" },
        ],
        missing: [],
      },
      {
        process_id: inv,
        name: "Customer invoicing",
        sheet: "Customer invoicing",
        deleted: false,
        reopens: true,
        changes: [change("rpo", "RPO", "'Customer invoicing'!C25", "1 d", "1 d", "4 h", "proposed")],
        comments: [],
        new_dependencies: [],
        missing: [],
      },
    ],
  };
}

describe("reviewing a returned workbook", () => {
  const ap = () => processNamed("Accounts payable").id;
  const inv = () => processNamed("Customer invoicing").id;

  it("ticks the proposed answers at first, leaves the conflict to decide and never ticks what is not valid", () => {
    const review = sophiesReturn();
    const ticks = ticksFor(review);
    expect([...ticks].sort()).toEqual(
      [`${ap()} score:c1:h3`, `${ap()} comment:impact`, `${ap()} dependency:1`, `${inv()} rpo`].sort(),
    );
    expect(reviewCounts(review, ticks)).toEqual({ proposed: 4, conflicts: 1, invalid: 1, accepted: 4 });
  });

  it("accepts all valid, only the non-conflicting, or none", () => {
    const review = sophiesReturn();
    expect(ticksFor(review, "valid").has(`${ap()} rto`), "the conflict is taken when all valid are").toBe(true);
    expect(ticksFor(review, "valid").has(`${ap()} mbco`)).toBe(false);
    expect(reviewCounts(review, ticksFor(review, "valid")).accepted).toBe(5);
    expect(ticksFor(review, "none").size).toBe(0);
  });

  it("turns one answer over, but never an invalid one", () => {
    const review = sophiesReturn();
    const withConflict = toggleTick(review, ticksFor(review), `${ap()} rto`);
    expect(withConflict.has(`${ap()} rto`)).toBe(true);
    expect(toggleTick(review, withConflict, `${ap()} rto`).has(`${ap()} rto`)).toBe(false);
    expect(toggleTick(review, withConflict, `${ap()} mbco`).has(`${ap()} mbco`)).toBe(false);
  });

  it("ticks or unticks a whole process", () => {
    const review = sophiesReturn();
    const all = tickProcess(review, new Set(), ap(), true);
    expect(processAllTicked(review, all, ap())).toBe(true);
    expect(all.size, "the four valid answers of Accounts payable, not the invalid MBCO").toBe(4);
    expect(processAllTicked(review, ticksFor(review), ap()), "the conflict is not ticked at first").toBe(false);
    expect(tickProcess(review, all, ap(), false).size).toBe(0);
  });

  it("names the accepted answers as the core reads them, in the review's order", () => {
    const review = sophiesReturn();
    const keys = acceptedKeys(review, new Set([`${inv()} rpo`, `${ap()} score:c1:h3`, `${ap()} mbco`, "gone rto"]));
    expect(keys).toEqual([`${ap()} score:c1:h3`, `${inv()} rpo`]);
  });

  it("shows a cell without its sheet under the sheet's own heading", () => {
    expect(cellOnSheet("'Accounts payable'!J21", "Accounts payable")).toBe("J21");
    expect(cellOnSheet("Payroll!C33", "Payroll")).toBe("C33");
    expect(cellOnSheet("'O''Brien''s desk'!B2", "O'Brien's desk")).toBe("B2");
    expect(cellOnSheet("'Customer invoicing'!C25", "Accounts payable"), "another sheet's cell keeps its sheet").toBe("'Customer invoicing'!C25");
  });

  it("says how it went", () => {
    expect(unchangedNote(31)).toBe("31 answers unchanged");
    expect(unchangedNote(1)).toBe("1 answer unchanged");
    expect(unchangedNote(0)).toBe("");
    const outcome = { questionnaire_id: "q", applied: 3, rejected: 1, invalid: 1, backup: "/tmp/x.bia" };
    expect(appliedSentence(outcome, "Sophie Chen")).toBe("Applied 3 changes from Sophie Chen’s questionnaire. 1 not accepted.");
    expect(appliedSentence({ ...outcome, applied: 0, rejected: 0 }, "Gareth Pugh")).toBe(
      "Recorded the return of Gareth Pugh’s questionnaire; nothing was applied.",
    );
    expect(appliedSentence({ ...outcome, applied: 1, rejected: 0 }, "James Whitfield")).toBe("Applied 1 change from James Whitfield’s questionnaire.");
  });

  it("traces an accepted value to the returned workbook's cell", () => {
    const provenance = {
      kind: "questionnaire" as const,
      questionnaire_id: "q",
      recipient: "Sophie Chen",
      returned_on: "2026-12-07",
      sheet: "Accounts payable",
      cell: "D14",
    };
    expect(describeProvenance(provenance)).toBe("From the questionnaire returned by Sophie Chen on 7 Dec 2026, sheet “Accounts payable”, cell D14");
    const objectives = { ...provenance, cell: "", values: [{ field: "rto", cell: "C24", value: "1440" }] };
    expect(describeProvenance(objectives)).toBe("From the questionnaire returned by Sophie Chen on 7 Dec 2026, sheet “Accounts payable”, cell C24 (RTO)");
  });
});

describe("files dropped on the window", () => {
  const DOCS = "/home/facilitator/Documents";
  const error = (code: string, message: string): ApiError => ({ code: code as ApiError["code"], message, details: null });

  it("offers only workbooks to the core as questionnaires", () => {
    expect(maybeQuestionnaire(`${DOCS}/Sophie Chen.XLSX`)).toBe(true);
    expect(maybeQuestionnaire(`${DOCS}/Finance BIA 2024.csv`)).toBe(false);
    expect(maybeQuestionnaire(`${DOCS}/old.xls`)).toBe(false);
  });

  it("sends a returned questionnaire to review and leaves anything else to the import, saying so", () => {
    const sophie = `${DOCS}/Sophie Chen — Harbourline Logistics BIA 2026.xlsx`;
    const legacy = `${DOCS}/HR BIA.xlsx`;
    const answers = new Map<string, ReviewAnswer>([
      [sophie, { ok: true, review: sophiesReturn() }],
      [legacy, { ok: false, error: error("not_a_questionnaire", "not one") }],
    ]);
    const routing = routeDrop([legacy, sophie, `${DOCS}/Finance BIA 2024.csv`], answers);
    expect(routing.returns.map((r) => r.file)).toEqual(["Sophie Chen — Harbourline Logistics BIA 2026.xlsx"]);
    expect(routing.toImport).toEqual([legacy, `${DOCS}/Finance BIA 2024.csv`]);
    expect(routing.refused).toEqual([]);
    expect(routing.note).toBe(
      "1 returned questionnaire and another spreadsheet were dropped together: “HR BIA.xlsx” is no questionnaire, so it is previewed for import on the Import screen.",
    );
  });

  it("refuses another assessment's, a withdrawn or an unknown questionnaire, naming the file", () => {
    const other = `${DOCS}/Dev Ramanathan.xlsx`;
    const withdrawn = `${DOCS}/Gareth Pugh.xlsx`;
    const answers = new Map<string, ReviewAnswer>([
      [other, { ok: false, error: error("questionnaire_other_assessment", `${other}: this questionnaire was sent from another assessment`) }],
      [withdrawn, { ok: false, error: error("questionnaire_withdrawn", `${withdrawn}: the questionnaire sent to Gareth Pugh was withdrawn`) }],
    ]);
    const routing = routeDrop([other, withdrawn], answers);
    expect(routing.refused.map((r) => r.title)).toEqual([
      "“Dev Ramanathan.xlsx” was sent from another assessment",
      "“Gareth Pugh.xlsx” answers a withdrawn questionnaire",
    ]);
    expect(routing.refused[1].message).toContain("was withdrawn");
    expect(routing.toImport).toEqual([]);
    expect(routing.note).toBeNull();
  });

  it("leaves a workbook that does not read to the import, which says what is wrong with it", () => {
    const broken = `${DOCS}/Payroll (protected).xlsx`;
    const routing = routeDrop([broken], new Map([[broken, { ok: false, error: error("import_encrypted", "protected") }]]));
    expect(routing.toImport).toEqual([broken]);
    expect(routing.returns).toEqual([]);
    expect(routing.note).toBeNull();
  });

  it("tells, while files are held over the window, that a workbook may be a questionnaire", () => {
    expect(dropOverlayHint([`${DOCS}/Sophie Chen.xlsx`]).title).toBe("Drop to receive or import “Sophie Chen.xlsx”");
    expect(dropOverlayHint([`${DOCS}/Finance BIA 2024.csv`]).title).toBe("Drop to import “Finance BIA 2024.csv”");
    expect(dropOverlayHint([`${DOCS}/report.pdf`]).accepted).toBe(false);
  });
});
