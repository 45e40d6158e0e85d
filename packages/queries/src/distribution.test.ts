import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distribution } from "./distribution.js";
import { contract, fixtureWarehouse, KENT } from "./test-fixture.js";

let fx: Awaited<ReturnType<typeof fixtureWarehouse>>;
beforeAll(async () => {
  // market-led lengths: 10, 12, 12, 14, 16, 18, 60 (+ one unknown). q1 = 12, q3 = 17, IQR 5 → fences 4.5 and 24.5
  // cooperative: 24, 36 (below the minimum n of 5); in-house: none
  fx = await fixtureWarehouse({
    local_authorities: [KENT],
    contracts: [
      ...[10, 12, 12, 14, 16, 18, 60, null].map((m) =>
        contract({ commissioning_model: "market-led", duration_months: m }),
      ),
      contract({ commissioning_model: "cooperative", duration_months: 24 }),
      contract({ commissioning_model: "cooperative", duration_months: 36 }),
    ],
  });
});
afterAll(() => fx.close());

describe("distribution", () => {
  it("gives quartiles, Tukey whiskers, outliers and shared histogram bins", async () => {
    const result = await distribution(fx.connection, {
      metric: "median_duration_months",
      groupBy: "model",
      bins: 5,
    });
    const market = result.groups.find((g) => g.key === "market-led")!;
    expect(market).toMatchObject({
      n: 7,
      min: 10,
      q1: 12,
      median: 14,
      q3: 17,
      max: 60,
      whiskerLow: 10,
      whiskerHigh: 18,
      outlierCount: 1,
      outliers: [60],
      suppressed: false,
    });
    // Bins over the shown groups only: 10 … 60 in steps of 10
    expect(result.binEdges).toEqual([10, 20, 30, 40, 50, 60]);
    expect(market.histogram).toEqual([6, 0, 0, 0, 1]);
  });

  it("withholds a group below the minimum n whole, and has no row for an empty group", async () => {
    const result = await distribution(fx.connection, { metric: "median_duration_months", groupBy: "model" });
    expect(result.groups.map((g) => g.key)).toEqual(["cooperative", "market-led"]);
    expect(result.groups[0]).toMatchObject({ n: 2, suppressed: true, median: null, histogram: null, outliers: [] });
  });

  it("caps the outliers returned but reports their count", async () => {
    const result = await distribution(fx.connection, { metric: "median_duration_months", maxOutliers: 0 });
    expect(result.groups[0]).toMatchObject({ n: 9, q3: 24, outlierCount: 1, outliers: [] });
  });

  it("refuses metrics without a row-level value", async () => {
    await expect(distribution(fx.connection, { metric: "share_36_months" })).rejects.toThrow(/row-level value/);
  });
});
