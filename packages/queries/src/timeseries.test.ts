import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contract, fixtureWarehouse, KENT, provider } from "./test-fixture.js";
import { timeseries } from "./timeseries.js";

let fx: Awaited<ReturnType<typeof fixtureWarehouse>>;
beforeAll(async () => {
  fx = await fixtureWarehouse({
    local_authorities: [KENT],
    contracts: [
      // market-led: 2018 ×2, 2020 ×1 (no 2019); cooperative: 2019 ×1; one contract with no year
      contract({ commissioning_model: "market-led", year: 2018 }),
      contract({ commissioning_model: "market-led", year: 2018 }),
      contract({ commissioning_model: "market-led", year: 2020 }),
      contract({ commissioning_model: "cooperative", year: 2019 }),
      contract({ commissioning_model: "cooperative", year: null }),
    ],
    provider_snapshots: [
      ...["Good", "Good", "Outstanding", "Inadequate", "Good"].map((r) =>
        provider({ year: 2021, overall_rating: r, sector: "Private" }),
      ),
      provider({ year: 2022, overall_rating: "Good", sector: "Private" }),
    ],
  });
});
afterAll(() => fx.close());

describe("timeseries", () => {
  it("draws one series per model with explicit gaps, never zeros", async () => {
    const result = await timeseries(fx.connection, { metric: "contracts", dimension: "model" });
    expect(result.years).toEqual([2018, 2019, 2020]);
    expect(result.seriesBy).toEqual(["model"]);
    const market = result.series.find((s) => s.key.model === "market-led")!;
    expect(market.points.map((p) => [p.year, p.value, p.missing])).toEqual([
      [2018, 2, false],
      [2019, null, true],
      [2020, 1, false],
    ]);
    const coop = result.series.find((s) => s.key.model === "cooperative")!;
    expect(coop.points.map((p) => p.value)).toEqual([null, 1, null]);
    // The year-less contract stays in the flat rows (and the CSV), it just has no place on the axis.
    expect(result.rows.some((r) => r.dims.year === null && r.value === 1)).toBe(true);
  });

  it("keeps suppressed years as suppressed points with their n", async () => {
    const result = await timeseries(fx.connection, { metric: "homes_good_outstanding", dimension: "sector" });
    const [s] = result.series;
    expect(s!.points).toEqual([
      expect.objectContaining({ year: 2021, value: 0.8, numerator: 4, denominator: 5, suppressed: false }),
      expect.objectContaining({ year: 2022, value: null, n: 1, suppressed: true, missing: false }),
    ]);
  });

  it("splits a mix metric by its own categories", async () => {
    const result = await timeseries(fx.connection, { metric: "homes_rating_mix" });
    expect(result.seriesBy).toEqual(["rating"]);
    expect(result.series.find((s) => s.key.rating === "Good")!.points[0]).toMatchObject({ value: 0.6 });
  });

  it("rejects year as the series dimension and metrics without years", async () => {
    await expect(timeseries(fx.connection, { metric: "contracts", dimension: "year" })).rejects.toThrow(/x axis/);
  });
});
