// File ▸ Merge a Copy…, File ▸ Give a Copy To… and File ▸ Import… of an assessment file as the Merge screen shows them,
// held by the workspace so leaving the screen loses nothing: the file chosen, how it is merged (as a copy of this file,
// `merge_copy`, or like an import, `import_assessment`: a file sharing no fork point with this one, matched by id then by
// name) and the core's dry run of merging it (the preview), the preference for its conflicts, the report of the merge
// once done and the history label it was recorded under (so the banner knows whether Undo still takes back the merge),
// the file's conflicts as last read, the one on screen, and the last copy given. The merging and giving are the core's;
// the other file is only read. The workspace re-reads what a merge or a resolution changed.
import { open, save } from "@tauri-apps/plugin-dialog";
import { api, asApiError } from "./api";
import type { ApiError } from "./bindings/ApiError";
import type { Conflict } from "./bindings/Conflict";
import type { CopyInfo } from "./bindings/CopyInfo";
import type { GivenCopy } from "./bindings/GivenCopy";
import type { MergeReport } from "./bindings/MergeReport";
import type { Prefer } from "./bindings/Prefer";
import { BIA_FILTER, withBiaExtension } from "./fileDialogs";
import { copyFileName, orderedConflicts } from "./merge";

/** Asks which copy to merge; null when cancelled. */
export async function chooseCopyToMerge(): Promise<string | null> {
  const path = await open({ title: "Merge a copy of this assessment", multiple: false, directory: false, filters: [BIA_FILTER] });
  return typeof path === "string" ? path : null;
}

/** Asks where to write the copy for `holder`; null when cancelled. */
export async function chooseCopyPathFor(assessment: string, holder: string): Promise<string | null> {
  const path = await save({ title: `Give a copy to ${holder.trim()}`, defaultPath: copyFileName(assessment, holder), filters: [BIA_FILTER] });
  return path ? withBiaExtension(path) : null;
}

/** How a file is merged: as a copy of this file (`merge_copy`), or like an import (`import_assessment`). */
export type MergeVia = "copy" | "import";

export class Merging {
  /** The file previewed or merged; null before any. */
  path = $state<string | null>(null);
  /** How `path` is merged. */
  via = $state<MergeVia>("copy");
  /** The file the latest preview was asked for, kept when the core refused it (so "Import it instead" knows which). */
  attempted = $state<string | null>(null);
  /** The core's dry run of merging `path` (nothing written), until it is merged or set aside. */
  preview = $state.raw<MergeReport | null>(null);
  /** How the preview's conflicts are to be settled: null leaves them listed (mine kept) to resolve one by one. */
  prefer = $state<Prefer | null>(null);
  /** The last merge done, and the history label it was recorded under. */
  report = $state.raw<MergeReport | null>(null);
  label = $state<string | null>(null);
  /** What the core is doing: reading the copy for its preview, or merging it. */
  running = $state<"preview" | "merge" | null>(null);
  error = $state<ApiError | null>(null);
  /** The file's conflicts as last read, unresolved first (null: not read yet). */
  conflicts = $state.raw<Conflict[] | null>(null);
  /** The conflict on screen, by id. */
  current = $state<string | null>(null);
  /** What the open file is among its copies (null: not read yet). */
  info = $state.raw<CopyInfo | null>(null);
  /** The Give a Copy To… form is open. */
  giving = $state(false);
  /** The last copy given. */
  given = $state.raw<GivenCopy | null>(null);

  private run = 0;

  /** The native dialog, then the preview of the copy chosen. */
  async choose(): Promise<void> {
    try {
      const path = await chooseCopyToMerge();
      if (path) await this.previewCopy(path);
    } catch (e) {
      this.error = asApiError(e);
    }
  }

  /** The dry run of merging the copy at `path`: what would be taken, the conflicts; nothing is written. */
  previewCopy(path: string): Promise<void> {
    return this.previewVia(path, "copy");
  }

  /** The dry run of merging the file at `path` (a .bia, or a workbook this program exported) like an import. */
  previewImport(path: string): Promise<void> {
    return this.previewVia(path, "import");
  }

  private async previewVia(path: string, via: MergeVia): Promise<void> {
    const mine = ++this.run;
    this.running = "preview";
    this.error = null;
    this.preview = null;
    this.prefer = null;
    this.attempted = path;
    this.via = via;
    try {
      const preview = via === "copy" ? await api.mergeCopy(path, null, true) : await api.importAssessment(path, true);
      if (mine !== this.run) return;
      this.path = path;
      this.preview = preview;
    } catch (e) {
      if (mine === this.run) this.error = asApiError(e);
    } finally {
      if (mine === this.run) this.running = null;
    }
  }

  /** The file refused as another assessment's copy, to merge like an import instead (null: none). */
  get importable(): string | null {
    return this.error?.code === "merge_other_assessment" && this.via === "copy" ? this.attempted : null;
  }

  /** Merges the file previewed, as one undoable edit after a backup; resolves with the report (null: nothing done). */
  async merge(): Promise<MergeReport | null> {
    if (!this.path || !this.preview || this.running) return null;
    const mine = ++this.run;
    this.running = "merge";
    this.error = null;
    try {
      // Merged like an import, the conflicts stay listed (mine kept) to resolve one by one.
      const report = this.via === "copy" ? await api.mergeCopy(this.path, this.prefer, false) : await api.importAssessment(this.path, false);
      if (mine !== this.run) return null;
      this.report = report;
      this.preview = null;
      this.current = null;
      return report;
    } catch (e) {
      if (mine === this.run) this.error = asApiError(e);
      return null;
    } finally {
      if (mine === this.run) this.running = null;
    }
  }

  /** Sets the preview aside; nothing was written. */
  cancel(): void {
    this.run += 1;
    this.preview = null;
    this.prefer = null;
    this.running = null;
  }

  /** Reads the file's conflicts again (after a merge, a resolution, undo or redo). */
  async loadConflicts(): Promise<void> {
    try {
      this.conflicts = orderedConflicts(await api.listConflicts());
    } catch (e) {
      this.error = asApiError(e);
    }
  }

  /** Reads what the open file is among its copies. */
  async loadInfo(): Promise<void> {
    try {
      this.info = await api.copyInfo();
    } catch (e) {
      this.error = asApiError(e);
    }
  }

  /** Forgets it all (another file was opened, or this one closed). */
  reset(): void {
    this.run += 1;
    this.path = null;
    this.via = "copy";
    this.attempted = null;
    this.preview = null;
    this.prefer = null;
    this.report = null;
    this.label = null;
    this.running = null;
    this.error = null;
    this.conflicts = null;
    this.current = null;
    this.info = null;
    this.giving = false;
    this.given = null;
  }
}
