/** The Fisher z interval on a Pearson r, worked by hand: r = 0.5 over 28 councils. */
import { describe, expect, it } from "vitest";
import { pearsonInterval } from "./scatter.js";

describe("pearsonInterval", () => {
  it("atanh(r) ± 1.96/√(n − 3), back through tanh", () => {
    // atanh(0.5) = 0.549306; 1.96 / √25 = 0.392; tanh(0.157306) = 0.156021; tanh(0.941306) = 0.735822.
    const ci = pearsonInterval(0.5, 28);
    expect(ci?.low).toBeCloseTo(0.156021, 5);
    expect(ci?.high).toBeCloseTo(0.735822, 5);
  });
  it("has none below four councils, for a perfect r, or without an r", () => {
    expect(pearsonInterval(0.5, 3)).toBeNull();
    expect(pearsonInterval(1, 50)).toBeNull();
    expect(pearsonInterval(null, 50)).toBeNull();
  });
});
