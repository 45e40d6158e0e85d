/**
 * Compiles a metric from the registry, a grouping and filters into one SQL statement with
 * bound parameters. Identifiers come only from the registries (metric and dimension ids are
 * validated before this point); every filter value is a `$name` parameter.
 *
 * Invariant: value, numerator, denominator and n are computed over the same rows of the same
 * group, so a chart, its CSV and the data API can never disagree about what a number means.
 */

import type { DuckDBValue } from "@duckdb/node-api";
import { DIMENSIONS, type DimensionId, type Filters, LIST_FILTER_DIMENSIONS, type MetricDef } from "@lens/core";

export interface CompiledQuery {
  sql: string;
  params: Record<string, DuckDBValue>;
}

export class QueryInputError extends Error {
  override name = "QueryInputError";
}

/** SQL for value / numerator / denominator / n / quartiles of one aggregate. */
export function aggregateSql(metric: MetricDef): string {
  const a = metric.aggregate;
  switch (a.kind) {
    case "count": {
      const expr = a.distinct ? `count(DISTINCT ${a.distinct})` : "count(*)";
      return `${expr}::DOUBLE AS value, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator, ${expr}::INTEGER AS n, NULL::DOUBLE AS q1, NULL::DOUBLE AS q3`;
    }
    case "sum":
      return `sum(${a.expr})::DOUBLE AS value, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator, count(${a.expr})::INTEGER AS n, NULL::DOUBLE AS q1, NULL::DOUBLE AS q3`;
    case "median":
      return `median(${a.expr})::DOUBLE AS value, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator, count(${a.expr})::INTEGER AS n, quantile_cont(${a.expr}, 0.25)::DOUBLE AS q1, quantile_cont(${a.expr}, 0.75)::DOUBLE AS q3`;
    case "share": {
      const num = `count(*) FILTER (WHERE (${a.base}) AND (${a.condition}))`;
      const den = `count(*) FILTER (WHERE ${a.base})`;
      return `(${num} / nullif(${den}, 0))::DOUBLE AS value, ${num}::DOUBLE AS numerator, ${den}::DOUBLE AS denominator, ${den}::INTEGER AS n, NULL::DOUBLE AS q1, NULL::DOUBLE AS q3`;
    }
    case "ratio": {
      const num = `sum(${a.numerator})`;
      const den = `sum(${a.denominator})`;
      return `(${num} / nullif(${den}, 0))::DOUBLE AS value, ${num}::DOUBLE AS numerator, ${den}::DOUBLE AS denominator, count(${a.denominator})::INTEGER AS n, NULL::DOUBLE AS q1, NULL::DOUBLE AS q3`;
    }
  }
}

/** Expression of a dimension on the metric's table; throws when the pairing is not allowed. */
export function dimensionSql(metric: MetricDef, dimension: DimensionId): string {
  if (!metric.dimensions.includes(dimension))
    throw new QueryInputError(
      `dimension '${dimension}' is not available for metric '${metric.id}'; allowed: ${metric.dimensions.join(", ")}`,
    );
  const expr = DIMENSIONS[dimension].expr[metric.table];
  if (expr === undefined) throw new QueryInputError(`dimension '${dimension}' does not apply to ${metric.table}`);
  return expr;
}

/** WHERE clauses and parameters for the metric's own filter plus the user's filters. */
export function filterSql(
  metric: MetricDef,
  filters: Filters,
): { clauses: string[]; params: Record<string, DuckDBValue> } {
  const clauses: string[] = [];
  const params: Record<string, DuckDBValue> = {};
  if (metric.where) clauses.push(`(${metric.where})`);
  if (filters.from !== undefined || filters.to !== undefined) {
    const year = dimensionSql(metric, "year");
    if (filters.from !== undefined) {
      clauses.push(`${year} >= $year_from`);
      params.year_from = filters.from;
    }
    if (filters.to !== undefined) {
      clauses.push(`${year} <= $year_to`);
      params.year_to = filters.to;
    }
  }
  for (const dimension of LIST_FILTER_DIMENSIONS) {
    const values = filters[dimension];
    if (!values || values.length === 0) continue;
    const expr = dimensionSql(metric, dimension);
    const names = values.map((value, i) => {
      const name = `f_${dimension}_${i}`;
      params[name] = value;
      return `$${name}`;
    });
    clauses.push(`CAST(${expr} AS VARCHAR) IN (${names.join(", ")})`);
  }
  return { clauses, params };
}

export function fromSql(metric: MetricDef): string {
  return `${metric.table} f LEFT JOIN local_authorities la ON la.la_code = f.la_code`;
}

export function compileMetricQuery(
  metric: MetricDef,
  groupBy: readonly DimensionId[],
  filters: Filters,
): CompiledQuery {
  if (groupBy.length > 2) throw new QueryInputError("at most two group-by dimensions");
  if (new Set(groupBy).size !== groupBy.length) throw new QueryInputError("group-by dimensions must differ");
  const dims = groupBy.map((d, i) => ({ id: d, expr: dimensionSql(metric, d), alias: `d${i}` }));
  const { clauses, params } = filterSql(metric, filters);
  const select = [...dims.map((d) => `${d.expr} AS ${d.alias}`), aggregateSql(metric)].join(",\n  ");
  const where = clauses.length > 0 ? `WHERE ${clauses.join(" AND ")}` : "";
  const group = dims.length > 0 ? `GROUP BY ${dims.map((d) => d.alias).join(", ")}` : "";
  const order = dims.length > 0 ? `ORDER BY ${dims.map((d) => `${d.alias} NULLS LAST`).join(", ")}` : "";
  return { sql: `SELECT\n  ${select}\nFROM ${fromSql(metric)}\n${where}\n${group}\n${order}`, params };
}
