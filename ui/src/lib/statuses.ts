// The review statuses of a process in display order, with their labels.
import type { Status } from "./bindings/Status";

export const STATUS_OPTIONS: ReadonlyArray<{ value: Status; label: string }> = [
  { value: "draft", label: "Draft" },
  { value: "in_review", label: "In review" },
  { value: "approved", label: "Approved" },
];

export function statusLabel(status: Status): string {
  return STATUS_OPTIONS.find((s) => s.value === status)?.label ?? status;
}

/** Position in the review workflow, for sorting: draft < in review < approved. */
export function statusRank(status: Status): number {
  return STATUS_OPTIONS.findIndex((s) => s.value === status);
}

export function isStatus(value: string): value is Status {
  return STATUS_OPTIONS.some((s) => s.value === value);
}
