import { describe, expect, it } from "vitest";
import type { Recovered } from "./bindings/Recovered";
import { damagedFile, recoverySummary } from "./recovery";

const recovered = (rows: number, rows_lost: number, texts_repaired: number): Recovered => ({
  session: {
    path: "/home/facilitator/Clients/Harbourline (recovered).bia",
    file_name: "Harbourline (recovered).bia",
    info: { id: "x", name: "Harbourline — BIA 2026", organisation: "", scope: "", facilitator: "", created_at: "", updated_at: "" },
    history: { undo: null, redo: null },
    read_only: null,
    undo_limit: 5000,
    check_pending: false,
    running_workshop: null,
    unresolved_conflicts: 0,
  },
  recovery: { path: "/home/facilitator/Clients/Harbourline (recovered).bia", rows, rows_lost, texts_repaired, notes: [] },
});

describe("recovering a damaged file", () => {
  it("says what was copied, repaired and lost, and that the damaged file is unchanged", () => {
    expect(recoverySummary(recovered(1204, 0, 1), "/home/facilitator/Clients/Harbourline.bia")).toBe(
      "Recovered Harbourline.bia into Harbourline (recovered).bia: 1204 rows copied; 1 text kept with unreadable characters replaced (�). The undo history was not carried over; Harbourline.bia was not changed.",
    );
    expect(recoverySummary(recovered(900, 3, 0), "C:\\Clients\\Harbourline.bia")).toContain("900 rows copied; 3 rows could not be read and were left out.");
    expect(recoverySummary(recovered(1, 1, 2), "a.bia")).toContain("1 row copied; 2 texts kept with unreadable characters replaced (�); 1 row could not be read and was left out.");
  });

  it("offers recovery only for a damaged file the error names", () => {
    expect(damagedFile({ code: "corrupt", message: "…", details: { path: "/x/a.bia", backup: null } })).toBe("/x/a.bia");
    expect(damagedFile({ code: "corrupt", message: "…", details: null })).toBeNull();
    expect(damagedFile({ code: "locked", message: "…", details: { path: "/x/a.bia" } })).toBeNull();
  });
});
