// The workshop planner's logic: the draft of a workshop (its fields, participants and agenda) and what the planner
// does to it — add processes by unit, by owner or one by one (each once), move an item, the projected end time —
// kept apart from the form so that it can be tested.

import type { Action } from "./bindings/Action";
import type { ActionInput } from "./bindings/ActionInput";
import type { AgendaInput } from "./bindings/AgendaInput";
import type { Id } from "./bindings/Id";
import type { KnownPerson } from "./bindings/KnownPerson";
import type { ParticipantInput } from "./bindings/ParticipantInput";
import type { Process } from "./bindings/Process";
import type { Unit } from "./bindings/Unit";
import type { Workshop } from "./bindings/Workshop";
import type { WorkshopInput } from "./bindings/WorkshopInput";

export const DEFAULT_TIMEBOX = 20;

export interface WorkshopDraft {
  input: WorkshopInput;
  participants: ParticipantInput[];
  agenda: AgendaInput[];
}

/** A new workshop's draft: today's date (or `date`), 09:30, the assessment's facilitator. */
export function newDraft(date: string, facilitator: string): WorkshopDraft {
  return {
    input: { title: "", date, start_time: "09:30", place: "", facilitator, scribe: "", notes: "" },
    participants: [],
    agenda: [],
  };
}

/** The draft of a stored workshop, to edit it. */
export function draftOf(w: Workshop): WorkshopDraft {
  return {
    input: {
      title: w.title,
      date: w.date,
      start_time: w.start_time,
      place: w.place,
      facilitator: w.facilitator,
      scribe: w.scribe,
      notes: w.notes,
    },
    participants: w.participants.map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      unit: p.unit,
      contact: p.contact,
      present: p.present,
    })),
    agenda: w.agenda.map((a) => ({ process_id: a.process_id, timebox_minutes: a.timebox_minutes })),
  };
}

/** "YYYY-MM-DD" of a day, in the machine's time zone. */
export function isoDay(day: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** The agenda with `processes` added at its end, those already on it left where they are. */
export function addToAgenda(agenda: AgendaInput[], processes: Id[], timebox = DEFAULT_TIMEBOX): AgendaInput[] {
  const on = new Set(agenda.map((a) => a.process_id));
  const added = processes.filter((id) => !on.has(id) && (on.add(id), true));
  return [...agenda, ...added.map((process_id) => ({ process_id, timebox_minutes: timebox }))];
}

/** The processes of a unit and of its sub-units, in register order. */
export function processesOfUnit(unitId: Id, units: Unit[], processes: Process[]): Id[] {
  const inside = new Set<Id>([unitId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units)
      if (u.parent_id !== null && inside.has(u.parent_id) && !inside.has(u.id)) {
        inside.add(u.id);
        grew = true;
      }
  }
  return processes.filter((p) => p.unit_id !== null && inside.has(p.unit_id)).map((p) => p.id);
}

/** The processes an owner owns (names compared case and spacing aside). */
export function processesOfOwner(owner: string, processes: Process[]): Id[] {
  const key = nameKey(owner);
  return processes.filter((p) => key !== "" && nameKey(p.owner) === key).map((p) => p.id);
}

/** The owners of the register, each once, by name. */
export function owners(processes: Process[]): string[] {
  const seen = new Map<string, string>();
  for (const p of processes) if (p.owner.trim() && !seen.has(nameKey(p.owner))) seen.set(nameKey(p.owner), p.owner.trim());
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/** The list with the item at `from` moved to `to` (both clamped). */
export function moveItem<T>(list: T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length) return list;
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (target === from) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item);
  return next;
}

/** "11:10": when the agenda ends if it starts at `start` ("09:30") and keeps its time boxes; "" without a start. */
export function projectedEnd(start: string, agenda: AgendaInput[]): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(start.trim());
  if (!m) return "";
  const total = Number(m[1]) * 60 + Number(m[2]) + agenda.reduce((sum, a) => sum + a.timebox_minutes, 0);
  const day = Math.floor(total / (24 * 60));
  const clock = total % (24 * 60);
  const text = `${String(Math.floor(clock / 60)).padStart(2, "0")}:${String(clock % 60).padStart(2, "0")}`;
  return day > 0 ? `${text} (+${day} d)` : text;
}

/** "1 h 40 min", "45 min". */
export function formatMinutesSpan(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A participant from someone known to the assessment. */
export function participantOf(person: KnownPerson): ParticipantInput {
  return { name: person.name, role: person.role, unit: person.unit, contact: person.contact, present: false };
}

/** The participants with `person` added, unless someone of that name is already there. */
export function addParticipant(participants: ParticipantInput[], person: ParticipantInput): ParticipantInput[] {
  if (!person.name.trim() || participants.some((p) => nameKey(p.name) === nameKey(person.name))) return participants;
  return [...participants, person];
}

/** Names compared as the core compares them: case and spacing aside. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLocaleLowerCase();
}

/** The minutes' file name the save dialog suggests: "2026-03-12 Finance BIA workshop — minutes.pdf", safe on any system. */
export function minutesFileName(title: string, date: string, kind: "pdf" | "xlsx"): string {
  const safe = title
    .normalize("NFC")
    .replace(/[/\\|]+/g, "-")
    .replace(/[\p{Cc}<>:"*?]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100);
  return `${date} ${safe || "Workshop"} — minutes.${kind}`;
}

/** The action as an input with its status turned over (open ⇄ done): what its tick box saves. */
export function toggled(a: Action): ActionInput {
  return {
    workshop_id: a.workshop_id ?? undefined,
    text: a.text,
    kind: a.kind,
    owner: a.owner,
    due: a.due,
    process_id: a.process_id ?? undefined,
    resource_id: a.resource_id ?? undefined,
    status: a.status === "open" ? "done" : "open",
  };
}
