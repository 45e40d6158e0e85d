/** Rows flagged implausible (contracts.value_flag) stay out of medians and length shares, and are counted. */
import { VALUE_FLAGS } from "@lens/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compare } from "./compare.js";
import { contract, fixtureWarehouse, KENT } from "./test-fixture.js";

// Five ordinary contracts (lengths 12, 24, 36, 48, 60; £10k–£50k a year), then a one-day
// placeholder, an end far beyond the horizon and a block total far above the service range.
const rows = [
  ...[12, 24, 36, 48, 60].map((m, i) => contract({ duration_months: m, annual_value_gbp: (i + 1) * 10_000 })),
  contract({ duration_months: 0, annual_value_gbp: 3_650_000, value_flag: VALUE_FLAGS.oneDay }),
  contract({ duration_months: 526, annual_value_gbp: 100, value_flag: VALUE_FLAGS.beyondHorizon }),
  contract({ duration_months: 16, annual_value_gbp: 2_800_000, value_flag: VALUE_FLAGS.aboveServiceRange }),
];

let fx: Awaited<ReturnType<typeof fixtureWarehouse>>;
beforeAll(async () => {
  fx = await fixtureWarehouse({ local_authorities: [KENT], contracts: rows });
});
afterAll(() => fx.close());

describe("implausible values", () => {
  it("leaves every flagged row out of the median annual value and counts them", async () => {
    const r = await compare(fx.connection, { metric: "median_annual_value" });
    expect(r.rows[0]).toMatchObject({ value: 30_000, n: 5, total: 8 });
    expect(r.implausible).toMatchObject({ excluded: 3 });
    expect(r.implausible!.reason).toMatch(/flagged implausible/);
  });

  it("leaves period flags (not value flags) out of lengths", async () => {
    const median = await compare(fx.connection, { metric: "median_duration_months" });
    // 12, 16, 24, 36, 48, 60 → median 30; the one-day and the 526-month periods are out.
    expect(median.rows[0]).toMatchObject({ value: 30, n: 6 });
    expect(median.implausible?.excluded).toBe(2);
    const share = await compare(fx.connection, { metric: "share_36_months" });
    expect(share.rows[0]).toMatchObject({ numerator: 3, denominator: 6 });
    expect(share.implausible?.excluded).toBe(2);
  });

  it("has nothing to say for metrics without a plausibility rule", async () => {
    expect((await compare(fx.connection, { metric: "contracts" })).implausible).toBeNull();
  });
});
