// Files dragged from the file manager onto the window, as the webview reports
// them (Tauri's drag-and-drop events: enter with the paths, over, drop with
// the paths, leave). `dragStep` turns each event into what the window shows —
// the paths held over it (for the overlay), or the paths dropped — and
// `listenForFileDrops` connects it to the current webview. Outside the
// desktop shell (the browser preview, tests without a window) there is no
// webview and nothing is listened to. What a dropped file means is
// `spreadsheetFiles.ts`.
import type { UnlistenFn } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";

/** One drag-and-drop event's payload, as `onDragDropEvent` delivers it (positions are not used). */
export type DragPayload = { type: "enter"; paths: string[] } | { type: "over" } | { type: "drop"; paths: string[] } | { type: "leave" };

/** The paths held over the window (null: nothing), and those just dropped (null: no drop in this event). */
export interface DragStep {
  holding: string[] | null;
  dropped: string[] | null;
}

/** What the window shows after `event`, given the paths it was holding. */
export function dragStep(holding: string[] | null, event: DragPayload): DragStep {
  switch (event.type) {
    case "enter":
      return { holding: [...event.paths], dropped: null };
    case "over":
      // Moving over the window: still the same files (an "over" without an "enter" holds nothing known).
      return { holding: holding ?? [], dropped: null };
    case "drop":
      return { holding: null, dropped: [...event.paths] };
    case "leave":
      return { holding: null, dropped: null };
  }
}

/**
 * Calls `onchange` with every step of a drag over the current webview.
 * Resolves to the function that stops listening (a no-op outside the shell).
 */
export async function listenForFileDrops(onchange: (step: DragStep) => void): Promise<UnlistenFn> {
  let holding: string[] | null = null;
  try {
    return await getCurrentWebview().onDragDropEvent((event) => {
      const step = dragStep(holding, event.payload as DragPayload);
      holding = step.holding;
      onchange(step);
    });
  } catch {
    // No webview (browser preview, tests): nothing can be dropped.
    return () => {};
  }
}
