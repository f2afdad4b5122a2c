// Files that let a consultant down gently, over answers recorded from the real core: a damaged assessment opened
// from the recent list (the core's message names the file, its backup and what to do; "Recover what can be read into
// a new file…" asks where and opens the recovered file, saying what it copied), and a colleague's read-only copy
// (it opens, a banner says why nothing can be saved, an edit is refused with the same offer, and "Save a copy to
// edit…" opens an editable copy in its place).
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import App from "../App.svelte";
import { background } from "../lib/workspace.svelte";
import { endReplay, mockReplay, registerRead, type Replay } from "../testing/testHarness";

const dialog = vi.hoisted(() => ({ save: vi.fn(), open: vi.fn() }));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);

const DOCUMENTS = "/home/facilitator/Documents";
const DAMAGED = `${DOCUMENTS}/Harbourline (damaged).bia`;
const READ_ONLY = `${DOCUMENTS}/Shared/Harbourline (read-only).bia`;

let h: Replay;

beforeEach(() => {
  h = mockReplay({
    recent: [
      { path: DAMAGED, name: "Harbourline — workshop 2", opened_at: "2026-11-30T09:00:00Z", exists: true },
      { path: READ_ONLY, name: "Harbourline — shared", opened_at: "2026-11-29T09:00:00Z", exists: true },
    ],
  });
  dialog.save.mockReset();
});
afterEach(() => endReplay(h));

async function openRecent(name: string) {
  render(App);
  const entry = await screen.findByText(name);
  await fireEvent.click(entry.closest("[data-testid=recent-file]")!);
}

describe("a damaged file", () => {
  it("is refused by name with what to do, and what can be read is recovered into a new file", async () => {
    await openRecent("Harbourline — workshop 2");
    const banner = await screen.findByTestId("error-banner");
    expect(banner.dataset.code).toBe("corrupt");
    expect(banner.textContent).toContain("The file is damaged");
    expect(banner.textContent).toContain(`${DAMAGED}: the file is damaged`);
    expect(banner.textContent).toContain(`Restore the latest backup, ${DOCUMENTS}/Harbourline (damaged).before-import-20261201-090000.bia`);
    expect(screen.getByTestId("start-screen")).toBeTruthy();

    const recovered = `${DOCUMENTS}/Harbourline (damaged) (recovered).bia`;
    dialog.save.mockResolvedValueOnce(recovered);
    await fireEvent.click(within(banner).getByTestId("recover-damaged"));
    await screen.findByTestId("app-shell");
    expect(dialog.save.mock.calls[0][0]).toEqual({
      title: "Recover into a new file",
      defaultPath: "Harbourline (damaged) (recovered).bia",
      filters: [{ name: "BIA assessment", extensions: ["bia"] }],
    });
    expect(h.args.find((a) => a.cmd === "recover_assessment")?.args).toEqual({ path: DAMAGED, out: recovered });
    const notice = await screen.findByTestId("notice");
    expect(notice.textContent).toMatch(/Recovered Harbourline \(damaged\)\.bia into Harbourline \(damaged\) \(recovered\)\.bia: \d+ rows copied; 1 text kept with unreadable characters replaced/);
    expect(notice.textContent).toContain("Harbourline (damaged).bia was not changed.");
    expect(screen.queryByTestId("read-only-banner")).toBeNull();
    expect(screen.getByTestId("nav-processes").textContent).toContain("25");
  });
});

describe("a large file damaged where opening does not look", () => {
  it("opens, then the check after opening reports the damage and offers to recover", async () => {
    const large = `${DOCUMENTS}/Harbourline (large, damaged).bia`;
    endReplay(h);
    background.checkAfterMs = 0;
    h = mockReplay({
      recent: [{ path: large, name: "Harbourline — 10 years", opened_at: "2026-12-01T09:00:00Z", exists: true }],
    });
    await openRecent("Harbourline — 10 years");
    await screen.findByTestId("app-shell");
    const banner = await screen.findByTestId("error-banner");
    expect(banner.dataset.code).toBe("corrupt");
    expect(banner.textContent).toContain("The file is damaged");
    expect(banner.textContent).toContain(`${large}: the file is damaged`);
    expect(h.calls).toContain("check_assessment");
    expect(screen.getByTestId("nav-processes").textContent, "what was read stays shown").toContain("25");

    const recovered = `${DOCUMENTS}/Harbourline (large, damaged) (recovered).bia`;
    dialog.save.mockResolvedValueOnce(recovered);
    await fireEvent.click(within(banner).getByTestId("recover-damaged"));
    const notice = await screen.findByTestId("notice");
    expect(notice.textContent).toContain("Harbourline (large, damaged).bia was not changed.");
    expect(h.args.find((a) => a.cmd === "recover_assessment")?.args).toEqual({ path: large, out: recovered });
    await waitFor(() => expect(screen.queryByTestId("error-banner")).toBeNull());
    expect(document.title).toBe("Harbourline (large, damaged) (recovered).bia — BIA Workbench");
  });
});

describe("a read-only copy", () => {
  it("opens with a banner, refuses an edit with the same offer, and saves a copy to edit", async () => {
    await openRecent("Harbourline — shared");
    await registerRead();
    const banner = screen.getByTestId("read-only-banner");
    expect(banner.textContent).toContain("Read-only");
    expect(banner.textContent).toContain("cannot be written");
    expect(screen.getByTestId("nav-processes").textContent, "everything reads").toContain("25");
    expect(screen.getByTestId("save-state").textContent).toBe("Offline · read-only: nothing is saved");
    expect(screen.getByText(/Undo keeps the latest/).textContent).toContain("5,000");
    expect(screen.queryByRole("button", { name: "Change" }), "no setting to change in a read-only file").toBeNull();
    expect((screen.getByLabelText("Name") as HTMLInputElement).readOnly, "the facts are shown, not editable").toBe(true);

    // An edit is refused by the core, saying what to do.
    await fireEvent.click(screen.getByTestId("nav-processes"));
    await fireEvent.click(screen.getByTestId("add-process"));
    const form = await screen.findByTestId("process-form");
    await fireEvent.input(within(form).getByTestId("process-name"), { target: { value: "Yard management" } });
    const save = within(form).getByTestId("process-save") as HTMLButtonElement;
    await waitFor(() => expect(save.disabled).toBe(false));
    await fireEvent.click(save);
    const refusal = await screen.findByText(/save a copy to edit it/);
    expect(refusal.textContent).toContain(READ_ONLY);

    const copy = `${DOCUMENTS}/Harbourline (read-only) (copy).bia`;
    dialog.save.mockResolvedValueOnce(copy);
    await fireEvent.click(within(banner).getByTestId("save-copy"));
    await waitFor(() => expect(screen.queryByTestId("read-only-banner")).toBeNull());
    expect((dialog.save.mock.calls[0][0] as { defaultPath: string }).defaultPath).toBe("Harbourline (read-only) (copy).bia");
    expect(h.args.find((a) => a.cmd === "save_copy")?.args).toEqual({ path: copy });
    expect((await screen.findByTestId("notice")).textContent?.trim()).toBe(`Now editing the copy at ${copy}; the read-only file was not changed.`);
    expect(screen.getByTestId("nav-processes").getAttribute("aria-current"), "the screen stays").toBe("page");
    expect(screen.getByTestId("save-state").textContent).toBe("Offline · saved as you work");
  });
});
