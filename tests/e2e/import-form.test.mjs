// Import… of a BIA kept as questionnaires, in the real app: an .xlsx with a
// sheet of instructions and one form per process (labels down column A, the
// values beside them, a "Dependencies" line naming a process and systems
// nobody has classified, an impact table of categories by time points
// filled with Low/Medium/High/Critical) is written to the E2E output folder
// and chosen on the demo's Import screen. The preview shows the two
// processes, the words with the level each is read as (Critical changed to
// 4 there, which plans again), and the names to classify; one is classified
// as a supplier in the preview, the import is applied, and on the Resources
// screen that supplier is listed while the other name waits under "To
// classify" until it is given a kind there.

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { answerDialog, byTestId, snapshot, useApp } from "./session.mjs";
import { writeXlsx } from "./xlsx.mjs";

const session = useApp("import-form");

const textOf = (element) => element.getProperty("textContent");

/** One questionnaire sheet: labels and values, a blank row, the impact table. */
function form({ name, unit, owner, rto, mtpd, systems, dependencies, impacts }) {
  return {
    name,
    rows: [
      ["Business Impact Analysis – Questionnaire 2025"],
      [],
      ["Process name:", name],
      ["Department:", unit],
      ["Process owner:", owner],
      ["Recovery time objective:", rto],
      ["Maximum tolerable downtime (hours):", mtpd],
      ["Systems required:", systems],
      ["Dependencies:", dependencies],
      [],
      ["Impact category", "4 hours", "1 day", "3 days", "1 week"],
      ...impacts,
    ],
  };
}

const SHEETS = [
  {
    name: "Read me",
    rows: [["Rate each impact Low, Medium, High or Critical; return to the Continuity Office by 14 March."]],
  },
  form({
    name: "Dock scheduling",
    unit: "Port operations",
    owner: "Amara Mensah",
    rto: "8 hours",
    mtpd: 24,
    systems: "Berth Planner; Navis N4",
    dependencies: "Harbour Print Services; Kofax Capture",
    impacts: [
      ["Financial", "Low", "Medium", "High", "Critical"],
      ["Operational", "Medium", "High", "Critical", "Critical"],
      ["Reputational", "Low", "Low", "Medium", "High"],
    ],
  }),
  form({
    name: "Customs clearance",
    unit: "Port operations",
    owner: "Jonas Berg",
    rto: "1 day",
    mtpd: 72,
    systems: "Navis N4",
    dependencies: "Dock scheduling",
    impacts: [
      ["Financial", "Low", "Low", "Medium", "High"],
      ["Legal and regulatory", "Medium", "High", "High", "Critical"],
    ],
  }),
];

/** The resources the Resources screen lists, by name. */
function resourceNames(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="resource-row"]')].map((row) => row.getAttribute("data-name")),
  );
}

test("imports questionnaires through the preview, classifies a new resource, finds it on Resources", async () => {
  const { browser, shots } = session.app;
  const folder = join(shots, "import-form");
  mkdirSync(folder, { recursive: true });
  const xlsx = join(folder, "Port BIA questionnaires 2025.xlsx");
  writeXlsx(xlsx, SHEETS);

  await byTestId(browser, "start-screen").waitForDisplayed({ timeout: 30_000 });
  await byTestId(browser, "open-demo").click();
  await byTestId(browser, "app-shell").waitForDisplayed({ timeout: 15_000 });
  await byTestId(browser, "nav-import").click();
  await byTestId(browser, "import-screen").waitForDisplayed({ timeout: 10_000 });
  await browser.pause(1_000);

  assert.ok(await answerDialog(browser, "open", xlsx), "the open dialog is answered from the page");
  await byTestId(browser, "import-choose").click();
  await byTestId(browser, "import-counts").waitForDisplayed({ timeout: 30_000, timeoutMsg: "the preview shows" });
  assert.equal(await textOf(byTestId(browser, "import-count-processes_new")), "2", "one process per form");

  // The words of the impact tables, each with the level it is read as.
  const words = byTestId(browser, "import-level-words");
  await words.waitForDisplayed({ timeout: 10_000, timeoutMsg: "the words are shown" });
  const critical = browser.$('[data-testid="import-level-word"][data-word="Critical"] [data-testid="import-level-select"]');
  assert.equal(await critical.getValue(), "5", "Critical is read as the top level by the stated rule");
  await words.scrollIntoView();
  await snapshot(browser, join(shots, "import-form-words.png"));
  await critical.selectByAttribute("value", "4");
  await browser.waitUntil(async () => (await critical.getValue()) === "4" && !(await byTestId(browser, "import-replanning").isExisting()), {
    timeout: 15_000,
    timeoutMsg: "the import is planned again with Critical at 4",
  });

  // The names of the Dependencies lines that are no process: to classify.
  const classify = byTestId(browser, "import-classify");
  await classify.waitForDisplayed({ timeout: 10_000, timeoutMsg: "the names to classify are listed" });
  const toClassify = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="import-classify-row"]')].map((row) => row.getAttribute("data-name")),
  );
  assert.deepEqual([...toClassify].sort(), ["Harbour Print Services", "Kofax Capture"], "a process name stays a process link");
  const printers = browser.$('[data-testid="import-classify-row"][data-name="Harbour Print Services"] [data-testid="import-classify-kind"]');
  await printers.selectByAttribute("value", "supplier");
  await browser.waitUntil(async () => (await printers.getValue()) === "supplier" && !(await byTestId(browser, "import-replanning").isExisting()), {
    timeout: 15_000,
    timeoutMsg: "the import is planned again with the supplier",
  });
  await classify.scrollIntoView();
  await snapshot(browser, join(shots, "import-form-classify.png"));

  await byTestId(browser, "import-apply").click();
  const summary = byTestId(browser, "import-summary");
  await summary.waitForDisplayed({ timeout: 60_000, timeoutMsg: "the import is done" });
  assert.ok(/^Imported 2 new processes/.test(await summary.getText()), "the summary counts the processes");

  // On the Resources screen: the supplier, and the name still to classify.
  await byTestId(browser, "nav-resources").click();
  await browser.waitUntil(async () => (await resourceNames(browser)).includes("Harbour Print Services"), {
    timeout: 10_000,
    timeoutMsg: "the classified resource is listed",
  });
  const printerRow = await browser.execute(
    () => document.querySelector('[data-testid="resource-row"][data-name="Harbour Print Services"]')?.textContent ?? "",
  );
  assert.match(printerRow, /supplier/i, `it is a supplier: ${printerRow}`);
  const waiting = byTestId(browser, "resources-to-classify");
  await waiting.waitForDisplayed({ timeout: 10_000, timeoutMsg: "the names to classify are listed on Resources" });
  assert.match(await textOf(waiting), /Kofax Capture/);
  await snapshot(browser, join(shots, "import-form-resources.png"));

  // Classified there, it leaves the list.
  const kofax = browser.$('[data-testid="resources-to-classify"] [aria-label="Kind of Kofax Capture"]');
  await kofax.selectByAttribute("value", "application");
  await browser.waitUntil(async () => !(await byTestId(browser, "resources-to-classify").isExisting()), {
    timeout: 10_000,
    timeoutMsg: "nothing is left to classify",
  });
  const kofaxRow = await browser.execute(
    () => document.querySelector('[data-testid="resource-row"][data-name="Kofax Capture"]')?.textContent ?? "",
  );
  assert.match(kofaxRow, /application/i, `it is an application now: ${kofaxRow}`);
});
