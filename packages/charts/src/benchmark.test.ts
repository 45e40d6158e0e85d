import { getMetric } from "@lens/core";
import { describe, expect, it } from "vitest";
import type { BenchmarkMetric, BenchmarkResult } from "./api-types.js";
import { askDistanceInWords, buildBenchmarkSpec, buildTrendSpec, ordinal, rankInWords } from "./benchmark.js";
import { buildScatterSpec } from "./build-spec.js";
import { compareRow, comparisonAnswer } from "./fixtures.js";

// An area's value as the benchmark returns it: a compare row without its dims.
const area = (value: number | null, n = 100) => {
  const { dims: _dims, ...rest } = compareRow({}, value, n);
  return rest;
};

describe("benchmark wording", () => {
  it("ordinals", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 153].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "101st",
      "153rd",
    ]);
  });
  it("says rank and quartile, or why there is none", () => {
    const m = getMetric("share_36_months")!;
    expect(rankInWords({ rank: 119, of: 153, quartile: 4, value: 0.276 }, m, "Bradford")).toBe(
      "Bradford: 27.6% — ranked 119th of 153 councils with a published value (highest first), in the bottom quartile.",
    );
    expect(rankInWords(null, m, "Rutland")).toContain("no published value");
  });
  it("states the distance to the three-year ask from the API's gap", () => {
    const length = { council: area(23), target: { value: 36, label: "", gap: 13 } } as unknown as BenchmarkMetric;
    const share = { council: area(0.276, 116) } as unknown as BenchmarkMetric;
    expect(askDistanceInWords("Bradford", length, share)).toBe(
      "Bradford's median contract runs 23 mo, 13 mo short of the three-year ask; 27.6% of its 116 contracts with a known length run 36 months or more (the ask: all of them).",
    );
    expect(askDistanceInWords("X", undefined, undefined)).toContain("not published");
  });
});

const ctx = { isSample: false, builtAt: "2026-12-02T09:00:00Z", filtersInWords: "All years" };
const about = comparisonAnswer();

describe("who supplied a benchmark's and a scatter's rows", () => {
  it("says the concentration and names exactly the contributing sources on a benchmark, offering no exclusion", () => {
    const bm = {
      metric: "share_36_months",
      council: area(0.6),
      neighbours: [{ laCode: "888", name: "Lancashire", rank: 1, value: area(0.5) }],
      england: area(0.45),
      region: area(0.5),
      trend: { council: [], england: [] },
      ...about,
    } as unknown as BenchmarkMetric;
    const result = { council: { laCode: "886", name: "Kent", region: "South East" }, metrics: [bm] } as BenchmarkResult;
    const spec = buildBenchmarkSpec({ metric: getMetric("share_36_months")!, result, bm, ctx });
    expect(spec.disclosures).toEqual([about.sentence]);
    expect(spec.notes).toContain(about.sentence);
    expect(spec.source).toContain("Norfolk County Council contract register (2015)");
    expect(spec.source).toContain("Contracts Finder notices");
    expect(spec.source).not.toContain("Find a Tender");
    expect(spec.without).toBeUndefined();
  });

  it("names each axis's sentence by its measure on a scatter, and every contributing source once", () => {
    const x = getMetric("share_36_months")!;
    const y = getMetric("homes_good_outstanding")!;
    const spec = buildScatterSpec({
      id: "s",
      xMetric: x,
      yMetric: y,
      points: [],
      ctx,
      answers: {
        x: about,
        y: comparisonAnswer({
          sentence: null,
          sources: [{ id: "ofsted-providers", label: "Ofsted's provider files", rows: 50 }],
        }),
      },
    });
    expect(spec.disclosures).toEqual([`${x.shortLabel}: ${about.sentence}`]);
    expect(spec.source).toContain("Contracts Finder notices");
    expect(spec.source).toContain("Ofsted's provider files");
  });
});

describe("the benchmark trend", () => {
  const point = (year: number, value: number | null, n: number, suppressed = false) => ({ year, value, n, suppressed });
  const bm = {
    metric: "share_36_months",
    council: area(0.6),
    neighbours: [],
    england: area(0.45),
    region: null,
    // 2019 has no council point and 2020 is suppressed: both are gaps, never zero.
    trend: {
      council: [point(2017, 0.4, 40), point(2018, 0.5, 12), point(2020, null, 3, true)],
      england: [point(2017, 0.45, 900), point(2018, 0.47, 950), point(2019, 0.48, 990), point(2020, 0.5, 1000)],
    },
    ...about,
  } as unknown as BenchmarkMetric;
  const result = { council: { laCode: "886", name: "Kent", region: "South East" }, metrics: [bm] } as BenchmarkResult;
  const spec = buildTrendSpec({ metric: getMetric("share_36_months")!, result, bm, ctx });

  it("draws one line per area over every year, from the trend points themselves", () => {
    expect(spec.kind).toBe("line");
    expect(spec.categories).toEqual(["2017", "2018", "2019", "2020"]);
    // England first, so the council's line is drawn on top of it.
    expect(spec.series.map((s) => [s.label, s.values])).toEqual([
      ["England", [0.45, 0.47, 0.48, 0.5]],
      ["Kent", [0.4, 0.5, null, null]],
    ]);
    expect(spec.series[1]!.suppressed).toEqual([false, false, false, true]);
    expect(spec.series[1]!.smallN).toEqual([false, true, false, false]);
  });

  it("tables one row per area and year with a point, and counts n per area", () => {
    expect(spec.table.columns.map((c) => c.label)).toEqual(["Year", "Area", spec.yLabel, "n", "Suppressed"]);
    expect(spec.table.rows).toHaveLength(7);
    expect(spec.table.rows[2]).toEqual({ year: 2020, area: "Kent", value: null, n: 3, suppressed: true });
    expect(spec.n).toBe("n = 55 contracts in Kent; 3,840 in England");
    expect(spec.disclosures).toEqual([about.sentence]);
    expect(spec.without).toBeUndefined();
  });
});
