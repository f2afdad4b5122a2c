// A running workshop on the recorded demo (Harbourline Logistics) for the audience window's tests: the Finance
// workshop of the demo's day, invoicing done, Accounts payable in discussion, treasury to come, month-end
// parked; with facilitator-only text (agenda notes, the workshop's notes, contacts) that must never reach the
// projector. The demo recording has no workshops (recordings/demo.json is written before any is listed), so
// this one is written out here; its processes are the recorded demo's own.
import type { AgendaStatus } from "../lib/bindings/AgendaStatus";
import type { Workshop } from "../lib/bindings/Workshop";
import { processNamed } from "./recordedDemo";

// What only the facilitator may see.
export const SECRET_AGENDA_NOTE = "Ask Grace privately about the duplicate-payment incident";
export const SECRET_WORKSHOP_NOTE = "CFO leaves at 11:00; do treasury first if he is late";
export const SECRET_CONTACT = "grace.mensah@harbourline.example";

export const FINANCE_WORKSHOP_ID = "workshop-finance";

export function financeWorkshop(): Workshop {
  const item = (process: string, timebox_minutes: number, status: AgendaStatus, notes = "") => ({
    id: `agenda-${processNamed(process).id}`,
    process_id: processNamed(process).id,
    timebox_minutes,
    status,
    spent_seconds: status === "done" ? 18 * 60 : 0,
    notes,
  });
  return {
    id: FINANCE_WORKSHOP_ID,
    title: "Finance processes — BIA workshop",
    date: "2026-03-12",
    start_time: "09:30",
    place: "Board room, Felixstowe",
    facilitator: "Eleanor Marsh",
    scribe: "Tom Reilly",
    status: "running",
    notes: SECRET_WORKSHOP_NOTE,
    started_at: "2026-03-12T09:32:00Z",
    finished_at: "",
    participants: [
      { id: "p1", name: "Sophie Chen", role: "Financial Controller", unit: "Finance", contact: "sophie.chen@harbourline.example", present: true },
      { id: "p2", name: "Grace Mensah", role: "Accounts Payable Lead", unit: "Finance", contact: SECRET_CONTACT, present: true },
    ],
    agenda: [
      item("Customer invoicing", 20, "done"),
      item("Accounts payable", 20, "in_discussion", SECRET_AGENDA_NOTE),
      item("Treasury and cash management", 25, "pending"),
      item("Month-end close and reporting", 20, "parked", "Parked: the CFO must agree the MTPD"),
    ],
    signoffs: [
      { id: "s1", process_id: processNamed("Customer invoicing").id, by: ["Sophie Chen", "Grace Mensah"], at: "2026-03-12T09:55:00Z" },
    ],
  };
}
