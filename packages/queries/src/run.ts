/**
 * Runs compiled queries. Every query has a deadline: after `timeoutMs` the connection is
 * interrupted (DuckDB stops the statement between vectors) and the call fails with a
 * QueryTimeoutError, so one heavy request cannot hold a connection indefinitely.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { CompiledQuery } from "./compile-metric.js";

export const DEFAULT_QUERY_TIMEOUT_MS = 15_000;

export class QueryTimeoutError extends Error {
  override name = "QueryTimeoutError";
  constructor(readonly timeoutMs: number) {
    super(`query took longer than ${timeoutMs} ms and was stopped`);
  }
}

export interface RunOptions {
  timeoutMs?: number;
}

/** Runs `work` and interrupts the connection if it is still running after `timeoutMs`. */
export async function withTimeout<T>(
  connection: DuckDBConnection,
  work: () => Promise<T>,
  timeoutMs = DEFAULT_QUERY_TIMEOUT_MS,
): Promise<T> {
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    connection.interrupt();
  }, timeoutMs);
  try {
    return await work();
  } catch (error) {
    if (timedOut) throw new QueryTimeoutError(timeoutMs);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Runs a compiled query; rows come back JSON-safe (counts are cast to INTEGER/DOUBLE in SQL, dates as strings). */
export async function runQuery<T>(
  connection: DuckDBConnection,
  query: CompiledQuery,
  options: RunOptions = {},
): Promise<T[]> {
  return withTimeout(
    connection,
    async () => {
      const reader = await connection.runAndReadAll(query.sql, query.params);
      return reader.getRowObjectsJson() as T[];
    },
    options.timeoutMs,
  );
}
