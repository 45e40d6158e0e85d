/**
 * ledgerPayments and the three ledger metrics on handmade rows: two councils' ledgers (Kent as
 * devon-spend, Leeds as wakefield-spend) beside Kent's s251 outturn and panel rows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compare } from "./compare.js";
import { crossCouncilProviders, ledgerPayments } from "./ledger-payments.js";
import { fixtureWarehouse, KENT, LEEDS, spendLine } from "./test-fixture.js";

type Row = Record<string, string | number | boolean | null>;

const pay = (overrides: Row): Row =>
  spendLine({
    source: "devon-spend",
    period: "2019-06",
    service_line: "Residential Care - Private (3rd)",
    service: "residential care",
    supplier_ownership: "for-profit",
    ...overrides,
  });

const ROWS: Row[] = [
  // Kent 2019-20: two for-profit homes, one charity, one redacted carer, one non-placement line.
  pay({ supplier_name: "Acme Care Ltd", amount_gbp: 6000 }),
  pay({ supplier_name: "ACME CARE LTD ", amount_gbp: 2000, period: "2019-07" }),
  pay({ supplier_name: "Brook Homes Ltd", amount_gbp: 1000 }),
  pay({ supplier_name: "Hope Trust", supplier_ownership: "not-for-profit", service: "fostering", amount_gbp: 1000 }),
  // A redacted payee carries an ownership from pooled evidence: it must be neither a supplier nor for-profit.
  pay({ supplier_name: "REDACTED UNDER DP ACT", supplier_ownership: "for-profit", amount_gbp: 5000 }),
  pay({ supplier_name: "Stationers Ltd", service: null, service_line: "Printing", amount_gbp: 700 }),
  // Leeds 2019-20: the same group under another spelling, and a supplier only Leeds pays.
  pay({ la_code: "383", source: "wakefield-spend", supplier_name: "Acme Care Limited", amount_gbp: 3000 }),
  pay({ la_code: "383", source: "wakefield-spend", supplier_name: "Northern Homes Ltd", amount_gbp: 500 }),
  // Kent's accounts for the same year: placement lines by column, a line that is not a placement, and the panel.
  spendLine({
    source: "s251-outturn",
    service_line: "Residential care",
    provider_ownership: "private",
    amount_gbp: 12000,
  }),
  spendLine({ source: "s251-outturn", service_line: "Residential care", provider_ownership: "own", amount_gbp: 4000 }),
  spendLine({
    source: "s251-outturn",
    service_line: "Fostering services",
    provider_ownership: "voluntary",
    amount_gbp: 4000,
  }),
  spendLine({ source: "s251-outturn", service_line: "Adoption services", provider_ownership: "own", amount_gbp: 9000 }),
  spendLine({
    source: "derived-cla-spend",
    service_line: "Total Children Looked After",
    provider_ownership: "private",
    amount_gbp: 15000,
    is_derived: true,
  }),
  spendLine({
    source: "derived-cla-spend",
    service_line: "Total Children Looked After",
    provider_ownership: "own",
    amount_gbp: 25000,
    is_derived: true,
  }),
];

describe("ledger payments by provider ownership", () => {
  let fixture: Awaited<ReturnType<typeof fixtureWarehouse>>;
  beforeAll(async () => {
    fixture = await fixtureWarehouse({ local_authorities: [KENT, LEEDS], spend: ROWS });
  });
  afterAll(() => fixture.close());

  it("sets a council-year's placement payments beside its s251 placement lines and the panel", async () => {
    const r = await ledgerPayments(fixture.connection, { council: "886" });
    expect(r.councilYears).toHaveLength(1);
    const y = r.councilYears[0]!;
    expect(y).toMatchObject({
      laCode: "886",
      year: 2020,
      months: 2,
      childrenGbp: 15700,
      placementGbp: 15000,
      placementLines: 5,
      // The redacted £5,000 is of unknown ownership: 8,000 + 1,000 for-profit of 10,000 known.
      knownOwnershipGbp: 10000,
      knownOwnershipLines: 4,
      forProfitGbp: 9000,
      redactedGbp: 5000,
      // 9,000 of 10,000 is for-profit, but over 4 lines: withheld below 20, as the metric withholds it.
      forProfitShare: null,
    });
    // s251: residential + fostering = 20,000 (adoption is not a placement line); private 12,000 of 20,000.
    expect(y.s251).toMatchObject({ totalGbp: 29000, placementGbp: 20000, privatePlacementGbp: 12000 });
    expect(y.s251?.privateShare).toBeCloseTo(0.6, 10);
    expect(y.s251?.coverage).toBeCloseTo(0.75, 10);
    expect(y.panel).toMatchObject({ claTotalGbp: 40000, privateGbp: 15000 });
    expect(y.panel?.coverage).toBeCloseTo(0.375, 10);
    expect(r.sources).toEqual(["derived-cla-spend", "devon-spend", "s251-outturn"]);
  });

  it("finds a provider paid by two councils under two spellings, and no one else", async () => {
    const r = await ledgerPayments(fixture.connection, {});
    expect(r.crossCouncil).toHaveLength(1);
    const p = r.crossCouncil[0]!;
    expect(p.ownership).toBe("for-profit");
    expect(p.councils.map((c) => [c.laCode, c.gbp, c.lines])).toEqual([
      ["886", 8000, 2],
      ["383", 3000, 1],
    ]);
    expect(p.totalGbp).toBe(11000);
    // Kent: Acme, Brook, Hope (the redacted payee is no supplier); Leeds: Acme, Northern.
    expect(r.suppliersPerCouncil).toEqual([
      { laCode: "383", suppliers: 2 },
      { laCode: "886", suppliers: 3 },
    ]);
  });

  it("keeps the cross-council list of one council to the providers it pays", () => {
    const base = { ownership: "for-profit", lines: 1, first_year: 2020, last_year: 2020 };
    const list = crossCouncilProviders([
      { ...base, la_code: "886", name: "Kent", supplier: "One Ltd", gbp: 1 },
      { ...base, la_code: "886", name: "Kent", supplier: "One Limited", gbp: 2 },
    ]);
    // Two spellings in one council are one supplier in one council: not a cross-council provider.
    expect(list).toEqual([]);
  });

  it("computes the metrics over the same lines, withheld below 20 payment lines with n shown", async () => {
    const share = await compare(fixture.connection, {
      metric: "ledger_placement_for_profit_share",
      groupBy: ["council"],
    });
    const kent = share.rows.find((r) => r.dims.council === "886");
    // Four lines of known ownership (the redacted payee is left out of both sides) of five.
    expect(kent).toMatchObject({ n: 4, total: 5, suppressed: true, value: null });
    const hhi = await compare(fixture.connection, { metric: "ledger_placement_hhi", groupBy: ["council"] });
    expect(hhi.rows.find((r) => r.dims.council === "886")).toMatchObject({ n: 4, total: 5, suppressed: true });
  });
});

describe("ledger placement HHI and top-5 share by hand", () => {
  it("squares each supplier's share of one council-year's placement payments", async () => {
    const lines = (name: string, count: number, supplier_ownership = "for-profit") =>
      Array.from({ length: count }, () =>
        pay({ year: 2021, supplier_name: name, supplier_ownership, amount_gbp: 500 }),
      );
    // Acme 16 × £500 = £8,000, Brook £1,000, Hope £1,000, and a credit that counts toward no share.
    const fixture = await fixtureWarehouse({
      local_authorities: [KENT],
      spend: [
        ...lines("Acme Care Ltd", 16),
        ...lines("Brook Homes Ltd", 2),
        ...lines("Hope Trust", 2, "not-for-profit"),
        pay({ year: 2021, supplier_name: "Brook Homes Ltd", amount_gbp: -200 }),
      ],
    });
    try {
      const hhi = await compare(fixture.connection, { metric: "ledger_placement_hhi", groupBy: ["council"] });
      // (80%)² + (10%)² + (10%)² = 6,400 + 100 + 100.
      expect(hhi.rows[0]).toMatchObject({ n: 20, total: 21, suppressed: false });
      expect(hhi.rows[0]?.value).toBeCloseTo(6600, 6);
      const top5 = await compare(fixture.connection, { metric: "ledger_placement_top5_share", groupBy: ["council"] });
      expect(top5.rows[0]?.value).toBeCloseTo(1, 10);
      const share = await compare(fixture.connection, {
        metric: "ledger_placement_for_profit_share",
        groupBy: ["council"],
      });
      // Credits are netted in the share: (8,000 + 1,000 − 200) / (10,000 − 200).
      expect(share.rows[0]?.value).toBeCloseTo(8800 / 9800, 10);
      // The same share in ledgerPayments, now that the council-year has 21 lines of known ownership.
      const lp = await ledgerPayments(fixture.connection, {});
      expect(lp.councilYears[0]?.knownOwnershipLines).toBe(21);
      expect(lp.councilYears[0]?.forProfitShare).toBeCloseTo(8800 / 9800, 10);
    } finally {
      fixture.close();
    }
  });
});
