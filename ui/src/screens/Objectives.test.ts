// The Objectives screen and panel over answers recorded from the real core (Harbourline Logistics): the
// table and its filters, checks as you type (RTO must be below the MTPD), saving normalised values into
// the decision log, and the review workflow with its lock.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { endReplay, mockReplay, openDemoOn, type Replay } from "../testing/testHarness";

let h: Replay;

beforeEach(() => {
  h = mockReplay();
});
afterEach(() => endReplay(h));

const rowNames = () => screen.queryAllByTestId("objective-row").map((r) => r.dataset.name);
const row = (name: string) => screen.getAllByTestId("objective-row").find((r) => r.dataset.name === name)!;

async function openPanel(name: string) {
  await openDemoOn("objectives");
  await screen.findByTestId("objectives-screen");
  await waitFor(() => expect(rowNames()).toContain(name));
  await fireEvent.click(row(name));
  const form = await screen.findByTestId("objectives-form");
  await waitFor(() => expect(within(form).getByTestId("objectives-derived")).toBeTruthy());
  return form;
}

describe("objectives table", () => {
  it("lists every process with its MTPD, objectives and violations, and filters to those that break a rule", async () => {
    await openDemoOn("objectives");
    await waitFor(() => expect(rowNames()).toHaveLength(25));
    const customs = row("Customs clearance and documentation");
    expect(within(customs).getByTestId("objective-mtpd").textContent?.trim()).toBe("3 d");
    expect(within(customs).getByTestId("violation-badge").textContent).toContain("1");
    expect(within(customs).getByTestId("violation-badge").getAttribute("title")).toBe("RTO 1 w is not below the MTPD of 3 d.");
    expect(within(row("Treasury and cash management")).getByTestId("override-marker")).toBeTruthy();
    expect(within(row("Customer invoicing")).queryByTestId("override-marker")).toBeNull();
    expect(within(row("Health and safety incident management")).getAllByRole("cell")[4].textContent?.trim()).toBe("n/a");

    await fireEvent.click(screen.getByTestId("only-violations"));
    expect(rowNames()).toEqual(["Customs clearance and documentation"]);
    await fireEvent.input(screen.getByTestId("objectives-search"), { target: { value: "treasury" } });
    expect(rowNames()).toEqual([]);
  });
});

describe("claimed tiers", () => {
  it("marks the tier a process claims where the agreed RTO gives another, and only there", async () => {
    await openDemoOn("objectives");
    await waitFor(() => expect(rowNames()).toHaveLength(25));
    const marker = within(row("Payroll processing")).getByTestId("claimed-tier-marker");
    expect(marker.textContent).toContain("claimed Tier 1");
    expect(marker.getAttribute("title")).toBe("Claimed as Tier 1 (“Critical”); the agreed RTO of 1 d makes it Tier 2.");
    expect(within(row("Customer order intake")).queryByTestId("claimed-tier-marker")).toBeNull();
    expect(within(row("Customer invoicing")).queryByTestId("claimed-tier-marker")).toBeNull();
  });
});

describe("objectives panel", () => {
  it("shows error-rto while the RTO is not below the MTPD, and saves a valid RTO normalised and logged", async () => {
    const form = await openPanel("IT service desk");
    const rto = within(form).getByTestId("objective-rto") as HTMLInputElement;
    const save = within(form).getByTestId("objectives-save") as HTMLButtonElement;
    expect(rto.value).toBe("1 d");
    expect(within(form).getByTestId("objectives-derived").textContent).toContain("reaches 4 – Major at 3 d");

    await fireEvent.input(rto, { target: { value: "1 week" } });
    const error = await within(form).findByTestId("error-rto");
    expect(error.textContent).toContain("RTO 1 w is not below the MTPD of 3 d");
    expect(save.disabled).toBe(true);

    await fireEvent.input(rto, { target: { value: "4h" } });
    await waitFor(() => expect(within(form).queryByTestId("error-rto")).toBeNull());
    // The core previews the tier the typed RTO would give.
    await waitFor(() => expect(within(form).getByTestId("objective-tier-preview").textContent).toContain("Tier 1"));
    await fireEvent.input(within(form).getByTestId("objective-rationale"), { target: { value: "Recovery partner on site in 4 h" } });
    await waitFor(() => expect(save.disabled).toBe(false));
    await fireEvent.click(save);

    await waitFor(() => expect(rto.value).toBe("4 h"));
    // The log is re-read once the save is through.
    await waitFor(() => expect(within(form).getAllByTestId("decision-entry")[0].textContent).toContain("RTO"));
    const newest = within(form).getAllByTestId("decision-entry")[0];
    expect(newest.textContent).toContain("1 d → 4 h");
    expect(newest.textContent).toContain("Recovery partner on site in 4 h");
    await waitFor(() => expect(within(row("IT service desk")).getAllByRole("cell")[3].textContent?.trim()).toBe("4 h"));
    expect(screen.getByTestId("undo").getAttribute("title")).toBe("Undo Agree objectives of “IT service desk”");
  });

  it("asks why when the MTPD is overridden, and reports durations it cannot read", async () => {
    const form = await openPanel("Fuel and consumables purchasing");
    await fireEvent.input(within(form).getByTestId("objective-mtpd-override"), { target: { value: "3 d" } });
    expect((await within(form).findByTestId("error-mtpd_override_reason")).textContent).toContain("Say why");
    await fireEvent.input(within(form).getByTestId("objective-rpo"), { target: { value: "soonish" } });
    expect((await within(form).findByTestId("error-rpo")).textContent).toContain('"soonish" is not a duration');
    await fireEvent.input(within(form).getByTestId("objective-agreed-on"), { target: { value: "next Tuesday" } });
    expect((await within(form).findByTestId("error-agreed_on")).textContent).toContain("YYYY-MM-DD");
  });

  it("renders the decision history, newest first", async () => {
    const form = await openPanel("Treasury and cash management");
    const entries = within(form).getByTestId("decision-history").querySelectorAll('[data-testid="decision-entry"]');
    expect(entries).toHaveLength(6);
    expect(entries[0].textContent).toContain("Draft → In review");
    expect(entries[0].textContent).toContain("Eleanor Marsh");
    expect(entries[1].textContent).toContain("— → 100 %");
    expect(entries[1].textContent).toContain("Agreed in the BIA workshop");
  });

  it("sends to review, approves (locking the form) and reopens, logging each step", async () => {
    const form = await openPanel("Returns processing");
    const entries = () => within(form).queryAllByTestId("decision-entry").map((e) => e.textContent ?? "");
    const button = (id: string) => within(form).getByTestId(id) as HTMLButtonElement;
    // Its RTO and RPO were agreed in the workshop.
    expect(entries()).toHaveLength(2);

    await fireEvent.input(within(form).getByTestId("status-note"), { target: { value: "Scores complete" } });
    await fireEvent.click(button("status-review"));
    await waitFor(() => expect(entries()).toHaveLength(3));
    expect(entries()[0]).toContain("Draft → In review");
    expect(entries()[0]).toContain("Scores complete");
    expect(within(form).queryByTestId("status-review")).toBeNull();

    await waitFor(() => expect(button("status-approve").disabled).toBe(false));
    await fireEvent.click(button("status-approve"));
    await within(form).findByTestId("objectives-locked");
    expect((within(form).getByTestId("objective-rto") as HTMLInputElement).readOnly).toBe(true);
    expect(button("objectives-save").disabled).toBe(true);
    await waitFor(() => expect(entries()).toHaveLength(4));
    expect(entries()[0]).toContain("In review → Approved");
    expect(entries()[0]).not.toContain("Scores complete");

    await waitFor(() => expect(button("status-reopen").disabled).toBe(false));
    await fireEvent.click(button("status-reopen"));
    await waitFor(() => expect(entries()).toHaveLength(5));
    expect(entries()[0]).toContain("Approved → In review");
    expect(within(form).queryByTestId("objectives-locked")).toBeNull();
    expect((within(form).getByTestId("objective-rto") as HTMLInputElement).readOnly).toBe(false);
    expect(h.calls.filter((c) => c === "set_status")).toHaveLength(3);
  });
});

describe("while the analysis runs", () => {
  it("says it is analysing and shows no figures it does not have yet", async () => {
    const release = h.hold("analyze");
    await openDemoOn("objectives");
    await screen.findByTestId("objectives-analysing");
    const text = screen.getByTestId("objectives-screen").textContent ?? "";
    expect(text).not.toMatch(/0 of 0|No processes|break a rule/);
    release();
    await waitFor(() => expect(screen.queryByTestId("objectives-analysing")).toBeNull());
    expect(screen.getByTestId("objectives-screen").textContent).toContain("of 25 with an RTO");
    expect(screen.getByTestId("violation-total")).toBeTruthy();
  });
});
