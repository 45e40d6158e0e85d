#!/usr/bin/env node
/**
 * `npm start`: makes sure the sample, the warehouse and the web build exist and are newer
 * than their inputs, then serves the dashboard and the API on one port. With everything
 * built, it only starts the server. LENS_WAREHOUSE serves another warehouse as it is.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { constants } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const sampleDir = join(root, "data/sample/generated");
const sampleMarker = join(sampleDir, "SAMPLE-DATA-NOT-REAL.txt");
const warehouse = join(root, "data/warehouse/lens.duckdb");
const webDist = join(root, "apps/web/dist/index.html");

function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === "dist" || entry.startsWith(".")) continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

// npm start always serves a production build, even when launched from a test runner that set NODE_ENV=test
// (a test-mode Vite build ships the development JSX runtime with source paths).
const env = { ...process.env, NODE_ENV: "production" };

function run(label, command, args) {
  console.log(`→ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`✗ ${label} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

const tsx = bin("tsx");
if (!process.env.LENS_WAREHOUSE) {
  const generatorChanged = newest(join(root, "packages/sample/src")) > newest(sampleMarker);
  if (!existsSync(sampleMarker) || generatorChanged)
    run("Generating the sample data (not real)", tsx, ["packages/sample/src/cli.ts"]);
  const inputs = Math.max(
    newest(sampleDir),
    newest(join(root, "packages/ingest/src")),
    newest(join(root, "packages/warehouse/src")),
    newest(join(root, "packages/core/src")),
  );
  if (!existsSync(warehouse) || statSync(warehouse).mtimeMs < inputs)
    run("Building the sample warehouse", tsx, ["packages/warehouse/src/build-cli.ts"]);
}
const webInputs = Math.max(
  newest(join(root, "apps/web/src")),
  newest(join(root, "packages/core/src")),
  newest(join(root, "apps/web/index.html")),
);
if (!existsSync(webDist) || statSync(webDist).mtimeMs < webInputs)
  run("Building the dashboard", bin("vite"), ["build", "--logLevel", "warn", join(root, "apps/web")]);

const server = spawn(tsx, ["apps/api/src/main.ts"], {
  cwd: root,
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => server.kill(signal));
// A server ended by a signal it did not handle (a crash, or SIGKILL) exits as a shell reports it, 128 + the
// signal's number, so a supervisor sees a failure rather than a clean exit.
server.on("exit", (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
