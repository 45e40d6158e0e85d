/** `npm run data:sample -- [--out folder] [--contracts N] [--seed N]`: writes the generated sample. */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_SAMPLE_OPTIONS, generateSample } from "./generate.js";
import { DEFAULT_SAMPLE_DIR } from "./paths.js";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: DEFAULT_SAMPLE_DIR },
    contracts: { type: "string", default: String(DEFAULT_SAMPLE_OPTIONS.contracts) },
    seed: { type: "string", default: String(DEFAULT_SAMPLE_OPTIONS.seed) },
  },
});

const contracts = Number(values.contracts);
const seed = Number(values.seed);
if (!Number.isInteger(contracts) || contracts < 1) {
  console.error(`--contracts must be a positive whole number, got '${values.contracts}'`);
  process.exit(1);
}
if (!Number.isInteger(seed)) {
  console.error(`--seed must be a whole number, got '${values.seed}'`);
  process.exit(1);
}
const started = Date.now();
const summary = await generateSample({
  outDir: resolve(values.out),
  seed,
  contracts,
  fromYear: DEFAULT_SAMPLE_OPTIONS.fromYear,
  toYear: DEFAULT_SAMPLE_OPTIONS.toYear,
});
console.log(
  `Sample data (not real) written to ${values.out}: ${summary.contracts.toLocaleString("en-GB")} contracts, ${summary.providerRows.toLocaleString("en-GB")} provider rows, ${summary.inspectionRows.toLocaleString("en-GB")} inspections, ${summary.joinerLeaverRows.toLocaleString("en-GB")} joiners/leavers, ${summary.spendFiles} spend files, ${summary.ilacsRows} ILACS councils, ${summary.claFiles} placement files in ${((Date.now() - started) / 1000).toFixed(1)}s.`,
);
