// Finding a process by name among thousands (the process picker of a large register): every word typed must occur
// in the name, the best matches first (the rules of the "relies on" type-ahead, `matchRank`), then the register's
// order; an empty query lists the register from the top.
import type { Process } from "./bindings/Process";
import { matchRank } from "./typeAhead";

/** Above this many processes the picker is a search box, not a list of every process (10,000 options took a third of a second to build). */
export const PICKER_LIST_UP_TO = 400;

/** At most `limit` processes matching `query`, best first, ties in the order given. */
export function findProcesses(query: string, processes: readonly Process[], limit = 12): Process[] {
  if (query.trim() === "") return processes.slice(0, limit);
  const found: Array<{ process: Process; rank: number; at: number }> = [];
  processes.forEach((process, at) => {
    const rank = matchRank(process.name, query);
    if (rank !== null) found.push({ process, rank, at });
  });
  return found
    .sort((a, b) => a.rank - b.rank || a.at - b.at)
    .slice(0, limit)
    .map((f) => f.process);
}
