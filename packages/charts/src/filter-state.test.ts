import { getMetric } from "@lens/core";
import { describe, expect, it } from "vitest";
import {
  exclusionsOf,
  filtersForMetric,
  filtersFromParams,
  filtersInWords,
  listInWords,
  selectionSummary,
  toggleValue,
  withExclusion,
  withListFilter,
  writeFilters,
} from "./filter-state.js";

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
  it("reads several values, repeated or comma-separated, without duplicates", () => {
    expect(
      filtersFromParams(new URLSearchParams("region=London,North%20West&region=London&council=380,381,999")),
    ).toEqual({ region: ["London", "North West"], council: ["380", "381"] });
    // Free-text dimensions (no vocabulary) keep a comma as part of the value.
    expect(filtersFromParams(new URLSearchParams("provision_type=Homes,%20secure")).provision_type).toEqual([
      "Homes, secure",
    ]);
  });
  it("says several values in words, naming at most five", () => {
    expect(listInWords("region", ["London", "North West"])).toBe("London or North West");
    expect(listInWords("service", ["fostering"])).toBe("Fostering");
    expect(listInWords("region", ["North East", "North West", "London"])).toBe("North East, North West or London");
    const councils = ["380", "381", "382", "383", "384", "202", "203"];
    expect(listInWords("council", councils)).toMatch(/^Bradford, .+ or 2 more councils$/);
    expect(filtersInWords({ region: ["London", "North West"], service: ["fostering"] })).toBe(
      "All years · Service: Fostering · London or North West",
    );
  });
  it("toggles a value in vocabulary order, so equal selections give equal URLs", () => {
    const order = ["North East", "North West", "London"];
    expect(toggleValue(["London"], "North West", true, order)).toEqual(["North West", "London"]);
    expect(toggleValue(["North West", "London"], "London", false, order)).toEqual(["North West"]);
    expect(toggleValue(["London"], "London", true, order)).toEqual(["London"]);
  });
  it("keeps only councils inside the chosen regions, and drops the filter when emptied", () => {
    const f = { from: 2018, council: ["202", "380"] }; // Camden (London), Bradford (Yorkshire)
    expect(withListFilter(f, "region", ["London"])).toEqual({ from: 2018, region: ["London"], council: ["202"] });
    expect(withListFilter(f, "region", ["North East"])).toEqual({ from: 2018, region: ["North East"] });
    expect(withListFilter({ ...f, region: ["London"] }, "region", [])).toEqual(f);
    expect(withListFilter(f, "service", ["fostering"]).council).toEqual(["202", "380"]);
  });
  it("summarises a closed multi-select", () => {
    expect(selectionSummary([])).toBe("All");
    expect(selectionSummary(["London"])).toBe("London");
    expect(selectionSummary(["London", "North West"])).toBe("London, North West");
    expect(selectionSummary(["Yorkshire and the Humber", "East Midlands"])).toBe("2 selected");
    expect(selectionSummary(["a", "b", "c"])).toBe("3 selected");
  });
});

describe("a contributor left out, in the URL", () => {
  it("round-trips council codes and source ids, and drops unknown ones", () => {
    const p = new URLSearchParams(
      "excludeCouncils=926&excludeCouncils=999&excludeSources=norfolk-register&excludeSources=x",
    );
    const f = filtersFromParams(p);
    expect(f).toEqual({ excludeCouncils: ["926"], excludeSources: ["norfolk-register"] });
    const out = new URLSearchParams();
    writeFilters(out, f);
    expect(out.toString()).toBe("excludeCouncils=926&excludeSources=norfolk-register");
  });
  it("adds and removes one contributor without touching the other filters", () => {
    const on = withExclusion({ from: 2016 }, "council", "926", true);
    expect(on).toEqual({ from: 2016, excludeCouncils: ["926"] });
    expect(withExclusion(on, "council", "926", false)).toEqual({ from: 2016 });
  });
  it("says the exclusion in the filter words, by name", () => {
    const f = { excludeCouncils: ["926"] };
    expect(exclusionsOf(f)).toEqual([
      expect.objectContaining({ dimension: "council", value: "926", label: "Norfolk" }),
    ]);
    expect(filtersInWords(f)).toBe("All years · all councils in England · without Norfolk");
  });
  it("applies an exclusion only to measures cut by that dimension", () => {
    const contracts = getMetric("contracts")!;
    expect(filtersForMetric(contracts, { excludeSources: ["norfolk-register"] }).applied).toEqual({
      excludeSources: ["norfolk-register"],
    });
  });
});
