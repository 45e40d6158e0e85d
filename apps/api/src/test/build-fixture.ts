/**
 * A small but real warehouse: generated sample files → the real build → a DuckDB file.
 * Run as a script (`tsx build-fixture.ts <dir>`) by the global setup, whose module runner
 * cannot load the ingest parsers' CommonJS dependencies; imported directly by worker tests.
 */
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateSample } from "@lens/sample";
import { buildWarehouse } from "@lens/warehouse/build";

export const FIXTURE_CONTRACTS = 2000;

/** Writes `<dir>/sample-<seed>` and builds `<dir>/lens.duckdb` (or `outPath`); returns the warehouse path. */
export async function buildFixtureWarehouse(
  dir: string,
  options: { seed?: number; outPath?: string; contracts?: number } = {},
): Promise<string> {
  const seed = options.seed ?? 1;
  const sourcesDir = join(dir, `sample-${seed}`);
  await generateSample({
    outDir: sourcesDir,
    seed,
    contracts: options.contracts ?? FIXTURE_CONTRACTS,
    fromYear: 2015,
    toYear: 2025,
  });
  const outPath = options.outPath ?? join(dir, "lens.duckdb");
  await buildWarehouse({ sourcesDir, outPath });
  return outPath;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, seed] = process.argv.slice(2);
  if (!dir) throw new Error("usage: tsx build-fixture.ts <dir> [seed]");
  process.stdout.write(`${await buildFixtureWarehouse(dir, { seed: seed ? Number(seed) : 1 })}\n`);
}
