// The words a questionnaire workbook uses for severities, on the Import screen, over answers recorded from the real
// core: tests/fixtures/questionnaire-bia-2025.xlsx as "Questionnaires 2025.xlsx" (one process per sheet, two on one
// sheet, impacts rated Low / Medium / High / Critical). Each word with its count and the level the core's rule gives
// it, the rule said, a level chosen for a word planned again (and carried into the import), and nothing shown for a
// workbook of numbers.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { endReplay, mockReplay, openDemoOn, type Replay } from "../testing/testHarness";

const dialog = vi.hoisted(() => ({ save: vi.fn(), open: vi.fn() }));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);

const QUESTIONNAIRES = "/home/facilitator/Documents/Questionnaires 2025.xlsx";
const FINANCE = "/home/facilitator/Documents/Finance BIA 2024.csv";

let h: Replay;

beforeEach(() => {
  h = mockReplay();
  dialog.open.mockReset();
});
afterEach(() => endReplay(h));

const callsOf = (cmd: string) => h.args.filter((a) => a.cmd === cmd).map((a) => a.args);
const rowOf = (word: string) => screen.getAllByTestId("import-level-word").find((r) => r.getAttribute("data-word") === word) as HTMLElement;
const levelOf = (word: string) => within(rowOf(word)).getByTestId("import-level-select") as HTMLSelectElement;

async function preview(path: string) {
  await openDemoOn("import");
  dialog.open.mockResolvedValueOnce(path);
  await fireEvent.click(screen.getByTestId("import-choose"));
  await screen.findByTestId("import-counts");
}

describe("severity words of an import", () => {
  it("lists each word with its cells and the level the rule gives it, and says the rule", async () => {
    await preview(QUESTIONNAIRES);
    const words = screen.getAllByTestId("import-level-word").map((r) => r.getAttribute("data-word"));
    expect(words, "in the order the workbook first uses them").toEqual(["Low", "Medium", "High", "Critical"]);
    expect(["Low", "Medium", "High", "Critical"].map((w) => levelOf(w).value), "four words spread over 1–5").toEqual(["1", "2", "4", "5"]);
    expect(within(rowOf("Low")).getByTestId("import-level-count").textContent).toBe("6 cells");
    expect(rowOf("High").textContent).toContain("by the default rule");
    expect(rowOf("High").textContent).toContain("first at 'Payroll run'!D18");
    const options = Array.from(levelOf("High").options).map((o) => o.textContent);
    expect(options, "the assessment's own scale").toEqual(["0 None", "1 Minimal", "2 Minor", "3 Moderate", "4 Major", "5 Catastrophic"]);
    expect(screen.getByTestId("import-level-rule").textContent).toContain("1, 2, 4 and 5");
  });

  it("plans again with the level chosen for a word, and imports with it", { timeout: 30_000 }, async () => {
    await preview(QUESTIONNAIRES);
    await fireEvent.change(levelOf("High"), { target: { value: "3" } });
    await waitFor(() => expect(rowOf("High").textContent).toContain("your choice"));
    expect(levelOf("High").value).toBe("3");
    expect(levelOf("Critical").value, "choosing one word moves no other").toBe("5");
    expect(callsOf("plan_import")).toEqual([
      { path: QUESTIONNAIRES, choices: [] },
      { path: QUESTIONNAIRES, choices: [], levels: [{ word: "High", level: 3 }] },
    ]);
    await fireEvent.click(screen.getByTestId("import-apply"));
    await screen.findByTestId("import-summary");
    expect(callsOf("apply_import")).toEqual([{ path: QUESTIONNAIRES, choices: [], levels: [{ word: "High", level: 3 }] }]);
  });

  it("shows nothing for a workbook whose impacts are not words", async () => {
    await preview(FINANCE);
    expect(screen.queryByTestId("import-level-words")).toBeNull();
  });
});
