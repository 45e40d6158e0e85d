/**
 * places_per_home and closure_rate on a warehouse built from the real Ofsted files, through
 * compare (the path of the API and the charts). The expected counts were worked from the raw
 * files alone: in `provider_at_march_2022.csv` (and `…_2021.csv`), rows whose provision type is
 * "Children's home" and whose registration status is Active or Suspended, their places summed
 * by sector and council; in `joiners_leavers_2023.csv` (and `…_2022.csv`), children's-home rows
 * whose leaver status is "Leaver", by sector and council.
 */
import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { sharedDataDir } from "@lens/ingest";
import { compare } from "@lens/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "./build.js";
import { openWarehouse, type Warehouse } from "./db.js";

const DATA = sharedDataDir();
const KENT = "886";
const LANCASHIRE = "888";

describe.skipIf(DATA === null)("market structure on the real Ofsted files", () => {
  let dir: string;
  let warehouse: Warehouse;
  let connection: DuckDBConnection;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "lens-market-"));
    const sources = join(dir, "sources");
    await mkdir(sources);
    for (const folder of ["la-reference", "ofsted-providers", "ofsted-joiners-leavers"])
      await symlink(join(DATA!, folder), join(sources, folder));
    const outPath = join(dir, "lens.duckdb");
    await buildWarehouse({ sourcesDir: sources, outPath });
    warehouse = await openWarehouse(outPath, { readOnly: true });
    connection = await warehouse.connect();
  }, 600_000);
  afterAll(async () => {
    connection?.closeSync();
    warehouse?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const cells = async (metric: string, year: number, council?: string) => {
    const result = await compare(connection, {
      metric,
      groupBy: ["sector"],
      filters: { from: year, to: year, ...(council ? { council: [council] } : {}) },
    });
    return Object.fromEntries(result.rows.map((r) => [String(r.dims.sector), [r.numerator, r.denominator]]));
  };

  it("places_per_home at 31 March 2022: England, Kent and Lancashire", async () => {
    expect(await cells("places_per_home", 2022)).toMatchObject({
      Private: [8093, 2221],
      "Local Authority": [2088, 415],
      Voluntary: [861, 153],
    });
    expect(await cells("places_per_home", 2022, KENT)).toMatchObject({
      Private: [285, 69],
      "Local Authority": [32, 6],
      Voluntary: [66, 9],
    });
    expect(await cells("places_per_home", 2022, LANCASHIRE)).toMatchObject({
      Private: [615, 179],
      "Local Authority": [78, 15],
    });
  });

  it("closure_rate for 2021-22 and 2022-23: England, Kent and Lancashire", async () => {
    expect(await cells("closure_rate", 2023)).toMatchObject({ Private: [86, 2221], "Local Authority": [19, 415] });
    expect(await cells("closure_rate", 2022)).toMatchObject({ Private: [104, 2053], "Local Authority": [14, 420] });
    expect(await cells("closure_rate", 2023, KENT)).toMatchObject({ Private: [2, 69] });
    expect(await cells("closure_rate", 2023, LANCASHIRE)).toMatchObject({
      Private: [8, 179],
      "Local Authority": [1, 15],
    });
    expect(await cells("closure_rate", 2022, LANCASHIRE)).toMatchObject({ Private: [5, 161] });
    // Years whose starting snapshot lists only inspected homes have no rate.
    expect(await cells("closure_rate", 2021)).toEqual({});
  });
});
