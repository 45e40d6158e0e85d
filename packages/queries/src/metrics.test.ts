/**
 * The metric registry against a real DuckDB: every metric compiles and runs for every one of
 * its dimensions (as a grouping and as a filter), unknowns never become zero, small groups are
 * suppressed, every proportion of rows carries a Wilson interval, and each aggregate kind gives
 * the answer worked out by hand on a tiny fixture.
 */
import { DIMENSIONS, type DimensionId, getMetric, hasBinomialInterval, METRICS, type MetricDef } from "@lens/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compare } from "./compare.js";
import { compileMetricQuery } from "./compile-metric.js";
import { DIMENSION_SQL } from "./dimension-sql.js";
import { type RawMetricRow, runMetric } from "./metric-rows.js";
import { type SqlMetric, withSql } from "./metric-with-sql.js";
import { runQuery } from "./run.js";
import {
  claRow,
  contract,
  type FixtureRows,
  fixtureWarehouse,
  joinerLeaver,
  KENT,
  LEEDS,
  provider,
  spendLine,
} from "./test-fixture.js";

type Fx = Awaited<ReturnType<typeof fixtureWarehouse>>;

function metric(id: string): MetricDef {
  const m = getMetric(id);
  if (!m) throw new Error(`no metric ${id}`);
  return m;
}

/** The compiled query's raw output, before suppression, so hand-made answers can be checked on small n. */
async function raw(fx: Fx, id: string, groupBy: DimensionId[] = []): Promise<RawMetricRow[]> {
  return runQuery<RawMetricRow>(fx.connection, compileMetricQuery(metric(id), groupBy, {}));
}

// ── A warehouse with a little of everything, for the registry-wide checks ────────────────
const everything: FixtureRows = {
  local_authorities: [KENT, LEEDS],
  contracts: [
    ...[12, 24, 36, 48, null, 60].map((m, i) =>
      contract({
        commissioning_model: i % 2 ? "market-led" : "cooperative",
        supplier_ownership: i % 2 ? "for-profit" : "not-for-profit",
        procedure_type: i % 3 ? "open" : "grant",
        service: i % 2 ? "residential care" : "fostering",
        duration_months: m,
        value_gbp: (i + 1) * 1000,
        annual_value_gbp: (i + 1) * 500,
        supplier_name: `Supplier ${i % 3}`,
        number_of_tenderers: i < 3 ? i + 1 : null,
        supplier_is_sme: i < 4 ? i % 2 === 0 : null,
        supplier_is_vcse: i < 4 ? i % 2 === 0 : null,
        award_date: `${2016 + i}-02-01`,
        tender_end_date: `${2016 + i}-01-01`,
        la_code: i < 3 ? "886" : "383",
        year: 2016 + i,
      }),
    ),
  ],
  provider_snapshots: [
    provider({ overall_rating: "Good", owner_name: "Acme", places: 4 }),
    provider({ overall_rating: "Inadequate", owner_name: "Acme", places: 3, sector: "Voluntary" }),
    provider({ overall_rating: null, owner_name: null, places: null, la_code: "383", year: 2021 }),
  ],
  joiners_leavers: [joinerLeaver({}), joinerLeaver({ event: "Leaver", la_code: "383" })],
  spend: [
    spendLine({ provider_ownership: "private", amount_gbp: 300, service: "residential care" }),
    spendLine({ provider_ownership: "own", amount_gbp: 100, service: "residential care" }),
    spendLine({ supplier_ownership: "for-profit", amount_gbp: 50, la_code: "383", source: "devon-spend" }),
  ],
  cla_placements: [claRow({ children: 4 })],
};

/** Every column is there, but every measured value is unknown. */
const allUnknown: FixtureRows = {
  local_authorities: [KENT],
  contracts: [contract({}), contract({})],
  provider_snapshots: [provider({ provision_type: null }), provider({})],
  joiners_leavers: [],
  spend: [spendLine({}), spendLine({})],
  cla_placements: [claRow({})],
};

/** A value a filter on this dimension can take. */
function sampleValue(d: DimensionId): string {
  return String(DIMENSIONS[d].values?.[0] ?? "x");
}

describe("the registry", () => {
  let fx: Fx;
  beforeAll(async () => {
    fx = await fixtureWarehouse(everything);
  });
  afterAll(() => fx.close());

  it("has unique ids and complete entries", () => {
    const ids = METRICS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of METRICS as readonly MetricDef[]) {
      expect(m.label.length, m.id).toBeGreaterThan(0);
      expect(m.shortLabel.length, m.id).toBeGreaterThan(0);
      expect(m.definition.length, m.id).toBeGreaterThan(40);
      expect(m.sources.length, m.id).toBeGreaterThan(0);
      expect(m.minN, m.id).toBeGreaterThanOrEqual(1);
      for (const d of m.dimensions) expect(DIMENSION_SQL[d][m.table], `${m.id} × ${d}`).toBeDefined();
      if (m.kind === "share") expect(hasBinomialInterval(m), m.id).toBe(true);
    }
  });

  for (const m of METRICS as readonly MetricDef[]) {
    it(`${m.id} runs ungrouped, grouped by and filtered on each of its dimensions`, async () => {
      await runMetric(fx.connection, m, [], {});
      for (const d of m.dimensions) {
        await runMetric(fx.connection, m, [d], {});
        const filters = d === "year" ? { from: 2015, to: 2025 } : { [d]: [sampleValue(d)] };
        await runMetric(fx.connection, m, [], filters);
      }
      if (m.dimensions.length >= 2) await runMetric(fx.connection, m, [m.dimensions[0]!, m.dimensions[1]!], {});
    });
  }

  it("suppresses every group below the metric's minimum n and puts a Wilson interval on every proportion", async () => {
    for (const m of METRICS as readonly MetricDef[]) {
      for (const groupBy of [[], ...m.dimensions.map((d) => [d])] as DimensionId[][]) {
        const { rows } = await runMetric(fx.connection, m, groupBy, {});
        for (const r of rows) {
          if (r.n < m.minN) {
            expect(r, `${m.id} by ${groupBy}`).toMatchObject({ suppressed: true, value: null, numerator: null });
            expect(r.ciLow).toBeNull();
          } else if (hasBinomialInterval(m) && r.denominator !== null && r.denominator > 0) {
            expect(r.ciLow, `${m.id} by ${groupBy}`).not.toBeNull();
            expect(r.ciLow!).toBeLessThanOrEqual(r.value!);
            expect(r.ciHigh!).toBeGreaterThanOrEqual(r.value!);
          }
        }
      }
    }
  });
});

describe("unknown is never zero", () => {
  let fx: Fx;
  beforeAll(async () => {
    fx = await fixtureWarehouse(allUnknown);
  });
  afterAll(() => fx.close());

  for (const m of METRICS as readonly MetricDef[]) {
    if (m.kind === "count" || m.kind === "mix") continue;
    it(`${m.id} gives no value when nothing is known`, async () => {
      const rows = await raw(fx, m.id);
      for (const r of rows) {
        expect(r.value, m.id).toBeNull();
        expect(r.n, m.id).toBe(0);
      }
    });
  }

  it("takes a ratio over rows where both sides are known, so a missing numerator is not a 0", async () => {
    const ratio: SqlMetric = {
      ...withSql(metric("spend_share_for_profit")),
      aggregate: { kind: "ratio", numerator: "f.amount_gbp", denominator: "coalesce(f.amount_gbp, 10) * 2" },
    };
    const ratioFx = await fixtureWarehouse({
      spend: [spendLine({ amount_gbp: 100 }), spendLine({ amount_gbp: null }), spendLine({ amount_gbp: 50 })],
    });
    try {
      const [row] = await runQuery<RawMetricRow>(ratioFx.connection, compileMetricQuery(ratio, [], {}));
      expect(row).toEqual(expect.objectContaining({ value: 0.5, numerator: 150, denominator: 300, n: 2, total: 3 }));
    } finally {
      ratioFx.close();
    }
  });

  it("keeps unknown as a category of its own in a mix", async () => {
    const rows = await raw(fx, "procedure_mix");
    expect(rows).toEqual([expect.objectContaining({ d0: null, value: 1, numerator: 2, denominator: 2, n: 2 })]);
  });
});

// ── Overview: counts, values, lengths and procedures by model ────────────────────────────
describe("contract metrics by model", () => {
  let fx: Fx;
  beforeAll(async () => {
    fx = await fixtureWarehouse({
      local_authorities: [KENT, LEEDS],
      contracts: [
        // market-led: 5 contracts, lengths 12, 24, 36, 48, NULL; values 1k–5k a year, one shared ceiling
        ...(["open", "open", "open", "direct award", null] as const).map((p, i) =>
          contract({
            commissioning_model: "market-led",
            procedure_type: p,
            duration_months: [12, 24, 36, 48, null][i] ?? null,
            annual_value_gbp: (i + 1) * 1000,
            value_is_shared: i === 4,
          }),
        ),
        contract({ commissioning_model: "cooperative", procedure_type: "grant", duration_months: 60 }),
        contract({ commissioning_model: "cooperative", procedure_type: "grant", duration_months: 36 }),
      ],
    });
  });
  afterAll(() => fx.close());

  it("splits procedures within each model, with unknown procedures as their own slice", async () => {
    const result = await compare(fx.connection, { metric: "procedure_mix", groupBy: ["model"] });
    expect(result.groupBy).toEqual(["model", "procedure"]);
    const market = result.rows.filter((r) => r.dims.model === "market-led");
    expect(market.map((r) => [r.dims.procedure, r.numerator, r.denominator, r.value])).toEqual([
      ["direct award", 1, 5, 0.2],
      ["open", 3, 5, 0.6],
      [null, 1, 5, 0.2],
    ]);
    expect(market[1]!.ciLow).toBeCloseTo(0.2307, 3);
    const coop = result.rows.filter((r) => r.dims.model === "cooperative");
    expect(coop).toEqual([expect.objectContaining({ suppressed: true, value: null, n: 2 })]);
  });

  it("takes medians and quartiles over known, own values only", async () => {
    // 1k, 2k, 3k, 4k (the shared ceiling is nobody's value): four values, below the minimum of five
    const value = await compare(fx.connection, { metric: "median_annual_value", groupBy: ["model"] });
    expect(value.rows.find((r) => r.dims.model === "market-led")).toMatchObject({
      value: null,
      q1: null,
      suppressed: true,
      n: 4,
      total: 5,
      coverage: 0.8,
    });
    const [, market] = await raw(fx, "median_annual_value", ["model"]);
    expect(market).toMatchObject({ d0: "market-led", value: 2500, q1: 1750, q3: 3250, n: 4 });
    const [, length] = await raw(fx, "median_duration_months", ["model"]);
    expect(length).toMatchObject({ value: 30, q1: 21, q3: 39, n: 4 });
    const total = await compare(fx.connection, { metric: "total_annual_value", groupBy: ["model"] });
    expect(total.rows.find((r) => r.dims.model === "market-led")).toMatchObject({ value: 10000, n: 4 });
    expect(total.rows.find((r) => r.dims.model === "cooperative")).toMatchObject({ value: null, n: 0, total: 2 });
  });

  it("counts the share of contracts of at least 36 months over contracts of known length", async () => {
    const rows = await raw(fx, "share_36_months", ["model"]);
    expect(rows.map((r) => [r.d0, r.numerator, r.denominator, r.total])).toEqual([
      ["cooperative", 2, 2, 2],
      ["market-led", 2, 4, 5],
    ]);
  });
});

// ── Overview: children's homes Good or Outstanding by sector over years ─────────────────
describe("children's homes ratings", () => {
  let fx: Fx;
  beforeAll(async () => {
    const p2020 = (o: Record<string, string | number | null>) => provider({ year: 2020, ...o });
    fx = await fixtureWarehouse({
      local_authorities: [KENT, LEEDS],
      provider_snapshots: [
        p2020({ overall_rating: "Good" }),
        p2020({ overall_rating: "Outstanding" }),
        p2020({ overall_rating: "Good" }),
        p2020({ overall_rating: "Requires improvement" }),
        p2020({ overall_rating: "Inadequate" }),
        p2020({ overall_rating: null }), // registered, not yet inspected: out of the denominator
        p2020({ overall_rating: "Good", provision_type: "CHILDREN'S HOME", registration_status: "Suspended" }),
        p2020({ overall_rating: "Good", provision_type: "Secure children's home" }), // not a children's home
        p2020({ overall_rating: "Good", registration_status: "Resigned" }), // no longer registered
        p2020({ overall_rating: "Good", sector: "Voluntary" }),
        p2020({ overall_rating: "Good", sector: "Voluntary" }),
        ...[1, 2, 3, 4, 5].map(() => provider({ year: 2021, overall_rating: "Good" })),
        provider({ year: 2023, overall_rating: "Good", provision_type: "Children’s home" }), // typographic apostrophe
      ],
    });
  });
  afterAll(() => fx.close());

  it("gives the share Good or Outstanding among registered, inspected homes by sector and year", async () => {
    const result = await compare(fx.connection, { metric: "homes_good_outstanding", groupBy: ["sector", "year"] });
    expect(result.rows.map((r) => [r.dims.sector, r.dims.year, r.numerator, r.denominator, r.suppressed])).toEqual([
      ["Private", 2020, 4, 6, false],
      ["Private", 2021, 5, 5, false],
      ["Private", 2023, null, null, true],
      ["Voluntary", 2020, null, null, true],
    ]);
    const all2021 = result.rows[1]!;
    expect(all2021.value).toBe(1);
    expect(all2021.ciLow).toBeCloseTo(0.5655, 3); // Wilson keeps 5 of 5 honest
    expect(all2021.ciHigh).toBe(1);
    // Local-authority homes: none in the fixture, so no row at all (never a 0%).
    expect(result.rows.some((r) => r.dims.sector === "Local Authority")).toBe(false);
  });

  it("gives the Inadequate share and the rating mix on the same base", async () => {
    const inadequate = await compare(fx.connection, {
      metric: "homes_inadequate",
      groupBy: ["sector"],
      filters: { from: 2020, to: 2020 },
    });
    expect(inadequate.rows[0]).toMatchObject({ numerator: 1, denominator: 6, total: 8 });
    const mix = await raw(fx, "homes_rating_mix", ["year"]);
    const y2020 = mix.filter((r) => r.d0 === 2020).map((r) => [r.d1, r.numerator]);
    expect(y2020).toEqual([
      ["Good", 5],
      ["Inadequate", 1],
      ["Outstanding", 1],
      ["Requires improvement", 1],
    ]);
  });
});

describe("contract market metrics", () => {
  let fx: Fx;
  beforeAll(async () => {
    const c = (
      la: string,
      supplier: string | null,
      value: number | null,
      extra: Record<string, string | number | boolean | null> = {},
    ) => contract({ la_code: la, service: "residential care", supplier_name: supplier, value_gbp: value, ...extra });
    fx = await fixtureWarehouse({
      local_authorities: [KENT, LEEDS],
      contracts: [
        // Kent: A 600 (5 × 120), B 300 (3 × 100), c 100 (2 × 50, one spelled in capitals); plus unknowns
        ...[1, 2, 3, 4, 5].map(() => c("886", "Supplier A", 120)),
        ...[1, 2, 3].map(() => c("886", "Supplier B", 100)),
        c("886", "Supplier C", 50),
        c("886", " SUPPLIER C ", 50),
        c("886", "Supplier D", null),
        c("886", null, 999),
        c("886", "Supplier E", 5000, { value_is_shared: true }),
        // Leeds: six suppliers, 2 contracts each, worth 50, 40, 30, 20, 10, 10 in total
        ...[50, 40, 30, 20, 10, 10].flatMap((v, i) => [c("383", `L${i}`, v / 2), c("383", `L${i}`, v / 2)]),
      ],
    });
  });
  afterAll(() => fx.close());

  it("computes the HHI of each council's market over known values", async () => {
    const result = await compare(fx.connection, { metric: "supplier_hhi", groupBy: ["council"] });
    const kent = result.rows.find((r) => r.dims.council === "886")!;
    expect(kent).toMatchObject({ n: 10, total: 13, denominator: 1000, suppressed: false });
    expect(kent.value).toBeCloseTo(4600, 6); // (0.6² + 0.3² + 0.1²) × 10,000
    const leeds = result.rows.find((r) => r.dims.council === "383")!;
    const shares = [50, 40, 30, 20, 10, 10].map((v) => v / 160);
    expect(leeds.value).toBeCloseTo(shares.reduce((s, x) => s + x * x, 0) * 10000, 6);
  });

  it("computes the top-5 share with ties and fewer than five suppliers", async () => {
    const result = await compare(fx.connection, { metric: "top5_supplier_share", groupBy: ["council"] });
    expect(result.rows.find((r) => r.dims.council === "886")).toMatchObject({ value: 1, numerator: 1000 });
    expect(result.rows.find((r) => r.dims.council === "383")).toMatchObject({ value: 150 / 160, denominator: 160 });
    const england = await compare(fx.connection, { metric: "top5_supplier_share" });
    // Top five across both councils: A 600, B 300, C 100, L0 50, L1 40 of 1,160
    expect(england.rows[0]!.value).toBeCloseTo(1090 / 1160, 9);
  });
});

describe("tenders, re-tenders and supplier types", () => {
  let fx: Fx;
  beforeAll(async () => {
    fx = await fixtureWarehouse({
      local_authorities: [KENT, LEEDS],
      contracts: [
        contract({ service: "fostering", award_date: "2015-01-01", number_of_tenderers: 1 }),
        contract({ service: "fostering", award_date: "2015-01-01", number_of_tenderers: 1 }), // a second lot, same day
        contract({ service: "fostering", award_date: "2016-06-01", number_of_tenderers: 3 }),
        contract({ service: "fostering", award_date: "2020-01-01" }),
        contract({ service: "other", award_date: "2015-03-01" }),
        contract({ service: "youth", award_date: "2024-01-01", la_code: "383" }),
        contract({ service: "youth", award_date: "2015-01-01", la_code: "383", in_scope: false }),
        contract({ tender_end_date: "2020-01-01", award_date: "2020-01-31", supplier_is_sme: true }),
        contract({ tender_end_date: "2020-01-01", award_date: "2020-03-01", supplier_is_sme: false }),
        contract({ tender_end_date: "2020-03-01", award_date: "2020-01-01", supplier_is_vcse: true }),
      ],
    });
  });
  afterAll(() => fx.close());

  it("counts a contract as re-tendered when the same council lets the same service again within three years", async () => {
    const [row] = await raw(fx, "retender_within_3y");
    // Base: the four Kent fostering contracts up to 2021-01-01 (data end 2024-01-01 minus 3 years).
    // Followed within 3 years: both 2015 lots (next award 2016-06-01); not 2016 (next 2020) nor 2020.
    expect(row).toMatchObject({ numerator: 2, denominator: 4, value: 0.5 });
  });

  it("reports the single-tenderer share with its coverage", async () => {
    const [row] = await raw(fx, "single_tenderer_share");
    expect(row).toMatchObject({ numerator: 2, denominator: 3, n: 3, total: 9 });
  });

  it("takes days from tender close to award only where the award follows the close", async () => {
    const [row] = await raw(fx, "median_days_tender_to_award");
    expect(row).toMatchObject({ value: 45, n: 2 });
  });

  it("takes SME and VCSE shares over suppliers whose status is known", async () => {
    expect((await raw(fx, "sme_share"))[0]).toMatchObject({ numerator: 1, denominator: 2 });
    expect((await raw(fx, "vcse_share"))[0]).toMatchObject({ numerator: 1, denominator: 1 });
  });
});

describe("provider market and spend metrics", () => {
  let fx: Fx;
  beforeAll(async () => {
    const home = (owner: string | null, places: number | null) => provider({ year: 2022, owner_name: owner, places });
    fx = await fixtureWarehouse({
      local_authorities: [KENT, LEEDS],
      provider_snapshots: [
        home("Acme Ltd", 4),
        home("ACME LTD ", 4),
        home("acme ltd", 4),
        home("Beta", 3),
        home("Beta", 3),
        home("Gamma", 2),
        home("Delta", null),
        home(null, 5),
        provider({ year: 2022, owner_name: "Acme Ltd", places: 10, provision_type: "Independent fostering agency" }),
        provider({ year: 2022, covers_all_registered: false, places: 7 }),
      ],
      joiners_leavers: [
        joinerLeaver({}),
        joinerLeaver({ event: "joiner" }),
        joinerLeaver({ event: "Joiners" }),
        joinerLeaver({ event: "Leaver" }),
      ],
      spend: [
        spendLine({ provider_ownership: "own", amount_gbp: 100 }),
        spendLine({ provider_ownership: "private", amount_gbp: 300 }),
        spendLine({ provider_ownership: "voluntary", amount_gbp: 100, service_line: "7 Fostering services" }),
        spendLine({ provider_ownership: "other public", amount_gbp: 100, service_line: "7 Fostering services" }),
        spendLine({ provider_ownership: "private", amount_gbp: null }),
        spendLine({
          provider_ownership: "private",
          amount_gbp: 999,
          year: 2021,
          service_line: "25 Targeted family support",
        }),
        spendLine({ supplier_ownership: "for-profit", amount_gbp: 50, service_line: null, source: "devon-spend" }),
        spendLine({ supplier_ownership: "unknown", amount_gbp: 1000, service_line: null, source: "devon-spend" }),
        spendLine({ la_code: "383", provider_ownership: "private", amount_gbp: 10 }),
      ],
      cla_placements: [
        claRow({ provider: "Private", children: 4 }),
        claRow({ provider: "Own provision", children: 2 }),
        claRow({ provider: "Private", placement_type: "Foster placements", children: 99 }),
        claRow({ provider: "Private", children: null, marker: "x" }),
      ],
    });
  });
  afterAll(() => fx.close());

  it("counts providers and places only from snapshots covering every registered provider", async () => {
    expect((await raw(fx, "providers"))[0]).toMatchObject({ value: 9 });
    expect((await raw(fx, "places"))[0]).toMatchObject({ value: 35, n: 8, total: 9 });
  });

  it("gives children's homes per owner and the largest owners' share of places", async () => {
    // 7 homes with an owner; owners acme, beta, gamma, delta
    expect((await raw(fx, "homes_per_owner"))[0]).toMatchObject({ value: 1.75, numerator: 7, denominator: 4 });
    // places with a known owner: acme 12, beta 6, gamma 2 (delta's places unknown, the ownerless home left out)
    expect((await raw(fx, "top10_owner_places_share"))[0]).toMatchObject({ value: 1, denominator: 20, n: 6 });
  });

  it("counts joiners and leavers", async () => {
    expect((await raw(fx, "joiners"))[0]).toMatchObject({ value: 3 });
    expect((await raw(fx, "leavers"))[0]).toMatchObject({ value: 1 });
  });

  it("splits spend by provider ownership and takes the for-profit share over known ownership", async () => {
    const mix = await compare(fx.connection, {
      metric: "spend_by_ownership",
      groupBy: ["council"],
      filters: { from: 2020, to: 2020 },
    });
    const kent = mix.rows.filter((r) => r.dims.council === "886");
    expect(kent.map((r) => [r.dims.provider_ownership, r.value])).toEqual([
      ["other public", 100 / 600],
      ["own", 100 / 600],
      ["private", 300 / 600],
      ["voluntary", 100 / 600],
    ]);
    expect(kent[0]!.ciLow).toBeNull(); // a census of money, not a sample of rows
    const share = await compare(fx.connection, {
      metric: "spend_share_for_profit",
      groupBy: ["council"],
      filters: { from: 2020, to: 2020 },
    });
    expect(share.rows.find((r) => r.dims.council === "886")).toMatchObject({ numerator: 350, denominator: 650 });
  });

  it("divides placement spend by children looked after where both are known", async () => {
    const result = await compare(fx.connection, { metric: "placement_spend_per_cla", groupBy: ["council", "year"] });
    // Kent 2020: residential + fostering lines 600 / (4 + 2) children; Leeds has no CLA count → no row
    expect(result.rows).toEqual([
      expect.objectContaining({ dims: { council: "886", year: 2020 }, value: 100, numerator: 600, denominator: 6 }),
    ]);
  });
});

describe("weekly cost per child by provider type", () => {
  let fx: Fx;
  const weekly = (pounds: number) => pounds * 52.18;
  beforeAll(async () => {
    fx = await fixtureWarehouse({
      local_authorities: [KENT, LEEDS],
      spend: [
        // Kent 2020: both placement lines count, another line does not.
        spendLine({ provider_ownership: "own", amount_gbp: weekly(100), service_line: "Residential care" }),
        spendLine({ provider_ownership: "own", amount_gbp: weekly(100), service_line: "Fostering services" }),
        spendLine({ provider_ownership: "own", amount_gbp: weekly(900), service_line: "Adoption services" }),
        spendLine({ provider_ownership: "private", amount_gbp: weekly(2000), service_line: "Residential care" }),
        spendLine({ provider_ownership: "other public", amount_gbp: weekly(110), service_line: "Fostering services" }),
        spendLine({ provider_ownership: "voluntary", amount_gbp: weekly(500), service_line: "Fostering services" }),
        // Kent 2021: £0 private spend beside 15 children placed privately is a gap, not a £0 placement.
        spendLine({
          year: 2021,
          provider_ownership: "own",
          amount_gbp: weekly(100),
          service_line: "Fostering services",
        }),
        spendLine({ year: 2021, provider_ownership: "private", amount_gbp: 0, service_line: "Residential care" }),
        // Leeds 2020 delivered by a trust; Leeds 2021 all other public.
        spendLine({
          la_code: "383",
          provider_ownership: "own",
          amount_gbp: weekly(100),
          service_line: "Residential care",
          delivered_by: "A Children's Trust",
        }),
        spendLine({
          la_code: "383",
          year: 2021,
          provider_ownership: "other public",
          amount_gbp: weekly(100),
          service_line: "Residential care",
        }),
        spendLine({
          la_code: "383",
          year: 2021,
          provider_ownership: "own",
          amount_gbp: 0,
          service_line: "Residential care",
        }),
      ],
      cla_placements: [
        claRow({ provider: "own", children: 20 }),
        claRow({ provider: "private", children: 10 }),
        claRow({ provider: "other LA", children: 3 }),
        claRow({ provider: "other public", children: 8 }),
        claRow({ provider: "voluntary", children: 5 }),
        claRow({ provider: "parents", children: 30 }),
        claRow({ provider: "private", placement_type: "Foster placements", children: 99 }),
        claRow({ year: 2021, provider: "own", children: 10 }),
        claRow({ year: 2021, provider: "private", children: 15 }),
        claRow({ la_code: "383", provider: "own", children: 50 }),
        claRow({ la_code: "383", year: 2021, provider: "own", children: 50 }),
        claRow({ la_code: "383", year: 2021, provider: "other public", children: 50 }),
      ],
    });
  });
  afterAll(() => fx?.close());

  it("divides each provider's placement spend by its children at 31 March and by 52.18 weeks", async () => {
    const result = await compare(fx.connection, {
      metric: "weekly_cost_per_child",
      groupBy: ["council", "provider_ownership"],
      filters: { from: 2020, to: 2020 },
    });
    const rows = result.rows.map((r) => [
      r.dims.council,
      r.dims.provider_ownership,
      r.value,
      r.denominator,
      r.suppressed,
    ]);
    expect(rows).toEqual([
      // (100 + 100) a week over 20 children; adoption is not a placement line
      ["886", "other public", expect.closeTo(110 / 11, 9), 11, false],
      ["886", "own", expect.closeTo(10, 9), 20, false],
      ["886", "private", expect.closeTo(200, 9), 10, false],
      // 5 children: under the minimum of 10, withheld
      ["886", "voluntary", null, null, true],
    ]);
  });

  it("leaves out missing sides, trust-delivered and all-other-public council-years", async () => {
    const result = await compare(fx.connection, { metric: "weekly_cost_per_child", groupBy: ["council", "year"] });
    // Leeds has no row in either year; Kent 2021 is own only (private £0 left out).
    expect(result.rows.map((r) => [r.dims.council, r.dims.year, r.denominator])).toEqual([
      ["886", 2020, 46],
      ["886", 2021, 10],
    ]);
  });
});
