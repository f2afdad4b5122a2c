// Colours for severity levels: a sequential ramp from pale to deep red, with
// a text colour that stays readable on each (used by the methodology matrix
// and, later, the impact heatmap).

/** ColorBrewer "Reds", pale to deep. */
const REDS = ["#fff5f0", "#fee0d2", "#fcbba1", "#fc9272", "#fb6a4a", "#ef3b2c", "#cb181d", "#a50f15", "#67000d"];

export interface LevelColour {
  background: string;
  text: string;
  /** A lighter version for large areas (the definition cells). */
  tint: string;
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function rgbToHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
}

/** Relative luminance (WCAG), 0 black to 1 white. */
export function luminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function mix(hex: string, withHex: string, amount: number): string {
  const a = hexToRgb(hex);
  const b = hexToRgb(withHex);
  return rgbToHex([0, 1, 2].map((i) => a[i] + (b[i] - a[i]) * amount) as [number, number, number]);
}

/** The colour of level `index` (0 = lowest) on a scale of `count` levels. */
export function levelColour(index: number, count: number): LevelColour {
  const last = REDS.length - 1;
  const position = count <= 1 ? 0 : (Math.min(Math.max(index, 0), count - 1) / (count - 1)) * last;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, last);
  const background = mix(REDS[lower], REDS[upper], position - lower);
  const text = luminance(background) > 0.4 ? "#1f2933" : "#ffffff";
  return { background, text, tint: mix(background, "#ffffff", 0.76) };
}

/** A recovery tier's colour (rank 1 the most urgent, the deepest red), as the core's tier chart draws it. */
export function tierColour(rank: number): LevelColour {
  return levelColour(Math.max(6 - rank, 1), 6);
}
