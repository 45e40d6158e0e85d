/**
 * Test helpers over the fixture warehouse: a read-only holder, a tRPC caller, a real server
 * on port 0, and a fingerprint (row counts + file checksum) to prove requests change nothing.
 */
import { createHash } from "node:crypto";
import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MAIN_TABLES } from "@lens/core";
import { getTableCounts } from "@lens/queries";
import { inject } from "vitest";
import { QueryCache } from "../query-cache.js";
import { appRouter } from "../root.js";
import { createLensServer } from "../server.js";
import { createCallerFactory, createContextFactory } from "../trpc.js";
import { WarehouseHolder } from "../warehouse-holder.js";

export const fixturePath = (): string => inject("warehousePath");

export async function openFixture(path = fixturePath()) {
  const warehouse = new WarehouseHolder(path, { queryTimeoutMs: 20_000 });
  await warehouse.open();
  const cache = new QueryCache();
  const ctx = createContextFactory(warehouse, cache)();
  const caller = createCallerFactory(appRouter)(ctx);
  return { warehouse, cache, ctx, caller, close: () => warehouse.close() };
}

export async function startServer(warehouse: WarehouseHolder, cache?: QueryCache) {
  const server: Server = createLensServer({ warehouse, webDist: "/nonexistent", cache });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Row counts of the main tables plus the file's SHA-256: identical before and after means untouched. */
/**
 * A copy of the fixture warehouse in a folder of its own (`dir/lens.duckdb`), opened and served:
 * for tests that write beside the warehouse (downloads, snapshots) or replace it.
 */
export async function serveFixtureCopy(prefix: string) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await copyFile(fixturePath(), join(dir, "lens.duckdb"));
  const fx = await openFixture(join(dir, "lens.duckdb"));
  const server = await startServer(fx.warehouse, fx.cache);
  return {
    dir,
    fx,
    server,
    async close() {
      await server.close();
      fx.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function fingerprint(
  warehouse: WarehouseHolder,
): Promise<{ counts: Record<string, number>; sha256: string }> {
  const counts = await warehouse.use((c) =>
    getTableCounts(c, [...MAIN_TABLES, "classification_rules", "build_info"] as const),
  );
  const sha256 = createHash("sha256")
    .update(await readFile(warehouse.path))
    .digest("hex");
  return { counts, sha256 };
}
