// Running the Finance workshop: Accounts payable's 20-minute box turns amber at 16 minutes and red past 20; the
// session's time adds the items up; the keys never clash with scoring or typing.
import { describe, expect, it } from "vitest";
import type { AgendaItem } from "./bindings/AgendaItem";
import { barShare, clock, currentItem, neighbour, progress, runKey, sessionSeconds, timeState } from "./workshopRun";

const item = (id: string, status: AgendaItem["status"], spent = 0): AgendaItem => ({
  id,
  process_id: `p-${id}`,
  timebox_minutes: 20,
  status,
  spent_seconds: spent,
  notes: "",
});

describe("running a workshop", () => {
  it("turns a bar amber near the end of its time box and red past it", () => {
    expect(timeState(15 * 60, 20)).toBe("ok");
    expect(timeState(16 * 60, 20)).toBe("near");
    expect(timeState(20 * 60, 20)).toBe("near");
    expect(timeState(20 * 60 + 1, 20)).toBe("over");
    expect(barShare(30 * 60, 20)).toBe(1);
  });

  it("writes times as a clock", () => {
    expect(clock(65)).toBe("1:05");
    expect(clock(3725)).toBe("1:02:05");
    expect(clock(-190)).toBe("−3:10");
  });

  it("adds the items' time up, the current one's running time included", () => {
    const agenda = [item("a", "done", 18 * 60), item("b", "in_discussion", 60), item("c", "pending")];
    expect(sessionSeconds(agenda, "b", 5 * 60)).toBe(23 * 60);
    expect(progress(agenda)).toEqual({ done: 1, remaining: 2 });
  });

  it("resumes on the item in discussion, else the first pending", () => {
    expect(currentItem([item("a", "done"), item("b", "in_discussion"), item("c", "pending")])?.id).toBe("b");
    expect(currentItem([item("a", "done"), item("b", "parked"), item("c", "pending")])?.id).toBe("c");
    expect(neighbour([item("a", "done"), item("b", "pending")], "b", 1)).toBeNull();
    expect(neighbour([item("a", "done"), item("b", "pending")], "b", -1)?.id).toBe("a");
  });

  it("takes only Alt chords, so arrows and digits stay the grid's and letters the fields'", () => {
    const press = (key: string, altKey = true) => ({ key, altKey, ctrlKey: false, metaKey: false, shiftKey: false });
    expect(runKey(press("ArrowRight"))).toBe("next-step");
    expect(runKey(press("ArrowDown"))).toBe("next-process");
    expect(runKey(press("A"))).toBe("add-action");
    expect(runKey(press("t"))).toBe("timer");
    expect(runKey(press("ArrowRight", false))).toBeNull();
    expect(runKey(press("3"))).toBeNull();
  });
});
