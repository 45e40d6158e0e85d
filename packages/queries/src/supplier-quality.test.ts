/**
 * The supplier-quality metrics on handmade rows, counted by hand: each contract reads its
 * supplier's rated children's homes at the latest judged snapshot on or before its start (the
 * first judged snapshot when earlier), fostering agencies, the 2018 supplementary file and
 * unrated homes left out; contracts whose supplier has no rated home are counted, not dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compare } from "./compare.js";
import { contract, fixtureWarehouse, KENT, provider } from "./test-fixture.js";

let fx: Awaited<ReturnType<typeof fixtureWarehouse>>;

const snap = (date: string, over: Record<string, string | number | boolean | null>) =>
  provider({ snapshot_date: date, year: Number(date.slice(0, 4)), ...over });

beforeAll(async () => {
  const acme = "Acme Care Ltd";
  const homes = [];
  // 2018: a1–a6 Good, a7 Outstanding, a8 Requires improvement, a9 Inadequate, a10 not yet inspected.
  const r2018 = [
    "Good",
    "Good",
    "Good",
    "Good",
    "Good",
    "Good",
    "Outstanding",
    "Requires improvement",
    "Inadequate",
    null,
  ];
  // 2020: a1–a8 Good, a9 Inadequate, a10 Outstanding.
  const r2020 = ["Good", "Good", "Good", "Good", "Good", "Good", "Good", "Good", "Inadequate", "Outstanding"];
  for (let i = 0; i < 10; i++) {
    homes.push(snap("2018-03-31", { urn: `a${i + 1}`, owner_name: acme, overall_rating: r2018[i] ?? null }));
    homes.push(snap("2020-03-31", { urn: `a${i + 1}`, owner_name: acme, overall_rating: r2020[i] ?? null }));
  }
  homes.push(
    // 2015 names no owner: a1's owner is its first named one (Acme, 2018).
    snap("2015-03-31", { urn: "a1", owner_name: null, overall_rating: "Good" }),
    // The 2018 full register (supplementary) would count a8 twice.
    snap("2018-03-31", { urn: "a8", owner_name: acme, overall_rating: "Good", is_supplementary: true }),
    // Not a children's home.
    snap("2018-03-31", {
      urn: "f1",
      owner_name: acme,
      overall_rating: "Outstanding",
      provision_type: "Independent fostering agency",
    }),
    snap("2018-03-31", { urn: "b1", owner_name: "Beta Homes Ltd", overall_rating: null }),
    snap("2020-03-31", { urn: "b1", owner_name: "Beta Homes Ltd", overall_rating: "Requires improvement" }),
  );
  const c = (over: Record<string, string | number | boolean | null>) =>
    contract({ service: "residential care", supplier_ownership: "for-profit", ...over });
  fx = await fixtureWarehouse({
    local_authorities: [KENT],
    provider_snapshots: homes,
    contracts: [
      c({ supplier_name: "ACME CARE", commissioning_model: "market-led", start_date: "2019-06-01", year: 2019 }),
      c({ supplier_name: "ACME CARE", commissioning_model: "cooperative", start_date: "2021-01-01", year: 2021 }),
      c({ supplier_name: "Beta Homes", commissioning_model: "cooperative", start_date: "2019-01-01", year: 2019 }),
      c({ supplier_name: "Beta Homes", commissioning_model: "market-led", award_date: "2020-05-01", year: 2020 }),
      c({ supplier_name: "ACME CARE", commissioning_model: "market-led", start_date: "2010-01-01", year: 2010 }),
      c({ supplier_name: "Taxi Co", commissioning_model: "market-led", start_date: "2020-01-01", year: 2020 }),
      c({
        supplier_name: "TBC",
        supplier_is_placeholder: true,
        commissioning_model: "market-led",
        start_date: "2020-01-01",
      }),
      c({ supplier_name: "ACME CARE", in_scope: false, commissioning_model: "market-led", start_date: "2020-01-01" }),
    ],
  });
  await fx.connection.run(`INSERT INTO supplier_owner_links (supplier_name, supplier_is_placeholder, confidence, owner_name, reason)
    VALUES ('ACME CARE', false, 'exact-normalised', 'Acme Care Ltd', 'r'), ('Beta Homes', false, 'exact-normalised', 'Beta Homes Ltd', 'r'),
      ('Taxi Co', false, 'none', NULL, 'r'), ('TBC', true, 'none', NULL, 'r')`);
});
afterAll(() => fx.close());

const byModel = async (metric: string) => {
  const result = await compare(fx.connection, { metric, groupBy: ["model"] });
  return Object.fromEntries(result.rows.map((r) => [String(r.dims.model), r]));
};

describe("quality of the supplier by commissioning model", () => {
  it("supplier_homes_good_outstanding pools contract × rated-home pairs at each contract's snapshot", async () => {
    const rows = await byModel("supplier_homes_good_outstanding");
    // Market-led: 2019 contract → 2018 file, 9 rated homes, 7 Good/Outstanding; 2020 award → Beta's
    // home rated RI; 2010 contract → the 2015 file, a1 Good. Cooperative: 2021 → 2020 file, 9 of 10.
    expect(rows["market-led"]).toMatchObject({ numerator: 8, denominator: 11, n: 11 });
    expect(rows.cooperative).toMatchObject({ numerator: 9, denominator: 10, n: 10 });
    expect(rows.cooperative?.ciLow).toBeLessThan(0.9);
    expect(rows.cooperative?.ciHigh).toBeGreaterThan(0.9);
  });

  it("supplier_homes_inadequate", async () => {
    const rows = await byModel("supplier_homes_inadequate");
    expect(rows["market-led"]).toMatchObject({ numerator: 1, denominator: 11 });
    expect(rows.cooperative).toMatchObject({ numerator: 1, denominator: 10 });
  });

  it("contracts whose supplier has no rated home are counted, placeholders and out-of-scope rows are not", async () => {
    const rows = await byModel("contracts_supplier_without_home");
    // Taxi Co (no owner) and Beta's 2019 contract (its one home unrated in 2018).
    expect(rows["market-led"]?.value).toBe(1);
    expect(rows.cooperative?.value).toBe(1);
  });
});
