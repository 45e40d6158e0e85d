/**
 * `npm run bench:build`: how long `buildWarehouse` takes on the real files in ../shared/data and
 * on the 1,000,000-contract scale sample (generated into bench/.cache/sample-1m if missing).
 * Builds go to throwaway files in bench/.cache, so the served warehouse and the API benchmark's
 * warehouse are untouched. Writes the "Build" section of docs/benchmarks.md.
 */
import { existsSync } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { SAMPLE_MARKER } from "@lens/core";
import { DEFAULT_SAMPLE_OPTIONS, generateSample } from "@lens/sample";
import { type BuildSummary, buildWarehouse } from "@lens/warehouse/build";
import { CACHE, machineFacts, ROOT, SAMPLE_1M, writeSection } from "./common.js";

const SHARED_DATA = join(ROOT, "../shared/data");

async function timedBuild(
  label: string,
  sourcesDir: string,
): Promise<{ label: string; summary: BuildSummary; mb: number }> {
  const outPath = join(CACHE, `build-bench-${label.replace(/\W+/g, "-")}.duckdb`);
  console.log(`Building ${label} from ${sourcesDir} …`);
  const summary = await buildWarehouse({ sourcesDir, outPath });
  const mb = (await stat(outPath)).size / 2 ** 20;
  await rm(outPath, { force: true });
  console.log(`  ${(summary.durationMs / 1000).toFixed(1)} s, ${mb.toFixed(0)} MB`);
  return { label, summary, mb };
}

const started = performance.now();
const runs: Awaited<ReturnType<typeof timedBuild>>[] = [];
if (existsSync(SHARED_DATA)) runs.push(await timedBuild("real files (../shared/data)", SHARED_DATA));
else console.log(`${SHARED_DATA} not found: skipping the real-data build.`);
if (!existsSync(join(SAMPLE_1M, SAMPLE_MARKER))) {
  console.log("Generating the 1,000,000-contract sample …");
  await generateSample({ ...DEFAULT_SAMPLE_OPTIONS, outDir: SAMPLE_1M, contracts: 1_000_000 });
}
runs.push(await timedBuild("1,000,000-contract sample", SAMPLE_1M));

const fmt = (n: number) => n.toLocaleString("en-GB");
const lines = [
  `${machineFacts()} · run took ${((performance.now() - started) / 1000).toFixed(0)} s`,
  "",
  "`buildWarehouse` from source files to a finished DuckDB file (parse, load, classify, index, rename into place).",
  "",
  "| input | total | file size | slowest sources (rows kept, seconds) |",
  "|---|--:|--:|---|",
  ...runs.map(({ label, summary, mb }) => {
    const slow = [...summary.sources]
      .sort((a, b) => b.durationMs - a.durationMs)
      .slice(0, 4)
      .map((s) => `${s.source} (${fmt(s.rowsKept)}, ${(s.durationMs / 1000).toFixed(1)} s)`)
      .join("; ");
    return `| ${label} | ${(summary.durationMs / 1000).toFixed(1)} s | ${mb.toFixed(0)} MB | ${slow} |`;
  }),
];
await writeSection("Build", lines.join("\n"));
console.log(`\n${lines.join("\n")}\n\nWritten to docs/benchmarks.md (section "Build").`);
