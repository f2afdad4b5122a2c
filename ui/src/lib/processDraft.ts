// The process form's editable copy of a process ("draft", all text as typed)
// and its conversion to the ProcessInput the core checks and stores.
import type { CustomField } from "./bindings/CustomField";
import type { FieldIssue } from "./bindings/FieldIssue";
import type { Process } from "./bindings/Process";
import type { ProcessInput } from "./bindings/ProcessInput";
import type { Status } from "./bindings/Status";

export interface ProcessDraft {
  name: string;
  /** A unit id, or "" for none (the value of the unit select). */
  unitId: string;
  owner: string;
  status: Status;
  description: string;
  peakPeriods: string;
  /** As typed; "" means not given. */
  minimumStaff: string;
  workaround: string;
  notes: string;
  /** The tier claimed for the process, as written ("Tier 1", "P2", "Critical"); "" for none. */
  claimedTier: string;
  customFields: CustomField[];
}

/** The largest number the core's `u32` accepts; larger cannot even be sent. */
const MAX_U32 = 4_294_967_295;

export function emptyDraft(unitId = ""): ProcessDraft {
  return {
    name: "",
    unitId,
    owner: "",
    status: "draft",
    description: "",
    peakPeriods: "",
    minimumStaff: "",
    workaround: "",
    notes: "",
    claimedTier: "",
    customFields: [],
  };
}

export function draftOf(process: Process): ProcessDraft {
  return {
    name: process.name,
    unitId: process.unit_id ?? "",
    owner: process.owner,
    status: process.status,
    description: process.description,
    peakPeriods: process.peak_periods,
    minimumStaff: process.minimum_staff === null ? "" : String(process.minimum_staff),
    workaround: process.workaround,
    notes: process.notes,
    claimedTier: process.claimed_tier,
    customFields: process.custom_fields.map((f) => ({ ...f })),
  };
}

/** The minimum-staff text as a number, or the reason it is not one. */
export function parseStaff(text: string): { value: number | null; issue: string | null } {
  const trimmed = text.trim();
  if (trimmed === "") return { value: null, issue: null };
  if (!/^\d+$/.test(trimmed)) return { value: null, issue: "Enter a whole number of people, or leave it empty." };
  const value = Number(trimmed);
  if (value > MAX_U32) return { value: null, issue: `${trimmed} is more staff than any process needs.` };
  return { value, issue: null };
}

/**
 * The input to send, and the issues found before sending (a minimum staff
 * that is not a whole number cannot cross IPC; it is sent as "not given").
 */
export function inputOf(draft: ProcessDraft): { input: ProcessInput; localIssues: FieldIssue[] } {
  const staff = parseStaff(draft.minimumStaff);
  return {
    input: {
      name: draft.name,
      unit_id: draft.unitId === "" ? null : draft.unitId,
      owner: draft.owner,
      description: draft.description,
      peak_periods: draft.peakPeriods,
      minimum_staff: staff.value,
      workaround: draft.workaround,
      notes: draft.notes,
      claimed_tier: draft.claimedTier,
      status: draft.status,
      custom_fields: draft.customFields.map((f) => ({ name: f.name, value: f.value })),
    },
    localIssues: staff.issue ? [{ field: "minimum_staff", message: staff.issue }] : [],
  };
}

/** Whether the form holds something other than what it started with. */
export function draftChanged(a: ProcessDraft, b: ProcessDraft): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}
