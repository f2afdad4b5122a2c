// The number of edits undo keeps, as typed in the Dashboard's small form.

/** A whole number of edits from 1 (commas, underscores and spaces between digits allowed: "2,000"); null when it is not one. */
export function parseUndoLimit(text: string): number | null {
  const digits = text.trim().replace(/[,_\s]/g, "");
  if (!/^\d+$/.test(digits)) return null;
  const n = Number(digits);
  return n >= 1 && n <= 4_294_967_295 ? n : null;
}
