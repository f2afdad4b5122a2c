// The heart of a workshop, in the real app: score an unscored demo process
// with the keyboard only and watch the derived MTPD follow, then agree an
// RTO: one beyond the MTPD is refused beside the field, a sound one gives
// the process its tier, and the change lands in the decision history.

import assert from "node:assert/strict";
import { test } from "node:test";
import { join } from "node:path";
import { byTestId, snapshot, useApp } from "./session.mjs";

const session = useApp("impact");

const PROCESS = "Complaints handling";
const textOf = (element) => element.getProperty("textContent");

/** The severity shown in one cell of the grid ("" when unscored). */
function severityAt(browser, category, horizon) {
  return browser.execute(
    (c, h) =>
      document
        .querySelector(`[data-testid="impact-cell"][data-category="${c}"][data-horizon="${h}"]`)
        ?.getAttribute("data-severity") ?? null,
    category,
    horizon,
  );
}

/** Presses keys one after another (an array given to `keys` is one chord). */
async function press(browser, ...keys) {
  for (const key of keys) await browser.keys(key);
}

async function waitForText(browser, id, pattern, message) {
  await browser.waitUntil(async () => pattern.test(await textOf(byTestId(browser, id))), { timeout: 10_000, timeoutMsg: message });
}

test("score with the keyboard, see the MTPD, agree an RTO", async () => {
  const { browser, shots } = session.app;
  await byTestId(browser, "start-screen").waitForDisplayed({ timeout: 30_000 });
  await byTestId(browser, "open-demo").click();
  await byTestId(browser, "app-shell").waitForDisplayed({ timeout: 15_000 });

  await byTestId(browser, "nav-impact").click();
  await byTestId(browser, "impact-process").waitForDisplayed({ timeout: 10_000 });
  await byTestId(browser, "impact-process").selectByVisibleText(PROCESS);
  await byTestId(browser, "impact-grid").waitForDisplayed({ timeout: 10_000 });
  await browser.waitUntil(async () => (await severityAt(browser, "Customer", "1 d")) === "", {
    timeout: 10_000,
    timeoutMsg: "the unscored process shows an empty grid",
  });
  await waitForText(browser, "derived-mtpd", /Not derived|nothing scored/i, "no MTPD before any score");

  // Keyboard only: focus the grid, walk to Customer × 1 d, score 4 – Major.
  await browser.execute(() => document.querySelector('[data-testid="impact-grid"]').focus());
  await press(browser, "ArrowDown", "ArrowDown", "ArrowRight", "ArrowRight", "ArrowRight", "4");
  await browser.waitUntil(async () => (await severityAt(browser, "Customer", "1 d")) === "4", {
    timeout: 10_000,
    timeoutMsg: "4 lands in Customer × 1 d",
  });
  await waitForText(browser, "derived-mtpd", /Customer reaches 4 – Major at 1 d/, "the derived MTPD explains itself");
  await waitForText(browser, "level-definition", /Loss of key customers or contractual penalties/, "the focused level's definition is shown");

  // F fills right: impact rarely falls with time.
  await press(browser, "f");
  await browser.waitUntil(async () => (await severityAt(browser, "Customer", "1 mo")) === "4", {
    timeout: 10_000,
    timeoutMsg: "fill-right reaches the last horizon",
  });
  assert.equal(await severityAt(browser, "Customer", "8 h"), "", "cells to the left are untouched");

  // An earlier, smaller score does not move the MTPD; a 4 at 8 h does.
  await press(browser, "ArrowLeft", "2");
  await browser.waitUntil(async () => (await severityAt(browser, "Customer", "8 h")) === "2", { timeout: 10_000 });
  await waitForText(browser, "derived-mtpd", /at 1 d/, "a 2 at 8 h leaves the MTPD at 1 d");
  await press(browser, "4");
  await waitForText(browser, "derived-mtpd", /Customer reaches 4 – Major at 8 h/, "the MTPD moves to 8 h");
  await snapshot(browser, join(shots, "impact.png"));

  // Objectives: an RTO at or beyond the MTPD is refused beside the field.
  await byTestId(browser, "nav-objectives").click();
  const row = byTestId(browser, "objective-row", `[data-name="${PROCESS}"]`);
  await row.waitForDisplayed({ timeout: 10_000 });
  // WebKitWebDriver will not click a <tr> itself; click its first cell.
  await row.$("td").click();
  await byTestId(browser, "objectives-form").waitForDisplayed({ timeout: 10_000 });
  await byTestId(browser, "objective-rto").setValue("2 days");
  await byTestId(browser, "error-rto").waitForDisplayed({ timeout: 10_000 });
  assert.match(await textOf(byTestId(browser, "error-rto")), /RTO 2 d is not below the MTPD of 8 h/);
  assert.equal(await byTestId(browser, "objectives-save").isEnabled(), false, "save waits for a sound RTO");
  await snapshot(browser, join(shots, "objectives-error.png"));

  await byTestId(browser, "objective-rto").setValue("4h");
  await byTestId(browser, "error-rto").waitForDisplayed({ reverse: true, timeout: 10_000 });
  await byTestId(browser, "objective-rationale").setValue("Complaints can wait half a shift");
  await browser.waitUntil(() => byTestId(browser, "objectives-save").isEnabled(), { timeout: 10_000 });
  await byTestId(browser, "objectives-save").click();
  await byTestId(browser, "decision-history").waitForDisplayed({ timeout: 10_000 });
  await browser.waitUntil(async () => /RTO[\s\S]*4 h[\s\S]*Complaints can wait half a shift/.test(await textOf(byTestId(browser, "decision-history"))), {
    timeout: 10_000,
    timeoutMsg: "the decision history records the RTO with its rationale",
  });
  await browser.waitUntil(async () => /Tier 1/.test(await textOf(row)), { timeout: 10_000, timeoutMsg: "RTO 4 h puts the process in Tier 1" });
  await snapshot(browser, join(shots, "objectives.png"));
});
