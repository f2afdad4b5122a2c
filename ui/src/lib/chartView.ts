// The larger view of a chart: the image fitted to the window, zoomed around a
// point (the pointer, or the middle for the keys) and panned, never lost off
// the edge. Pure arithmetic over sizes in CSS pixels.

export interface Size {
  w: number;
  h: number;
}

/** The image's scale and where its top-left corner is in the box. */
export interface View {
  scale: number;
  x: number;
  y: number;
}

export const MIN_SCALE = 0.1;
export const MAX_SCALE = 4;
/** Each step of the keys and buttons, and of one notch of the wheel. */
export const ZOOM_STEP = 1.25;

/**
 * The whole image in the box, centred. Never larger than the image itself: a near-empty chart is not blown up to
 * giant text; a large one is made smaller to fit.
 */
export function fitView(image: Size, box: Size): View {
  if (image.w <= 0 || image.h <= 0 || box.w <= 0 || box.h <= 0) return { scale: 1, x: 0, y: 0 };
  const scale = Math.min(1, box.w / image.w, box.h / image.h);
  return clampView({ scale, x: 0, y: 0 }, image, box);
}

/**
 * Keeps the image where it can be seen: an image narrower (or shorter) than the box is centred that way; a larger
 * one cannot leave a gap at either edge.
 */
export function clampView(view: View, image: Size, box: Size): View {
  const place = (at: number, length: number, room: number) =>
    length <= room ? (room - length) / 2 : Math.min(0, Math.max(room - length, at));
  return {
    scale: view.scale,
    x: place(view.x, image.w * view.scale, box.w),
    y: place(view.y, image.h * view.scale, box.h),
  };
}

/** The view zoomed by `factor` around `at` (a point in the box, which stays over the same spot of the chart). */
export function zoomAt(view: View, factor: number, at: { x: number; y: number }, image: Size, box: Size): View {
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale * factor));
  const ratio = scale / view.scale;
  return clampView({ scale, x: at.x - (at.x - view.x) * ratio, y: at.y - (at.y - view.y) * ratio }, image, box);
}

/** The view moved by `dx`, `dy` pixels (a drag, or the arrow keys). */
export function panBy(view: View, dx: number, dy: number, image: Size, box: Size): View {
  return clampView({ scale: view.scale, x: view.x + dx, y: view.y + dy }, image, box);
}

/** "75%". */
export function scaleLabel(view: View): string {
  return `${Math.round(view.scale * 100)}%`;
}
