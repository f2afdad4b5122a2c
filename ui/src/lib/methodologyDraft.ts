// The methodology editor's copy of a methodology ("draft": every row with a
// stable key for the screen, durations as text) and the MethodologyInput it
// saves as: rows keep their ids, new rows have none, order is the draft's.
import type { Methodology } from "./bindings/Methodology";
import type { MethodologyInput } from "./bindings/MethodologyInput";
import { formatMinutes } from "./minutes";

export interface CategoryDraft {
  key: string;
  id: string | null;
  name: string;
  /** null: the assessment's threshold applies. */
  threshold: number | null;
  retired: boolean;
  /** One per level, lowest first. */
  definitions: string[];
}

export interface HorizonDraft {
  key: string;
  id: string | null;
  label: string;
  duration: string;
}

export interface TierDraft {
  key: string;
  id: string | null;
  name: string;
  /** Blank: open-ended ("beyond"), only for the last tier. */
  maxRto: string;
}

export interface MethodologyDraft {
  categories: CategoryDraft[];
  /** Level names, lowest first; the number of levels is fixed. */
  scale: string[];
  /** The level values of the scale (not editable), for labels and selects. */
  levels: number[];
  horizons: HorizonDraft[];
  threshold: number;
  tiers: TierDraft[];
  /** The currency's code as typed (ISO 4217: "GBP"). */
  currency: string;
}

let keys = 0;
const newKey = () => `new-${++keys}`;

export function methodologyDraftOf(m: Methodology): MethodologyDraft {
  return {
    categories: m.categories.map((c) => ({
      key: c.id,
      id: c.id,
      name: c.name,
      threshold: c.threshold,
      retired: c.retired,
      definitions: m.scale.map((l) => c.definitions.find((d) => d.level === l.value)?.text ?? ""),
    })),
    scale: m.scale.map((l) => l.name),
    levels: m.scale.map((l) => l.value),
    horizons: m.horizons.map((h) => ({ key: h.id, id: h.id, label: h.label, duration: formatMinutes(h.minutes) })),
    threshold: m.threshold,
    tiers: m.tiers.map((t) => ({
      key: t.id,
      id: t.id,
      name: t.name,
      maxRto: t.max_rto_minutes === null ? "" : formatMinutes(t.max_rto_minutes),
    })),
    currency: m.currency,
  };
}

/** The whole methodology to save, in the draft's order. */
export function methodologyInputOf(d: MethodologyDraft): MethodologyInput {
  return {
    categories: d.categories.map((c) => ({
      id: c.id,
      name: c.name,
      threshold: c.threshold,
      retired: c.retired,
      definitions: [...c.definitions],
    })),
    scale: [...d.scale],
    horizons: d.horizons.map((h) => ({ id: h.id, label: h.label, duration: h.duration })),
    threshold: d.threshold,
    tiers: d.tiers.map((t) => ({ id: t.id, name: t.name, max_rto: t.maxRto })),
    currency: d.currency,
  };
}

/** A methodology as it would be saved unchanged (the core's `Methodology::to_input`). */
export function inputOfMethodology(m: Methodology): MethodologyInput {
  return methodologyInputOf(methodologyDraftOf(m));
}

export function newCategoryDraft(levels: number): CategoryDraft {
  return { key: newKey(), id: null, name: "", threshold: null, retired: false, definitions: Array(levels).fill("") };
}

export function newHorizonDraft(): HorizonDraft {
  return { key: newKey(), id: null, label: "", duration: "" };
}

export function newTierDraft(): TierDraft {
  return { key: newKey(), id: null, name: "", maxRto: "" };
}

/** The list with the row at `index` moved by `delta` (-1 up, +1 down); unchanged at the ends. */
export function moveRow<T>(rows: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || index >= rows.length || to < 0 || to >= rows.length) return [...rows];
  const out = [...rows];
  const [row] = out.splice(index, 1);
  out.splice(to, 0, row);
  return out;
}

/** Whether the draft differs from the methodology it started from. */
export function methodologyChanged(d: MethodologyDraft, m: Methodology): boolean {
  return JSON.stringify(methodologyInputOf(d)) !== JSON.stringify(inputOfMethodology(m));
}

/**
 * Whether an issue's field is shown beside an input of the editor
 * (`categories.2.name`, `horizons.1.duration`, `tiers.0.max_rto`, `scale.3`,
 * `threshold`, `currency`, and the lists themselves); others go to the banner.
 */
export function isEditorField(field: string): boolean {
  return /^(threshold|currency|scale|categories|horizons|tiers)(\.\d+(\.(name|threshold|definitions|label|duration|max_rto))?)?$/.test(
    field,
  );
}
