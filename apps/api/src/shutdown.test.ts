/**
 * SIGTERM while queries are running: the real server process (main.ts, cache off) stops taking
 * connections, lets the running requests finish with their answers, closes the warehouse and
 * exits 0 (a query still running after the grace period is interrupted and answered with an
 * error). Closing DuckDB under a running query used to segfault or hang the process.
 */
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { fixturePath } from "./test/fixture.js";

const here = dirname(fileURLToPath(import.meta.url));
const tsx = join(here, "../../../node_modules/tsx/dist/cli.mjs");

/** The heaviest read the API has: every provider snapshot as CSV. */
const HEAVY = `/api/trpc/exportCsv?input=${encodeURIComponent(
  JSON.stringify({ view: "providers", input: { snapshot: "all" }, scope: "all" }),
)}`;

it("finishes the requests in flight, then exits 0 on SIGTERM", async () => {
  const server = spawn(process.execPath, [tsx, join(here, "main.ts")], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LENS_WAREHOUSE: fixturePath(), LENS_QUERY_CACHE_ENTRIES: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (c: Buffer) => {
    output += c.toString();
  });
  server.stderr.on("data", (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    server.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /serving on http:\/\/localhost:(\d+)/.exec(output);
      if (m) {
        clearInterval(timer);
        resolve(Number(m[1]));
      }
    }, 50);
    void exited.then(() => reject(new Error(`server exited before listening:\n${output}`)));
  });

  const ask = (path: string) =>
    fetch(`http://127.0.0.1:${port}${path}`).then(
      async (res) => ({ path, status: res.status, body: await res.text() }),
      (error: Error) => ({ path, status: 0, body: error.message }),
    );
  const light = `/api/trpc/metrics.compare?input=${encodeURIComponent(JSON.stringify({ metric: "contracts", groupBy: ["model"] }))}`;
  const inFlight = [...Array.from({ length: 4 }, () => ask(HEAVY)), ask(light), ask(light)];
  // Let the queries start, then ask the process to stop.
  await new Promise((r) => setTimeout(r, 300));
  server.kill("SIGTERM");

  const answers = await Promise.all(inFlight);
  const exit = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), 30_000))]);
  if (exit === null) server.kill("SIGKILL");
  expect(exit, output).toEqual({ code: 0, signal: null });
  expect(output).not.toMatch(/Segmentation|free\(\)|core dumped|abandoned/);
  // Every request that reached the server got an answer (none dropped), the quick ones in full;
  // a heavy export still running after the grace period is interrupted with a clean error.
  expect(answers.filter((a) => a.status === 0).map((a) => a.body)).toEqual([]);
  expect(answers.filter((a) => a.path === light).map((a) => a.status)).toEqual([200, 200]);
  for (const a of answers) {
    if (a.status === 200) continue;
    expect(a.status).toBeGreaterThanOrEqual(400);
    expect(a.body).not.toMatch(/\n\s+at /);
  }
}, 60_000);
