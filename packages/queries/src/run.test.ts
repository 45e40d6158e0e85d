import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QueryTimeoutError, runQuery } from "./run.js";
import { fixtureWarehouse } from "./test-fixture.js";

let fx: Awaited<ReturnType<typeof fixtureWarehouse>>;
beforeAll(async () => {
  fx = await fixtureWarehouse({});
});
afterAll(() => fx.close());

describe("runQuery", () => {
  it("interrupts a query that runs past its deadline, and the connection still works after", async () => {
    const slow = { sql: "SELECT count(*) FROM range(100000000000) a WHERE a.range % 7 = 3", params: {} };
    const started = Date.now();
    await expect(runQuery(fx.connection, slow, { timeoutMs: 100 })).rejects.toBeInstanceOf(QueryTimeoutError);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await runQuery(fx.connection, { sql: "SELECT 41 + 1 AS x", params: {} })).toEqual([{ x: 42 }]);
  });

  it("returns JSON-safe values", async () => {
    const rows = await runQuery(fx.connection, {
      sql: "SELECT count(*)::INTEGER AS n, DATE '2020-01-02' AS d",
      params: {},
    });
    expect(rows).toEqual([{ n: 1, d: "2020-01-02" }]);
  });
});
