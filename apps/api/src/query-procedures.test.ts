/** The generated procedures on the fixture warehouse: one per registry entry, one cache entry per path and input. */
import { QueryInputError, QueryTimeoutError } from "@lens/queries";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientError } from "./error-status.js";
import { queryRouter } from "./query-procedures.js";
import { queryPaths } from "./query-registry.js";
import { appRouter } from "./root.js";
import { openFixture, serveFixtureCopy } from "./test/fixture.js";

describe("the query registry", () => {
  it("becomes one query procedure per entry, at the entry's path, in the app router too", () => {
    const paths = queryPaths().map(([path]) => path);
    expect(paths).toContain("metrics.compare");
    expect(paths).toContain("meta.sources");
    expect(Object.keys(queryRouter._def.procedures).sort()).toEqual([...paths].sort());
    for (const path of paths) {
      const procedure = (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path];
      expect(procedure?._def.type, path).toBe("query");
    }
  });

  it("gives every entry a one-line description", () => {
    for (const [path, def] of queryPaths()) expect(def.doc, path).toMatch(/^[A-Z].*\.$/);
  });
});

describe("the cache middleware", () => {
  let fx: Awaited<ReturnType<typeof openFixture>>;
  beforeAll(async () => {
    fx = await openFixture();
  });
  afterAll(() => fx.close());

  it("keys on the path and the parsed input: a default spelt out is the same entry", async () => {
    const before = fx.cache.stats();
    await fx.caller.metrics.compare({ metric: "vcse_share", groupBy: ["model"] });
    await fx.caller.metrics.compare({ metric: "vcse_share", groupBy: ["model"], filters: {} });
    // Another procedure with an equal input is another entry.
    await fx.caller.metrics.timeseries({ metric: "vcse_share" });
    const after = fx.cache.stats();
    expect(after.misses - before.misses).toBe(2);
    expect(after.hits - before.hits).toBe(1);
  });

  it("keeps no failure: a query that rejects its input runs, and fails, each time it is asked", async () => {
    // Valid for the schema, refused by the query (the metric has no 'rating' dimension).
    const bad = { metric: "contracts", groupBy: ["rating" as const] };
    const before = fx.cache.stats();
    for (let i = 0; i < 2; i++)
      await expect(fx.caller.metrics.compare(bad)).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringMatching(/dimension 'rating' is not available/),
      });
    const after = fx.cache.stats();
    expect(after.misses - before.misses).toBe(2);
    expect(after.entries).toBe(before.entries);
  });
});

describe("the data API and the dashboard", () => {
  it("share one cache entry: the data API's metric answer is a hit after the chart's query", async () => {
    const served = await serveFixtureCopy("lens-query-procedures-");
    try {
      await served.fx.caller.metrics.compare({ metric: "vcse_share", groupBy: ["region"] });
      const before = served.fx.cache.stats();
      const res = await fetch(`${served.server.base}/api/v1/metrics/vcse_share?groupBy=region`);
      expect(res.status).toBe(200);
      const after = served.fx.cache.stats();
      expect(after.hits - before.hits).toBe(1);
      expect(after.misses - before.misses).toBe(0);
    } finally {
      await served.close();
    }
  });
});

describe("clientError for a procedure called in-process", () => {
  it("reads the TRPCError back to the status of the failure it wraps", () => {
    const input = new QueryInputError("dimension 'x' is not available");
    expect(clientError(new TRPCError({ code: "BAD_REQUEST", message: input.message, cause: input }))).toEqual(
      clientError(input),
    );
    const timeout = new QueryTimeoutError(250);
    expect(clientError(new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "x", cause: timeout })).status).toBe(503);
  });

  it("does not log again what the procedure's middleware logged", () => {
    const logged = clientError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "The query failed" }));
    expect(logged).toMatchObject({ status: 500, log: false });
  });
});
