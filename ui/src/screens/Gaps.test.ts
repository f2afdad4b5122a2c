// The Gaps screen over answers recorded from the real core (Harbourline Logistics): every finding of the
// dependency analysis with its counts, the chain and the size of each gap, sorting, the links to what needs
// fixing, a gap that appears when a process comes to rely on a resource slower than its RTO, and a new
// assessment with nothing to find.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { emit } from "@tauri-apps/api/event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { endReplay, mockReplay, openDemoOn, type Replay } from "../testing/testHarness";

const dialog = vi.hoisted(() => ({ save: vi.fn(), open: vi.fn() }));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);

let h: Replay;

beforeEach(() => {
  h = mockReplay();
  dialog.save.mockReset();
});
afterEach(() => endReplay(h));

const subjects = () => screen.queryAllByTestId("gap-row").map((r) => r.dataset.subject);
const gapRow = (subject: string, kind = "rto_capability") =>
  screen.getAllByTestId("gap-row").find((r) => r.dataset.subject === subject && r.dataset.kind === kind)!;

async function openGaps() {
  await openDemoOn("gaps");
  await screen.findByTestId("gaps-screen");
  await waitFor(() => expect(subjects().length).toBeGreaterThan(0));
}

describe("findings", () => {
  it("lists gaps most severe first, with the chain and the size, and counts every kind of finding", async () => {
    await openGaps();
    // An unknown recovery time first (nobody can say it will be back in time), then by how far short.
    expect(subjects().slice(0, 5)).toEqual([
      "Temperature monitoring platform",
      "Felixstowe distribution centre",
      "Inventory control and cycle counts",
      "Refrigerated storage units",
      "Sage Payroll",
    ]);
    expect(screen.getByTestId("count-gaps").textContent).toBe("13");
    expect(screen.getByTestId("count-spofs").textContent).toBe("4");
    expect(screen.getByTestId("count-cycles").textContent).toBe("0");
    expect(screen.getByTestId("count-orphans").textContent).toBe("2");

    // Each fact once: the chain by name, the numbers beside it in days and hours, and what would close the gap.
    const site = gapRow("Felixstowe distribution centre");
    expect(within(site).getByTestId("gap-chain").textContent).toBe("Pick, pack and dispatch → Felixstowe distribution centre");
    expect(within(site).getByTestId("gap-size").textContent).toBe("6 d 22 h short");
    expect(site.textContent).toContain("within 2 h");
    expect(site.textContent).toContain("restores in 1 w");
    expect(within(site).getByTestId("gap-close").textContent).toBe(
      "To close it: Have Felixstowe distribution centre restored within 2 h (a recovery arrangement, a standby, a faster supplier), or agree a longer RTO for Pick, pack and dispatch.",
    );
    // The core's sentence stays as the card's tooltip.
    expect(site.title).toBe("Felixstowe distribution centre restores in 1 w, but Pick, pack and dispatch needs it back within 2 h");
    const unknown = gapRow("Temperature monitoring platform", "unknown_capability");
    expect(unknown.textContent).toContain("size unknown");
    expect(within(unknown).getByTestId("gap-close").textContent).toContain(
      "Find out how quickly Temperature monitoring platform can be restored (it is needed within 1 h)",
    );
    expect(within(gapRow("Inventory control and cycle counts", "upstream_rto")).getByTestId("gap-close").textContent).toContain(
      "Agree an RTO of 2 h or less for Inventory control and cycle counts, or agree a longer RTO for Customer order intake.",
    );
    expect(within(gapRow("Sage Payroll", "rpo_capability")).getByTestId("gap-close").textContent).toContain(
      "Back up or replicate Sage Payroll so that at most 4 h of data is lost, or agree a longer RPO for Payroll processing.",
    );

    expect(screen.getAllByTestId("spof-row").map((r) => r.dataset.name)).toContain("Temperature monitoring platform");
    expect(screen.queryAllByTestId("cycle-row")).toEqual([]);
    expect(screen.getAllByTestId("orphan-row").map((r) => r.dataset.name)).toEqual(["Birmingham hub", "Head office, Ipswich"]);
  });

  it("sorts by the size of the gap or by subject", async () => {
    await openGaps();
    await fireEvent.change(screen.getByTestId("gap-sort"), { target: { value: "size" } });
    expect(subjects()[0]).toBe("Felixstowe distribution centre");
    expect(subjects().at(-1)).toBe("Temperature monitoring platform");
    await fireEvent.change(screen.getByTestId("gap-sort"), { target: { value: "subject" } });
    expect(subjects()[0]).toBe("Cloud hosting provider");
    expect(subjects().at(-1)).toBe("Transport management system");
  });

  it("opens the resource to fix, or the objectives of an upstream process", async () => {
    await openGaps();
    await fireEvent.click(within(gapRow("Harbourline WMS")).getByTestId("gap-open"));
    const form = await screen.findByTestId("resource-form");
    expect((within(form).getByTestId("resource-name") as HTMLInputElement).value).toBe("Harbourline WMS");
    expect(screen.getByTestId("resources-screen")).toBeTruthy();

    await fireEvent.click(within(form).getByTestId("resource-cancel"));
    await fireEvent.click(screen.getByTestId("nav-gaps"));
    await waitFor(() => expect(subjects().length).toBeGreaterThan(0));
    await fireEvent.click(within(gapRow("Inventory control and cycle counts", "upstream_rto")).getByTestId("gap-open"));
    const objectives = await screen.findByTestId("objectives-form");
    expect(within(objectives).getByRole("heading", { level: 2 }).textContent).toBe("Inventory control and cycle counts");
  });
});

describe("claimed tiers", () => {
  it("lists the tiers last year's spreadsheet claimed that the agreed RTOs do not bear out, each opening its objectives", async () => {
    await openGaps();
    expect(screen.getByTestId("count-claims").textContent).toBe("2");
    const rows = screen.getAllByTestId("claimed-tier-row");
    // Customer order intake claims Tier 1 and its 2 h RTO gives Tier 1: no finding.
    expect(rows.map((r) => r.dataset.name)).toEqual(["Key account management", "Payroll processing"]);
    expect(rows[1].dataset.code).toBe("claimed_tier_differs");
    expect(rows[1].textContent).toContain("claimed Tier 1");
    expect(rows[1].textContent).toContain("Claimed as Tier 1 (“Critical”); the agreed RTO of 1 d makes it Tier 2.");

    await fireEvent.click(within(rows[0]).getByTestId("claimed-tier-open"));
    const objectives = await screen.findByTestId("objectives-form");
    expect(within(objectives).getByRole("heading", { level: 2 }).textContent).toBe("Key account management");
    expect(within(objectives).getByTestId("objectives-claimed-tier").textContent?.trim()).toBe("claimed Tier 2");
    expect(within(objectives).getByTestId("objectives-claimed-tier-finding").textContent).toBe(
      "Claimed as Tier 2 (“P2”); the agreed RTO of 3 d makes it Tier 3.",
    );
  });
});

describe("a new finding", () => {
  it("appears after a process comes to rely on a resource slower than its RTO", async () => {
    await openDemoOn("dependencies");
    await screen.findByTestId("dependencies-screen");
    await fireEvent.change(screen.getByTestId("dependencies-process"), { target: { value: h.backend.processId("Customer order intake") } });
    const add = screen.getByTestId("dependency-add");
    await fireEvent.input(add, { target: { value: "Telematics" } });
    await fireEvent.keyDown(add, { key: "Enter" });
    await fireEvent.click(screen.getByTestId("dependency-add-confirm"));
    await waitFor(() =>
      expect(screen.getAllByTestId("dependency-row").map((r) => r.dataset.name)).toContain("Telematics and tachograph platform"),
    );

    await fireEvent.click(screen.getByTestId("nav-gaps"));
    await waitFor(() => expect(subjects()).toContain("Telematics and tachograph platform"));
    const row = gapRow("Telematics and tachograph platform");
    expect(within(row).getByTestId("gap-chain").textContent).toBe(
      "Customer order intake → Telematics and tachograph platform",
    );
    expect(within(row).getByTestId("gap-size").textContent).toBe("22 h short");
    // It also keeps a day of data where order intake allows less: a second gap.
    expect(gapRow("Telematics and tachograph platform", "rpo_capability")).toBeTruthy();
    expect(screen.getByTestId("count-gaps").textContent).toBe("15");
    // And nothing stands in for it: a single point of failure under a Tier 1 process.
    expect(screen.getAllByTestId("spof-row").map((r) => r.dataset.name)).toContain("Telematics and tachograph platform");
  });

  it("says so when there is nothing to find", async () => {
    await openDemoOn("dashboard");
    dialog.save.mockResolvedValue("/home/facilitator/Documents/Warehouse pilot.bia");
    await emit("menu", { action: "new" });
    const form = await screen.findByTestId("new-assessment-form");
    await fireEvent.input(within(form).getByTestId("assessment-name-input"), { target: { value: "Warehouse pilot" } });
    await fireEvent.click(within(form).getByTestId("create-assessment"));
    await waitFor(() => expect(screen.getByTestId("assessment-name").textContent).toBe("Warehouse pilot"));

    await fireEvent.click(screen.getByTestId("nav-gaps"));
    expect((await screen.findByTestId("gaps-empty")).textContent).toContain("No findings");
    expect(screen.queryAllByTestId("gap-row")).toEqual([]);
  });
});

describe("finding a gap among many", () => {
  it("searches and filters the gaps by kind, resource kind and unit, and says how many are shown", async () => {
    await openGaps();
    expect(screen.getByTestId("gap-count").textContent).toBe("13 gaps");
    await fireEvent.input(screen.getByTestId("gap-search"), { target: { value: "payroll" } });
    expect(subjects().every((s) => s !== "Felixstowe distribution centre")).toBe(true);
    expect(subjects()).toContain("Sage Payroll");
    expect(screen.getByTestId("gap-count").textContent).toBe(`${subjects().length} of 13 gaps`);
    await fireEvent.keyDown(screen.getByTestId("gap-search"), { key: "Escape" });
    expect(screen.getByTestId("gap-count").textContent).toBe("13 gaps");

    await fireEvent.change(screen.getByTestId("gap-filter-kind"), { target: { value: "rpo_capability" } });
    expect(screen.getAllByTestId("gap-row").every((r) => r.dataset.kind === "rpo_capability")).toBe(true);
    await fireEvent.change(screen.getByTestId("gap-filter-kind"), { target: { value: "" } });
    await fireEvent.change(screen.getByTestId("gap-filter-resource-kind"), { target: { value: "site" } });
    expect(subjects()).toContain("Felixstowe distribution centre");
    expect(subjects()).not.toContain("Sage Payroll");
    await fireEvent.click(screen.getByTestId("gap-filter-clear"));
    expect(screen.getByTestId("gap-count").textContent).toBe("13 gaps");

    // A unit keeps the gaps of processes in it and its sub-units; none matches shows a way back.
    const unit = screen.getByTestId("gap-filter-unit") as HTMLSelectElement;
    const people = [...unit.options].find((o) => o.textContent?.trim() === "People & Payroll")!;
    await fireEvent.change(unit, { target: { value: people.value } });
    expect(subjects()).toContain("Sage Payroll");
    expect(subjects()).not.toContain("Felixstowe distribution centre");
    await fireEvent.input(screen.getByTestId("gap-search"), { target: { value: "no such thing" } });
    expect(subjects()).toEqual([]);
    expect(screen.getByTestId("gaps-screen").textContent).toContain("No gap matches these filters.");
  });

  it("shows the gaps as a compact table, sorted by a column, a row opening what falls short", async () => {
    await openGaps();
    await fireEvent.click(screen.getByTestId("gap-view-table"));
    const rows = () => screen.getAllByTestId("gap-table-row").map((r) => r.dataset.name);
    expect(rows()).toHaveLength(13);
    // Largest shortfall first, the unknown last.
    expect(rows()[0]).toBe("Felixstowe distribution centre");
    expect(rows().at(-1)).toBe("Temperature monitoring platform");
    await fireEvent.click(screen.getByTestId("gap-sort-subject"));
    expect(rows()[0]).toBe("Cloud hosting provider");
    await fireEvent.click(screen.getByTestId("gap-sort-subject"));
    expect(rows()[0]).toBe("Transport management system");

    const wms = screen.getAllByTestId("gap-table-row").find((r) => r.dataset.name === "Harbourline WMS")!;
    expect(wms.textContent).toContain("Pick, pack and dispatch");
    await fireEvent.click(wms);
    await screen.findByTestId("resources-screen");
  });
});

describe("the analysis, shared", () => {
  it("is asked for once while the file does not change, however many screens show it", async () => {
    await openDemoOn("objectives");
    await screen.findByTestId("violation-total");
    await fireEvent.click(screen.getByTestId("nav-gaps"));
    await waitFor(() => expect(subjects().length).toBeGreaterThan(0));
    await fireEvent.click(screen.getByTestId("nav-resources"));
    await screen.findByTestId("resources-screen");
    await waitFor(() => expect(screen.getAllByTestId("resource-row").length).toBeGreaterThan(0));
    await fireEvent.click(screen.getByTestId("nav-gaps"));
    await waitFor(() => expect(subjects().length).toBeGreaterThan(0));
    expect(h.calls.filter((c) => c === "analyze")).toHaveLength(1);
  });
});
