// The test double's reading of a typed resource, as the core's
// `store/resources.rs` does it: the name (unique per kind), the durations
// ("4h", blank = unknown) and the custom fields, with an issue for each
// field that is wrong. For the browser preview and the component tests only.
import type { FieldIssue } from "../lib/bindings/FieldIssue";
import type { Minutes } from "../lib/bindings/Minutes";
import type { Resource } from "../lib/bindings/Resource";
import type { ResourceInput } from "../lib/bindings/ResourceInput";
import { durationError, parseOptionalDuration } from "../lib/durations";
import { withArticle } from "../lib/resourceKinds";

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export interface ParsedResource {
  issues: FieldIssue[];
  /** Trimmed, inner spaces collapsed. */
  name: string;
  rto: Minutes | null;
  rpo: Minutes | null;
  contractual: Minutes | null;
}

const key = (name: string) => name.trim().replace(/\s+/g, " ").toLocaleLowerCase();

/** Reads a typed resource; `id` is the resource being edited (its own name is no clash). */
export function parseResourceInput(input: ResourceInput, existing: readonly Resource[], id: string | null): ParsedResource {
  const issues: FieldIssue[] = [];
  const name = input.name.trim().replace(/\s+/g, " ");
  if (name === "") issues.push({ field: "name", message: "A resource needs a name." });
  else if (existing.some((r) => r.kind === input.kind && key(r.name) === key(name) && r.id !== id))
    issues.push({ field: "name", message: `${capitalised(withArticle(input.kind))} named "${name}" already exists.` });
  const duration = (field: string, label: string, text: string): Minutes | null => {
    const read = parseOptionalDuration(text);
    if (read.ok) return read.minutes;
    issues.push({ field, message: durationError(label, text) });
    return null;
  };
  const rto = duration("rto_capability", "Recovery time", input.rto_capability);
  const rpo = duration("rpo_capability", "Data loss", input.rpo_capability);
  const contractual = duration("contractual_recovery", "Contractual recovery time", input.contractual_recovery);
  const seen: string[] = [];
  input.custom_fields.forEach((field, i) => {
    const k = key(field.name);
    if (k === "") issues.push({ field: `custom_fields.${i}`, message: "A custom field needs a name." });
    else if (seen.includes(k)) issues.push({ field: `custom_fields.${i}`, message: `The custom field "${field.name.trim()}" appears twice.` });
    seen.push(k);
  });
  return { issues, name, rto, rpo, contractual };
}

/** The resource a valid input describes (an existing one keeps its id and provenance). */
export function resourceOf(input: ResourceInput, parsed: ParsedResource, id: string, old: Resource | null): Resource {
  return {
    id,
    kind: input.kind,
    name: parsed.name,
    owner: input.owner.trim(),
    description: input.description.trim(),
    rto_capability: parsed.rto,
    rpo_capability: parsed.rpo,
    redundancy: input.redundancy,
    contractual_recovery: parsed.contractual,
    notes: input.notes.trim(),
    custom_fields: input.custom_fields.map((f) => ({ name: f.name, value: f.value })),
    provenance: old?.provenance ?? { kind: "workshop" },
  };
}
