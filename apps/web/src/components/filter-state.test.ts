import { getMetric } from "@lens/core";
import { describe, expect, it } from "vitest";
import { filtersForMetric, filtersFromParams, filtersInWords, writeFilters } from "./filter-state.js";

describe("filters in the URL", () => {
  it("reads known values and drops malformed ones", () => {
    const f = filtersFromParams(
      new URLSearchParams("from=2018&to=2016x&region=London&region=Atlantis&service=fostering"),
    );
    expect(f).toEqual({ from: 2018, region: ["London"], service: ["fostering"] });
  });
  it("round-trips through the query string", () => {
    const p = new URLSearchParams("metric=x");
    writeFilters(p, { from: 2016, to: 2020, council: ["380", "381"] });
    expect(p.toString()).toBe("metric=x&from=2016&to=2020&council=380&council=381");
    expect(filtersFromParams(p)).toEqual({ from: 2016, to: 2020, council: ["380", "381"] });
  });
  it("narrows to what a metric accepts and says what does not apply", () => {
    const homes = getMetric("homes_good_outstanding")!;
    const { applied, ignored } = filtersForMetric(homes, { from: 2020, service: ["fostering"], region: ["London"] });
    expect(applied).toEqual({ from: 2020, region: ["London"] });
    expect(ignored).toEqual(["service"]);
    expect(filtersInWords(applied, ignored)).toBe(
      "2020 onwards · London (filter by service does not apply to this measure)",
    );
  });
  it("words the default view", () => {
    expect(filtersInWords({})).toBe("All years · all councils in England");
    expect(filtersInWords({ from: 2019, to: 2019, council: ["380"] })).toBe("2019 · Bradford");
  });
});
