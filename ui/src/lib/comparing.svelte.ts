// "Compare with…" as the Compare screen shows it, held by the workspace so leaving the screen loses nothing: the
// file chosen (another assessment or a backup), the core's comparison of it with the open file, the backups beside
// the open file to pick from, and whether the executive workbook should carry the changes. The comparison itself is
// the core's (`compare_with`); the file is only read there.
import { open } from "@tauri-apps/plugin-dialog";
import { api, asApiError } from "./api";
import type { ApiError } from "./bindings/ApiError";
import type { Backup } from "./bindings/Backup";
import type { Comparison } from "./bindings/Comparison";
import { BIA_FILTER } from "./fileDialogs";

/** Asks which assessment (or backup) to compare with; null when cancelled. */
export async function chooseAssessmentToCompare(): Promise<string | null> {
  const path = await open({
    title: "Compare with an earlier assessment or a backup",
    multiple: false,
    directory: false,
    filters: [BIA_FILTER],
  });
  return typeof path === "string" ? path : null;
}

export class Comparing {
  /** The file compared with (the earlier state); null before any. */
  path = $state<string | null>(null);
  comparison = $state.raw<Comparison | null>(null);
  /** The core is reading and comparing. */
  running = $state(false);
  error = $state<ApiError | null>(null);
  /** The backups beside the open file, newest first (null: not read yet). */
  backups = $state.raw<Backup[] | null>(null);
  /** The Export screen's "Include changes since…": the next workbook carries them. */
  inWorkbook = $state(false);

  private run = 0;

  /** The native dialog, then the comparison with the file chosen. */
  async choose(): Promise<void> {
    try {
      const path = await chooseAssessmentToCompare();
      if (path) await this.compareWith(path);
    } catch (e) {
      this.error = asApiError(e);
    }
  }

  /** Compares the open file with the one at `path` (the earlier state). */
  async compareWith(path: string): Promise<void> {
    const mine = ++this.run;
    this.running = true;
    this.error = null;
    try {
      const comparison = await api.compareWith(path);
      if (mine !== this.run) return;
      this.path = path;
      this.comparison = comparison;
    } catch (e) {
      if (mine === this.run) this.error = asApiError(e);
    } finally {
      if (mine === this.run) this.running = false;
    }
  }

  /** Reads the list of backups beside the open file. */
  async loadBackups(): Promise<void> {
    try {
      this.backups = await api.listBackups();
    } catch (e) {
      this.backups = [];
      this.error = asApiError(e);
    }
  }

  /** Forgets it all (another file was opened, or this one closed). */
  reset(): void {
    this.run += 1;
    this.path = null;
    this.comparison = null;
    this.running = false;
    this.error = null;
    this.backups = null;
    this.inWorkbook = false;
  }
}
