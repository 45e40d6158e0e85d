/**
 * THE comparison: the warehouse's counts against Ofsted's own national time series in the
 * official 2025 workbook. Definitions (documented in docs/warehouse/ofsted.md):
 * - homes (Table 6a "Children's Homes") = provider_snapshots rows with provision_type =
 *   'Children's home' (Active and Suspended; secure homes and residential special schools
 *   are other types) in a file that covers all registered providers;
 * - places (Table 6b) = sum(places) over the same rows;
 * - all providers (Table 6a "All") = every row of such a file;
 * - judgements (Table 8c) = the same homes by overall_rating, in any file with judgements
 *   (an inspected-only file still lists every inspected home).
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type IngestRun, runIngesters } from "../testing/build-fixture.js";
import { sharedDataDir } from "../testing/shared-data.js";
import { readOfstedTimeSeries, type TimeSeriesTable, yearOfAsAt } from "./ofsted-time-series.js";
import { ofstedProvidersIngester } from "./providers.js";

const DATA = sharedDataDir();

it("reads Ofsted's three date spellings", () => {
  expect(["Monday, March 31, 2025", "31 March 2015 [Note 3]", "31-Mar-19"].map(yearOfAsAt)).toEqual([2025, 2015, 2019]);
});

describe.skipIf(DATA === null)("warehouse vs Ofsted's published national time series (2025 ODS)", () => {
  let run: IngestRun;
  let tables: Map<string, TimeSeriesTable>;
  let homes: Map<string, Record<string, number>>;
  beforeAll(async () => {
    tables = readOfstedTimeSeries(join(DATA!, "ofsted-providers", "provider_at_march_2025.ods"), [
      "Providers+places_Time_series",
      "Latest_OE_31_Mar_Time_Series",
    ]);
    run = await runIngesters(join(DATA!, "ofsted-providers"), [ofstedProvidersIngester]);
    const rows = (
      await run.connection.runAndReadAll(
        `SELECT source_file, year, covers_all_registered AS covers,
           count(*) FILTER (provision_type = 'Children''s home')::INTEGER AS homes,
           sum(places) FILTER (provision_type = 'Children''s home')::INTEGER AS places,
           count(*)::INTEGER AS providers,
           count(*) FILTER (provision_type = 'Children''s home' AND overall_rating = 'Outstanding')::INTEGER AS o,
           count(*) FILTER (provision_type = 'Children''s home' AND overall_rating = 'Good')::INTEGER AS g,
           count(*) FILTER (provision_type = 'Children''s home' AND overall_rating = 'Requires improvement')::INTEGER AS ri,
           count(*) FILTER (provision_type = 'Children''s home' AND overall_rating = 'Inadequate')::INTEGER AS i
         FROM provider_snapshots GROUP BY ALL`,
      )
    ).getRowObjectsJson();
    homes = new Map(
      rows.map((r) => [
        String(r.source_file),
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "boolean" ? Number(v) : Number(v)])),
      ]),
    );
  }, 120_000);
  afterAll(async () => run?.close());

  const official = (table: string, year: number, column: string) =>
    tables.get(table)?.byYear.get(year)?.get(column) ?? Number.NaN;
  const judgements = (year: number) =>
    ["Outstanding", "Good", "Requires improvement to be good", "Inadequate"].map((c) => official("8c", year, c));
  const mine = (file: string) => {
    const r = homes.get(`provider_at_march_${file}.csv`)!;
    return [r.o, r.g, r.ri, r.i];
  };

  it.each([
    ["2018_part2", 2018],
    ["2021", 2021],
    ["2022", 2022],
    ["2025", 2025],
  ])("homes and places equal Table 6a/6b where the file covers all registered (%s)", (file, year) => {
    const r = homes.get(`provider_at_march_${file}.csv`)!;
    expect(r.covers).toBe(1);
    expect([r.homes, r.places]).toEqual([
      official("6a", year, "Children's Homes"),
      official("6b", year, "Children's Homes"),
    ]);
  });

  it("all providers equal Table 6a 'All' except the 4 Welsh premises rejected in 2025", () => {
    expect(["2018_part2", "2021", "2022"].map((f) => homes.get(`provider_at_march_${f}.csv`)!.providers)).toEqual([
      official("6a", 2018, "All"),
      official("6a", 2021, "All"),
      official("6a", 2022, "All"),
    ]);
    expect(homes.get("provider_at_march_2025.csv")!.providers).toBe(official("6a", 2025, "All") - 4);
  });

  it.each([2016, 2017, 2020, 2021, 2022, 2024, 2025])("children's homes by judgement equal Table 8c (%i)", (year) => {
    expect(mine(String(year))).toEqual(judgements(year));
  });

  it("documents the three years where Ofsted's Table 8c disagrees with its own provider files", () => {
    // 2018: the published row differs from the 31 March 2018 file in every category.
    expect(mine("2018")).toEqual([332, 1328, 348, 30]);
    expect(judgements(2018)).toEqual([331, 1323, 335, 40]);
    // 2019: the published row reproduces the 2018 file exactly, not the 2019 file.
    expect(judgements(2019)).toEqual(mine("2018"));
    expect(mine("2019")).toEqual([387, 1312, 387, 26]);
    // 2023: two homes whose latest event is a monitoring inspection judged "requires
    // improvement" are left out of the published row (other years count such rows).
    expect(mine("2023")).toEqual([288, 1962, 508, 63]);
    expect(judgements(2023)).toEqual([288, 1962, 506, 63]);
  });
});
