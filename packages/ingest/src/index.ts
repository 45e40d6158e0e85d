import { claPlacementsIngester } from "./cla/cla-placements.js";
import { contractsFinderOcdsIngester } from "./contracts/contracts-finder-ocds.js";
import { homeOfficeAwardsIngester } from "./contracts/home-office-awards.js";
import { lancashireDerivedIngester } from "./contracts/lancashire-derived.js";
import { norfolkRegisterIngester } from "./contracts/norfolk-register.js";
import {
  findATenderIngester,
  publicContractsScotlandIngester,
  sell2walesIngester,
} from "./contracts/ocds-publishers.js";
import { salfordRegisterIngester } from "./contracts/salford-register.js";
import { laReferenceIngester } from "./la-reference/la-reference.js";
import {
  ofstedIlacsIngester,
  ofstedInspectionsIngester,
  ofstedJoinersLeaversIngester,
  ofstedProvidersIngester,
} from "./ofsted/index.js";
import {
  claOutcomesIngester,
  cswwIndicatorsIngester,
  foiChildrensHomesIngester,
} from "./outcomes/council-indicators.js";
import { darlingtonSpendIngester } from "./spend/darlington-spend.js";
import { derivedClaSpendIngester } from "./spend/derived-cla-spend.js";
import { devonGrantsIngester } from "./spend/devon-grants.js";
import { devonSpendIngester } from "./spend/devon-spend.js";
import { s251OutturnIngester } from "./spend/s251-outturn.js";
import { salfordSpendIngester } from "./spend/salford-spend.js";
import { wakefieldSpendIngester } from "./spend/wakefield-spend.js";
import type { SourceIngester } from "./types.js";

export * from "./csv.js";
export * from "./files.js";
export { readOfstedTimeSeries, type TimeSeriesTable, yearOfAsAt } from "./ofsted/ofsted-time-series.js";
export * from "./table-writer.js";
export { type IngestRun, runIngesters } from "./testing/build-fixture.js";
export { SHARED_DATA_ENV, sharedDataDir } from "./testing/shared-data.js";
export * from "./types.js";

/**
 * Every known source, in build order (reference data first: later parsers map names to
 * council codes). Add a parser here to make the build discover it.
 */
export const INGESTERS: readonly SourceIngester[] = [
  laReferenceIngester,
  ofstedProvidersIngester,
  ofstedInspectionsIngester,
  ofstedJoinersLeaversIngester,
  ofstedIlacsIngester,
  contractsFinderOcdsIngester,
  findATenderIngester,
  publicContractsScotlandIngester,
  sell2walesIngester,
  norfolkRegisterIngester,
  salfordRegisterIngester,
  // After Contracts Finder: these reject notices it already loaded.
  lancashireDerivedIngester,
  homeOfficeAwardsIngester,
  s251OutturnIngester,
  derivedClaSpendIngester,
  devonSpendIngester,
  devonGrantsIngester,
  darlingtonSpendIngester,
  salfordSpendIngester,
  wakefieldSpendIngester,
  claPlacementsIngester,
  claOutcomesIngester,
  foiChildrensHomesIngester,
  cswwIndicatorsIngester,
];
