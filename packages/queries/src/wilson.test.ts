import { describe, expect, it } from "vitest";
import { wilsonInterval } from "./wilson.js";

describe("wilsonInterval (95%)", () => {
  it.each([
    // Reference values from the closed form (Wilson 1927), rounded to 4 places.
    [5, 10, 0.2366, 0.7634],
    [0, 10, 0, 0.2775],
    [10, 10, 0.7225, 1],
    [81, 263, 0.2553, 0.3662],
  ])("%i of %i → [%f, %f]", (k, n, low, high) => {
    const ci = wilsonInterval(k, n);
    expect(ci?.low).toBeCloseTo(low, 4);
    expect(ci?.high).toBeCloseTo(high, 4);
  });

  it("has no interval without a denominator", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});
