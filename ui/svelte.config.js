// Svelte compiler settings shared by Vite, Vitest and svelte-check: runes
// everywhere, TypeScript in components through Vite's own transform.
import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

export default {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
};
