// Browser preview without the desktop shell: with `?mock` in the URL (and no
// Tauri), answers every command from an in-memory demo (FakeBackend). Loaded
// only through a dynamic import from main.ts, so the app never runs it in Tauri.
// `?mock&screen=processes` starts with the demo open on that screen;
// `&item=<name>` shows a process or resource there (`?mock&screen=resources&item=Manhattan%20WMS`
// opens its form, `?mock&screen=dependencies&item=Pick%20and%20pack` picks the process).
import { emit } from "@tauri-apps/api/event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { DEMO_PATH, FakeBackend } from "./fakeBackend";

const DOCUMENTS = "/home/facilitator/Documents";

export function installDevMock(params: URLSearchParams): FakeBackend {
  const backend = new FakeBackend({
    recent: [
      { path: DEMO_PATH, name: "Halden Freight — BIA 2025", opened_at: new Date(Date.now() - 2 * 3600_000).toISOString(), exists: true },
      { path: `${DOCUMENTS}/Clients/Marlow Water BIA.bia`, name: "Marlow Water — annual BIA", opened_at: new Date(Date.now() - 3 * 86_400_000).toISOString(), exists: true },
      { path: `${DOCUMENTS}/Archive/Pinecrest Health 2023.bia`, name: "Pinecrest Health 2023", opened_at: "2025-06-12T10:15:00Z", exists: false },
    ],
  });
  // The other recent file opens as a copy of the demo.
  backend.files.set(`${DOCUMENTS}/Clients/Marlow Water BIA.bia`, {
    ...FakeBackend.demoSnapshot(),
    info: { ...FakeBackend.demoSnapshot().info, name: "Marlow Water — annual BIA", organisation: "Marlow Water plc" },
  });
  // Export… shows its progress bar for a moment, as a real workbook takes a while.
  backend.exportStepMs = 180;
  // …and so does Import.
  backend.importStep = () => new Promise((resolve) => setTimeout(resolve, 250));
  backend.emit = (event, payload) => void emit(event, payload);
  const screen = params.get("screen");
  if (screen && screen !== "start") backend.openDemo();

  mockIPC(
    (cmd, args) => {
      if (cmd === "plugin:dialog|save") {
        // A chart's dialog suggests "heatmap.png", the workbook's "<assessment>.xlsx": save it under Documents.
        const suggested = (args as { options?: { defaultPath?: string } } | undefined)?.options?.defaultPath;
        if (suggested && !suggested.endsWith(".bia")) return `${DOCUMENTS}/${suggested}`;
        return `${DOCUMENTS}/New assessment.bia`;
      }
      if (cmd === "plugin:dialog|open") {
        // Import… asks for a spreadsheet: the Finance department's legacy BIA.
        const filters = (args as { options?: { filters?: Array<{ extensions: string[] }> } } | undefined)?.options?.filters ?? [];
        if (filters.some((f) => f.extensions.includes("xlsx"))) return `${DOCUMENTS}/Finance BIA 2024.xlsx`;
        return `${DOCUMENTS}/Clients/Marlow Water BIA.bia`;
      }
      return backend.handle(cmd, (args ?? {}) as Record<string, unknown>);
    },
    { shouldMockEvents: true },
  );
  return backend;
}
