/**
 * An LRU cache for query results, keyed on the warehouse build, the procedure and the
 * validated input. Because the build id is part of every key, a rebuilt warehouse can never
 * be answered from the old one's results; `clear()` on reload only frees the memory sooner.
 *
 * Bounded by entries and by an estimate of the bytes held (JSON length of each value), so a
 * run of large exports cannot grow the heap without limit. Concurrent identical requests share
 * one in-flight promise, so a burst of the same query runs it once.
 */

export interface QueryCacheOptions {
  maxEntries: number;
  maxBytes: number;
  /** A single result larger than this is returned but not kept. */
  maxEntryBytes: number;
}

export const DEFAULT_CACHE_OPTIONS: QueryCacheOptions = {
  maxEntries: 500,
  maxBytes: 64 * 1024 * 1024,
  maxEntryBytes: 8 * 1024 * 1024,
};

interface Entry {
  value: unknown;
  bytes: number;
}

export interface CacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` are the same key. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export class QueryCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(private readonly options: QueryCacheOptions = DEFAULT_CACHE_OPTIONS) {}

  /** Returns the cached value for (buildId, name, input), or computes, stores and returns it. */
  async get<T>(buildId: string, name: string, input: unknown, compute: () => Promise<T>): Promise<T> {
    // A cache of size 0 is off: every request runs its query (no sharing of in-flight work either).
    if (this.options.maxEntries === 0) return compute();
    const key = `${buildId}\u0000${name}\u0000${stableKey(input)}`;
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert to mark as most recently used (Map keeps insertion order).
      this.entries.delete(key);
      this.entries.set(key, hit);
      this.hits++;
      return hit.value as T;
    }
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<T>;
    this.misses++;
    const promise = compute().then(
      (value) => {
        this.inFlight.delete(key);
        this.store(key, value);
        return value;
      },
      (error: unknown) => {
        this.inFlight.delete(key);
        throw error;
      },
    );
    this.inFlight.set(key, promise);
    return promise;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  stats(): CacheStats {
    return { entries: this.entries.size, bytes: this.bytes, hits: this.hits, misses: this.misses };
  }

  private store(key: string, value: unknown): void {
    const bytes = approximateBytes(value);
    if (bytes > this.options.maxEntryBytes) return;
    this.entries.set(key, { value, bytes });
    this.bytes += bytes;
    while (this.entries.size > this.options.maxEntries || this.bytes > this.options.maxBytes) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      const entry = this.entries.get(oldest.value);
      this.entries.delete(oldest.value);
      this.bytes -= entry?.bytes ?? 0;
    }
  }
}

function approximateBytes(value: unknown): number {
  if (typeof value === "string") return value.length * 2;
  try {
    return (JSON.stringify(value)?.length ?? 0) * 2;
  } catch {
    // Not JSON-serialisable (should not happen for query results): count it as too big to keep.
    return Number.POSITIVE_INFINITY;
  }
}
