// The Merge screen over answers recorded from the real core (recordings/merge-copy.json): the demo gave Priya Raman a
// copy, in which she set Shipment tracking enquiries' RTO to 12 h and Key account management's MBCO to 40 %, while 8 h
// was agreed here. File ▸ Merge a Copy… through a mocked open dialog shows the core's dry run; Merge writes it; the
// conflict is worked with the keyboard (a typed value the core refuses, Escape, T), and undo brings it back. Give a
// Copy To… asks whom for before its save dialog, whose suggested name says so. Then (recordings/merge-import.json) the
// Leeds site's BIA, built apart from the demo, merged like an import: from File ▸ Import… of its .bia or of the
// workbook it was exported to, and from Merge a Copy… refusing it as another assessment's ("Import it instead").
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { emit } from "@tauri-apps/api/event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../lib/api";
import type { MergeReport } from "../lib/bindings/MergeReport";
import { endReplay, mockReplay, openDemoOn, type Replay } from "../testing/testHarness";

const dialog = vi.hoisted(() => ({ save: vi.fn(), open: vi.fn() }));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);

const COPY = "/home/facilitator/Documents/Harbourline - copy for Priya Raman.bia";
const LEEDS = "/home/facilitator/Documents/Leeds site BIA.bia";
const LEEDS_EXPORT = "/home/facilitator/Documents/Leeds site BIA.xlsx";
const SHIPMENT = "Shipment tracking enquiries";

let h: Replay;

beforeEach(() => {
  h = mockReplay();
  dialog.save.mockReset();
  dialog.open.mockReset();
});
afterEach(() => endReplay(h));

/** The facilitator agrees 8 h for Shipment tracking enquiries meanwhile (as the Objectives form sends it). */
async function agreeEightHours(): Promise<void> {
  await api.setObjectives(h.backend.processId(SHIPMENT), {
    mtpd_override: "",
    mtpd_override_reason: "",
    rto: "8 h",
    rpo: "4 h",
    wrt: "",
    mbco: "50",
    rationale: "Agreed in the BIA workshop with the process owner",
    agreed_by: "Hannah Lowe; Eleanor Marsh",
    agreed_on: "2026-03-12",
  });
}

const key = (k: string, target: Element | Window = window) => fireEvent.keyDown(target, { key: k });
const resolverState = () => screen.getByTestId("conflict-resolver").dataset.state;

describe("merge screen", () => {
  it("shows what merging Priya's copy would do, merges it, and resolves its conflict with the keyboard", async () => {
    await openDemoOn("merge");
    await screen.findByTestId("merge-empty");
    await waitFor(() => expect(screen.getByTestId("copy-info").textContent).toContain("Copies it knows of: Priya Raman."));
    await agreeEightHours();

    // File ▸ Merge a Copy…: the open dialog, then the core's dry run.
    dialog.open.mockResolvedValueOnce(COPY);
    await emit("menu", { action: "merge_copy" });
    const preview = await screen.findByTestId("merge-preview");
    const dryRun = h.backend.current<MergeReport>("merge_copy", { path: COPY, prefer: null, dryRun: true });
    expect(dialog.open.mock.calls[0][0]).toMatchObject({ title: "Merge a copy of this assessment", multiple: false });
    expect(within(preview).getByText("Merge Priya Raman’s copy?")).toBeTruthy();
    expect(screen.getByTestId("merge-tile-conflicts").textContent).toContain("1");
    expect(screen.getByTestId("merge-tile-decisions").textContent).toContain(String(dryRun.decisions_added));
    const changes = within(screen.getByTestId("merge-preview-changes")).getAllByTestId("merged-change");
    expect(changes).toHaveLength(dryRun.applied.length);
    expect(changes[0].textContent).toMatch(/Key account management.*MBCO.*30 %.*40 %/);
    expect(screen.getByTestId("merge-preview-conflicts").textContent).toMatch(/Shipment tracking enquiries · RTO.*8 h.*12 h.*1 d/);
    expect(h.calls.filter((c) => c === "merge_copy")).toHaveLength(1);

    // The preference reads on the button; back to none, then Merge.
    const [, mine] = within(screen.getByTestId("merge-prefer")).getAllByRole("radio");
    await fireEvent.click(mine);
    expect(screen.getByTestId("merge-confirm").textContent).toContain("Merge, keeping mine in 1 conflict");
    await fireEvent.click(within(screen.getByTestId("merge-prefer")).getAllByRole("radio")[0]);
    expect(screen.getByTestId("merge-confirm").textContent?.trim()).toBe("Merge");
    await fireEvent.click(screen.getByTestId("merge-confirm"));

    const result = await screen.findByTestId("merge-result");
    await waitFor(() => expect(result.dataset.state).toBe("latest"));
    expect(screen.getByTestId("merge-sentence").textContent).toMatch(/^Merged Priya Raman’s copy: \d+ changes? applied, .*1 conflict found\.$/);
    expect(screen.getByTestId("merge-backup").textContent).toMatch(/before-merge-20261201-090000\.bia$/);
    await screen.findByTestId("conflict-resolver");
    expect(resolverState()).toBe("unresolved");
    expect(screen.getByTestId("conflict-mine").textContent).toBe("8 h");
    expect(screen.getByTestId("conflict-theirs").textContent).toBe("12 h");
    expect(screen.getByTestId("conflict-base").textContent).toBe("1 d");
    expect(screen.getByTestId("nav-merge-conflicts").textContent).toBe("1");
    expect(screen.getByTestId("merge-applied")).toBeTruthy();

    // E: a value typed; one that does not read is refused by the core, beside the field; Escape thinks again.
    await key("e");
    const typed = (await screen.findByTestId("conflict-typed")) as HTMLInputElement;
    await fireEvent.input(typed, { target: { value: "soon" } });
    await key("m", typed);
    expect(resolverState(), "M typed into the field resolves nothing").toBe("unresolved");
    await key("Enter", typed);
    expect((await screen.findByTestId("conflict-typed-error")).textContent).toMatch(/"soon" is not a duration/);
    await key("Escape", typed);
    await waitFor(() => expect(screen.queryByTestId("conflict-typed")).toBeNull());
    expect(resolverState()).toBe("unresolved");

    // T takes Priya's: resolved, nothing left to count; the merge is no longer the latest edit.
    await key("t");
    await waitFor(() => expect(resolverState()).toBe("theirs"));
    expect(screen.getByTestId("conflict-outcome").textContent).toContain("Took Priya Raman’s: 12 h");
    expect(screen.getByTestId("conflicts-all-resolved")).toBeTruthy();
    expect(screen.queryByTestId("nav-merge-conflicts")).toBeNull();
    expect(screen.getByTestId("merge-result").dataset.state).toBe("earlier");
    expect(screen.queryByTestId("merge-undo"), "Undo would take the resolution back, not the merge").toBeNull();
    expect(within(screen.getByTestId("conflicts-table")).getByTestId("conflict-row").dataset.state).toBe("theirs");

    // Ctrl Z: the resolution taken back, the conflict waiting again, the merge the latest edit.
    await fireEvent.keyDown(window, { key: "z", ctrlKey: true });
    await waitFor(() => expect(resolverState()).toBe("unresolved"));
    expect(screen.getByTestId("nav-merge-conflicts").textContent).toBe("1");
    await waitFor(() => expect(screen.getByTestId("merge-result").dataset.state).toBe("latest"));
    expect(screen.getByTestId("merge-undo")).toBeTruthy();
  });

  it("Give a Copy To… asks whom for, then suggests a file name naming them", async () => {
    await openDemoOn("merge");
    await screen.findByTestId("merge-empty");
    await emit("menu", { action: "give_copy" });
    const form = await screen.findByTestId("give-copy-form");
    const save = within(form.ownerDocument.body).getByTestId("give-copy-save") as HTMLButtonElement;
    expect(save.disabled, "a copy is given to someone").toBe(true);
    await fireEvent.input(screen.getByTestId("give-copy-holder"), { target: { value: "Priya Raman" } });
    expect(form.textContent).toContain("Saved as “Harbourline Logistics — BIA 2026 - copy for Priya Raman.bia”");
    dialog.save.mockResolvedValueOnce(null);
    await fireEvent.click(save);
    await waitFor(() => expect(dialog.save).toHaveBeenCalledTimes(1));
    expect(dialog.save.mock.calls[0][0]).toMatchObject({
      title: "Give a copy to Priya Raman",
      defaultPath: "Harbourline Logistics — BIA 2026 - copy for Priya Raman.bia",
    });
    // The dialog cancelled: nothing written, the form still open to try again.
    expect(h.calls).not.toContain("give_copy");
    expect(screen.getByTestId("give-copy-form")).toBeTruthy();
    await fireEvent.keyDown(window, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("give-copy-form")).toBeNull());
  });
});

describe("merging like an import", () => {
  const callsOf = (cmd: string) => h.args.filter((a) => a.cmd === cmd).map((a) => a.args);
  const tile = (key: string) => screen.getByTestId(`merge-tile-${key}`).querySelector(".tile-value")?.textContent;

  it("File ▸ Import… of an assessment file previews it merged like an import, merges it, and resolves its conflict", async () => {
    await openDemoOn("import");
    dialog.open.mockResolvedValueOnce(LEEDS);
    await emit("menu", { action: "import" });
    const preview = await screen.findByTestId("merge-preview");
    expect(dialog.open.mock.calls[0][0]).toMatchObject({
      title: "Import a spreadsheet or an assessment",
      filters: [{ name: "Spreadsheet or assessment", extensions: ["xlsx", "xlsm", "xlsb", "xls", "ods", "csv", "bia"] }, { name: "Spreadsheet" }, { name: "BIA assessment", extensions: ["bia"] }],
    });
    expect(screen.getByTestId("nav-merge").getAttribute("aria-current"), "the Merge screen shows it").toBe("page");
    expect(callsOf("plan_import"), "an assessment file is not planned column by column").toEqual([]);
    expect(callsOf("import_assessment")).toEqual([{ path: LEEDS, dryRun: true }]);

    expect(preview.dataset.matched).toBe("true");
    expect(screen.getByTestId("merge-preview-heading").textContent).toBe("Merge “Leeds site BIA.bia” like an import?");
    expect(screen.getByTestId("merge-matched").textContent).toContain(
      "No common fork point: matched by id, then by name; nothing in this file is removed; what differs is listed as conflicts.",
    );
    expect([tile("added"), tile("changed"), tile("removed"), tile("conflicts")]).toEqual(["2", "0", "0", "1"]);
    const conflicts = screen.getByTestId("merge-preview-conflicts");
    expect(within(conflicts).getAllByRole("columnheader").map((th) => th.textContent?.trim())).toEqual(["Conflict", "Mine", "In Leeds site BIA.bia"]);
    expect(conflicts.textContent).toMatch(/Accounts payable · Owner.*Sophie Chen.*Marcus Reid/);
    expect(screen.queryByTestId("merge-prefer"), "import_assessment takes no preference: the conflicts are resolved one by one").toBeNull();
    expect(screen.getByTestId("merge-conflicts-kept")).toBeTruthy();
    const leftOut = screen.getByTestId("merge-left-out");
    expect(leftOut.textContent).toContain("1 thing in Leeds site BIA.bia cannot be taken");
    expect(within(leftOut).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "“Order picking”, Financial at 1 d: level 6 is not on this assessment's scale (its levels: 0–5), so the score was not added",
    ]);
    expect(within(screen.getByTestId("merge-preview-changes")).getAllByTestId("merged-change").map((r) => r.textContent)).toEqual([
      expect.stringContaining("Order picking"),
      expect.stringContaining("Cross-dock scheduling"),
    ]);
    await waitFor(() => expect(document.activeElement, "Enter merges").toBe(screen.getByTestId("merge-confirm")));

    await fireEvent.click(screen.getByTestId("merge-confirm"));
    const result = await screen.findByTestId("merge-result");
    await waitFor(() => expect(result.dataset.state).toBe("latest"));
    expect(callsOf("import_assessment").at(-1)).toEqual({ path: LEEDS, dryRun: false });
    expect(screen.getByTestId("merge-sentence").textContent).toBe("Merged “Leeds site BIA.bia” like an import: 2 changes applied, 1 conflict found.");
    expect(screen.getByTestId("merge-result-matched").textContent).toContain("No common fork point");
    expect(screen.getByTestId("merge-backup").textContent).toMatch(/before-merge-20261201-090000\.bia$/);
    expect(screen.getByTestId("merge-result-left-out").textContent).toContain("1 thing in Leeds site BIA.bia could not be taken");
    expect(screen.getByTestId("merge-undo")).toBeTruthy();

    // The conflict names the file, not a copy.
    const resolver = await screen.findByTestId("conflict-resolver");
    expect(resolverState()).toBe("unresolved");
    expect(resolver.textContent).toContain("Owner is filled differently here and in Leeds site BIA.bia.");
    expect(resolver.textContent).toContain("In Leeds site BIA.bia");
    expect(resolver.textContent).not.toContain("copy");
    expect(screen.getByTestId("conflict-mine").textContent).toBe("Sophie Chen");
    expect(screen.getByTestId("conflict-theirs").textContent).toBe("Marcus Reid");
    expect(screen.getByTestId("conflict-base").textContent).toBe("No common fork point");
    expect(screen.getByTestId("conflict-take-theirs").textContent).toContain("Take the value in Leeds site BIA.bia");
    expect(screen.getByTestId("nav-merge-conflicts").textContent).toBe("1");

    // T takes Leeds' owner; Ctrl Z takes it back, the merge the latest edit again.
    await key("t");
    await waitFor(() => expect(resolverState()).toBe("theirs"));
    expect(screen.getByTestId("conflict-outcome").textContent).toContain("Took the value in Leeds site BIA.bia: Marcus Reid");
    expect(screen.getByTestId("merge-result").dataset.state).toBe("earlier");
    await fireEvent.keyDown(window, { key: "z", ctrlKey: true });
    await waitFor(() => expect(resolverState()).toBe("unresolved"));
    await waitFor(() => expect(screen.getByTestId("merge-result").dataset.state).toBe("latest"));
  });

  it("a workbook this program exported, refused by the Import screen's preview, is previewed like an import; Escape sets it aside", async () => {
    await openDemoOn("import");
    dialog.open.mockResolvedValueOnce(LEEDS_EXPORT);
    await emit("menu", { action: "import" });
    await screen.findByTestId("merge-preview");
    expect(callsOf("plan_import")).toEqual([{ path: LEEDS_EXPORT, choices: [] }]);
    expect(callsOf("import_assessment")).toEqual([{ path: LEEDS_EXPORT, dryRun: true }]);
    expect(screen.getByTestId("merge-preview-heading").textContent).toBe("Merge “Leeds site BIA.xlsx” like an import?");
    expect(screen.queryByTestId("merge-left-out"), "nothing left out of the export").toBeNull();
    expect(screen.getByTestId("merge-preview-conflicts").textContent).toMatch(/Accounts payable · Owner.*Sophie Chen.*Marcus Reid/);

    await key("Escape");
    await waitFor(() => expect(screen.queryByTestId("merge-preview")).toBeNull());
    expect(callsOf("import_assessment"), "nothing merged").toHaveLength(1);
    // The Import screen is left as it was before, with no refusal of the export on it.
    await fireEvent.click(screen.getByTestId("nav-import"));
    expect((await screen.findByTestId("import-choose")).textContent).toContain("Choose a spreadsheet…");
    expect(screen.queryByTestId("import-error")).toBeNull();
  });

  it("Merge a Copy… of another assessment's file is refused, offering to import it instead", async () => {
    await openDemoOn("merge");
    await screen.findByTestId("merge-empty");
    dialog.open.mockResolvedValueOnce(LEEDS);
    await emit("menu", { action: "merge_copy" });
    const banner = await screen.findByTestId("error-banner");
    expect(banner.dataset.code).toBe("merge_other_assessment");
    expect(banner.textContent).toContain("A copy of another assessment");
    expect(callsOf("merge_copy")).toEqual([{ path: LEEDS, prefer: null, dryRun: true }]);
    await fireEvent.click(within(banner).getByTestId("merge-import-instead"));
    await screen.findByTestId("merge-preview");
    expect(screen.queryByTestId("error-banner")).toBeNull();
    expect(callsOf("import_assessment")).toEqual([{ path: LEEDS, dryRun: true }]);
    expect(screen.getByTestId("merge-preview-heading").textContent).toBe("Merge “Leeds site BIA.bia” like an import?");
    expect(screen.getByTestId("merge-left-out")).toBeTruthy();
  });
});
