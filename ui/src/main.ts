// Entry point: loads the font and global styles, installs the browser-preview
// mock when asked for (`?mock` outside Tauri), and mounts the app.
import "@fontsource-variable/inter";
import "./app.css";
import { mount } from "svelte";
import App from "./App.svelte";

async function start(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  if (!("__TAURI_INTERNALS__" in window) && params.has("mock")) {
    const { installDevMock } = await import("./testing/devMock");
    installDevMock(params);
  }
  const target = document.getElementById("app");
  if (target) mount(App, { target, props: { initialSection: params.get("screen"), initialItem: params.get("item") } });
}

void start();
