/**
 * A fresh in-memory warehouse with the real schema and a few handmade rows, for query tests.
 * Rows are given as partial objects; missing columns are NULL.
 */
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { SCHEMA_SQL } from "@lens/core/schema";

export type FixtureRows = Partial<Record<string, Record<string, string | number | boolean | null>[]>>;

export async function fixtureWarehouse(rows: FixtureRows): Promise<{ connection: DuckDBConnection; close(): void }> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run(SCHEMA_SQL);
  for (const [table, list] of Object.entries(rows)) {
    for (const row of list ?? []) {
      const columns = Object.keys(row);
      const params = Object.fromEntries(columns.map((c, i) => [`p${i}`, row[c] ?? null]));
      await connection.run(
        `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$p${i}`).join(", ")})`,
        params,
      );
    }
  }
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

let id = 0;
/** A contract row with defaults that tests override. */
export function contract(
  overrides: Record<string, string | number | boolean | null>,
): Record<string, string | number | boolean | null> {
  id++;
  return {
    contract_id: `c${id}`,
    source: "sample",
    source_file: "fixture",
    in_scope: true,
    stage: "award",
    la_code: "886",
    year: 2020,
    ...overrides,
  };
}

export const KENT = { la_code: "886", ons_code: "E10000016", name: "Kent", region: "South East", la_type: "County" };
export const LEEDS = {
  la_code: "383",
  ons_code: "E08000035",
  name: "Leeds",
  region: "Yorkshire and the Humber",
  la_type: "Metropolitan District",
};

type Row = Record<string, string | number | boolean | null>;

let urn = 0;
/** A provider_snapshots row: a registered children's home in Kent at the 2020 snapshot unless overridden. */
export function provider(overrides: Row): Row {
  urn++;
  return {
    snapshot_date: "2020-03-31",
    year: 2020,
    urn: `SC${String(urn).padStart(6, "0")}`,
    provision_type: "Children's home",
    sector: "Private",
    la_code: "886",
    registration_status: "Active",
    covers_all_registered: true,
    source: "sample",
    source_file: "fixture",
    ...overrides,
  };
}

/** A spend row: an s251-style line for Kent in 2020 unless overridden. */
export function spendLine(overrides: Row): Row {
  return {
    la_code: "886",
    period: "2019-20",
    year: 2020,
    source: "sample",
    service_line: "6 Residential care",
    is_derived: false,
    source_file: "fixture",
    ...overrides,
  };
}

export function joinerLeaver(overrides: Row): Row {
  urn++;
  return {
    urn: `SC${String(urn).padStart(6, "0")}`,
    event: "Joiner",
    provision_type: "Children's home",
    sector: "Private",
    la_code: "886",
    year: 2020,
    source: "sample",
    source_file: "fixture",
    ...overrides,
  };
}

export function claRow(overrides: Row): Row {
  return { la_code: "886", year: 2020, provider: "Private", source: "sample", source_file: "fixture", ...overrides };
}
