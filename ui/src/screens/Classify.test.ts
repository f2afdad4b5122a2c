// Resources to classify, over answers recorded from the real core (Harbourline Logistics, and the Customer Service
// department's "Customer Service BIA 2025.csv", whose Dependencies column names Complaints handling — a process of
// the demo —, Harbourline WMS — one of its applications — and Citrix and Zendesk, which nothing has): the import
// preview lists the two to classify with a kind select each; Citrix picked as an application is planned again with
// that kind and imported so; Zendesk, left to classify, is listed first on the Resources screen (and counted in the
// kind filter) until its select classifies it, one undoable edit.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Resource } from "../lib/bindings/Resource";
import { endReplay, mockReplay, openDemoOn, type Replay } from "../testing/testHarness";

const dialog = vi.hoisted(() => ({ save: vi.fn(), open: vi.fn() }));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);

const FILE = "/home/facilitator/Documents/Customer Service BIA 2025.csv";

let h: Replay;

beforeEach(() => {
  h = mockReplay();
  dialog.open.mockReset();
});
afterEach(() => endReplay(h));

const callsOf = (cmd: string) => h.args.filter((a) => a.cmd === cmd).map((a) => a.args);
const classifyRows = () => screen.queryAllByTestId("import-classify-row").map((r) => r.dataset.name);
const kindSelect = (name: string) => screen.getByRole("combobox", { name: `Kind of ${name}` }) as HTMLSelectElement;

async function preview() {
  await openDemoOn("import");
  dialog.open.mockResolvedValueOnce(FILE);
  await fireEvent.click(screen.getByTestId("import-choose"));
  await screen.findByTestId("import-counts");
}

async function importWithCitrixAnApplication() {
  await preview();
  await fireEvent.change(kindSelect("Citrix"), { target: { value: "application" } });
  await waitFor(() => expect(callsOf("plan_import")).toHaveLength(2));
  await waitFor(() => expect((screen.getByTestId("import-apply") as HTMLButtonElement).disabled).toBe(false));
  await fireEvent.click(screen.getByTestId("import-apply"));
  await screen.findByTestId("import-result");
}

describe("import preview: resources to classify", () => {
  it("lists the names no process or resource has, each with a kind select, and says where each was read", async () => {
    await preview();
    const section = screen.getByRole("region", { name: /Resources to classify/ });
    expect(classifyRows()).toEqual(["Citrix", "Zendesk"]);
    expect(kindSelect("Citrix").value).toBe("unclassified");
    expect(within(section).getByTestId("import-classify-left").textContent).toBe("2 of 2 left");
    const citrix = screen.getAllByTestId("import-classify-row").find((r) => r.dataset.name === "Citrix")!;
    expect(citrix.textContent, "the cell it was read from").toContain("!D2");
    const options = Array.from(kindSelect("Citrix").options).map((o) => o.value);
    expect(options).toEqual(["unclassified", "application", "infrastructure", "data", "supplier", "people", "site", "equipment"]);
    // Complaints handling (a process) and Harbourline WMS (an application of the demo) are not to classify.
    expect(classifyRows()).not.toContain("Harbourline WMS");
    expect(screen.getByTestId("import-screen").textContent).toContain("to classify");
  });

  it("a kind picked is planned again with it, carried into the import, and the resource is created of that kind", async () => {
    await importWithCitrixAnApplication();
    expect(callsOf("plan_import")[1]).toEqual({ path: FILE, choices: [], kinds: [{ name: "Citrix", kind: "application" }] });
    expect(callsOf("apply_import")).toEqual([{ path: FILE, choices: [], kinds: [{ name: "Citrix", kind: "application" }] }]);
    const resources = h.backend.current<Resource[]>("list_resources");
    expect(resources.find((r) => r.name === "Citrix")?.kind).toBe("application");
    expect(resources.find((r) => r.name === "Zendesk")?.kind).toBe("unclassified");
  }, 20_000);
});

describe("resources screen: resources to classify", () => {
  it("lists Zendesk first until its select classifies it, one undoable edit; the filter counts it", async () => {
    await importWithCitrixAnApplication();
    await fireEvent.click(screen.getByTestId("nav-resources"));
    await screen.findByTestId("resources-screen");

    const list = await screen.findByRole("region", { name: /To classify/ });
    const listed = () => within(list).queryAllByTestId("resource-to-classify").map((r) => r.dataset.name);
    expect(listed()).toEqual(["Zendesk"]);
    const filter = screen.getByTestId("filter-kind") as HTMLSelectElement;
    expect(Array.from(filter.options).map((o) => o.textContent)).toContain("To classify (1)");
    await fireEvent.change(filter, { target: { value: "unclassified" } });
    await waitFor(() => expect(screen.getAllByTestId("resource-row").map((r) => r.dataset.name)).toEqual(["Zendesk"]));
    await fireEvent.change(filter, { target: { value: "" } });

    const select = screen.getByRole("combobox", { name: "Kind of Zendesk" }) as HTMLSelectElement;
    expect(select.options[0].textContent, "a placeholder until a kind is picked").toBe("To classify…");
    await fireEvent.change(select, { target: { value: "supplier" } });
    await waitFor(() => expect(callsOf("set_resource_kind")).toHaveLength(1));
    expect(callsOf("set_resource_kind")[0].kind).toBe("supplier");
    await waitFor(() => expect(screen.queryByTestId("resources-to-classify")).toBeNull());
    expect(h.backend.current<Resource[]>("list_resources").find((r) => r.name === "Zendesk")?.kind).toBe("supplier");
    expect(Array.from(filter.options).map((o) => o.value)).not.toContain("unclassified");
  }, 20_000);
});
