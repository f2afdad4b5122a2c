// Compare with… in the real app: open the demo, change a score and an RTO in a
// workshop, then compare with last year's file (the demo as it was, built
// separately by the `bia` CLI, so matched by name): the Compare screen shows
// the counts, the changed process with its score up and its RTO, the tier
// movement drawn by the core, and "Add to the executive workbook" takes the
// user to Export with the changes included. The native open dialog is
// answered from the page (see export.test.mjs).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { answerDialog, byTestId, snapshot, useApp } from "./session.mjs";

const session = useApp("compare");
const PROCESS = "Complaints handling";
const textOf = (element) => element.getProperty("textContent");

test("compare the demo after a workshop with the file before it", async () => {
  const { browser, shots } = session.app;
  const folder = join(shots, "compare");
  mkdirSync(folder, { recursive: true });
  const before = join(folder, "Harbourline 2025.bia");
  rmSync(before, { force: true });
  const cli = join(dirname(process.env.BIA_APP), "bia");
  assert.ok(existsSync(cli), `the bia CLI is built beside the app (${cli})`);
  execFileSync(cli, ["demo", before]);

  await byTestId(browser, "start-screen").waitForDisplayed({ timeout: 30_000 });
  await byTestId(browser, "open-demo").click();
  await byTestId(browser, "app-shell").waitForDisplayed({ timeout: 15_000 });

  // A score raised with the keyboard: Customer × 1 d = 4 – Major.
  await byTestId(browser, "nav-impact").click();
  await byTestId(browser, "impact-process").waitForDisplayed({ timeout: 10_000 });
  await byTestId(browser, "impact-process").selectByVisibleText(PROCESS);
  await byTestId(browser, "impact-grid").waitForDisplayed({ timeout: 10_000 });
  await browser.execute(() => document.querySelector('[data-testid="impact-grid"]').focus());
  for (const key of ["ArrowDown", "ArrowDown", "ArrowRight", "ArrowRight", "ArrowRight", "4"]) await browser.keys(key);
  await browser.waitUntil(async () => /Customer reaches 4 – Major at 1 d/.test(await textOf(byTestId(browser, "derived-mtpd"))), {
    timeout: 10_000,
    timeoutMsg: "the score lands",
  });

  // An RTO agreed: 4 h.
  await byTestId(browser, "nav-objectives").click();
  const row = byTestId(browser, "objective-row", `[data-name="${PROCESS}"]`);
  await row.waitForDisplayed({ timeout: 10_000 });
  await row.$("td").click();
  await byTestId(browser, "objectives-form").waitForDisplayed({ timeout: 10_000 });
  await byTestId(browser, "objective-rto").setValue("4h");
  await byTestId(browser, "objective-rationale").setValue("Complaints can wait half a shift");
  await browser.waitUntil(() => byTestId(browser, "objectives-save").isEnabled(), { timeout: 10_000 });
  await byTestId(browser, "objectives-save").click();
  await browser.waitUntil(async () => /Tier 1/.test(await textOf(row)), { timeout: 10_000, timeoutMsg: "RTO 4 h gives Tier 1" });
  await browser.keys("Escape");
  await byTestId(browser, "objectives-form").waitForDisplayed({ reverse: true, timeout: 10_000 });

  // Compare with last year's file.
  await byTestId(browser, "nav-compare").click();
  await byTestId(browser, "compare-empty").waitForDisplayed({ timeout: 10_000 });
  assert.ok(await answerDialog(browser, "open", before), "the open dialog is answered from the page");
  await byTestId(browser, "compare-choose").click();
  await byTestId(browser, "compare-changes").waitForDisplayed({ timeout: 30_000, timeoutMsg: "the changes are listed" });
  assert.match(await textOf(byTestId(browser, "compare-by-name")), /matched by name/);
  assert.equal(await textOf(byTestId(browser, "compare-tile-changed").$(".tile-value")), "1");
  const changes = await textOf(byTestId(browser, "compare-changes"));
  assert.match(changes, new RegExp(PROCESS));
  // A cell scored for the first time has no direction: unscored is not 0.
  assert.match(changes, /Customer at 1 d[\s\S]*unscored[\s\S]*4 – Major/);
  assert.match(changes, /RTO[\s\S]*not set[\s\S]*4 h/);
  assert.match(changes, /Tier[\s\S]*no tier[\s\S]*Tier 1/);
  await byTestId(browser, "compare-chart").waitForDisplayed({ timeout: 15_000, timeoutMsg: "the tier movement is drawn" });

  // The filter narrows, and says when nothing matches.
  await byTestId(browser, "compare-filter").setValue("payroll");
  await byTestId(browser, "compare-no-changes").waitForDisplayed({ timeout: 5_000 });
  await byTestId(browser, "compare-filter").setValue("customer");
  await byTestId(browser, "compare-changes").waitForDisplayed({ timeout: 5_000 });
  await byTestId(browser, "compare-filter").clearValue();
  await browser.execute(() => {
    window.scrollTo(0, 0);
    for (const el of document.querySelectorAll("main, .content")) el.scrollTop = 0;
  });
  await browser.pause(500);
  await snapshot(browser, join(shots, "ui-compare.png"));
  await browser.execute(() => {
    document.querySelector('[data-testid="compare-changes"]').scrollIntoView({ block: "end" });
    window.scrollTo(0, 0);
  });
  await browser.pause(300);
  await snapshot(browser, join(shots, "ui-compare-changes.png"));

  // Into the executive workbook: the Export screen, the changes included.
  await byTestId(browser, "compare-to-workbook").click();
  await byTestId(browser, "export-screen").waitForDisplayed({ timeout: 10_000 });
  const option = byTestId(browser, "export-include-changes");
  assert.match(await textOf(option), /Include changes since Harbourline Logistics/);
  assert.equal(await option.$("input").isSelected(), true);
});
