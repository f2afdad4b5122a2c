// The Import preview of a large register over answers recorded from the real core (scenario import-large: "Group BIA
// register 2025.csv", 1,200 processes, 60 RTOs that are no duration): the webview gets the plan's summary and the
// first page of each list, draws only the rows in view, fetches the pages a scroll reaches (saying "Loading…" for a
// row on its way, never a count of 0), searches through the core, and lists more issues when asked.
import { fireEvent, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { endReplay, mockReplay, openDemoOn, type Replay } from "../testing/testHarness";

const dialog = vi.hoisted(() => ({ save: vi.fn(), open: vi.fn() }));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);

const REGISTER = "/home/facilitator/Documents/Group BIA register 2025.csv";
/** The list's row height (ImportProcesses.svelte). */
const ROW = 34;

let h: Replay;

beforeEach(() => {
  h = mockReplay();
  dialog.open.mockReset();
});
afterEach(() => endReplay(h));

const pagesAsked = () =>
  h.args.filter((a) => a.cmd === "import_page").map(({ args }) => [args.list, args.offset, args.limit, args.filter]);
const shownNames = () => screen.queryAllByTestId("import-process").map((r) => r.getAttribute("data-name"));

async function previewRegister() {
  await openDemoOn("import");
  dialog.open.mockResolvedValueOnce(REGISTER);
  await fireEvent.click(screen.getByTestId("import-choose"));
  await screen.findByTestId("import-counts");
}

describe("the preview of a large register", () => {
  it("shows the summary and draws only the processes in view", async () => {
    await previewRegister();
    expect(screen.getByTestId("import-count-processes_new").textContent).toBe("1200");
    expect(screen.getByTestId("import-count-scores").textContent).toBe("4800");
    expect(screen.getByTestId("import-processes-total").textContent).toBe("1,200");
    const names = shownNames();
    expect(names.slice(0, 4)).toEqual(["Payroll run", "Customer onboarding", "Supplier payments", "Branch cash handling"]);
    expect(names.length, "a box of 420 px shows about 12 rows, and a few more either side").toBeLessThan(40);
    expect(screen.getByTestId("import-process-list").getAttribute("aria-rowcount")).toBe("1200");
    expect(pagesAsked(), "the rows in view came with the summary").toEqual([]);
    expect(screen.getByTestId("import-apply").hasAttribute("disabled")).toBe(false);
  });

  it("fetches the pages a scroll reaches, saying Loading… for rows on their way", async () => {
    await previewRegister();
    const release = h.hold("import_page");
    const list = screen.getByTestId("import-process-list");
    list.scrollTop = 600 * ROW;
    await fireEvent.scroll(list);
    await waitFor(() => expect(screen.getAllByTestId("import-process-pending").length).toBeGreaterThan(10));
    expect(screen.getAllByTestId("import-process-pending")[0].textContent).toContain("Loading…");
    expect(screen.getByTestId("import-processes-total").textContent, "the count stays while a page loads").toBe("1,200");
    expect(pagesAsked()).toEqual([
      ["processes", 500, 100, null],
      ["processes", 600, 100, null],
    ]);
    release();
    await waitFor(() => expect(shownNames()).toContain("Order handling 00600"));
    expect(screen.queryAllByTestId("import-process-pending")).toEqual([]);
    expect(shownNames()).not.toContain("Payroll run");
    expect(shownNames().length).toBeLessThan(40);

    list.scrollTop = 610 * ROW;
    await fireEvent.scroll(list);
    await waitFor(() => expect(shownNames()).toContain("Order handling 00620"));
    expect(pagesAsked().length, "pages already read are not asked again").toBe(2);
  });

  it("searches the register through the core, and says it is looking meanwhile", async () => {
    await previewRegister();
    const release = h.hold("import_page");
    await fireEvent.input(screen.getByTestId("import-processes-search"), { target: { value: "customer" } });
    await waitFor(() => expect(screen.getByTestId("import-processes-total").textContent).toBe("…"), { timeout: 2_000 });
    expect(screen.getByTestId("import-processes-state").textContent).toContain("Finding processes…");
    expect(pagesAsked()).toEqual([["processes", 0, 100, "customer"]]);
    release();
    await waitFor(() => expect(shownNames()).toEqual(["Customer onboarding"]));
    expect(screen.getByTestId("import-processes-total").textContent).toBe("1");
  });

  it("counts every issue in its heading and lists more when asked", async () => {
    await previewRegister();
    const heading = screen.getAllByTestId("import-issue-group")[0];
    expect(heading.textContent, "the heading counts all the errors").toBe("60 errors");
    expect(screen.getAllByTestId("import-issue")).toHaveLength(50);
    const more = screen.getByTestId("import-issues-more");
    expect(more.textContent).toContain("Show 12 more of 12 not listed yet");
    await fireEvent.click(more);
    await waitFor(() => expect(screen.getAllByTestId("import-issue")).toHaveLength(62));
    expect(pagesAsked()).toEqual([["issues", 0, 100, null]]);
    expect(screen.queryByTestId("import-issues-more")).toBeNull();
    const groups = screen.getAllByTestId("import-issue-group").map((g) => g.textContent);
    expect(groups).toEqual(["60 errors", "2 warnings"]);
  });
});
