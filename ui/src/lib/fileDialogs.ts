// The native file dialogs for assessment files (.bia), and the small rules
// around the paths they return.
import { open, save } from "@tauri-apps/plugin-dialog";

export const BIA_FILTER = { name: "BIA assessment", extensions: ["bia"] };

/** A path with ".bia" added when the user typed a name without it. */
export function withBiaExtension(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return /\.bia$/i.test(name) ? path : `${path}.bia`;
}

/** The file's name without folder or extension: "acme-bia-2025". */
export function fileStem(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.bia$/i, "");
}

/** A starting assessment name from a file name: "acme_bia-2025.bia" → "Acme bia 2025". */
export function suggestedName(path: string): string {
  const words = fileStem(path).replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim();
  return words.charAt(0).toLocaleUpperCase() + words.slice(1);
}

/** Asks where to create a new assessment; null when cancelled. */
export async function chooseNewAssessmentPath(): Promise<string | null> {
  const path = await save({
    title: "New assessment",
    defaultPath: "Business impact analysis.bia",
    filters: [BIA_FILTER],
  });
  return path ? withBiaExtension(path) : null;
}

/** Asks which assessment to open; null when cancelled. */
export async function chooseAssessmentToOpen(): Promise<string | null> {
  const path = await open({ title: "Open assessment", multiple: false, directory: false, filters: [BIA_FILTER] });
  return typeof path === "string" ? path : null;
}

/** Asks where to write a new copy of the assessment at `path` ("Acme (copy).bia" beside it); null when cancelled. */
export async function chooseCopyPath(path: string, title: string, label: string): Promise<string | null> {
  const chosen = await save({ title, defaultPath: `${fileStem(path)} (${label}).bia`, filters: [BIA_FILTER] });
  return chosen ? withBiaExtension(chosen) : null;
}
