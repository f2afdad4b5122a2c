// The dependency chart on the Dependencies screen, over the in-memory FakeBackend (the real chart's layout
// follows the demo's random ids, so it is not recorded): the chart of the process on screen (or of the
// whole assessment), redrawn after every edit, undo and redo, and saved with its focus.
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

const rowNames = () => screen.queryAllByTestId("dependency-row").map((r) => r.dataset.name);

async function showProcess(name: string) {
  await openDemoOn("dependencies");
  await screen.findByTestId("dependencies-screen");
  await fireEvent.change(screen.getByTestId("dependencies-process"), { target: { value: processId(h.backend, name) } });
  await waitFor(() => expect(screen.getByText(`${name} relies on`)).toBeTruthy());
}

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
