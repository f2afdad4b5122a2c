// Files that let a consultant down gently, in the real window: a copy of the
// demo damaged on disk (one byte of a description no longer text) is
// refused by name with what to do, and "Recover what can be read into a new
// file…" opens the recovered copy; a colleague's read-only copy opens with a
// banner, and "Save a copy to edit…" opens an editable copy in its place,
// the read-only file untouched.

import assert from "node:assert/strict";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import { join } from "node:path";
import { answerDialog, byTestId, dialogOptions, snapshot, useApp } from "./session.mjs";

const session = useApp("files");

const textOf = (element) => element.getProperty("textContent");

/** Opens the demo once so that the app writes it, closes it, and answers where it is. */
async function demoFile(browser) {
  await byTestId(browser, "start-screen").waitForDisplayed({ timeout: 30_000 });
  await byTestId(browser, "open-demo").click();
  await byTestId(browser, "app-shell").waitForDisplayed({ timeout: 15_000 });
  await byTestId(browser, "close-assessment").click();
  await byTestId(browser, "start-screen").waitForDisplayed({ timeout: 10_000 });
  const recent = byTestId(browser, "recent-file", '[data-path$="Harbourline Logistics (demo).bia"]');
  await recent.waitForDisplayed({ timeout: 5_000 });
  return recent.getAttribute("data-path");
}

async function openFile(browser, path) {
  assert.ok(await answerDialog(browser, "open", path));
  await byTestId(browser, "open-assessment").click();
}

test("a damaged file is refused with what to do, and what can be read is recovered", async () => {
  const { browser, home, shots } = session.app;
  const demo = await demoFile(browser);
  const damaged = join(home, "Harbourline workshop 2.bia");
  const bytes = readFileSync(demo);
  const at = bytes.indexOf("Match supplier invoices");
  assert.ok(at > 0, "the description is in the file");
  bytes[at + 6] = 0xff;
  writeFileSync(damaged, bytes);

  await openFile(browser, damaged);
  const banner = byTestId(browser, "error-banner");
  await banner.waitForDisplayed({ timeout: 10_000 });
  assert.equal(await banner.getAttribute("data-code"), "corrupt");
  assert.match(await textOf(banner), /the file is damaged \(a process.s description is not readable text\)/);
  assert.match(await textOf(banner), /Recover what can be read into a new file/);
  await snapshot(browser, join(shots, "files-damaged.png"));

  const recovered = join(home, "Harbourline workshop 2 (recovered).bia");
  assert.ok(await answerDialog(browser, "save", recovered));
  await byTestId(browser, "recover-damaged").click();
  await byTestId(browser, "app-shell").waitForDisplayed({ timeout: 15_000 });
  assert.equal((await dialogOptions(browser, "save"))?.defaultPath, "Harbourline workshop 2 (recovered).bia");
  const notice = byTestId(browser, "notice");
  await notice.waitForDisplayed({ timeout: 5_000 });
  assert.match(await textOf(notice), /1 text kept with unreadable characters replaced/);
  assert.match(await textOf(byTestId(browser, "nav-processes")), /25/);
  await snapshot(browser, join(shots, "files-recovered.png"));
  assert.ok(existsSync(recovered));
  assert.deepEqual(readFileSync(damaged), bytes, "the damaged file is only read");
  await byTestId(browser, "close-assessment").click();
  await byTestId(browser, "start-screen").waitForDisplayed({ timeout: 10_000 });
});

test("a read-only copy opens with a banner and saves a copy to edit", async () => {
  const { browser, home, shots } = session.app;
  const demo = await demoFile(browser);
  const shared = join(home, "Shared");
  mkdirSync(shared, { recursive: true });
  const readOnly = join(shared, "Harbourline (shared).bia");
  copyFileSync(demo, readOnly);
  chmodSync(readOnly, 0o444);
  const before = readFileSync(readOnly);

  await openFile(browser, readOnly);
  await byTestId(browser, "app-shell").waitForDisplayed({ timeout: 15_000 });
  const banner = byTestId(browser, "read-only-banner");
  await banner.waitForDisplayed({ timeout: 5_000 });
  assert.match(await textOf(banner), /cannot be written/);
  assert.match(await textOf(byTestId(browser, "nav-processes")), /25/);
  await snapshot(browser, join(shots, "files-read-only.png"));

  const copy = join(home, "Harbourline (shared) (copy).bia");
  assert.ok(await answerDialog(browser, "save", copy));
  await byTestId(browser, "save-copy").click();
  await byTestId(browser, "read-only-banner").waitForDisplayed({ reverse: true, timeout: 10_000 });
  const notice = byTestId(browser, "notice");
  await notice.waitForDisplayed({ timeout: 5_000 });
  assert.match(await textOf(notice), /Now editing the copy/);
  assert.match(await browser.getTitle(), /Harbourline \(shared\) \(copy\)\.bia/);
  assert.ok(existsSync(copy));
  assert.deepEqual(readFileSync(readOnly), before, "the read-only file is untouched");
});
