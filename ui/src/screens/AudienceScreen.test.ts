// The audience window as the projector shows it: it starts where the facilitator stands (the view last presented),
// follows each view the shell sends, and reads the grid again after any write to the file, whichever window made it
// (the shell's `assessment-changed` event), without a new view from the facilitator.
import { cleanup, render, screen, waitFor } from "@testing-library/svelte";
import { emit } from "@tauri-apps/api/event";
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AudienceView } from "../lib/bindings/AudienceView";
import { type AudienceBackend, mockAudienceBackend, presentedView } from "../testing/audienceBackend";
import * as demo from "../testing/recordedDemo";
import AudienceScreen from "./AudienceScreen.svelte";

let backend: AudienceBackend;

beforeEach(() => {
  backend = mockAudienceBackend(true);
});
afterEach(() => {
  // Unmounted first: its listeners are taken off while the mocked events still exist.
  cleanup();
  clearMocks();
});

const view = (over: Partial<AudienceView> = {}): AudienceView =>
  presentedView({ category_id: demo.categoryNamed("Financial").id, horizon_id: demo.horizonLabelled("1 d").id, ...over });

const impactReads = () => backend.calls.filter((c) => c === "get_process_impact").length;

describe("the audience window", () => {
  it("starts where the facilitator stands, follows the next view, and reads again after any write", async () => {
    backend.presented = view();
    render(AudienceScreen);
    const name = await screen.findByTestId("audience-process");
    expect(name.textContent).toBe("Accounts payable");
    await screen.findByTestId("audience-grid");
    await waitFor(() => expect(impactReads()).toBe(1));

    // Another window (or the facilitator's, before it presents) scores a cell: the stage reads the grid again.
    const cell = backend.payablesImpact.scores.find(
      (s) => s.category_id === demo.categoryNamed("Financial").id && s.horizon_id === demo.horizonLabelled("1 d").id,
    )!;
    cell.severity = 5;
    await emit("assessment-changed", null);
    await waitFor(() => expect(impactReads()).toBe(2));
    await waitFor(() => {
      const seen = screen
        .getAllByTestId("audience-cell")
        .find((c) => c.dataset.category === "Financial" && c.dataset.horizon === "1 d");
      expect(seen?.dataset.severity).toBe("5");
    });

    // The facilitator moves to step 3: the stage follows.
    await emit("audience", view({ step: 3 }));
    await screen.findByTestId("audience-mtpd");
  });
});
