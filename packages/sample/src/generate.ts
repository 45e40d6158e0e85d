/**
 * Writes the whole sample into a folder, in the real sources' formats, deterministically
 * from a seed. A marker file tells the warehouse build the data is not real.
 */
import { createWriteStream } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SAMPLE_MARKER } from "@lens/core";
import type { RunProgress } from "@lens/core/progress";
import { EES_FILE, eesCsv, LAST_SFR_YEAR, sfrCsv, sfrFileName, simulateCla } from "./cla.js";
import { writeContracts } from "./contracts.js";
import { ILACS_FILE, ilacsWorkbook } from "./ilacs.js";
import { laReferenceCsv } from "./la-reference.js";
import { providerCsv, simulateOfsted } from "./ofsted.js";
import { inspectionsCsv, inspectionsFileName, joinersLeaversCsv, joinersLeaversFileName } from "./ofsted-in-year.js";
import {
  CSWW_DIR,
  careLeaversCsvs,
  councilTendencies,
  cswwCsv,
  FIRST_CSWW_YEAR,
  FIRST_OUTCOMES_YEAR,
  FOI_DIR,
  foiCsvs,
  newPlacementsCsv,
  OUTCOMES_DIR,
  placementStabilityCsv,
} from "./outcomes.js";
import { Random } from "./random.js";
import { spendCsv } from "./spend.js";

export interface SampleOptions {
  outDir: string;
  seed: number;
  contracts: number;
  fromYear: number;
  toYear: number;
  /** One task per part written (the CLI shows them as live or start and end lines). */
  progress?: RunProgress;
}

export const DEFAULT_SAMPLE_OPTIONS = { seed: 20251, contracts: 16_000, fromYear: 2015, toYear: 2025 } as const;

export interface SampleSummary {
  contracts: number;
  providerRows: number;
  /** In-year inspection events (rows of the in-year files). */
  inspectionRows: number;
  /** Rows of the joiners/leavers files (a provider that joined and left in one year is one row). */
  joinerLeaverRows: number;
  spendFiles: number;
  /** Councils in the ILACS workbook (all 153, judged or not). */
  ilacsRows: number;
  /** Children-looked-after placement files (SFR layout per year, then one EES file). */
  claFiles: number;
  /** Outcome files for council_indicators: DfE children looked after, FOI children's homes, workforce. */
  outcomeFiles: number;
}

export async function generateSample(options: SampleOptions): Promise<SampleSummary> {
  await rm(options.outDir, { recursive: true, force: true });
  for (const dir of [
    "la-reference",
    "contracts-finder-ocds",
    "ofsted-providers",
    "ofsted-inspections-in-year",
    "ofsted-joiners-leavers",
    "s251-outturn",
    "ofsted-ilacs",
    "dfe-cla-la",
    OUTCOMES_DIR,
    FOI_DIR,
    CSWW_DIR,
  ])
    await mkdir(join(options.outDir, dir), { recursive: true });
  // Separate streams per part, so changing the contract count leaves the rest identical.
  const random = (part: number) => new Random(options.seed * 7919 + part);

  await writeFile(join(options.outDir, "la-reference", "d2i_la_lookup_stat_neighbours.csv"), laReferenceCsv());

  const task = (name: string, detail: string) => options.progress?.start(name, { detail });
  const contractsTask = options.progress?.start("contracts", { total: options.contracts, unit: "rows" });
  const stream = createWriteStream(join(options.outDir, "contracts-finder-ocds", "releases.jsonl"));
  const contracts = await writeContracts(stream, random(1), options);
  await new Promise<void>((resolve, reject) =>
    stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  contractsTask?.end({ rows: contracts, columns: { files: "1" } });

  // Stream 4 draws the interim and monitoring visits, so adding them left the snapshots unchanged.
  const ofstedTask = task("ofsted", "providers, in-year inspections, joiners and leavers");
  const ofsted = simulateOfsted(random(2), random(4), options.fromYear, options.toYear);
  let providerRows = 0;
  for (const [year, providers] of ofsted.snapshots) {
    providerRows += providers.length;
    await writeFile(
      join(options.outDir, "ofsted-providers", `provider_at_march_${year}.csv`),
      providerCsv(year, providers),
    );
  }
  let inspectionRows = 0;
  for (const [year, events] of ofsted.inspections) {
    inspectionRows += events.length;
    await writeFile(
      join(options.outDir, "ofsted-inspections-in-year", inspectionsFileName(year)),
      inspectionsCsv(year, events),
    );
  }
  let joinerLeaverRows = 0;
  for (const [year, changes] of ofsted.registerChanges) {
    joinerLeaverRows += changes.length;
    await writeFile(
      join(options.outDir, "ofsted-joiners-leavers", joinersLeaversFileName(year)),
      joinersLeaversCsv(year, changes),
    );
  }

  ofstedTask?.end({
    rows: providerRows + inspectionRows + joinerLeaverRows,
    columns: { files: String(ofsted.snapshots.size + ofsted.inspections.size + ofsted.registerChanges.size) },
  });

  const spendTask = task("s251-outturn", "one outturn file a year");
  const spendRandom = random(3);
  let spendFiles = 0;
  for (let year = options.fromYear; year <= options.toYear; year++) {
    const code = `${String(year - 1).slice(2)}${String(year).slice(2)}`;
    await writeFile(join(options.outDir, "s251-outturn", `outturn_${code}.csv`), spendCsv(spendRandom, year));
    spendFiles++;
  }

  spendTask?.end({ rows: null, columns: { files: String(spendFiles) } });

  // Streams 5 and 6 are new, so adding ILACS and placements left every other file unchanged.
  const placementsTask = task("ilacs and placements", "ILACS workbook, children looked after by placement");
  const ilacs = await ilacsWorkbook(random(5));
  await writeFile(join(options.outDir, "ofsted-ilacs", ILACS_FILE), ilacs.bytes);
  const claRandom = random(6);
  const cla = simulateCla(claRandom, options.fromYear, options.toYear);
  let claFiles = 0;
  for (const [year, rows] of cla)
    if (year <= LAST_SFR_YEAR) {
      await writeFile(join(options.outDir, "dfe-cla-la", sfrFileName(year)), sfrCsv(claRandom, year, rows));
      claFiles++;
    }
  const eesYears = [...cla].filter(([year]) => year > LAST_SFR_YEAR);
  if (eesYears.length > 0) {
    await writeFile(join(options.outDir, "dfe-cla-la", EES_FILE), eesCsv(eesYears));
    claFiles++;
  }

  placementsTask?.end({
    rows: ilacs.councils.length + [...cla.values()].reduce((n, rows) => n + rows.length, 0),
    columns: { files: String(claFiles + 1) },
  });

  // Stream 7 is new, so adding the outcome files left every other file unchanged.
  const outcomesTask = task("outcomes", "placement stability, care leavers, FOI homes, workforce");
  const outcomesRandom = random(7);
  const tendencies = councilTendencies(outcomesRandom);
  const yearsFrom = (first: number) =>
    Array.from(
      { length: Math.max(0, options.toYear - Math.max(first, options.fromYear) + 1) },
      (_, i) => Math.max(first, options.fromYear) + i,
    );
  const outcomeInputs = { random: outcomesRandom, tendencies, cla, years: yearsFrom(FIRST_OUTCOMES_YEAR) };
  const careLeavers = careLeaversCsvs(outcomeInputs);
  const foi = foiCsvs(outcomesRandom, tendencies, cla, yearsFrom(options.fromYear));
  const outcomeFiles: [string, string, string][] = [
    [OUTCOMES_DIR, "la_cla_placement_stability.csv", placementStabilityCsv(outcomeInputs)],
    [OUTCOMES_DIR, "la_cla_during_year_new_placements.csv", newPlacementsCsv(outcomeInputs)],
    [OUTCOMES_DIR, "la_care_leavers_accommodation_suitability.csv", careLeavers.accommodation],
    [OUTCOMES_DIR, "la_care_leavers_activity.csv", careLeavers.activity],
    [FOI_DIR, "foi_part1_net_gain.csv", foi.netGain],
    [FOI_DIR, "foi_part2_outside_boundary.csv", foi.outside],
    [CSWW_DIR, "csww_indicators.csv", cswwCsv(outcomesRandom, tendencies, yearsFrom(FIRST_CSWW_YEAR))],
  ];
  for (const [dir, name, text] of outcomeFiles) await writeFile(join(options.outDir, dir, name), text);
  outcomesTask?.end({ rows: null, columns: { files: String(outcomeFiles.length) } });

  await writeFile(
    join(options.outDir, SAMPLE_MARKER),
    `Sample data — not real.\nGenerated by Commissioning Lens (seed ${options.seed}, ${contracts} contracts, ${options.fromYear}–${options.toYear}).\nEverything built from this folder is labelled as sample data.\n`,
  );
  return {
    contracts,
    providerRows,
    inspectionRows,
    joinerLeaverRows,
    spendFiles,
    ilacsRows: ilacs.councils.length,
    claFiles,
    outcomeFiles: outcomeFiles.length,
  };
}
