import { MAIN_TABLES } from "@lens/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CountableTable, getTableCounts } from "./table-counts.js";
import { contract, fixtureWarehouse, KENT, LEEDS } from "./test-fixture.js";

let fx: Awaited<ReturnType<typeof fixtureWarehouse>>;
beforeAll(async () => {
  fx = await fixtureWarehouse({
    local_authorities: [KENT, LEEDS],
    contracts: [contract({}), contract({}), contract({})],
  });
});
afterAll(() => fx.close());

describe("getTableCounts", () => {
  it("counts every main table by default, empty ones as 0", async () => {
    const counts = await getTableCounts(fx.connection);
    expect(Object.keys(counts).sort()).toEqual([...MAIN_TABLES].sort());
    expect(counts.contracts).toBe(3);
    expect(counts.local_authorities).toBe(2);
    expect(counts.spend).toBe(0);
  });

  it("counts only the tables asked for", async () => {
    expect(await getTableCounts(fx.connection, ["contracts", "build_info"])).toEqual({ contracts: 3, build_info: 0 });
  });

  it("refuses a table name outside the allow-list", async () => {
    const hostile = ["contracts; DROP TABLE contracts"] as unknown as CountableTable[];
    await expect(getTableCounts(fx.connection, hostile)).rejects.toThrow(/not a countable warehouse table/);
  });
});
