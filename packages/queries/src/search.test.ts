import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchContracts } from "./search-contracts.js";
import { searchProviders } from "./search-providers.js";
import { contract, fixtureWarehouse, KENT, LEEDS, provider } from "./test-fixture.js";

let fx: Awaited<ReturnType<typeof fixtureWarehouse>>;
beforeAll(async () => {
  fx = await fixtureWarehouse({
    local_authorities: [KENT, LEEDS],
    contracts: [
      contract({
        contract_id: "a",
        title: "Residential care framework",
        supplier_name: "Acme Care Ltd",
        value_gbp: 1000,
        award_date: "2020-05-01",
        notice_url: "https://example.org/notice/a",
      }),
      contract({
        contract_id: "b",
        title: "Fostering 100% local",
        supplier_name: "Kin Trust",
        value_gbp: 5000,
        source_line: 12,
      }),
      contract({ contract_id: "c", title: "Youth work", supplier_name: "ACME youth", value_gbp: null, la_code: "383" }),
      contract({ contract_id: "d", title: "Road resurfacing", supplier_name: "Acme Roads", in_scope: false }),
    ],
    provider_snapshots: [
      provider({ urn: "SC1", year: 2021, snapshot_date: "2021-03-31", owner_name: "Acme Homes", places: 3 }),
      provider({
        urn: "SC1",
        year: 2022,
        snapshot_date: "2022-03-31",
        owner_name: "Acme Homes",
        places: 4,
        source_line: 7,
      }),
      provider({
        urn: "SC2",
        year: 2022,
        snapshot_date: "2022-03-31",
        owner_name: "Hope Trust",
        places: 6,
        sector: "Voluntary",
      }),
    ],
  });
});
afterAll(() => fx.close());

describe("searchContracts", () => {
  it("searches title and supplier case-insensitively, in scope only, with source links", async () => {
    const page = await searchContracts(fx.connection, { q: "acme", sort: "supplier", dir: "asc" });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => [r.contractId, r.councilName, r.sourceLink])).toEqual([
      ["a", "Kent", "https://example.org/notice/a"],
      ["c", "Leeds", "fixture"],
    ]);
    expect(page.rows[0]).toMatchObject({ awardDate: "2020-05-01", valueGbp: 1000 });
    const all = await searchContracts(fx.connection, { q: "acme", includeOutOfScope: true });
    expect(all.total).toBe(3);
  });

  it("treats LIKE wildcards and SQL in the search text as plain text", async () => {
    expect((await searchContracts(fx.connection, { q: "100%" })).rows.map((r) => r.sourceLink)).toEqual(["fixture:12"]);
    expect((await searchContracts(fx.connection, { q: "%" })).total).toBe(1);
    expect((await searchContracts(fx.connection, { q: "' OR 1=1 --" })).total).toBe(0);
  });

  it("matches buyer names too, folds case beyond ASCII, and keeps _ and \\ literal", async () => {
    const more = await fixtureWarehouse({
      local_authorities: [KENT, LEEDS],
      contracts: [
        contract({ contract_id: "x", title: "Ÿoung Carers Ébauche", buyer_name: "Kent County Council" }),
        contract({ contract_id: "y", title: "snake_case\\path", buyer_name: "Leeds CC", la_code: "383" }),
        contract({ contract_id: "z", title: "snakeXcase", supplier_name: "KENTISH Care", la_code: "383" }),
      ],
    });
    try {
      const ids = async (input: Parameters<typeof searchContracts>[1]) =>
        (await searchContracts(more.connection, input)).rows.map((r) => r.contractId);
      expect(await ids({ q: "kent", sort: "buyer", dir: "asc" })).toEqual(["x", "z"]);
      expect(await ids({ q: "ÿOUNG CARERS éB" })).toEqual(["x"]);
      expect(await ids({ q: "snake_case\\" })).toEqual(["y"]);
      expect(await ids({ q: "kent", filters: { region: ["Yorkshire and the Humber"] } })).toEqual(["z"]);
      expect(await searchContracts(more.connection, { q: "case", page: 5 })).toMatchObject({ rows: [], total: 2 });
    } finally {
      more.close();
    }
  });

  it("filters, sorts with unknowns last and pages with a hard cap", async () => {
    const page = await searchContracts(fx.connection, { sort: "value", dir: "desc", pageSize: 2 });
    expect(page).toMatchObject({ total: 3, pages: 2 });
    expect(page.rows.map((r) => r.contractId)).toEqual(["b", "a"]);
    const second = await searchContracts(fx.connection, { sort: "value", dir: "desc", pageSize: 2, page: 2 });
    expect(second.rows.map((r) => r.contractId)).toEqual(["c"]);
    const leeds = await searchContracts(fx.connection, { filters: { council: ["383"] } });
    expect(leeds.rows.map((r) => r.contractId)).toEqual(["c"]);
    await expect(searchContracts(fx.connection, { pageSize: 101 })).rejects.toThrow();
    await expect(searchContracts(fx.connection, { sort: "title; DROP TABLE contracts" as "title" })).rejects.toThrow();
    await expect(searchContracts(fx.connection, { filters: { sector: ["Private"] } })).rejects.toThrow(/not available/);
  });

  it("breaks ties by contract id, the same on every page, whatever the stored order", async () => {
    // Stored out of id order, with ties and unknowns straddling every page edge.
    const values: [string, number | null][] = [
      ["g", 1],
      ["c", 2],
      ["h", null],
      ["a", 1],
      ["f", 2],
      ["b", null],
      ["e", 1],
      ["d", 3],
    ];
    const tied = await fixtureWarehouse({
      local_authorities: [KENT],
      contracts: values.map(([contract_id, value_gbp]) => contract({ contract_id, value_gbp })),
    });
    try {
      for (const dir of ["asc", "desc"] as const) {
        const sign = dir === "asc" ? 1 : -1;
        const expected = values
          .toSorted(([ia, va], [ib, vb]) =>
            va === vb ? ia.localeCompare(ib) : va === null ? 1 : vb === null ? -1 : sign * (va - vb),
          )
          .map(([id]) => id);
        for (const pageSize of [1, 2, 3, 5]) {
          const seen: string[] = [];
          for (let page = 1; page <= Math.ceil(values.length / pageSize); page++) {
            const result = await searchContracts(tied.connection, { sort: "value", dir, pageSize, page });
            seen.push(...result.rows.map((r) => r.contractId));
          }
          expect(seen, `${dir}, pages of ${pageSize}`).toEqual(expected);
        }
      }
    } finally {
      tied.close();
    }
  });
});

describe("searchProviders", () => {
  it("lists the latest snapshot by default, searchable by owner, with file:line links", async () => {
    const page = await searchProviders(fx.connection, { q: "acme" });
    expect(page.rows).toEqual([
      expect.objectContaining({ urn: "SC1", year: 2022, places: 4, councilName: "Kent", sourceLink: "fixture:7" }),
    ]);
    const all = await searchProviders(fx.connection, { q: "acme", snapshot: "all", sort: "snapshot_date", dir: "asc" });
    expect(all.rows.map((r) => r.snapshotDate)).toEqual(["2021-03-31", "2022-03-31"]);
    const voluntary = await searchProviders(fx.connection, { filters: { sector: ["Voluntary"] } });
    expect(voluntary.rows.map((r) => r.urn)).toEqual(["SC2"]);
    const y2021 = await searchProviders(fx.connection, { filters: { from: 2021, to: 2021 } });
    expect(y2021.rows.map((r) => r.urn)).toEqual(["SC1"]);
  });
});
