import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchmark, competitionRank } from "./benchmark.js";
import { scatter } from "./scatter.js";
import { contract, fixtureWarehouse, KENT, LEEDS, provider } from "./test-fixture.js";

const SE = (code: string, name: string) => ({
  la_code: code,
  ons_code: `E0${code}`,
  name,
  region: "South East",
  la_type: "Unitary",
});
/** `long` of `n` contracts in a council and year last 48 months, the rest 12. */
const lengths = (la: string, n: number, long: number, year = 2020) =>
  Array.from({ length: n }, (_, i) => contract({ la_code: la, year, duration_months: i < long ? 48 : 12 }));

let fx: Awaited<ReturnType<typeof fixtureWarehouse>>;
beforeAll(async () => {
  fx = await fixtureWarehouse({
    local_authorities: [KENT, LEEDS, SE("800", "Alpha"), SE("801", "Beta"), SE("802", "Gamma")],
    statistical_neighbours: [
      { la_code: "886", neighbour_la_code: "800", rank: 1 },
      { la_code: "886", neighbour_la_code: "801", rank: 2 },
      { la_code: "886", neighbour_la_code: "383", rank: 3 },
    ],
    contracts: [
      ...lengths("886", 5, 3), // 0.6
      ...lengths("886", 5, 2, 2019), // 0.4 the year before
      ...lengths("800", 5, 3), // 0.6 (a tie with Kent)
      ...lengths("801", 5, 5), // 1.0
      ...lengths("383", 5, 1), // 0.2
      ...lengths("802", 2, 2), // below the minimum n: not ranked
    ],
    provider_snapshots: [
      ...[1, 2, 3, 4, 5].map((i) => provider({ la_code: "886", overall_rating: i < 5 ? "Good" : "Inadequate" })),
      ...[1, 2, 3, 4, 5].map(() => provider({ la_code: "383", overall_rating: "Outstanding" })),
      ...[1, 2, 3, 4, 5].map((i) => provider({ la_code: "801", overall_rating: i <= 3 ? "Good" : "Inadequate" })),
      provider({ la_code: "800", overall_rating: "Good" }),
    ],
  });
});
afterAll(() => fx.close());

describe("benchmark", () => {
  it("places a council against its neighbours, region and England with a competition rank", async () => {
    const result = await benchmark(fx.connection, {
      council: "886",
      metrics: ["share_36_months"],
      filters: { from: 2020, to: 2020 },
    });
    expect(result.council).toEqual({ laCode: "886", name: "Kent", region: "South East" });
    const [m] = result.metrics;
    expect(m!.council).toMatchObject({ value: 0.6, numerator: 3, denominator: 5 });
    // Shown values 1.0, 0.6, 0.6, 0.2 → ranks 1, 2, 2, 4
    expect(m).toMatchObject({ rank: 2, rankOf: 4, quartile: 2 });
    expect(m!.neighbours.map((n) => [n.laCode, n.rank, n.value?.value])).toEqual([
      ["800", 1, 0.6],
      ["801", 2, 1],
      ["383", 3, 0.2],
    ]);
    // Pooled, not averaged: (3 + 5 + 1) / 15; region (3 + 3 + 5 + 2) / 17; England 14 / 22
    expect(m!.neighbourAverage).toMatchObject({ numerator: 9, denominator: 15 });
    expect(m!.region).toMatchObject({ numerator: 13, denominator: 17 });
    expect(m!.england).toMatchObject({ numerator: 14, denominator: 22 });
    expect(m!.target).toMatchObject({ value: 1 });
    expect(m!.target!.gap).toBeCloseTo(0.4);
    // Trend over all years, other filters kept
    expect(m!.trend.council.map((t) => [t.year, t.value])).toEqual([
      [2019, 0.4],
      [2020, 0.6],
    ]);
    expect(m!.change).toBeCloseTo(0.2);
    expect(m!.trend.england.map((t) => t.year)).toEqual([2019, 2020]);
    // Who supplied the rows, over England's 22 with these filters: Kent 5 of them (ties go to the lower code: 383 has 5 too).
    expect(m!.concentration.find((c) => c.dimension === "council")).toMatchObject({ rows: 5, total: 22 });
    expect(m!.sources.reduce((a, x) => a + x.rows, 0)).toBe(22);
    expect(m!.concentration.find((c) => c.dimension === "source")).toMatchObject({ share: 1 });
    expect(m!.sentence).toMatch(/^All of these contracts come from /);
  });

  it("gives no rank to a suppressed council and rejects unknown councils and mixes", async () => {
    const result = await benchmark(fx.connection, { council: "802", metrics: ["share_36_months", "contracts"] });
    expect(result.metrics[0]).toMatchObject({ rank: null, quartile: null, council: { suppressed: true } });
    expect(result.metrics[0]!.neighbours).toEqual([]);
    expect(result.metrics[1]).toMatchObject({ rank: 5, rankOf: 5 }); // 2 contracts: fewest, neutral metric ranks high first
    await expect(benchmark(fx.connection, { council: "999", metrics: ["contracts"] })).rejects.toThrow(
      /unknown council/,
    );
    await expect(benchmark(fx.connection, { council: "886", metrics: ["procedure_mix"] })).rejects.toThrow(
      /single-valued/,
    );
    await expect(
      benchmark(fx.connection, { council: "886", metrics: ["contracts"], filters: { region: ["London"] } }),
    ).rejects.toThrow();
  });

  it("ranks ties together and follows polarity", () => {
    expect(competitionRank(0.6, [1, 0.6, 0.6, 0.2], true)).toBe(2);
    expect(competitionRank(0.2, [1, 0.6, 0.6, 0.2], true)).toBe(4);
    expect(competitionRank(0.2, [1, 0.6, 0.6, 0.2], false)).toBe(1);
  });
});

describe("scatter", () => {
  it("pairs two metrics per council, null where unknown or suppressed, with the filters each could not take", async () => {
    const result = await scatter(fx.connection, {
      x: "share_36_months",
      y: "homes_good_outstanding",
      filters: { from: 2020, to: 2020, procedure: ["open", "unknown"] },
    });
    expect(result.points).toHaveLength(5);
    const byCode = Object.fromEntries(result.points.map((p) => [p.laCode, p]));
    expect(byCode["886"]).toMatchObject({ x: null, xN: 0 }); // no contract has a procedure: filtered out, not 0
    const plain = await scatter(fx.connection, { x: "share_36_months", y: "homes_good_outstanding" });
    const p = Object.fromEntries(plain.points.map((q) => [q.laCode, q]));
    expect(p["886"]).toMatchObject({ x: 0.5, y: 0.8 });
    expect(p["800"]).toMatchObject({ x: 0.6, y: null, ySuppressed: true, yN: 1 });
    expect(p["802"]).toMatchObject({ x: null, xSuppressed: true });
    // Pairs: Kent (0.5, 0.8), Leeds (0.2, 1.0), Beta (1.0, 0.6)
    expect(plain.pairs).toBe(3);
    expect(plain.pearson).toBeCloseTo(-0.16 / Math.sqrt((0.98 / 3) * 0.08), 9);
    expect(result.ignoredFilters).toEqual({ x: [], y: ["procedure"] });
    // Each axis says who supplied its rows, as compare does: homes from four councils, 16 in all.
    expect(plain.answers.y.concentration.find((c) => c.dimension === "council")).toMatchObject({ total: 16 });
    expect(plain.answers.y.sources.reduce((a, x) => a + x.rows, 0)).toBe(16);
    expect(plain.answers.x.sources.length).toBeGreaterThan(0);
  });
});
