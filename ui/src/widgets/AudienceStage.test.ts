// The audience stage over the recorded demo's answers (Harbourline Logistics, as the real core gave them) and a
// running Finance workshop: it waits calmly before any view, draws each step of Accounts payable for the room,
// reads again when the facilitator's revision moves on, counts the item's time down live, and never shows
// anything meant for the facilitator alone.
import { render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  type AudienceBackend,
  mockAudienceBackend,
  payables,
  presentedView,
  SECRET_CELL_NOTE,
  SECRET_PROCESS_NOTE,
} from "../testing/audienceBackend";
import { SECRET_AGENDA_NOTE, SECRET_CONTACT, SECRET_WORKSHOP_NOTE } from "../testing/financeWorkshop";
import * as demo from "../testing/recordedDemo";
import AudienceStage from "./AudienceStage.svelte";

let backend: AudienceBackend;

beforeEach(() => {
  backend = mockAudienceBackend();
});
afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

const view = presentedView;

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
    expect(backend.calls).toEqual([]);
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
    const reads = () => backend.calls.filter((c) => c === "get_process_impact").length;
    expect(reads()).toBe(1);

    const cell = backend.payablesImpact.scores.find(
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
    // The open questions the room raised about the process, owner by name; a done one is not shown.
    const raised = await screen.findByTestId("audience-actions");
    expect(raised.textContent).toContain("Can a manual payment run reach more than the top 50 suppliers? — Grace Mensah");
    expect(raised.textContent).not.toContain("Already settled elsewhere");
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
