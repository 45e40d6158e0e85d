/**
 * How many contracts of a selection carry each red flag, and on how many the flag could be
 * judged at all (its base): the Contracts page's "reasons to look" counts. The selection is the
 * contracts search's own (filters, scope, text), so the counts match the table below them.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { RED_FLAG_IDS, type RedFlagId } from "@lens/core";
import type { z } from "zod";
import { RED_FLAG_SQL } from "./red-flag-sql.js";
import { type RunOptions, runQuery } from "./run.js";
import { contractClauses, contractsFrom, searchContractsInput } from "./search-contracts.js";

export const redFlagCountsInput = searchContractsInput.pick({ q: true, filters: true, includeOutOfScope: true });
export type RedFlagCountsInput = z.input<typeof redFlagCountsInput>;

export interface RedFlagCount {
  flag: RedFlagId;
  /** Contracts carrying the flag. */
  flagged: number;
  /** Contracts on which it can be judged (the share's denominator). */
  judged: number;
}

export interface RedFlagCounts {
  /** Contracts in the selection. */
  total: number;
  /** Contracts carrying at least one flag. */
  anyFlag: number;
  flags: RedFlagCount[];
}

export async function redFlagCounts(
  connection: DuckDBConnection,
  input: RedFlagCountsInput,
  options: RunOptions = {},
): Promise<RedFlagCounts> {
  const p = redFlagCountsInput.parse(input);
  const { clauses, params } = contractClauses(p);
  const where = clauses.length > 0 ? `WHERE ${clauses.join(" AND ")}` : "";
  const cond = (id: RedFlagId) => `coalesce(${RED_FLAG_SQL[id].condition}, false)`;
  const columns = RED_FLAG_IDS.flatMap((id, i) => [
    `count(*) FILTER (WHERE ${cond(id)})::INTEGER AS "f${i}"`,
    `count(*) FILTER (WHERE coalesce(${RED_FLAG_SQL[id].base}, false))::INTEGER AS "b${i}"`,
  ]);
  const [row] = await runQuery<Record<string, number>>(
    connection,
    {
      sql: `SELECT count(*)::INTEGER AS total,
  count(*) FILTER (WHERE ${RED_FLAG_IDS.map(cond).join(" OR ")})::INTEGER AS "anyFlag",
  ${columns.join(",\n  ")}
FROM ${contractsFrom(clauses)} ${where}`,
      params,
    },
    options,
  );
  return {
    total: row?.total ?? 0,
    anyFlag: row?.anyFlag ?? 0,
    flags: RED_FLAG_IDS.map((flag, i) => ({ flag, flagged: row?.[`f${i}`] ?? 0, judged: row?.[`b${i}`] ?? 0 })),
  };
}
