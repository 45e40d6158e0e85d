import { describe, expect, it } from "vitest";
import { boxValueTop, CI_BAND_LABEL, hasCiBand, markKey, splitOutliers } from "./legend-key.js";
import { longSpec } from "./spec-fixtures.js";

describe("markKey", () => {
  it("explains the confidence band of a line chart that carries intervals, and only then", () => {
    const line = longSpec("line");
    expect(hasCiBand(line)).toBe(true);
    expect(markKey(line)).toEqual([{ label: CI_BAND_LABEL, glyph: "band" }]);
    const bare = { ...line, series: line.series.map(({ ciLow, ciHigh, ...s }) => s) };
    expect(hasCiBand(bare)).toBe(false);
    const unknown = { ...line, series: line.series.map((s) => ({ ...s, ciLow: s.values.map(() => null) })) };
    expect(hasCiBand(unknown)).toBe(false);
    // Bars show intervals as whiskers, not a band.
    expect(markKey(longSpec("grouped-bar"))).toEqual([]);
  });
  it("keys a box plot's box, whiskers and (when drawn) outliers", () => {
    const box = longSpec("box");
    expect(markKey(box).map((k) => k.glyph)).toEqual(["box", "whisker", "ring"]);
    const noOutliers = { ...box, boxes: box.boxes!.map((b) => ({ ...b, outliers: [] })) };
    expect(markKey(noOutliers).map((k) => k.glyph)).toEqual(["box", "whisker"]);
    expect(markKey({ ...box, boxes: [] })).toEqual([]);
  });
});

describe("box plot scale", () => {
  it("stretches to outliers near the whiskers and counts the extreme ones at the top", () => {
    const box = longSpec("box");
    const b = box.boxes![0]!;
    const spec = { ...box, referenceLines: [], boxes: [{ ...b, max: 100, outliers: [120, 140, 900, 1600] }] };
    expect(boxValueTop(spec)).toBe(140);
    expect(splitOutliers(spec.boxes[0]!.outliers, 150)).toEqual({ shown: [120, 140], above: 2 });
    expect(markKey(spec).at(-1)?.label).toContain("values above the scale");
    const tame = { ...spec, boxes: [{ ...b, max: 100, outliers: [120] }] };
    expect(boxValueTop(tame)).toBe(120);
    expect(markKey(tame).at(-1)?.label).toBe("Circles: values beyond the whiskers");
  });
});
