// Mapping what a process relies on, in the real app: from Payroll
// processing's dependencies, type a resource that does not exist yet,
// create it as an application in the same step, and see the Gaps screen
// report it — Payroll needs it back within 1 d and nobody knows how fast it
// can be restored.

import assert from "node:assert/strict";
import { test } from "node:test";
import { join } from "node:path";
import { byTestId, snapshot, useApp } from "./session.mjs";

const session = useApp("gaps");

const NEW_RESOURCE = "Payslip portal";

function gapSubjects(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="gap-row"]')].map((row) => row.getAttribute("data-subject")),
  );
}

test("add a dependency and see the new gap", async () => {
  const { browser, shots } = session.app;
  await byTestId(browser, "start-screen").waitForDisplayed({ timeout: 30_000 });
  await byTestId(browser, "open-demo").click();
  await byTestId(browser, "app-shell").waitForDisplayed({ timeout: 15_000 });

  await byTestId(browser, "nav-gaps").click();
  await byTestId(browser, "gaps-screen").waitForDisplayed({ timeout: 10_000 });
  await browser.waitUntil(async () => (await gapSubjects(browser)).includes("Sage Payroll"), {
    timeout: 10_000,
    timeoutMsg: "the demo's gaps are listed",
  });
  assert.ok(!(await gapSubjects(browser)).includes(NEW_RESOURCE));
  await snapshot(browser, join(shots, "gaps.png"));

  await byTestId(browser, "nav-dependencies").click();
  await byTestId(browser, "dependencies-process").waitForDisplayed({ timeout: 10_000 });
  await byTestId(browser, "dependencies-process").selectByVisibleText("Payroll processing");
  await byTestId(browser, "dependency-row", '[data-name="Sage Payroll"]').waitForDisplayed({ timeout: 10_000 });

  await byTestId(browser, "dependency-add").setValue(NEW_RESOURCE);
  // Nothing matches: the control offers to create it, as an application by default.
  await byTestId(browser, "dependency-create-offer").waitForDisplayed({ timeout: 5_000 });
  assert.match(await byTestId(browser, "dependency-create-offer").getProperty("textContent"), /Payslip portal/);
  await byTestId(browser, "dependency-new-kind").waitForDisplayed({ timeout: 5_000 });
  await byTestId(browser, "dependency-new-kind").selectByAttribute("value", "application");
  await byTestId(browser, "dependency-add-strength").selectByAttribute("value", "required");
  await byTestId(browser, "dependency-add-confirm").click();
  await byTestId(browser, "dependency-row", `[data-name="${NEW_RESOURCE}"]`).waitForDisplayed({ timeout: 10_000 });
  await snapshot(browser, join(shots, "dependencies.png"));

  await byTestId(browser, "nav-gaps").click();
  await browser.waitUntil(async () => (await gapSubjects(browser)).includes(NEW_RESOURCE), {
    timeout: 10_000,
    timeoutMsg: "the new dependency shows up as a gap",
  });
  const row = byTestId(browser, "gap-row", `[data-subject="${NEW_RESOURCE}"]`);
  // The card says what would close the gap; the core's sentence is its tooltip.
  assert.match(await row.getProperty("textContent"), /To close it: Find out how quickly Payslip portal can be restored \(it is needed within 1 d\)/);
  assert.match(await row.getAttribute("title"), /needs it back within 1 d/);
});

test("find the new gap by search and filter, and open it from the compact table", async () => {
  const { browser, shots } = session.app;
  const count = () => byTestId(browser, "gap-count").getText();
  const all = await count();
  assert.match(all, /^\d+ gaps$/);

  await byTestId(browser, "gap-search").setValue("payslip");
  await browser.waitUntil(async () => (await gapSubjects(browser)).join() === NEW_RESOURCE, {
    timeout: 5_000,
    timeoutMsg: "the search keeps the one gap",
  });
  assert.equal(await count(), `1 of ${all}`);
  await byTestId(browser, "gap-filter-clear").click();
  await browser.waitUntil(async () => (await count()) === all, { timeout: 5_000, timeoutMsg: "Clear shows every gap again" });

  // Only the unknown recovery times, as a table: the new application is among them, its size unknown.
  await byTestId(browser, "gap-filter-kind").selectByAttribute("value", "unknown_capability");
  await byTestId(browser, "gap-view-table").click();
  const row = byTestId(browser, "gap-table-row", `[data-name="${NEW_RESOURCE}"]`);
  await row.waitForDisplayed({ timeout: 5_000 });
  assert.match(await row.getProperty("textContent"), /unknown/);
  assert.match(await row.getProperty("textContent"), /Payroll processing/);
  await snapshot(browser, join(shots, "gaps-table.png"));
  // WebKitWebDriver will not click a <tr> itself; click its first cell.
  await row.$("td").click();
  await byTestId(browser, "resource-form").waitForDisplayed({ timeout: 10_000 });
});
