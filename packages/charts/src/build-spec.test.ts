import { getMetric } from "@lens/core";
import { describe, expect, it } from "vitest";
import type { DistributionGroup } from "./api-types.js";
import {
  buildBoxSpec,
  buildCompareSpec,
  fillYears,
  mergeSpecs,
  nounFor,
  SMALL_N,
  type SpecContext,
} from "./build-spec.js";
import { compareRow } from "./fixtures.js";
import { takeaway } from "./takeaway.js";

const ctx: SpecContext = {
  isSample: true,
  builtAt: "2026-11-25T09:00:00Z",
  filtersInWords: "All years · all councils in England",
};

const row = compareRow;

describe("buildCompareSpec", () => {
  const share = getMetric("share_36_months")!;
  const rows = [
    row({ model: "cooperative" }, 0.55, 4000, { ciLow: 0.53, ciHigh: 0.57, numerator: 2200, denominator: 4000 }),
    row({ model: "market-led" }, 0.19, 10000, { ciLow: 0.18, ciHigh: 0.2, numerator: 1900, denominator: 10000 }),
    row({ model: "in-house" }, null, 3, { suppressed: true }),
    row({ model: "unknown" }, 0.4, 12, { ciLow: 0.2, ciHigh: 0.6, numerator: 5, denominator: 12 }),
  ];
  const spec = buildCompareSpec({ id: "t", metric: share, rows, groupBy: ["model"], kind: "bar", ctx });

  it("orders categories by the vocabulary and colours them per model", () => {
    expect(spec.categories).toEqual(["Market-led", "Cooperative", "In-house", "Unknown"]);
    expect(spec.series[0]!.colours).toEqual(["#D55E00", "#0072B2", "#009E73", "#8C8C8C"]);
  });
  it("keeps suppressed groups as null, never zero, and flags small n", () => {
    expect(spec.series[0]!.values).toEqual([0.19, 0.55, null, 0.4]);
    expect(spec.series[0]!.suppressed).toEqual([false, false, true, false]);
    expect(spec.series[0]!.smallN).toEqual([false, false, false, 12 < SMALL_N]);
    expect(spec.notes.some((n) => n.includes("suppressed"))).toBe(true);
  });
  it("writes the table the chart draws, with n and the suppressed flag", () => {
    const inHouse = spec.table.rows.find((r) => r.model === "In-house")!;
    expect(inHouse).toMatchObject({ value: null, n: 3, suppressed: true });
    expect(spec.table.columns.map((c) => c.key)).toContain("ciLow");
  });
  it("sums n once per group and says it, with source and sample licence", () => {
    expect(spec.n).toBe("n = 14,015 contracts");
    expect(spec.source).toMatch(/^Source: /);
    expect(spec.isSample).toBe(true);
    expect(spec.yDomain).toEqual([0, 1]);
  });
  it("summarises and takes away from the same numbers", () => {
    expect(spec.summary).toMatch(/highest Cooperative \(55\.0%\)/);
    expect(spec.summary).toContain("1 group suppressed");
    expect(takeaway(spec)).toBe("Cooperative is highest at 55.0%; Market-led lowest at 19.0%.");
  });

  it("turns a mix metric into stacked bars to the whole, split dimension as series", () => {
    const mix = getMetric("procedure_mix")!;
    const s = buildCompareSpec({
      id: "m",
      metric: mix,
      rows: [
        row({ model: "market-led", procedure: "open" }, 0.6, 100),
        row({ model: "market-led", procedure: "grant" }, 0.4, 100),
        row({ model: "cooperative", procedure: "grant" }, 1, 50),
      ],
      groupBy: ["model", "procedure"],
      kind: "stacked-bar",
      ctx,
    });
    expect(s.kind).toBe("stacked-bar");
    expect(s.stackedToWhole).toBe(true);
    expect(s.series.map((x) => x.label)).toEqual(["Open", "Grant"]);
    expect(s.series[0]!.values).toEqual([0.6, null]);
    expect(s.n).toBe("n = 150 contracts");
  });

  it("draws lines over every year between the first and last, leaving gaps", () => {
    const homes = getMetric("homes_good_outstanding")!;
    const s = buildCompareSpec({
      id: "l",
      metric: homes,
      rows: [row({ year: 2018, sector: "Private" }, 0.7, 100), row({ year: 2021, sector: "Private" }, 0.75, 100)],
      groupBy: ["year", "sector"],
      kind: "line",
      ctx,
    });
    expect(s.categories).toEqual(["2018", "2019", "2020", "2021"]);
    expect(s.series[0]!.values).toEqual([0.7, null, null, 0.75]);
    expect(s.series[0]!.colour).toBe("#D55E00");
    expect(takeaway(s)).toBe("In 2021: Private 75.0% (highest first).");
  });
});

describe("fillYears", () => {
  it("fills gaps and keeps unknown last", () => {
    expect(fillYears([2020, 2017, null])).toEqual([2017, 2018, 2019, 2020, null]);
    expect(fillYears([])).toEqual([]);
  });
});

describe("buildBoxSpec", () => {
  const g = (key: string, median: number | null, suppressed = false): DistributionGroup => ({
    key,
    n: suppressed ? 2 : 100,
    suppressed,
    min: 1,
    q1: suppressed ? null : median! - 5,
    median,
    q3: suppressed ? null : median! + 5,
    max: 90,
    whiskerLow: suppressed ? null : 2,
    whiskerHigh: suppressed ? null : 80,
    outlierCount: suppressed ? null : 3,
    outliers: [],
    histogram: null,
  });
  it("draws one box per published group with whiskers, names the suppressed", () => {
    const s = buildBoxSpec({
      id: "b",
      metric: getMetric("median_duration_months")!,
      groups: [g("cooperative", 36), g("market-led", 20), g("in-house", null, true)],
      dimension: "model",
      ctx,
    });
    expect(s.boxes!.map((b) => [b.category, b.median, b.min, b.max])).toEqual([
      ["Market-led", 20, 2, 80],
      ["Cooperative", 36, 2, 80],
    ]);
    expect(s.notes.join(" ")).toContain("Suppressed for small n: In-house");
    expect(s.notes.join(" ")).toContain("6 values beyond the whiskers");
    expect(takeaway(s)).toBe("Median: Cooperative 36 mo, Market-led 20 mo (highest first).");
    // The legend explains box, median and whiskers; the notes do not repeat it.
    expect(s.notes.join(" ")).not.toMatch(/quartile|median/i);
  });
  it("passes the API's capped outliers through and says how many are not drawn", () => {
    const withOutliers = { ...g("cooperative", 36), outliers: [120, 96], outlierCount: 5 };
    const s = buildBoxSpec({
      id: "b",
      metric: getMetric("median_duration_months")!,
      groups: [withOutliers, { ...g("market-led", 20), outliers: [70], outlierCount: 1 }],
      dimension: "model",
      ctx,
    });
    expect(s.boxes!.map((b) => b.outliers)).toEqual([[70], [120, 96]]);
    expect(s.notes[0]).toBe("Circles show 3 of the 6 values beyond the whiskers (the most extreme in each group).");
    const all = buildBoxSpec({
      id: "b",
      metric: getMetric("median_duration_months")!,
      groups: [{ ...g("market-led", 20), outliers: [70], outlierCount: 1 }],
      dimension: "model",
      ctx,
    });
    expect(all.notes.join(" ")).not.toContain("beyond the whiskers");
  });
});

describe("mergeSpecs", () => {
  it("puts several one-series specs side by side with a measure column", () => {
    const joiners = getMetric("joiners")!;
    const a = buildCompareSpec({
      id: "a",
      metric: joiners,
      rows: [row({ year: 2020 }, 10, 10)],
      groupBy: ["year"],
      kind: "bar",
      ctx,
    });
    const b = buildCompareSpec({
      id: "b",
      metric: joiners,
      rows: [row({ year: 2021 }, 4, 4)],
      groupBy: ["year"],
      kind: "bar",
      ctx,
    });
    const m = mergeSpecs("jl", "Joiners and leavers", "", [
      { spec: a, label: "Joiners", colour: "#000" },
      { spec: b, label: "Leavers", colour: "#111" },
    ]);
    expect(m.categories).toEqual(["2020", "2021"]);
    expect(m.series.map((s) => s.values)).toEqual([
      [10, null],
      [null, 4],
    ]);
    expect(m.table.rows.map((r) => r.measure)).toEqual(["Joiners", "Leavers"]);
    // The value column holds both measures' values, so it is not named after the first.
    expect(m.table.columns.map((c) => c.label)).toEqual(["Measure", "Year", "Value", "n", "Suppressed"]);
  });
});

describe("nounFor", () => {
  it("says what a row is where it is not a row of the metric's table", () => {
    expect(nounFor(getMetric("share_36_months")!)).toBe("contracts");
    expect(nounFor(getMetric("supplier_homes_good_outstanding")!)).toBe("contract × home pairs");
  });
});
