// The process register with thousands of rows: only the rows in view are drawn, spacers stand for the rest, and
// scrolling, the keyboard and sorting keep working over the whole register.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { Process } from "../lib/bindings/Process";
import type { ProcessRow } from "../lib/processQuery";
import { DEFAULT_VIEW_HEIGHT, OVERSCAN, ROW_HEIGHT, VIRTUAL_FROM } from "../lib/rowWindow";
import ProcessTable from "./ProcessTable.svelte";

const UNITS = ["Finance", "Operations", "People", "Customer service", "IT"];

function register(count: number): ProcessRow[] {
  return Array.from({ length: count }, (_, i) => ({
    unitName: UNITS[i % UNITS.length],
    process: {
      id: `p-${i}`,
      name: `Process ${String(i).padStart(5, "0")}`,
      unit_id: `u-${i % UNITS.length}`,
      owner: `Owner ${i % 40}`,
      description: "",
      peak_periods: i % 3 === 0 ? "Month end" : "",
      minimum_staff: i % 5,
      workaround: "",
      notes: "",
      claimed_tier: "",
      status: "draft",
      custom_fields: [],
      provenance: { kind: "manual" },
      created_at: "2026-12-01T09:00:00Z",
      updated_at: "2026-12-01T09:00:00Z",
    } as unknown as Process,
  }));
}

const drawn = () => screen.getAllByTestId("process-row");
const indexes = () => drawn().map((r) => Number(r.dataset.index));
const spacers = () => Array.from(document.querySelectorAll<HTMLTableCellElement>("tr.spacer td")).map((td) => td.style.height);

function show(rows: ProcessRow[], onopen = vi.fn()) {
  render(ProcessTable, { rows, sort: { key: "name", direction: "asc" }, onsort: vi.fn(), onopen });
  return onopen;
}

describe("a register of 10,000 processes", () => {
  it("draws the first screenful and one spacer for the rest, and says how many rows there are", () => {
    show(register(10_000));
    const inView = DEFAULT_VIEW_HEIGHT / ROW_HEIGHT;
    expect(drawn().length).toBeLessThanOrEqual(Math.ceil(inView) + OVERSCAN + 1);
    expect(indexes()[0]).toBe(0);
    expect(drawn()[0].dataset.name).toBe("Process 00000");
    expect(spacers()).toEqual([`${(10_000 - drawn().length) * ROW_HEIGHT}px`]);
    expect(screen.getByTestId("process-table").getAttribute("aria-rowcount")).toBe("10001");
    expect(drawn()[1].getAttribute("aria-rowindex")).toBe("3");
    // Zebra stripes follow the row's place in the register, not in the page.
    expect(drawn().map((r) => r.classList.contains("even")).slice(0, 4)).toEqual([false, true, false, true]);
  });

  it("draws the rows scrolled to, between two spacers", async () => {
    show(register(10_000));
    const scroller = screen.getByTestId("process-table").parentElement!;
    scroller.scrollTop = 5_000 * ROW_HEIGHT;
    await fireEvent.scroll(scroller);
    expect(indexes()[0]).toBe(5_000 - OVERSCAN);
    expect(drawn()[OVERSCAN].dataset.name).toBe("Process 05000");
    const [above, below] = spacers();
    expect(above).toBe(`${(5_000 - OVERSCAN) * ROW_HEIGHT}px`);
    expect(below).toBe(`${(10_000 - 1 - indexes().at(-1)!) * ROW_HEIGHT}px`);
  });

  it("moves the focus with the keyboard to rows not drawn yet, and opens the one focused", async () => {
    const onopen = show(register(10_000));
    drawn()[0].focus();
    await fireEvent.keyDown(drawn()[0], { key: "End" });
    await vi.waitFor(() => expect((document.activeElement as HTMLElement).dataset.index).toBe("9999"));
    await fireEvent.keyDown(document.activeElement!, { key: "ArrowUp" });
    expect((document.activeElement as HTMLElement).dataset.name).toBe("Process 09998");
    await fireEvent.keyDown(document.activeElement!, { key: "Enter" });
    expect(onopen).toHaveBeenCalledWith(expect.objectContaining({ id: "p-9998" }));
    await fireEvent.keyDown(document.activeElement!, { key: "Home" });
    await vi.waitFor(() => expect((document.activeElement as HTMLElement).dataset.name).toBe("Process 00000"));
  });
});

describe("a register of a workshop's size", () => {
  it(`draws every row up to ${VIRTUAL_FROM}, with no spacer`, () => {
    show(register(VIRTUAL_FROM));
    expect(drawn()).toHaveLength(VIRTUAL_FROM);
    expect(spacers()).toEqual([]);
  });
});
