/**
 * meta: what the dashboard and the data API need besides numbers — filter options with row
 * counts, the build's key facts, the sources a build read (joined with the catalogue for
 * publisher, URL and licence), the classification rules, and the registries as plain data.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import {
  DIMENSIONS,
  type DimensionId,
  FACT_TABLES,
  type FactTable,
  getSource,
  labelForValue,
  METRICS,
} from "@lens/core";
import { z } from "zod";
import { tableDimensionSql } from "./compile-metric.js";
import { type RunOptions, runQuery } from "./run.js";

export const MAX_FILTER_OPTIONS = 500;

export const filterOptionsInput = z.object({ table: z.enum(FACT_TABLES) });
export type FilterOptionsInput = z.input<typeof filterOptionsInput>;

export interface FilterOption {
  value: string | number | null;
  label: string;
  n: number;
}

export interface DimensionOptions {
  dimension: DimensionId;
  label: string;
  options: FilterOption[];
  /** True when there were more than MAX_FILTER_OPTIONS distinct values. */
  truncated: boolean;
}

/** Row filter that defines a table's universe (out-of-scope notices are not options). */
const TABLE_WHERE: Partial<Record<FactTable, string>> = {
  contracts: "WHERE f.in_scope",
  // Inner and Outer London are halves of London, not regions a filter can ask for.
  council_indicators: "WHERE f.geographic_level <> 'sub-region'",
};

export async function filterOptions(
  connection: DuckDBConnection,
  input: FilterOptionsInput,
  options: RunOptions = {},
): Promise<DimensionOptions[]> {
  const { table } = filterOptionsInput.parse(input);
  const out: DimensionOptions[] = [];
  for (const def of Object.values(DIMENSIONS)) {
    if (!def.tables.includes(table)) continue;
    const rows = await runQuery<{ value: string | number | null; n: number }>(
      connection,
      {
        sql: `SELECT ${tableDimensionSql(table, def.id)} AS value, count(*)::INTEGER AS n
FROM ${table} f LEFT JOIN local_authorities la ON la.la_code = f.la_code ${TABLE_WHERE[table] ?? ""}
GROUP BY 1 ORDER BY ${def.id === "year" ? "value" : "n DESC, value"} NULLS LAST LIMIT $limit`,
        params: { limit: MAX_FILTER_OPTIONS + 1 },
      },
      options,
    );
    out.push({
      dimension: def.id,
      label: def.label,
      options: rows.slice(0, MAX_FILTER_OPTIONS).map((r) => ({ ...r, label: labelForValue(def.id, r.value) })),
      truncated: rows.length > MAX_FILTER_OPTIONS,
    });
  }
  return out;
}

export async function buildInfo(
  connection: DuckDBConnection,
  options: RunOptions = {},
): Promise<Record<string, string>> {
  const rows = await runQuery<{ key: string; value: string | null }>(
    connection,
    { sql: "SELECT key, value FROM build_info ORDER BY key", params: {} },
    options,
  );
  return Object.fromEntries(rows.map((r) => [r.key, r.value ?? ""]));
}

export interface SourceUsed {
  id: string;
  title: string | null;
  publisher: string | null;
  url: string | null;
  licence: string | null;
  licenceUrl: string | null;
  files: number;
  rowsRead: number;
  rowsKept: number;
  rowsRejected: number;
  rulesetVersion: string | null;
  builtAt: string;
}

export async function sourcesUsed(connection: DuckDBConnection, options: RunOptions = {}): Promise<SourceUsed[]> {
  const rows = await runQuery<{
    source: string;
    files: number;
    rows_read: number;
    rows_kept: number;
    rows_rejected: number;
    ruleset_version: string | null;
    built_at: string;
  }>(
    connection,
    {
      sql: `SELECT source, count(DISTINCT source_file)::INTEGER AS files, sum(rows_read)::DOUBLE AS rows_read,
  sum(rows_kept)::DOUBLE AS rows_kept, sum(rows_rejected)::DOUBLE AS rows_rejected,
  max(ruleset_version) AS ruleset_version, CAST(max(built_at) AS VARCHAR) AS built_at
FROM build_log GROUP BY source ORDER BY source`,
      params: {},
    },
    options,
  );
  return rows.map((r) => {
    const info = getSource(r.source);
    return {
      id: r.source,
      title: info?.title ?? null,
      publisher: info?.publisher ?? null,
      url: info?.url ?? null,
      licence: info?.licence ?? null,
      licenceUrl: info?.licenceUrl ?? null,
      files: r.files,
      rowsRead: r.rows_read,
      rowsKept: r.rows_kept,
      rowsRejected: r.rows_rejected,
      rulesetVersion: r.ruleset_version,
      builtAt: r.built_at,
    };
  });
}

async function tableExists(connection: DuckDBConnection, name: string, options: RunOptions): Promise<boolean> {
  const rows = await runQuery<{ n: number }>(
    connection,
    {
      sql: `SELECT ((SELECT count(*) FROM duckdb_tables() WHERE table_name = $name)
                 + (SELECT count(*) FROM duckdb_views() WHERE view_name = $name))::INTEGER AS n`,
      params: { name },
    },
    options,
  );
  return (rows[0]?.n ?? 0) > 0;
}

/** The classification rule table as the build wrote it, or [] when this warehouse has none. */
export async function classificationRules(
  connection: DuckDBConnection,
  options: RunOptions = {},
): Promise<Record<string, string | number | boolean | null>[]> {
  if (!(await tableExists(connection, "classification_rules", options))) return [];
  // Every column is served; integers arrive as numbers (cast), everything else as text.
  const columns = await runQuery<{ column_name: string; data_type: string }>(
    connection,
    {
      sql: "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'classification_rules' ORDER BY column_index",
      params: {},
    },
    options,
  );
  const select = columns
    .map((c) => {
      const id = `"${c.column_name.replace(/"/g, '""')}"`;
      if (/INT|DOUBLE|DECIMAL|FLOAT|REAL/.test(c.data_type)) return `${id}::DOUBLE AS ${id}`;
      if (c.data_type === "BOOLEAN") return id;
      return `CAST(${id} AS VARCHAR) AS ${id}`;
    })
    .join(", ");
  const order = columns.some((c) => c.column_name === "precedence") ? "ORDER BY precedence" : "";
  // How many rows each rule decided, so a rule's reach is visible beside its wording.
  const coverage = (await tableExists(connection, "classification_coverage", options))
    ? ", (SELECT sum(c.rows_decided) FROM classification_coverage c WHERE c.rule = classification_rules.rule_id)::DOUBLE AS rows_decided"
    : "";
  return runQuery(
    connection,
    { sql: `SELECT ${select}${coverage} FROM classification_rules ${order}`, params: {} },
    options,
  );
}

/** The metric and dimension registries as plain JSON data (for /api/v1/metrics and the methods page). */
export function registryCatalogue() {
  return {
    metrics: METRICS.map((m) => ({
      id: m.id,
      label: m.label,
      shortLabel: m.shortLabel,
      definition: m.definition,
      kind: m.kind,
      format: m.format,
      unit: m.unit,
      table: m.table,
      dimensions: m.dimensions,
      minN: m.minN,
      sources: m.sources,
      caveats: m.caveats,
      polarity: m.polarity,
      target: "target" in m ? m.target : null,
      splitsBy: m.aggregate.kind === "mix" ? m.aggregate.dimension : null,
    })),
    dimensions: Object.values(DIMENSIONS).map((d) => ({
      id: d.id,
      label: d.label,
      description: d.description,
      tables: d.tables,
      values: d.values ?? null,
      labels: d.labels ?? null,
      colours: d.colours ?? null,
    })),
  };
}
