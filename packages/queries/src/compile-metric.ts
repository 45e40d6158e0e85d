/**
 * Compiles a metric from the registry, a grouping and filters into one SQL statement with
 * bound parameters. Identifiers come only from the registries (metric and dimension ids are
 * validated before this point); every filter value is a `$name` parameter.
 *
 * Invariant: value, numerator, denominator, n and total are computed over the same rows of
 * the same group, so a chart, its CSV and the data API can never disagree about what a
 * number means. Every statement returns the same columns:
 *   d0[, d1[, d2]], value, numerator, denominator, n, total, q1, q3
 * where n is the count the suppression rule looks at (the denominator's rows) and total is
 * every row of the group, so n / total is the coverage.
 */

import type { DuckDBValue } from "@duckdb/node-api";
import {
  type DimensionId,
  EXCLUSION_FILTERS,
  type FactTable,
  type Filters,
  LIST_FILTER_DIMENSIONS,
  type MetricDef,
} from "@lens/core";
import { DIMENSION_SQL } from "./dimension-sql.js";
import { type SqlMetric, withSql } from "./metric-with-sql.js";

export interface CompiledQuery {
  sql: string;
  params: Record<string, DuckDBValue>;
}

export interface CompiledMetricQuery extends CompiledQuery {
  /** The dimensions of the output columns d0, d1, d2 in order (a mix metric appends its own). */
  dims: DimensionId[];
}

export class QueryInputError extends Error {
  override name = "QueryInputError";
}

const NO_QUARTILES = "NULL::DOUBLE AS q1, NULL::DOUBLE AS q3";

/** SQL for value / numerator / denominator / n / total / quartiles of a single-level aggregate. */
function singleLevelAggregateSql(metric: SqlMetric): string {
  const a = metric.aggregate;
  const total = "count(*)::INTEGER AS total";
  switch (a.kind) {
    case "count": {
      const expr = a.distinct ? `count(DISTINCT ${a.distinct})` : "count(*)";
      return `${expr}::DOUBLE AS value, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator, ${expr}::INTEGER AS n, ${total}, ${NO_QUARTILES}`;
    }
    case "sum":
      // sum() of no known values is NULL, never 0.
      return `sum(${a.expr})::DOUBLE AS value, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator, count(${a.expr})::INTEGER AS n, ${total}, ${NO_QUARTILES}`;
    case "median":
      return `median(${a.expr})::DOUBLE AS value, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator, count(${a.expr})::INTEGER AS n, ${total}, quantile_cont(${a.expr}, 0.25)::DOUBLE AS q1, quantile_cont(${a.expr}, 0.75)::DOUBLE AS q3`;
    case "share": {
      const num = `count(*) FILTER (WHERE (${a.base}) AND (${a.condition}))`;
      const den = `count(*) FILTER (WHERE ${a.base})`;
      return `(${num} / nullif(${den}, 0))::DOUBLE AS value, ${num}::DOUBLE AS numerator, ${den}::DOUBLE AS denominator, ${den}::INTEGER AS n, ${total}, ${NO_QUARTILES}`;
    }
    case "ratio": {
      // Both sides over the same rows, those where both are known: an unknown on either side
      // never becomes a 0 on the other (which would bias the ratio down or up).
      const known = `(${a.numerator}) IS NOT NULL AND (${a.denominator}) IS NOT NULL`;
      const num = `sum(${a.numerator}) FILTER (WHERE ${known})`;
      const den = `sum(${a.denominator}) FILTER (WHERE ${known})`;
      return `(${num} / nullif(${den}, 0))::DOUBLE AS value, ${num}::DOUBLE AS numerator, ${den}::DOUBLE AS denominator, count(*) FILTER (WHERE ${known})::INTEGER AS n, ${total}, ${NO_QUARTILES}`;
    }
    case "perEntity": {
      const num = `count(${a.entity})`;
      const den = `count(DISTINCT ${a.entity})`;
      return `(${num} / nullif(${den}, 0))::DOUBLE AS value, ${num}::DOUBLE AS numerator, ${den}::DOUBLE AS denominator, ${num}::INTEGER AS n, ${total}, ${NO_QUARTILES}`;
    }
    default:
      throw new Error(`aggregate '${a.kind}' is not single-level`);
  }
}

/** Expression of a dimension on the metric's table; throws when the pairing is not allowed. */
export function dimensionSql(metric: MetricDef, dimension: DimensionId): string {
  const own = metric.aggregate.kind === "mix" && metric.aggregate.dimension === dimension;
  if (!own && !metric.dimensions.includes(dimension))
    throw new QueryInputError(
      `dimension '${dimension}' is not available for metric '${metric.id}'; allowed: ${metric.dimensions.join(", ")}`,
    );
  return tableDimensionSql(metric.table, dimension);
}

export function tableDimensionSql(table: FactTable, dimension: DimensionId): string {
  const expr = DIMENSION_SQL[dimension][table];
  if (expr === undefined) throw new QueryInputError(`dimension '${dimension}' does not apply to ${table}`);
  return expr;
}

/**
 * WHERE clauses and parameters for user filters on a table. `allowed` limits the dimensions
 * (a metric's own list); a filter on any other dimension is an input error, never ignored.
 */
export function filtersToSql(
  table: FactTable,
  allowed: readonly DimensionId[] | null,
  filters: Filters,
  prefix = "f",
): { clauses: string[]; params: Record<string, DuckDBValue> } {
  const clauses: string[] = [];
  const params: Record<string, DuckDBValue> = {};
  const expr = (d: DimensionId) => {
    if (allowed && !allowed.includes(d))
      throw new QueryInputError(`filter '${d}' is not available here; allowed: ${allowed.join(", ")}`);
    return tableDimensionSql(table, d);
  };
  if (filters.from !== undefined || filters.to !== undefined) {
    const year = expr("year");
    if (filters.from !== undefined) {
      clauses.push(`${year} >= $${prefix}_year_from`);
      params[`${prefix}_year_from`] = filters.from;
    }
    if (filters.to !== undefined) {
      clauses.push(`${year} <= $${prefix}_year_to`);
      params[`${prefix}_year_to`] = filters.to;
    }
  }
  for (const dimension of LIST_FILTER_DIMENSIONS) {
    const values = filters[dimension];
    if (!values || values.length === 0) continue;
    const sql = expr(dimension);
    const names = values.map((value, i) => {
      const name = `${prefix}_${dimension}_${i}`;
      params[name] = value;
      return `$${name}`;
    });
    clauses.push(`CAST(${sql} AS VARCHAR) IN (${names.join(", ")})`);
  }
  for (const { key, dimension } of EXCLUSION_FILTERS) {
    const values = filters[key];
    if (!values || values.length === 0) continue;
    const sql = expr(dimension);
    const names = values.map((value, i) => {
      const name = `${prefix}_${key}_${i}`;
      params[name] = value;
      return `$${name}`;
    });
    // A row with no value recorded is not any listed contributor, so it stays (NOT IN alone would drop NULLs).
    clauses.push(`(${sql} IS NULL OR CAST(${sql} AS VARCHAR) NOT IN (${names.join(", ")}))`);
  }
  return { clauses, params };
}

/**
 * WHERE clauses and parameters for the metric's own filter plus the user's filters. A
 * published-figure metric also reads only the rows of the area level its grouping asks for.
 */
export function filterSql(
  metric: MetricDef,
  filters: Filters,
  groupBy: readonly DimensionId[] = [],
): { clauses: string[]; params: Record<string, DuckDBValue> } {
  const allowed: DimensionId[] = [...metric.dimensions];
  if (metric.aggregate.kind === "mix") allowed.push(metric.aggregate.dimension);
  const { clauses, params } = filtersToSql(metric.table, allowed, filters);
  if (metric.aggregate.kind === "published") {
    const level = publishedLevel(groupBy, filters);
    if (level !== "council" && (filters.excludeCouncils?.length ?? 0) > 0)
      throw new QueryInputError(
        `metric '${metric.id}' is a published figure: England's and regions' values cannot leave a council out`,
      );
    // One of three fixed literals, never user text.
    clauses.unshift(`f.geographic_level = '${level}'`);
  }
  const where = withSql(metric).where;
  if (where) clauses.unshift(`(${where})`);
  if (metric.aggregate.kind === "published" && !groupBy.includes("year")) {
    // Without a year grouping every area shows the latest year of the selection, the same
    // year for all: an area whose figures stop earlier (an abolished council) is absent, not
    // ranked against other areas' later years. The subquery's alias shadows the outer f.
    clauses.push(`f.year = (SELECT max(f.year) FROM ${fromSql(metric)} WHERE ${clauses.join(" AND ")})`);
  }
  return { clauses, params };
}

export function fromSql(metric: MetricDef): string {
  const sql = withSql(metric).relation;
  const relation = sql ? `(${sql})` : metric.table;
  return `${relation} f LEFT JOIN local_authorities la ON la.la_code = f.la_code`;
}

const list = (xs: readonly string[]) => xs.join(", ");

/** The level of the rows a published-figure query reads (values of council_indicators.geographic_level). */
export type PublishedLevel = "england" | "region" | "council";

/**
 * Council rows when the query groups or filters by council, regional rows when it groups or
 * filters by region, else England's row: each area's figure is the publisher's own, never a
 * sum or average of the areas inside it.
 */
export function publishedLevel(groupBy: readonly DimensionId[], filters: Filters): PublishedLevel {
  if (groupBy.includes("council") || (filters.council?.length ?? 0) > 0) return "council";
  if (groupBy.includes("region") || (filters.region?.length ?? 0) > 0) return "region";
  return "england";
}

/**
 * Value, numerator and denominator of the group's one area at its latest year
 * (arg_max_null: a suppressed latest year stays blank rather than falling back to an older
 * one). A group holding several areas or several rows of one area-year has no value, so
 * nothing is ever pooled or double counted; n is 1 when the value is known.
 */
function publishedAggregateSql(): string {
  const area = "coalesce(f.la_code, f.region_code, f.geographic_level)";
  const one = `count(DISTINCT ${area}) = 1 AND count(*) = count(DISTINCT f.year)`;
  const pick = (column: string) => `CASE WHEN ${one} THEN arg_max_null(${column}, f.year) END`;
  return `${pick("f.value")}::DOUBLE AS value, ${pick("f.numerator")}::DOUBLE AS numerator, ${pick("f.denominator")}::DOUBLE AS denominator, (CASE WHEN ${pick("f.value")} IS NULL THEN 0 ELSE 1 END)::INTEGER AS n, count(*)::INTEGER AS total, ${NO_QUARTILES}`;
}

/**
 * The one compiler for every aggregate kind. Single-level kinds are one GROUP BY; mix, hhi
 * and topShare first aggregate per (group, category or entity) and then per group, so a
 * share is always cell / group total and an HHI always Σ share² over the group's own market.
 */
export function compileMetricQuery(
  metric: MetricDef,
  groupBy: readonly DimensionId[],
  filters: Filters,
  /** Strata for a like-for-like estimate add up to three dimensions to the user's two. */
  options: { maxDims?: number } = {},
): CompiledMetricQuery {
  const maxDims = options.maxDims ?? 2;
  if (groupBy.length > maxDims)
    throw new QueryInputError(`at most ${maxDims === 2 ? "two" : maxDims} group-by dimensions`);
  if (new Set(groupBy).size !== groupBy.length) throw new QueryInputError("group-by dimensions must differ");
  const a = withSql(metric).aggregate;
  if (a.kind === "mix" && groupBy.includes(a.dimension))
    throw new QueryInputError(`metric '${metric.id}' already splits by '${a.dimension}'; group by another dimension`);
  const userDims = groupBy.map((d, i) => ({ id: d, expr: dimensionSql(metric, d), alias: `d${i}` }));
  const { clauses, params } = filterSql(metric, filters, groupBy);
  const where = clauses.length > 0 ? `WHERE ${clauses.join(" AND ")}` : "";
  const from = fromSql(metric);
  const aliases = userDims.map((d) => d.alias);
  const dimSelect = userDims.map((d) => `${d.expr} AS ${d.alias}`);

  if (a.kind === "mix") {
    const mixAlias = `d${userDims.length}`;
    const mixExpr = dimensionSql(metric, a.dimension);
    const cellAliases = [...aliases, mixAlias];
    const weight = a.weight ? `sum(${a.weight})` : "count(*)";
    const partition = aliases.length > 0 ? `PARTITION BY ${list(aliases)}` : "";
    const groupTotal = `sum(c.cell) OVER (${partition})`;
    const groupRows = `sum(c.rows) OVER (${partition})`;
    const sql = `WITH c AS (
  SELECT ${list([...dimSelect, `${mixExpr} AS ${mixAlias}`])}, ${weight} AS cell, count(*) AS rows
  FROM ${from}
  ${where}
  GROUP BY ${list(cellAliases)}
)
SELECT ${list(cellAliases.map((x) => `c.${x}`))},
  (c.cell / nullif(${groupTotal}, 0))::DOUBLE AS value, c.cell::DOUBLE AS numerator, (${groupTotal})::DOUBLE AS denominator,
  (${groupRows})::INTEGER AS n, (${groupRows})::INTEGER AS total, ${NO_QUARTILES}
FROM c
ORDER BY ${list(cellAliases.map((x) => `${x} NULLS LAST`))}`;
    return { sql, params, dims: [...groupBy, a.dimension] };
  }

  if (a.kind === "hhi" || a.kind === "topShare") {
    // Per (group, entity): weight of rows with a known entity and a positive weight; all rows count toward total.
    const known = `(${a.entity}) IS NOT NULL AND (${a.weight}) > 0`;
    const inner = `SELECT ${list([...dimSelect, `${a.entity} AS entity`])},
    sum(${a.weight}) FILTER (WHERE ${known}) AS w, count(*) FILTER (WHERE ${known}) AS rows, count(*) AS all_rows
  FROM ${from}
  ${where}
  GROUP BY ${list([...aliases, "entity"])}`;
    const partition = aliases.length > 0 ? `PARTITION BY ${list(aliases)}` : "";
    const outerSelect = aliases.map((x) => `e.${x}`);
    const group = aliases.length > 0 ? `GROUP BY ${list(outerSelect)}` : "";
    const order = aliases.length > 0 ? `ORDER BY ${list(outerSelect.map((x) => `${x} NULLS LAST`))}` : "";
    const totalW = "sum(e.w)";
    const valueSql =
      a.kind === "hhi"
        ? `(sum(e.w * e.w) / nullif(${totalW} * ${totalW}, 0) * 10000)::DOUBLE AS value, NULL::DOUBLE AS numerator, ${totalW}::DOUBLE AS denominator`
        : `(sum(e.w) FILTER (WHERE e.rk <= ${Math.trunc(a.k)}) / nullif(${totalW}, 0))::DOUBLE AS value, sum(e.w) FILTER (WHERE e.rk <= ${Math.trunc(a.k)})::DOUBLE AS numerator, ${totalW}::DOUBLE AS denominator`;
    const sql = `WITH e AS (
  SELECT *, row_number() OVER (${partition} ORDER BY w DESC NULLS LAST, entity) AS rk FROM (
  ${inner}
  ) x
)
SELECT ${list([...outerSelect, valueSql])},
  coalesce(sum(e.rows), 0)::INTEGER AS n, sum(e.all_rows)::INTEGER AS total, ${NO_QUARTILES}
FROM e
${group}
${order}`;
    return { sql, params, dims: [...groupBy] };
  }

  const aggregateSql = a.kind === "published" ? publishedAggregateSql() : singleLevelAggregateSql(withSql(metric));
  const select = [...dimSelect, aggregateSql].join(",\n  ");
  const group = aliases.length > 0 ? `GROUP BY ${list(aliases)}` : "";
  const order = aliases.length > 0 ? `ORDER BY ${list(aliases.map((x) => `${x} NULLS LAST`))}` : "";
  return { sql: `SELECT\n  ${select}\nFROM ${from}\n${where}\n${group}\n${order}`, params, dims: [...groupBy] };
}
