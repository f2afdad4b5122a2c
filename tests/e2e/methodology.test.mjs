// Adapting the methodology to the organisation in the real app: rename a
// category and retire another, save, see the matrix follow, and undo the
// whole edit in one step.

import assert from "node:assert/strict";
import { test } from "node:test";
import { join } from "node:path";
import { byTestId, snapshot, useApp } from "./session.mjs";

const session = useApp("methodology");

const matrixText = (browser) => byTestId(browser, "severity-matrix").getProperty("textContent");

test("rename and retire categories, then undo", async () => {
  const { browser, shots } = session.app;
  await byTestId(browser, "start-screen").waitForDisplayed({ timeout: 30_000 });
  await byTestId(browser, "open-demo").click();
  await byTestId(browser, "app-shell").waitForDisplayed({ timeout: 15_000 });
  await byTestId(browser, "nav-methodology").click();
  await byTestId(browser, "severity-matrix").waitForDisplayed({ timeout: 10_000 });
  assert.match(await matrixText(browser), /Financial/);

  await byTestId(browser, "methodology-edit").click();
  const financial = byTestId(browser, "category-row", '[data-name="Financial"]');
  await financial.waitForDisplayed({ timeout: 10_000 });
  await financial.$('[data-testid="category-name"]').setValue("Financial loss");
  await byTestId(browser, "category-row", '[data-name="Environmental"]').$('[data-testid="category-retire"]').click();
  await snapshot(browser, join(shots, "methodology-edit.png"));
  await byTestId(browser, "methodology-save").click();

  await byTestId(browser, "methodology-edit").waitForDisplayed({ timeout: 10_000 });
  await browser.waitUntil(async () => /Financial loss/.test(await matrixText(browser)), {
    timeout: 10_000,
    timeoutMsg: "the matrix shows the renamed category",
  });

  await byTestId(browser, "undo").click();
  await browser.waitUntil(async () => !/Financial loss/.test(await matrixText(browser)), {
    timeout: 10_000,
    timeoutMsg: "one undo takes the whole methodology edit back",
  });
  assert.match(await matrixText(browser), /Environmental/);
});
