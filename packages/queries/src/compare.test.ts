import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compare } from "./compare.js";
import { contract, fixtureWarehouse, KENT, LEEDS } from "./test-fixture.js";

// Market-led: 6 contracts with lengths 12, 24, 36, 36, 48, NULL (5 known, 3 of them ≥ 36).
// Cooperative: 2 contracts (below the minimum n of 5 for medians and shares).
// In-house: none — an empty group must simply be absent, never a zero.
const rows = [
  ...[12, 24, 36, 36, 48, null].map((m, i) =>
    contract({
      commissioning_model: "market-led",
      duration_months: m,
      annual_value_gbp: (i + 1) * 1000,
      la_code: i < 3 ? "886" : "383",
    }),
  ),
  contract({ commissioning_model: "cooperative", duration_months: 60, annual_value_gbp: 500 }),
  contract({ commissioning_model: "cooperative", duration_months: 12, annual_value_gbp: null, year: 2016 }),
  contract({ commissioning_model: "market-led", duration_months: 99, in_scope: false }),
];

let fx: Awaited<ReturnType<typeof fixtureWarehouse>>;
beforeAll(async () => {
  fx = await fixtureWarehouse({ local_authorities: [KENT, LEEDS], contracts: rows });
});
afterAll(() => fx.close());

describe("compare", () => {
  it("counts contracts by model, leaving out out-of-scope notices", async () => {
    const result = await compare(fx.connection, { metric: "contracts", groupBy: ["model"] });
    expect(result.rows.map((r) => [r.dims.model, r.value, r.n])).toEqual([
      ["cooperative", 2, 2],
      ["market-led", 6, 6],
    ]);
  });

  it("computes the ≥ 36-month share from numerator and denominator, with a Wilson interval", async () => {
    const result = await compare(fx.connection, { metric: "share_36_months", groupBy: ["model"] });
    const market = result.rows.find((r) => r.dims.model === "market-led")!;
    expect(market.numerator).toBe(3);
    expect(market.denominator).toBe(5);
    expect(market.value).toBeCloseTo(0.6);
    expect(market.ciLow).toBeCloseTo(0.2307, 3);
    expect(market.ciHigh).toBeCloseTo(0.8824, 3);
    const coop = result.rows.find((r) => r.dims.model === "cooperative")!;
    expect(coop).toMatchObject({ suppressed: true, value: null, n: 2 });
  });

  it("gives the median and quartiles over known values only", async () => {
    const result = await compare(fx.connection, { metric: "median_duration_months", groupBy: ["model"] });
    const market = result.rows.find((r) => r.dims.model === "market-led")!;
    expect(market).toMatchObject({ value: 36, n: 5, q1: 24, q3: 36, suppressed: false });
  });

  it("filters by region and year range with bound parameters", async () => {
    const result = await compare(fx.connection, {
      metric: "contracts",
      groupBy: [],
      filters: { region: ["South East"], from: 2017, to: 2025 },
    });
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]!.value).toBe(4);
  });

  it("treats hostile filter values as data, not SQL", async () => {
    const result = await compare(fx.connection, {
      metric: "contracts",
      groupBy: ["council"],
      filters: { source: ["sample' OR 1=1 --"] },
    });
    expect(result.rows).toEqual([]);
  });

  it("rejects a dimension the metric does not allow", async () => {
    await expect(compare(fx.connection, { metric: "contracts", groupBy: ["sector"] })).rejects.toThrow(/not available/);
  });
});
