/**
 * A query past the per-query deadline (packages/queries interrupts it and throws
 * QueryTimeoutError) reaches clients as 503 with a message, over tRPC and on the data API
 * alike (error-status.ts says why not 408) — never as a 500. The holder here fails every query that way.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { QueryTimeoutError } from "@lens/queries";
import { afterAll, beforeAll, expect, it } from "vitest";
import { QueryCache } from "./query-cache.js";
import { fixturePath, startServer } from "./test/fixture.js";
import { type BuildInfo, WarehouseHolder } from "./warehouse-holder.js";

class TimingOutHolder extends WarehouseHolder {
  override async use<T>(_fn: (connection: DuckDBConnection, info: BuildInfo) => Promise<T>): Promise<T> {
    throw new QueryTimeoutError(this.queryTimeoutMs);
  }
}

let holder: TimingOutHolder;
let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  holder = new TimingOutHolder(fixturePath(), { queryTimeoutMs: 250 });
  await holder.open();
  server = await startServer(holder, new QueryCache());
});
afterAll(async () => {
  await server.close();
  holder.close();
});

it("answers a timed-out query with 503 over tRPC and on the data API", async () => {
  const input = encodeURIComponent(JSON.stringify({ metric: "contracts", groupBy: ["model"] }));
  const res = await fetch(`${server.base}/api/trpc/metrics.compare?input=${input}`);
  expect(res.status).toBe(503);
  const body = await res.text();
  expect(body).toMatch(/longer than 250 ms.*narrow the selection/);
  expect(body).not.toMatch(/\n\s+at /);

  const api = await fetch(`${server.base}/api/v1/metrics/contracts?groupBy=model`);
  expect(api.status).toBe(503);
  expect(((await api.json()) as { error: { message: string } }).error.message).toMatch(/narrow the selection/);
});
