/**
 * The linkage step on handmade tables (every supplier name kept, one row per owner spelling,
 * placeholders shown, rates by source counted by hand), then on the real files: the labelled
 * sample's precision (≥ 95%) and recall, and the match rate by source, printed and asserted.
 */
import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { sharedDataDir } from "@lens/ingest";
import { compare } from "@lens/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "./build.js";
import { openMemoryWarehouse, openWarehouse, queryRows, type Warehouse } from "./db.js";
import { type LinkRate, linkRatesBySource, linkSuppliersToOwners } from "./supplier-owner-links.js";
import { formatLinkageScore, loadSupplierLabels, scoreSupplierLabels } from "./supplier-owner-links-labelled.js";

describe("supplier_owner_links on handmade tables", () => {
  let warehouse: Warehouse;
  let connection: DuckDBConnection;

  beforeAll(async () => {
    warehouse = await openMemoryWarehouse();
    connection = await warehouse.connect();
    await connection.run(`
      CREATE TABLE provider_snapshots (urn VARCHAR, owner_name VARCHAR);
      INSERT INTO provider_snapshots VALUES ('1', 'Acme Care Limited'), ('2', 'ACME CARE LTD'), ('3', 'Acme Care Limited'),
        ('4', 'Keys Care Ltd'), ('5', 'Keys Education Ltd'), ('6', NULL);
      CREATE TABLE contracts (source VARCHAR, supplier_name VARCHAR, supplier_company_number VARCHAR, supplier_charity_number VARCHAR);
      INSERT INTO contracts VALUES ('reg', 'Acme Care Ltd', '123', NULL), ('reg', 'Acme Care Ltd', NULL, NULL),
        ('reg', 'Keys Group', NULL, NULL), ('reg', 'TBC', NULL, NULL), ('cf', 'Bob Taxis', NULL, NULL), ('cf', NULL, NULL, NULL);
      CREATE TABLE spend (source VARCHAR, supplier_name VARCHAR, supplier_company_number VARCHAR, supplier_charity_number VARCHAR);
      INSERT INTO spend VALUES ('ledger', 'ACME CARE LIMITED', NULL, NULL), ('ledger', 'Bob Taxis', NULL, NULL);`);
  });
  afterAll(() => {
    connection.closeSync();
    warehouse.close();
  });

  it("keeps every supplier name, one row per owner spelling, and counts rates by source", async () => {
    const summary = await linkSuppliersToOwners(connection);
    expect(summary).toMatchObject({ suppliers: 5, ownerNames: 4 });
    expect(summary.byConfidence).toMatchObject({ "exact-normalised": 2, "stem-group": 1, none: 2 });
    const rows = await queryRows<Record<string, unknown>>(
      connection,
      `SELECT supplier_name, supplier_company_number, supplier_is_placeholder, confidence, owner_name, owner_group
       FROM supplier_owner_links ORDER BY supplier_name, owner_name`,
    );
    expect(rows).toEqual([
      {
        supplier_name: "ACME CARE LIMITED",
        supplier_company_number: null,
        supplier_is_placeholder: false,
        confidence: "exact-normalised",
        owner_name: "ACME CARE LTD",
        owner_group: "acmecare",
      },
      {
        supplier_name: "ACME CARE LIMITED",
        supplier_company_number: null,
        supplier_is_placeholder: false,
        confidence: "exact-normalised",
        owner_name: "Acme Care Limited",
        owner_group: "acmecare",
      },
      expect.objectContaining({
        supplier_name: "Acme Care Ltd",
        supplier_company_number: "123",
        owner_name: "ACME CARE LTD",
      }),
      expect.objectContaining({ supplier_name: "Acme Care Ltd", owner_name: "Acme Care Limited" }),
      expect.objectContaining({ supplier_name: "Bob Taxis", confidence: "none", owner_name: null }),
      expect.objectContaining({ supplier_name: "Keys Group", confidence: "stem-group", owner_name: "Keys Care Ltd" }),
      expect.objectContaining({
        supplier_name: "Keys Group",
        confidence: "stem-group",
        owner_name: "Keys Education Ltd",
      }),
      expect.objectContaining({
        supplier_name: "TBC",
        supplier_is_placeholder: true,
        confidence: "none",
        owner_name: null,
      }),
    ]);
    // Keys is a chain because a supplier named the group; Acme's two spellings are one owner.
    expect(
      await queryRows(connection, "SELECT owner_name, owner_key, owner_group FROM owner_groups ORDER BY owner_name"),
    ).toEqual([
      { owner_name: "ACME CARE LTD", owner_key: "acmecare", owner_group: "acmecare" },
      { owner_name: "Acme Care Limited", owner_key: "acmecare", owner_group: "acmecare" },
      { owner_name: "Keys Care Ltd", owner_key: "keyscare", owner_group: "keys" },
      { owner_name: "Keys Education Ltd", owner_key: "keyseducation", owner_group: "keys" },
    ]);
    // TBC is no supplier: out of both counts. The NULL supplier row is not a supplier either.
    expect(await linkRatesBySource(connection)).toEqual<LinkRate[]>([
      { table: "contracts", source: "cf", suppliers: 1, linkedSuppliers: 0, rows: 1, linkedRows: 0 },
      { table: "contracts", source: "reg", suppliers: 2, linkedSuppliers: 2, rows: 3, linkedRows: 3 },
      { table: "spend", source: "ledger", suppliers: 2, linkedSuppliers: 1, rows: 2, linkedRows: 1 },
    ]);
  });
});

const DATA = sharedDataDir();

describe.skipIf(DATA === null)("supplier_owner_links on the real files", () => {
  let dir: string;
  let warehouse: Warehouse;
  let connection: DuckDBConnection;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "lens-links-"));
    const sources = join(dir, "sources");
    await mkdir(sources);
    for (const folder of ["la-reference", "ofsted-providers", "procurement"])
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

  it("the labelled sample: precision at least 95%, recall reported", async () => {
    const set = loadSupplierLabels();
    expect(set.labels.length).toBeGreaterThanOrEqual(100);
    const score = await scoreSupplierLabels(connection, set.labels);
    console.log(formatLinkageScore(score));
    expect(score.decidable).toBe(136);
    expect(score.readerLinks).toBe(41);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.85);
  });

  it("quality of the supplier by commissioning model: market-led and cooperative rows with n > 0", async () => {
    const result = await compare(connection, {
      metric: "supplier_homes_good_outstanding",
      groupBy: ["model"],
      adjust: ["service", "source"],
    });
    const rows = Object.fromEntries(result.rows.map((r) => [String(r.dims.model), r]));
    for (const model of ["cooperative", "market-led"]) {
      const r = rows[model];
      console.log(
        `${model}: ${r?.numerator}/${r?.denominator} (${((r?.value ?? 0) * 100).toFixed(1)}%), like for like ${(
          (r?.adjusted?.value ?? 0) * 100
        ).toFixed(1)}%`,
      );
    }
    expect(rows.cooperative).toMatchObject({ numerator: 285, denominator: 398 });
    expect(rows["market-led"]).toMatchObject({ numerator: 587, denominator: 860 });
  });

  it("the match rate by source", async () => {
    const rates = await linkRatesBySource(connection);
    console.log(
      rates
        .map(
          (r) =>
            `${r.table}/${r.source}: suppliers ${r.linkedSuppliers}/${r.suppliers} (${((100 * r.linkedSuppliers) / r.suppliers).toFixed(1)}%), rows ${r.linkedRows}/${r.rows} (${((100 * r.linkedRows) / r.rows).toFixed(1)}%)`,
        )
        .join("\n"),
    );
    const all = await queryRows<{ n: number }>(
      connection,
      "SELECT count(DISTINCT supplier_name)::INTEGER AS n FROM (SELECT supplier_name FROM contracts UNION ALL SELECT supplier_name FROM spend) WHERE supplier_name IS NOT NULL",
    );
    const kept = await queryRows<{ n: number }>(
      connection,
      "SELECT count(DISTINCT supplier_name)::INTEGER AS n FROM supplier_owner_links",
    );
    // Nothing dropped: every supplier name of both tables is in the table.
    expect(kept[0]?.n).toBe(all[0]?.n);
    expect(rates.map((r) => `${r.table}/${r.source}`)).toEqual(RATES_SEEN);
  });
});

const RATES_SEEN = [
  "contracts/contracts-finder",
  "contracts/contracts-finder-lancashire",
  "contracts/contracts-finder-scraped",
  "contracts/norfolk-register",
  "contracts/salford-register",
  "spend/darlington-spend",
  "spend/devon-grants",
  "spend/devon-spend",
  "spend/salford-spend",
  "spend/wakefield-spend",
];
