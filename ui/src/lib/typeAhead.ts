// The "relies on" type-ahead: which processes and resources match what has
// been typed (best first), and when to offer creating a new resource by that
// name. Pure functions; the component only renders and moves the highlight.
import type { NodeRef } from "./bindings/NodeRef";
import type { NodeKind } from "./dependencyLinks";

export interface Candidate {
  ref: NodeRef;
  name: string;
  kind: NodeKind;
  /** Already relied on: listed so the room sees it, but not pickable again. */
  linked: boolean;
}

export type Choice = { type: "existing"; candidate: Candidate } | { type: "create"; name: string };

/** A name as the core stores it: trimmed, inner runs of white space as one space. */
export function cleanName(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

const fold = (text: string) => cleanName(text).toLocaleLowerCase();
const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

/**
 * How well a name matches a query (lower is better), or null when it does
 * not: every word typed must occur in the name; the whole name first, then
 * names that start with the query, names with a word starting with it, and
 * names that merely contain the words.
 */
export function matchRank(name: string, query: string): number | null {
  const n = fold(name);
  const q = fold(query);
  if (q === "") return null;
  if (!q.split(" ").every((word) => n.includes(word))) return null;
  if (n === q) return 0;
  if (n.startsWith(q)) return 1;
  if (n.split(/[\s/&(),.-]+/).some((word) => word.startsWith(q.split(" ")[0]))) return 2;
  return 3;
}

/** Matching candidates, best first (then by name), at most `limit`. */
export function matchCandidates(query: string, candidates: readonly Candidate[], limit = 8): Candidate[] {
  return candidates
    .flatMap((candidate) => {
      const rank = matchRank(candidate.name, query);
      return rank === null ? [] : [{ candidate, rank }];
    })
    .sort((a, b) => a.rank - b.rank || collator.compare(a.candidate.name, b.candidate.name))
    .slice(0, limit)
    .map((m) => m.candidate);
}

/**
 * What the list offers for a query: the matches, then "create" when
 * creating is allowed and nothing has exactly the typed name.
 */
export function typeAheadChoices(
  query: string,
  candidates: readonly Candidate[],
  options: { allowCreate: boolean; limit?: number } = { allowCreate: true },
): Choice[] {
  const name = cleanName(query);
  if (name === "") return [];
  const matches = matchCandidates(name, candidates, options.limit ?? 8);
  const exact = candidates.some((c) => fold(c.name) === fold(name));
  const choices: Choice[] = matches.map((candidate) => ({ type: "existing", candidate }));
  if (options.allowCreate && !exact) choices.push({ type: "create", name });
  return choices;
}

/** Whether two names are the same once cleaned, ignoring case. */
export function sameName(a: string, b: string): boolean {
  return fold(a) === fold(b);
}

/**
 * What Add takes without an explicit pick: the highlighted choice when it
 * is "create" (nothing else matches) or has exactly the typed name; null
 * when the typed text only partly matches (pick one first).
 */
export function implicitChoice(choices: readonly Choice[], current: number, query: string): Choice | null {
  const choice = current >= 0 ? choices[current] : undefined;
  if (!choice || !pickable(choice)) return null;
  if (choice.type === "create") return choice;
  return sameName(choice.candidate.name, query) ? choice : null;
}

export function pickable(choice: Choice): boolean {
  return choice.type === "create" || !choice.candidate.linked;
}

/** The choice Enter takes with nothing highlighted: the first pickable one, or -1. */
export function firstPickable(choices: readonly Choice[]): number {
  return choices.findIndex(pickable);
}

/** The next pickable choice from `current` in a direction (+1 / -1), wrapping; -1 when there is none. */
export function stepChoice(choices: readonly Choice[], current: number, delta: 1 | -1): number {
  const n = choices.length;
  const start = current < 0 ? (delta === 1 ? -1 : n) : current;
  for (let i = 1; i <= n; i++) {
    const at = (((start + delta * i) % n) + n) % n;
    if (pickable(choices[at])) return at;
  }
  return -1;
}

/** A name cut into pieces around the first place the query's first word occurs, for bolding the match. */
export function highlight(name: string, query: string): Array<{ text: string; match: boolean }> {
  const word = fold(query).split(" ")[0] ?? "";
  const at = word === "" ? -1 : name.toLocaleLowerCase().indexOf(word);
  if (at < 0) return [{ text: name, match: false }];
  return [
    { text: name.slice(0, at), match: false },
    { text: name.slice(at, at + word.length), match: true },
    { text: name.slice(at + word.length), match: false },
  ].filter((piece) => piece.text !== "");
}
