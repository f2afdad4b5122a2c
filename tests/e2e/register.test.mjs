// The first workshop path, as a facilitator would walk it in the real app:
// open the demo, add a process through the form (a duplicate name is
// refused beside the field), see it in the register, close the file,
// reopen it from the recent list, find the process still there, and undo
// it away (button and keyboard).

import assert from "node:assert/strict";
import { test } from "node:test";
import { join } from "node:path";
import { byTestId, snapshot, useApp } from "./session.mjs";

const session = useApp("register");

const NEW_PROCESS = "Fuel card reconciliation";

// WebKitWebDriver's getText returns "" for text cut with `text-overflow:
// ellipsis` (the header, table cells), so read what the element holds.
const textOf = (element) => element.getProperty("textContent");

// All row names in one read, so a re-render cannot split the answer.
function rowNames(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="process-row"]')].map((row) => row.getAttribute("data-name")),
  );
}

async function waitForRows(browser, predicate, message) {
  await browser.waitUntil(async () => predicate(await rowNames(browser)), { timeout: 10_000, timeoutMsg: message });
}

test("open the demo, add a process, close, reopen, undo", async () => {
  const { browser, shots } = session.app;

  await byTestId(browser, "start-screen").waitForDisplayed({ timeout: 30_000 });
  assert.equal(await browser.getTitle(), "BIA Workbench");
  await byTestId(browser, "open-demo").click();
  await byTestId(browser, "app-shell").waitForDisplayed({ timeout: 15_000 });
  assert.equal(await browser.getTitle(), "Harbourline Logistics (demo).bia — BIA Workbench");
  await browser.waitUntil(async () => /Harbourline Logistics/.test(await textOf(byTestId(browser, "assessment-name"))), {
    timeout: 5_000,
    timeoutMsg: "the header names the open assessment",
  });

  // The dashboard shows the heatmap the core drew (an SVG image the strict CSP must allow).
  await browser.waitUntil(
    () => browser.execute(() => (document.querySelector('[data-testid="chart-heatmap"]')?.naturalWidth ?? 0) > 0),
    { timeout: 15_000, timeoutMsg: "the impact heatmap is drawn on the dashboard" },
  );

  await byTestId(browser, "nav-processes").click();
  await byTestId(browser, "process-table").waitForDisplayed({ timeout: 10_000 });
  await waitForRows(browser, (names) => names.length === 25, "the demo register shows its 25 processes");
  await snapshot(browser, join(shots, "register.png"));

  // A duplicate name is refused beside the field, as the facilitator types.
  await byTestId(browser, "add-process").click();
  await byTestId(browser, "process-form").waitForDisplayed({ timeout: 5_000 });
  await byTestId(browser, "process-name").setValue("payroll processing");
  await byTestId(browser, "error-name").waitForDisplayed({ timeout: 5_000 });
  assert.match(await textOf(byTestId(browser, "error-name")), /already exists/);
  assert.equal(await byTestId(browser, "process-save").isEnabled(), false, "save is disabled while the name clashes");

  await byTestId(browser, "process-name").setValue(NEW_PROCESS);
  await byTestId(browser, "error-name").waitForDisplayed({ reverse: true, timeout: 5_000 });
  await byTestId(browser, "process-unit").selectByVisibleText("Finance");
  await byTestId(browser, "process-owner").setValue("Sophie Chen");
  await byTestId(browser, "process-peak-periods").setValue("First three working days of the month");
  await snapshot(browser, join(shots, "process-form.png"));
  await byTestId(browser, "process-save").click();
  await byTestId(browser, "process-form").waitForDisplayed({ reverse: true, timeout: 5_000 });
  await waitForRows(browser, (names) => names.includes(NEW_PROCESS), "the new process appears in the register");
  const row = byTestId(browser, "process-row", `[data-name="${NEW_PROCESS}"]`);
  assert.match(await textOf(row), /Finance/);
  assert.match(await textOf(row), /Sophie Chen/);

  // Close the file and reopen it from the start screen's recent list.
  await byTestId(browser, "close-assessment").click();
  await byTestId(browser, "start-screen").waitForDisplayed({ timeout: 10_000 });
  assert.equal(await browser.getTitle(), "BIA Workbench");
  const recent = byTestId(browser, "recent-file", '[data-path$="Harbourline Logistics (demo).bia"]');
  await recent.waitForDisplayed({ timeout: 5_000 });
  await recent.click();
  await byTestId(browser, "app-shell").waitForDisplayed({ timeout: 10_000 });
  await byTestId(browser, "nav-processes").click();
  await waitForRows(browser, (names) => names.includes(NEW_PROCESS), "the process is still there after reopening");

  // Undo removes it (the edit history lives in the file), redo brings it back.
  await byTestId(browser, "undo").click();
  await waitForRows(browser, (names) => !names.includes(NEW_PROCESS) && names.length === 25, "undo removes the process");
  await browser.keys(["Control", "Shift", "z"]);
  await waitForRows(browser, (names) => names.includes(NEW_PROCESS), "Ctrl+Shift+Z redoes the addition");
  await browser.keys(["Control", "z"]);
  await waitForRows(browser, (names) => !names.includes(NEW_PROCESS), "Ctrl+Z undoes it again");
});
