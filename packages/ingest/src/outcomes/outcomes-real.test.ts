/**
 * council_indicators on the real DfE files. Expected counts and values were worked out from
 * the raw CSVs independently of this code (python csv: the record of each area, year and
 * category, and the arithmetic below), for England, Kent (886), Leeds (383) and the South East.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IngestRun } from "../testing/build-fixture.js";
import { runIngesters } from "../testing/build-fixture.js";
import { sharedDataDir } from "../testing/shared-data.js";
import { claOutcomesIngester, cswwIndicatorsIngester, foiChildrensHomesIngester } from "./council-indicators.js";

const shared = sharedDataDir();
const INGESTERS = [claOutcomesIngester, foiChildrensHomesIngester, cswwIndicatorsIngester];

type Row = { value: number | null; numerator: number | null; denominator: number | null; marker: string | null };

describe.skipIf(!shared)("council_indicators on the real DfE files", () => {
  const runs: IngestRun[] = [];
  const one = async (
    run: IngestRun,
    indicator: string,
    area: string,
    year = 2024,
    breakdown: string | null = null,
  ): Promise<Row> => {
    const level = area === "England" ? "england" : /^\d{3}$/.test(area) ? "council" : "region";
    const reader = await run.connection.runAndReadAll(
      `SELECT value, numerator, denominator, marker FROM council_indicators
       WHERE indicator = $indicator AND year = $year AND geographic_level = $level
         AND coalesce(la_code, region_name, '') = $area AND ($breakdown IS NULL OR breakdown = $breakdown)`,
      { indicator, year, level, area: level === "england" ? "" : area, breakdown },
    );
    const rows = reader.getRowObjectsJson() as unknown as Row[];
    expect(rows, `${indicator} ${area} ${year}`).toHaveLength(1);
    return rows[0]!;
  };
  const statsOf = (run: IngestRun) =>
    Object.fromEntries(run.stats.map((s) => [s.file, [s.rowsRead, s.rowsKept, s.rowsRejected]]));

  let cla: IngestRun;
  let foi: IngestRun;
  let csww: IngestRun;
  beforeAll(async () => {
    cla = await runIngesters(join(shared!, "dfe-cla-la-outcomes"), INGESTERS);
    foi = await runIngesters(join(shared!, "dfe-foi-childrens-homes"), INGESTERS);
    csww = await runIngesters(join(shared!, "dfe-csww"), INGESTERS);
    runs.push(cla, foi, csww);
  });
  afterAll(async () => {
    for (const r of runs) await r.close();
  });

  it("reads the outcome files with exact counts; the files outside the brief are not claimed", () => {
    expect(statsOf(cla)).toEqual({
      "la_care_leavers_accommodation_suitability.csv": [6680, 6680, 0],
      "la_care_leavers_accommodation_suitability_22to25.csv": [5312, 5312, 0],
      "la_care_leavers_activity.csv": [20040, 20040, 0],
      "la_cla_during_year_new_placements.csv": [15865, 15865, 0],
      "la_cla_placement_stability.csv": [5010, 5010, 0],
    });
  });

  it("reads both FOI parts with exact counts", () => {
    expect(statsOf(foi)).toEqual({
      "foi_2024_0040813_part1_net_gain.csv": [1859, 1859, 0],
      "foi_2024_0040813_part2_outside_boundary.csv": [1870, 1870, 0],
    });
  });

  it("reads the workforce indicators; joint returns of two councils are rejected by name", () => {
    expect(statsOf(csww)).toEqual({
      "SFR07_2016_UD.csv": [164, 164, 0],
      "SFR08_2017_UD.csv": [164, 164, 0],
      "csww_indicators_2017_to_2024.csv": [1300, 1288, 12],
    });
    const reasons = new Map<string, number>();
    for (const r of csww.rejects) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
    expect(Object.fromEntries(reasons)).toEqual({
      "joint figure for councils 314 and 318: neither council's own": 8,
      "joint figure for councils 940 and 941: neither council's own": 4,
    });
  });

  it("does not claim DfE's all-placements net-gain file (same characteristic, not children's homes)", async () => {
    const run = await runIngesters(join(shared!, "dfe-cla-la"), INGESTERS);
    runs.push(run);
    expect(run.stats).toEqual([]);
  });

  it("three or more placements: England, Kent, Leeds and the South East as the file gives them", async () => {
    // 'CLA on 31 March': 'With 3 or more placements during the year' / 'Total children', 2024.
    expect(await one(cla, "cla_three_plus_placements", "England")).toMatchObject({
      numerator: 8690,
      denominator: 83630,
    });
    expect(await one(cla, "cla_three_plus_placements", "886")).toMatchObject({ numerator: 221, denominator: 1960 });
    expect((await one(cla, "cla_three_plus_placements", "886")).value).toBeCloseTo(221 / 1960, 12);
    expect(await one(cla, "cla_three_plus_placements", "383")).toMatchObject({ numerator: 238, denominator: 1549 });
    expect(await one(cla, "cla_three_plus_placements", "South East")).toMatchObject({
      numerator: 1370,
      denominator: 11180,
    });
  });

  it("same carer for two years: England, Kent, Leeds", async () => {
    expect(await one(cla, "cla_same_carer_2y", "England")).toMatchObject({ numerator: 19750, denominator: 29000 });
    expect(await one(cla, "cla_same_carer_2y", "886")).toMatchObject({ numerator: 300, denominator: 448 });
    expect(await one(cla, "cla_same_carer_2y", "383")).toMatchObject({ numerator: 396, denominator: 555 });
  });

  it("placement changes for provider closure; Leeds's suppressed count is NULL with its marker, never 0", async () => {
    expect(await one(cla, "placement_changes_provider_closure", "England")).toMatchObject({
      numerator: 530,
      denominator: 66070,
    });
    expect(await one(cla, "placement_changes_provider_closure", "886")).toMatchObject({
      numerator: 13,
      denominator: 1856,
    });
    expect(await one(cla, "placement_changes_provider_closure", "383")).toEqual({
      value: null,
      numerator: null,
      denominator: null,
      marker: "c",
    });
  });

  it("new placements over 20 miles: (inside + outside > 20 miles) ÷ (total − distance not known)", async () => {
    // England 4,270 + 14,980 over 98,730 − 15,970; Kent 397 + 259 over 4,621 − 2,856; Leeds 20 + 293 over 2,316 − 249.
    const england = await one(cla, "new_placements_over_20_miles", "England");
    expect(england).toMatchObject({ numerator: 19250, denominator: 82760 });
    expect(await one(cla, "new_placements_over_20_miles", "886")).toMatchObject({ numerator: 656, denominator: 1765 });
    expect(await one(cla, "new_placements_over_20_miles", "383")).toMatchObject({ numerator: 313, denominator: 2067 });
  });

  it("care leavers aged 19–21: suitable accommodation and EET over those whose answer is known", async () => {
    // Suitable ÷ (Suitability total − No information); EET ÷ (Total − Total information not known).
    expect(await one(cla, "care_leavers_suitable_accommodation", "England", 2024, "19 to 21")).toMatchObject({
      numerator: 31630,
      denominator: 36110 - 2440,
    });
    expect(await one(cla, "care_leavers_suitable_accommodation", "886", 2024, "19 to 21")).toMatchObject({
      numerator: 1006,
      denominator: 1191 - 94,
    });
    expect(await one(cla, "care_leavers_suitable_accommodation", "383", 2024, "19 to 21")).toMatchObject({
      numerator: 475,
      denominator: 552 - 48,
    });
    expect(await one(cla, "care_leavers_eet", "England", 2024, "19 to 21")).toMatchObject({
      numerator: 19550,
      denominator: 36370 - 2520,
    });
    expect(await one(cla, "care_leavers_eet", "886", 2024, "19 to 21")).toMatchObject({
      numerator: 664,
      denominator: 1203 - 94,
    });
    expect(await one(cla, "care_leavers_eet", "383", 2024, "19 to 21")).toMatchObject({
      numerator: 282,
      denominator: 554 - 48,
    });
  });

  it("every council share rounds to the file's own whole percentage; England and regions within rounding", async () => {
    // Council counts are exact, so count ÷ total rounds to DfE's percentage. England and regional
    // counts are rounded to the nearest 10 while DfE's percentage comes from the unrounded counts.
    const reader = await cla.connection.runAndReadAll(
      `SELECT geographic_level AS level, count(*)::INTEGER AS n,
              count(*) FILTER (WHERE abs(value * 100 - published_value) > 0.5 + 1e-9)::INTEGER AS off,
              max(abs(value * 100 - published_value))::DOUBLE AS worst
       FROM council_indicators WHERE value IS NOT NULL AND published_value IS NOT NULL
       GROUP BY ALL ORDER BY 1`,
    );
    const byLevel = Object.fromEntries(
      (reader.getRowObjectsJson() as { level: string; n: number; off: number; worst: number }[]).map((r) => [
        r.level,
        r,
      ]),
    );
    expect(byLevel.council).toMatchObject({ off: 0 });
    expect(byLevel.council!.n).toBeGreaterThan(35000);
    expect(byLevel.england!.worst).toBeLessThan(1);
    expect(byLevel.region!.worst).toBeLessThan(1.5);
  });

  it("no suppressed cell becomes a 0: every marker row has a NULL value", async () => {
    for (const run of [cla, foi, csww]) {
      const reader = await run.connection.runAndReadAll(
        "SELECT count(*)::INTEGER AS n FROM council_indicators WHERE marker IS NOT NULL AND value IS NOT NULL",
      );
      expect(reader.getRowObjectsJson()[0]!.n).toBe(0);
    }
  });

  it("workforce rates are DfE's published rates for England, Kent and Leeds (SFR files for 2015 and 2016)", async () => {
    const rates = async (area: string, year = 2024) =>
      Promise.all(
        ["social_worker_agency_rate", "social_worker_turnover", "social_worker_vacancy_rate"].map(
          async (i) => (await one(csww, i, area, year)).value,
        ),
      );
    const close = (got: (number | null)[], want: number[]) => {
      for (const [i, w] of want.entries()) expect(got[i]).toBeCloseTo(w / 100, 12);
    };
    close(await rates("England"), [16.2, 13.8, 17.3]);
    close(await rates("886"), [14, 11.1, 15.1]);
    close(await rates("383"), [5.2, 9, 7.2]);
    // 30 September 2015 and 2016 (2015's rates are whole numbers).
    close(await rates("England", 2015), [16, 16, 17]);
    close(await rates("886", 2016), [13.7, 10, 16.8]);
    close(await rates("383", 2016), [4, 8.8, 2.4]);
    // SFR08's "27,700" (quoted, thousands comma) is 27,700 FTE.
    expect(await one(csww, "social_worker_agency_rate", "England", 2016)).toMatchObject({
      numerator: 5330,
      denominator: 5330 + 27700,
    });
    // The FTEs behind Kent's agency rate: 125 agency of 125 + 769.2.
    expect(await one(csww, "social_worker_agency_rate", "886")).toMatchObject({ numerator: 125, denominator: 894.2 });
  });

  it("FOI: net gain and placements outside the council for England, Kent and Leeds", async () => {
    expect(await one(foi, "homes_net_gain", "England")).toMatchObject({ value: -300 });
    expect(await one(foi, "homes_net_gain", "886")).toMatchObject({ value: 146 });
    expect(await one(foi, "homes_net_gain", "383")).toMatchObject({ value: -89 });
    expect(await one(foi, "homes_placed_outside_council", "England")).toMatchObject({ value: 0.67, numerator: 5760 });
    expect(await one(foi, "homes_placed_outside_council", "886")).toMatchObject({ value: 0.41, numerator: 60 });
    expect(await one(foi, "homes_placed_outside_council", "383")).toMatchObject({ value: 0.76, numerator: 114 });
  });
});
