// What the app says about a damaged file and what recovering it did.

import type { ApiError } from "./bindings/ApiError";
import type { Recovered } from "./bindings/Recovered";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Recovered Acme.bia into Acme (recovered).bia: 1,204 rows copied; 1 text kept with unreadable characters replaced (�). …" */
export function recoverySummary({ session, recovery }: Recovered, damaged: string): string {
  const from = damaged.split(/[\\/]/).pop() ?? damaged;
  const parts = [`${plural(recovery.rows, "row", "rows")} copied`];
  if (recovery.texts_repaired > 0)
    parts.push(`${plural(recovery.texts_repaired, "text", "texts")} kept with unreadable characters replaced (�)`);
  if (recovery.rows_lost > 0) parts.push(`${plural(recovery.rows_lost, "row", "rows")} could not be read and ${recovery.rows_lost === 1 ? "was" : "were"} left out`);
  return `Recovered ${from} into ${session.file_name}: ${parts.join("; ")}. The undo history was not carried over; ${from} was not changed.`;
}

/** The damaged file an error names, when recovering it is what to offer. */
export function damagedFile(error: ApiError): string | null {
  if (error.code !== "corrupt") return null;
  const path = (error.details as { path?: unknown } | null)?.path;
  return typeof path === "string" ? path : null;
}
