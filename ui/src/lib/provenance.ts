// Says in words where a value came from (DESIGN.md: every value carries its origin).
import type { Provenance } from "./bindings/Provenance";
import { formatLoggedValue } from "./dates";

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
      const where = provenance.cell ? `, cell ${provenance.cell}` : "";
      return `From the questionnaire returned by ${provenance.recipient} on ${formatLoggedValue(provenance.returned_on)}, sheet “${provenance.sheet}”${where}`;
    }
  }
}
