// The Workshops screen over answers recorded from the real core (Harbourline Logistics): the demo's finished and
// planned workshops and the actions they raised; a workshop planned with two customer-service processes and their
// owners invited, the end time projected; a plan without a title refused with the core's message, nothing stored.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { endReplay, mockReplay, openDemoOn, type Replay } from "../testing/testHarness";

let h: Replay;

beforeEach(() => {
  h = mockReplay();
});
afterEach(() => endReplay(h));

const cards = () => screen.queryAllByTestId("workshop-card").map((c) => `${c.dataset.status}: ${c.dataset.title}`);

async function openWorkshops() {
  await openDemoOn("workshops");
  await screen.findByTestId("workshops-screen");
  await waitFor(() => expect(cards()).toHaveLength(2));
}

async function fillPlan(title: string) {
  await fireEvent.click(screen.getByTestId("plan-workshop"));
  await screen.findByTestId("workshop-planner");
  await fireEvent.input(screen.getByTestId("workshop-title"), { target: { value: title } });
  await fireEvent.input(screen.getByTestId("workshop-date"), { target: { value: "2026-12-14" } });
  await fireEvent.input(screen.getByTestId("workshop-start"), { target: { value: "14:00" } });
}

describe("workshops", () => {
  it("lists the demo's workshops by status and the actions raised across the assessment", async () => {
    await openWorkshops();
    expect(cards()).toEqual(["planned: Warehouse operations BIA workshop", "finished: Finance BIA workshop"]);
    const finance = screen.getAllByTestId("workshop-card").find((c) => c.dataset.status === "finished")!;
    expect(finance.textContent).toContain("5 present");
    expect(finance.textContent).toContain("3 signed off");
    const rows = await screen.findAllByTestId("action-row");
    expect(rows.map((r) => within(r).getAllByRole("cell")[3].textContent)).toEqual(["James Whitfield", "Grace Mensah", "Daniel Hughes"]);
  });

  it("plans a workshop: processes added one by one, their owners invited, the end projected", async () => {
    await openWorkshops();
    await fillPlan("Customer service BIA workshop");
    for (const name of ["Complaints handling", "Key account management"]) {
      await fireEvent.input(screen.getByTestId("agenda-process"), { target: { value: name } });
      await fireEvent.click(screen.getByTestId("agenda-add-process"));
    }
    expect(screen.getAllByTestId("agenda-item").map((i) => i.dataset.process)).toEqual(["Complaints handling", "Key account management"]);
    expect(screen.getByTestId("agenda-total").textContent).toContain("40 min in all; starting at 14:00, it ends about 14:40");
    await waitFor(() => expect(h.calls).toContain("known_people"));
    await fireEvent.click(screen.getByTestId("invite-owners"));
    expect(screen.getAllByTestId("participant-row")).toHaveLength(2);
    await fireEvent.click(screen.getByTestId("save-workshop"));
    await screen.findByTestId("workshops-screen");
    await waitFor(() => expect(cards()).toContain("planned: Customer service BIA workshop"));
  });

  it("refuses a plan without a title with the core's message, and stores nothing", async () => {
    await openWorkshops();
    await fillPlan("");
    await fireEvent.click(screen.getByTestId("save-workshop"));
    const issues = await screen.findByTestId("planner-issues");
    expect(issues.textContent).toContain("A workshop needs a title.");
    expect(screen.getByTestId("workshop-planner")).toBeTruthy();
  });
});
