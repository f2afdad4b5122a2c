// The paged list the import preview reads the core's kept plan through: each page fetched once, pages for an older
// filter dropped, the length unknown (never 0) until the core answers for a new filter.
import { describe, expect, it, vi } from "vitest";
import { PagedRows, type RowsPage } from "./pagedRows.svelte";

/** A core holding `n` processes "Process 00000"…, answering pages of those whose name holds the filter. */
function core(n: number) {
  const all = Array.from({ length: n }, (_, i) => `Process ${String(i).padStart(5, "0")}`);
  const asked: Array<[number, number, string | null]> = [];
  const held: Array<() => void> = [];
  let holding = false;
  const fetch = vi.fn((offset: number, limit: number, filter: string | null): Promise<RowsPage<string>> => {
    asked.push([offset, limit, filter]);
    const rows = all.filter((r) => filter === null || r.includes(filter));
    const page = { offset, total: rows.length, rows: rows.slice(offset, offset + limit) };
    if (!holding) return Promise.resolve(page);
    return new Promise((resolve) => held.push(() => resolve(page)));
  });
  return {
    fetch,
    asked,
    hold: () => (holding = true),
    release: async () => {
      holding = false;
      for (const r of held.splice(0)) r();
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("PagedRows", () => {
  it("starts from the summary's first page and fetches each page it is asked for once", async () => {
    const c = core(10_000);
    const first = await c.fetch(0, 50, null);
    c.asked.length = 0;
    const rows = new PagedRows(c.fetch, 100, first);
    expect(rows.total).toBe(10_000);
    expect(rows.row(49)).toBe("Process 00049");
    expect(rows.row(50), "the rest of the first page is not there yet").toBeUndefined();

    rows.want(0, 30);
    expect(c.asked, "the rows in view came with the summary").toEqual([]);
    rows.want(20, 60);
    expect(c.asked, "past them, the first page is fetched whole").toEqual([[0, 100, null]]);
    rows.want(5_000, 5_030);
    rows.want(5_010, 5_040);
    await settle();
    expect(c.asked).toEqual([
      [0, 100, null],
      [5_000, 100, null],
    ]);
    expect(rows.row(5_030)).toBe("Process 05030");
    expect(rows.loading).toBe(false);
    rows.want(9_990, 20_000);
    await settle();
    expect(c.asked.at(-1), "nothing is asked past the end").toEqual([9_900, 100, null]);
    expect(rows.row(9_999)).toBe("Process 09999");
  });

  it("a new filter starts again, its length unknown until the core answers, and an older page is dropped", async () => {
    const c = core(1_000);
    const rows = new PagedRows(c.fetch, 100, await c.fetch(0, 100, null));
    c.hold();
    rows.want(500, 520);
    const filtered = rows.setFilter("00099");
    expect(rows.total, "not 0 while the core looks").toBeNull();
    expect(rows.loading).toBe(true);
    await c.release();
    await filtered;
    await settle();
    expect(rows.total).toBe(1);
    expect(rows.row(0)).toBe("Process 00099");
    expect(rows.row(500), "the page asked for before the filter is not kept").toBeUndefined();
    expect(rows.loading).toBe(false);
    await rows.setFilter("  ");
    expect(rows.total, "a blank filter lists everything").toBe(1_000);
    expect(c.asked.at(-1)).toEqual([0, 100, null]);
  });

  it("says why a page could not be read, and asks again later", async () => {
    let fail = true;
    const fetch = vi.fn(async (offset: number, limit: number) => {
      if (fail) throw { code: "not_planned", message: "Finance BIA 2024.csv is not being previewed for import: choose it again." };
      return { offset, total: 300, rows: Array.from({ length: limit }, (_, i) => `Row ${offset + i}`) };
    });
    const rows = new PagedRows(fetch, 100, { offset: 0, total: 300, rows: [] });
    rows.want(150, 160);
    await settle();
    expect(rows.error).toContain("choose it again");
    fail = false;
    rows.want(150, 160);
    await settle();
    expect(rows.error).toBeNull();
    expect(rows.row(155)).toBe("Row 155");
  });
});
