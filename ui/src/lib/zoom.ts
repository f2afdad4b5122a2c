// App-wide zoom: Ctrl + and Ctrl − step the whole interface through the
// usual browser steps, Ctrl 0 returns to 100%; the level is kept on this
// machine (the webview's own storage) and set again when the app starts.
import type { KeyPress } from "./shortcuts";

/** The zoom levels, as the browsers step through them. */
export const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2] as const;

export type ZoomAction = "in" | "out" | "reset";

/** Where the level is kept between runs. */
export const ZOOM_KEY = "bia-workbench.zoom";

/** The zoom a key press asks for: Ctrl with + (or =, the same key unshifted), −, or 0; the keypad's too. */
export function zoomShortcut(press: KeyPress): ZoomAction | null {
  if (!(press.ctrlKey || press.metaKey) || press.altKey) return null;
  if (press.key === "+" || press.key === "=") return "in";
  if (press.key === "-" || press.key === "_" || press.key === "−") return "out";
  if (press.key === "0" && !press.shiftKey) return "reset";
  return null;
}

/** The next level from `current` (which need not be one of the steps). */
export function nextZoom(current: number, action: ZoomAction): number {
  if (action === "reset") return 1;
  if (action === "in") return ZOOM_STEPS.find((z) => z > current + 0.001) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1];
  return [...ZOOM_STEPS].reverse().find((z) => z < current - 0.001) ?? ZOOM_STEPS[0];
}

/** The kept level, or 1 where none was kept or what was kept is not a level. */
export function storedZoom(storage: Pick<Storage, "getItem"> | undefined): number {
  const value = Number(storage?.getItem(ZOOM_KEY) ?? "1");
  return Number.isFinite(value) && value >= ZOOM_STEPS[0] && value <= ZOOM_STEPS[ZOOM_STEPS.length - 1] ? value : 1;
}

/** "125%" as the indicator says it. */
export function zoomLabel(level: number): string {
  return `${Math.round(level * 100)}%`;
}
