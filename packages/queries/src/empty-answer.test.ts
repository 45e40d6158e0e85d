import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compare } from "./compare.js";
import { contract, fixtureWarehouse, KENT, LEEDS } from "./test-fixture.js";

// Contracts in 2016 and 2020, in Kent (South East) and Leeds; no provider snapshots at all.
let fx: Awaited<ReturnType<typeof fixtureWarehouse>>;
beforeAll(async () => {
  fx = await fixtureWarehouse({
    local_authorities: [KENT, LEEDS],
    contracts: [
      contract({ year: 2016 }),
      contract({ year: 2020 }),
      contract({ year: 2020, la_code: "383" }),
      contract({ year: 2012, in_scope: false }),
    ],
  });
});
afterAll(() => fx.close());

describe("an empty answer says why", () => {
  it("outside the years asked: names the years the measure has", async () => {
    const result = await compare(fx.connection, {
      metric: "contracts",
      groupBy: ["model"],
      filters: { from: 2012, to: 2012 },
    });
    expect(result.rows).toEqual([]);
    // The out-of-scope 2012 notice is not a row of the measure, so 2012 is not among its years.
    expect(result.empty).toEqual({
      reason: "No rows in 2012: this measure has rows in 2016–2020.",
      years: { first: 2016, last: 2020 },
    });
  });

  it("outside the years under other filters: says the years hold under them", async () => {
    const result = await compare(fx.connection, {
      metric: "contracts",
      filters: { region: ["Yorkshire and the Humber"], to: 2018 },
    });
    expect(result.empty?.reason).toBe("No rows up to 2018: under the other filters, this measure has rows in 2020.");
  });

  it("filtered away: says the measure has rows without the filters", async () => {
    const result = await compare(fx.connection, { metric: "contracts", filters: { region: ["London"] } });
    expect(result.empty).toEqual({
      reason: "No rows match these filters together; this measure has rows without them.",
      years: null,
    });
  });

  it("missing from the build: names the measure's sources", async () => {
    const result = await compare(fx.connection, { metric: "providers", groupBy: ["sector"] });
    expect(result.rows).toEqual([]);
    expect(result.empty?.reason).toMatch(
      /^This build holds no rows for this measure: none of its sources \(.*Ofsted.*\) is in it\.$/,
    );
  });

  it("is null when there are rows", async () => {
    const result = await compare(fx.connection, { metric: "contracts", groupBy: ["model"] });
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.empty).toBeNull();
  });
});
