/**
 * `npm run data:build -- --sources <folder> --out <file.duckdb>`: builds a warehouse and
 * prints a per-source summary. Exit code 1 on failure; the previous warehouse is untouched.
 */

import { relative, resolve } from "node:path";
import { defineCli, parseCliOrExit, text, valueOption } from "@lens/core/cli";
import { createRunProgress } from "@lens/core/progress";
import type { BuildSummary } from "./build.js";
import {
  DEFAULT_REAL_WAREHOUSE_PATH,
  DEFAULT_SAMPLE_DIR,
  DEFAULT_WAREHOUSE_PATH,
  isSampleFolder,
  REPO_ROOT,
} from "./paths.js";

const CLI = defineCli({
  command: "data:build",
  synopsis: "npm run data:build -- [--sources <dir>] [--out <file.duckdb>]",
  options: {
    sources: valueOption({
      placeholder: "<dir>",
      expects: "a folder",
      description: "the folder of source files (default data/sample/generated)",
      parse: text,
      default: DEFAULT_SAMPLE_DIR,
    }),
    out: valueOption({
      placeholder: "<file.duckdb>",
      expects: "a file path",
      description:
        "the warehouse to write; built beside it, then renamed into place\n(default data/warehouse/lens.duckdb for the sample, data/warehouse/real.duckdb otherwise)",
      parse: text,
    }),
  },
});

const values = parseCliOrExit(CLI);
const sourcesDir = resolve(values.sources);
const isSample = isSampleFolder(sourcesDir);
const outPath = resolve(values.out ?? (isSample ? DEFAULT_WAREHOUSE_PATH : DEFAULT_REAL_WAREHOUSE_PATH));
// npm start keeps data/warehouse/lens.duckdb in step with the sample (turbo restores the cached sample
// build over a file that differs), so a build of other sources written there would be replaced.
if (!isSample && outPath === DEFAULT_WAREHOUSE_PATH) {
  console.error(
    `data:build: ${relative(REPO_ROOT, DEFAULT_WAREHOUSE_PATH)} is the sample warehouse, which npm start rebuilds from the sample: write other sources elsewhere (without --out: ${relative(REPO_ROOT, DEFAULT_REAL_WAREHOUSE_PATH)}), then LENS_WAREHOUSE=<that file> npm start.`,
  );
  process.exit(2);
}
// Loaded once the arguments are checked, so misuse and --help answer without loading DuckDB and the parsers.
const { buildWarehouse } = await import("./build.js");

const progress = createRunProgress(process.stdout);

try {
  const summary = await buildWarehouse({
    sourcesDir,
    outPath,
    progress,
  });
  printSummary(summary, progress.summaryTable());
} catch (error) {
  console.error(`Build failed: ${(error as Error).message}`);
  console.error("The previous warehouse (if any) was left in place.");
  process.exit(1);
}

/** The reporter's table (rows read, kept, rejected and seconds per source), then what needs a look. */
export function printSummary(summary: BuildSummary, table: string): void {
  console.log(`\n${table}\n`);
  for (const s of summary.sources) {
    if (s.topReasons.length === 0) continue;
    console.log(`${s.source} — top rejection reasons:`);
    for (const r of s.topReasons) console.log(`  ${r.count.toLocaleString("en-GB")} × ${r.reason}`);
  }
  if (summary.unrecognisedFiles.length > 0) {
    console.log(`\n${summary.unrecognisedFiles.length} file(s) not recognised as a known source (not read):`);
    for (const file of summary.unrecognisedFiles) console.log(`  ${file}`);
  }
  console.log(
    `\nBuilt ${summary.isSample ? "SAMPLE (not real) " : ""}warehouse ${summary.outPath} in ${(summary.durationMs / 1000).toFixed(1)}s (rules ${summary.rulesetVersion}).`,
  );
}
