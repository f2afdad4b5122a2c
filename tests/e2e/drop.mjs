// A real drag-and-drop of a file onto the app's window, as from a file
// manager. A WebDriver script cannot send a native GTK drag-and-drop, so a
// small GTK window (drag_source.py, Debian's python3-gi) offers the file,
// and xdotool presses its button, moves the pointer onto the app's window in
// steps and lets go: the X server delivers that as an XDND drop.

import { execFileSync, spawn } from "node:child_process";
import { join } from "node:path";

/** Starts the drag source offering `path`; resolves once its window is up. */
export function dragSource(path) {
  const source = spawn("/usr/bin/python3", [join(import.meta.dirname, "drag_source.py"), path], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = new Promise((resolve, reject) => {
    source.stdout.on("data", (chunk) => String(chunk).includes("ready") && resolve());
    source.once("exit", (code) => reject(new Error(`the drag source stopped (${code})`)));
  });
  return { source, ready };
}

const xdotool = (...args) => execFileSync("xdotool", args.map(String), { encoding: "utf8" });

/** Drags from the drag source's button (top left) to the middle of the app's window, in steps, as a hand would. */
export function dragOntoApp() {
  const geometry = xdotool("search", "--onlyvisible", "--name", "BIA Workbench$", "getwindowgeometry", "--shell");
  const value = (key) => Number(new RegExp(`^${key}=(\\d+)`, "m").exec(geometry)?.[1]);
  const [x, y] = [value("X") + value("WIDTH") / 2, value("Y") + value("HEIGHT") / 2];
  xdotool("search", "--name", "^bia-drag-source$", "windowraise");
  xdotool("mousemove", 80, 40, "mousedown", 1);
  for (let step = 1; step <= 8; step++) {
    xdotool("mousemove", Math.round(80 + ((x - 80) * step) / 8), Math.round(40 + ((y - 40) * step) / 8));
    execFileSync("sleep", ["0.15"]);
  }
  // Let the window answer the last move before the release.
  execFileSync("sleep", ["1"]);
  xdotool("mouseup", 1);
}

/**
 * Drops `path` on the app's window and waits for `arrived` (the app has the file: after the release it asks the
 * source for the dropped data, as it would ask a file manager, so the source stays up until then).
 */
export async function dropOnApp(path, arrived) {
  const { source, ready } = dragSource(path);
  try {
    await ready;
    dragOntoApp();
    await arrived();
  } finally {
    source.kill();
  }
}
