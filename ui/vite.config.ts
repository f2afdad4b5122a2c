// Vite build of the BIA Workbench frontend for the Tauri shell (dist/ is
// Tauri's frontendDist) and the Vitest setup for the UI's unit and component tests.
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { svelteTesting } from "@testing-library/svelte/vite";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  // Tauri expects a fixed port in development and the files in dist/.
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Styles go to .css files (never injected at run time) so a strict CSP holds.
    cssCodeSplit: false,
    sourcemap: false,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
    restoreMocks: true,
  },
});
