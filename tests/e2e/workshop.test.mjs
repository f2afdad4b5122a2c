// A workshop in the real app, as a facilitator runs one: plan three of the
// demo's customer-service processes, start, open the projector's window,
// score a cell in the facilitator's window and see it in the audience's,
// note an action, sign off, finish, and write the minutes as a PDF that says
// what the room agreed. Screenshots of both windows at 1280×720.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { test } from "node:test";
import { join } from "node:path";
import { answerDialog, byTestId, snapshot, useApp } from "./session.mjs";

const session = useApp("workshop");

/** Sets an input's value as typing would (date and time inputs take no key strokes reliably). */
async function setField(browser, testid, value) {
  await browser.execute(
    (id, v) => {
      const input = document.querySelector(`[data-testid="${id}"]`);
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
      setter.call(input, v);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
    },
    testid,
    value,
  );
}

async function addToAgenda(browser, name) {
  await setField(browser, "agenda-process", name);
  await byTestId(browser, "agenda-add-process").click();
  await browser.waitUntil(
    async () => (await browser.$$(`[data-testid="agenda-item"][data-process="${name}"]`)).length === 1,
    { timeout: 5_000, timeoutMsg: `${name} joins the agenda` },
  );
}

test("plan, run on the projector, score, sign off, finish and minute a workshop", async () => {
  const { browser, shots } = session.app;
  await byTestId(browser, "start-screen").waitForDisplayed({ timeout: 30_000 });
  await byTestId(browser, "open-demo").click();
  await byTestId(browser, "app-shell").waitForDisplayed({ timeout: 15_000 });
  await byTestId(browser, "nav-workshops").click();
  await byTestId(browser, "workshops-screen").waitForDisplayed({ timeout: 10_000 });
  const titles = () =>
    browser.execute(() => [...document.querySelectorAll('[data-testid="workshop-card"]')].map((c) => c.dataset.title));
  await browser.waitUntil(async () => (await titles()).length === 2, { timeout: 10_000, timeoutMsg: "the demo's two workshops" });
  assert.deepEqual((await titles()).sort(), ["Finance BIA workshop", "Warehouse operations BIA workshop"]);
  await snapshot(browser, join(shots, "workshops-list.png"));

  // Plan.
  await byTestId(browser, "plan-workshop").click();
  await byTestId(browser, "workshop-planner").waitForDisplayed({ timeout: 5_000 });
  await byTestId(browser, "workshop-title").setValue("Customer service BIA workshop");
  await setField(browser, "workshop-date", "2026-12-14");
  await setField(browser, "workshop-start", "14:00");
  for (const name of ["Complaints handling", "Shipment tracking enquiries", "Key account management"]) await addToAgenda(browser, name);
  await byTestId(browser, "invite-owners").click();
  await setField(browser, "participant-name", "Ravi Patel");
  await byTestId(browser, "add-participant").click();
  const people = () =>
    browser.execute(() => [...document.querySelectorAll('[data-testid="participant-row"] input[aria-label="Name"]')].map((i) => i.value));
  await browser.waitUntil(async () => (await people()).length === 3, {
    timeout: 5_000,
    timeoutMsg: "the owners (Hannah Lowe, Oliver Grant) and Ravi Patel are invited",
  });
  assert.deepEqual(await people(), ["Hannah Lowe", "Oliver Grant", "Ravi Patel"]);
  assert.match(await byTestId(browser, "agenda-total").getText(), /1 h in all; starting at 14:00, it ends about 15:00/);
  await snapshot(browser, join(shots, "workshop-planner.png"));
  await byTestId(browser, "save-workshop").click();

  // Start.
  const card = byTestId(browser, "workshop-card", '[data-title="Customer service BIA workshop"]');
  await card.waitForDisplayed({ timeout: 10_000 });
  await card.$('[data-testid="start-workshop"]').click();
  await byTestId(browser, "workshop-runner").waitForDisplayed({ timeout: 10_000 });
  const statuses = () =>
    browser.execute(() => [...document.querySelectorAll('[data-testid="run-agenda-item"]')].map((c) => c.dataset.status));
  await browser.waitUntil(async () => (await statuses()).length === 3, { timeout: 10_000, timeoutMsg: "three items" });
  assert.deepEqual(await statuses(), ["in_discussion", "pending", "pending"]);

  // The projector's window follows.
  const main = await browser.getWindowHandle();
  await byTestId(browser, "show-projector").click();
  await browser.waitUntil(async () => (await browser.getWindowHandles()).length === 2, {
    timeout: 15_000,
    timeoutMsg: "the audience window opens",
  });
  const audience = (await browser.getWindowHandles()).find((h) => h !== main);

  // Step 2: the first item, Complaints handling: Financial at 1 d is scored anew.
  await byTestId(browser, "run-step", '[data-step="2"]').click();
  const grid = byTestId(browser, "impact-grid");
  await grid.waitForDisplayed({ timeout: 10_000 });
  const cell = grid.$('[data-category="Financial"][data-horizon="1 d"]');
  const score = (await cell.getAttribute("data-severity")) === "5" ? "3" : "5";
  await cell.click();
  await browser.keys(score);
  await browser.waitUntil(async () => (await cell.getAttribute("data-severity")) === score, {
    timeout: 10_000,
    timeoutMsg: "the facilitator's grid shows the score",
  });

  await browser.switchToWindow(audience);
  await browser.setWindowSize(1280, 720);
  const seen = byTestId(browser, "audience-cell", '[data-category="Financial"][data-horizon="1 d"]');
  await seen.waitForExist({ timeout: 15_000, timeoutMsg: "the audience window shows the grid" });
  await browser.waitUntil(async () => (await seen.getAttribute("data-severity")) === score, {
    timeout: 15_000,
    timeoutMsg: "the audience window shows the score scored in the facilitator's",
  });
  assert.match(await byTestId(browser, "audience-process").getProperty("textContent"), /Complaints handling/);
  await snapshot(browser, join(shots, "workshop-audience-1280x720.png"));
  await browser.switchToWindow(main);
  await browser.setWindowSize(1280, 720);
  await snapshot(browser, join(shots, "workshop-facilitator-1280x720.png"));
  // One screen only: the presenter layout shows the room's view in this window.
  await byTestId(browser, "presenter-layout").click();
  const inside = byTestId(browser, "presenter-stage").$('[data-testid="audience-process"]');
  await inside.waitForExist({ timeout: 10_000, timeoutMsg: "the presenter layout shows the room's view" });
  assert.match(await inside.getProperty("textContent"), /Complaints handling/);
  await snapshot(browser, join(shots, "workshop-presenter-1280x720.png"));
  await byTestId(browser, "presenter-layout").click();
  await browser.setWindowSize(1280, 800);

  // Step 6: an action, then the sign-off.
  await byTestId(browser, "run-step", '[data-step="6"]').click();
  await byTestId(browser, "action-text").setValue("Ask the CRM vendor whether a standby instance is in the contract");
  await byTestId(browser, "action-owner").setValue("Ravi Patel");
  await setField(browser, "action-due", "2026-12-21");
  await byTestId(browser, "add-action").click();
  await browser.waitUntil(async () => (await browser.$$('[data-testid="action-row"]')).length === 1, {
    timeout: 10_000,
    timeoutMsg: "the action is listed",
  });
  // The room sees the action under the values to confirm.
  await browser.switchToWindow(audience);
  const raised = byTestId(browser, "audience-actions");
  await raised.waitForExist({ timeout: 15_000, timeoutMsg: "the audience window lists the action" });
  assert.match(await raised.getProperty("textContent"), /Ask the CRM vendor.*Ravi Patel/);
  await browser.switchToWindow(main);
  await browser.$('[data-testid="signer"][value="Hannah Lowe"]').click();
  await byTestId(browser, "sign-off").click();
  await byTestId(browser, "signed-by").waitForDisplayed({ timeout: 10_000 });
  assert.equal(await byTestId(browser, "signed-by").getText(), "Signed off by Hannah Lowe.");
  await byTestId(browser, "item-done").click();
  await browser.waitUntil(async () => (await statuses()).join() === "done,in_discussion,pending", {
    timeout: 10_000,
    timeoutMsg: "the first item is done and the next in discussion",
  });

  // Finish, and the minutes.
  await byTestId(browser, "finish-workshop").click();
  await byTestId(browser, "confirm-finish").click();
  await byTestId(browser, "workshop-summary").waitForDisplayed({ timeout: 10_000 });
  const target = join(shots, "customer-service-minutes.pdf");
  assert.ok(await answerDialog(browser, "save", target));
  await byTestId(browser, "minutes-pdf").click();
  await byTestId(browser, "minutes-saved").waitForDisplayed({ timeout: 30_000 });
  assert.ok(existsSync(target), "the minutes are written where the dialog said");
  const text = execFileSync("pdftotext", ["-raw", target, "-"]).toString();
  for (const said of ["Customer service BIA workshop", "Hannah Lowe", "Ravi Patel", "Ask the CRM vendor", "Complaints handling"])
    assert.ok(text.includes(said), `the minutes say “${said}”`);
  await snapshot(browser, join(shots, "workshop-summary.png"));
});
