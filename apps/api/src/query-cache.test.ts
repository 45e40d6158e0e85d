import { describe, expect, it } from "vitest";
import { QueryCache, stableKey } from "./query-cache.js";

describe("QueryCache", () => {
  it("answers an identical query from the cache, whatever the key order", async () => {
    const cache = new QueryCache();
    let runs = 0;
    const compute = async () => ++runs;
    expect(await cache.get("b1", "q", { a: 1, b: [1, 2] }, compute)).toBe(1);
    expect(await cache.get("b1", "q", { b: [1, 2], a: 1 }, compute)).toBe(1);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });
  });

  it("never answers a new build from an old one", async () => {
    const cache = new QueryCache();
    expect(await cache.get("b1", "q", {}, async () => "old")).toBe("old");
    expect(await cache.get("b2", "q", {}, async () => "new")).toBe("new");
  });

  it("shares one in-flight computation between concurrent identical requests", async () => {
    const cache = new QueryCache();
    let runs = 0;
    const slow = () => new Promise<number>((r) => setTimeout(() => r(++runs), 20));
    const results = await Promise.all([cache.get("b", "q", 1, slow), cache.get("b", "q", 1, slow)]);
    expect(results).toEqual([1, 1]);
    expect(runs).toBe(1);
  });

  it("does not keep failures", async () => {
    const cache = new QueryCache();
    await expect(cache.get("b", "q", 1, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await cache.get("b", "q", 1, async () => "ok")).toBe("ok");
  });

  it("evicts the least recently used entry beyond its bounds", async () => {
    const cache = new QueryCache({ maxEntries: 2, maxBytes: 1e9, maxEntryBytes: 1e9 });
    await cache.get("b", "q", 1, async () => "one");
    await cache.get("b", "q", 2, async () => "two");
    await cache.get("b", "q", 1, async () => "recomputed"); // touch 1 so 2 is the oldest
    await cache.get("b", "q", 3, async () => "three");
    expect(await cache.get("b", "q", 1, async () => "recomputed")).toBe("one");
    expect(await cache.get("b", "q", 2, async () => "recomputed")).toBe("recomputed");
  });

  it("bounds the bytes held and skips results too big to keep", async () => {
    const cache = new QueryCache({ maxEntries: 100, maxBytes: 1000, maxEntryBytes: 600 });
    await cache.get("b", "q", "big", async () => "x".repeat(400)); // ~800 bytes: over the entry cap
    expect(cache.stats().entries).toBe(0);
    for (let i = 0; i < 10; i++) await cache.get("b", "q", i, async () => "y".repeat(100));
    expect(cache.stats().bytes).toBeLessThanOrEqual(1000);
  });

  it("builds stable keys", () => {
    expect(stableKey({ b: 1, a: { d: 1, c: 2 } })).toBe(stableKey({ a: { c: 2, d: 1 }, b: 1 }));
    expect(stableKey([1, 2])).not.toBe(stableKey([2, 1]));
  });
});
