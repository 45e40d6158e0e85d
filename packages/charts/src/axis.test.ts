import { formatAxisValue } from "@lens/core";
import { describe, expect, it } from "vitest";
import { categoryLabelsAngled, naturalHeight, niceTicks, scatterXAxis, valueAxis } from "./axis.js";
import type { ChartSpec } from "./chart-spec.js";
import { longSpec } from "./spec-fixtures.js";

const labels = (spec: ChartSpec) => valueAxis(spec).ticks.map((t) => formatAxisValue(t, spec.format));

describe("one axis decision", () => {
  it("steps by 1, 2, 2.5 or 5 × 10^k and covers the range", () => {
    expect(niceTicks(0, 0.73, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(0, 36, 5, true)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(-3, 7, 5)).toEqual([-4, -2, 0, 2, 4, 6, 8]);
  });

  it("keeps a builder's fixed domain and its round ticks (ranked bars, shares)", () => {
    const spec = longSpec("bar", { yDomain: [0, 0.4] });
    expect(valueAxis(spec).domain).toEqual([0, 0.4]);
    expect(labels(spec)).toEqual(["0%", "10%", "20%", "30%", "40%"]);
  });

  it("runs stacked bars to the tallest stack, not the tallest part", () => {
    const spec = longSpec("stacked-bar", { yDomain: undefined, format: "integer" });
    const tallest = Math.max(...spec.categories.map((_, i) => spec.series.reduce((a, s) => a + (s.values[i] ?? 0), 0)));
    const axis = valueAxis(spec);
    expect(axis.domain[0]).toBe(0);
    expect(axis.domain[1]).toBeGreaterThanOrEqual(tallest);
  });

  it("ends a box plot's axis at a round top above the whiskers and reference lines", () => {
    const spec = longSpec("box", { referenceLines: [{ value: 36, label: "Three-year ask" }] });
    const axis = valueAxis(spec);
    expect(axis.domain[0]).toBe(0);
    expect(axis.ticks[axis.ticks.length - 1]).toBe(axis.domain[1]);
    expect(axis.domain[1]).toBeGreaterThanOrEqual(Math.max(36, ...spec.boxes!.map((b) => b.max)));
  });

  it("never repeats a tick label", () => {
    const spec = longSpec("bar", { yDomain: undefined, format: "integer" });
    spec.series[0]!.values = [0, 1, 2, null, 3, 2];
    spec.series[0]!.ciLow = undefined;
    spec.series[0]!.ciHigh = undefined;
    const shown = labels(spec);
    expect(new Set(shown).size).toBe(shown.length);
  });

  it("starts a scatter's x axis at zero for positive values", () => {
    const spec = longSpec("scatter");
    expect(scatterXAxis(spec).domain[0]).toBe(0);
  });

  it("angles long category labels and grows ranked bars with their rows", () => {
    expect(categoryLabelsAngled(["A", "B", "C"], false)).toBe(false);
    expect(categoryLabelsAngled(["Kingston upon Hull, City of", "Windsor and Maidenhead"], true)).toBe(true);
    const ranked = longSpec("bar", { horizontal: true, categories: Array.from({ length: 40 }, (_, i) => `C${i}`) });
    expect(naturalHeight(ranked, false)).toBe(40 * 30 + 70);
    expect(naturalHeight(longSpec("line"), false)).toBe(340);
  });
});
