/**
 * Property-style test: random and hostile inputs (long strings, SQL fragments, unicode, huge
 * numbers, wrong types, nested junk) thrown at every procedure (through the caller and over
 * HTTP) and at every data API endpoint. Each call either succeeds with the junk treated as data
 * (a free-text search for "'; DROP TABLE …" is a valid search) or fails with a 4xx and a
 * message — never a 500, never a stack trace — and the warehouse is byte-for-byte unchanged.
 */

import { Random } from "@lens/sample";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint, openFixture, startServer } from "./test/fixture.js";

/** The sample's seeded PRNG (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

const nested = (depth: number): unknown => (depth === 0 ? "deep" : { a: [nested(depth - 1)] });

const HOSTILE: readonly unknown[] = [
  "",
  " ",
  "x".repeat(100_000),
  "'; DROP TABLE contracts; --",
  "1 OR 1=1",
  '" OR ""="',
  "$1",
  "$f_year_from",
  "ATTACH '/srv/evil.duckdb' AS evil",
  "COPY contracts TO '/srv/x.csv'",
  "886'); DELETE FROM contracts; --",
  "=cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "\u0000",
  "\ud800",
  "😀🏳️‍🌈",
  "\u202eevil",
  "Ｋｅｎｔ",
  "%",
  "_",
  "\\",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  0,
  -1,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  2 ** 53 + 1,
  0.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  null,
  [],
  [null],
  ["model", "model", "model"],
  Array.from({ length: 1000 }, (_, i) => `v${i}`),
  {},
  { $gt: "" },
  { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } },
  nested(200),
];

type Call = (input: unknown) => Promise<unknown>;

let fx: Awaited<ReturnType<typeof openFixture>>;
let server: Awaited<ReturnType<typeof startServer>>;
let before: Awaited<ReturnType<typeof fingerprint>>;

beforeAll(async () => {
  fx = await openFixture();
  server = await startServer(fx.warehouse);
  before = await fingerprint(fx.warehouse);
});
afterAll(async () => {
  await server.close();
  fx.close();
});

/** Procedures with input, and a valid input for each to mutate (`path` when one procedure is listed twice). */
const PROCEDURES: Record<string, { valid: Record<string, unknown>; call: () => Call; path?: string }> = {
  "meta.filterOptions": { valid: { table: "contracts" }, call: () => (i) => fx.caller.meta.filterOptions(i as never) },
  "metrics.compare": {
    valid: { metric: "share_36_months", groupBy: ["model"], filters: { region: ["London"], from: 2016 } },
    call: () => (i) => fx.caller.metrics.compare(i as never),
  },
  "metrics.timeseries": {
    valid: { metric: "contracts", dimension: "model", filters: { council: ["886"] } },
    call: () => (i) => fx.caller.metrics.timeseries(i as never),
  },
  "metrics.distribution": {
    valid: { metric: "median_duration_months", groupBy: "model", bins: 10, filters: {} },
    call: () => (i) => fx.caller.metrics.distribution(i as never),
  },
  "metrics.scatter": {
    valid: { x: "share_36_months", y: "sme_share", filters: { from: 2018 } },
    call: () => (i) => fx.caller.metrics.scatter(i as never),
  },
  benchmark: {
    valid: { council: "886", metrics: ["share_36_months"], filters: {} },
    call: () => (i) => fx.caller.benchmark(i as never),
  },
  councilIlacs: {
    valid: { council: "886" },
    call: () => (i) => fx.caller.councilIlacs(i as never),
  },
  ledgerPayments: {
    valid: { council: "886" },
    call: () => (i) => fx.caller.ledgerPayments(i as never),
  },
  "contracts.search": {
    valid: { q: "foster", page: 1, pageSize: 10, sort: "value", filters: { model: ["cooperative"] } },
    call: () => (i) => fx.caller.contracts.search(i as never),
  },
  "contracts.redFlags": {
    valid: { q: "foster", filters: { model: ["cooperative"] } },
    call: () => (i) => fx.caller.contracts.redFlags(i as never),
  },
  "providers.search": {
    valid: { q: "home", page: 1, pageSize: 10, filters: {} },
    call: () => (i) => fx.caller.providers.search(i as never),
  },
  exportCsv: {
    valid: { view: "compare", input: { metric: "contracts", groupBy: ["model"] } },
    call: () => (i) => fx.caller.exportCsv(i as never),
  },
  "exportCsv (chart)": {
    path: "exportCsv",
    valid: {
      view: "chart",
      chart: {
        kind: "recipe",
        recipe: { id: "explore-x", page: "/explore", metric: "share_36_months", chart: "bar", groupBy: ["model"] },
        filters: { from: 2016 },
      },
      highlight: "886",
      permalink: "https://lens.example/explore?metric=share_36_months",
      layout: "spreadsheet",
    },
    call: () => (i) => fx.caller.exportCsv(i as never),
  },
  exportChartXlsx: {
    valid: {
      chart: { kind: "benchmark", part: "trend", council: "886", metric: "share_36_months", filters: {} },
      highlight: "886",
    },
    call: () => (i) => fx.caller.exportChartXlsx(i as never),
  },
  "exportCsv (benchmark chart)": {
    path: "exportCsv",
    valid: {
      view: "chart",
      chart: {
        kind: "benchmark-group",
        council: "886",
        metric: "share_36_months",
        group: { kind: "custom", custom: ["845"] },
        filters: {},
      },
    },
    call: () => (i) => fx.caller.exportCsv(i as never),
  },
};

/** A valid input with one field (top level or one level down) replaced by junk, or junk outright. */
function mutate(valid: Record<string, unknown>, next: () => number): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const junk = pick(HOSTILE);
  const roll = next();
  if (roll < 0.15) return junk;
  const copy = structuredClone(valid);
  const key = pick([...Object.keys(copy), "filters", "unexpected"]);
  const inner = copy[key];
  if (roll < 0.5 && inner !== null && typeof inner === "object" && !Array.isArray(inner)) {
    const innerKeys = [...Object.keys(inner), "region", "council", "from", "to", "sector", "nope", "metric"];
    (inner as Record<string, unknown>)[pick(innerKeys)] = roll < 0.35 ? junk : [junk];
  } else copy[key] = roll < 0.75 ? junk : [junk];
  return copy;
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at |\.ts:\d+:\d+/);

describe("hostile input", () => {
  it.each(Object.keys(PROCEDURES))("%s: 4xx with a message or a clean answer, never a 500", async (name) => {
    const { valid, call } = PROCEDURES[name]!;
    const next = rng(name.length * 7919);
    let rejected = 0;
    for (let i = 0; i < 120; i++) {
      const input = mutate(valid, next);
      try {
        await call()(input);
      } catch (error) {
        rejected++;
        expect(error, `${name} ${JSON.stringify(input)?.slice(0, 200)}`).toBeInstanceOf(TRPCError);
        const status = getHTTPStatusCodeFromError(error as TRPCError);
        expect(status, `${name}: ${(error as Error).message}`).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
        expect((error as Error).message.length).toBeGreaterThan(3);
      }
    }
    expect(rejected).toBeGreaterThan(20);
  });

  it("over HTTP, tRPC answers junk with a 4xx JSON error without a stack", async () => {
    const next = rng(42);
    for (const [name, { valid, path = name }] of Object.entries(PROCEDURES)) {
      for (let i = 0; i < 15; i++) {
        const input = mutate(valid, next);
        const encoded = encodeURIComponent(JSON.stringify(input) ?? "null").slice(0, 6000);
        const res = await fetch(`${server.base}/api/trpc/${path}?input=${encoded}`);
        const text = await res.text();
        expect(res.status, `${name} ${text.slice(0, 300)}`).toBeLessThan(500);
        noStack(text);
        if (res.status >= 400) expect((JSON.parse(text) as { error: { message: string } }).error.message).toBeTruthy();
      }
    }
    const raw = await fetch(`${server.base}/api/trpc/metrics.compare?input=%7Bnot-json`);
    expect(raw.status).toBe(400);
    noStack(await raw.text());
  });

  it("the data API answers junk query strings with 4xx JSON naming a parameter", async () => {
    const next = rng(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    const names = ["groupBy", "from", "to", "format", "region", "council", "model", "sector", "x", "year", "__proto__"];
    const paths = ["contracts", "share_36_months", "nope", "%00", "..%2F..%2Fetc", "contracts%27--", "😀"];
    let bad = 0;
    for (let i = 0; i < 200; i++) {
      const params = new URLSearchParams();
      const count = 1 + Math.floor(next() * 3);
      for (let j = 0; j < count; j++) params.append(pick(names), String(pick(HOSTILE)).slice(0, 2000));
      const res = await fetch(`${server.base}/api/v1/metrics/${pick(paths)}?${params}`);
      const text = await res.text();
      expect(res.status, `${params} → ${text.slice(0, 300)}`).toBeLessThan(500);
      noStack(text);
      if (res.status >= 400) {
        bad++;
        const body = JSON.parse(text) as { error: { message: string } };
        expect(body.error.message.length).toBeGreaterThan(3);
      }
    }
    expect(bad).toBeGreaterThan(150);
    const long = await fetch(`${server.base}/api/v1/metrics/contracts?region=${"a".repeat(9000)}`);
    expect(long.status).toBe(414);
  });

  it("left the warehouse unchanged (row counts and file checksum)", async () => {
    expect(await fingerprint(fx.warehouse)).toEqual(before);
  });
});
