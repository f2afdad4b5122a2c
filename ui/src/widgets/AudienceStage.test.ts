// The audience stage over the recorded demo's answers (Harbourline Logistics, as the real core gave them) and a
// running Finance workshop: it waits calmly before any view, draws each step of Accounts payable for the room,
// reads again when the facilitator's revision moves on, counts the item's time down live, and never shows
// anything meant for the facilitator alone.
import { render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AudienceView } from "../lib/bindings/AudienceView";
import type { ProcessImpact } from "../lib/bindings/ProcessImpact";
import * as demo from "../testing/recordedDemo";
import { FINANCE_WORKSHOP_ID, financeWorkshop, SECRET_AGENDA_NOTE, SECRET_CONTACT, SECRET_WORKSHOP_NOTE } from "../testing/financeWorkshop";
import AudienceStage from "./AudienceStage.svelte";

const SECRET_PROCESS_NOTE = "Sophie is leaving in June; do not mention";
const SECRET_CELL_NOTE = "Off the record: the bank charges £40 k a day for late runs";

const payables = demo.processNamed("Accounts payable");
let calls: string[] = [];
/** What get_process_impact answers for Accounts payable (a test may change it, as an edit would). */
let payablesImpact: ProcessImpact;

beforeEach(() => {
  calls = [];
  payablesImpact = demo.processImpact(payables.id);
  for (const s of payablesImpact.scores) s.note = SECRET_CELL_NOTE;
  // The recorded answers, with notes the facilitator typed; the workshop as written out in testing/.
  mockIPC((cmd, args) => {
    calls.push(cmd);
    const processId = (args as { processId?: string }).processId ?? "";
    switch (cmd) {
      case "get_methodology":
        return demo.methodology();
      case "list_processes":
        return demo.processes().map((p) => ({ ...p, notes: SECRET_PROCESS_NOTE }));
      case "list_units":
        return demo.units();
      case "list_workshops":
        return [financeWorkshop()];
      case "get_process_impact":
        return processId === payables.id ? payablesImpact : demo.processImpact(processId);
      case "analyze_process":
        return demo.processAnalysis(processId);
      case "get_objectives":
        return demo.objectives(processId);
      case "list_resources":
        return demo.resources();
      case "list_dependencies":
        return demo.dependencies().map((d) => ({ ...d, note: SECRET_AGENDA_NOTE }));
    }
    throw new Error(`the audience window may not call ${cmd}`);
  });
});
afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

function view(over: Partial<AudienceView> = {}): AudienceView {
  return {
    workshop_id: FINANCE_WORKSHOP_ID,
    process_id: payables.id,
    step: 2,
    category_id: demo.categoryNamed("Legal & Regulatory").id,
    horizon_id: demo.horizonLabelled("2 w").id,
    revision: 1,
    item_seconds: 15 * 60,
    session_seconds: 41 * 60,
    timer_running: false,
    sent_at_ms: Date.now(),
    ...over,
  };
}

const pageText = () => document.body.textContent ?? "";

function expectNoSecrets() {
  for (const secret of [SECRET_PROCESS_NOTE, SECRET_CELL_NOTE, SECRET_AGENDA_NOTE, SECRET_WORKSHOP_NOTE, SECRET_CONTACT]) {
    expect(pageText(), "facilitator-only text on the projector").not.toContain(secret);
    expect(document.body.innerHTML).not.toContain(secret);
  }
}

describe("the audience stage", () => {
  it("waits calmly, with the product's name, before the facilitator presents anything", () => {
    render(AudienceStage, { view: null });
    expect(screen.getByTestId("audience-waiting").textContent).toContain("Waiting for the facilitator…");
    expect(pageText()).toContain("BIA Workbench");
    expect(calls).toEqual([]);
  });

  it("shows step 2 of Accounts payable: the grid with the focused cell outlined and its level's definition", async () => {
    render(AudienceStage, { view: view() });
    expect((await screen.findByTestId("audience-process")).textContent).toBe("Accounts payable");
    expect(screen.getByTestId("audience-step").textContent).toContain("Impact over time");
    expect(pageText()).toContain("Finance");
    expect(pageText()).toContain("Owner: Sophie Chen");
    const focused = await screen.findByTestId("audience-focused-cell");
    expect(focused.textContent?.trim()).toBe("4");
    const definition = screen.getByTestId("audience-definition").textContent ?? "";
    expect(definition).toContain("Legal & Regulatory at 2 w");
    expect(definition).toContain("Major");
    expect(definition).toContain("Fines, enforcement action or litigation");
    expect(screen.getByTestId("audience-progress").textContent).toContain("Item 2 of 4 · 1 done · 3 to go · 1 parked");
    expectNoSecrets();
  });

  it("reads the grid again when the facilitator's revision moves on, and not before", async () => {
    const { rerender } = render(AudienceStage, { view: view() });
    await screen.findByTestId("audience-focused-cell");
    const reads = () => calls.filter((c) => c === "get_process_impact").length;
    expect(reads()).toBe(1);

    const cell = payablesImpact.scores.find(
      (s) => s.category_id === demo.categoryNamed("Legal & Regulatory").id && s.horizon_id === demo.horizonLabelled("2 w").id,
    )!;
    cell.severity = 5;
    await rerender({ view: view({ item_seconds: 16 * 60 }) });
    expect(reads()).toBe(1);
    await rerender({ view: view({ revision: 2 }) });
    await waitFor(() => expect(screen.getByTestId("audience-focused-cell").textContent?.trim()).toBe("5"));
    expect(reads()).toBe(2);
    expect(screen.getByTestId("audience-definition").textContent).toContain("Catastrophic");
  });

  it("shows the process's facts, the MTPD and why, the objectives and tier, the dependencies and the values to confirm", async () => {
    const { rerender } = render(AudienceStage, { view: view({ step: 1, category_id: null, horizon_id: null }) });
    const facts = await screen.findByTestId("audience-facts");
    for (const text of ["Description", payables.description, "Month end", "3 people", payables.workaround]) expect(facts.textContent).toContain(text);
    expectNoSecrets();

    await rerender({ view: view({ step: 3, category_id: null, horizon_id: null }) });
    const mtpd = await screen.findByTestId("audience-mtpd");
    expect(mtpd.textContent).toContain("2 w");
    expect(mtpd.textContent).toContain("Legal & Regulatory reaches 4 – Major at 2 w");

    await rerender({ view: view({ step: 4 }) });
    const objectives = await screen.findByTestId("audience-objectives");
    for (const text of ["RTO", "1 w", "RPO", "1 d", "MBCO", "50 %", "Tier 4"]) expect(objectives.textContent).toContain(text);

    await rerender({ view: view({ step: 5 }) });
    const deps = await screen.findByTestId("audience-dependencies");
    expect(deps.textContent).toContain("Banking portal");
    expect(deps.textContent).toContain("Finance ERP");

    await rerender({ view: view({ step: 6 }) });
    const recap = await screen.findByTestId("audience-recap");
    expect(recap.textContent).toContain("Agreed values");
    expect(recap.textContent).toContain("Please confirm these values");
    expectNoSecrets();
  });

  it("counts the item's time down live while the timer runs, turning amber in the last 20 % of the box", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    vi.setSystemTime(Date.parse("2026-03-12T10:13:00Z"));
    render(AudienceStage, { view: view({ item_seconds: 15 * 60 + 50, timer_running: true, sent_at_ms: Date.now() }) });
    const clock = await screen.findByTestId("audience-item-clock");
    expect(clock.textContent).toContain("4:10 left");
    expect(clock.dataset.tone).toBe("calm");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(screen.getByTestId("audience-item-clock").textContent).toContain("4:00 left");
    expect(screen.getByTestId("audience-item-clock").dataset.tone).toBe("amber");
  });
});
