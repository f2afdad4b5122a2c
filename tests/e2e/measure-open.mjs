// Measures, in the real window, how long the desktop takes to show the Dashboard of a large assessment: the
// reference assessment of the import benchmark (`BIA_BENCH_KEEP=DIR cargo bench --bench import` leaves it in
// DIR/reference.bia: 10,000 processes, 560,000 scores, 60,000 dependencies). Not a test (speed targets live in
// benchmarks): `./x bench-desktop` builds a release app and runs it; the figures are printed.
//
// Timed with the page's own clock, from the click on Open to: the process count shown, each chart card drawn, and
// the first frame after all of them; and the same from the moment the file was chosen (the open dialog answered:
// the click's own way through WebDriver and the dialog took 25-80 ms here). Then the memory of the app's processes (the app and
// WebKit's; the sum of their resident sets, and of their PSS, which counts a shared page once), after the dashboard and again 10 s later. Then the Processes screen: the time to its first row, to answer
// a search, to clear it and to sort by unit, and the frame intervals while it scrolls.
//
// Usage: BIA_APP=path/to/bia-workbench BIA_REFERENCE=path/to/reference.bia node measure-open.mjs

import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { answerDialog, byTestId, launch, snapshot } from "./session.mjs";

const reference = process.env.BIA_REFERENCE;
if (!reference) throw new Error("BIA_REFERENCE must name the reference assessment (.bia)");
const CHARTS = ["heatmap", "categories", "tiers", "gaps"];

/** Runs in the page: notes when the count and each chart first show, and the frame after the last. */
function watch(charts) {
  const w = window;
  w.__open = { start: performance.now(), count: null, charts: {}, painted: null, calls: [] };
  // Every command the page sends meanwhile (Tauri's IPC goes through fetch): when asked, answered, and how big.
  const realFetch = w.fetch;
  w.fetch = async function (input, init) {
    const url = typeof input === "string" ? input : input.url;
    const asked = performance.now() - w.__open.start;
    const response = await realFetch.call(this, input, init);
    const copy = response.clone();
    const bytes = (await copy.arrayBuffer()).byteLength;
    const cmd = decodeURIComponent(url.split("/").pop() ?? url);
    w.__open.calls.push({ cmd, asked, answered: performance.now() - w.__open.start, bytes });
    return response;
  };
  const tick = () => {
    const o = w.__open;
    const count = document.querySelector('[data-testid="count-processes"]');
    if (o.count === null && count && count.textContent !== "0") o.count = performance.now() - o.start;
    for (const kind of charts) {
      const img = document.querySelector(`[data-testid="chart-${kind}"]`);
      const failed = document.querySelector(`[data-testid="chart-error-${kind}"]`);
      if (!(kind in o.charts) && ((img && img.complete && img.naturalWidth > 0) || failed))
        o.charts[kind] = { at: performance.now() - o.start, failed: failed?.textContent ?? null };
    }
    if (o.count !== null && charts.every((k) => k in o.charts)) {
      requestAnimationFrame(() => (o.painted = performance.now() - o.start));
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * Runs in the page: does `action` on the Processes screen and resolves with the milliseconds until the register
 * shows its result and a frame is painted after it (`null` after 20 s).
 *   open: choose Processes in the sidebar, until the first row is drawn;
 *   search / clear: type `arg` in the search field (or empty it), until the count says `arg2`;
 *   sort: click the header `arg`, until it says it sorts by it.
 */
function timeInPage(action, arg, arg2, done) {
  const start = performance.now();
  const $ = (sel) => document.querySelector(sel);
  let ready;
  if (action === "open") {
    $('[data-testid="nav-processes"]').click();
    ready = () => $('[data-testid="process-row"]') !== null;
  } else if (action === "search" || action === "clear") {
    const input = $('[data-testid="process-search"]');
    input.value = arg;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    ready = () => $('[data-testid="process-count"]')?.textContent === arg2;
  } else if (action === "sort") {
    $(`[data-testid="sort-${arg}"]`).click();
    ready = () => $(`[data-testid="sort-${arg}"]`)?.closest("th")?.getAttribute("aria-sort") === "ascending";
  }
  const poll = () => {
    if (ready()) requestAnimationFrame(() => done(performance.now() - start));
    else if (performance.now() - start > 20_000) done(null);
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/** Runs in the page: scrolls the register 60 px a frame for `n` frames; the frame intervals' median and 90th percentile. */
function scrollInPage(n, done) {
  const box = document.querySelector('[data-testid="process-table"]').parentElement;
  const times = [];
  const step = () => {
    times.push(performance.now());
    if (times.length === n) {
      const gaps = times.slice(1).map((t, i) => t - times[i]).sort((a, b) => a - b);
      done({ median: gaps[gaps.length >> 1], p90: gaps[Math.floor(gaps.length * 0.9)], drawn: document.querySelectorAll('[data-testid="process-row"]').length });
      return;
    }
    box.scrollTop += 60;
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

/**
 * The memory of the process `pid` and everything it started, in MiB: the sum of their resident sets (a library
 * mapped by several of them counted in each), and of their proportional sets (PSS: each shared page divided among
 * the processes sharing it, so the sum counts it once), read from /proc.
 */
function memoryOf(pid) {
  const table = execFileSync("ps", ["-e", "-o", "pid=,ppid=,rss="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/).map(Number));
  const family = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, parent] of table)
      if (family.has(parent) && !family.has(p)) {
        family.add(p);
        grew = true;
      }
  }
  const rss = table.filter(([p]) => family.has(p)).reduce((sum, [, , kb]) => sum + kb, 0) / 1024;
  let pss = 0;
  for (const p of family) {
    try {
      const line = readFileSync(`/proc/${p}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+) kB/m);
      if (line) pss += Number(line[1]) / 1024;
    } catch {
      // Gone meanwhile.
    }
  }
  return { rss, pss };
}

/** "912 MiB (PSS 640 MiB)". */
const memoryText = (pid) => {
  const m = memoryOf(pid);
  return `${Math.round(m.rss)} MiB (PSS ${Math.round(m.pss)} MiB)`;
};

const { browser, home, shots, stop } = await launch();
try {
  const file = join(home, "reference.bia");
  copyFileSync(reference, file);
  await byTestId(browser, "start-screen").waitForDisplayed({ timeout: 30_000 });
  if (!(await answerDialog(browser, "open", file))) throw new Error("the open dialog could not be answered");
  await browser.execute(watch, CHARTS);
  await byTestId(browser, "open-assessment").click();
  await browser.waitUntil(() => browser.execute(() => window.__open.painted !== null), {
    timeout: 300_000,
    interval: 100,
    timeoutMsg: "the dashboard was not drawn within 5 minutes",
  });
  const o = await browser.execute(() => window.__open);
  const ms = (t) => `${Math.round(t)} ms`;
  console.log(`process count shown: ${ms(o.count)} after Open`);
  for (const kind of CHARTS) {
    const c = o.charts[kind];
    console.log(`chart ${kind}: ${ms(c.at)}${c.failed ? ` (failed: ${c.failed})` : ""}`);
  }
  console.log(`dashboard painted: ${ms(o.painted)} after Open`);
  const chosen = o.calls.find((c) => c.cmd.includes("dialog"))?.answered;
  if (chosen !== undefined)
    console.log(`dashboard painted: ${ms(o.painted - chosen)} after the file was chosen (target ≤ 1000 ms)`);
  console.log("commands meanwhile (asked → answered, size):");
  for (const c of o.calls)
    console.log(`  ${c.cmd.padEnd(28)} ${ms(c.asked).padStart(8)} → ${ms(c.answered).padStart(8)}  ${(c.bytes / 1e6).toFixed(1)} MB`);
  await snapshot(browser, join(shots, "dashboard-reference.png"));
  await browser.execute(() => document.querySelector('[data-testid="dashboard-charts"]')?.scrollIntoView());
  await snapshot(browser, join(shots, "dashboard-reference-charts.png"));
  const app = Number(execFileSync("pgrep", ["-n", "-f", process.env.BIA_APP], { encoding: "utf8" }).trim());
  console.log(`memory of the app's processes: ${memoryText(app)} after the dashboard`);
  await browser.pause(10_000);
  console.log(`memory of the app's processes: ${memoryText(app)} 10 s later (target < 400 MiB)`);

  // The Processes screen (targets: shown within 300 ms, search, clear and sort within 100 ms, scrolling at 60 frames/s).
  const timed = (action, arg = "", arg2 = "") => browser.executeAsync(timeInPage, action, arg, arg2);
  const total = await browser.execute(() => document.querySelector('[data-testid="count-processes"]')?.textContent ?? "");
  console.log(`processes: first row drawn ${ms(await timed("open"))} after choosing Processes`);
  await byTestId(browser, "process-count").waitForDisplayed({ timeout: 60_000 });
  const all = await browser.execute(() => document.querySelector('[data-testid="process-count"]').textContent);
  const one = all.replace(/^[\d,]+/, (n) => `1 of ${n}`);
  console.log(`processes: search for one process answered in ${ms(await timed("search", "09990", one))}`);
  console.log(`processes: search cleared in ${ms(await timed("clear", "", all))} (${all}; the Dashboard said ${total})`);
  console.log(`processes: sorted by unit in ${ms(await timed("sort", "unit"))}`);
  const scrolled = await browser.executeAsync(scrollInPage, 90);
  console.log(
    `processes: scrolling, frames every ${ms(scrolled.median)} (median) / ${ms(scrolled.p90)} (90th percentile); ${scrolled.drawn} rows in the page`,
  );
  await snapshot(browser, join(shots, "processes-reference.png"));
  console.log(`memory of the app's processes: ${memoryText(app)} after Processes`);
  console.log(`screenshots: ${join(shots, "dashboard-reference.png")}, dashboard-reference-charts.png`);
} finally {
  await stop();
}
