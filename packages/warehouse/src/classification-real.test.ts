/**
 * The classification layer measured on a warehouse built from the real files: how much of the
 * in-scope comparison still has unknown ownership (overall and per source), how much service
 * is 'other', which children's notices have no council, and the invariants the comparison
 * stands on (register transport is SEND and transport, one ownership per supplier, no
 * placeholder counted as a supplier, trust-delivered spend never called co-operation). The
 * figures are printed and asserted exactly, so a rule change shows its effect here.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { sharedDataDir } from "@lens/ingest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "./build.js";
import { openWarehouse, queryRows, type Warehouse } from "./db.js";

const DATA = sharedDataDir();

interface SourceCoverage {
  source: string;
  contracts: number;
  with_supplier: number;
  unknown: number;
  service_other: number;
  placeholders: number;
  conflicts: number;
}

const pct = (n: number, d: number) => (d === 0 ? null : Number(((100 * n) / d).toFixed(1)));

describe.skipIf(DATA === null)("classification coverage on the real build", () => {
  let dir: string;
  let warehouse: Warehouse;
  let connection: DuckDBConnection;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "lens-classification-real-"));
    const outPath = join(dir, "real.duckdb");
    await buildWarehouse({ sourcesDir: DATA ?? "", outPath });
    warehouse = await openWarehouse(outPath, { readOnly: true });
    connection = await warehouse.connect();
  }, 600_000);
  afterAll(async () => {
    connection?.closeSync();
    warehouse?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("unknown ownership and service 'other' of in-scope contracts, overall and per source", async () => {
    const rows = await queryRows<SourceCoverage>(
      connection,
      `SELECT coalesce(source, 'all') AS source, count(*)::INTEGER AS contracts,
         count(*) FILTER (WHERE supplier_name IS NOT NULL AND NOT supplier_is_placeholder)::INTEGER AS with_supplier,
         count(*) FILTER (WHERE supplier_ownership = 'unknown')::INTEGER AS unknown,
         count(*) FILTER (WHERE service = 'other')::INTEGER AS service_other,
         count(*) FILTER (WHERE supplier_is_placeholder)::INTEGER AS placeholders,
         count(*) FILTER (WHERE ownership_conflict IS NOT NULL)::INTEGER AS conflicts
       FROM contracts WHERE in_scope GROUP BY ROLLUP (source) ORDER BY grouping(source), source`,
    );
    console.log(
      "In-scope contracts on the real build: unknown ownership (of rows naming a supplier) and service 'other'",
    );
    console.table(
      rows.map((r) => ({
        ...r,
        unknown_pct: pct(r.unknown, r.with_supplier),
        service_other_pct: pct(r.service_other, r.contracts),
      })),
    );
    expect(rows).toEqual(EXPECTED_COVERAGE);
    const all = rows.find((r) => r.source === "all");
    // Issue target: unknown ownership of in-scope contracts at most 15%.
    expect((all?.unknown ?? 0) / (all?.with_supplier ?? 1)).toBeLessThanOrEqual(0.15);
  });

  it("children's notices without a council, by what the buyer is", async () => {
    const rows = await queryRows<{ buyer_kind: string; n: number }>(
      connection,
      `SELECT buyer_kind, count(*)::INTEGER AS n FROM contracts
       WHERE scope_rule IN ('K1', 'K3', 'K8', 'K9', 'K10') AND la_code IS NULL
         AND source NOT IN ('public-contracts-scotland', 'sell2wales')
       GROUP BY ALL ORDER BY ALL`,
    );
    console.log("Children's notices from English sources with no la_code:");
    console.table(rows);
    expect(Object.fromEntries(rows.map((r) => [r.buyer_kind, r.n]))).toEqual({
      "lower-tier council": 31,
      other: 94,
      portal: 74,
      "procurement consortium": 15,
    });
    const [inScope] = await queryRows<{ n: number }>(
      connection,
      "SELECT count(*)::INTEGER AS n FROM contracts WHERE in_scope AND la_code IS NULL",
    );
    expect(inScope?.n).toBe(0);
  });

  it("files every register passenger-transport row in scope as SEND and transport", async () => {
    const [r] = await queryRows<{ n: number; not_send: number }>(
      connection,
      `SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE service <> 'SEND and transport')::INTEGER AS not_send
       FROM contracts WHERE source = 'norfolk-register' AND in_scope AND source_category ILIKE 'passenger transport%'`,
    );
    expect(r).toEqual({ n: 1277, not_send: 0 });
  });

  it("gives each supplier one ownership on every row, and no placeholder an owner", async () => {
    const [r] = await queryRows<{ split: number; placeholders: number; placeholder_owned: number }>(
      connection,
      `SELECT
         (SELECT count(*) FROM (
            SELECT supplier_name FROM (
              SELECT supplier_name, supplier_ownership FROM contracts WHERE supplier_name IS NOT NULL
              UNION ALL
              SELECT supplier_name, supplier_ownership FROM spend
              WHERE supplier_name IS NOT NULL AND provider_ownership IS DISTINCT FROM 'own')
            GROUP BY supplier_name HAVING count(DISTINCT supplier_ownership) > 1))::INTEGER AS split,
         (SELECT count(*) FROM contracts WHERE supplier_is_placeholder)::INTEGER AS placeholders,
         (SELECT count(*) FROM contracts WHERE supplier_is_placeholder AND supplier_ownership IS NOT NULL)::INTEGER
           AS placeholder_owned`,
    );
    expect(r).toEqual({ split: 0, placeholders: 31, placeholder_owned: 0 });
  });

  it("never calls a trust-delivered council's own or other-public spend co-operation", async () => {
    const rows = await queryRows<{ model_rule: string; n: number }>(
      connection,
      `SELECT model_rule, count(*)::INTEGER AS n FROM spend
       WHERE delivered_by IS NOT NULL AND provider_ownership IN ('own', 'other public')
       GROUP BY ALL ORDER BY ALL`,
    );
    // Windsor and Maidenhead is trust-delivered from August 2017, when it joined Achieving for Children (its
    // research-panel rows of 2014-15 to 2016-17 were counted from the company's April 2014 start before).
    expect(Object.fromEntries(rows.map((r) => [r.model_rule, r.n]))).toEqual({ T1: 64, T2: 26 });
  });
});

const EXPECTED_COVERAGE: SourceCoverage[] = [
  {
    source: "contracts-finder",
    contracts: 298,
    with_supplier: 225,
    unknown: 11,
    service_other: 14,
    placeholders: 0,
    conflicts: 21,
  },
  {
    source: "contracts-finder-lancashire",
    contracts: 6,
    with_supplier: 4,
    unknown: 1,
    service_other: 2,
    placeholders: 0,
    conflicts: 0,
  },
  {
    source: "norfolk-register",
    contracts: 1739,
    with_supplier: 1739,
    unknown: 123,
    service_other: 24,
    placeholders: 0,
    conflicts: 9,
  },
  {
    source: "salford-register",
    contracts: 39,
    with_supplier: 30,
    unknown: 10,
    service_other: 8,
    placeholders: 9,
    conflicts: 0,
  },
  {
    source: "all",
    contracts: 2082,
    with_supplier: 1998,
    unknown: 145,
    service_other: 48,
    placeholders: 9,
    conflicts: 30,
  },
];
