/**
 * The warehouse's `build_info` key/value table (built_at, is_sample, ruleset_version, sources,
 * …), read once when the API opens a build. Keys the build did not write are absent, not "".
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { runQuery } from "./run.js";

export async function getBuildInfo(connection: DuckDBConnection): Promise<Partial<Record<string, string>>> {
  const rows = await runQuery<{ key: string; value: string }>(connection, {
    sql: "SELECT key, value FROM build_info",
    params: {},
  });
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}
