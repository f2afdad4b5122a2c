// The Merge screen over answers recorded from the real core (recordings/merge-copy.json): the demo gave Priya Raman a
// copy, in which she set Shipment tracking enquiries' RTO to 12 h and Key account management's MBCO to 40 %, while 8 h
// was agreed here. File ▸ Merge a Copy… through a mocked open dialog shows the core's dry run; Merge writes it; the
// conflict is worked with the keyboard (a typed value the core refuses, Escape, T), and undo brings it back. Give a
// Copy To… asks whom for before its save dialog, whose suggested name says so.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { emit } from "@tauri-apps/api/event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../lib/api";
import type { MergeReport } from "../lib/bindings/MergeReport";
import { endReplay, mockReplay, openDemoOn, type Replay } from "../testing/testHarness";

const dialog = vi.hoisted(() => ({ save: vi.fn(), open: vi.fn() }));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);

const COPY = "/home/facilitator/Documents/Harbourline - copy for Priya Raman.bia";
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
