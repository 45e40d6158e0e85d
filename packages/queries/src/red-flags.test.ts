/** Red flags on handmade contracts: each flag raised where it should be, and not where it cannot be judged. */
import { VALUE_FLAGS } from "@lens/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compare } from "./compare.js";
import { redFlagCounts } from "./red-flag-counts.js";
import { searchContracts } from "./search-contracts.js";
import { contract, fixtureWarehouse, KENT } from "./test-fixture.js";

const known = { procedure_type: "open", supplier_ownership: "not-for-profit" };
const rows = [
  // direct-award-for-profit: a direct award and a single tender action to for-profit suppliers;
  // not a direct award to a charity, not an open procedure to a for-profit.
  contract({ contract_id: "da-private", procedure_type: "direct award", supplier_ownership: "for-profit" }),
  contract({
    contract_id: "sta-private",
    procedure_type: "negotiated",
    procurement_method_detail: "Single Tender Action",
    supplier_ownership: "for-profit",
  }),
  contract({ contract_id: "da-charity", procedure_type: "direct award", supplier_ownership: "not-for-profit" }),
  contract({ contract_id: "open-private", procedure_type: "open", supplier_ownership: "for-profit" }),
  // one-tenderer: one tender in a competition; not two tenders, not unknown, not a direct award.
  contract({ contract_id: "one-bid", ...known, number_of_tenderers: 1 }),
  contract({ contract_id: "two-bids", ...known, number_of_tenderers: 2 }),
  contract({ contract_id: "bids-unknown", ...known, number_of_tenderers: null }),
  // short-care-contract: residential care for 6 months; not 12 months, not a 6-month youth
  // contract, not a one-day placeholder period.
  contract({ contract_id: "care-6m", ...known, service: "residential care", duration_months: 6 }),
  contract({ contract_id: "care-12m", ...known, service: "fostering", duration_months: 12 }),
  contract({ contract_id: "youth-6m", ...known, service: "youth", duration_months: 6 }),
  contract({
    contract_id: "care-1day",
    ...known,
    service: "residential care",
    duration_months: 0,
    value_flag: VALUE_FLAGS.oneDay,
  }),
  // no-prior-tender-notice: a tender notice dated after the award, or a register saying it was not
  // advertised; not a notice before the award, and not a record that says nothing about tenders.
  contract({ contract_id: "tendered", ...known, award_date: "2021-05-01", tender_published_date: "2021-01-10" }),
  contract({ contract_id: "late-tender", ...known, award_date: "2021-05-01", tender_published_date: "2021-06-01" }),
  contract({ contract_id: "not-advertised", ...known, ojeu_advertised: false }),
  contract({ contract_id: "advertised", ...known, ojeu_advertised: true }),
  contract({ contract_id: "says-nothing", ...known, award_date: "2021-05-01" }),
  // value-above-range: the plausibility step's flag.
  contract({
    contract_id: "block-total",
    ...known,
    service: "family support",
    annual_value_gbp: 2_800_000,
    value_flag: VALUE_FLAGS.aboveServiceRange,
  }),
  // Out of scope: never counted.
  contract({ contract_id: "out", in_scope: false, procedure_type: "direct award", supplier_ownership: "for-profit" }),
];

let fx: Awaited<ReturnType<typeof fixtureWarehouse>>;
beforeAll(async () => {
  fx = await fixtureWarehouse({ local_authorities: [KENT], contracts: rows });
});
afterAll(() => fx.close());

async function flagged(flag: Parameters<typeof searchContracts>[1]["flag"]): Promise<string[]> {
  const page = await searchContracts(fx.connection, { flag, pageSize: 100, sort: "title" });
  return page.rows.map((r) => r.contractId).sort();
}

describe("red flags", () => {
  it("direct award or single tender to a for-profit supplier", async () => {
    expect(await flagged("direct-award-for-profit")).toEqual(["da-private", "sta-private"]);
  });

  it("one tenderer, only where the number of tenders is published and the procedure is a competition", async () => {
    expect(await flagged("one-tenderer")).toEqual(["one-bid"]);
  });

  it("a placement or care service shorter than 12 months, not a placeholder period", async () => {
    expect(await flagged("short-care-contract")).toEqual(["care-6m"]);
  });

  it("an award without a prior tender notice, only where the record says whether one was published", async () => {
    expect(await flagged("no-prior-tender-notice")).toEqual(["late-tender", "not-advertised"]);
  });

  it("a value far above the same service's range", async () => {
    expect(await flagged("value-above-range")).toEqual(["block-total"]);
  });

  it("lists each row's flags with the row", async () => {
    const page = await searchContracts(fx.connection, { pageSize: 100, q: "" });
    const byId = new Map(page.rows.map((r) => [r.contractId, r.redFlags]));
    expect(byId.get("da-private")).toEqual(["direct-award-for-profit"]);
    expect(byId.get("not-advertised")).toEqual(["no-prior-tender-notice"]);
    expect(byId.get("open-private")).toEqual([]);
    // The build's implausible-value flag travels with the row, so the table can say it.
    const flagOf = new Map(page.rows.map((r) => [r.contractId, r.valueFlag]));
    expect(flagOf.get("care-1day")).toBe(VALUE_FLAGS.oneDay);
    expect(flagOf.get("open-private")).toBeNull();
  });

  it("counts each flag and the contracts it can be judged on, for the same selection as the table", async () => {
    const counts = await redFlagCounts(fx.connection, {});
    expect(counts.total).toBe(rows.length - 1);
    expect(counts.anyFlag).toBe(7);
    expect(Object.fromEntries(counts.flags.map((f) => [f.flag, [f.flagged, f.judged]]))).toEqual({
      "direct-award-for-profit": [2, 17],
      "one-tenderer": [1, 2],
      "short-care-contract": [1, 2],
      "no-prior-tender-notice": [2, 4],
      "value-above-range": [1, 1],
    });
    const none = await redFlagCounts(fx.connection, { q: "no such title" });
    expect(none).toEqual({ total: 0, anyFlag: 0, flags: expect.any(Array) });
    // A filter on a council attribute joins the councils in, as the table's search does.
    const southEast = await redFlagCounts(fx.connection, { filters: { region: [KENT.region] } });
    const northWest = await redFlagCounts(fx.connection, { filters: { region: ["North West"] } });
    expect(southEast).toEqual(counts); // every handmade contract is Kent's
    expect(northWest.total).toBe(0);
  });

  it("gives each flag's share as a metric over the same base", async () => {
    const r = await compare(fx.connection, { metric: "red_flag_direct_award_for_profit" });
    expect(r.rows[0]).toMatchObject({ numerator: 2, denominator: 17 });
  });
});
