// The width a chart is laid out at: the width its card shows it at, so that
// its text shows at its own size (never below 12 px) instead of being scaled
// down with the picture. The core lays the chart out (ChartOptions.width);
// this only measures and predicts.
import type { ChartKind } from "./bindings/ChartKind";
import type { ChartOptions } from "./bindings/ChartOptions";

/** The charts laid out to their card's width (the dependency chart has its own layout, shown whole in its view). */
export const SIZED_TO_CARD: ReadonlySet<ChartKind> = new Set(["heatmap", "categories", "gaps", "tiers"]);

/** Widths are asked in steps of this many pixels, so a window resized by a little does not redraw its charts. */
export const WIDTH_STEP = 20;

/** A prefetched chart serves a card this many pixels wider or narrower (a scrollbar, a rounding). */
export const WIDTH_TOLERANCE = 40;

/** The width to lay a chart out at for a frame this wide inside (null where nothing is laid out yet). */
export function layoutWidth(inner: number): number | null {
  const width = Math.floor(inner / WIDTH_STEP) * WIDTH_STEP;
  return width > 0 ? width : null;
}

/** Whether a chart drawn with `drawn` serves a card asking for `wanted`: the same options, widths close enough. */
export function servesOptions(drawn: ChartOptions, wanted: ChartOptions): boolean {
  const { width: a, ...restA } = drawn;
  const { width: b, ...restB } = wanted;
  if (JSON.stringify(restA) !== JSON.stringify(restB)) return false;
  if (a === undefined || b === undefined) return a === b;
  return Math.abs(a - b) <= WIDTH_TOLERANCE;
}

/**
 * The Dashboard's chart frames' inner widths in a window `windowWidth` wide, as its CSS lays them out (the sidebar,
 * the page's padding and largest width, the charts' grid of columns at least 560 px wide, a card's border and
 * padding): the wide charts span the row; the others share it when two fit. A guess the cards then measure; a
 * prefetched chart serves them within `WIDTH_TOLERANCE`.
 */
export function dashboardChartWidths(windowWidth: number): { wide: number | null; half: number | null } {
  const SIDEBAR = 244;
  const PAGE_PADDING = 56;
  const PAGE_MAX = 1680;
  const GAP = 14;
  const CARD = 42;
  const content = Math.min(windowWidth - SIDEBAR - PAGE_PADDING, PAGE_MAX - PAGE_PADDING);
  if (content <= 0) return { wide: null, half: null };
  const columns = content >= 2 * MIN_COLUMN + GAP ? 2 : 1;
  const half = (content - GAP * (columns - 1)) / columns;
  return { wide: layoutWidth(content - CARD), half: layoutWidth(half - CARD) };
}

/** The narrowest column of the Dashboard's charts grid (its CSS says the same). */
export const MIN_COLUMN = 560;
