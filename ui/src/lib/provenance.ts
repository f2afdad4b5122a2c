// Says in words where a value came from (DESIGN.md: every value carries its origin).
import type { Provenance } from "./bindings/Provenance";
import { formatLoggedValue } from "./dates";

/** Whether a value's origin is worth saying beside it (not for values typed here or the demo's own). */
export function tracedProvenance(provenance: Provenance): boolean {
  return provenance.kind !== "workshop" && provenance.kind !== "demo";
}

/** "RTO", "peak periods": a field an imported or returned value set, as a person reads it. */
function fieldName(field: string): string {
  if (/^(rto|rpo|wrt|mbco|mtpd)/.test(field)) return field.split("_")[0].toUpperCase() + field.slice(field.split("_")[0].length).replace(/_/g, " ");
  return field.replace(/^custom:/, "").replace(/_/g, " ");
}

export function describeProvenance(provenance: Provenance): string {
  switch (provenance.kind) {
    case "workshop":
      return "Captured in a workshop";
    case "demo":
      return "Part of the demo assessment";
    case "in_workshop":
      return `Captured in “${provenance.title}” (${formatLoggedValue(provenance.date)})`;
    case "imported":
      return `Imported from ${provenance.file}, sheet “${provenance.sheet}”, cell ${provenance.cell}`;
    case "questionnaire": {
      const cells = provenance.values ?? [];
      const where = provenance.cell
        ? `, cell ${provenance.cell}`
        : cells.length > 0
          ? `, ${cells.length === 1 ? "cell" : "cells"} ${cells.map((v) => `${v.cell} (${fieldName(v.field)})`).join(", ")}`
          : "";
      return `From the questionnaire returned by ${provenance.recipient} on ${formatLoggedValue(provenance.returned_on)}, sheet “${provenance.sheet}”${where}`;
    }
  }
}
