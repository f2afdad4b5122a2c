// A long list kept by the core and read a page at a time: the rows fetched so far by their place in the list, the
// list's length (of the rows matching the filter), and which pages are on their way. A view asks for the rows it
// shows (`want`), and the pages holding them are fetched once each; a new filter starts again from the first page,
// and a page that comes back for an older filter is dropped. Until the first page of a filter is back, the length is
// not known (`total` null): a view says it is loading, never "0 of 0". Paging is the core's (`api.importPage`); this
// only remembers.

/** One page as the core answers it: rows `offset…` of the `total` that match. */
export interface RowsPage<T> {
  offset: number;
  total: number;
  rows: T[];
}

/** Fetches rows `offset…offset + limit` of those matching `filter` (null: all). */
export type FetchPage<T> = (offset: number, limit: number, filter: string | null) => Promise<RowsPage<T>>;

export class PagedRows<T> {
  /** How many rows match the filter; null until the first page for it is back. */
  total = $state<number | null>(null);
  /** The filter the rows match ("" for none). */
  filter = $state("");
  /** Pages are on their way. */
  loading = $state(false);
  /** Why the last page could not be read. */
  error = $state<string | null>(null);

  /** Rows by their place in the (filtered) list. */
  private rows = $state<Record<number, T>>({});
  /** The pages asked for under the current filter (by page number), fetched or on their way. */
  private asked = new Set<number>();
  private inFlight = 0;
  /** Bumped by every new filter, so that pages for an older one are dropped. */
  private generation = 0;

  constructor(
    private readonly fetch: FetchPage<T>,
    readonly pageSize = 100,
    first: RowsPage<T> | null = null,
  ) {
    if (first) this.take(first);
  }

  /** The row at `index`, if fetched. */
  row(index: number): T | undefined {
    return this.rows[index];
  }

  /** Fetches whatever of rows `from…to` (inclusive) is neither fetched nor on its way. */
  want(from: number, to: number): void {
    if (this.total !== null) to = Math.min(to, this.total - 1);
    if (to < from) return;
    from = Math.max(from, 0);
    for (let page = Math.floor(from / this.pageSize); page <= Math.floor(to / this.pageSize); page++) {
      if (this.asked.has(page) || this.holds(Math.max(from, page * this.pageSize), Math.min(to, (page + 1) * this.pageSize - 1))) continue;
      this.asked.add(page);
      void this.load(page);
    }
  }

  /** Whether rows `from…to` are all fetched. */
  private holds(from: number, to: number): boolean {
    for (let i = from; i <= to; i++) if (!(i in this.rows)) return false;
    return true;
  }

  /** Shows only the rows whose text holds `filter`, starting again from the first page. */
  setFilter(filter: string): Promise<void> {
    this.filter = filter;
    this.generation += 1;
    this.rows = {};
    this.asked = new Set([0]);
    this.inFlight = 0;
    this.total = null;
    this.error = null;
    return this.load(0);
  }

  private take(page: RowsPage<T>): void {
    this.total = page.total;
    const rows = { ...this.rows };
    page.rows.forEach((row, i) => (rows[page.offset + i] = row));
    this.rows = rows;
    // The pages it holds whole (or to the end of the list) need no fetch.
    const end = page.offset + page.rows.length;
    for (let p = Math.ceil(page.offset / this.pageSize); p * this.pageSize < end; p++)
      if ((p + 1) * this.pageSize <= end || end >= page.total) this.asked.add(p);
  }

  private async load(page: number): Promise<void> {
    const mine = this.generation;
    this.inFlight += 1;
    this.loading = true;
    try {
      const got = await this.fetch(page * this.pageSize, this.pageSize, this.filter.trim() === "" ? null : this.filter);
      if (mine !== this.generation) return;
      this.error = null;
      this.take(got);
    } catch (e) {
      if (mine !== this.generation) return;
      this.asked.delete(page);
      this.error = e instanceof Error ? e.message : ((e as { message?: string })?.message ?? String(e));
    } finally {
      if (mine === this.generation) {
        this.inFlight -= 1;
        this.loading = this.inFlight > 0;
      }
    }
  }
}
