// Copies and merging in the real app, as a consultant uses them when a colleague takes the assessment on site visits
// without the consultant's laptop: on the demo, Give a Copy To… Priya Raman (the save dialog answered from the page,
// its suggested name checked); Priya edits her copy offline (here the `bia` CLI, another process, as her laptop
// would): Shipment tracking enquiries' RTO to 12 h, and Key account management's MBCO to 40 %; meanwhile the
// facilitator agrees an RTO of 8 h for the same process in the app. Merging the copy back shows the preview (one
// change, one conflict), then merges after a backup: the conflict is resolved on the Merge screen with the keyboard
// (E to type a value and Escape to think again, T to take Priya's 12 h), undone and redone with Ctrl Z and
// Ctrl Shift Z, and the whole merge undone and redone from its banner. The Dashboard and the sidebar show the count
// of conflicts to resolve while there is one. Screenshots of the form asking whom for, the preview, the resolver, the Dashboard's notice and the resolved state.
// Last, the Leeds site's BIA, built apart with the CLI (no common fork point), taken in through File ▸ Import…: the
// preview of merging it like an import, merged with Enter, its conflict resolved with T, undone and redone.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { answerDialog, byTestId, dialogOptions, snapshot, useApp } from "./session.mjs";

const session = useApp("merge");
const textOf = (element) => element.getProperty("textContent");
const SHIPMENT = "Shipment tracking enquiries";
const HOLDER = "Priya Raman";

/** The RTO of a process as the Objectives screen lists it. */
async function rtoOnObjectives(browser) {
  await byTestId(browser, "nav-objectives").click();
  const row = byTestId(browser, "objective-row", `[data-name="${SHIPMENT}"]`);
  await row.waitForDisplayed({ timeout: 10_000 });
  return row;
}

test("give Priya Raman a copy, merge it back, and resolve its conflict with the keyboard", async () => {
  const { browser, shots } = session.app;
  const folder = join(shots, "merge");
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const copy = join(folder, `Harbourline - copy for ${HOLDER}.bia`);
  const cli = join(dirname(process.env.BIA_APP), "bia");
  assert.ok(existsSync(cli), `the bia CLI is built beside the app (${cli})`);

  await byTestId(browser, "start-screen").waitForDisplayed({ timeout: 30_000 });
  await byTestId(browser, "open-demo").click();
  await byTestId(browser, "app-shell").waitForDisplayed({ timeout: 15_000 });
  assert.equal(await byTestId(browser, "dashboard-conflicts").isExisting(), false, "no conflicts: the Dashboard says nothing of them");

  // Give a Copy To… Priya Raman: her name first, then where to save it.
  await byTestId(browser, "nav-merge").click();
  await byTestId(browser, "merge-empty").waitForDisplayed({ timeout: 10_000, timeoutMsg: "nothing merged yet" });
  await byTestId(browser, "give-copy").click();
  await byTestId(browser, "give-copy-form").waitForDisplayed({ timeout: 5_000 });
  assert.equal(await byTestId(browser, "give-copy-save").isEnabled(), false, "a copy is given to someone");
  await byTestId(browser, "give-copy-holder").setValue(HOLDER);
  await snapshot(browser, join(shots, "ui-merge-give-copy.png"));
  assert.ok(await answerDialog(browser, "save", copy), "the save dialog is answered from the page");
  await byTestId(browser, "give-copy-save").click();
  await byTestId(browser, "notice").waitForDisplayed({ timeout: 15_000, timeoutMsg: "the copy is written" });
  assert.match(await textOf(byTestId(browser, "notice")), new RegExp(`A copy for ${HOLDER} was written to`));
  assert.equal((await dialogOptions(browser, "save")).defaultPath, `Harbourline Logistics — BIA 2026 - copy for ${HOLDER}.bia`);
  assert.ok(existsSync(copy), "the copy is where the dialog said");
  await browser.waitUntil(async () => /Copies it knows of: Priya Raman/.test(await textOf(byTestId(browser, "copy-info"))), {
    timeout: 5_000,
    timeoutMsg: "the file knows the copy it gave",
  });

  // Priya, offline: the same RTO to 12 h (its rationale as it was), and Key account management's MBCO to 40 %.
  execFileSync(cli, ["objectives", copy, "--process", SHIPMENT, "--rto", "12h", "--rationale", "Agreed in the BIA workshop with the process owner"]);
  execFileSync(cli, ["objectives", copy, "--process", "Key account management", "--mbco", "40", "--rationale", "Agreed in the BIA workshop with the process owner"]);

  // Meanwhile the facilitator agrees 8 h in the app.
  const row = await rtoOnObjectives(browser);
  await row.$("td").click();
  await byTestId(browser, "objectives-form").waitForDisplayed({ timeout: 10_000 });
  await byTestId(browser, "objective-rto").setValue("8h");
  await browser.waitUntil(() => byTestId(browser, "objectives-save").isEnabled(), { timeout: 10_000 });
  await byTestId(browser, "objectives-save").click();
  await browser.waitUntil(async () => /8 h/.test(await textOf(row)), { timeout: 10_000, timeoutMsg: "RTO 8 h agreed" });
  await browser.keys("Escape");
  await byTestId(browser, "objectives-form").waitForDisplayed({ reverse: true, timeout: 10_000 });

  // Merge a Copy…: the preview first, nothing written.
  await byTestId(browser, "nav-merge").click();
  assert.ok(await answerDialog(browser, "open", copy), "the open dialog is answered from the page");
  await byTestId(browser, "merge-choose").click();
  await byTestId(browser, "merge-preview").waitForDisplayed({ timeout: 30_000, timeoutMsg: "the preview shows" });
  const tile = (key) => textOf(byTestId(browser, `merge-tile-${key}`).$(".tile-value"));
  assert.equal(await tile("conflicts"), "1", "one field changed on both sides");
  // What Priya changed alone is taken: her MBCO (the core also lists the value's origin it moved with, typed by her).
  const changed = await browser.$$('[data-testid="merge-preview-changes"] [data-testid="merged-change"][data-what="changed"]');
  assert.ok(changed.length >= 1);
  assert.equal(await tile("changed"), String(changed.length), "the tile counts the changes listed");
  assert.match(await textOf(byTestId(browser, "merge-preview-conflicts")), /Shipment tracking enquiries · RTO[\s\S]*8 h[\s\S]*12 h[\s\S]*1 d/);
  assert.match(await textOf(byTestId(browser, "merge-preview-changes")), /Key account management[\s\S]*MBCO[\s\S]*30 %[\s\S]*40 %/);
  assert.match(await textOf(byTestId(browser, "merge-confirm")), /^\s*Merge\s*$/);
  await snapshot(browser, join(shots, "ui-merge-preview.png"));

  // Merged: one edit after a backup; the conflict waits, mine (8 h) kept.
  await byTestId(browser, "merge-confirm").click();
  await byTestId(browser, "merge-result").waitForDisplayed({ timeout: 30_000, timeoutMsg: "the merge is done" });
  assert.match(await textOf(byTestId(browser, "merge-sentence")), /Merged Priya Raman’s copy: \d+ changes? applied, .*1 conflict found\./);
  const backup = (await textOf(byTestId(browser, "merge-backup"))).replace(/^Backup taken first: /, "").trim();
  assert.match(backup, /before-merge/);
  assert.ok(existsSync(backup), `the backup is on disk: ${backup}`);
  const resolver = byTestId(browser, "conflict-resolver");
  await resolver.waitForDisplayed({ timeout: 10_000 });
  assert.equal(await resolver.getAttribute("data-state"), "unresolved");
  assert.equal(await textOf(byTestId(browser, "conflict-title")), "Shipment tracking enquiries · RTO");
  assert.equal(await textOf(byTestId(browser, "conflict-mine")), "8 h");
  assert.equal(await textOf(byTestId(browser, "conflict-theirs")), "12 h");
  assert.equal(await textOf(byTestId(browser, "conflict-base")), "1 d");
  await browser.waitUntil(async () => (await textOf(byTestId(browser, "nav-merge-conflicts"))) === "1", {
    timeout: 5_000,
    timeoutMsg: "the sidebar counts the conflict",
  });
  await snapshot(browser, join(shots, "ui-merge-conflict.png"));

  // The Dashboard says so, and takes the user back to it.
  await byTestId(browser, "nav-dashboard").click();
  await byTestId(browser, "dashboard-conflicts").waitForDisplayed({ timeout: 10_000 });
  assert.match(await textOf(byTestId(browser, "dashboard-conflicts")), /1 conflict from merged copies to resolve/);
  await snapshot(browser, join(shots, "ui-merge-dashboard.png"));
  await byTestId(browser, "dashboard-conflicts").click();
  await resolver.waitForDisplayed({ timeout: 10_000 });

  // The keyboard: E to type a value, Escape to think again; T takes Priya's.
  await browser.keys("e");
  await byTestId(browser, "conflict-typed").waitForDisplayed({ timeout: 5_000, timeoutMsg: "E opens the value to type" });
  await browser.keys(["1", "0", "h"]);
  await browser.keys("Escape");
  await byTestId(browser, "conflict-typed").waitForDisplayed({ reverse: true, timeout: 5_000, timeoutMsg: "Escape closes it" });
  assert.equal(await resolver.getAttribute("data-state"), "unresolved", "nothing typed was applied");
  await browser.keys("t");
  await browser.waitUntil(async () => (await resolver.getAttribute("data-state")) === "theirs", {
    timeout: 10_000,
    timeoutMsg: "T takes Priya's value",
  });
  assert.match(await textOf(byTestId(browser, "conflict-outcome")), /Took Priya Raman’s: 12 h/);
  await byTestId(browser, "conflicts-all-resolved").waitForDisplayed({ timeout: 5_000 });
  await byTestId(browser, "nav-merge-conflicts").waitForDisplayed({ reverse: true, timeout: 5_000, timeoutMsg: "nothing left to count" });
  assert.equal(await byTestId(browser, "merge-result").getAttribute("data-state"), "earlier", "the merge is no longer the latest edit");
  await snapshot(browser, join(shots, "ui-merge-resolved.png"));

  // Ctrl Z takes the resolution back; Ctrl Shift Z does it again.
  await browser.keys(["Control", "z"]);
  await browser.waitUntil(async () => (await resolver.getAttribute("data-state")) === "unresolved", {
    timeout: 10_000,
    timeoutMsg: "undo takes the resolution back",
  });
  await byTestId(browser, "nav-merge-conflicts").waitForDisplayed({ timeout: 5_000 });
  await browser.keys(["Control", "Shift", "z"]);
  await browser.waitUntil(async () => (await resolver.getAttribute("data-state")) === "theirs", {
    timeout: 10_000,
    timeoutMsg: "redo resolves it again",
  });
  assert.match(await textOf(await rtoOnObjectives(browser)), /12 h/, "Priya's RTO is the file's");

  // The whole merge, undone from its banner (the resolution first) and redone.
  await byTestId(browser, "nav-merge").click();
  await resolver.waitForDisplayed({ timeout: 10_000 });
  await browser.keys(["Control", "z"]);
  await byTestId(browser, "merge-undo").waitForDisplayed({ timeout: 10_000, timeoutMsg: "the merge is the latest edit again" });
  await byTestId(browser, "merge-undo").click();
  await browser.waitUntil(async () => (await byTestId(browser, "merge-result").getAttribute("data-state")) === "undone", {
    timeout: 10_000,
    timeoutMsg: "the merge is undone",
  });
  await resolver.waitForDisplayed({ reverse: true, timeout: 10_000, timeoutMsg: "its conflict went with it" });
  assert.match(await textOf(await rtoOnObjectives(browser)), /8 h/, "the file as it was before the merge");
  await byTestId(browser, "nav-merge").click();
  await byTestId(browser, "merge-redo").click();
  await resolver.waitForDisplayed({ timeout: 10_000, timeoutMsg: "redo brings the merge and its conflict back" });
  assert.equal(await resolver.getAttribute("data-state"), "unresolved");
  assert.equal(await byTestId(browser, "merge-result").getAttribute("data-state"), "latest");
});

test("several conflicts from copies built with the CLI: moved through with N, P and the arrows, a process kept twice with B", async () => {
  const { browser, shots } = session.app;
  const folder = join(shots, "merge-cli");
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const cli = join(dirname(process.env.BIA_APP), "bia");
  const mine = join(folder, "Harbourline.bia");
  const theirs = join(folder, "Harbourline - copy for Sam Okafor.bia");
  const run = (...args) => execFileSync(cli, args);
  run("demo", mine);
  run("fork", mine, "--out", theirs, "--for", "Sam Okafor");
  // Both add the bonded warehouse's checks, claim a tier for Fleet maintenance and score Returns processing, differently.
  for (const [file, unit, tier, level] of [
    [mine, "Warehouse Operations", "Tier 2", "3"],
    [theirs, "Transport & Fleet", "Tier 1", "4"],
  ]) {
    run("process", "add", file, "--name", "Bonded warehouse checks", "--unit", unit);
    run("process", "set", file, "--process", "Fleet maintenance", "--claimed-tier", tier);
    run("score", file, "--process", "Returns processing", "--category", "Financial", "--horizon", "1 w", "--severity", level);
  }

  await byTestId(browser, "close-assessment").click();
  await byTestId(browser, "start-screen").waitForDisplayed({ timeout: 10_000 });
  assert.ok(await answerDialog(browser, "open", mine));
  await byTestId(browser, "open-assessment").click();
  await byTestId(browser, "app-shell").waitForDisplayed({ timeout: 15_000 });
  await byTestId(browser, "nav-merge").click();
  await byTestId(browser, "merge-empty").waitForDisplayed({ timeout: 10_000 });
  assert.ok(await answerDialog(browser, "open", theirs));
  await byTestId(browser, "merge-choose").click();
  await byTestId(browser, "merge-preview").waitForDisplayed({ timeout: 30_000 });
  assert.equal(await textOf(byTestId(browser, "merge-tile-conflicts").$(".tile-value")), "3");
  await byTestId(browser, "merge-confirm").click();

  const resolver = byTestId(browser, "conflict-resolver");
  await resolver.waitForDisplayed({ timeout: 30_000 });
  const position = () => textOf(byTestId(browser, "conflict-position"));
  const title = () => textOf(byTestId(browser, "conflict-title"));
  await browser.waitUntil(async () => /Conflict 1 of 3\s*3 unresolved/.test(await position()), { timeout: 10_000 });
  const seen = [await title()];
  await browser.keys("n");
  await browser.waitUntil(async () => /Conflict 2 of 3/.test(await position()), { timeout: 5_000, timeoutMsg: "N moves on" });
  seen.push(await title());
  await browser.keys("ArrowRight");
  await browser.waitUntil(async () => /Conflict 3 of 3/.test(await position()), { timeout: 5_000, timeoutMsg: "→ moves on" });
  seen.push(await title());
  await browser.keys("p");
  await browser.waitUntil(async () => /Conflict 2 of 3/.test(await position()), { timeout: 5_000, timeoutMsg: "P moves back" });
  await browser.keys("ArrowLeft");
  await browser.waitUntil(async () => /Conflict 1 of 3/.test(await position()), { timeout: 5_000, timeoutMsg: "← moves back" });
  assert.deepEqual(
    [...seen].sort(),
    ["Bonded warehouse checks", "Fleet maintenance · Claimed tier", "Returns processing · Financial at 1 w"],
    "each conflict once",
  );

  // To the process added on both sides; B keeps both, then the next unresolved one is shown.
  while ((await title()) !== "Bonded warehouse checks") await browser.keys("n");
  assert.equal(await byTestId(browser, "conflict-edit").isExisting(), false, "a whole process takes no typed value");
  await snapshot(browser, join(shots, "ui-merge-same-name.png"));
  await browser.keys("b");
  await browser.waitUntil(async () => /2 unresolved/.test(await position()), { timeout: 10_000, timeoutMsg: "B resolves it" });
  assert.notEqual(await title(), "Bonded warehouse checks", "on to the next unresolved conflict");
  // M keeps mine in the one on screen; the last is left for later.
  await browser.keys("m");
  await browser.waitUntil(async () => /1 unresolved/.test(await position()), { timeout: 10_000, timeoutMsg: "M resolves it" });
  assert.equal(await resolver.getAttribute("data-state"), "unresolved", "the one left is shown");
  const states = await browser.$$('[data-testid="conflict-row"]').map((row) => row.getAttribute("data-state"));
  assert.deepEqual([...states].sort(), ["both", "mine", "unresolved"]);
  await snapshot(browser, join(shots, "ui-merge-several.png"));

  await byTestId(browser, "nav-processes").click();
  await browser.waitUntil(
    async () => (await browser.$$('[data-testid="process-row"]').map((r) => r.getProperty("textContent"))).filter((t) => t.includes("Bonded warehouse checks")).length === 2,
    { timeout: 10_000, timeoutMsg: "both processes are in the register" },
  );
});

test("a process both copies added under one name is made one with S, its differing unit left as a conflict", async () => {
  const { browser, shots } = session.app;
  const folder = join(shots, "merge-same");
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const cli = join(dirname(process.env.BIA_APP), "bia");
  const mine = join(folder, "Harbourline.bia");
  const theirs = join(folder, "Harbourline - copy for Sam Okafor.bia");
  const run = (...args) => execFileSync(cli, args);
  run("demo", mine);
  run("fork", mine, "--out", theirs, "--for", "Sam Okafor");
  for (const [file, unit, category] of [
    [mine, "Warehouse Operations", "Financial"],
    [theirs, "Transport & Fleet", "Customer"],
  ]) {
    run("process", "add", file, "--name", "Bonded warehouse checks", "--unit", unit);
    run("score", file, "--process", "Bonded warehouse checks", "--category", category, "--horizon", "1 d", "--severity", "3");
  }

  await byTestId(browser, "close-assessment").click();
  await byTestId(browser, "start-screen").waitForDisplayed({ timeout: 10_000 });
  assert.ok(await answerDialog(browser, "open", mine));
  await byTestId(browser, "open-assessment").click();
  await byTestId(browser, "app-shell").waitForDisplayed({ timeout: 15_000 });
  await byTestId(browser, "nav-merge").click();
  await byTestId(browser, "merge-empty").waitForDisplayed({ timeout: 10_000 });
  assert.ok(await answerDialog(browser, "open", theirs));
  await byTestId(browser, "merge-choose").click();
  await byTestId(browser, "merge-preview").waitForDisplayed({ timeout: 30_000 });
  await byTestId(browser, "merge-confirm").click();

  const resolver = byTestId(browser, "conflict-resolver");
  await resolver.waitForDisplayed({ timeout: 30_000 });
  const title = () => textOf(byTestId(browser, "conflict-title"));
  await browser.waitUntil(async () => (await title()) === "Bonded warehouse checks", { timeout: 10_000 });
  assert.equal(await byTestId(browser, "conflict-take-theirs").isExisting(), false, "no taking theirs over a name both added");
  await byTestId(browser, "conflict-make-one").waitForDisplayed({ timeout: 5_000 });
  await browser.keys("s");
  // The unit both gave differently is a conflict of its own, shown next.
  await browser.waitUntil(async () => (await title()) === "Bonded warehouse checks · Unit", {
    timeout: 10_000,
    timeoutMsg: "S makes them one and shows the field both filled",
  });
  assert.match(await textOf(byTestId(browser, "conflict-mine")), /Warehouse Operations/);
  assert.match(await textOf(byTestId(browser, "conflict-theirs")), /Transport & Fleet/);
  await snapshot(browser, join(shots, "ui-merge-made-one.png"));
  await browser.keys("m");
  await browser.waitUntil(async () => (await resolver.getAttribute("data-state")) !== "unresolved", {
    timeout: 10_000,
    timeoutMsg: "M keeps this file's unit",
  });

  await byTestId(browser, "nav-processes").click();
  await browser.waitUntil(
    async () => (await browser.$$('[data-testid="process-row"]').map((r) => r.getProperty("textContent"))).filter((t) => t.includes("Bonded warehouse checks")).length === 1,
    { timeout: 10_000, timeoutMsg: "one process in the register" },
  );
});

test("a BIA built apart, taken in through File ▸ Import…, is merged like an import and its conflict resolved with the keyboard", async () => {
  const { browser, shots } = session.app;
  const folder = join(shots, "merge-import");
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const cli = join(dirname(process.env.BIA_APP), "bia");
  const mine = join(folder, "Harbourline.bia");
  const leeds = join(folder, "Leeds site BIA.bia");
  const run = (...args) => execFileSync(cli, args);
  run("demo", mine);
  // The Leeds site's BIA, built on its own: two processes the demo lacks, and Accounts payable with another owner.
  run("new", leeds, "--name", "Leeds site BIA");
  run("process", "add", leeds, "--name", "Order picking", "--unit", "Warehouse Operations", "--owner", "Dev Patel");
  run("process", "add", leeds, "--name", "Cross-dock scheduling", "--unit", "Warehouse Operations");
  run("process", "add", leeds, "--name", "Accounts payable", "--unit", "Finance", "--owner", "Marcus Reid");

  await byTestId(browser, "close-assessment").click();
  await byTestId(browser, "start-screen").waitForDisplayed({ timeout: 10_000 });
  assert.ok(await answerDialog(browser, "open", mine));
  await byTestId(browser, "open-assessment").click();
  await byTestId(browser, "app-shell").waitForDisplayed({ timeout: 15_000 });

  // File ▸ Import… (the Import screen's button runs the same): the .bia goes to the Merge screen's preview.
  await byTestId(browser, "nav-import").click();
  await byTestId(browser, "import-screen").waitForDisplayed({ timeout: 10_000 });
  assert.ok(await answerDialog(browser, "open", leeds));
  await byTestId(browser, "import-choose").click();
  const preview = byTestId(browser, "merge-preview");
  await preview.waitForDisplayed({ timeout: 30_000, timeoutMsg: "the preview of merging it like an import shows" });
  const dialog = await dialogOptions(browser, "open");
  assert.ok(dialog?.filters?.[0]?.extensions?.includes("bia"), `the import dialog offers .bia files: ${JSON.stringify(dialog)}`);
  assert.equal(await preview.getAttribute("data-matched"), "true");
  assert.equal(await textOf(byTestId(browser, "merge-preview-heading")), "Merge “Leeds site BIA.bia” like an import?");
  assert.match(await textOf(byTestId(browser, "merge-matched")), /No common fork point: matched by id, then by name; nothing in this file is removed; what differs is listed as conflicts/);
  const tile = (key) => textOf(byTestId(browser, `merge-tile-${key}`).$(".tile-value"));
  assert.equal(await tile("added"), "2", "Order picking and Cross-dock scheduling");
  assert.equal(await tile("conflicts"), "1", "the owner of Accounts payable");
  assert.match(await textOf(byTestId(browser, "merge-preview-conflicts")), /In Leeds site BIA\.bia[\s\S]*Accounts payable · Owner[\s\S]*Sophie Chen[\s\S]*Marcus Reid/);
  await snapshot(browser, join(shots, "ui-merge-import-preview.png"));

  // Enter on the focused Merge button merges: one edit after a backup.
  await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.dataset.testid)) === "merge-confirm", {
    timeout: 5_000,
    timeoutMsg: "the Merge button has the focus",
  });
  await browser.keys("Enter");
  await byTestId(browser, "merge-result").waitForDisplayed({ timeout: 30_000, timeoutMsg: "merged" });
  assert.equal(await textOf(byTestId(browser, "merge-sentence")), "Merged “Leeds site BIA.bia” like an import: 2 changes applied, 1 conflict found.");
  const backup = (await textOf(byTestId(browser, "merge-backup"))).replace(/^Backup taken first: /, "").trim();
  assert.ok(existsSync(backup), `the backup is on disk: ${backup}`);
  const resolver = byTestId(browser, "conflict-resolver");
  await resolver.waitForDisplayed({ timeout: 10_000 });
  assert.equal(await textOf(byTestId(browser, "conflict-title")), "Accounts payable · Owner");
  assert.equal(await textOf(byTestId(browser, "conflict-mine")), "Sophie Chen");
  assert.equal(await textOf(byTestId(browser, "conflict-theirs")), "Marcus Reid");
  assert.match(await textOf(resolver), /filled differently here and in Leeds site BIA\.bia/);
  await snapshot(browser, join(shots, "ui-merge-import-merged.png"));

  // T takes the owner in the Leeds file; Ctrl Z takes it back, Ctrl Shift Z again.
  await browser.keys("t");
  await browser.waitUntil(async () => (await resolver.getAttribute("data-state")) === "theirs", { timeout: 10_000, timeoutMsg: "T takes theirs" });
  assert.match(await textOf(byTestId(browser, "conflict-outcome")), /Took the value in Leeds site BIA\.bia: Marcus Reid/);
  await browser.keys(["Control", "z"]);
  await browser.waitUntil(async () => (await resolver.getAttribute("data-state")) === "unresolved", { timeout: 10_000, timeoutMsg: "undo" });
  await browser.keys(["Control", "Shift", "z"]);
  await browser.waitUntil(async () => (await resolver.getAttribute("data-state")) === "theirs", { timeout: 10_000, timeoutMsg: "redo" });
  await snapshot(browser, join(shots, "ui-merge-import-resolved.png"));

  // The whole merge, undone from its banner (the resolution first) and redone.
  const register = async () => {
    await byTestId(browser, "nav-processes").click();
    await byTestId(browser, "process-row").waitForDisplayed({ timeout: 10_000 });
    return (await browser.$$('[data-testid="process-row"]').map((r) => r.getProperty("textContent"))).join("\n");
  };
  assert.match(await register(), /Order picking/);
  await byTestId(browser, "nav-merge").click();
  await resolver.waitForDisplayed({ timeout: 10_000 });
  await browser.keys(["Control", "z"]);
  await byTestId(browser, "merge-undo").waitForDisplayed({ timeout: 10_000, timeoutMsg: "the merge is the latest edit again" });
  await byTestId(browser, "merge-undo").click();
  await browser.waitUntil(async () => (await byTestId(browser, "merge-result").getAttribute("data-state")) === "undone", { timeout: 10_000 });
  assert.match(await textOf(byTestId(browser, "merge-result")), /The merge of “Leeds site BIA\.bia” was undone/);
  assert.doesNotMatch(await register(), /Order picking/, "undone: the processes it added are gone");
  await byTestId(browser, "nav-merge").click();
  await byTestId(browser, "merge-redo").click();
  await resolver.waitForDisplayed({ timeout: 10_000, timeoutMsg: "redo brings the merge and its conflict back" });
  assert.equal(await byTestId(browser, "merge-result").getAttribute("data-state"), "latest");
  assert.match(await register(), /Order picking/);
});
