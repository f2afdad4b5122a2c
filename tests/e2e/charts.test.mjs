// The dependency chart in the real app: on the Dependencies screen, the
// chart follows the process being shown (Payroll processing and what it
// relies on, nothing else), switches to the whole assessment, redraws after
// a new dependency, and opens large on Enter and closes on Escape. The
// Dashboard's charts are laid out for their cards, so their smallest text
// shows at 12 px or more at 1280 × 800.

import assert from "node:assert/strict";
import { test } from "node:test";
import { join } from "node:path";
import { byTestId, snapshot, useApp } from "./session.mjs";

const session = useApp("charts");

/** The SVG behind a chart image (a data URL the core's SVG was put in), once it has drawn. */
function chartSvg(browser, testid) {
  return browser.execute((id) => {
    const img = document.querySelector(`[data-testid="${id}"]`);
    if (!img || !img.complete || img.naturalWidth === 0) return "";
    const src = img.getAttribute("src") ?? "";
    const comma = src.indexOf(",");
    const body = src.slice(comma + 1);
    return src.slice(0, comma).endsWith(";base64") ? atob(body) : decodeURIComponent(body);
  }, testid);
}

async function waitForChart(browser, testid, text, message) {
  await browser.waitUntil(async () => (await chartSvg(browser, testid)).includes(text), {
    timeout: 15_000,
    timeoutMsg: message,
  });
  return chartSvg(browser, testid);
}

test("the dependency chart follows the process and opens large", async () => {
  const { browser, shots } = session.app;
  await byTestId(browser, "start-screen").waitForDisplayed({ timeout: 30_000 });
  await byTestId(browser, "open-demo").click();
  await byTestId(browser, "app-shell").waitForDisplayed({ timeout: 15_000 });

  await byTestId(browser, "nav-dependencies").click();
  await byTestId(browser, "dependencies-process").waitForDisplayed({ timeout: 10_000 });
  await byTestId(browser, "dependencies-process").selectByVisibleText("Payroll processing");
  const focused = await waitForChart(
    browser,
    "chart-dependencies",
    "What Payroll processing relies on",
    "the chart shows what Payroll processing relies on",
  );
  assert.match(focused, /Sage Payroll/);
  assert.doesNotMatch(focused, /Harbourline WMS/, "only what Payroll relies on is drawn");
  await byTestId(browser, "chart-card-dependencies").scrollIntoView();
  await snapshot(browser, join(shots, "dependency-chart-payroll.png"));

  // A new dependency is drawn as soon as it is recorded.
  await byTestId(browser, "dependency-add").setValue("Payslip portal");
  await byTestId(browser, "dependency-create-offer").waitForDisplayed({ timeout: 5_000 });
  await byTestId(browser, "dependency-new-kind").selectByAttribute("value", "application");
  await byTestId(browser, "dependency-add-confirm").click();
  await waitForChart(browser, "chart-dependencies", "Payslip portal", "the new dependency is on the chart");

  // The whole assessment.
  await byTestId(browser, "dependency-chart-whole").click();
  const whole = await waitForChart(
    browser,
    "chart-dependencies",
    "Dependencies — Harbourline Logistics",
    "the chart switches to the whole assessment",
  );
  assert.match(whole, /Harbourline WMS/);

  // Larger view: Enter on the focused chart, Escape to close.
  const open = await byTestId(browser, "chart-open-dependencies");
  await open.scrollIntoView();
  await browser.execute(() => document.querySelector('[data-testid="chart-open-dependencies"]').focus());
  await browser.keys("Enter");
  await byTestId(browser, "chart-large-view-dependencies").waitForDisplayed({ timeout: 5_000 });
  await browser.waitUntil(
    () =>
      browser.execute(
        () => (document.querySelector('[data-testid="chart-large-image-dependencies"]')?.naturalWidth ?? 0) > 0,
      ),
    { timeout: 10_000, timeoutMsg: "the larger view shows the chart" },
  );
  // Fitted to the window: the whole chart inside the viewing box, none of it scrolled out of sight.
  const fit = () =>
    browser.execute(() => {
      const box = document.querySelector('[data-testid="chart-large-view-dependencies"]').getBoundingClientRect();
      const img = document.querySelector('[data-testid="chart-large-image-dependencies"]').getBoundingClientRect();
      const inside = img.left >= box.left - 1 && img.right <= box.right + 1 && img.top >= box.top - 1 && img.bottom <= box.bottom + 1;
      return { inside, boxHeight: box.height, windowHeight: window.innerHeight, scale: Number(document.querySelector('[data-testid="chart-large-view-dependencies"]').dataset.scale) };
    });
  await browser.waitUntil(async () => (await fit()).inside, { timeout: 5_000, timeoutMsg: "the whole chart fits the larger view" });
  const fitted = await fit();
  assert.ok(fitted.boxHeight > fitted.windowHeight * 0.5, `the view uses the window: ${fitted.boxHeight} of ${fitted.windowHeight}`);
  await snapshot(browser, join(shots, "dependency-chart-large.png"));
  // + zooms in (the chart may now be larger than the view), 0 fits it again.
  await browser.keys("+");
  await browser.keys("+");
  await browser.waitUntil(async () => (await fit()).scale > fitted.scale * 1.5, { timeout: 5_000, timeoutMsg: "+ zooms in" });
  await browser.keys("0");
  await browser.waitUntil(async () => (await fit()).inside && (await fit()).scale === fitted.scale, { timeout: 5_000, timeoutMsg: "0 fits the chart again" });
  await browser.keys("Escape");
  await byTestId(browser, "chart-large-view-dependencies").waitForDisplayed({ timeout: 5_000, reverse: true });
});

/** Runs in the page: each Dashboard chart's shown width against the width it was laid out at, and its smallest text. */
function dashboardText() {
  return ["heatmap", "categories", "tiers", "gaps"].map((kind) => {
    const img = document.querySelector(`[data-testid="chart-${kind}"]`);
    if (!img || !img.complete || img.naturalWidth === 0) return { kind, ready: false };
    const src = img.getAttribute("src") ?? "";
    const svg = decodeURIComponent(src.slice(src.indexOf(",") + 1));
    const sizes = [...svg.matchAll(/font-size="([0-9.]+)"/g)].map((m) => Number(m[1]));
    const scale = img.getBoundingClientRect().width / img.naturalWidth;
    return { kind, ready: true, scale, smallest: Math.min(...sizes) * scale };
  });
}

test("the Dashboard's charts are drawn for their cards, their text at 12 px or more", async () => {
  const { browser, shots } = session.app;
  await byTestId(browser, "nav-dashboard").click();
  await byTestId(browser, "dashboard-charts").waitForDisplayed({ timeout: 10_000 });
  await browser.waitUntil(async () => (await browser.execute(dashboardText)).every((c) => c.ready), {
    timeout: 20_000,
    timeoutMsg: "the four charts are drawn",
  });
  for (const chart of await browser.execute(dashboardText)) {
    assert.ok(chart.scale >= 0.97 && chart.scale <= 1.05, `${chart.kind} is shown at the size it was laid out for: ${chart.scale}`);
    assert.ok(chart.smallest >= 11.9, `${chart.kind}'s smallest text is ${chart.smallest.toFixed(1)} px on screen`);
  }
  await browser.execute(() => document.querySelector('[data-testid="dashboard-charts"]').scrollIntoView());
  await snapshot(browser, join(shots, "dashboard-charts.png"));
});

test("the Dashboard says at a glance what an executive asks first, each figure a way to its screen", async () => {
  const { browser, shots } = session.app;
  await byTestId(browser, "nav-dashboard").click();
  await browser.waitUntil(async () => (await byTestId(browser, "glance-gaps-count").getText()) !== "…", {
    timeout: 15_000,
    timeoutMsg: "the overview is shown",
  });
  // The demo's 13, and whatever the dependency on Payslip portal added above brought.
  assert.ok(Number(await byTestId(browser, "glance-gaps-count").getText()) >= 13);
  assert.equal(await byTestId(browser, "glance-spofs-count").getText(), "4");
  const critical = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="critical-row"] td:first-child')].map((td) => td.textContent.trim()),
  );
  assert.equal(critical.length, 5);
  assert.equal(critical[0], "Cold-chain storage monitoring");
  // All of it above the fold at 1280 × 800.
  const bottom = await browser.execute(() => document.querySelector('[data-testid="glance-critical"]').getBoundingClientRect().bottom);
  assert.ok(bottom <= 800, `the most time-critical processes end at ${bottom} px`);
  await snapshot(browser, join(shots, "dashboard-glance.png"));

  await browser.execute(() => document.querySelector('[data-testid="glance-gaps"]').click());
  await byTestId(browser, "gaps-screen").waitForDisplayed({ timeout: 10_000 });
});
