// What the audience window's commands answer in its tests: the recorded demo's answers (Harbourline Logistics, as the
// real core gave them) with notes the facilitator typed, the running Finance workshop written out in financeWorkshop.ts,
// and two actions raised about Accounts payable. Any command the audience window may not call is refused, as its
// capability refuses it.
import { mockIPC } from "@tauri-apps/api/mocks";
import type { AudienceView } from "../lib/bindings/AudienceView";
import type { ProcessImpact } from "../lib/bindings/ProcessImpact";
import * as demo from "./recordedDemo";
import { FINANCE_WORKSHOP_ID, financeWorkshop, SECRET_AGENDA_NOTE } from "./financeWorkshop";

export const SECRET_PROCESS_NOTE = "Sophie is leaving in June; do not mention";
export const SECRET_CELL_NOTE = "Off the record: the bank charges £40 k a day for late runs";

export const payables = demo.processNamed("Accounts payable");

export interface AudienceBackend {
  /** Every command called, in order. */
  calls: string[];
  /** What get_process_impact answers for Accounts payable (a test may change it, as an edit would). */
  payablesImpact: ProcessImpact;
  /** What audience_view answers. */
  presented: AudienceView | null;
}

/** Mocks the IPC as the audience window sees it; with `events`, the shell's events too. */
export function mockAudienceBackend(events = false): AudienceBackend {
  const backend: AudienceBackend = { calls: [], payablesImpact: demo.processImpact(payables.id), presented: null };
  for (const s of backend.payablesImpact.scores) s.note = SECRET_CELL_NOTE;
  mockIPC(
    (cmd, args) => {
      backend.calls.push(cmd);
      const processId = (args as { processId?: string }).processId ?? "";
      switch (cmd) {
        case "audience_view":
          return backend.presented;
        case "get_methodology":
          return demo.methodology();
        case "list_processes":
          return demo.processes().map((p) => ({ ...p, notes: SECRET_PROCESS_NOTE }));
        case "list_units":
          return demo.units();
        case "list_workshops":
          return [financeWorkshop()];
        case "get_process_impact":
          return processId === payables.id ? backend.payablesImpact : demo.processImpact(processId);
        case "analyze_process":
          return demo.processAnalysis(processId);
        case "get_objectives":
          return demo.objectives(processId);
        case "list_resources":
          return demo.resources();
        case "list_dependencies":
          return demo.dependencies().map((d) => ({ ...d, note: SECRET_AGENDA_NOTE }));
        case "list_actions":
          return [
            {
              id: "a1",
              workshop_id: FINANCE_WORKSHOP_ID,
              text: "Can a manual payment run reach more than the top 50 suppliers?",
              kind: "question",
              owner: "Grace Mensah",
              due: "2026-03-19",
              process_id: payables.id,
              resource_id: null,
              status: "open",
              raised_at: "2026-03-12T10:40:00Z",
            },
            {
              id: "a2",
              workshop_id: FINANCE_WORKSHOP_ID,
              text: "Already settled elsewhere",
              kind: "action",
              owner: "Sophie Chen",
              due: "",
              process_id: payables.id,
              resource_id: null,
              status: "done",
              raised_at: "2026-03-12T10:41:00Z",
            },
          ];
      }
      throw new Error(`the audience window may not call ${cmd}`);
    },
    { shouldMockEvents: events },
  );
  return backend;
}

/** A view as the facilitator presents it: Accounts payable at step 2, Legal & Regulatory at 2 w focused. */
export function presentedView(over: Partial<AudienceView> = {}): AudienceView {
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
