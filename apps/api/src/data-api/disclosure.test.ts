/** The data API's like-for-like estimate and concentration disclosure over real HTTP, on the sample fixture warehouse. */
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

const get = (path: string) => fetch(`${server.base}${path}`);

interface Body {
  adjustedFor: string[];
  rows: Array<
    Record<string, unknown> & {
      adjusted?: { value: number | null; ciLow: number | null; ciHigh: number | null; method: string };
    }
  >;
  concentration: Array<{
    dimension: string;
    value: string | null;
    label: string;
    share: number;
    rows: number;
    total: number;
  }>;
  sentence: string | null;
  sources: Array<{ id: string; rows: number; licence: string }>;
}

describe("GET /api/v1/metrics/{id}?adjust=…", () => {
  it("adds an adjusted estimate to every row and the concentration to the answer, equal to tRPC's", async () => {
    const res = await get("/api/v1/metrics/share_36_months?groupBy=model&adjust=service,source");
    expect(res.status).toBe(200);
    const body = (await res.json()) as Body;
    expect(body.adjustedFor).toEqual(["service", "source"]);
    expect(body.rows.length).toBeGreaterThan(1);
    for (const row of body.rows) {
      expect(row.adjusted?.method).toBe("direct-standardisation");
      expect(row).not.toHaveProperty("adjusted_value");
      if (row.adjusted?.value != null) {
        expect(row.adjusted.ciLow!).toBeLessThanOrEqual(row.adjusted.value);
        expect(row.adjusted.ciHigh!).toBeGreaterThanOrEqual(row.adjusted.value);
      }
    }
    expect(body.concentration.map((c) => c.dimension)).toEqual(["council", "source"]);
    const council = body.concentration[0]!;
    expect(council.share).toBeCloseTo(council.rows / council.total, 12);
    // Rows behind the answer are the rows in n, summed over the groups.
    expect(council.total).toBe(body.rows.reduce((s, r) => s + (r.n as number), 0));
    // The sample is labelled as the sample, never as the real source it imitates.
    expect(body.sources.map((s) => s.id)).toEqual(["sample"]);
    expect(body.sources[0]!.rows).toBe(council.total);
    const trpc = await fx.caller.metrics.compare({
      metric: "share_36_months",
      groupBy: ["model"],
      adjust: ["service", "source"],
    });
    expect(trpc.rows.map((r) => r.adjusted?.value)).toEqual(body.rows.map((r) => r.adjusted?.value));
    expect(trpc.sentence).toBe(body.sentence);
  });

  it("writes adjusted_value / adjusted_ci_low / adjusted_ci_high in CSV, and the contributors in its # lines", async () => {
    const res = await get("/api/v1/metrics/share_36_months?groupBy=model&adjust=service&format=csv");
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split(/\r?\n/);
    const table = lines.filter((l) => !l.startsWith("#"));
    expect(table[0]).toBe(
      "model,value,numerator,denominator,n,suppressed,ciLow,ciHigh,adjusted_value,adjusted_ci_low,adjusted_ci_high",
    );
    const comments = lines.filter((l) => l.startsWith("#"));
    expect(comments.some((l) => l.startsWith("# Largest contributors: council "))).toBe(true);
    expect(comments.some((l) => l.startsWith("# Like for like: "))).toBe(true);
  });

  it("states a single council's dominance in words once the others are excluded", async () => {
    const all = (await (await get("/api/v1/metrics/contracts?groupBy=council")).json()) as Body;
    const councils = all.rows.map((r) => r.council as string);
    const keep = councils[0]!;
    const excluded = councils.slice(1).join(",");
    const res = await get(`/api/v1/metrics/contracts?excludeCouncils=${excluded}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Body;
    expect(body.concentration[0]).toMatchObject({ dimension: "council", value: keep, share: 1 });
    expect(body.sentence).toMatch(/^All of these contracts come from /);
  });

  it("answers an invalid adjust value on tRPC with BAD_REQUEST naming the allowed values", async () => {
    await expect(
      fx.caller.metrics.compare({ metric: "share_36_months", adjust: ["region" as "service"] }),
    ).rejects.toThrow(/unknown adjust dimension; allowed: service, source, council/);
  });

  it("400s an invalid adjust value with a message", async () => {
    const res = await get("/api/v1/metrics/share_36_months?groupBy=model&adjust=region");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { parameter: string; message: string; allowed: string[] } };
    expect(body.error).toMatchObject({ parameter: "adjust", allowed: ["service", "source", "council"] });
    expect(body.error.message).toMatch(/unknown adjust dimension 'region'/);
  });

  it("exports the same like-for-like columns and contributor lines from the dashboard's CSV export", async () => {
    const csv = await fx.caller.exportCsv({
      view: "compare",
      input: { metric: "share_36_months", groupBy: ["model"], adjust: ["service"] },
    });
    const lines = csv.csv.trim().split(/\r?\n/);
    expect(lines.filter((l) => !l.startsWith("#"))[0]).toMatch(/,adjusted_value,adjusted_ci_low,adjusted_ci_high$/);
    expect(lines).toContain(
      "# Source: Commissioning Lens sample generator, Generated sample data — not real (https://github.com/commissioning-lens/commissioning-lens)",
    );
    const api = await (await get("/api/v1/metrics/share_36_months?groupBy=model&adjust=service&format=csv")).text();
    const rowsOf = (text: string) =>
      text
        .trim()
        .split(/\r?\n/)
        .filter((l) => !l.startsWith("#"));
    expect(rowsOf(csv.csv)).toEqual(rowsOf(api));
  });
});
