// Questionnaires in the real app, as a consultant uses them when an owner
// cannot come to the workshop: on the demo, send Sophie Chen (Finance) a
// workbook of her processes into the E2E output folder; she raises one
// impact score of Accounts payable and shortens its RTO in Excel (here a
// python3 script types into the named cells, standard library only); the
// returned workbook is dropped on the window (a real XDND drop, drop.mjs),
// the review shows both answers as proposed beside what was sent, they are
// accepted and applied, and the Impact screen shows the new score with the
// questionnaire's cell as its origin, the Objectives panel the new RTO with
// its cell, and the list the questionnaire as applied. Screenshots of the
// send form, the review and the list.
//
// The folder dialog is answered from the page (session.mjs's answerDialog),
// as export.test.mjs answers the save dialog.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { dropOnApp } from "./drop.mjs";
import { answerDialog, byTestId, snapshot, useApp } from "./session.mjs";

const session = useApp("questionnaire");

const textOf = (element) => element.getProperty("textContent");
const fill = (...args) =>
  JSON.parse(execFileSync("/usr/bin/python3", [join(import.meta.dirname, "fill_questionnaire.py"), ...args], { encoding: "utf8" }));

/** The first number of a level as the workbook shows it ("2 – Moderate" → 2); NaN when blank. */
const levelOf = (text) => Number.parseInt(text, 10);

test("send Sophie Chen a questionnaire, take her answers back, and trace them to her cells", async () => {
  const { browser, shots } = session.app;
  const folder = join(shots, "questionnaires");
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });

  await byTestId(browser, "start-screen").waitForDisplayed({ timeout: 30_000 });
  await byTestId(browser, "open-demo").click();
  await byTestId(browser, "app-shell").waitForDisplayed({ timeout: 15_000 });
  await byTestId(browser, "nav-questionnaires").click();
  await byTestId(browser, "questionnaires-screen").waitForDisplayed({ timeout: 10_000 });
  await byTestId(browser, "open-sender-empty").waitForDisplayed({ timeout: 10_000, timeoutMsg: "the demo has sent none yet" });

  // Send: Sophie Chen's processes, one workbook per owner (the default).
  await byTestId(browser, "open-sender-empty").click();
  await byTestId(browser, "questionnaire-sender").waitForDisplayed({ timeout: 5_000 });
  await byTestId(browser, "send-owner").selectByVisibleText("Sophie Chen");
  await byTestId(browser, "send-add-owner").click();
  const recipient = byTestId(browser, "send-recipient", '[data-recipient="Sophie Chen"]');
  await recipient.waitForDisplayed({ timeout: 5_000, timeoutMsg: "the preview names Sophie Chen" });
  assert.match(await textOf(recipient), /Accounts payable · Customer invoicing/);
  assert.equal((await browser.$$('[data-testid="send-recipient"]')).length, 1, "one workbook, hers");
  assert.equal(await byTestId(browser, "send-unsendable").isExisting(), false, "both processes have an owner");
  await snapshot(browser, join(shots, "questionnaire-send.png"));

  assert.ok(await answerDialog(browser, "open", folder), "the folder dialog is answered from the page");
  await byTestId(browser, "send-questionnaires").click();
  const written = byTestId(browser, "written-file");
  await written.waitForDisplayed({ timeout: 30_000, timeoutMsg: "the workbook is written" });
  const path = await written.getAttribute("data-path");
  assert.ok(path.startsWith(folder), `written into the folder chosen: ${path}`);
  assert.ok(existsSync(path), "the workbook is on disk");
  assert.equal(readFileSync(path).subarray(0, 2).toString(), "PK", "an .xlsx (a zip)");
  const row = byTestId(browser, "questionnaire-row", '[data-recipient="Sophie Chen"]');
  await row.waitForDisplayed({ timeout: 10_000 });
  assert.equal(await row.getAttribute("data-status"), "sent");

  // Sophie answers: the last horizon of one impact category of Accounts payable one level higher, and a shorter RTO.
  const cells = fill(path);
  assert.ok(cells.BIA_P1_RTO, `the RTO has its named cell: ${Object.keys(cells).slice(0, 12).join(", ")}`);
  const scores = Object.entries(cells)
    .map(([name, c]) => ({ name, ...c, m: /^BIA_P1_S(\d+)_(\d+)$/.exec(name) }))
    .filter((c) => c.m && levelOf(c.text) < 5);
  const lastHorizon = Math.max(...scores.map((c) => Number(c.m[2])));
  const raised = scores.find((c) => Number(c.m[2]) === lastHorizon);
  assert.ok(raised, "a score of Accounts payable below the top level at the last horizon");
  const level = levelOf(raised.text) + 1;
  const sentRto = cells.BIA_P1_RTO.text;
  const rto = sentRto === "4 h" ? "2 h" : "4 h";
  fill(path, `${raised.name}=${level}`, `BIA_P1_RTO=${rto}`);

  // The returned workbook is dropped on the window: its review opens.
  await dropOnApp(path, () =>
    byTestId(browser, "questionnaire-review").waitForDisplayed({ timeout: 30_000, timeoutMsg: "the drop opens the review" }),
  );
  assert.equal(await byTestId(browser, "questionnaire-review").getAttribute("data-recipient"), "Sophie Chen");
  const changes = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="review-change"]')].map((r) => ({
      key: r.dataset.key,
      label: r.dataset.label,
      state: r.querySelector('[data-testid="answer-state"]').dataset.state,
      ticked: r.querySelector('[data-testid="accept-answer"]').checked,
      text: r.textContent,
    })),
  );
  assert.equal(changes.length, 2, `two answers changed: ${JSON.stringify(changes)}`);
  for (const c of changes) {
    assert.equal(c.state, "proposed", `${c.label} was not changed here since sending`);
    assert.ok(c.ticked, `${c.label} is ticked, being proposed`);
  }
  const rtoChange = changes.find((c) => c.key === "rto");
  assert.ok(rtoChange?.text.includes(rto), `the RTO answer is shown: ${rtoChange?.text}`);
  const scoreChange = changes.find((c) => c.key.startsWith("score:"));
  assert.ok(scoreChange, "the score answer is listed");
  const [, category, horizon] = /^(.*) at (.*)$/.exec(scoreChange.label);
  assert.ok(await byTestId(browser, "review-reopens").isExisting(), "Accounts payable is approved: taking answers reopens it");
  assert.match(await textOf(byTestId(browser, "review-apply")), /Apply 2 accepted/);
  await snapshot(browser, join(shots, "questionnaire-review.png"));

  await byTestId(browser, "review-apply").click();
  const applied = byTestId(browser, "questionnaire-applied");
  await applied.waitForDisplayed({ timeout: 30_000, timeoutMsg: "the answers are applied" });
  assert.match(await textOf(applied), /Applied 2 changes from Sophie Chen’s questionnaire\./);
  assert.match(await textOf(applied), /Backup taken first: .+\.bia/);
  await browser.waitUntil(async () => (await row.getAttribute("data-status")) === "applied", {
    timeout: 10_000,
    timeoutMsg: "the list shows it applied",
  });
  await snapshot(browser, join(shots, "questionnaire-list.png"));

  // The new score carries its origin: her questionnaire, the sheet and cell it was read from.
  await byTestId(browser, "nav-impact").click();
  await byTestId(browser, "impact-process").waitForDisplayed({ timeout: 10_000 });
  await byTestId(browser, "impact-process").selectByVisibleText("Accounts payable");
  const cell = byTestId(browser, "impact-cell", `[data-category="${category}"][data-horizon="${horizon}"]`);
  await browser.waitUntil(async () => (await cell.getAttribute("data-severity")) === String(level), {
    timeout: 10_000,
    timeoutMsg: `${category} at ${horizon} shows ${level}`,
  });
  const title = await cell.getAttribute("title");
  assert.match(title, /From the questionnaire returned by Sophie Chen on .+, sheet “Accounts payable”, cell [A-Z]+\d+/, title);
  assert.ok(title.includes(cells[raised.name].cell), `the cell it was typed into (${cells[raised.name].cell}): ${title}`);

  // The RTO too, in the objectives panel.
  await byTestId(browser, "nav-objectives").click();
  const objectiveRow = byTestId(browser, "objective-row", '[data-name="Accounts payable"]');
  await objectiveRow.waitForDisplayed({ timeout: 10_000 });
  await objectiveRow.$("td").click();
  await byTestId(browser, "objectives-form").waitForDisplayed({ timeout: 10_000 });
  const origin = byTestId(browser, "objectives-origin");
  await origin.waitForDisplayed({ timeout: 10_000, timeoutMsg: "the objectives say where they came from" });
  assert.match(await textOf(origin), new RegExp(`Sophie Chen .* cell ${cells.BIA_P1_RTO.cell} \\(RTO\\)`));
  assert.equal(await byTestId(browser, "objective-rto").getValue(), rto);
  await snapshot(browser, join(shots, "questionnaire-objectives.png"));

  // Meanwhile the room agrees another RTO here; Sophie sends the workbook
  // again with yet another RTO (a conflict) and a level the scale lacks.
  const agreed = rto === "4 h" ? "8 h" : "1 d";
  await setValue(browser, byTestId(browser, "objective-rto"), agreed);
  await byTestId(browser, "objectives-save").click();
  await byTestId(browser, "objectives-saved").waitForDisplayed({ timeout: 10_000, timeoutMsg: "the room's RTO is saved" });
  await byTestId(browser, "objectives-cancel").click();
  const other = scores.find((c) => c.name !== raised.name);
  const again = rto === "2 h" ? "3 h" : "2 h";
  fill(path, `BIA_P1_RTO=${again}`, `${other.name}=Severe`);
  await byTestId(browser, "nav-questionnaires").click();
  await byTestId(browser, "questionnaires-screen").waitForDisplayed({ timeout: 10_000 });
  await dropOnApp(path, () =>
    byTestId(browser, "questionnaire-review").waitForDisplayed({ timeout: 30_000, timeoutMsg: "the second return opens its review" }),
  );
  assert.ok(await byTestId(browser, "review-again").isExisting(), "a second return says so");
  const second = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="review-change"]')].map((r) => ({
      key: r.dataset.key,
      state: r.querySelector('[data-testid="answer-state"]').dataset.state,
      ticked: r.querySelector('[data-testid="accept-answer"]').checked,
      disabled: r.querySelector('[data-testid="accept-answer"]').disabled,
      text: r.textContent,
    })),
  );
  assert.equal(second.length, 2, `only what changed since the first return: ${JSON.stringify(second)}`);
  const conflict = second.find((c) => c.key === "rto");
  assert.equal(conflict.state, "conflict", JSON.stringify(conflict));
  assert.ok(!conflict.ticked, "a conflict is not taken unless chosen");
  assert.ok(conflict.text.includes(agreed) && conflict.text.includes(again), `now and the answer side by side: ${conflict.text}`);
  const invalid = second.find((c) => c.key.startsWith("score:"));
  assert.equal(invalid.state, "invalid");
  assert.ok(invalid.disabled, "an answer that breaks the rules cannot be taken");
  assert.match(invalid.text, /“Severe” is not a level of the scale/);
  await snapshot(browser, join(shots, "questionnaire-conflict.png"));

  // Taking Sophie's RTO over the room's, then thinking better of it: Undo.
  await browser.$('[data-testid="review-change"][data-key="rto"] [data-testid="accept-answer"]').click();
  assert.match(await textOf(byTestId(browser, "review-apply")), /Apply 1 accepted/);
  await byTestId(browser, "review-apply").click();
  await applied.waitForDisplayed({ timeout: 30_000 });
  await browser.waitUntil(async () => /Applied 1 change/.test(await textOf(applied)), {
    timeout: 10_000,
    timeoutMsg: "one change applied",
  });
  await byTestId(browser, "questionnaire-undo").click();
  await browser.waitUntil(async () => !(await applied.isExisting()), { timeout: 10_000, timeoutMsg: "undone" });
  await byTestId(browser, "nav-objectives").click();
  await objectiveRow.waitForDisplayed({ timeout: 10_000 });
  await objectiveRow.$("td").click();
  await byTestId(browser, "objectives-form").waitForDisplayed({ timeout: 10_000 });
  assert.equal(await byTestId(browser, "objective-rto").getValue(), agreed, "undo put the room's RTO back");
});

/** Types into an input as a person would, so the form's own checks run. */
async function setValue(browser, chained, text) {
  const element = await chained;
  await element.waitForDisplayed({ timeout: 10_000 });
  await element.click();
  await browser.execute((el, value) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    setter.call(el, value);
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
  }, element, text);
}
