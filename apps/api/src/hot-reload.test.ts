/**
 * The server keeps answering while a new warehouse is built into the path it serves, and
 * picks the new build up: a warehouse is built into a temporary path and served, a rebuild
 * (another process, different seed) renames a new file over it, requests run throughout, every
 * one succeeds, and the buildId and the numbers change.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildFixtureWarehouse } from "./test/build-fixture.js";
import { startServer } from "./test/fixture.js";
import { WarehouseHolder } from "./warehouse-holder.js";

const here = dirname(fileURLToPath(import.meta.url));
const tsx = join(here, "../../../node_modules/tsx/dist/cli.mjs");

let dir: string;
let path: string;
let holder: WarehouseHolder;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lens-api-reload-"));
  path = await buildFixtureWarehouse(dir, { seed: 1 });
  holder = new WarehouseHolder(path);
  await holder.open();
  holder.watchForRebuilds();
  server = await startServer(holder);
});
afterAll(async () => {
  await server.close();
  holder.close();
  await rm(dir, { recursive: true, force: true });
});

it("keeps serving during a rebuild into the same path and picks up the new build", async () => {
  const buildId = async () =>
    ((await (await fetch(`${server.base}/api/trpc/meta.build`)).json()) as { result: { data: { buildId: string } } })
      .result.data.buildId;
  const contracts = async () =>
    (
      (await (await fetch(`${server.base}/api/v1/metrics/median_duration_months?groupBy=model`)).json()) as {
        rows: { model: string; value: number }[];
      }
    ).rows;
  const firstId = await buildId();
  const firstRows = await contracts();

  const statuses: number[] = [];
  let running = true;
  const load = (async () => {
    const urls = [
      "/api/v1/metrics/share_36_months?groupBy=region",
      "/api/trpc/metrics.compare?input=%7B%22metric%22%3A%22contracts%22%2C%22groupBy%22%3A%5B%22model%22%5D%7D",
      "/api/trpc/contracts.search?input=%7B%22q%22%3A%22care%22%7D",
      "/api/health",
    ];
    for (let i = 0; running; i++) {
      const res = await fetch(`${server.base}${urls[i % urls.length]}`);
      await res.arrayBuffer();
      statuses.push(res.status);
    }
  })();

  // The rebuild runs in its own process, as `npm run data:build` would.
  await promisify(execFile)(process.execPath, [tsx, join(here, "test/build-fixture.ts"), dir, "2"], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const deadline = Date.now() + 20_000;
  let secondId = firstId;
  while (secondId === firstId && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    secondId = await buildId();
  }
  // A little more traffic on the new build, then stop.
  await new Promise((r) => setTimeout(r, 500));
  running = false;
  await load;

  expect(secondId).not.toBe(firstId);
  expect(statuses.length).toBeGreaterThan(20);
  expect(statuses.filter((s) => s !== 200)).toEqual([]);
  expect(await contracts()).not.toEqual(firstRows);

  // And on SIGHUP-style request with nothing changed, the build stays.
  await holder.reload();
  expect(await buildId()).toBe(secondId);
}, 120_000);
