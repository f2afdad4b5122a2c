// Export… in the real app: on the Export screen of the demo, "Export workbook…"
// writes the executive workbook where the save dialog says, shows "Saved to"
// with what went into it, and the file on disk is an .xlsx (a zip) holding the
// nine sheets in order. Then, in the same window, a folder that does not exist:
// the core's message naming the file, and the button ready for another try.
//
// The native GTK save dialog cannot be driven over WebDriver, so the page
// answers the dialog's IPC call itself: a wrapper around `fetch` — the channel
// Tauri's IPC takes on Linux (the `ipc://` custom protocol) — answers
// "plugin:dialog|save" with a path under the E2E output folder and passes
// every other request to the real `fetch`. (Wrapping
// `window.__TAURI_INTERNALS__.invoke` is not possible: Tauri defines it with
// `Object.defineProperty`, not writable.) The app's own code, CSP and
// capabilities stay as they are; "Show in folder" is not clicked (no file
// manager under Xvfb).

import assert from "node:assert/strict";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { test } from "node:test";
import { answerDialog, byTestId, dialogOptions, snapshot, useApp } from "./session.mjs";

const session = useApp("export");

/** One file of a zip archive (as the .xlsx is), read through its central directory. */
function zipEntry(zip, name) {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end -= 1;
  assert.ok(end >= 0, "the file is a zip archive");
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i += 1) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString("utf8", at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
    }
    at += 46 + skip;
  }
  throw new Error(`${name} is not in the archive`);
}

test("exports the demo's workbook where the save dialog says", async () => {
  const { browser, shots } = session.app;
  const folder = join(shots, "export");
  mkdirSync(folder, { recursive: true });
  const target = join(folder, "Harbourline Logistics — BIA 2026.xlsx");
  rmSync(target, { force: true });

  await byTestId(browser, "start-screen").waitForDisplayed({ timeout: 30_000 });
  await byTestId(browser, "open-demo").click();
  await byTestId(browser, "app-shell").waitForDisplayed({ timeout: 15_000 });

  await byTestId(browser, "nav-export").click();
  await byTestId(browser, "export-screen").waitForDisplayed({ timeout: 10_000 });
  const processes = await byTestId(browser, "export-count-processes").getText();
  const resources = await byTestId(browser, "export-count-resources").getText();
  const dependencies = await byTestId(browser, "export-count-dependencies").getText();
  assert.ok(Number(processes) > 0, "the demo has processes to export");
  await byTestId(browser, "export-sheets").waitForDisplayed();
  // The first picture of a session can lag further behind the DOM than snapshot() waits.
  await browser.pause(1_000);
  await snapshot(browser, join(shots, "export-screen.png"));

  assert.ok(await answerDialog(browser, "save", target), "the save dialog is answered from the page");
  await byTestId(browser, "export-workbook").click();
  const saved = byTestId(browser, "export-saved");
  await saved.waitForDisplayed({ timeout: 30_000, timeoutMsg: "the workbook is saved" });
  assert.equal(await saved.getText(), `Saved to ${target}`);

  const dialog = await dialogOptions(browser, "save");
  assert.deepEqual(
    dialog,
    {
      title: "Export workbook",
      defaultPath: "Harbourline Logistics — BIA 2026.xlsx",
      filters: [{ name: "Excel workbook", extensions: ["xlsx"] }],
    },
    "the dialog suggests the assessment's name as an Excel workbook",
  );
  assert.equal(
    await byTestId(browser, "export-result").$(".what").getText(),
    `9 sheets · ${processes} processes · ${resources} resources · ${dependencies} dependencies`,
    "everything the screen counted went into the workbook",
  );
  assert.equal(await byTestId(browser, "export-workbook").isEnabled(), true, "the button works again");
  assert.equal(await byTestId(browser, "export-warnings").isExisting(), false, "no demo text is longer than a cell");

  const bytes = readFileSync(target);
  assert.equal(bytes.subarray(0, 2).toString("latin1"), "PK", "an .xlsx is a zip archive");
  const workbook = zipEntry(bytes, "xl/workbook.xml");
  const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(sheets, [
    "Summary",
    "Processes",
    "Impact",
    "Objectives",
    "Resources",
    "Dependencies",
    "Gaps",
    "Decision log",
    "Methodology",
  ]);

  await snapshot(browser, join(shots, "export-saved.png"));
});

test("a workbook that cannot be written shows the core's message, and the button works again", async () => {
  const { browser, shots } = session.app;
  const target = join(shots, "export", "no such folder", "Board pack.xlsx");
  assert.ok(await answerDialog(browser, "save", target));
  await byTestId(browser, "export-workbook").click();
  const error = byTestId(browser, "export-error");
  await error.waitForDisplayed({ timeout: 30_000, timeoutMsg: "the failure is shown" });
  const text = await error.getText();
  assert.ok(text.includes(target), `the message names the file: ${text}`);
  assert.equal(await byTestId(browser, "export-saved").isExisting(), false, "the earlier result gives way to the failure");
  assert.equal(await byTestId(browser, "export-workbook").isEnabled(), true, "the user can try again");
  await snapshot(browser, join(shots, "export-error.png"));
});
