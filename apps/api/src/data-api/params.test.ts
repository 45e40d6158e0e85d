import { describe, expect, it } from "vitest";
import { parseMetricQuery } from "./params.js";

const parse = (metric: string, query: string) => parseMetricQuery(metric, new URLSearchParams(query));

describe("parseMetricQuery", () => {
  it("reads grouping, list filters and a year range", () => {
    const r = parse("share_36_months", "groupBy=model,region&region=London,North%20East&from=2018&to=2024&format=csv");
    expect(r).toMatchObject({
      ok: true,
      value: {
        groupBy: ["model", "region"],
        filters: { region: ["London", "North East"], from: 2018, to: 2024 },
        format: "csv",
      },
    });
  });

  it("accepts repeated parameters as one list and drops duplicates", () => {
    const r = parse("contracts", "council=886&council=383,886");
    expect(r.ok && r.value.filters.council).toEqual(["886", "383"]);
  });

  it.each([
    ["nope", "", "metricId", /unknown metric 'nope'/],
    ["contracts", "groupBy=sector", "groupBy", /unknown dimension 'sector'/],
    ["contracts", "groupBy=model,model", "groupBy", /must differ/],
    ["contracts", "groupBy=model,region,year", "groupBy", /at most two/],
    ["contracts", "from=20x8", "from", /not a year/],
    ["contracts", "from=1999", "from", /between 2000 and 2030/],
    ["contracts", "from=2024&to=2018", "from", /after/],
    ["contracts", "council=999", "council", /unknown council '999'/],
    ["contracts", "region=Narnia", "region", /unknown value 'Narnia'/],
    ["contracts", "sector=Private", "sector", /not available for metric 'contracts'/],
    ["contracts", "year=2020", "year", /from' and 'to'/],
    ["contracts", "colour=red", "colour", /unknown parameter 'colour'/],
    ["contracts", "format=xml", "format", /unknown format/],
    ["contracts", "region=", "region", /at least one value/],
    ["contracts", `source=${"x".repeat(201)}`, "source", /at most 200 characters/],
  ])("%s?%s → 400 naming %s", (metric, query, parameter, message) => {
    const r = parse(metric, query);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.parameter).toBe(parameter);
    expect(r.error.message).toMatch(message);
  });

  it("lists the allowed values with the error", () => {
    const r = parse("contracts", "groupBy=sector");
    expect(!r.ok && r.error.allowed).toContain("model");
    const c = parse("contracts", "council=Kent");
    expect(!c.ok && c.error.allowed).toContain("886");
  });
});
