// The Impact screen over answers recorded from the real core (Harbourline Logistics): scoring from the
// keyboard with the derived MTPD following live, fill right as one edit, notes, definitions, undo, and
// the lock on an approved process.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { endReplay, mockReplay, openDemoOn, type Replay } from "../testing/testHarness";

let h: Replay;

beforeEach(() => {
  h = mockReplay();
});
afterEach(() => endReplay(h));

async function openProcess(name: string, { scored = true } = {}) {
  await openDemoOn("impact");
  const picker = await screen.findByTestId("impact-process");
  await fireEvent.change(picker, { target: { value: h.backend.processId(name) } });
  await waitFor(() => expect(screen.getByRole("heading", { level: 2, name })).toBeTruthy());
  if (scored) await waitFor(() => expect(screen.getAllByTestId("impact-cell").some((c) => c.dataset.severity !== "")).toBe(true));
  else await waitFor(() => expect(screen.getByTestId("scored-cells").textContent).toBe("0 of 56 scored"));
}

const cell = (category: string, horizon: string) =>
  screen.getAllByTestId("impact-cell").find((c) => c.dataset.category === category && c.dataset.horizon === horizon)!;
const setScoreCalls = () => h.args.filter((a) => a.cmd === "set_scores");

describe("impact grid", () => {
  it("opens on the most time-critical process, which has a grid to show, and keeps the one chosen", async () => {
    await openDemoOn("impact");
    await waitFor(() => expect(screen.getByRole("heading", { level: 2, name: "Cold-chain storage monitoring" })).toBeTruthy());
    await waitFor(() => expect(screen.getAllByTestId("impact-cell").some((c) => c.dataset.severity !== "")).toBe(true));
    await fireEvent.change(screen.getByTestId("impact-process"), { target: { value: h.backend.processId("Payroll processing") } });
    await waitFor(() => expect(screen.getByRole("heading", { level: 2, name: "Payroll processing" })).toBeTruthy());
    await fireEvent.click(screen.getByTestId("nav-dashboard"));
    await fireEvent.click(screen.getByTestId("nav-impact"));
    await waitFor(() => expect(screen.getByRole("heading", { level: 2, name: "Payroll processing" })).toBeTruthy());
  });

  it("scores a cell from the keyboard and the derived MTPD follows; Delete clears; undo brings it back", async () => {
    await openProcess("Returns processing");
    const mtpd = screen.getByTestId("derived-mtpd");
    expect(mtpd.textContent).toContain("Beyond 1 mo — no category reaches its threshold");
    expect(screen.getByTestId("scored-cells").textContent).toBe("56 of 56 scored");

    const grid = screen.getByTestId("impact-grid");
    await fireEvent.click(cell("Financial", "8 h"));
    expect(document.activeElement).toBe(grid);
    expect(cell("Financial", "8 h").getAttribute("aria-selected")).toBe("true");
    await fireEvent.keyDown(grid, { key: "4" });

    expect(cell("Financial", "8 h").dataset.severity).toBe("4");
    await waitFor(() => expect(mtpd.textContent).toContain("MTPD 8 h — Financial reaches 4 – Major at 8 h"));
    expect(screen.getByTestId("mtpd-column").closest("th")!.textContent).toContain("8 h");
    expect(setScoreCalls()).toHaveLength(1);
    expect(cell("Financial", "8 h").getAttribute("aria-selected")).toBe("true");

    // The definition of the focused level is always in view.
    expect(screen.getByTestId("level-definition").textContent).toContain("Financial · 4 Major — Loss or extra cost of 1 M to 10 M");
    // with the currency its amounts are in, the facilitator's words unchanged.
    expect(within(screen.getByTestId("level-definition")).getByTestId("currency-note").textContent).toBe(" · amounts in GBP (£)");
    await fireEvent.keyDown(grid, { key: "ArrowDown" });
    expect(within(screen.getByTestId("level-definition")).queryByTestId("currency-note"), "none where there are no amounts").toBeNull();
    await fireEvent.keyDown(grid, { key: "ArrowUp" });

    await fireEvent.keyDown(grid, { key: "Delete" });
    expect(cell("Financial", "8 h").dataset.severity).toBe("");
    await waitFor(() => expect(mtpd.textContent).toContain("Beyond 1 mo"));
    await waitFor(() => expect(screen.getByTestId("scored-cells").textContent).toBe("55 of 56 scored"));
    await waitFor(() => expect(screen.getByTestId("undo").getAttribute("title")).toBe("Undo Clear a score of “Returns processing”"));

    await fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    await waitFor(() => expect(cell("Financial", "8 h").dataset.severity).toBe("4"));
    await waitFor(() => expect(mtpd.textContent).toContain("MTPD 8 h"));
  });

  it("moves with the arrows and fills right as one edit", async () => {
    await openProcess("Returns processing");
    const grid = screen.getByTestId("impact-grid");
    await fireEvent.click(cell("Financial", "8 h"));
    await fireEvent.keyDown(grid, { key: "ArrowDown" });
    await fireEvent.keyDown(grid, { key: "ArrowRight" });
    expect(cell("Operational", "1 d").getAttribute("aria-selected")).toBe("true");

    await fireEvent.keyDown(grid, { key: "3" });
    await fireEvent.keyDown(grid, { key: "f" });
    const row = () => screen.getAllByTestId("impact-cell").filter((c) => c.dataset.category === "Operational");
    expect(row().map((c) => c.dataset.severity).slice(3)).toEqual(["3", "3", "3", "3", "3"]);

    await waitFor(() => expect(screen.getByTestId("undo").getAttribute("title")).toBe("Undo Score 4 cells of “Returns processing”"));
    const fill = setScoreCalls().at(-1)!.args.inputs as Array<{ severity: number }>;
    expect(fill).toHaveLength(4);
    expect(fill.every((i) => i.severity === 3)).toBe(true);
    // The grid shows what the core stored.
    await waitFor(() => expect(row().map((c) => c.dataset.severity).slice(3)).toEqual(["3", "3", "3", "3", "3"]));
  });

  it("shows the whole ladder for an unscored cell, and saves a note from Enter", async () => {
    await openProcess("Complaints handling", { scored: false });
    const grid = screen.getByTestId("impact-grid");
    await fireEvent.click(cell("Customer", "1 w"));
    expect(cell("Customer", "1 w").dataset.severity).toBe("");
    const definition = screen.getByTestId("level-definition");
    expect(definition.textContent).toContain("Unscored");
    expect(within(definition).getByTestId("ladder-threshold").closest("li")!.textContent).toContain("Major");

    await fireEvent.keyDown(grid, { key: "Enter" });
    const note = screen.getByTestId("cell-note") as HTMLInputElement;
    expect(document.activeElement).toBe(note);
    await fireEvent.input(note, { target: { value: "Two retail accounts threaten penalties" } });
    await fireEvent.keyDown(note, { key: "Enter" });
    expect(document.activeElement).toBe(grid);
    expect(setScoreCalls().at(-1)!.args.inputs).toMatchObject([{ severity: null, note: "Two retail accounts threaten penalties" }]);
    await waitFor(() => expect(cell("Customer", "1 w").getAttribute("title")).toContain("Note: Two retail accounts threaten penalties"));
    expect(cell("Customer", "1 w").dataset.severity).toBe("");
  });

  it("flags a row whose impact falls over time", async () => {
    await openProcess("Seasonal recruitment and onboarding");
    await waitFor(() => expect(screen.getAllByTestId("decreasing-flag")).toHaveLength(1));
    expect(screen.getByTestId("decreasing-flag").textContent).toContain("Operational falls from 2 at 2 w to 1 at 1 mo");
    expect(screen.getByTestId("impact-grid").querySelector('tr[data-category="Operational"]')!.getAttribute("data-decreasing")).toBe("true");
  });

  it("locks an approved process until it is reopened", async () => {
    await openProcess("Payroll processing");
    expect(screen.getByTestId("process-tier").textContent).toBe("Tier 2");
    const grid = screen.getByTestId("impact-grid");
    await fireEvent.click(cell("Financial", "1 h"));
    expect(cell("Financial", "1 h").dataset.severity).toBe("0");
    await fireEvent.keyDown(grid, { key: "1" });
    expect(cell("Financial", "1 h").dataset.severity).toBe("0");
    expect(setScoreCalls()).toHaveLength(0);
    expect((screen.getByTestId("impact-rationale") as HTMLTextAreaElement).readOnly).toBe(true);

    const banner = screen.getByTestId("lock-banner");
    await fireEvent.input(within(banner).getByTestId("reopen-note"), { target: { value: "Pay date moved" } });
    await fireEvent.click(within(banner).getByTestId("reopen"));
    await waitFor(() => expect(screen.queryByTestId("lock-banner")).toBeNull());
    expect(h.args.find((a) => a.cmd === "set_status")?.args).toMatchObject({ status: "in_review", note: "Pay date moved" });
    await waitFor(() => expect(screen.getByTestId("undo").getAttribute("title")).toBe("Undo Reopen “Payroll processing”"));

    await fireEvent.keyDown(grid, { key: "1" });
    expect(cell("Financial", "1 h").dataset.severity).toBe("1");
    await waitFor(() => expect(setScoreCalls()).toHaveLength(1));
  });
});
