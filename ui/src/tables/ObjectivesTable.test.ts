// The objectives table of 10,000 processes, some breaking rules (a line under their row): only the processes in view
// are drawn, the spacers stand for the rest at their estimated heights, and the keyboard reaches every process.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { Process } from "../lib/bindings/Process";
import type { ProcessAnalysis } from "../lib/bindings/ProcessAnalysis";
import { DEFAULT_VIEW_HEIGHT, OVERSCAN, ROW_HEIGHT } from "../lib/rowWindow";
import ObjectivesTable, { type ObjectivesRow } from "./ObjectivesTable.svelte";

/** Every seventh process has an RTO beyond its MTPD. */
const breaks = (i: number) => i % 7 === 3;

function objectives(count: number): ObjectivesRow[] {
  return Array.from({ length: count }, (_, i) => ({
    unit: `Department ${i % 40}`,
    process: { id: `p-${i}`, name: `Process ${String(i).padStart(5, "0")}`, status: "draft", owner: "" } as unknown as Process,
    analysis: {
      process_id: `p-${i}`,
      mtpd: 1440,
      mtpd_derived: 1440,
      mtpd_overridden: false,
      mtpd_reason: null,
      scored_cells: 56,
      rto: breaks(i) ? 2880 : 240,
      rpo: 60,
      rpo_not_applicable: false,
      wrt: null,
      mbco_percent: null,
      tier: { rank: 1, name: "Tier 1" },
      claimed_tier: null,
      decreasing: [],
      violations: breaks(i) ? [{ code: "rto_exceeds_mtpd", field: "rto", message: "The RTO (2 d) is longer than the MTPD (1 d)." }] : [],
    } as unknown as ProcessAnalysis,
  }));
}

const drawn = () => screen.getAllByTestId("objective-row");
const spacers = () => Array.from(document.querySelectorAll<HTMLTableCellElement>("tr.spacer td")).map((td) => parseFloat(td.style.height));

// Building 10,000 rows of data takes seconds on a busy two-core machine; the tests measure what is drawn, not how fast.
describe("the objectives of 10,000 processes", { timeout: 30_000 }, () => {
  it("draws a screenful with their broken rules, and a spacer as tall as the rest", () => {
    render(ObjectivesTable, { rows: objectives(10_000), horizons: [], onopen: vi.fn() });
    expect(drawn().length).toBeLessThanOrEqual(DEFAULT_VIEW_HEIGHT / ROW_HEIGHT + OVERSCAN + 1);
    expect(drawn()[0].dataset.name).toBe("Process 00000");
    // The broken processes among those drawn each have their line of rules.
    const broken = drawn().filter((_, i) => breaks(i)).length;
    expect(screen.getAllByTestId("objective-violations")).toHaveLength(broken);
    // Below: every process not drawn, at 41 px, and 28 px more for each broken one.
    const rest = 10_000 - drawn().length;
    const restBroken = Array.from({ length: 10_000 }, (_, i) => i).filter((i) => i >= drawn().length && breaks(i)).length;
    expect(spacers()).toEqual([rest * ROW_HEIGHT + restBroken * 28]);
    expect(screen.getByTestId("objectives-table").getAttribute("aria-rowcount")).toBe("10001");
  });

  it("draws the processes scrolled to, and reaches the last and first with End and Home", async () => {
    const onopen = vi.fn();
    render(ObjectivesTable, { rows: objectives(10_000), horizons: [], onopen });
    const scroller = screen.getByTestId("objectives-table").parentElement!;
    scroller.scrollTop = 200_000;
    await fireEvent.scroll(scroller);
    const first = Number(drawn()[0].dataset.index);
    expect(first).toBeGreaterThan(4_000);
    expect(spacers()).toHaveLength(2);

    drawn()[0].focus();
    await fireEvent.keyDown(drawn()[0], { key: "End" });
    await vi.waitFor(() => expect((document.activeElement as HTMLElement).dataset.name).toBe("Process 09999"));
    await fireEvent.keyDown(document.activeElement!, { key: "ArrowUp" });
    expect((document.activeElement as HTMLElement).dataset.name).toBe("Process 09998");
    await fireEvent.keyDown(document.activeElement!, { key: "Enter" });
    expect(onopen).toHaveBeenCalledWith("p-9998");
    await fireEvent.keyDown(document.activeElement!, { key: "Home" });
    await vi.waitFor(() => expect((document.activeElement as HTMLElement).dataset.name).toBe("Process 00000"));
  });
});
