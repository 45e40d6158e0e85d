/**
 * The one helper that reads DuckDB rows as plain objects, for the parsers here and (re-exported
 * by @lens/warehouse) for everything downstream. Its own entry point (`@lens/ingest/query`)
 * so readers of the warehouse do not load every parser.
 */
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";

/** Named (`$name`) or positional (`$1`) bound values: SQL never holds a value as text. */
export type SqlParams = Record<string, DuckDBValue> | DuckDBValue[];

/**
 * Rows as JSON-safe objects: BIGINT and DECIMAL come back as text or numbers, DATE as
 * 'YYYY-MM-DD'; cast counts to INTEGER in SQL to get numbers.
 */
export async function queryRows<T = Record<string, unknown>>(
  connection: DuckDBConnection,
  sql: string,
  params?: SqlParams,
): Promise<T[]> {
  const reader = await connection.runAndReadAll(sql, params);
  return reader.getRowObjectsJson() as T[];
}
