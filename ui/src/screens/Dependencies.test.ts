// The Dependencies screen over answers recorded from the real core (Harbourline Logistics): what a process
// relies on, grouped by kind with each recovery time against the process's RTO; adding dependencies through
// the type-ahead (an existing resource, and a new one created in the same edit); changing the strength, removing, and undo. The chart is in DependencyChart.test.ts.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { endReplay, mockReplay, openDemoOn, type Replay } from "../testing/testHarness";

let h: Replay;

beforeEach(() => {
  h = mockReplay();
});
afterEach(() => endReplay(h));

const rows = () => screen.queryAllByTestId("dependency-row");
const rowNames = () => rows().map((r) => r.dataset.name);
const row = (name: string) => rows().find((r) => r.dataset.name === name)!;

async function showProcess(name: string) {
  await openDemoOn("dependencies");
  await screen.findByTestId("dependencies-screen");
  await fireEvent.change(screen.getByTestId("dependencies-process"), { target: { value: h.backend.processId(name) } });
  await waitFor(() => expect(screen.getByText(`${name} relies on`)).toBeTruthy());
}

describe("what a process relies on", () => {
  it("opens on the first process in the register that relies on something", async () => {
    await openDemoOn("dependencies");
    // Complaints handling, the register's first (Customer Service), relies on nothing yet.
    await waitFor(() => expect(screen.getByText("Customer order intake relies on")).toBeTruthy());
    expect(rows().length).toBeGreaterThan(0);
  });

  it("groups its dependencies by kind and marks each against the process's RTO", async () => {
    await showProcess("Pick, pack and dispatch");
    expect(screen.getAllByTestId("dependency-group").map((g) => g.dataset.kind)).toEqual(["process", "application", "people", "site", "equipment"]);
    await waitFor(() => expect(screen.getByTestId("dependencies-rto").textContent).toContain("2 h"));
    const fit = (name: string) => within(row(name)).getByTestId("dependency-fit").dataset.fit;
    expect(fit("Harbourline WMS")).toBe("gap");
    expect(within(row("Harbourline WMS")).getByTestId("dependency-fit").textContent).toContain("2 h late");
    expect(fit("Handheld scanners")).toBe("meets");
    expect(fit("Customer order intake")).toBe("meets");
    // Only required dependencies must meet the RTO.
    expect(fit("Licensed forklift operators")).toBe("none");
    expect(screen.getByTestId("late-count").textContent).toContain("2 later than the RTO");
  });

  it("shows the processes relying on it, and what they need of it", async () => {
    await showProcess("Customer order intake");
    expect(screen.getAllByTestId("dependent-row").map((r) => r.dataset.name)).toEqual(["Pick, pack and dispatch"]);
    await waitFor(() => expect(screen.getByTestId("dependencies-needed-by").textContent).toContain("Pick, pack and dispatch (RTO 2 h) → Customer order intake"));
  });
});

describe("adding through the type-ahead", () => {
  it("picks the first match with Enter and adds it with the chosen strength", async () => {
    await showProcess("Customer order intake");
    const add = screen.getByTestId("dependency-add");
    await fireEvent.input(add, { target: { value: "micro" } });
    const options = screen.getAllByTestId("dependency-option");
    expect(options.map((o) => [o.dataset.name, o.dataset.kind])).toEqual([
      ["Microsoft 365 (email and Teams)", "application"],
      ["micro", "new"],
    ]);
    expect(options[1].textContent?.trim()).toBe("Create application “micro”");
    await fireEvent.keyDown(add, { key: "Enter" });
    expect((add as HTMLInputElement).value).toBe("Microsoft 365 (email and Teams)");
    expect(screen.queryByTestId("dependency-new-kind")).toBeNull();
    await fireEvent.change(screen.getByTestId("dependency-add-strength"), { target: { value: "degraded" } });
    await fireEvent.click(screen.getByTestId("dependency-add-confirm"));

    await waitFor(() => expect(rowNames()).toContain("Microsoft 365 (email and Teams)"));
    expect(row("Microsoft 365 (email and Teams)").dataset.strength).toBe("degraded");
    await waitFor(() => expect((add as HTMLInputElement).value).toBe(""));
    expect(screen.getByTestId("undo").getAttribute("title")).toBe("Undo Customer order intake relies on Microsoft 365 (email and Teams)");

    // Already relied on: still listed, but not offered again.
    await fireEvent.input(add, { target: { value: "Microsoft" } });
    const listed = screen.getAllByTestId("dependency-option").find((o) => o.dataset.name === "Microsoft 365 (email and Teams)")!;
    expect(listed.getAttribute("aria-disabled")).toBe("true");
    expect(listed.textContent).toContain("already relied on");
  });

  it("creates a new resource of the chosen kind with the dependency, as one edit", async () => {
    await showProcess("Customer order intake");
    const add = screen.getByTestId("dependency-add");
    await fireEvent.input(add, { target: { value: "Telephony platform" } });
    // Nothing matches: no list, the offer to create shows inline.
    expect(screen.queryAllByTestId("dependency-option")).toEqual([]);
    expect(screen.getByTestId("dependency-create-offer").textContent).toContain("No match. Create “Telephony platform” as");
    await fireEvent.keyDown(add, { key: "Enter" });
    expect(screen.getByTestId("dependency-create-offer").textContent).toContain("Kind of the new resource");
    const kind = screen.getByTestId("dependency-new-kind") as HTMLSelectElement;
    expect(kind.value).toBe("application");
    await fireEvent.change(kind, { target: { value: "infrastructure" } });
    await fireEvent.click(screen.getByTestId("dependency-add-confirm"));

    await waitFor(() => expect(rowNames()).toContain("Telephony platform"));
    expect(within(row("Telephony platform")).getByTestId("dependency-fit").dataset.fit).toBe("unknown");
    // The resource is created with the dependency, in the same edit.
    expect(h.args.find((a) => a.cmd === "create_dependency")?.args.input).toMatchObject({ to: { new_resource: { name: "Telephony platform", kind: "infrastructure" } } });
    expect(h.calls).not.toContain("create_resource");
    expect(screen.getByTestId("undo").getAttribute("title")).toBe("Undo Customer order intake relies on Telephony platform");

    // One undo takes both back.
    await fireEvent.click(screen.getByTestId("undo"));
    await waitFor(() => expect(rowNames()).not.toContain("Telephony platform"));
    expect(h.backend.current<Array<{ name: string }>>("list_resources").some((r) => r.name === "Telephony platform")).toBe(false);
  });

  it("adds a typed new name without picking it: the kind shows at once, and Add creates it", async () => {
    await showProcess("IT service desk");
    const add = screen.getByTestId("dependency-add");
    const confirm = screen.getByTestId("dependency-add-confirm") as HTMLButtonElement;
    await fireEvent.input(add, { target: { value: "pay" } });
    // A partial match has to be picked first.
    expect(confirm.disabled).toBe(true);
    expect(screen.queryByTestId("dependency-new-kind")).toBeNull();

    await fireEvent.input(add, { target: { value: "Payslip portal" } });
    expect(confirm.disabled).toBe(false);
    await fireEvent.change(screen.getByTestId("dependency-new-kind"), { target: { value: "supplier" } });
    await fireEvent.click(confirm);
    await waitFor(() => expect(rowNames()).toContain("Payslip portal"));
    expect(h.args.find((a) => a.cmd === "create_dependency")?.args.input).toMatchObject({ to: { new_resource: { name: "Payslip portal", kind: "supplier" } } });
    await waitFor(() => expect((add as HTMLInputElement).value).toBe(""));

    // The exact name of something that exists adds it, no pick needed.
    await fireEvent.input(add, { target: { value: "microsoft 365 (email and teams)" } });
    await fireEvent.click(confirm);
    await waitFor(() => expect(rowNames()).toContain("Microsoft 365 (email and Teams)"));
  });
});

describe("editing dependencies", () => {
  it("changes the strength, removes a dependency, and undo brings it back", async () => {
    await showProcess("Pick, pack and dispatch");
    await fireEvent.change(within(row("Harbourline WMS")).getByTestId("dependency-strength"), { target: { value: "degraded" } });
    await waitFor(() => expect(row("Harbourline WMS").dataset.strength).toBe("degraded"));
    expect(within(row("Harbourline WMS")).getByTestId("dependency-fit").dataset.fit).toBe("none");

    await fireEvent.click(within(row("Licensed forklift operators")).getByTestId("dependency-remove"));
    await waitFor(() => expect(rowNames()).not.toContain("Licensed forklift operators"));
    expect(screen.getByTestId("undo").getAttribute("title")).toBe("Undo Remove the dependency of Pick, pack and dispatch on Licensed forklift operators");
    await fireEvent.click(screen.getByTestId("undo"));
    await waitFor(() => expect(rowNames()).toContain("Licensed forklift operators"));
  });
});
