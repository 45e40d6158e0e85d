/** The public data API over real HTTP, on the fixture warehouse: status codes, bodies, CORS, errors. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openFixture, startServer } from "../test/fixture.js";

let fx: Awaited<ReturnType<typeof openFixture>>;
let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  fx = await openFixture();
  server = await startServer(fx.warehouse, fx.cache);
});
afterAll(async () => {
  await server.close();
  fx.close();
});

const get = (path: string, init?: RequestInit) => fetch(`${server.base}${path}`, init);

describe("GET /api/v1/metrics", () => {
  it("lists the registry with definitions, with CORS open for GET", async () => {
    const res = await get("/api/v1/metrics");
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await res.json()) as { metrics: { id: string; definition: string; url: string }[] };
    const m = body.metrics.find((x) => x.id === "share_36_months");
    expect(m?.definition).toMatch(/36 months/);
    expect(m?.url).toBe("/api/v1/metrics/share_36_months");
  });

  it("answers a CORS preflight", async () => {
    const res = await get("/api/v1/metrics", { method: "OPTIONS" });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-methods")).toMatch(/GET/);
  });

  it("lists the councils and the dimensions", async () => {
    const councils = (await (await get("/api/v1/councils")).json()) as { councils: { laCode: string }[] };
    expect(councils.councils).toHaveLength(153);
    const dims = (await (await get("/api/v1/dimensions")).json()) as { dimensions: { id: string }[] };
    expect(dims.dimensions.map((d) => d.id)).toContain("model");
  });

  it("lists the source catalogue and what this sample warehouse was built from", async () => {
    const res = await get("/api/v1/sources");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      catalogue: { id: string; licence: string }[];
      used: { id: string; files: number }[];
      sample: boolean;
    };
    expect(body.catalogue.find((s) => s.id === "ofsted-providers")?.licence).toMatch(/Open Government Licence/);
    expect(body.sample).toBe(true);
    expect(body.used.map((s) => s.id)).toContain("contracts-finder");
    expect(body.used.every((s) => s.files > 0)).toBe(true);
  });
});

describe("GET /api/v1/metrics/{metricId}", () => {
  it("returns grouped rows with value, numerator, denominator, n, suppression and provenance", async () => {
    const res = await get("/api/v1/metrics/share_36_months?groupBy=model&from=2016&to=2024");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      metric: { id: string };
      groupBy: string[];
      filters: Record<string, unknown>;
      rows: Record<string, unknown>[];
      sources: { publisher: string; licence: string }[];
      licence: string;
      sample: boolean;
      builtAt: string;
    };
    expect(body.metric.id).toBe("share_36_months");
    expect(body.groupBy).toEqual(["model"]);
    expect(body.filters).toEqual({ from: 2016, to: 2024 });
    expect(body.sample).toBe(true);
    expect(body.builtAt).toBeTruthy();
    expect(body.licence).toBe(body.sources[0]?.licence); // the sample's own licence here; OGL on real data
    expect(body.sources.length).toBeGreaterThan(0);
    expect(body.rows.length).toBeGreaterThan(1);
    for (const row of body.rows)
      expect(Object.keys(row).sort()).toEqual(
        ["model", "value", "numerator", "denominator", "n", "suppressed", "ciLow", "ciHigh"].sort(),
      );
    const market = body.rows.find((r) => r.model === "market-led")!;
    expect(market.value).toBeCloseTo((market.numerator as number) / (market.denominator as number), 10);
  });

  it("says why an answer has no rows, in JSON and as a CSV note", async () => {
    const res = await get("/api/v1/metrics/contracts?groupBy=model&from=2009&to=2009");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: unknown[]; empty: { reason: string; years: { first: number } } | null };
    expect(body.rows).toEqual([]);
    expect(body.empty?.reason).toMatch(/^No rows in 2009: this measure has rows in \d{4}–\d{4}\.$/);
    expect(body.empty?.years.first).toBeGreaterThan(2009);
    const csv = await (await get("/api/v1/metrics/contracts?groupBy=model&from=2009&to=2009&format=csv")).text();
    expect(csv).toContain(`\n# ${body.empty?.reason}\r\n`);
    const full = (await (await get("/api/v1/metrics/contracts?groupBy=model")).json()) as { empty: unknown };
    expect(full.empty).toBeNull();
  });

  it("returns the same rows as CSV with source and licence comment lines", async () => {
    const res = await get("/api/v1/metrics/contracts?groupBy=region&format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const text = await res.text();
    const lines = text.trim().split(/\r?\n/);
    const comments = lines.filter((l) => l.startsWith("#"));
    expect(comments.some((l) => l.startsWith("# Source: "))).toBe(true);
    expect(comments.some((l) => l.startsWith("# Licence: "))).toBe(true);
    expect(comments).toContain("# Sample data — not real");
    const table = lines.filter((l) => !l.startsWith("#"));
    expect(table[0]).toBe("region,value,numerator,denominator,n,suppressed,ciLow,ciHigh");
    expect(table.length - 1).toBe(9); // nine regions, every council has contracts in the sample
  });

  it.each([
    ["/api/v1/metrics/nope", "metricId", "contracts"],
    ["/api/v1/metrics/contracts?groupBy=sector", "groupBy", "model"],
    ["/api/v1/metrics/contracts?from=twenty", "from", undefined],
    ["/api/v1/metrics/contracts?council=000", "council", "886"],
    ["/api/v1/metrics/contracts?region=Atlantis", "region", "London"],
    ["/api/v1/metrics/contracts?rating=Good", "rating", "groupBy"],
  ])("%s → 400 naming %s and the allowed values", async (path, parameter, allowed) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/json/);
    const body = (await res.json()) as { error: { parameter: string; message: string; allowed?: string[] } };
    expect(body.error.parameter).toBe(parameter);
    expect(body.error.message.length).toBeGreaterThan(5);
    if (allowed) expect(body.error.allowed).toContain(allowed);
    expect(JSON.stringify(body)).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("is read-only and says so", async () => {
    const res = await get("/api/v1/metrics/contracts", { method: "POST", body: "{}" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toMatch(/GET/);
  });

  it("404s an unknown endpoint with JSON", async () => {
    const res = await get("/api/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/no such endpoint/);
  });
});
