// The analysis a screen shows (required RTOs, gaps, findings), re-read from
// the core whenever what it depends on changes: a screen calls `follow(ws)`
// once from its script (`live.follow(() => ws)`) and reads `value`.
import { untrack } from "svelte";
import { asApiError } from "./api";
import type { Analysis } from "./bindings/Analysis";
import type { ApiError } from "./bindings/ApiError";
import type { Workspace } from "./workspace.svelte";

export class LiveAnalysis {
  /** Replaced whole with each answer, never changed in place: not wrapped in proxies (10,000 processes' analyses). */
  value = $state.raw<Analysis | null>(null);
  error = $state<ApiError | null>(null);
  private seq = 0;

  async load(workspace: Workspace): Promise<void> {
    const mine = ++this.seq;
    try {
      const fresh = await workspace.analysis();
      if (mine === this.seq) this.value = fresh;
    } catch (e) {
      if (mine === this.seq) this.error = asApiError(e);
    }
  }

  /** Re-reads after undo/redo and after every edit (each one moves the history). Call during component setup. */
  follow(workspace: () => Workspace): void {
    $effect(() => {
      const ws = workspace();
      void ws.revision;
      void ws.history;
      void ws.processes;
      void ws.resources;
      void ws.dependencies;
      void ws.methodology;
      untrack(() => void this.load(ws));
    });
  }
}
