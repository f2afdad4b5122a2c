// The objectives form's fields: agreed objectives written back as text the way
// the core prints them ("4 h", "n/a", "50 %"), and which fields changed.
import type { Objectives } from "./bindings/Objectives";
import type { ObjectivesInput } from "./bindings/ObjectivesInput";
import { formatMinutes } from "./minutes";

export type ObjectiveField = keyof ObjectivesInput;

export function emptyObjectivesInput(): ObjectivesInput {
  return {
    mtpd_override: "",
    mtpd_override_reason: "",
    rto: "",
    rpo: "",
    wrt: "",
    mbco: "",
    rationale: "",
    agreed_by: "",
    agreed_on: "",
  };
}

/** The agreed objectives as the form shows them (the core's `Objectives::to_input`). */
export function objectivesInputOf(o: Objectives | null): ObjectivesInput {
  if (!o) return emptyObjectivesInput();
  const text = (m: number | null) => (m === null ? "" : formatMinutes(m));
  return {
    mtpd_override: text(o.mtpd_override),
    mtpd_override_reason: o.mtpd_override_reason,
    rto: text(o.rto),
    rpo: o.rpo_not_applicable ? "n/a" : text(o.rpo),
    wrt: text(o.wrt),
    mbco: o.mbco_percent === null ? "" : `${o.mbco_percent} %`,
    rationale: o.rationale,
    agreed_by: o.agreed_by,
    agreed_on: o.agreed_on,
  };
}

/** The fields whose text differs between two inputs. */
export function changedObjectiveFields(a: ObjectivesInput, b: ObjectivesInput): ObjectiveField[] {
  return (Object.keys(a) as ObjectiveField[]).filter((k) => a[k] !== b[k]);
}

/** Today as YYYY-MM-DD (local time), for "agreed on". */
export function isoToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
