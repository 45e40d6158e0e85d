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

  it("computes the same numbers from running counts over distinct values as from the rows themselves", async () => {
    const inputs = [
      { metric: "median_duration_months", groupBy: "model" as const, bins: 7 },
      { metric: "median_duration_months", bins: 3, maxOutliers: 1 },
      { metric: "median_duration_months", groupBy: "service" as const },
    ];
    for (const input of inputs) {
      const viaCounts = await distribution(fx.connection, input, {}, Number.MAX_SAFE_INTEGER);
      const viaRows = await distribution(fx.connection, input, {}, 0);
      expect(viaCounts).toEqual(viaRows);
    }
  });

  it("caps tied outliers mid-run, most extreme first, and interpolates quartiles between values", async () => {
    // market-led: 1 … 8 and four 100s → q1 at rank 2.75 = 3.75, median 6.5, q3 at rank 8.25 = 100, no outliers.
    // cooperative: 0, 10 … 21 and three 100s → q1 12.75, median 16.5, q3 20.25, fences 1.5 and 31.5:
    // outliers 0 and the 100s, of which the two most extreme are kept.
    const ties = await fixtureWarehouse({
      local_authorities: [KENT],
      contracts: [
        ...[1, 2, 3, 4, 5, 6, 7, 8, 100, 100, 100, 100].map((m) =>
          contract({ commissioning_model: "market-led", duration_months: m }),
        ),
        ...[0, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 100, 100, 100].map((m) =>
          contract({ commissioning_model: "cooperative", duration_months: m }),
        ),
      ],
    });
    try {
      for (const limit of [Number.MAX_SAFE_INTEGER, 0]) {
        const input = { metric: "median_duration_months", groupBy: "model" as const, maxOutliers: 2, bins: 4 };
        const result = await distribution(ties.connection, input, {}, limit);
        const [coop, market] = result.groups;
        expect(market).toMatchObject({ n: 12, q1: 3.75, median: 6.5, q3: 100, outlierCount: 0, outliers: [] });
        expect(market).toMatchObject({ whiskerLow: 1, whiskerHigh: 100, histogram: [8, 0, 0, 4] });
        expect(coop).toMatchObject({ n: 16, q1: 12.75, median: 16.5, q3: 20.25, whiskerLow: 10, whiskerHigh: 21 });
        expect(coop).toMatchObject({ outlierCount: 4, outliers: [100, 100], histogram: [13, 0, 0, 3] });
        expect(result.binEdges).toEqual([0, 25, 50, 75, 100]);

        // All 28 together: q1 6.75, median 14.5, q3 at rank 20.25 = 21 + 0.25 × 79 = 40.75; seven 100s beyond 91.75.
        const pooled = await distribution(
          ties.connection,
          { metric: "median_duration_months", maxOutliers: 3 },
          {},
          limit,
        );
        expect(pooled.groups[0]).toMatchObject({ n: 28, q1: 6.75, median: 14.5, q3: 40.75, whiskerHigh: 21 });
        expect(pooled.groups[0]).toMatchObject({ outlierCount: 7, outliers: [100, 100, 100] });
      }
    } finally {
      ties.close();
    }
  });

  it("refuses metrics without a row-level value", async () => {
    await expect(distribution(fx.connection, { metric: "share_36_months" })).rejects.toThrow(/row-level value/);
  });
});
