/**
 * `npm run bench:start`: what a new user waits for. Clones this repository's committed HEAD into a
 * temporary folder and times, there: `npm ci` (and whether anything was compiled), the first
 * `npm start` until `/api/health` answers (sample, warehouse and dashboard built on the way), and
 * restarts with everything built (the median of --runs). Writes the "Install and start" section of
 * docs/benchmarks.md. npm's cache is the machine's own, as on a user's second install.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineCli, flag, parseCliOrExit, valueOption, wholeNumber } from "@lens/core/cli";
import { freePort, machineFacts, ROOT, summarise, writeSection } from "./common.js";

const CLI = defineCli({
  command: "bench:start",
  synopsis: "npm run bench:start -- [--runs N] [--no-write]",
  options: {
    runs: valueOption({
      placeholder: "N",
      expects: "a whole number from 1 to 20",
      description: "restarts timed with everything built (default 5)",
      parse: wholeNumber(1, 20),
      default: 5,
    }),
    "no-write": flag("print the figures without updating docs/benchmarks.md"),
  },
});
const args = parseCliOrExit(CLI);
const seconds = (ms: number) => (ms / 1000).toFixed(2);

/** Starts `npm start` in its own process group; resolves with the ms until /api/health is 200, then stops it. */
async function timeStart(dir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  // The clone's own sample warehouse, whatever this shell serves.
  const { LENS_WAREHOUSE: _served, ...env } = process.env;
  const child: ChildProcess = spawn("npm", ["start"], {
    cwd: dir,
    env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: "ignore",
    detached: true,
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with code ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - started;
      if (performance.now() - started > 300_000) throw new Error("npm start did not answer within 300 s");
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = new Promise((r) => child.once("exit", r));
      process.kill(-child.pid, "SIGTERM");
      await exited;
    }
  }
}

const dir = mkdtempSync(join(tmpdir(), "lens-start-bench-"));
try {
  spawnSync("git", ["clone", "--quiet", ROOT, dir], { stdio: "inherit" });
  const ciStarted = performance.now();
  const ci = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--foreground-scripts"], {
    cwd: dir,
    encoding: "utf8",
  });
  const ciMs = performance.now() - ciStarted;
  if (ci.status !== 0) throw new Error(`npm ci failed:\n${ci.stderr}`);
  // node-gyp or make in npm's script output means something was compiled.
  const compiled = /node-gyp|gyp info|make: /.test(`${ci.stdout}\n${ci.stderr}`);
  console.log(`npm ci: ${seconds(ciMs)} s, ${compiled ? "COMPILED native code" : "nothing compiled"}`);
  const firstMs = await timeStart(dir);
  console.log(`first npm start → /api/health: ${seconds(firstMs)} s`);
  const restarts: number[] = [];
  for (let i = 0; i < args.runs; i++) restarts.push(await timeStart(dir));
  const restart = summarise(restarts);
  console.log(`restart (everything built): median ${seconds(restart.p50)} s of ${restarts.map(seconds).join(", ")}`);
  const body = `\`npm run bench:start\` (bench/start-bench.ts): a clone of the committed HEAD in a temporary folder; npm's cache is the machine's own. \`npm start\` is \`turbo run warehouse build\`, then the server: the sample, the sample warehouse and the dashboard are turbo tasks, built on the first start (the dashboard beside the sample) and answered from turbo's cache after.

${machineFacts()}

| step | time |
| ---- | ---: |
| \`npm ci\` | ${seconds(ciMs)} s (${compiled ? "native code compiled" : "nothing compiled"}) |
| first \`npm start\` until \`/api/health\` answers (sample generated, warehouse and dashboard built) | ${seconds(firstMs)} s |
| restart with everything built, median of ${args.runs} | ${seconds(restart.p50)} s (${restarts.map(seconds).join(", ")}) |`;
  if (!args["no-write"]) await writeSection("Install and start", body);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
