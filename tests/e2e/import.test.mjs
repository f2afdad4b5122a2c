// Import… in the real app: a legacy BIA kept as a CSV file (a title row and a
// "Prepared by" line above the table; Business Process, Department,
// RTO (hours), Key Systems and a stray "Shoe size" column; three processes) is
// written to the E2E output folder, chosen on the demo's Import screen, and
// previewed by the core: the table found under the title block, the counts,
// the columns as recognised, and the issue about an RTO given as a range,
// whose cell is shown among its neighbours when clicked. One mapping is fixed — "Shoe size" is read as the
// Owner — which plans the import again; Import applies it with the progress
// bar, the summary names the backup, the Processes screen lists the three
// processes, and Ctrl+Z takes the whole import back in one step.
//
// The native GTK open dialog cannot be driven over WebDriver, so the page
// answers the dialog's IPC call itself, as export.test.mjs does for the save
// dialog: a wrapper around `fetch` (the `ipc://` channel Tauri's IPC takes on
// Linux) answers "plugin:dialog|open" with the CSV's path and passes every
// other request to the real `fetch`. The app's code, CSP and capabilities
// stay as they are.
//
// Dragging a file onto the window is import-drop.test.mjs (a real X
// drag-and-drop); what a drop of several files or of other files means —
// the first spreadsheet of several, anything else refused, the overlay — is
// covered by the vitest tests (src/lib/spreadsheetFiles.test.ts,
// src/screens/Import.test.ts).

import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { answerDialog, byTestId, dialogOptions, snapshot, useApp } from "./session.mjs";

const session = useApp("import");

const PROCESSES = ["Vendor master data maintenance", "Intercompany settlements", "Expense claim processing"];

/** Last year's BIA of the finance team, as an exported CSV: a title block, then the table. */
const LEGACY_CSV = [
  "Harbourline Logistics - Finance BIA FY2024,,,,",
  "Prepared by: Finance Business Partnering (R. Osei),,,,",
  ",,,,",
  "Business Process,Department,RTO (hours),Key Systems,Shoe size",
  `${PROCESSES[0]},Finance,48,SAP S/4HANA; Coupa,Ruth Osei`,
  `${PROCESSES[1]},Finance,72,SAP S/4HANA; BlackLine,Marek Nowak`,
  `${PROCESSES[2]},Finance,3-5 days,SAP Concur,Ruth Osei`,
  "",
].join("\r\n");

// WebKitWebDriver's getText returns "" for text cut with `text-overflow: ellipsis`, so read what the element holds.
const textOf = (element) => element.getProperty("textContent");

function rowNames(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="process-row"]')].map((row) => row.getAttribute("data-name")),
  );
}

/** The mapping dropdown of the column with this header. */
function fieldSelect(browser, header) {
  return browser.$(`[data-testid="import-field"][data-header="${header}"]`);
}

test("imports a legacy BIA CSV with one mapping fixed, then undoes it", async () => {
  const { browser, shots } = session.app;
  const folder = join(shots, "import");
  mkdirSync(folder, { recursive: true });
  const csv = join(folder, "Finance BIA FY2024.csv");
  writeFileSync(csv, LEGACY_CSV, "utf8");

  await byTestId(browser, "start-screen").waitForDisplayed({ timeout: 30_000 });
  await byTestId(browser, "open-demo").click();
  await byTestId(browser, "app-shell").waitForDisplayed({ timeout: 15_000 });
  await byTestId(browser, "nav-processes").click();
  await browser.waitUntil(async () => (await rowNames(browser)).length > 0, { timeout: 10_000, timeoutMsg: "the register shows" });
  const before = await rowNames(browser);
  assert.ok(PROCESSES.every((p) => !before.includes(p)), "the demo does not have the workbook's processes yet");

  await byTestId(browser, "nav-import").click();
  await byTestId(browser, "import-screen").waitForDisplayed({ timeout: 10_000 });
  await browser.pause(1_000);
  await snapshot(browser, join(shots, "import-start.png"));

  assert.ok(await answerDialog(browser, "open", csv), "the open dialog is answered from the page");
  await byTestId(browser, "import-choose").click();
  await byTestId(browser, "import-counts").waitForDisplayed({ timeout: 30_000, timeoutMsg: "the preview shows" });
  const dialog = await dialogOptions(browser, "open");
  assert.equal(dialog?.title, "Import a spreadsheet or an assessment");
  assert.deepEqual(dialog?.filters, [
    { name: "Spreadsheet or assessment", extensions: ["xlsx", "xlsm", "xlsb", "xls", "ods", "csv", "bia"] },
    { name: "Spreadsheet", extensions: ["xlsx", "xlsm", "xlsb", "xls", "ods", "csv"] },
    { name: "BIA assessment", extensions: ["bia"] },
  ]);

  assert.equal(await textOf(byTestId(browser, "import-file")), "Finance BIA FY2024.csv");
  assert.equal(await textOf(byTestId(browser, "import-count-processes_new")), "3", "three new processes");
  const table = await textOf(byTestId(browser, "import-table"));
  assert.ok(table.includes("header on row 4"), `the header row is found under the title block: ${table}`);
  assert.equal(await fieldSelect(browser, "Business Process").getValue(), "process");
  assert.equal(await fieldSelect(browser, "RTO (hours)").getValue(), "rto");
  assert.equal(await fieldSelect(browser, "Key Systems").getValue(), "dependency:application");
  assert.equal(await fieldSelect(browser, "Shoe size").getValue(), "custom", "an unknown header is kept as a custom field");
  const names = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="import-process"]')].map((row) => row.getAttribute("data-name")),
  );
  assert.deepEqual(names, PROCESSES);
  await snapshot(browser, join(shots, "import-preview.png"));

  // The range "3-5 days" is read as its lower bound, and the issue list says so at its cell.
  const rangeIssue = browser.$('[data-testid="import-issue"][data-address$="!C7"]');
  await rangeIssue.waitForDisplayed({ timeout: 5_000, timeoutMsg: "the range is an issue at its cell" });
  await rangeIssue.$("button").click();
  const focus = byTestId(browser, "import-cell-focus");
  await focus.waitForDisplayed({ timeout: 10_000, timeoutMsg: "the cell is shown in context" });
  assert.equal((await textOf(focus)).trim(), "3-5 days", "the highlighted cell is the one the issue names");
  const context = await textOf(byTestId(browser, "import-cell-context"));
  assert.ok(context.includes(PROCESSES[2]), `the cells around it are shown: ${context}`);
  await browser.execute(() => document.querySelector('[data-testid="import-issues"]')?.scrollIntoView());
  await snapshot(browser, join(shots, "import-issue-cell.png"));
  await browser.execute(() => document.querySelector('[data-testid="import-processes"]')?.scrollIntoView());
  await snapshot(browser, join(shots, "import-processes.png"));

  // One mapping fixed: the "Shoe size" column really holds the owner.
  await fieldSelect(browser, "Shoe size").selectByAttribute("value", "owner");
  await browser.waitUntil(
    async () => (await fieldSelect(browser, "Shoe size").getValue()) === "owner" && !(await byTestId(browser, "import-replanning").isExisting()),
    { timeout: 15_000, timeoutMsg: "the import is planned again with the fixed mapping" },
  );
  const shoe = await textOf(browser.$('[data-testid="import-column"][data-header="Shoe size"]'));
  assert.ok(shoe.includes("your choice"), `the column says it was chosen: ${shoe}`);
  assert.equal(await textOf(byTestId(browser, "import-count-processes_new")), "3");
  const ownerCell = await browser.execute(() => document.querySelector('[data-testid="import-process"]')?.children[2]?.textContent);
  assert.equal(ownerCell, "Ruth Osei", "the preview reads the owner from the column");
  await snapshot(browser, join(shots, "import-mapped.png"));

  await byTestId(browser, "import-apply").click();
  const summary = byTestId(browser, "import-summary");
  await summary.waitForDisplayed({ timeout: 60_000, timeoutMsg: "the import is done" });
  const said = await summary.getText();
  assert.ok(/^Imported 3 new processes/.test(said), `the summary counts the processes: ${said}`);
  const backup = await textOf(byTestId(browser, "import-backup"));
  assert.ok(backup.length > 0, "the summary names the backup");
  await snapshot(browser, join(shots, "import-done.png"));

  await byTestId(browser, "import-go-processes").click();
  await browser.waitUntil(async () => (await rowNames(browser)).length === before.length + 3, {
    timeout: 10_000,
    timeoutMsg: "the register lists the imported processes",
  });
  const after = await rowNames(browser);
  for (const name of PROCESSES) assert.ok(after.includes(name), `${name} is in the register`);
  const owner = await browser.execute(
    (name) => document.querySelector(`[data-testid="process-row"][data-name="${name}"]`)?.textContent ?? "",
    PROCESSES[1],
  );
  assert.ok(owner.includes("Marek Nowak"), `the fixed mapping set the owner: ${owner}`);
  await snapshot(browser, join(shots, "import-register.png"));

  // One undo takes the whole import back.
  await browser.execute(() => document.activeElement?.blur());
  await browser.keys(["Control", "z"]);
  await browser.waitUntil(async () => (await rowNames(browser)).length === before.length, {
    timeout: 10_000,
    timeoutMsg: "Ctrl+Z undoes the import",
  });
  const undone = await rowNames(browser);
  assert.ok(PROCESSES.every((p) => !undone.includes(p)), "none of the imported processes is left");
  assert.deepEqual(undone, before, "the register is as it was");
});
