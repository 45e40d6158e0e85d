/**
 * What every compare answer says beside its numbers — who supplied the rows, the exclusion
 * filters, the like-for-like estimate end to end through SQL, and the register-snapshot
 * caveat — on handmade rows whose answers are worked out in the comments.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compare } from "./compare.js";
import { contract, fixtureWarehouse, KENT, LEEDS } from "./test-fixture.js";
import { timeseries } from "./timeseries.js";

const NORFOLK = {
  la_code: "926",
  ons_code: "E10000020",
  name: "Norfolk",
  region: "East of England",
  la_type: "County",
};
const cf = (model: string, service: string, months: number, la: string | null) =>
  contract({ commissioning_model: model, service, duration_months: months, la_code: la, source: "contracts-finder" });
const times = (k: number, make: () => ReturnType<typeof contract>) => Array.from({ length: k }, make);

// Market-led (Kent, Contracts Finder): transport 8 of 10 ≥ 36 months, fostering 1 of 5  → 9/15 = 60%
// Cooperative (Contracts Finder):     transport 5 of 5 (Leeds), fostering 3 of 10 (Kent, one with no council) → 8/15 = 53%
// Within each service cooperative is higher (100% > 80%, 30% > 20%): a Simpson's-paradox pair.
// Norfolk's register adds one market-led transport contract of 40 months (2010) and one of unknown
// length; Find a Tender one of unknown length (neither of the last two counts in n).
const rows = [
  ...times(8, () => cf("market-led", "SEND and transport", 48, "886")),
  ...times(2, () => cf("market-led", "SEND and transport", 12, "886")),
  cf("market-led", "fostering", 48, "886"),
  ...times(4, () => cf("market-led", "fostering", 12, "886")),
  ...times(5, () => cf("cooperative", "SEND and transport", 48, "383")),
  ...times(3, () => cf("cooperative", "fostering", 48, "886")),
  ...times(6, () => cf("cooperative", "fostering", 12, "886")),
  cf("cooperative", "fostering", 12, null),
  contract({
    commissioning_model: "market-led",
    service: "SEND and transport",
    duration_months: 40,
    la_code: "926",
    source: "norfolk-register",
    stage: "register",
    year: 2010,
  }),
  contract({
    commissioning_model: "market-led",
    service: "SEND and transport",
    duration_months: null,
    la_code: "926",
    source: "norfolk-register",
    stage: "register",
    year: 2010,
  }),
  contract({ commissioning_model: "market-led", duration_months: null, source: "find-a-tender" }),
];

let fx: Awaited<ReturnType<typeof fixtureWarehouse>>;
beforeAll(async () => {
  fx = await fixtureWarehouse({ local_authorities: [KENT, LEEDS, NORFOLK], contracts: rows });
});
afterAll(() => fx.close());

const Z = 1.959963984540054;
const acVar = (x: number, n: number) => (((x + 2) / (n + 4)) * (1 - (x + 2) / (n + 4))) / (n + 4);

describe("compare: who supplied the rows", () => {
  it("names the largest council and source of the rows behind the answer, and says so in words", async () => {
    const r = await compare(fx.connection, { metric: "share_36_months", groupBy: ["model"] });
    // Rows in n: 31 (every row with a known length). Kent 15 + 9 = 24; Contracts Finder 30.
    expect(r.concentration).toEqual([
      { dimension: "council", value: "886", label: "Kent", share: 24 / 31, rows: 24, total: 31 },
      {
        dimension: "source",
        value: "contracts-finder",
        label: "Contracts Finder",
        share: 30 / 31,
        rows: 30,
        total: 31,
      },
    ]);
    expect(r.sentence).toBe("97% of these contracts come from Contracts Finder; 77% from Kent");
    // Find a Tender's only row has no length, so it contributed nothing to this number.
    expect(r.sources).toEqual([
      { id: "contracts-finder", label: "Contracts Finder", rows: 30 },
      { id: "norfolk-register", label: "Norfolk County Council's 2015 contract register", rows: 1 },
    ]);
    expect(r.adjustedFor).toEqual([]);
    expect(r.rows.every((row) => row.adjusted === undefined)).toBe(true);
    expect(r.caveats).toEqual([]);
    expect(r.snapshotBias).toBeNull();
  });

  it("leaves out excluded councils but keeps rows with no council recorded", async () => {
    const r = await compare(fx.connection, { metric: "share_36_months", filters: { excludeCouncils: ["886"] } });
    // Leeds 5 (all ≥ 36) + no council 1 (12 months) + Norfolk 1 (40 months) → 6 / 7.
    expect(r.rows[0]).toMatchObject({ numerator: 6, denominator: 7 });
    expect(r.concentration[0]).toMatchObject({ value: "383", rows: 5, total: 7 });
  });

  it("leaves out excluded sources", async () => {
    const r = await compare(fx.connection, {
      metric: "contracts",
      filters: { excludeSources: ["contracts-finder", "find-a-tender"] },
    });
    expect(r.rows[0]!.value).toBe(2);
    expect(r.sentence).toBe("All of these contracts come from Norfolk County Council's 2015 contract register");
  });

  it("rejects an exclusion of an unknown source", async () => {
    await expect(
      compare(fx.connection, { metric: "contracts", filters: { excludeSources: ["no-such-source"] } }),
    ).rejects.toThrow(/unknown source id/);
  });

  it("warns that a register drawn by year is a snapshot, on compare and timeseries alike", async () => {
    const r = await compare(fx.connection, { metric: "share_36_months", groupBy: ["year"] });
    const t = await timeseries(fx.connection, { metric: "share_36_months", dimension: "model" });
    expect(t.snapshotBias).toEqual(r.snapshotBias);
    expect(t.caveats).toEqual(r.caveats);
    expect(t.concentration).toEqual(r.concentration);
    expect(r.snapshotBias).toEqual({
      sources: [
        {
          id: "norfolk-register",
          label: "Norfolk County Council's 2015 contract register",
          snapshotDate: "2015-03-28",
          rows: 1,
        },
      ],
    });
    expect(r.caveats).toHaveLength(1);
    expect(r.caveats[0]).toMatch(
      /^1 of these contracts come from Norfolk County Council's 2015 contract register, which lists what was live on 28 March 2015/,
    );
  });
});

describe("compare: like for like", () => {
  it("reverses the raw gap once service is held fixed", async () => {
    const r = await compare(fx.connection, {
      metric: "share_36_months",
      groupBy: ["model"],
      filters: { excludeSources: ["norfolk-register"] },
      adjust: ["service"],
    });
    const market = r.rows.find((x) => x.dims.model === "market-led")!;
    const coop = r.rows.find((x) => x.dims.model === "cooperative")!;
    expect(market.value).toBeCloseTo(0.6, 12);
    expect(coop.value).toBeCloseTo(8 / 15, 12);
    // Pooled: transport 15, fostering 15 → w = ½, ½. Market-led ½·0.8 + ½·0.2 = 0.5; cooperative ½·1 + ½·0.3 = 0.65.
    expect(market.adjusted!.value).toBeCloseTo(0.5, 12);
    expect(coop.adjusted!.value).toBeCloseTo(0.65, 12);
    const varCoop = 0.25 * acVar(5, 5) + 0.25 * acVar(3, 10);
    expect(coop.adjusted!.ciLow).toBeCloseTo(0.65 - Z * Math.sqrt(varCoop), 12);
    expect(coop.adjusted!.ciHigh).toBeCloseTo(Math.min(1, 0.65 + Z * Math.sqrt(varCoop)), 12);
    expect(r.adjustedFor).toEqual(["service"]);
  });

  it("lists the stratum only one model has, with its rows", async () => {
    const r = await compare(fx.connection, {
      metric: "share_36_months",
      groupBy: ["model"],
      adjust: ["source", "service"],
    });
    expect(r.adjustedFor).toEqual(["service", "source"]);
    const market = r.rows.find((x) => x.dims.model === "market-led")!;
    expect(market.value).toBeCloseTo(10 / 16, 12);
    expect(market.adjusted!.value).toBeCloseTo(0.5, 12);
    expect(market.adjusted!.strata).toEqual({
      used: 2,
      total: 3,
      excluded: [
        {
          stratum: { service: "SEND and transport", source: "norfolk-register" },
          rows: 1,
          reason: "no rows in Cooperative",
        },
      ],
    });
  });

  it("gives a count no adjusted value, and says why", async () => {
    const r = await compare(fx.connection, { metric: "contracts", groupBy: ["model"], adjust: ["service"] });
    for (const row of r.rows) {
      expect(row.adjusted).toMatchObject({ value: null, ciLow: null, ciHigh: null });
      expect(row.adjusted!.reason).toMatch(/^a count or total/);
    }
  });

  it("refuses strata the metric lacks, strata it is grouped by, and unknown strata", async () => {
    await expect(compare(fx.connection, { metric: "providers", adjust: ["service"] })).rejects.toThrow(
      /no 'service' dimension/,
    );
    await expect(
      compare(fx.connection, { metric: "share_36_months", groupBy: ["service"], adjust: ["service"] }),
    ).rejects.toThrow(/while grouping by it/);
    await expect(
      compare(fx.connection, { metric: "share_36_months", adjust: ["region" as "service"] }),
    ).rejects.toThrow(/unknown adjust dimension/);
  });
});
