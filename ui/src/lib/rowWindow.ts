// Which rows of a long register are drawn: those in view and a few either
// side. Every row has the same height, so a row's place is its index times
// that height and nothing needs measuring but one row.

/** A register row's height in pixels before one is measured (40 px and its 1 px rule). */
export const ROW_HEIGHT = 41;

/** Registers up to this many rows draw them all (the browser's find and print see every one). */
export const VIRTUAL_FROM = 150;

/** Rows drawn beyond each edge of the view, so a fast scroll or a key press finds them there. */
export const OVERSCAN = 10;

/** The view's height assumed where nothing is laid out (a test's document): a tall window. */
export const DEFAULT_VIEW_HEIGHT = 800;

export interface RowWindowInput {
  count: number;
  rowHeight: number;
  /** How far the view is scrolled, in pixels. */
  scrollTop: number;
  /** The view's height in pixels; 0 where it is not known. */
  viewHeight: number;
  overscan?: number;
}

/** The first and last index to draw (`last < first` when there are no rows). */
export function rowWindow({ count, rowHeight, scrollTop, viewHeight, overscan = OVERSCAN }: RowWindowInput): {
  first: number;
  last: number;
} {
  if (count <= 0) return { first: 0, last: -1 };
  const height = Math.max(1, rowHeight);
  const view = viewHeight > 0 ? viewHeight : DEFAULT_VIEW_HEIGHT;
  // A view scrolled past the end (the rows just became fewer) shows the last screenful.
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, count * height - view));
  const first = Math.max(0, Math.floor(top / height) - overscan);
  const last = Math.min(count - 1, Math.ceil((top + view) / height) + overscan);
  return { first, last };
}

/**
 * Where each row of a list of rows of differing heights begins: `offsets[i]` is the top of row `i`, and
 * `offsets[count]` the list's height. `height(i)` is a row's height as measured, or as estimated until it is drawn.
 */
export function rowOffsets(count: number, height: (index: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i] + Math.max(1, height(i));
  return offsets;
}

/** The row at `y` pixels down: the last whose top is at or above it. */
function rowAt(offsets: Float64Array, y: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (offsets[mid] <= y) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** `rowWindow` for rows of differing heights, placed by `rowOffsets`. */
export function variableRowWindow(
  offsets: Float64Array,
  { scrollTop, viewHeight, overscan = OVERSCAN }: { scrollTop: number; viewHeight: number; overscan?: number },
): { first: number; last: number } {
  const count = offsets.length - 1;
  if (count <= 0) return { first: 0, last: -1 };
  const view = viewHeight > 0 ? viewHeight : DEFAULT_VIEW_HEIGHT;
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, offsets[count] - view));
  return {
    first: Math.max(0, rowAt(offsets, top) - overscan),
    last: Math.min(count - 1, rowAt(offsets, top + view) + overscan),
  };
}

/**
 * The row a key moves the focus to from row `index` of `count`: Up/Down by one, Page Up/Down by a screenful of
 * `viewHeight` pixels (rows of `rowHeight`), Home/End to the ends; null for any other key.
 */
export function rowKeyTarget(key: string, index: number, count: number, viewHeight: number, rowHeight: number): number | null {
  const page = Math.max(1, Math.floor((viewHeight > 0 ? viewHeight : 600) / Math.max(1, rowHeight)) - 1);
  const moves: Record<string, number> = {
    ArrowDown: index + 1,
    ArrowUp: index - 1,
    PageDown: index + page,
    PageUp: index - page,
    Home: 0,
    End: count - 1,
  };
  return key in moves ? Math.max(0, Math.min(count - 1, moves[key])) : null;
}
