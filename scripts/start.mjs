#!/usr/bin/env node
/**
 * `npm start`: turbo brings the sample, the sample warehouse and the web build up to date, then
 * the dashboard and the API are served on one port. turbo.json declares each build's inputs
 * (its package and, through `transit`, every package it depends on) and outputs, so a change
 * anywhere upstream rebuilds exactly what depends on it, and with nothing changed turbo answers
 * from its cache in a fraction of a second. LENS_WAREHOUSE serves another warehouse as it is
 * (only the web build is brought up to date).
 */
import { spawn, spawnSync } from "node:child_process";
import { constants } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);

// npm start always serves a production build, even when launched from a test runner that set NODE_ENV=test
// (a test-mode Vite build ships the development JSX runtime with source paths).
const env = { ...process.env, NODE_ENV: "production" };

// The binary itself: `npx turbo` spends about a second finding it.
const tasks = process.env.LENS_WAREHOUSE ? ["build"] : ["warehouse", "build"];
const built = spawnSync(bin("turbo"), ["run", ...tasks, "--output-logs=new-only", "--log-prefix=task"], {
  cwd: root,
  stdio: "inherit",
  env,
});
if (built.status !== 0) {
  console.error(`✗ Building ${tasks.join(" and ")} failed (exit ${built.status}); the output above says why.`);
  process.exit(built.status ?? 1);
}

const server = spawn(bin("tsx"), ["apps/api/src/main.ts"], {
  cwd: root,
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => server.kill(signal));
// A server ended by a signal it did not handle (a crash, or SIGKILL) exits as a shell reports it, 128 + the
// signal's number, so a supervisor sees a failure rather than a clean exit.
server.on("exit", (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
