/**
 * Which groups a like-for-like estimate compares. Common support shrinks with every group
 * added: here in-house has rows in one stratum only, so holding all four models to the strata
 * they all share keeps one of two, while market-led and cooperative share both. Answers are
 * worked out by hand in the comments.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compare } from "./compare.js";
import { contract, fixtureWarehouse, KENT } from "./test-fixture.js";

const cf = (model: string, service: string, months: number) =>
  contract({
    commissioning_model: model,
    service,
    duration_months: months,
    la_code: "886",
    source: "contracts-finder",
  });
const times = (k: number, make: () => ReturnType<typeof contract>) => Array.from({ length: k }, make);
const T = "SEND and transport";
const F = "fostering";

// ≥ 36 months of known lengths, by model and service:
//   market-led   transport 8/10, fostering 2/10
//   cooperative  transport 4/5,  fostering 6/10
//   in-house     transport 3/5   (no fostering)
//   unknown      transport 3/5,  fostering 2/5
const rows = [
  ...times(8, () => cf("market-led", T, 48)),
  ...times(2, () => cf("market-led", T, 12)),
  ...times(2, () => cf("market-led", F, 48)),
  ...times(8, () => cf("market-led", F, 12)),
  ...times(4, () => cf("cooperative", T, 48)),
  cf("cooperative", T, 12),
  ...times(6, () => cf("cooperative", F, 48)),
  ...times(4, () => cf("cooperative", F, 12)),
  ...times(3, () => cf("in-house", T, 48)),
  ...times(2, () => cf("in-house", T, 12)),
  ...times(3, () => cf("unknown", T, 48)),
  ...times(2, () => cf("unknown", T, 12)),
  ...times(2, () => cf("unknown", F, 48)),
  ...times(3, () => cf("unknown", F, 12)),
];

let fx: Awaited<ReturnType<typeof fixtureWarehouse>>;
beforeAll(async () => {
  fx = await fixtureWarehouse({ local_authorities: [KENT], contracts: rows });
});
afterAll(() => fx.close());

const byModel = (r: Awaited<ReturnType<typeof compare>>, model: string) => r.rows.find((x) => x.dims.model === model)!;
const ask = { metric: "share_36_months", groupBy: ["model" as const], adjust: ["service" as const, "source" as const] };

describe("compare: the groups compared like for like", () => {
  it("compares market-led and cooperative over the strata both have, by default", async () => {
    const r = await compare(fx.connection, ask);
    expect(r.adjustedGroups).toEqual({ dimension: "model", values: ["market-led", "cooperative"] });
    // Pooled rows of the two: transport 15, fostering 20 → w = 15/35, 20/35.
    // Market-led (15·0.8 + 20·0.2)/35 = 16/35; cooperative (15·0.8 + 20·0.6)/35 = 24/35.
    expect(byModel(r, "market-led").adjusted!.value).toBeCloseTo(16 / 35, 12);
    expect(byModel(r, "cooperative").adjusted!.value).toBeCloseTo(24 / 35, 12);
    expect(byModel(r, "cooperative").adjusted!.strata).toEqual({ used: 2, total: 2, excluded: [] });
    for (const model of ["in-house", "unknown"]) {
      const a = byModel(r, model).adjusted!;
      expect(a).toMatchObject({ value: null, ciLow: null, ciHigh: null });
      expect(a.reason).toMatch(/^shown as recorded only: like for like compares Market-led and Cooperative/);
    }
    // As recorded is untouched: in-house 3 of 5.
    expect(byModel(r, "in-house").value).toBeCloseTo(0.6, 12);
  });

  it("shrinks the common support to one stratum when all four models are compared", async () => {
    const r = await compare(fx.connection, {
      ...ask,
      adjustGroups: ["market-led", "cooperative", "in-house", "unknown"],
    });
    expect(r.adjustedGroups).toEqual({
      dimension: "model",
      values: ["market-led", "cooperative", "in-house", "unknown"],
    });
    // In-house has no fostering, so fostering (10 + 10 + 5 = 25 rows) is dropped for every model:
    // each model's value is its transport share, and the cooperative lead over market-led vanishes.
    const market = byModel(r, "market-led").adjusted!;
    expect(market.value).toBeCloseTo(0.8, 12);
    expect(byModel(r, "cooperative").adjusted!.value).toBeCloseTo(0.8, 12);
    expect(byModel(r, "in-house").adjusted!.value).toBeCloseTo(0.6, 12);
    expect(market.strata).toEqual({
      used: 1,
      total: 2,
      excluded: [{ stratum: { service: F, source: "contracts-finder" }, rows: 25, reason: "no rows in In-house" }],
    });
  });

  it("compares the models a model filter chose", async () => {
    const r = await compare(fx.connection, { ...ask, filters: { model: ["market-led", "cooperative", "in-house"] } });
    expect(r.adjustedGroups).toBeNull();
    expect(byModel(r, "in-house").adjusted!.value).toBeCloseTo(0.6, 12);
    expect(byModel(r, "market-led").adjusted!.strata.used).toBe(1);
  });

  it("compares every group when not grouped by model, and refuses named models then", async () => {
    const r = await compare(fx.connection, { ...ask, groupBy: ["ownership"] });
    expect(r.adjustedGroups).toBeNull();
    await expect(
      compare(fx.connection, { ...ask, groupBy: ["ownership"], adjustGroups: ["market-led"] }),
    ).rejects.toThrow(/group by 'model'/);
    const plain = await compare(fx.connection, { metric: "share_36_months", groupBy: ["model"] });
    expect(plain.adjustedGroups).toBeNull();
  });
});
