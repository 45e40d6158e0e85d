import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";

/** Rows as JSON-safe objects; cast counts to INTEGER in SQL (BIGINT comes back as text). */
export async function queryRows<T>(
  connection: DuckDBConnection,
  sql: string,
  params?: Record<string, DuckDBValue>,
): Promise<T[]> {
  const reader = await connection.runAndReadAll(sql, params);
  return reader.getRowObjectsJson() as T[];
}
