// Starts tauri-driver (in front of WebKitWebDriver) and opens a WebDriver
// session on the real BIA Workbench binary, with its own empty data and
// config folders so every run starts from a fresh start screen.
//
// Environment: BIA_APP (the debug binary, built with the embedded frontend),
// TAURI_DRIVER (the tauri-driver binary), E2E_SHOTS (where screenshots go).
// DISPLAY must point at an X server (./x test starts Xvfb).

import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, before } from "node:test";
import { remote } from "webdriverio";

const PORT = 4444;

/** Whether a WebDriver server answers on the port. */
async function driverAnswers() {
  try {
    return (await fetch(`http://127.0.0.1:${PORT}/status`)).ok;
  } catch {
    return false;
  }
}

async function waitForDriver(deadline) {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`tauri-driver did not answer on port ${PORT}`);
}

/**
 * Launches the app; returns { browser, home, shots, stop }. With `home` (a `home` an earlier launch returned) the
 * app starts again with that run's data and settings, as it does on a user's machine the next day.
 */
export async function launch({ home: again } = {}) {
  const app = process.env.BIA_APP;
  if (!app) throw new Error("BIA_APP must name the bia-workbench binary");
  if (await driverAnswers()) {
    throw new Error(
      `Port ${PORT} is taken by a WebDriver server left from another run; these tests would drive its app. ` +
        `Stop it first (for example: pkill -f "tauri-driver --port ${PORT}").`,
    );
  }
  const home = again ?? mkdtempSync(join(tmpdir(), "bia-e2e-"));
  const shots = process.env.E2E_SHOTS ?? join(home, "shots");
  mkdirSync(shots, { recursive: true });
  const env = {
    ...process.env,
    XDG_DATA_HOME: join(home, "data"),
    XDG_CONFIG_HOME: join(home, "config"),
    XDG_CACHE_HOME: join(home, "cache"),
  };
  // In a process group of its own, so that stopping it also stops the app
  // it started, even when the WebDriver session did not close the window
  // (a leftover app would hold the test runner's output open and hang it).
  const driver = spawn(process.env.TAURI_DRIVER ?? "tauri-driver", ["--port", String(PORT)], {
    env,
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const killGroup = (signal) => {
    try {
      process.kill(-driver.pid, signal);
    } catch {
      // the group is gone already
    }
  };
  await waitForDriver(Date.now() + 20_000);
  const browser = await remote({
    hostname: "127.0.0.1",
    port: PORT,
    logLevel: "warn",
    // No command of these tests takes a minute; a request that hangs fails
    // its test then, rather than after WebDriver's default ten minutes.
    connectionRetryTimeout: 60_000,
    connectionRetryCount: 1,
    capabilities: {
      "tauri:options": { application: app },
      "wdio:enforceWebDriverClassic": true,
    },
  });
  await browser.setTimeout({ implicit: 0 });
  const stop = async () => {
    try {
      await browser.deleteSession();
    } finally {
      const exited = new Promise((resolve) => driver.once("exit", resolve));
      killGroup("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      killGroup("SIGKILL");
      // The app may still be flushing caches as it goes; a leftover temp folder is harmless.
      try {
        rmSync(join(home, "cache"), { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
      } catch {
        // left for the system's temp cleanup
      }
    }
  };
  return { browser, home, shots, stop };
}

/** The element with this data-testid (optionally narrowed by more CSS). */
export function byTestId(browser, id, more = "") {
  return browser.$(`[data-testid="${id}"]${more}`);
}

/** A screenshot for people to look at. WebKitWebDriver under Xvfb returns
 *  the last painted frame, which can lag the DOM; let it settle first. */
export async function snapshot(browser, path) {
  await browser.pause(600);
  await withPaints(browser, () => browser.saveScreenshot(path));
}

/**
 * Runs `take` (a screenshot) while the page repaints a 1 px transparent spot
 * every 50 ms. WebKit answers a screenshot after the page's next paint; when
 * it draws without compositing (the app's choice on a machine without a GPU,
 * see src-tauri/src/rendering.rs) a page with nothing to redraw never paints
 * again, and the request would hang until WebDriver gives up (10 minutes).
 */
export async function withPaints(browser, take) {
  await browser.execute(() => {
    const spot = document.createElement("div");
    spot.dataset.e2ePaint = "";
    spot.style.cssText = "position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none;z-index:2147483647";
    document.body.append(spot);
    let on = false;
    const timer = setInterval(() => {
      on = !on;
      spot.style.background = on ? "rgba(0,0,0,0.004)" : "rgba(0,0,0,0)";
    }, 50);
    spot.dataset.e2eTimer = String(timer);
  });
  try {
    return await take();
  } finally {
    await browser
      .execute(() => {
        for (const spot of document.querySelectorAll("[data-e2e-paint]")) {
          clearInterval(Number(spot.dataset.e2eTimer));
          spot.remove();
        }
      })
      .catch(() => {});
  }
}

/**
 * Runs in the page: from now on the native `kind` dialog ("save", "open") answers `path`, and its
 * options are kept in `window.__e2eDialogOptions[kind]`; every other IPC request goes to Tauri as
 * before. Native dialogs cannot be driven over WebDriver, and `__TAURI_INTERNALS__.invoke` is
 * read-only, so this wraps `fetch`, the channel Tauri's IPC uses. True once hooked.
 */
function answerInPage(kind, path) {
  window.__e2eDialogAnswers = window.__e2eDialogAnswers ?? {};
  window.__e2eDialogOptions = window.__e2eDialogOptions ?? {};
  window.__e2eDialogAnswers[kind] = path;
  window.__e2eDialogOptions[kind] = null;
  if (!window.__e2eRealFetch) {
    const realFetch = (window.__e2eRealFetch = window.fetch);
    const urlOf = (k) => window.__TAURI_INTERNALS__.convertFileSrc(`plugin:dialog|${k}`, "ipc");
    window.fetch = function (input, init) {
      const url = typeof input === "string" ? input : input.url;
      const hit = Object.keys(window.__e2eDialogAnswers).find((k) => urlOf(k) === url);
      if (!hit) return realFetch.call(this, input, init);
      window.__e2eDialogOptions[hit] = JSON.parse(String(init?.body ?? "{}")).options ?? null;
      const headers = { "Content-Type": "application/json", "Tauri-Response": "ok" };
      return Promise.resolve(new Response(JSON.stringify(window.__e2eDialogAnswers[hit]), { headers }));
    };
  }
  return window.fetch !== window.__e2eRealFetch;
}

/** Makes the app's next `kind` dialog ("save", "open") answer `path`; true once hooked. */
export function answerDialog(browser, kind, path) {
  return browser.execute(answerInPage, kind, path);
}

/** The options the app last opened its `kind` dialog with (title, defaultPath, filters). */
export function dialogOptions(browser, kind) {
  return browser.execute((k) => window.__e2eDialogOptions?.[k] ?? null, kind);
}

/**
 * The app for one test file: started before its tests, stopped after them; a failing test
 * leaves `<name>-failure.png` in the screenshots. `session.app` is the launched app.
 */
export function useApp(name) {
  const session = { app: null };
  before(async () => {
    session.app = await launch();
  });
  after(async () => {
    await session.app?.stop();
  });
  afterEach(async (t) => {
    if (t.passed === false || t.error) {
      const browser = session.app?.browser;
      if (browser) await withPaints(browser, () => browser.saveScreenshot(join(session.app.shots, `${name}-failure.png`))).catch(() => {});
    }
  });
  return session;
}
