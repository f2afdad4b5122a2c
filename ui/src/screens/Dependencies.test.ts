// The Dependencies screen over the FakeBackend: what a process relies on,
// grouped by kind with each recovery time against the process's RTO; adding
// dependencies through the type-ahead (an existing resource, and a new one
// created in the same edit); changing the strength, removing, and undo; the
// dependency chart of the process on screen (or of the whole assessment),
// redrawn after every edit, undo and redo, and saved with its focus.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mockBackend, openDemoOn, processId, resetMocks, type Harness } from "../testing/testHarness";

const dialog = vi.hoisted(() => ({ save: vi.fn(), open: vi.fn() }));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);

let h: Harness;

beforeEach(() => {
  h = mockBackend();
  dialog.save.mockReset();
});
afterEach(resetMocks);

const rows = () => screen.queryAllByTestId("dependency-row");
const rowNames = () => rows().map((r) => r.dataset.name);
const row = (name: string) => rows().find((r) => r.dataset.name === name)!;

async function showProcess(name: string) {
  await openDemoOn("dependencies");
  await screen.findByTestId("dependencies-screen");
  await fireEvent.change(screen.getByTestId("dependencies-process"), { target: { value: processId(h.backend, name) } });
  await waitFor(() => expect(screen.getByText(`${name} relies on`)).toBeTruthy());
}

describe("what a process relies on", () => {
  it("groups its dependencies by kind and marks each against the process's RTO", async () => {
    await showProcess("Pick and pack");
    expect(screen.getAllByTestId("dependency-group").map((g) => g.dataset.kind)).toEqual(["process", "application", "infrastructure", "site", "equipment"]);
    await waitFor(() => expect(screen.getByTestId("dependencies-rto").textContent).toContain("2 h"));
    const fit = (name: string) => within(row(name)).getByTestId("dependency-fit").dataset.fit;
    expect(fit("Manhattan WMS")).toBe("gap");
    expect(within(row("Manhattan WMS")).getByTestId("dependency-fit").textContent).toContain("2 h late");
    expect(fit("Handheld scanners and Wi-Fi")).toBe("meets");
    expect(fit("Warehouse management system support")).toBe("meets");
    // Only required dependencies must meet the RTO.
    expect(fit("Leeds DC")).toBe("none");
    expect(screen.getByTestId("late-count").textContent).toContain("1 later than the RTO");
  });

  it("shows the processes relying on it, and what they need of it", async () => {
    await showProcess("Driver scheduling");
    expect(screen.getAllByTestId("dependent-row").map((r) => r.dataset.name)).toEqual(["Route planning and dispatch"]);
    await waitFor(() => expect(screen.getByTestId("dependencies-needed-by").textContent).toContain("Route planning and dispatch (RTO 2 h) → Driver scheduling"));
  });
});

describe("adding through the type-ahead", () => {
  it("picks the first match with Enter and adds it with the chosen strength", async () => {
    await showProcess("Customer order intake");
    const add = screen.getByTestId("dependency-add");
    await fireEvent.input(add, { target: { value: "micro" } });
    const options = screen.getAllByTestId("dependency-option");
    expect(options.map((o) => [o.dataset.name, o.dataset.kind])).toEqual([
      ["Microsoft 365", "application"],
      ["micro", "new"],
    ]);
    expect(options[1].textContent?.trim()).toBe("Create application “micro”");
    await fireEvent.keyDown(add, { key: "Enter" });
    expect((add as HTMLInputElement).value).toBe("Microsoft 365");
    expect(screen.queryByTestId("dependency-new-kind")).toBeNull();
    await fireEvent.change(screen.getByTestId("dependency-add-strength"), { target: { value: "degraded" } });
    await fireEvent.click(screen.getByTestId("dependency-add-confirm"));

    await waitFor(() => expect(rowNames()).toContain("Microsoft 365"));
    expect(row("Microsoft 365").dataset.strength).toBe("degraded");
    await waitFor(() => expect((add as HTMLInputElement).value).toBe(""));
    expect(screen.getByTestId("undo").getAttribute("title")).toBe("Undo Customer order intake relies on Microsoft 365");

    // Already relied on: still listed, but not offered again.
    await fireEvent.input(add, { target: { value: "Microsoft" } });
    const listed = screen.getAllByTestId("dependency-option").find((o) => o.dataset.name === "Microsoft 365")!;
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
    const undoBefore = h.backend.file?.undo.length ?? 0;
    await fireEvent.click(screen.getByTestId("dependency-add-confirm"));

    await waitFor(() => expect(rowNames()).toContain("Telephony platform"));
    expect(within(row("Telephony platform")).getByTestId("dependency-fit").dataset.fit).toBe("unknown");
    const created = h.backend.file?.data.resources.find((r) => r.name === "Telephony platform");
    expect(created?.kind).toBe("infrastructure");
    expect(h.backend.file?.undo.length).toBe(undoBefore + 1);
    expect(h.calls).not.toContain("create_resource");

    // One undo takes both back.
    await fireEvent.click(screen.getByTestId("undo"));
    await waitFor(() => expect(rowNames()).not.toContain("Telephony platform"));
    expect(h.backend.file?.data.resources.some((r) => r.name === "Telephony platform")).toBe(false);
  });

  it("adds a typed new name without picking it: the kind shows at once, and Add creates it", async () => {
    await showProcess("Payroll processing");
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
    expect(h.backend.file?.data.resources.find((r) => r.name === "Payslip portal")?.kind).toBe("supplier");
    await waitFor(() => expect((add as HTMLInputElement).value).toBe(""));

    // The exact name of something that exists adds it, no pick needed.
    await fireEvent.input(add, { target: { value: "microsoft 365" } });
    await fireEvent.click(confirm);
    await waitFor(() => expect(rowNames()).toContain("Microsoft 365"));
  });

  it("shows the core's refusal beside the control", async () => {
    await showProcess("Customer order intake");
    // Recorded meanwhile behind the screen's back: the core refuses a second one.
    const data = h.backend.file!.data;
    const m365 = data.resources.find((r) => r.name === "Microsoft 365")!;
    data.dependencies.push({ id: "dup", from: { kind: "process", id: processId(h.backend, "Customer order intake") }, to: { kind: "resource", id: m365.id }, strength: "optional", note: "" });
    const add = screen.getByTestId("dependency-add");
    await fireEvent.input(add, { target: { value: "Microsoft 365" } });
    await fireEvent.keyDown(add, { key: "Enter" });
    await fireEvent.keyDown(add, { key: "Enter" });
    const error = await screen.findByTestId("dependency-add-error");
    expect(error.textContent).toBe("Customer order intake already relies on Microsoft 365 (optional)");
    expect((add as HTMLInputElement).value).toBe("Microsoft 365");
  });
});

describe("editing dependencies", () => {
  it("changes the strength, removes a dependency, and undo brings it back", async () => {
    await showProcess("Pick and pack");
    await fireEvent.change(within(row("Manhattan WMS")).getByTestId("dependency-strength"), { target: { value: "degraded" } });
    await waitFor(() => expect(row("Manhattan WMS").dataset.strength).toBe("degraded"));
    expect(within(row("Manhattan WMS")).getByTestId("dependency-fit").dataset.fit).toBe("none");

    await fireEvent.click(within(row("Forklift fleet")).getByTestId("dependency-remove"));
    await waitFor(() => expect(rowNames()).not.toContain("Forklift fleet"));
    expect(screen.getByTestId("undo").getAttribute("title")).toBe("Undo Remove the dependency of Pick and pack on Forklift fleet");
    await fireEvent.click(screen.getByTestId("undo"));
    await waitFor(() => expect(rowNames()).toContain("Forklift fleet"));
  });
});

describe("the dependency chart", () => {
  const chartSvg = () => {
    const src = screen.getByTestId("chart-dependencies").getAttribute("src") ?? "";
    return decodeURIComponent(src.slice(src.indexOf(",") + 1));
  };
  const links = () => Number(/, (\d+) links/.exec(chartSvg())?.[1] ?? NaN);
  const lastOptions = () => h.args.filter((a) => a.cmd === "chart_svg" && a.args.kind === "dependencies").at(-1)?.args.options;

  it("shows the process on screen and everything upstream of it, or the whole assessment", async () => {
    await showProcess("Pick and pack");
    const pick = processId(h.backend, "Pick and pack");
    await waitFor(() => expect(chartSvg()).toContain("focus: Pick and pack"));
    expect(lastOptions()).toEqual({ process: pick });
    expect(screen.getByTestId("chart-caption-dependencies").textContent).toBe("Pick and pack and everything it relies on");
    expect(screen.getByTestId("dependency-chart-this-process").getAttribute("aria-pressed")).toBe("true");

    await fireEvent.click(screen.getByRole("button", { name: "Whole assessment" }));
    // A new choice is drawn at once, not after the pause that edits wait for.
    expect(lastOptions()).toEqual({});
    await waitFor(() => expect(chartSvg()).toContain(`whole assessment, ${h.backend.file!.data.dependencies.length} links`));
    expect(screen.getByTestId("dependency-chart-whole").getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByTestId("chart-caption-dependencies").textContent).toBe("The whole assessment");

    await fireEvent.click(screen.getByRole("button", { name: "This process" }));
    expect(lastOptions()).toEqual({ process: pick });
    // Walking to another process refocuses the chart on it.
    await fireEvent.click(screen.getByRole("button", { name: "Next process" }));
    const next = screen.getByTestId("dependencies-process") as HTMLSelectElement;
    expect(next.value).not.toBe(pick);
    expect(lastOptions()).toEqual({ process: next.value });
    const name = h.backend.file!.data.processes.find((p) => p.id === next.value)!.name;
    await waitFor(() => expect(chartSvg()).toContain(`focus: ${name},`));
  });

  it("redraws after adding a dependency, and after undo and redo", async () => {
    await showProcess("Customer order intake");
    await waitFor(() => expect(chartSvg()).toContain("focus: Customer order intake"));
    const before = links();
    const add = screen.getByTestId("dependency-add");
    await fireEvent.input(add, { target: { value: "Microsoft 365" } });
    await fireEvent.keyDown(add, { key: "Enter" });
    await fireEvent.click(screen.getByTestId("dependency-add-confirm"));
    await waitFor(() => expect(rowNames()).toContain("Microsoft 365"));
    await waitFor(() => expect(links()).toBe(before + 1), { timeout: 2000 });

    await fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    await waitFor(() => expect(links()).toBe(before), { timeout: 2000 });
    await fireEvent.keyDown(document.body, { key: "y", ctrlKey: true });
    await waitFor(() => expect(links()).toBe(before + 1), { timeout: 2000 });
    expect(lastOptions()).toEqual({ process: processId(h.backend, "Customer order intake") });
  });

  it("opens large with Enter and saves from there under the focused process's name", async () => {
    await showProcess("Pick and pack");
    await waitFor(() => expect(chartSvg()).toContain("focus: Pick and pack"));
    await fireEvent.keyDown(screen.getByRole("button", { name: /^Dependency chart: .* open a larger view$/ }), { key: "Enter" });
    const large = await screen.findByRole("dialog", { name: "Dependency chart" });
    expect(large.textContent).toContain("Pick and pack and everything it relies on");

    dialog.save.mockResolvedValueOnce("/home/morgan/Charts/dependencies-pick-and-pack.png");
    await fireEvent.click(within(large).getByTestId("save-chart-large-dependencies"));
    await within(large).findByTestId("chart-saved-dependencies");
    expect((dialog.save.mock.calls[0][0] as { defaultPath: string }).defaultPath).toBe("dependencies-pick-and-pack.png");
    const pick = processId(h.backend, "Pick and pack");
    expect(h.backend.savedCharts).toEqual([
      { kind: "dependencies", path: "/home/morgan/Charts/dependencies-pick-and-pack.png", options: { process: pick } },
    ]);

    await fireEvent.keyDown(document.activeElement ?? document.body, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    // Escape closed only the large view; the screen is still there.
    expect(screen.getByTestId("dependencies-screen")).toBeTruthy();
  });
});
