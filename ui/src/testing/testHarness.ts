// Shared set-up of the component tests: the in-memory FakeBackend behind a
// mocked IPC (its events, such as export progress, delivered through the
// mocked event system), the list of commands called, holding a command's
// answer back to see what the UI shows meanwhile, and opening the demo on a section.
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { emit } from "@tauri-apps/api/event";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import App from "../App.svelte";
import { FakeBackend } from "./fakeBackend";
import type { SectionId } from "../lib/navigation";

export interface Harness {
  backend: FakeBackend;
  /** Every command the UI called, in order. */
  calls: string[];
  /** The arguments of every call, in order. */
  args: Array<{ cmd: string; args: Record<string, unknown> }>;
  /** Holds back the answers to `cmd` (the calls are made and recorded) until the returned function is called. */
  hold: (cmd: string) => () => void;
}

export function mockBackend(): Harness {
  const held = new Map<string, Promise<void>>();
  const harness: Harness = {
    backend: new FakeBackend(),
    calls: [],
    args: [],
    hold: (cmd) => {
      let release = () => {};
      held.set(cmd, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        held.delete(cmd);
        release();
      };
    },
  };
  harness.backend.emit = (event, payload) => void emit(event, payload);
  mockIPC(
    (cmd, args) => {
      const a = (args ?? {}) as Record<string, unknown>;
      harness.calls.push(cmd);
      harness.args.push({ cmd, args: a });
      const gate = held.get(cmd);
      return gate ? gate.then(() => harness.backend.handle(cmd, a)) : harness.backend.handle(cmd, a);
    },
    { shouldMockEvents: true },
  );
  return harness;
}

export function resetMocks(): void {
  cleanup();
  clearMocks();
}

export async function openDemoOn(section: SectionId): Promise<void> {
  render(App);
  await fireEvent.click(await screen.findByTestId("open-demo"));
  await screen.findByTestId("app-shell");
  await fireEvent.click(screen.getByTestId(`nav-${section}`));
}

/** A demo process's id by name. */
export function processId(backend: FakeBackend, name: string): string {
  const process = backend.file?.data.processes.find((p) => p.name === name);
  if (!process) throw new Error(`no demo process named ${name}`);
  return process.id;
}
