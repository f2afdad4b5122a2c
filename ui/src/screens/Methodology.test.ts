// Editing the methodology over answers recorded from the real core (Harbourline Logistics): the whole methodology saved
// as one undoable edit, the core's issues beside their fields, and a
// category with scores that can only be retired.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MethodologyInput } from "../lib/bindings/MethodologyInput";
import { endReplay, mockReplay, openDemoOn, type Replay } from "../testing/testHarness";

let h: Replay;

beforeEach(() => {
  h = mockReplay();
});
afterEach(() => endReplay(h));

const categoryRow = (name: string) => screen.getAllByTestId("category-row").find((r) => r.dataset.name === name)!;

async function startEditing() {
  await openDemoOn("methodology");
  await screen.findByTestId("severity-matrix");
  await fireEvent.click(screen.getByTestId("methodology-edit"));
  await screen.findByTestId("categories-editor");
}

describe("methodology editing", () => {
  it("renames, reorders and retires categories, sets a threshold, adds a horizon, and saves it all as one edit", async () => {
    await startEditing();
    await fireEvent.input(within(categoryRow("Customer")).getByTestId("category-name"), { target: { value: "Customers" } });
    await fireEvent.click(within(categoryRow("Customers")).getByTestId("category-up"));
    await fireEvent.change(within(categoryRow("Health & Safety")).getByTestId("category-threshold"), { target: { value: "3" } });
    await fireEvent.click(within(categoryRow("Environmental")).getByTestId("category-retire"));
    expect(categoryRow("Environmental").dataset.retired).toBe("true");
    await fireEvent.click(screen.getByTestId("horizon-add"));
    const labels = screen.getAllByTestId("horizon-label");
    await fireEvent.input(labels.at(-1)!, { target: { value: "2 h" } });
    await fireEvent.input(screen.getAllByTestId("horizon-duration").at(-1)!, { target: { value: "2 hours" } });
    await fireEvent.change(screen.getByTestId("methodology-threshold"), { target: { value: "3" } });

    await fireEvent.click(screen.getByTestId("methodology-save"));
    await waitFor(() => expect(screen.queryByTestId("categories-editor")).toBeNull());

    const sent = h.args.find((a) => a.cmd === "update_methodology")!.args.input as MethodologyInput;
    expect(sent.categories.map((c) => c.name).slice(0, 3)).toEqual(["Financial", "Customers", "Operational"]);
    expect(sent.categories.find((c) => c.name === "Health & Safety")?.threshold).toBe(3);
    expect(sent.horizons.at(-1)).toEqual({ id: null, label: "2 h", duration: "2 hours" });
    expect(sent.threshold).toBe(3);

    // The core keeps the horizons shortest first.
    const horizons = await screen.findAllByTestId("horizon");
    expect(horizons.map((x) => x.textContent?.trim().split(" · ")[0])).toEqual(["1 h", "2 h", "4 h", "8 h", "1 d", "3 d", "1 w", "2 w", "1 mo"]);
    expect(screen.getByTestId("retired-categories").textContent).toContain("Environmental");
    expect(screen.getByTestId("undo").getAttribute("title")).toBe("Undo Edit the methodology");

    await fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    await waitFor(() => expect(screen.queryByTestId("retired-categories")).toBeNull());
    expect(screen.getByTestId("threshold-level").closest("tr")!.dataset.level).toBe("4");
  });

  it("shows the core's issues beside the fields they are about", async () => {
    await startEditing();
    await fireEvent.input(within(categoryRow("Financial")).getByTestId("category-name"), { target: { value: "  " } });
    await fireEvent.input(screen.getAllByTestId("tier-max-rto")[1], { target: { value: "2 h" } });
    await fireEvent.input(screen.getAllByTestId("level-name")[3], { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("methodology-save"));

    expect((await screen.findByTestId("error-categories.0.name")).textContent).toBe("A category needs a name.");
    expect(screen.getByTestId("error-tiers.1.max_rto").textContent).toContain("reach further than the one before (4 h)");
    expect(screen.getByTestId("error-scale.3").textContent).toBe("A level needs a name.");
    expect(screen.getByTestId("methodology-issues").textContent).toContain("3 things to fix");
    expect(screen.getByTestId("categories-editor")).toBeTruthy();
  });

  it("refuses to remove a category that has scores, and says to retire it instead", async () => {
    await startEditing();
    await fireEvent.click(within(categoryRow("Financial")).getByTestId("category-remove"));
    expect(screen.getAllByTestId("category-row").map((r) => r.dataset.name)).not.toContain("Financial");
    await fireEvent.click(screen.getByTestId("methodology-save"));
    const banner = await screen.findByTestId("error-banner");
    expect(banner.dataset.code).toBe("methodology_in_use");
    expect(banner.textContent).toContain("retire it instead");

    await fireEvent.click(screen.getByTestId("methodology-cancel"));
    // Nothing was saved: the methodology shown still scores Financial.
    expect(screen.getByTestId("severity-matrix").textContent).toContain("Financial");
  });
});

describe("the currency of the amounts", () => {
  it("is named on the screen and beside the Financial definitions only", async () => {
    await openDemoOn("methodology");
    await screen.findByTestId("severity-matrix");
    expect(screen.getByTestId("methodology-currency").textContent?.trim()).toBe("Amounts in GBP (£) — Pound sterling");
    const notes = screen.getAllByTestId("currency-note");
    expect(notes.map((n) => n.textContent)).toEqual(["amounts in GBP (£)"]);
    expect(notes[0].closest("th")!.textContent).toContain("Financial");
    // The user's definitions are left as they wrote them.
    expect(screen.getByTestId("severity-matrix").textContent).toContain("Loss or extra cost of 1 M to 10 M");
  });

  it("is picked from the list, saved with the methodology as one edit, and undone", async () => {
    await startEditing();
    const select = screen.getByTestId("methodology-currency") as HTMLSelectElement;
    expect(select.value).toBe("GBP");
    expect([...select.options].find((o) => o.value === "USD")?.textContent).toBe("USD ($) — US dollar");
    await fireEvent.change(select, { target: { value: "USD" } });
    expect(within(categoryRow("Financial")).getByTestId("currency-note").textContent).toBe("Definitions' amounts in USD ($)");

    await fireEvent.click(screen.getByTestId("methodology-save"));
    await waitFor(() => expect(screen.queryByTestId("categories-editor")).toBeNull());
    const sent = h.args.find((a) => a.cmd === "update_methodology")!.args.input as MethodologyInput;
    expect(sent.currency).toBe("USD");
    expect(screen.getByTestId("methodology-currency").textContent?.trim()).toBe("Amounts in USD ($) — US dollar");
    expect(screen.getByTestId("currency-note").textContent).toBe("amounts in USD ($)");
    expect(screen.getByTestId("undo").getAttribute("title")).toBe("Undo Edit the methodology");

    await fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId("methodology-currency").textContent).toContain("GBP (£)"));
  });

  it("takes any other code typed, checked as it is typed, and saves on Enter", async () => {
    await startEditing();
    await fireEvent.change(screen.getByTestId("methodology-currency"), { target: { value: "other" } });
    const code = (await screen.findByTestId("methodology-currency-code")) as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(code));

    await fireEvent.input(code, { target: { value: "x1" } });
    expect(screen.getByTestId("error-currency-typed").textContent).toContain("Three letters");
    await fireEvent.keyDown(code, { key: "Enter" });
    expect(h.args.some((a) => a.cmd === "update_methodology"), "not sent while it cannot be a code").toBe(false);

    await fireEvent.input(code, { target: { value: "xof" } });
    expect(code.value).toBe("XOF");
    expect(screen.queryByTestId("error-currency-typed")).toBeNull();
    await fireEvent.keyDown(code, { key: "Enter" });
    await waitFor(() => expect(screen.queryByTestId("categories-editor")).toBeNull());
    const sent = h.args.find((a) => a.cmd === "update_methodology")!.args.input as MethodologyInput;
    expect(sent.currency).toBe("XOF");
    expect(screen.getByTestId("methodology-currency").textContent?.trim()).toBe("Amounts in XOF");
    expect(screen.getByTestId("currency-note").textContent).toBe("amounts in XOF");
  });

  it("shows the core's issue beside the field when none is given", async () => {
    await startEditing();
    await fireEvent.change(screen.getByTestId("methodology-currency"), { target: { value: "other" } });
    await screen.findByTestId("methodology-currency-code");
    await fireEvent.click(screen.getByTestId("methodology-save"));
    expect((await screen.findByTestId("error-currency")).textContent).toBe(
      "Give the currency of the amounts: a three-letter ISO 4217 code, such as GBP, EUR or USD.",
    );
    expect(screen.getByTestId("methodology-issues").textContent).toContain("One thing to fix");
    expect(screen.getByTestId("categories-editor")).toBeTruthy();
  });
});
