import { describe, expect, it } from "vitest";
import { boxScale } from "./box-scale.js";

describe("boxScale", () => {
  it("places values by the axis, so a box with no spread still has a scale (its diamond and whiskers)", () => {
    // Plot from y = 10 to 310 for the axis 0–100; the box is q1 = q3 = 40, drawn at y = 190 with height 0.
    const at = boxScale({ y: 190, height: 0, q1: 40, q3: 40, axisTop: 100 }, { y: 10, height: 300 })!;
    expect(at(40)).toBe(190);
    expect(at(100)).toBe(10);
    expect(at(0)).toBe(310);
    expect(at(50)).toBe(160);
  });

  it("falls back to the quartiles' span without the plot, and has no scale for a flat box then", () => {
    const at = boxScale({ y: 100, height: 50, q1: 10, q3: 20, axisTop: 100 }, undefined)!;
    expect(at(20)).toBe(100);
    expect(at(10)).toBe(150);
    expect(boxScale({ y: 100, height: 0, q1: 10, q3: 10, axisTop: 100 }, undefined)).toBeNull();
  });
});
