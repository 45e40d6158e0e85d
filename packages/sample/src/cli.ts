/** `npm run data:sample -- [--out folder] [--contracts N] [--seed N]`: writes the generated sample. */
import { resolve } from "node:path";
import { defineCli, parseCliOrExit, text, valueOption, wholeNumber } from "@lens/core/cli";
import { createRunProgress } from "@lens/core/progress";
import { DEFAULT_SAMPLE_OPTIONS, generateSample } from "./generate.js";
import { DEFAULT_SAMPLE_DIR } from "./paths.js";

const CLI = defineCli({
  command: "data:sample",
  synopsis: "npm run data:sample -- [--contracts N] [--seed N] [--out <dir>]",
  options: {
    contracts: valueOption({
      placeholder: "N",
      expects: "a positive whole number",
      description: `how many contracts (default ${DEFAULT_SAMPLE_OPTIONS.contracts}; 1000000 for benchmarks)`,
      parse: wholeNumber(1),
      default: DEFAULT_SAMPLE_OPTIONS.contracts,
    }),
    seed: valueOption({
      placeholder: "N",
      expects: "a whole number",
      description: `random seed; the same seed writes the same files (default ${DEFAULT_SAMPLE_OPTIONS.seed})`,
      parse: wholeNumber(),
      default: DEFAULT_SAMPLE_OPTIONS.seed,
    }),
    out: valueOption({
      placeholder: "<dir>",
      expects: "a folder",
      description: "where to write (default data/sample/generated)",
      parse: text,
      default: DEFAULT_SAMPLE_DIR,
    }),
  },
});

const { contracts, seed, out } = parseCliOrExit(CLI);
const started = Date.now();
const progress = createRunProgress(process.stdout);
const summary = await generateSample({
  progress,
  outDir: resolve(out),
  seed,
  contracts,
  fromYear: DEFAULT_SAMPLE_OPTIONS.fromYear,
  toYear: DEFAULT_SAMPLE_OPTIONS.toYear,
});
console.log(`\n${progress.summaryTable()}\n`);
console.log(
  `Sample data (not real) written to ${out}: ${summary.contracts.toLocaleString("en-GB")} contracts, ${summary.providerRows.toLocaleString("en-GB")} provider rows, ${summary.inspectionRows.toLocaleString("en-GB")} inspections, ${summary.joinerLeaverRows.toLocaleString("en-GB")} joiners/leavers, ${summary.spendFiles} spend files, ${summary.ilacsRows} ILACS councils, ${summary.claFiles} placement files, ${summary.outcomeFiles} outcome files in ${((Date.now() - started) / 1000).toFixed(1)}s.`,
);
