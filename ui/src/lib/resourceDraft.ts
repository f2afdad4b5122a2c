// The resource form's editable copy of a resource: the ResourceInput the
// core checks and stores, durations as text the way people type them.
import type { Minutes } from "./bindings/Minutes";
import type { Resource } from "./bindings/Resource";
import type { ResourceInput } from "./bindings/ResourceInput";
import type { ResourceKind } from "./bindings/ResourceKind";
import { formatMinutes } from "./minutes";

export function emptyResourceInput(kind: ResourceKind = "application", name = ""): ResourceInput {
  return {
    kind,
    name,
    owner: "",
    description: "",
    rto_capability: "",
    rpo_capability: "",
    redundancy: "none",
    contractual_recovery: "",
    notes: "",
    custom_fields: [],
  };
}

const text = (minutes: Minutes | null) => (minutes === null ? "" : formatMinutes(minutes));

/** The input that would leave a resource as it is (durations as the core prints them). */
export function resourceInputOf(resource: Resource): ResourceInput {
  return {
    kind: resource.kind,
    name: resource.name,
    owner: resource.owner,
    description: resource.description,
    rto_capability: text(resource.rto_capability),
    rpo_capability: text(resource.rpo_capability),
    redundancy: resource.redundancy,
    contractual_recovery: text(resource.contractual_recovery),
    notes: resource.notes,
    custom_fields: resource.custom_fields.map((f) => ({ ...f })),
  };
}

/** The contractual recovery time is a supplier's; the form shows it for others only when one is recorded. */
export function showsContractual(input: Pick<ResourceInput, "kind" | "contractual_recovery">): boolean {
  return input.kind === "supplier" || input.contractual_recovery.trim() !== "";
}

/** The recovery time to count on, as the core does: the capability, else the contractual one. */
export function recoveryTime(resource: Pick<Resource, "rto_capability" | "contractual_recovery">): Minutes | null {
  return resource.rto_capability ?? resource.contractual_recovery;
}

/** Whether the form holds something other than what it started with. */
export function resourceChanged(a: ResourceInput, b: ResourceInput): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}
