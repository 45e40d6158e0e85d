/**
 * `npm run bench:load -- [--duration 60] [--connections 50]`: the real server under a page-shaped
 * load, and the same load while the warehouse is rebuilt and swapped underneath it. Writes the
 * "Load" section of docs/benchmarks.md. Not part of `npm test`.
 *
 *  1. The warehouse: LENS_WAREHOUSE, else data/warehouse/real.duckdb if built, else the sample
 *     warehouse (built first if missing). It is copied into bench/.cache/load and the copy is
 *     served, so the swap in phase 2 never replaces a warehouse someone else serves.
 *  2. The server as `npm start` runs it (scripts/start.mjs builds the web app if stale) on a free
 *     loopback port; every request of the mix (bench/load-mix.ts) is tried once first, and one
 *     that does not answer 2xx is reported and left out rather than counted as load.
 *  3. Phase 1: autocannon, N connections for D seconds, cycling through the mix.
 *  4. Phase 2: the same load while data:build writes a new warehouse beside the served copy and
 *     the bench renames it into place; the server's file watcher (warehouse-holder.ts) reopens
 *     it. The load runs at least D seconds and until 5 s after the reload.
 * Failed = non-2xx answers and 207s (a tRPC batch with a failed call) + connection errors +
 * timeouts (10 s). Latency is measured for every answer; autocannon's own summary has no p95.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, cp, mkdir, rename, rm } from "node:fs/promises";
import { loadavg } from "node:os";
import { join, relative, resolve } from "node:path";
import { defineCli, flag, parseCliOrExit, text, valueOption, wholeNumber } from "@lens/core/cli";
import autocannon from "autocannon";
import { CACHE, machineFacts, ms, percentile, ROOT, writeSection } from "./common.js";
import { type Server, startServer } from "./lens-server.js";
import { loadMix, type MixEntry } from "./load-mix.js";

const CLI = defineCli({
  command: "bench:load",
  synopsis: "npm run bench:load -- [--duration S] [--connections N] [options]",
  options: {
    duration: valueOption({
      placeholder: "S",
      expects: "a whole number of seconds from 1 to 3600",
      description: "seconds of load in each phase (default 60)",
      parse: wholeNumber(1, 3600),
      default: 60,
    }),
    connections: valueOption({
      placeholder: "N",
      expects: "a whole number from 1 to 1000",
      description: "concurrent keep-alive connections (default 50)",
      parse: wholeNumber(1, 1000),
      default: 50,
    }),
    sources: valueOption({
      placeholder: "<dir>",
      expects: "a folder",
      description:
        "what phase 2 rebuilds the warehouse from (default: the sample folder for a sample\nwarehouse, else LENS_SHARED_DATA or ../shared/data)",
      parse: text,
    }),
    uncached: flag("serve with the query cache off, so every API request reaches DuckDB"),
    "no-swap": flag("skip phase 2 (the rebuild and swap)"),
    "no-write": flag("print the figures without updating docs/benchmarks.md"),
  },
});

const TSX = join(ROOT, "node_modules/.bin/tsx");
const REAL_WAREHOUSE = join(ROOT, "data/warehouse/real.duckdb");
const SAMPLE_WAREHOUSE = join(ROOT, "data/warehouse/lens.duckdb");
const SAMPLE_DIR = join(ROOT, "data/sample/generated");
const LOAD_DIR = join(CACHE, "load");
const SERVED = join(LOAD_DIR, "served.duckdb");
const NEXT = join(LOAD_DIR, "next.duckdb");
const WEB_DIST = join(ROOT, "apps/web/dist");
const SERVED_WEB = join(LOAD_DIR, "web");
const REQUEST_TIMEOUT_S = 10;
/** How long the load goes on after the reload, on the new (cold-cache) warehouse. */
const AFTER_SWAP_MS = 5_000;

const sleep = (msToWait: number) => new Promise((r) => setTimeout(r, msToWait));

// ---------------------------------------------------------------- warehouse and server

function run(args: readonly string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(TSX, args, { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolvePromise() : reject(new Error(`${args[0]} exited ${code}`))));
  });
}

async function chooseWarehouse(): Promise<string> {
  if (process.env.LENS_WAREHOUSE) return resolve(process.env.LENS_WAREHOUSE);
  if (existsSync(REAL_WAREHOUSE)) return REAL_WAREHOUSE;
  if (!existsSync(SAMPLE_WAREHOUSE)) {
    console.log("No warehouse yet: generating the sample and building it …");
    await run(["packages/sample/src/cli.ts"]);
    await run(["packages/warehouse/src/build-cli.ts"]);
  }
  return SAMPLE_WAREHOUSE;
}

// ---------------------------------------------------------------- load

/** tRPC answers a batch in which some call failed with 207 Multi-Status: for a page, that is a failure. */
const succeeded = (status: number) => status >= 200 && status <= 299 && status !== 207;

interface LoadResult {
  seconds: number;
  requests: number;
  failed: number;
  /** Answers that were not a success: not 2xx, or a 207 (a tRPC batch with a failed call). */
  notOk: number;
  errors: number;
  timeouts: number;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
  statusCodes: Record<string, number>;
  /** Answers that were not a success, by "status path", most first. */
  failedBy: [string, number][];
  /** When each failure happened (performance.now()), to count those inside a window. */
  failureTimes: number[];
  answerTimes: number[];
}

/** Runs the load for at least `minSeconds`, and until `until` settles if given. */
function runLoad(
  server: Server,
  mix: readonly MixEntry[],
  connections: number,
  minSeconds: number,
  until?: Promise<unknown>,
) {
  return new Promise<LoadResult>((resolvePromise, reject) => {
    const latencies: number[] = [];
    const failureTimes: number[] = [];
    const answerTimes: number[] = [];
    const failedBy = new Map<string, number>();
    const instance = autocannon(
      {
        url: server.base,
        connections,
        // With `until`, the bench stops it; the long duration is only a backstop.
        duration: until ? minSeconds + 900 : minSeconds,
        timeout: REQUEST_TIMEOUT_S,
        requests: mix.map((entry) => ({
          method: "GET",
          path: entry.path,
          onResponse: (status: number) => {
            if (succeeded(status)) return;
            const key = `${status} ${entry.path}`;
            failedBy.set(key, (failedBy.get(key) ?? 0) + 1);
          },
        })),
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        const statusCodes: Record<string, number> = {};
        for (const [code, { count }] of Object.entries(result.statusCodeStats)) statusCodes[code] = count;
        const answered = latencies.length;
        const multiStatus = result.statusCodeStats["207"]?.count ?? 0;
        resolvePromise({
          seconds: result.duration,
          requests: answered + result.errors,
          failed: result.non2xx + multiStatus + result.errors,
          notOk: result.non2xx + multiStatus,
          errors: result.errors,
          timeouts: result.timeouts,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          perSecond: answered / result.duration,
          statusCodes,
          failedBy: [...failedBy].sort((a, b) => b[1] - a[1]),
          failureTimes,
          answerTimes,
        });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseMs) => {
      const now = performance.now();
      latencies.push(responseMs);
      answerTimes.push(now);
      if (!succeeded(statusCode)) failureTimes.push(now);
    });
    instance.on("reqError", () => failureTimes.push(performance.now()));
    if (until) {
      const started = performance.now();
      until
        .catch(() => undefined)
        .then(async () => {
          const left = minSeconds * 1000 - (performance.now() - started);
          if (left > 0) await sleep(left);
          instance.stop();
        });
    }
  });
}

/** Tries each request once; the ones that fail are reported and left out of the load. */
async function preflight(base: string, mix: readonly MixEntry[]) {
  const ok: MixEntry[] = [];
  const failed: { entry: MixEntry; status: number; body: string }[] = [];
  for (const entry of mix) {
    const response = await fetch(base + entry.path).catch((e: Error) => e);
    if (response instanceof Error) failed.push({ entry, status: 0, body: response.message });
    else if (succeeded(response.status)) {
      await response.arrayBuffer();
      ok.push(entry);
    } else failed.push({ entry, status: response.status, body: (await response.text()).slice(0, 300) });
  }
  return { ok, failed };
}

interface SwapMarks {
  buildMs: number;
  /** From the rename to the server's "Warehouse reloaded" line. */
  reloadMs: number;
  swapAt: number;
  windowEnd: number;
}

async function rebuildAndSwap(server: Server, sourcesDir: string, marks: Partial<SwapMarks>): Promise<void> {
  await sleep(2_000); // some load on the old warehouse first
  const t = performance.now();
  await rm(NEXT, { force: true });
  // A child process: the build's parsing would otherwise stall the load generator's event loop.
  await run(["packages/warehouse/src/build-cli.ts", "--sources", sourcesDir, "--out", NEXT]);
  marks.buildMs = performance.now() - t;
  const reloaded = server.waitForLine(/^Warehouse reloaded/, 60_000);
  await rename(NEXT, SERVED);
  marks.swapAt = performance.now();
  await reloaded;
  marks.reloadMs = performance.now() - marks.swapAt;
  await sleep(AFTER_SWAP_MS);
  marks.windowEnd = performance.now();
}

// ---------------------------------------------------------------- report

function row(label: string, r: LoadResult): string {
  return `| ${label} | ${r.seconds.toFixed(0)} | ${r.requests.toLocaleString("en-GB")} | ${r.failed.toLocaleString("en-GB")} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.perSecond.toFixed(0)} |`;
}

function printResult(label: string, r: LoadResult): void {
  console.log(
    `${label}: ${r.requests} requests in ${r.seconds.toFixed(1)} s, failed ${r.failed} (not ok ${r.notOk}, errors ${r.errors}, of which timeouts ${r.timeouts}); p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms, p99 ${ms(r.p99)} ms; ${r.perSecond.toFixed(0)} req/s; status ${JSON.stringify(r.statusCodes)}`,
  );
  for (const [what, n] of r.failedBy) console.log(`  ${n} × HTTP ${what}`);
}

/** The failed answers of a phase by request, for the docs (paths shortened: the mix names them in full). */
function failedLines(label: string, r: LoadResult): string[] {
  if (r.failedBy.length === 0) return [];
  return [
    "",
    `Failed answers in the ${label} phase, by request:`,
    ...r.failedBy.map(([what, n]) => `- ${n} × HTTP \`${what.length > 140 ? `${what.slice(0, 140)}…` : what}\``),
  ];
}

const countIn = (times: readonly number[], from: number, to: number) =>
  times.filter((t) => t >= from && t <= to).length;

async function main(): Promise<void> {
  const args = parseCliOrExit(CLI);
  const loadAtStart = loadavg()[0]!.toFixed(1);
  const source = await chooseWarehouse();
  await mkdir(LOAD_DIR, { recursive: true });
  await rm(`${SERVED}.wal`, { force: true });
  await copyFile(source, SERVED);
  // The built app is served from a copy too: a `vite build` elsewhere while the load runs would
  // otherwise swap the asset names under it and count as failed requests.
  if (!existsSync(join(WEB_DIST, "index.html")))
    spawnSync(join(ROOT, "node_modules/.bin/vite"), ["build", "--logLevel", "warn", join(ROOT, "apps/web")], {
      stdio: "inherit",
    });
  await rm(SERVED_WEB, { recursive: true, force: true });
  await cp(WEB_DIST, SERVED_WEB, { recursive: true });

  const server = await startServer(SERVED, args.uncached, { LENS_WEB_DIST: SERVED_WEB });
  try {
    const health = (await (await fetch(`${server.base}/api/health`)).json()) as {
      sample: boolean;
      tables: { contracts: number };
    };
    const kind = health.sample ? "the generated sample (not real)" : "the real open data";
    console.log(`Serving a copy of ${source}: ${kind}, ${health.tables.contracts.toLocaleString("en-GB")} contracts.`);
    const index = await (await fetch(`${server.base}/`)).text();
    const { ok: mix, failed: excluded } = await preflight(server.base, loadMix(index));
    for (const f of excluded)
      console.error(`Left out (HTTP ${f.status}): ${f.entry.group} ${f.entry.path}\n  ${f.body}`);
    console.log(`${mix.length} requests in the mix; ${args.connections} connections, ${args.duration} s per phase.`);

    const steady = await runLoad(server, mix, args.connections, args.duration);
    printResult("Phase 1 (steady)", steady);
    if (server.exited) throw new Error(`the server exited under load (${JSON.stringify(server.exited)})`);

    let swap: { result: LoadResult; marks: SwapMarks; sourcesDir: string } | null = null;
    const sourcesDir = args.sources
      ? resolve(args.sources)
      : health.sample
        ? SAMPLE_DIR
        : resolve(process.env.LENS_SHARED_DATA ?? join(ROOT, "../shared/data"));
    if (args["no-swap"]) console.log("Phase 2 skipped (--no-swap).");
    else if (!existsSync(sourcesDir)) console.log(`Phase 2 skipped: no sources folder ${sourcesDir} (pass --sources).`);
    else {
      const marks: Partial<SwapMarks> = {};
      const swapping = rebuildAndSwap(server, sourcesDir, marks);
      const result = await runLoad(server, mix, args.connections, args.duration, swapping);
      await swapping; // a failed build or a missing reload ends the bench here, with its message
      const complete = marks as SwapMarks;
      printResult("Phase 2 (rebuild + swap)", result);
      console.log(
        `Rebuild ${(complete.buildMs / 1000).toFixed(1)} s; reloaded ${ms(complete.reloadMs)} ms after the rename; failed from the rename to ${AFTER_SWAP_MS / 1000} s after the reload: ${countIn(result.failureTimes, complete.swapAt, complete.windowEnd)} of ${countIn(result.answerTimes, complete.swapAt, complete.windowEnd)} answered.`,
      );
      swap = { result, marks: complete, sourcesDir };
    }
    if (server.exited) throw new Error(`the server exited under load (${JSON.stringify(server.exited)})`);

    const groups = new Map<string, number>();
    for (const entry of mix) groups.set(entry.group, (groups.get(entry.group) ?? 0) + 1);
    const lines = [
      `\`npm run bench:load\` (bench/load-bench.ts): the real server as \`npm start\` runs it, on loopback, with autocannon holding ${args.connections} keep-alive connections for ${args.duration} s per phase, cycling through ${mix.length} requests the pages make (bench/load-mix.ts: ${[...groups].map(([g, n]) => `${g} ${n}`).join(", ")}; the dashboard's calls as its tRPC batch link sends them). Query cache ${args.uncached ? "off (`--uncached`)" : "on, as served (so after the first round most API answers come from it)"}. Failed = non-2xx or 207 (a tRPC batch with a failed call) + connection errors + timeouts (${REQUEST_TIMEOUT_S} s); latency over every answer.`,
      "",
      `${machineFacts()} · load average ${loadAtStart} at the start (the machine is shared)`,
      "",
      `Warehouse: ${kind}, ${health.tables.contracts.toLocaleString("en-GB")} contracts.`,
      "",
      "| phase | s | requests | failed | p50 ms | p95 ms | p99 ms | req/s |",
      "| ----- | -: | -------: | -----: | -----: | -----: | -----: | ----: |",
      row("steady", steady),
      ...(swap ? [row("rebuild + swap", swap.result)] : []),
    ];
    if (swap) {
      const { marks, result } = swap;
      lines.push(
        "",
        `Phase 2: \`data:build\` rebuilt the warehouse from \`${relative(ROOT, swap.sourcesDir)}\` beside the served file while the load ran (${(marks.buildMs / 1000).toFixed(1)} s), then it was renamed into place; the server reloaded ${ms(marks.reloadMs)} ms after the rename. Failed requests from the rename until ${AFTER_SWAP_MS / 1000} s after the reload (the new warehouse's cache is cold): **${countIn(result.failureTimes, marks.swapAt, marks.windowEnd)}** of ${countIn(result.answerTimes, marks.swapAt, marks.windowEnd).toLocaleString("en-GB")} answered.`,
      );
    }
    lines.push(...failedLines("steady", steady), ...(swap ? failedLines("rebuild + swap", swap.result) : []));
    if (excluded.length > 0)
      lines.push(
        "",
        "Left out after failing once before the load:",
        ...excluded.map((f) => `- HTTP ${f.status}: \`${f.entry.path.slice(0, 160)}\``),
      );
    if (server.requestFailures.length > 0)
      lines.push("", `The server logged ${server.requestFailures.length} failed request(s) during the run.`);
    // Stopped straight after the load, with whatever the clients left in flight: shutting down is measured too.
    await server.stop();
    console.log(`Server stop: ${server.stopped}.`);
    lines.push(
      "",
      `Stopping the server (SIGTERM to \`npm start\`'s process) straight after the load: ${server.stopped}.`,
    );
    if (args["no-write"]) return;
    await writeSection("Load", lines.join("\n"));
    console.log("Wrote the Load section of docs/benchmarks.md.");
  } finally {
    await server.stop();
    await rm(NEXT, { force: true });
  }
}

// A failure (a build that fails, a server that will not start) is one line, not a stack trace.
await main().catch((error: unknown) => {
  console.error(`bench:load: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
