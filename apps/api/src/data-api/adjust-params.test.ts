import { describe, expect, it } from "vitest";
import { parseMetricQuery } from "./params.js";

const parse = (metric: string, query: string) => parseMetricQuery(metric, new URLSearchParams(query));

describe("parseMetricQuery: adjust and exclusions", () => {
  it("reads adjust in registry order and the exclusion lists", () => {
    const r = parse(
      "share_36_months",
      "groupBy=model&adjust=source,service&excludeCouncils=926&excludeSources=norfolk-register",
    );
    expect(r).toMatchObject({
      ok: true,
      value: {
        adjust: ["service", "source"],
        filters: { excludeCouncils: ["926"], excludeSources: ["norfolk-register"] },
      },
    });
    const plain = parse("contracts", "");
    expect(plain.ok && plain.value).toMatchObject({ adjust: [], adjustGroups: [] });
  });

  it("reads the models compared like for like, in vocabulary order, and 'all'", () => {
    const two = parse("share_36_months", "groupBy=model&adjust=service&adjustGroups=in-house,market-led");
    expect(two.ok && two.value.adjustGroups).toEqual(["market-led", "in-house"]);
    const all = parse("share_36_months", "groupBy=model&adjust=service&adjustGroups=all");
    expect(all.ok && all.value.adjustGroups).toEqual(["market-led", "cooperative", "in-house", "unknown"]);
  });

  it.each([
    ["share_36_months", "adjust=region", "adjust", /unknown adjust dimension 'region'/],
    ["share_36_months", "adjust=", "adjust", /at least one value/],
    ["share_36_months", "groupBy=service&adjust=service", "adjust", /while grouping by it/],
    ["providers", "adjust=service", "adjust", /no 'service' dimension/],
    ["share_36_months", "groupBy=model&adjustGroups=all", "adjustGroups", /needs 'adjust'/],
    ["share_36_months", "groupBy=region&adjust=service&adjustGroups=all", "adjustGroups", /group by 'model'/],
    ["share_36_months", "groupBy=model&adjust=service&adjustGroups=public", "adjustGroups", /unknown model/],
    ["share_36_months", "excludeCouncils=999", "excludeCouncils", /unknown council code/],
    ["share_36_months", "excludeSources=nowhere", "excludeSources", /unknown source id/],
    ["placement_spend_per_cla", "excludeSources=s251-outturn", "excludeSources", /no 'source' dimension/],
  ])("%s?%s → 400 naming %s", (metric, query, parameter, message) => {
    const r = parse(metric, query);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.parameter).toBe(parameter);
    expect(r.error.message).toMatch(message);
  });

  it("lists the strata the metric can be adjusted for", () => {
    const r = parse("share_36_months", "groupBy=source&adjust=nope");
    expect(!r.ok && r.error.allowed).toEqual(["service", "council"]);
  });
});
