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
  assert.match(await row.getProperty("textContent"), /needs it back within 1 d/);
});
