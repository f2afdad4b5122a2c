// The process picker: a select of every process for a workshop-sized register, a search box for a large one (a
// select of 10,000 options took a third of a second to build), both with previous / next.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { Process } from "../lib/bindings/Process";
import { PICKER_LIST_UP_TO } from "../lib/processSearch";
import type { ProcessGroup } from "../lib/unitTree";
import ProcessPicker from "./ProcessPicker.svelte";

function groups(count: number): ProcessGroup<Process>[] {
  const processes = Array.from({ length: count }, (_, i) => ({
    id: `p-${i}`,
    name: `Process ${String(i).padStart(5, "0")} order handling`,
    status: "draft",
  })) as Process[];
  return [
    { label: "Department 1", processes: processes.slice(0, count / 2) },
    { label: "Department 2", processes: processes.slice(count / 2) },
  ] as ProcessGroup<Process>[];
}

describe("the process picker", () => {
  it("lists every process of a workshop-sized register in a select", () => {
    const g = groups(40);
    render(ProcessPicker, { groups: g, current: g[0].processes[0], testid: "picker", onchoose: vi.fn() });
    const select = screen.getByTestId("picker") as HTMLSelectElement;
    expect(select.tagName).toBe("SELECT");
    expect(select.options).toHaveLength(40);
  });

  it("is a search box for a large register: type, pick with the keyboard, Escape gives the name back", async () => {
    const g = groups(10_000);
    expect(10_000).toBeGreaterThan(PICKER_LIST_UP_TO);
    const onchoose = vi.fn();
    render(ProcessPicker, { groups: g, current: g[0].processes[3], testid: "picker", onchoose });
    const box = screen.getByTestId("picker") as HTMLInputElement;
    expect(box.tagName).toBe("INPUT");
    expect(box.value).toBe("Process 00003 order handling");
    expect(screen.getByText("4 / 10,000")).toBeTruthy();
    expect(document.querySelectorAll("option")).toHaveLength(0);

    // Focused, the box is emptied for a search (the name stays as its placeholder) and lists the register's first.
    await fireEvent.focus(box);
    expect(box.value).toBe("");
    expect(box.placeholder).toBe("Process 00003 order handling");
    expect(screen.getAllByTestId("picker-match")).toHaveLength(12);
    await fireEvent.input(box, { target: { value: "0742" } });
    const found = screen.getAllByTestId("picker-match");
    // Names with a word starting with what was typed first, then those merely containing it; each with its unit.
    expect(found.map((li) => li.textContent?.replace(/\s+/g, " ").trim())).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `Process 0742${i} order handling Department 2`),
      "Process 00742 order handling Department 1",
    ]);
    expect(box.getAttribute("aria-expanded")).toBe("true");
    await fireEvent.keyDown(box, { key: "ArrowDown" });
    await fireEvent.keyDown(box, { key: "Enter" });
    expect(onchoose).toHaveBeenCalledWith("p-7421");
    expect(screen.queryByTestId("picker-matches")).toBeNull();

    await fireEvent.input(box, { target: { value: "nothing" } });
    expect(screen.getByText("No process is called that")).toBeTruthy();
    await fireEvent.keyDown(box, { key: "Escape" });
    expect(screen.queryByTestId("picker-matches")).toBeNull();
    expect(box.value).toBe("Process 00003 order handling");
    await fireEvent.blur(box);
  });

  it("picks with the mouse, and still walks the register with previous and next", async () => {
    const g = groups(1_000);
    const onchoose = vi.fn();
    render(ProcessPicker, { groups: g, current: g[0].processes[10], testid: "picker", onchoose });
    await fireEvent.input(screen.getByTestId("picker"), { target: { value: "00999" } });
    await fireEvent.mouseDown(screen.getByTestId("picker-match"));
    expect(onchoose).toHaveBeenLastCalledWith("p-999");
    await fireEvent.click(screen.getByRole("button", { name: "Next process" }));
    expect(onchoose).toHaveBeenLastCalledWith("p-11");
  });
});
