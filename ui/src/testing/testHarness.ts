/// <reference types="node" />
// Shared set-up of the component tests: the ReplayBackend (answers recorded
// from the real core) behind a mocked IPC (its events, such as export progress,
// delivered through the mocked event system), the list of commands called, holding a command's
// answer back to see what the UI shows meanwhile, and opening the demo on a section.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { expect } from "vitest";
import { emit } from "@tauri-apps/api/event";
import { appendFileSync } from "node:fs";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import App from "../App.svelte";
import { ReplayBackend } from "./replayBackend";
import type { SectionId } from "../lib/navigation";
import { background } from "../lib/workspace.svelte";

interface Backend {
  handle(cmd: string, args: Record<string, unknown>): unknown;
  /** Sends an event to the UI as the shell's `app.emit` does. */
  emit: (event: string, payload: unknown) => void;
}

export interface Mocked<B extends Backend> {
  backend: B;
  /** Every command the UI called, in order. */
  calls: string[];
  /** The arguments of every call, in order. */
  args: Array<{ cmd: string; args: Record<string, unknown> }>;
  /** Holds back the answers to `cmd` (the calls are made and recorded) until the returned function is called. */
  hold: (cmd: string) => () => void;
}

export type Replay = Mocked<ReplayBackend>;

/** The mocked IPC in front of `backend`: every call listed, answers held back on request, events delivered. */
function mockIpcOf<B extends Backend>(backend: B): Mocked<B> {
  const held = new Map<string, Promise<void>>();
  const harness: Mocked<B> = {
    backend,
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
      const answer = () => {
        try {
          return harness.backend.handle(cmd, a);
        } catch (e) {
          // REPLAY_MISSING=file collects the calls nobody recorded, one JSON a line, for a scenario script.
          const file = process.env.REPLAY_MISSING;
          const missing = (harness.backend as { missing?: Array<{ after: string[] }> }).missing?.at(-1);
          if (file && (e as { code?: string }).code === "not_recorded")
            appendFileSync(file, JSON.stringify({ cmd, args: a, writes: missing?.after.length ?? 0 }) + "\n");
          throw e;
        }
      };
      return gate ? gate.then(answer) : answer();
    },
    { shouldMockEvents: true },
  );
  return harness;
}

/**
 * Fails the test when a screen made a call nobody recorded (the message says which, and how to record it).
 * The checks a form makes as you type are left out: which of them run depends on timing, and a test that
 * needs one's answer asserts what it shows.
 */
export function expectAllRecorded(h: Replay): void {
  const missing = h.backend.missing.filter((m) => !m.cmd.startsWith("check_"));
  if (missing.length > 0) throw new Error(`calls nobody recorded:\n${missing.map((m) => JSON.stringify(m)).join("\n")}`);
}

/** After each test: fails it when a call went unrecorded, and cleans up even then, or the next test sees two apps. */
export function endReplay(h: Replay): void {
  try {
    expectAllRecorded(h);
  } finally {
    resetMocks();
  }
}

/** The replay of the real core's recorded answers behind a mocked IPC. */
export function mockReplay(options: ConstructorParameters<typeof ReplayBackend>[0] = {}): Replay {
  // jsdom loads no image, so no chart tells the Dashboard it is drawn: the register is read at once instead.
  background.listsAfterMs = 0;
  // A test asks for the analysis where it replays one, not in the background.
  background.analysisAfterMs = null;
  return mockIpcOf(new ReplayBackend(options));
}

export function resetMocks(): void {
  cleanup();
  clearMocks();
}

/** Waits for the open file's register: the shell is shown at once, its processes and dependencies read after. */
export async function registerRead(): Promise<void> {
  const shell = await screen.findByTestId("app-shell");
  await waitFor(() => expect(shell.dataset.register).toBe("read"));
}

export async function openDemoOn(section: SectionId): Promise<void> {
  render(App);
  await fireEvent.click(await screen.findByTestId("open-demo"));
  await registerRead();
  await fireEvent.click(screen.getByTestId(`nav-${section}`));
}
