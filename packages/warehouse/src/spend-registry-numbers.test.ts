/**
 * A ledger's registry numbers (Wakefield's company and charity columns on spend) reach the
 * ownership step: a charity number decides not-for-profit even under a company-like name,
 * and the numbers join two spellings of one supplier.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { SCHEMA_SQL } from "@lens/core/schema";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { classifyWarehouse } from "./classify-step.js";
import { openMemoryWarehouse, queryRows, type Warehouse } from "./db.js";

let warehouse: Warehouse;
let connection: DuckDBConnection;

beforeEach(async () => {
  warehouse = await openMemoryWarehouse();
  connection = await warehouse.connect();
  await connection.run(SCHEMA_SQL);
  await connection.run(`
    INSERT INTO local_authorities VALUES ('384', 'E08000036', 'Wakefield', 'Yorkshire and the Humber', 'Metropolitan District');
    INSERT INTO spend (la_code, period, year, source, service_line, supplier_name, supplier_company_number,
                       supplier_charity_number, amount_gbp, source_file, source_line) VALUES
      ('384', '2018-11', 2019, 'wakefield-spend', 'Payments to Voluntary Organisations', 'Hope Family Services Ltd', '04567890', '1122334', 800, 'w.csv', 2),
      ('384', '2018-11', 2019, 'wakefield-spend', 'Payments to Voluntary Organisations', 'HOPE FAMILY SERVICES', NULL, '1122334', 700, 'w.csv', 3),
      ('384', '2018-11', 2019, 'wakefield-spend', 'Payments to Independent Fostering Agencies', 'Blue Sky Fostering', '07654321', NULL, 2500, 'w.csv', 4),
      ('384', '2018-11', 2019, 'wakefield-spend', 'Payments to Independent Fostering Agencies', 'Green Field Fostering', NULL, NULL, 2500, 'w.csv', 5);
  `);
});

afterEach(() => {
  connection.closeSync();
  warehouse.close();
});

describe("registry numbers on ledger spend", () => {
  it("are ownership evidence for every row of the supplier", async () => {
    await classifyWarehouse(connection);
    const rows = await queryRows<{ line: number; ownership: string; rule: string; model: string }>(
      connection,
      `SELECT source_line AS line, supplier_ownership AS ownership, ownership_rule AS rule, commissioning_model AS model
       FROM spend ORDER BY source_line`,
    );
    expect(rows.map((r) => [r.line, r.ownership, r.rule, r.model])).toEqual([
      // A charity number outranks the "Ltd" in the name (a charitable company limited by guarantee).
      [2, "not-for-profit", "O20", "cooperative"],
      // The same charity number joins the second spelling to the first.
      [3, "not-for-profit", "O20", "cooperative"],
      // A company number and nothing else: a company (weak, below every name rule).
      [4, "for-profit", "O17", "market-led"],
      [5, "unknown", "O99", "unknown"],
    ]);
  });
});
