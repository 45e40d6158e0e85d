/**
 * Holds the read-only warehouse the API serves and swaps it for a newer build without
 * dropping requests: a new instance is opened first, new requests go to it, and the old one
 * is closed once the requests it was serving have finished. Triggered by SIGHUP or by the
 * file being replaced (the build renames a new file into place).
 */
import { existsSync, type FSWatcher, watch } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, dirname } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { SCHEMA_VERSION } from "@lens/core";
import { getBuildInfo } from "@lens/queries";
import { openWarehouse, type Warehouse } from "@lens/warehouse";

export interface BuildInfo {
  builtAt: string | null;
  isSample: boolean;
  rulesetVersion: string | null;
  sources: string[];
  /** Changes with every build; keys caches and frozen permalinks. */
  buildId: string;
}

interface Generation {
  warehouse: Warehouse;
  connections: DuckDBConnection[];
  next: number;
  inFlight: number;
  retired: boolean;
  info: BuildInfo;
}

const CONNECTIONS = 2; // more than the core count buys nothing on DuckDB

export interface WarehouseHolderOptions {
  /** Passed to every query (packages/queries interrupts a query that runs longer). */
  queryTimeoutMs?: number;
}

export class WarehouseHolder {
  private current: Generation | null = null;
  private watcher: FSWatcher | null = null;
  private reloading: Promise<void> | null = null;
  private listeners: ((info: BuildInfo) => void)[] = [];

  readonly queryTimeoutMs: number;

  constructor(
    readonly path: string,
    options: WarehouseHolderOptions = {},
  ) {
    this.queryTimeoutMs = options.queryTimeoutMs ?? 15_000;
  }

  async open(): Promise<BuildInfo> {
    if (!existsSync(this.path)) throw new Error(`warehouse not found: ${this.path} (run npm run data:build)`);
    this.current = await this.openGeneration();
    return this.current.info;
  }

  get info(): BuildInfo {
    if (!this.current) throw new Error("warehouse not open");
    return this.current.info;
  }

  onReload(listener: (info: BuildInfo) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Runs `fn` on one of the current generation's connections; the generation stays open until
   * it returns. `fn` also gets that generation's build info, so a result can be keyed on the
   * build it was computed from.
   */
  async use<T>(fn: (connection: DuckDBConnection, info: BuildInfo) => Promise<T>): Promise<T> {
    const generation = this.current;
    if (!generation) throw new Error("warehouse not open");
    const connection = generation.connections[generation.next++ % generation.connections.length]!;
    generation.inFlight++;
    try {
      return await fn(connection, generation.info);
    } finally {
      generation.inFlight--;
      if (generation.retired && generation.inFlight === 0) closeGeneration(generation);
    }
  }

  /** Reopens the file if it changed; safe to call repeatedly. */
  reload(): Promise<void> {
    this.reloading ??= this.doReload().finally(() => {
      this.reloading = null;
    });
    return this.reloading;
  }

  watchForRebuilds(): void {
    let timer: NodeJS.Timeout | null = null;
    this.watcher = watch(dirname(this.path), (_event, file) => {
      if (file !== basename(this.path)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(
        () => void this.reload().catch((e) => console.error(`reload failed: ${(e as Error).message}`)),
        300,
      );
    });
  }

  close(): void {
    this.watcher?.close();
    if (this.current) closeGeneration(this.current);
    this.current = null;
  }

  /**
   * For shutdown: waits for running queries to finish (interrupting any still running after
   * `graceMs`), then closes. Closing DuckDB under a running query crashed or hung the process,
   * so if a query still will not stop, the generation is left open for the process exit to end.
   * Resolves true when everything was closed.
   */
  async closeWhenIdle(graceMs = 8_000): Promise<boolean> {
    this.watcher?.close();
    const generation = this.current;
    if (!generation) return true;
    const idle = async (ms: number) => {
      const deadline = Date.now() + ms;
      while (generation.inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      return generation.inFlight === 0;
    };
    // An interrupt stops only the statement running now; requests queued on the same
    // connection start next, so keep interrupting until nothing runs (bounded).
    for (let i = 0; i < 40 && !(await idle(i === 0 ? graceMs : 50)); i++)
      for (const c of generation.connections) c.interrupt();
    this.current = null;
    if (generation.inFlight > 0) return false;
    closeGeneration(generation);
    return true;
  }

  private async doReload(): Promise<void> {
    const old = this.current;
    const next = await this.openGeneration();
    if (old && next.info.buildId === old.info.buildId) {
      closeGeneration(next);
      return;
    }
    this.current = next;
    if (old) {
      old.retired = true;
      if (old.inFlight === 0) closeGeneration(old);
    }
    for (const l of this.listeners) l(next.info);
  }

  private async openGeneration(): Promise<Generation> {
    const warehouse = await openWarehouse(this.path, { readOnly: true, threads: 2 });
    const connections: DuckDBConnection[] = [];
    for (let i = 0; i < CONNECTIONS; i++) connections.push(await warehouse.connect());
    const kv = await getBuildInfo(connections[0]!);
    if (kv.schema_version !== String(SCHEMA_VERSION)) {
      // A file from an older build lacks columns the queries read: refuse it plainly here
      // rather than answer binder errors as 500s on some pages.
      for (const c of connections) c.closeSync();
      warehouse.close();
      throw new Error(
        `${basename(this.path)} was built with warehouse schema ${kv.schema_version ?? "(none)"}; this version reads schema ${SCHEMA_VERSION}. Rebuild it: npm run data:build -- --sources <folder> --out ${basename(this.path)}`,
      );
    }
    const fileInfo = await stat(this.path);
    return {
      warehouse,
      connections,
      next: 0,
      inFlight: 0,
      retired: false,
      info: {
        builtAt: kv.built_at ?? null,
        isSample: kv.is_sample === "true",
        rulesetVersion: kv.ruleset_version ?? null,
        sources: (kv.sources ?? "").split(",").filter((s) => s !== ""),
        buildId: `${kv.built_at ?? "unknown"}#${fileInfo.ino}`,
      },
    };
  }
}

function closeGeneration(generation: Generation): void {
  for (const c of generation.connections) c.closeSync();
  generation.connections = [];
  generation.warehouse.close();
}
