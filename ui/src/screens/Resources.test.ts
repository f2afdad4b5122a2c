// The Resources screen over answers recorded from the real core (Harbourline Logistics): the register with what the
// analysis requires of each resource, the form's checks as you type (a
// recovery time that is not a duration), both directions of a resource's
// dependencies, and deleting a resource with its links as one undoable edit.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { endReplay, mockReplay, openDemoOn, type Replay } from "../testing/testHarness";

let h: Replay;

beforeEach(() => {
  h = mockReplay();
});
afterEach(() => endReplay(h));

const rowNames = () => screen.queryAllByTestId("resource-row").map((r) => r.dataset.name);
const row = (name: string) => screen.getAllByTestId("resource-row").find((r) => r.dataset.name === name)!;

async function openResources() {
  await openDemoOn("resources");
  await screen.findByTestId("resources-screen");
  await waitFor(() => expect(rowNames()).toHaveLength(31));
}

async function openForm(name: string) {
  await openResources();
  await fireEvent.click(row(name));
  return screen.findByTestId("resource-form");
}

describe("resource register", () => {
  it("shows each resource's capability against the RTO required of it, with the chain, and filters by kind", async () => {
    await openResources();
    const wms = row("Harbourline WMS");
    await waitFor(() => expect(within(wms).getByTestId("resource-required").textContent?.trim()).toBe("2 h"));
    expect(within(wms).getByTestId("resource-required").getAttribute("title")).toBe("Set by Pick, pack and dispatch (RTO 2 h) → Harbourline WMS");
    expect(within(wms).getByTestId("resource-gap").textContent).toContain("2 h short");
    expect(within(row("Temperature monitoring platform")).getByTestId("rto-unknown")).toBeTruthy();
    expect(within(row("Microsoft 365 (email and Teams)")).queryByTestId("resource-gap")).toBeNull();

    await fireEvent.change(screen.getByTestId("filter-kind"), { target: { value: "supplier" } });
    expect(rowNames()).toEqual([
      "Agency staffing partner",
      "Cloud hosting provider",
      "Customs broker (call-off)",
      "Fuel card provider",
      "Managed security partner",
    ]);
    await fireEvent.change(screen.getByTestId("filter-kind"), { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("only-gaps"));
    expect(rowNames()).toEqual([
      "Cloud hosting provider",
      "Customer order records",
      "Employee master data",
      "Felixstowe distribution centre",
      "Felixstowe site network and Wi-Fi",
      "Harbourline WMS",
      "Primary data centre, Reading",
      "Refrigerated storage units",
      "Sage Payroll",
      "Temperature monitoring platform",
      "Transport management system",
    ]);
  });
});

describe("resource form", () => {
  it("shows error-rto_capability for a recovery time that is not a duration, and saves once it is one", async () => {
    await openResources();
    await fireEvent.click(screen.getByTestId("add-resource"));
    const form = await screen.findByTestId("resource-form");
    const save = within(form).getByTestId("resource-save") as HTMLButtonElement;
    await fireEvent.change(within(form).getByTestId("resource-kind"), { target: { value: "supplier" } });
    await fireEvent.input(within(form).getByTestId("resource-name"), { target: { value: "Workday" } });
    await fireEvent.input(within(form).getByTestId("resource-rto-capability"), { target: { value: "soonish" } });

    const error = await within(form).findByTestId("error-rto_capability");
    expect(error.textContent).toContain('Recovery time: "soonish" is not a duration');
    expect(save.disabled).toBe(true);
    // Suppliers also have a contractual recovery time.
    await fireEvent.input(within(form).getByTestId("resource-contractual-recovery"), { target: { value: "1 d" } });

    await fireEvent.input(within(form).getByTestId("resource-rto-capability"), { target: { value: "4h" } });
    await waitFor(() => expect(within(form).queryByTestId("error-rto_capability")).toBeNull());
    await waitFor(() => expect(save.disabled).toBe(false));
    await fireEvent.click(save);

    await waitFor(() => expect(screen.queryByTestId("resource-form")).toBeNull());
    expect(rowNames()).toContain("Workday");
    expect(h.args.find((a) => a.cmd === "create_resource")?.args.input).toMatchObject({ kind: "supplier", name: "Workday", rto_capability: "4h", contractual_recovery: "1 d" });
    // The register shows the recovery time as the core read it.
    expect(within(row("Workday")).getAllByRole("cell")[3].textContent?.trim()).toBe("4 h");
    expect(screen.getByTestId("undo").getAttribute("title")).toBe("Undo Add supplier “Workday”");
  });

  it("refuses a second application of the same name beside the name", async () => {
    await openResources();
    await fireEvent.click(screen.getByTestId("add-resource"));
    const form = await screen.findByTestId("resource-form");
    await fireEvent.input(within(form).getByTestId("resource-name"), { target: { value: "harbourline  wms" } });
    expect((await within(form).findByTestId("error-name")).textContent).toBe('An application named "harbourline wms" already exists.');
    // The same name is fine for another kind (the core keeps names unique per kind).
    await fireEvent.change(within(form).getByTestId("resource-kind"), { target: { value: "supplier" } });
    await waitFor(() => expect(within(form).queryByTestId("error-name")).toBeNull());
  });

  it("shows what relies on a resource and what it relies on, and adds a new resource it runs on from the type-ahead", async () => {
    const form = await openForm("Sage Payroll");
    expect(within(form).getByTestId("resource-requirement").textContent).toContain("Payroll processing (RTO 1 d) → Sage Payroll");
    expect(within(form).getAllByTestId("relied-on-row").map((r) => r.dataset.name)).toEqual(["Payroll processing"]);
    expect(within(form).queryAllByTestId("dependency-row")).toEqual([]);

    const add = within(form).getByTestId("resource-link-add");
    await fireEvent.input(add, { target: { value: "Azure tenancy" } });
    expect(within(form).queryAllByTestId("resource-link-option")).toEqual([]);
    expect(within(form).getByTestId("resource-link-create-offer").textContent).toContain("Create “Azure tenancy” as");
    await fireEvent.keyDown(add, { key: "Enter" });
    expect((within(form).getByTestId("resource-link-new-kind") as HTMLSelectElement).value).toBe("infrastructure");
    await fireEvent.click(within(form).getByTestId("resource-link-add-confirm"));

    await waitFor(() => expect(within(form).getAllByTestId("dependency-row").map((r) => r.dataset.name)).toEqual(["Azure tenancy"]));
    expect(screen.getByTestId("undo").getAttribute("title")).toBe("Undo Sage Payroll relies on Azure tenancy");
    expect(h.args.find((a) => a.cmd === "create_dependency")?.args.input).toMatchObject({ to: { new_resource: { name: "Azure tenancy", kind: "infrastructure" } } });
  });

  it("deletes a resource with its dependencies after confirmation, as one edit that undo brings back", async () => {
    const form = await openForm("Primary data centre, Reading");
    await fireEvent.click(within(form).getByTestId("resource-delete"));
    expect(within(form).getByRole("alertdialog").textContent).toContain("and its 2 dependencies");
    await fireEvent.click(within(form).getByTestId("confirm-delete"));
    await waitFor(() => expect(rowNames()).not.toContain("Primary data centre, Reading"));
    expect(screen.getByTestId("undo").getAttribute("title")).toBe("Undo Delete infrastructure “Primary data centre, Reading”");

    await fireEvent.click(screen.getByTestId("undo"));
    await waitFor(() => expect(rowNames()).toContain("Primary data centre, Reading"));
    // Its links came back with it: the WMS and the TMS rely on it again.
    await fireEvent.click(row("Primary data centre, Reading"));
    const again = await screen.findByTestId("resource-form");
    expect(within(again).getAllByTestId("relied-on-row").map((r) => r.dataset.name).sort()).toEqual(["Harbourline WMS", "Transport management system"]);
  });
});
