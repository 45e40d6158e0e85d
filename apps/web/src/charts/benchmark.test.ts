import { getMetric } from "@lens/core";
import { describe, expect, it } from "vitest";
import type { BenchmarkMetric } from "./api-types.js";
import { askDistanceInWords, ordinal, rankInWords } from "./benchmark.js";
import { compareRow } from "./fixtures.js";

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
