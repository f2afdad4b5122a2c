// The planner's logic on the demo's warehouse workshop: processes added by unit, by owner and one by one (each once),
// items moved, the end time projected from the time boxes.
import { describe, expect, it } from "vitest";
import type { Process } from "./bindings/Process";
import type { Unit } from "./bindings/Unit";
import {
  addParticipant,
  addToAgenda,
  formatMinutesSpan,
  minutesFileName,
  toggled,
  moveItem,
  newDraft,
  owners,
  processesOfOwner,
  processesOfUnit,
  projectedEnd,
} from "./workshopPlan";

const unit = (id: string, name: string, parent_id: string | null = null): Unit => ({ id, name, parent_id });
const process = (id: string, name: string, unit_id: string | null, owner: string) =>
  ({ id, name, unit_id, owner }) as unknown as Process;

const units = [unit("ops", "Operations"), unit("wh", "Warehouse Operations", "ops"), unit("fin", "Finance")];
const processes = [
  process("p1", "Inbound goods receiving", "wh", "Maria Okafor"),
  process("p2", "Pick, pack and dispatch", "wh", "Maria Okafor"),
  process("p3", "Cold-chain storage monitoring", "wh", "Dev Ramanathan"),
  process("p4", "Accounts payable", "fin", "Sophie Chen"),
  process("p5", "Route planning", "ops", "maria  okafor"),
];

describe("the workshop planner", () => {
  it("adds a unit's processes with its sub-units', each once", () => {
    const ops = processesOfUnit("ops", units, processes);
    expect(ops).toEqual(["p1", "p2", "p3", "p5"]);
    const agenda = addToAgenda(addToAgenda([], ["p2"]), ops);
    expect(agenda.map((a) => a.process_id)).toEqual(["p2", "p1", "p3", "p5"]);
    expect(agenda.every((a) => a.timebox_minutes === 20)).toBe(true);
  });

  it("adds an owner's processes however the name is spaced or cased", () => {
    expect(processesOfOwner("Maria Okafor", processes)).toEqual(["p1", "p2", "p5"]);
    expect(owners(processes)).toEqual(["Dev Ramanathan", "Maria Okafor", "Sophie Chen"]);
  });

  it("moves an item within the agenda and clamps a move past either end", () => {
    const list = ["a", "b", "c", "d"];
    expect(moveItem(list, 3, 0)).toEqual(["d", "a", "b", "c"]);
    expect(moveItem(list, 0, 1)).toEqual(["b", "a", "c", "d"]);
    expect(moveItem(list, 1, 99)).toEqual(["a", "c", "d", "b"]);
    expect(moveItem(list, 0, -1)).toBe(list);
  });

  it("projects the end from the start and the time boxes", () => {
    const agenda = addToAgenda([], ["p1", "p2", "p3"], 25);
    expect(projectedEnd("09:30", agenda)).toBe("10:45");
    expect(projectedEnd("23:30", agenda)).toBe("00:45 (+1 d)");
    expect(projectedEnd("", agenda)).toBe("");
    expect(formatMinutesSpan(100)).toBe("1 h 40 min");
    expect(formatMinutesSpan(45)).toBe("45 min");
  });

  it("lists a participant once", () => {
    const one = addParticipant([], { name: "Maria Okafor", role: "", unit: "", contact: "", present: false });
    expect(addParticipant(one, { name: "maria okafor", role: "x", unit: "", contact: "", present: false })).toBe(one);
    expect(newDraft("2026-12-10", "Eleanor Marsh").input.facilitator).toBe("Eleanor Marsh");
  });
});

describe("the minutes' file name", () => {
  it("is the date and the title, made safe for any file system", () => {
    expect(minutesFileName("Finance BIA workshop", "2026-03-12", "pdf")).toBe("2026-03-12 Finance BIA workshop — minutes.pdf");
    expect(minutesFileName("Ops/IT: Q3?", "2026-12-10", "xlsx")).toBe("2026-12-10 Ops-IT Q3 — minutes.xlsx");
  });
});

describe("an action's tick box", () => {
  it("turns its status over and keeps everything else", () => {
    const open = {
      id: "a1",
      workshop_id: "w1",
      text: "Ask the bank for its recovery time",
      kind: "action",
      owner: "James Whitfield",
      due: "2026-03-26",
      process_id: "p1",
      resource_id: null,
      status: "open",
      raised_at: "2026-03-12T10:40:00Z",
    } as const;
    expect(toggled(open)).toEqual({
      workshop_id: "w1",
      text: "Ask the bank for its recovery time",
      kind: "action",
      owner: "James Whitfield",
      due: "2026-03-26",
      process_id: "p1",
      resource_id: undefined,
      status: "done",
    });
    expect(toggled({ ...open, status: "done" }).status).toBe("open");
  });
});
