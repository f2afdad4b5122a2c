// Tests of the test double's charts: the options resolved the way the core resolves them (a horizon
// by label or duration, a process by id or name), the core's "unknown_name" / "no_such_name" for a name it does not
// know, the links upstream of a focused process, and the options recorded with each saved chart.
import { describe, expect, it } from "vitest";
import { FakeBackend } from "./fakeBackend";

function demo(): FakeBackend {
  const backend = new FakeBackend();
  backend.handle("open_demo", {});
  return backend;
}

const svg = (backend: FakeBackend, kind: string, options?: unknown) => backend.handle("chart_svg", { kind, options }) as string;
const errorOf = (call: () => unknown) => {
  try {
    call();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("expected the call to fail");
};

describe("fake charts", () => {
  it("draws the category chart at the horizon asked for, by label or duration, else at 1 d", () => {
    const backend = demo();
    expect(svg(backend, "categories", {})).toContain("categories chart — 25 processes — at 1 d");
    expect(svg(backend, "categories", { horizon: "1 w" })).toContain("— at 1 w");
    expect(svg(backend, "categories", { horizon: "72h" })).toContain("— at 3 d");
    const error = errorOf(() => svg(backend, "categories", { horizon: "5 d" }));
    expect(error.code).toBe("unknown_name");
    expect(error.message).toBe('no horizon "5 d"; use one of: 1 h, 4 h, 8 h, 1 d, 3 d, 1 w, 2 w, 1 mo');
  });

  it("focuses the dependency chart on a process by id or by name, counting the links upstream of it", () => {
    const backend = demo();
    const data = backend.file!.data;
    const pick = data.processes.find((p) => p.name === "Pick and pack")!;
    const focused = svg(backend, "dependencies", { process: pick.id });
    expect(focused).toMatch(/focus: Pick and pack, \d+ links/);
    expect(svg(backend, "dependencies", { process: "pick and PACK" })).toBe(focused);
    // Its own five, and what those rely on in turn: more than its own.
    const links = Number(/, (\d+) links/.exec(focused)![1]);
    expect(links).toBeGreaterThan(data.dependencies.filter((d) => d.from.id === pick.id).length);
    expect(links).toBeLessThan(data.dependencies.length);
    expect(svg(backend, "dependencies")).toContain(`whole assessment, ${data.dependencies.length} links`);

    const error = errorOf(() => svg(backend, "dependencies", { process: "no-such-id" }));
    expect(error.code).toBe("no_such_name");
    expect(error.message).toBe('no process named "no-such-id"');
  });

  it("records each saved chart with its options, and refuses an unknown focus before writing", () => {
    const backend = demo();
    backend.handle("save_chart", { kind: "categories", path: "/tmp/categories-1w.png", options: { horizon: "1 w" } });
    expect(backend.savedCharts).toEqual([{ kind: "categories", path: "/tmp/categories-1w.png", options: { horizon: "1 w" } }]);
    const error = errorOf(() => backend.handle("save_chart", { kind: "dependencies", path: "/tmp/d.png", options: { process: "gone" } }));
    expect(error.code).toBe("no_such_name");
    expect(backend.savedCharts).toHaveLength(1);
  });

  it("escapes names so the placeholder stays a valid SVG", () => {
    const backend = demo();
    backend.file!.data.processes[0].name = "Goods-in & <returns>";
    expect(svg(backend, "dependencies", { process: "Goods-in & <returns>" })).toContain("focus: Goods-in &amp; &lt;returns&gt;");
  });
});
