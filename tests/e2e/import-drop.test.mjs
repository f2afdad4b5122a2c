// Import by drag-and-drop in the real app: a workbook is dragged onto the
// window as from a file manager, and the app opens its Import screen on it.
// The workbook is CISO Assistant's BIA import template (../shared/fixtures,
// read in place as the core tests do): one asset, which becomes a process.
// One mapping is fixed (the unrecognised "bia_name" column is read as the
// process's description), the import is applied, and the Processes screen
// lists the process. A clone without ../shared beside it drops a small
// register of its own instead (said on the console), the same way.
//
// The drop is a real one (drop.mjs: a GTK window offers the file and xdotool
// drags it onto the app). Since questionnaires, a dropped .xlsx is first
// offered to the core as a returned questionnaire; this one is none, so it
// goes on to the import as before.

import assert from "node:assert/strict";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { dragOntoApp, dragSource } from "./drop.mjs";
import { byTestId, snapshot, useApp } from "./session.mjs";

const session = useApp("import-drop");

const SHARED = join(import.meta.dirname, "../../../shared/fixtures/ciso-assistant-bia-template.xlsx");

/** What is dropped: the shared template, or a register of our own when ../shared is not here. */
function workbookToDrop() {
  if (existsSync(SHARED)) {
    return { path: SHARED, file: "ciso-assistant-bia-template.xlsx", header: "bia_name", process: "hypervisor" };
  }
  const path = join(mkdtempSync(join(tmpdir(), "bia-drop-")), "lockers-bia.csv");
  writeFileSync(path, "Process,Owner,Site code,RTO\nParcel lockers,A. Bello,NW-4,4h\n");
  console.log(`skipped: ${SHARED} is not here; dropping ${path} instead`);
  return { path, file: "lockers-bia.csv", header: "Site code", process: "Parcel lockers" };
}

const textOf = (element) => element.getProperty("textContent");

function rowNames(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="process-row"]')].map((row) => row.getAttribute("data-name")),
  );
}

test("a workbook dragged onto the window is previewed, remapped and imported", async () => {
  const dropped = workbookToDrop();
  const { browser, shots } = session.app;
  await byTestId(browser, "start-screen").waitForDisplayed({ timeout: 30_000 });
  await byTestId(browser, "open-demo").click();
  await byTestId(browser, "app-shell").waitForDisplayed({ timeout: 15_000 });
  await byTestId(browser, "nav-processes").click();
  await browser.waitUntil(async () => (await rowNames(browser)).length > 0, { timeout: 10_000, timeoutMsg: "the register shows" });
  const before = await rowNames(browser);
  assert.ok(!before.includes(dropped.process), "the demo has no such process yet");

  // The source stays up until the app has the file: after the release the
  // app asks it for the dropped data, as it would ask a file manager.
  const { source, ready } = dragSource(dropped.path);
  try {
    await ready;
    dragOntoApp();
    await byTestId(browser, "import-screen").waitForDisplayed({ timeout: 15_000, timeoutMsg: "the drop opens Import" });
    await byTestId(browser, "import-counts").waitForDisplayed({ timeout: 30_000, timeoutMsg: "the dropped workbook is previewed" });
  } finally {
    source.kill();
  }
  assert.equal(await textOf(byTestId(browser, "import-file")), dropped.file);
  assert.equal(await textOf(byTestId(browser, "import-count-processes_new")), "1");
  const field = browser.$(`[data-testid="import-field"][data-header="${dropped.header}"]`);
  assert.equal(await field.getValue(), "custom", "an unknown header is kept as a custom field");
  await snapshot(browser, join(shots, "import-dropped.png"));

  await field.selectByAttribute("value", "description");
  await browser.waitUntil(
    async () => (await field.getValue()) === "description" && !(await byTestId(browser, "import-replanning").isExisting()),
    { timeout: 15_000, timeoutMsg: "the import is planned again with the fixed mapping" },
  );
  const column = await textOf(browser.$(`[data-testid="import-column"][data-header="${dropped.header}"]`));
  assert.ok(column.includes("your choice"), `the column says it was chosen: ${column}`);

  await byTestId(browser, "import-apply").click();
  const summary = byTestId(browser, "import-summary");
  await summary.waitForDisplayed({ timeout: 60_000, timeoutMsg: "the import is done" });
  assert.ok(/^Imported 1 new process/.test(await summary.getText()), await summary.getText());
  await byTestId(browser, "import-go-processes").click();
  await browser.waitUntil(async () => (await rowNames(browser)).includes(dropped.process), {
    timeout: 10_000,
    timeoutMsg: "the register lists the dropped workbook's process",
  });
  assert.equal((await rowNames(browser)).length, before.length + 1);
  await snapshot(browser, join(shots, "import-dropped-register.png"));
});
