/**
 * Row counts of warehouse tables, for /api/health and the start-up summary, and for tests
 * that prove a request left the warehouse untouched. Table names are identifiers, so they
 * come only from this allow-list (never from a request).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { MAIN_TABLES } from "@lens/core";
import { type RunOptions, runQuery } from "./run.js";

export const COUNTABLE_TABLES = [
  ...MAIN_TABLES,
  "cla_placements",
  "ilacs",
  "classification_rules",
  "build_info",
] as const;
export type CountableTable = (typeof COUNTABLE_TABLES)[number];

const ALLOWED: ReadonlySet<string> = new Set(COUNTABLE_TABLES);

/** One count per table asked for; a table missing from the warehouse is an error, not 0. */
export async function getTableCounts<T extends CountableTable = (typeof MAIN_TABLES)[number]>(
  connection: DuckDBConnection,
  tables: readonly T[] = MAIN_TABLES as readonly CountableTable[] as readonly T[],
  options: RunOptions = {},
): Promise<Record<T, number>> {
  for (const t of tables) if (!ALLOWED.has(t)) throw new Error(`not a countable warehouse table: ${t}`);
  if (tables.length === 0) return {} as Record<T, number>;
  const sql = tables.map((t) => `SELECT '${t}' AS t, count(*)::INTEGER AS n FROM "${t}"`).join(" UNION ALL ");
  const rows = await runQuery<{ t: T; n: number }>(connection, { sql, params: {} }, options);
  return Object.fromEntries(rows.map((r) => [r.t, r.n])) as Record<T, number>;
}
