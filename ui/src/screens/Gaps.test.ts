// The Gaps screen over the FakeBackend: every finding of the dependency
// analysis with its counts, the chain and the size of each gap, sorting, the
// links to what needs fixing, and a gap that appears when a process comes to
// rely on a resource slower than its RTO.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mockBackend, openDemoOn, processId, resetMocks, type Harness } from "../testing/testHarness";

let h: Harness;

beforeEach(() => {
  h = mockBackend();
});
afterEach(resetMocks);

const subjects = () => screen.queryAllByTestId("gap-row").map((r) => r.dataset.subject);
const gapRow = (subject: string) => screen.getAllByTestId("gap-row").find((r) => r.dataset.subject === subject)!;

async function openGaps() {
  await openDemoOn("gaps");
  await screen.findByTestId("gaps-screen");
  await waitFor(() => expect(subjects().length).toBeGreaterThan(0));
}

describe("findings", () => {
  it("lists gaps most severe first, with the chain and the size, and counts every kind of finding", async () => {
    await openGaps();
    expect(subjects()).toEqual([
      "Dangerous goods safety adviser",
      "Sage Payroll",
      "Driver scheduling",
      "Leeds server room",
      "Paragon routing",
      "Manhattan WMS",
      "Customer master data",
    ]);
    expect(screen.getByTestId("count-gaps").textContent).toBe("7");
    expect(screen.getByTestId("count-spofs").textContent).toBe("4");
    expect(screen.getByTestId("count-cycles").textContent).toBe("1");
    expect(screen.getByTestId("count-orphans").textContent).toBe("1");

    const server = gapRow("Leeds server room");
    expect(within(server).getByTestId("gap-chain").textContent).toBe("Pick and pack (RTO 2 h) → Manhattan WMS → Leeds server room (restores in 8 h)");
    expect(within(server).getByTestId("gap-size").textContent).toBe("6 h short");
    expect(server.textContent).toContain("Leeds server room restores in 8 h, but Pick and pack needs it back within 2 h");
    expect(gapRow("Dangerous goods safety adviser").textContent).toContain("size unknown");
    expect(gapRow("Driver scheduling").dataset.kind).toBe("upstream_rto");

    expect(screen.getAllByTestId("spof-row").map((r) => r.dataset.name)).toContain("Dangerous goods safety adviser");
    expect(screen.getByTestId("cycle-row").textContent).toContain("Customer invoicing");
    expect(screen.getAllByTestId("orphan-row").map((r) => r.dataset.name)).toEqual(["Tail-lift trailers"]);
  });

  it("sorts by the size of the gap or by subject", async () => {
    await openGaps();
    await fireEvent.change(screen.getByTestId("gap-sort"), { target: { value: "size" } });
    expect(subjects()[0]).toBe("Sage Payroll");
    expect(subjects().at(-1)).toBe("Dangerous goods safety adviser");
    await fireEvent.change(screen.getByTestId("gap-sort"), { target: { value: "subject" } });
    expect(subjects()[0]).toBe("Customer master data");
  });

  it("opens the resource to fix, or the objectives of an upstream process", async () => {
    await openGaps();
    await fireEvent.click(within(gapRow("Manhattan WMS")).getByTestId("gap-open"));
    const form = await screen.findByTestId("resource-form");
    expect((within(form).getByTestId("resource-name") as HTMLInputElement).value).toBe("Manhattan WMS");
    expect(screen.getByTestId("resources-screen")).toBeTruthy();

    await fireEvent.click(within(form).getByTestId("resource-cancel"));
    await fireEvent.click(screen.getByTestId("nav-gaps"));
    await waitFor(() => expect(subjects().length).toBeGreaterThan(0));
    await fireEvent.click(within(gapRow("Driver scheduling")).getByTestId("gap-open"));
    const objectives = await screen.findByTestId("objectives-form");
    expect(within(objectives).getByRole("heading", { level: 2 }).textContent).toBe("Driver scheduling");
  });
});

describe("a new finding", () => {
  it("appears after a process comes to rely on a resource slower than its RTO", async () => {
    await openDemoOn("dependencies");
    await screen.findByTestId("dependencies-screen");
    await fireEvent.change(screen.getByTestId("dependencies-process"), { target: { value: processId(h.backend, "Customer order intake") } });
    const add = screen.getByTestId("dependency-add");
    await fireEvent.input(add, { target: { value: "Dynamics 365" } });
    await fireEvent.keyDown(add, { key: "Enter" });
    await fireEvent.click(screen.getByTestId("dependency-add-confirm"));
    await waitFor(() => expect(screen.getAllByTestId("dependency-row").map((r) => r.dataset.name)).toContain("Dynamics 365 Finance"));

    await fireEvent.click(screen.getByTestId("nav-gaps"));
    await waitFor(() => expect(subjects()).toContain("Dynamics 365 Finance"));
    const row = gapRow("Dynamics 365 Finance");
    expect(within(row).getByTestId("gap-chain").textContent).toBe("Customer order intake (RTO 2 h) → Dynamics 365 Finance (restores in 1 d)");
    expect(within(row).getByTestId("gap-size").textContent).toBe("22 h short");
    // It also keeps 4 h of data where order intake allows 15 min: a second gap.
    expect(screen.getAllByTestId("gap-row").filter((r) => r.dataset.subject === "Dynamics 365 Finance").map((r) => r.dataset.kind)).toEqual([
      "rto_capability",
      "rpo_capability",
    ]);
    expect(screen.getByTestId("count-gaps").textContent).toBe("9");
  });

  it("says so when there is nothing to find", async () => {
    await openDemoOn("dashboard");
    const data = h.backend.file!.data;
    data.dependencies = [];
    data.resources = [];
    await fireEvent.click(screen.getByTestId("nav-gaps"));
    expect((await screen.findByTestId("gaps-empty")).textContent).toContain("No findings");
    expect(screen.queryAllByTestId("gap-row")).toEqual([]);
  });
});
