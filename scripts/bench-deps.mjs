#!/usr/bin/env node
/**
 * Installs the benchmark-only SQLite baseline (bench/sqlite: better-sqlite3, compiled from
 * source on most machines) the first time a benchmark needs it, so `npm install` for the
 * product itself compiles nothing.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const folder = join(dirname(fileURLToPath(import.meta.url)), "../bench/sqlite");
if (!existsSync(join(folder, "node_modules/better-sqlite3/package.json"))) {
  console.log("→ Installing the SQLite baseline for the benchmarks (bench/sqlite, compiles better-sqlite3 once)");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: folder, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
