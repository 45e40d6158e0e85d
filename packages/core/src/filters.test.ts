import { describe, expect, it } from "vitest";
import { FIRST_YEAR, filtersForMetric, filtersSchema, LAST_YEAR, MAX_YEAR, MIN_YEAR } from "./filters.js";

describe("filtersForMetric", () => {
  it("applies what the metric has and names the rest as ignored, the year range included", () => {
    const noYears = { dimensions: ["council", "region"] as const };
    expect(filtersForMetric(noYears, { from: 2019, region: ["London"], service: ["fostering"] })).toEqual({
      applied: { region: ["London"] },
      ignored: ["year", "service"],
    });
  });

  it("keeps an exclusion on a dimension the metric has, and names one it has not once", () => {
    expect(
      filtersForMetric(
        { dimensions: ["council", "year"] },
        { from: 2019, to: 2021, excludeCouncils: ["886"], excludeSources: ["norfolk-register"] },
      ),
    ).toEqual({ applied: { from: 2019, to: 2021, excludeCouncils: ["886"] }, ignored: ["source"] });
  });
});

describe("the year range", () => {
  it("accepts every year of the data", () => {
    expect(MIN_YEAR).toBeLessThanOrEqual(FIRST_YEAR);
    expect(LAST_YEAR).toBeLessThanOrEqual(MAX_YEAR);
    expect(filtersSchema.parse({ from: FIRST_YEAR, to: LAST_YEAR })).toEqual({ from: FIRST_YEAR, to: LAST_YEAR });
  });
});
