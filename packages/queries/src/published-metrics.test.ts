/**
 * Published-figure metrics (council_indicators): England, regional and council rows are each
 * the publisher's own, never pooled; the latest year stands for a group of years, even when it
 * is suppressed; the benchmark reads England and the region from their own rows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchmark } from "./benchmark.js";
import { compare } from "./compare.js";
import { fixtureWarehouse, KENT, LEEDS } from "./test-fixture.js";

type Row = Record<string, string | number | boolean | null>;
const figure = (level: string, area: Partial<Row>, year: number, value: number | null, extra: Row = {}): Row => ({
  indicator: "cla_three_plus_placements",
  year,
  geographic_level: level,
  measure: "fixture",
  value,
  source: "dfe-cla-outcomes",
  source_file: "fixture.csv",
  ...area,
  ...extra,
});

let fx: Awaited<ReturnType<typeof fixtureWarehouse>>;
beforeAll(async () => {
  fx = await fixtureWarehouse({
    local_authorities: [KENT, LEEDS, { ...KENT, la_code: "887", ons_code: "E06000035", name: "Medway" }],
    statistical_neighbours: [
      { la_code: "886", neighbour_la_code: "887", rank: 1 },
      { la_code: "886", neighbour_la_code: "383", rank: 2 },
    ],
    council_indicators: [
      // England's own row is 0.10, whatever the councils' values would pool to.
      figure("england", {}, 2023, 0.09),
      figure("england", {}, 2024, 0.1, { numerator: 8690, denominator: 83630 }),
      figure("region", { region_code: "E12000008", region_name: "South East" }, 2024, 0.12),
      figure("council", { la_code: "886", region_name: "South East" }, 2023, 0.2),
      figure("council", { la_code: "886", region_name: "South East" }, 2024, 0.11, {
        numerator: 221,
        denominator: 1960,
      }),
      figure("council", { la_code: "887", region_name: "South East" }, 2024, 0.3),
      // Leeds's latest year is suppressed: it stays blank, 2023 is not shown in its place.
      figure("council", { la_code: "383", region_name: "Yorkshire and the Humber" }, 2023, 0.14),
      figure("council", { la_code: "383", region_name: "Yorkshire and the Humber" }, 2024, null, { marker: "c" }),
      // A council abolished before the latest year: absent from a latest-year answer, not ranked on 2023.
      figure("council", { la_code: "909", region_name: "North West" }, 2023, 0.5),
      // London's halves are kept under their own level, never as a second London.
      figure("sub-region", { region_code: "E13000001", region_name: "Inner London" }, 2024, 0.4),
      // Another indicator in the same table is never mixed in.
      figure("council", { la_code: "886" }, 2024, 0.99, { indicator: "cla_same_carer_2y" }),
    ],
  });
});
afterAll(() => fx.close());

const values = (rows: { dims: Record<string, unknown>; value: number | null; suppressed: boolean }[]) =>
  rows.map((r) => [...Object.values(r.dims), r.value, r.suppressed]);

describe("published-figure metrics", () => {
  it("England is the England row, by year and overall (latest year)", async () => {
    const byYear = await compare(fx.connection, { metric: "cla_three_plus_placements", groupBy: ["year"] });
    expect(values(byYear.rows)).toEqual([
      [2023, 0.09, false],
      [2024, 0.1, false],
    ]);
    const overall = await compare(fx.connection, { metric: "cla_three_plus_placements", groupBy: [] });
    expect(overall.rows[0]).toMatchObject({ value: 0.1, numerator: 8690, denominator: 83630 });
    // No council "contributes" to England's own figure; the source is still named.
    expect(overall.concentration.filter((c) => c.dimension === "council")).toEqual([]);
    expect(overall.sources.map((s) => [s.id, s.rows])).toEqual([["dfe-cla-outcomes", 1]]);
    // Said in words in every export of a latest-year answer; a by-year answer needs no such line.
    expect(overall.caveats.join(" ")).toMatch(/latest year in the selection/);
    expect(byYear.caveats).toEqual([]);
  });

  it("by council: the latest year; a suppressed latest year is blank, not an older value", async () => {
    const r = await compare(fx.connection, { metric: "cla_three_plus_placements", groupBy: ["council"] });
    expect(values(r.rows)).toEqual([
      ["383", null, true],
      ["886", 0.11, false],
      ["887", 0.3, false],
    ]);
  });

  it("by region: the regional rows, not a pool of councils", async () => {
    const r = await compare(fx.connection, {
      metric: "cla_three_plus_placements",
      groupBy: ["region"],
      filters: { from: 2024, to: 2024 },
    });
    expect(values(r.rows)).toEqual([["South East", 0.12, false]]);
  });

  it("benchmark: council, neighbour, region and England each from their own rows; pooled neighbours have none", async () => {
    const result = await benchmark(fx.connection, { council: "886", metrics: ["cla_three_plus_placements"] });
    const [m] = result.metrics;
    expect(m!.council).toMatchObject({ value: 0.11 });
    expect(m!.england).toMatchObject({ value: 0.1 });
    expect(m!.region).toMatchObject({ value: 0.12 });
    expect(m!.neighbours.map((n) => [n.laCode, n.value?.value])).toEqual([
      ["887", 0.3],
      ["383", null],
    ]);
    // Published rates of several councils cannot be pooled without their counts.
    expect(m!.neighbourAverage?.value ?? null).toBeNull();
    // Lower is better: 0.11 is the best shown value (Leeds is suppressed and not ranked).
    expect(m).toMatchObject({ rank: 1, rankOf: 2 });
    expect(m!.trend.council.map((t) => [t.year, t.value])).toEqual([
      [2023, 0.2],
      [2024, 0.11],
    ]);
  });
});
