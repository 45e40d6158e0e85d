/**
 * Market structure on handmade homes, counted by hand: places per home, the chain size the
 * average home belongs to (owner groups from owner_groups, counted across councils), and the
 * closure rate (leavers in a year ÷ homes registered at its start, only from full registers).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compare } from "./compare.js";
import { fixtureWarehouse, joinerLeaver, KENT, LEEDS, provider } from "./test-fixture.js";

let fx: Awaited<ReturnType<typeof fixtureWarehouse>>;

beforeAll(async () => {
  const home = (sector: string, places: number | null, owner: string | null, la = "886") =>
    provider({ snapshot_date: "2021-03-31", year: 2021, sector, places, owner_name: owner, la_code: la });
  fx = await fixtureWarehouse({
    local_authorities: [KENT, LEEDS],
    provider_snapshots: [
      home("Private", 4, "Keys Care Ltd"),
      home("Private", 4, "KEYS CARE LIMITED"),
      home("Private", 2, "Keys Education Ltd", "383"),
      home("Private", null, "Solo Ltd"),
      home("Private", 5, "Solo Ltd"),
      home("Private", 3, null),
      ...Array.from({ length: 5 }, () => home("Voluntary", 6, "Charity")),
      // A fostering agency is not a home; a de-registered home is not at the start.
      home("Private", null, "Keys Care Ltd"),
      provider({
        snapshot_date: "2021-03-31",
        year: 2021,
        sector: "Private",
        provision_type: "Independent fostering agency",
      }),
      provider({ snapshot_date: "2021-03-31", year: 2021, sector: "Private", registration_status: "Resigned" }),
      // 2020 lists inspected homes only: the 2020-21 leavers have no starting register.
      provider({ snapshot_date: "2020-03-31", year: 2020, sector: "Private", covers_all_registered: false }),
    ],
    joiners_leavers: [
      joinerLeaver({ event: "leaver", year: 2022, sector: "Private" }),
      joinerLeaver({ event: "leaver", year: 2022, sector: "Private" }),
      joinerLeaver({ event: "leaver", year: 2022, sector: "Voluntary" }),
      joinerLeaver({ event: "leaver", year: 2022, sector: "Private", provision_type: "Independent fostering agency" }),
      joinerLeaver({ event: "joiner", year: 2022, sector: "Private" }),
      joinerLeaver({ event: "leaver", year: 2021, sector: "Private" }),
    ],
  });
  await fx.connection.run(`INSERT INTO owner_groups VALUES
    ('Keys Care Ltd', 'keyscare', 'keys'), ('KEYS CARE LIMITED', 'keyscare', 'keys'), ('Keys Education Ltd', 'keyseducation', 'keys'),
    ('Solo Ltd', 'solo', 'solo'), ('Charity', 'charity', 'charity')`);
});
afterAll(() => fx.close());

const by = async (metric: string, groupBy: string[]) => {
  const result = await compare(fx.connection, { metric, groupBy } as never);
  return Object.fromEntries(result.rows.map((r) => [Object.values(r.dims).join("|"), r]));
};

describe("market structure", () => {
  it("places_per_home: places ÷ homes whose places are recorded, by sector", async () => {
    const rows = await by("places_per_home", ["sector"]);
    // Private: 4 + 4 + 2 + 5 + 3 over five homes with places (Solo's first home has none; the
    // second Keys Care home has none either).
    expect(rows.Private).toMatchObject({ numerator: 18, denominator: 5, value: 3.6 });
    expect(rows.Voluntary).toMatchObject({ numerator: 30, denominator: 5, value: 6 });
  });

  it("chain_size_per_home: the owner group's homes, averaged over homes, counted across councils", async () => {
    const rows = await by("chain_size_per_home", ["sector"]);
    // Keys (two spellings and a second company) runs 4 homes, Solo 2: 4+4+4+4+2+2 over 6 named-owner homes.
    expect(rows.Private).toMatchObject({ numerator: 20, denominator: 6 });
    expect(rows.Voluntary).toMatchObject({ numerator: 25, denominator: 5, value: 5 });
    // By council, Leeds's one Keys home still belongs to a chain of 4 (suppressed below n = 5, n shown).
    const councils = await by("chain_size_per_home", ["council"]);
    expect(councils["383"]).toMatchObject({ n: 1, suppressed: true });
  });

  it("closure_rate: leavers ÷ homes registered at the start, only years that start with a full register", async () => {
    const rows = await by("closure_rate", ["year", "sector"]);
    // 2021-22 starts with 7 registered Private homes (31 March 2021) and 5 Voluntary.
    expect(rows["2022|Private"]).toMatchObject({ numerator: 2, denominator: 7 });
    expect(rows["2022|Voluntary"]).toMatchObject({ numerator: 1, denominator: 5, value: 0.2 });
    expect(Object.keys(rows).some((k) => k.startsWith("2021"))).toBe(false);
  });
});
