import type { DuckDBConnection } from "@duckdb/node-api";
import type { CompiledQuery } from "./compile-metric.js";

/** Runs a compiled query; rows come back JSON-safe (counts are cast to INTEGER in SQL). */
export async function runQuery<T>(connection: DuckDBConnection, query: CompiledQuery): Promise<T[]> {
  const reader = await connection.runAndReadAll(query.sql, query.params);
  return reader.getRowObjectsJson() as T[];
}
