/**
 * A built warehouse has exactly the declared tables' columns: a build step that adds or
 * changes a column of a declared table (ALTER, CREATE OR REPLACE … AS) must declare it in
 * packages/core/src/warehouse-tables.ts, where the DDL, the row types and the doc come from.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WAREHOUSE_TABLES } from "@lens/core/schema";
import { generateSample } from "@lens/sample";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "./build.js";
import { openWarehouse, queryRows } from "./db.js";

let dir: string;
let out: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lens-built-schema-test-"));
  await generateSample({ outDir: join(dir, "sample"), seed: 3, contracts: 100, fromYear: 2022, toYear: 2024 });
  out = join(dir, "lens.duckdb");
  await buildWarehouse({ sourcesDir: join(dir, "sample"), outPath: out });
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("a built warehouse", () => {
  it("has every declared table with exactly its declared columns, types and NOT NULLs", async () => {
    const warehouse = await openWarehouse(out, { readOnly: true });
    const connection = await warehouse.connect();
    try {
      for (const spec of Object.values(WAREHOUSE_TABLES)) {
        const built = await queryRows<{ column_name: string; data_type: string; is_nullable: boolean }>(
          connection,
          "SELECT column_name, data_type, is_nullable FROM duckdb_columns() WHERE table_name = $table ORDER BY column_index",
          { table: spec.name },
        );
        const declared = Object.entries(spec.columns).map(([name, c]) => ({
          column_name: name,
          data_type: c.type,
          is_nullable: c.nullable,
        }));
        expect(built, spec.name).toEqual(declared);
      }
    } finally {
      connection.closeSync();
      warehouse.close();
    }
  });
});
