/**
 * A metric that can draw on one source only (Ofsted's provider files) has all its rows from it
 * by definition: the answer still counts that source, but says nothing about it in words. A
 * dominant council is still said.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compare } from "./compare.js";
import { fixtureWarehouse, KENT, LEEDS, provider } from "./test-fixture.js";

let fx: Awaited<ReturnType<typeof fixtureWarehouse>>;
beforeAll(async () => {
  // Private: 7 Kent homes, 3 Leeds homes; voluntary: 4 Leeds homes. Every one from Ofsted's provider file.
  fx = await fixtureWarehouse({
    local_authorities: [KENT, LEEDS],
    provider_snapshots: [
      ...Array.from({ length: 7 }, () => provider({ la_code: "886", source: "ofsted-providers" })),
      ...Array.from({ length: 3 }, () => provider({ la_code: "383", source: "ofsted-providers" })),
      ...Array.from({ length: 4 }, () => provider({ la_code: "383", sector: "Voluntary", source: "ofsted-providers" })),
    ],
  });
});
afterAll(() => fx.close());

describe("compare: a metric's only possible source", () => {
  it("keeps the source in the numbers but names only the dominant council in words", async () => {
    const r = await compare(fx.connection, { metric: "providers", filters: { sector: ["Private"] } });
    expect(r.concentration.find((c) => c.dimension === "source")).toMatchObject({
      value: "ofsted-providers",
      rows: 10,
      total: 10,
      share: 1,
    });
    expect(r.sentence).toBe("70% of these provider records come from Kent");
  });

  it("says nothing when only the source is dominant", async () => {
    const r = await compare(fx.connection, { metric: "providers", groupBy: ["sector"] });
    // Kent 7 of 14 is not more than half; Ofsted's file is 14 of 14.
    expect(r.concentration.map((c) => [c.dimension, c.rows, c.total])).toEqual([
      ["council", 7, 14],
      ["source", 14, 14],
    ]);
    expect(r.sentence).toBeNull();
  });
});
