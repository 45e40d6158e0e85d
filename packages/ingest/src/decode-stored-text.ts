/**
 * Entity decoding for text parsed in SQL (the OCDS path reads releases with DuckDB's JSON
 * reader; the ledger path reads CSVs with read_csv), so no JS touches each value. Only values
 * that may hold an entity are read back, decoded with the same decodeHtmlEntities the row
 * parsers use, and written once per distinct value: the cost grows with the entity-bearing
 * values, not the rows.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { decodeHtmlEntities } from "@lens/core";
import { queryRows } from "./query.js";

/**
 * Decodes entities in `columns` of `table`, for rows matching `rowFilter` (a fixed SQL
 * condition written by the caller, never a value; "true" for every row).
 */
export async function decodeStoredText(
  connection: DuckDBConnection,
  table: string,
  columns: readonly string[],
  rowFilter = "true",
): Promise<void> {
  for (const column of columns) {
    const values = await queryRows<{ v: string }>(
      connection,
      `SELECT DISTINCT ${column} AS v FROM ${table} WHERE (${rowFilter}) AND regexp_matches(${column}, '&#?[0-9A-Za-z]+;')`,
    );
    if (values.length === 0) continue;
    await connection.run("CREATE OR REPLACE TEMP TABLE _decoded_text (raw VARCHAR, decoded VARCHAR)");
    const appender = await connection.createAppender("_decoded_text", "main", "temp");
    for (const { v } of values) {
      const decoded = decodeHtmlEntities(v).trim();
      appender.appendVarchar(v);
      if (decoded === "") appender.appendNull();
      else appender.appendVarchar(decoded);
      appender.endRow();
    }
    appender.closeSync();
    await connection.run(
      `UPDATE ${table} SET ${column} = d.decoded FROM temp.main._decoded_text d
       WHERE ${table}.${column} = d.raw AND (${rowFilter})`,
    );
    await connection.run("DROP TABLE temp.main._decoded_text");
  }
}
