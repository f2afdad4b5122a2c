import { describe, expect, it, vi } from "vitest";
import { KeyedAnswer } from "./keyedAnswer";

describe("KeyedAnswer", () => {
  it("asks once while the key's values stay the same, and again when one changes", async () => {
    const cache = new KeyedAnswer<number>();
    const processes = [{ id: "a" }];
    const ask = vi.fn(() => Promise.resolve(ask.mock.calls.length));
    expect(await cache.get(["s", 1, processes], ask)).toBe(1);
    expect(await cache.get(["s", 1, processes], ask)).toBe(1);
    expect(ask).toHaveBeenCalledTimes(1);
    // A re-read list is a new array, even with the same rows: asked again.
    expect(await cache.get(["s", 1, [{ id: "a" }]], ask)).toBe(2);
    expect(await cache.get(["s", 2, processes], ask)).toBe(3);
    expect(ask).toHaveBeenCalledTimes(3);
  });

  it("does not keep a refusal", async () => {
    const cache = new KeyedAnswer<string>();
    const refused = cache.get(["k"], () => Promise.reject(new Error("busy")));
    await expect(refused).rejects.toThrow("busy");
    expect(await cache.get(["k"], () => Promise.resolve("now"))).toBe("now");
  });

  it("forgets on clear", async () => {
    const cache = new KeyedAnswer<string>();
    await cache.get(["k"], () => Promise.resolve("first"));
    cache.clear();
    expect(await cache.get(["k"], () => Promise.resolve("second"))).toBe("second");
  });
});
