// Says in words where a value came from (DESIGN.md: every value carries its origin).
import type { Provenance } from "./bindings/Provenance";

export function describeProvenance(provenance: Provenance): string {
  switch (provenance.kind) {
    case "workshop":
      return "Captured in a workshop";
    case "demo":
      return "Part of the demo assessment";
    case "imported":
      return `Imported from ${provenance.file}, sheet “${provenance.sheet}”, cell ${provenance.cell}`;
  }
}
