/**
 * Scores the classification rules on the labelled set and lists every disagreement, for rule
 * authors: `npx tsx packages/warehouse/src/score-labelled.ts [--warehouse <file>] [--sources <dir>]`.
 * Without --warehouse it builds a fresh warehouse from the real source files into a temp
 * folder first (about 15 s), so the scores are always those of the rules as they stand.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { defineCli, parseCliOrExit, text, valueOption } from "@lens/core/cli";
import { sharedDataDir } from "@lens/ingest";
import { buildWarehouse } from "./build.js";
import { openWarehouse } from "./db.js";
import {
  formatMismatches,
  formatScores,
  holdoutRound,
  loadLabelledSet,
  scoreLabelledSet,
} from "./labelled-contracts.js";

const CLI = defineCli({
  command: "score-labelled",
  synopsis: "npx tsx packages/warehouse/src/score-labelled.ts [--warehouse <file.duckdb>] [--sources <dir>]",
  options: {
    warehouse: valueOption({
      placeholder: "<file.duckdb>",
      expects: "a warehouse file",
      description: "score this warehouse (opened read-only) instead of building one",
      parse: text,
    }),
    sources: valueOption({
      placeholder: "<dir>",
      expects: "a folder",
      description: "the real source files to build from (default ../shared/data or LENS_SHARED_DATA)",
      parse: text,
    }),
  },
});

const values = parseCliOrExit(CLI);
let scratch: string | null = null;
let path: string;
if (values.warehouse) path = resolve(values.warehouse);
else {
  const sources = values.sources ? resolve(values.sources) : sharedDataDir();
  if (!sources) {
    console.error("score-labelled: no real source files found; pass --sources <dir> or --warehouse <file>.");
    process.exit(2);
  }
  scratch = await mkdtemp(join(tmpdir(), "lens-score-labelled-"));
  path = join(scratch, "real.duckdb");
  console.log(`Building a warehouse from ${sources} …`);
  const summary = await buildWarehouse({ sourcesDir: sources, outPath: path });
  console.log(`Rules ${summary.rulesetVersion}.`);
}

const warehouse = await openWarehouse(path, { readOnly: true });
const connection = await warehouse.connect();
try {
  const set = loadLabelledSet();
  const result = await scoreLabelledSet(connection, set);
  console.log(formatScores(result.scores));
  const rounds = [...new Set(set.labels.map(holdoutRound).filter((r) => r !== null))];
  for (const round of rounds) {
    const held = await scoreLabelledSet(connection, {
      ...set,
      labels: set.labels.filter((l) => holdoutRound(l) === round),
    });
    console.log(`\nHeld-out round '${round}' only (drawn after the rules were revised):\n${formatScores(held.scores)}`);
  }
  for (const m of result.missing) console.log(`MISSING ${m.contractId}: ${m.problem}`);
  console.log(formatMismatches(result.mismatches));
  process.exitCode = result.missing.length > 0 ? 1 : 0;
} finally {
  connection.closeSync();
  warehouse.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
}
