import { formatAxisValue, getMetric } from "@lens/core";
import { describe, expect, it } from "vitest";
import { valueAxis } from "./axis.js";
import { buildCompareSpec } from "./build-spec.js";
import type { Series } from "./chart-spec.js";
import { compareRow } from "./fixtures.js";
import { niceCeil, rankedDomain, roundTicks } from "./value-domain.js";

const series = (values: (number | null)[], ciHigh?: (number | null)[]): Series => ({
  key: "v",
  label: "Share",
  colour: "#0072B2",
  values,
  ciHigh,
});

describe("value domain of ranked bars", () => {
  it("rounds the top up just above the longest bar, whisker or reference line", () => {
    expect(niceCeil(0.312)).toBeCloseTo(0.4);
    expect(rankedDomain([series([0.1, 0.3, null])])).toEqual([0, 0.4]);
    expect(rankedDomain([series([0.1, 0.2], [0.15, 0.36])])).toEqual([0, 0.4]);
    expect(rankedDomain([series([0.1])], [{ value: 0.55, label: "England" }])).toEqual([0, 0.6]);
  });
  it("never goes beyond the cap, and says nothing without values", () => {
    expect(rankedDomain([series([0.99])], [], [0, 1])).toEqual([0, 1]);
    expect(rankedDomain([series([null])])).toBeUndefined();
  });
  it("ticks a round top evenly", () => {
    expect(roundTicks(0.4)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
  });
});

describe("the screen and the export draw the same domain", () => {
  const metric = getMetric("share_36_months")!;
  const row = (laCode: string, value: number) => compareRow({ council: laCode }, value, 100);
  const ctx = { isSample: true, builtAt: null, filtersInWords: "All years" };
  const build = (horizontal: boolean) =>
    buildCompareSpec({
      id: "ranked",
      metric,
      rows: [row("E08000032", 0.28), row("E08000033", 0.22), row("E08000034", 0.31)],
      groupBy: ["council"],
      kind: "bar",
      ctx,
      sortByValue: true,
      horizontal,
      referenceLines: [{ value: 0.25, label: "England" }],
    });

  it("zooms ranked (horizontal) bars in the spec; other bars keep 0–100%", () => {
    expect(build(true).yDomain).toEqual([0, 0.4]);
    expect(build(false).yDomain).toEqual([0, 1]);
  });
  it("ends the value axis (page, embed and export alike) at the spec's top, not at 100%", () => {
    const spec = build(true);
    const ticks = valueAxis(spec).ticks.map((t) => formatAxisValue(t, spec.format));
    expect(ticks).toEqual(["0%", "10%", "20%", "30%", "40%"]);
  });
});
