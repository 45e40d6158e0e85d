/**
 * distribution: the spread of a metric's row-level value (contract length, annual value, days
 * to award, …) per group, for box plots and histograms: quartiles, Tukey whiskers (the most
 * extreme values within 1.5 × IQR of the box), outliers beyond them (the most extreme first,
 * capped per group, with the full count), and a histogram on bins shared by every group so
 * groups can be compared bar for bar. Groups below the metric's minimum n are withheld whole.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { dimensionIdSchema, filtersSchema, metricIdSchema } from "@lens/core";
import { z } from "zod";
import { dimensionSql, filterSql, fromSql, QueryInputError } from "./compile-metric.js";
import { requireMetric } from "./metric-input.js";
import { metricValueExpr } from "./metric-with-sql.js";
import { type RunOptions, runQuery } from "./run.js";

export const MAX_BINS = 100;
export const MAX_OUTLIERS = 200;

export const distributionInput = z.object({
  metric: metricIdSchema,
  groupBy: dimensionIdSchema.optional(),
  filters: filtersSchema.default({}),
  bins: z.number().int().min(1).max(MAX_BINS).default(20),
  maxOutliers: z.number().int().min(0).max(MAX_OUTLIERS).default(50),
});
export type DistributionInput = z.input<typeof distributionInput>;

export interface DistributionGroup {
  key: string | number | null;
  n: number;
  suppressed: boolean;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  whiskerLow: number | null;
  whiskerHigh: number | null;
  outlierCount: number | null;
  /** The most extreme outliers, at most maxOutliers of them. */
  outliers: number[];
  /** Counts per shared bin; null when suppressed. */
  histogram: number[] | null;
}

export interface DistributionResult {
  metric: string;
  groupBy: string | null;
  /** Bin edges shared by every group: bins + 1 numbers, or [] when there are no values. */
  binEdges: number[];
  groups: DistributionGroup[];
}

interface StatsRow {
  d0: string | number | null;
  n: number;
  mn: number;
  q1: number;
  med: number;
  q3: number;
  mx: number;
  wlo: number;
  whi: number;
  outliers: number;
  /** The capped outliers, ascending. */
  ox: number[] | null;
  /** Non-empty histogram bins. */
  hist: { bin: number; c: number }[] | null;
}

/**
 * Up to this many distinct (group, value) pairs, quartiles come from running counts over the
 * distinct values (one small sort); beyond it, from quantile_cont over the rows themselves.
 */
export const DISTINCT_QUARTILE_LIMIT = 50_000;

/** Exact quantile_cont at p from running counts: DuckDB's own lo + (hi − lo) × frac(rank) interpolation. */
function quantileFromCounts(p: number, alias: string): string {
  const rank = `((n - 1) * ${p})::DOUBLE`;
  const at = (edge: "floor" | "ceil") => `min(x) FILTER (WHERE cum > ${edge}(${rank}))`;
  return `${at("floor")} + (${at("ceil")} - ${at("floor")}) * (${rank} - floor(${rank})) AS ${alias}`;
}

export async function distribution(
  connection: DuckDBConnection,
  input: DistributionInput,
  options: RunOptions = {},
  /** For tests: forces either way of computing quartiles. */
  distinctQuartileLimit = DISTINCT_QUARTILE_LIMIT,
): Promise<DistributionResult> {
  const parsed = distributionInput.parse(input);
  const metric = requireMetric(parsed.metric);
  const valueExpr = metricValueExpr(metric);
  if (!valueExpr) throw new QueryInputError(`metric '${metric.id}' has no row-level value to draw a distribution of`);
  const group = parsed.groupBy ? dimensionSql(metric, parsed.groupBy) : "NULL";
  const { clauses, params } = filterSql(metric, parsed.filters);
  const where = [...clauses, `(${valueExpr}) IS NOT NULL`].join(" AND ");
  // One statement. The rows are first counted per (group, value), and everything after that
  // (quartiles when the values are few, fences, whiskers, outliers, histogram) works on those
  // counts, so the rows are read once. Many distinct values (money, say) take their quartiles
  // from quantile_cont over the rows instead, as running counts over them would need a big sort.
  const sql = `WITH v AS (SELECT ${group} AS d0, (${valueExpr})::DOUBLE AS x FROM ${fromSql(metric)} WHERE ${where}),
g AS MATERIALIZED (SELECT d0, x, count(*)::BIGINT AS c FROM v GROUP BY d0, x),
few AS (SELECT count(*) <= $distinct_limit AS yes FROM g),
counted AS (
  SELECT d0, x, sum(c) OVER (PARTITION BY d0 ORDER BY x ROWS UNBOUNDED PRECEDING) AS cum,
    sum(c) OVER (PARTITION BY d0) AS n
  FROM g WHERE (SELECT yes FROM few)),
s AS (
  SELECT d0, n, min(x) AS mn, ${quantileFromCounts(0.25, "q1")}, ${quantileFromCounts(0.5, "med")},
    ${quantileFromCounts(0.75, "q3")}, max(x) AS mx
  FROM counted GROUP BY d0, n
  UNION ALL
  SELECT d0, n, mn, q[1], q[2], q[3], mx
  FROM (
    SELECT d0, count(*) AS n, min(x) AS mn, quantile_cont(x, [0.25, 0.5, 0.75]) AS q, max(x) AS mx
    FROM v WHERE NOT (SELECT yes FROM few) GROUP BY d0)),
fenced AS (SELECT *, q1 - 1.5 * (q3 - q1) AS lo, q3 + 1.5 * (q3 - q1) AS hi FROM s),
shown AS (SELECT min(mn) AS lo, max(mx) AS hi FROM s WHERE n >= $min_n),
edges AS (
  SELECT lo, CASE WHEN hi > lo THEN (hi - lo) / $bins ELSE 1 END AS width, CASE WHEN hi > lo THEN $bins ELSE 1 END - 1 AS last
  FROM shown),
binned AS (
  SELECT g.d0, least(greatest(floor((g.x - e.lo) / e.width), 0), e.last)::INTEGER AS bin, sum(g.c)::INTEGER AS c,
    min(g.x) FILTER (WHERE g.x >= f.lo) AS wlo, max(g.x) FILTER (WHERE g.x <= f.hi) AS whi,
    coalesce(sum(g.c) FILTER (WHERE g.x < f.lo OR g.x > f.hi), 0) AS outliers
  FROM g JOIN fenced f ON f.d0 IS NOT DISTINCT FROM g.d0 CROSS JOIN edges e
  GROUP BY ALL),
far AS (
  SELECT g.d0, g.x, g.c,
    coalesce(sum(g.c) OVER (PARTITION BY g.d0 ORDER BY abs(g.x - f.med) DESC, g.x ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
  FROM g JOIN fenced f ON f.d0 IS NOT DISTINCT FROM g.d0
  WHERE $max_outliers > 0 AND (g.x < f.lo OR g.x > f.hi)),
kept AS (
  SELECT d0, list(x ORDER BY x) AS ox
  FROM (SELECT d0, x FROM far, range(least(c, $max_outliers - before)::BIGINT) WHERE before < $max_outliers)
  GROUP BY d0),
rolled AS (
  SELECT d0, min(wlo) AS wlo, max(whi) AS whi, sum(outliers)::INTEGER AS outliers, list({bin: bin, c: c}) AS hist
  FROM binned GROUP BY d0)
SELECT f.d0, f.n::INTEGER AS n, f.mn::DOUBLE AS mn, f.q1::DOUBLE AS q1, f.med::DOUBLE AS med, f.q3::DOUBLE AS q3,
  f.mx::DOUBLE AS mx, r.wlo::DOUBLE AS wlo, r.whi::DOUBLE AS whi, r.outliers, r.hist, k.ox
FROM fenced f JOIN rolled r ON r.d0 IS NOT DISTINCT FROM f.d0 LEFT JOIN kept k ON k.d0 IS NOT DISTINCT FROM f.d0
ORDER BY f.d0 NULLS LAST`;
  const statsRows = await runQuery<StatsRow>(
    connection,
    {
      sql,
      params: {
        ...params,
        distinct_limit: distinctQuartileLimit,
        min_n: metric.minN,
        bins: parsed.bins,
        max_outliers: parsed.maxOutliers,
      },
    },
    options,
  );
  const shown = statsRows.filter((r) => r.n >= metric.minN);
  if (statsRows.length === 0) return { metric: metric.id, groupBy: parsed.groupBy ?? null, binEdges: [], groups: [] };

  // Shared bins over the groups that are shown, so a withheld group's extremes do not leak through the edges
  // (the query places values in the same bins: lo + width × bin, the last one closed).
  const lo = Math.min(...shown.map((r) => r.mn));
  const hi = Math.max(...shown.map((r) => r.mx));
  const bins = shown.length === 0 ? 0 : hi > lo ? parsed.bins : 1;
  const width = bins > 0 && hi > lo ? (hi - lo) / bins : 1;
  const binEdges = bins === 0 ? [] : Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width));

  const groups = statsRows.map((r): DistributionGroup => {
    if (r.n < metric.minN)
      return {
        key: r.d0,
        n: r.n,
        suppressed: true,
        min: null,
        q1: null,
        median: null,
        q3: null,
        max: null,
        whiskerLow: null,
        whiskerHigh: null,
        outlierCount: null,
        outliers: [],
        histogram: null,
      };
    const histogram = new Array<number>(bins).fill(0);
    for (const h of r.hist ?? []) histogram[h.bin] = h.c;
    return {
      key: r.d0,
      n: r.n,
      suppressed: false,
      min: r.mn,
      q1: r.q1,
      median: r.med,
      q3: r.q3,
      max: r.mx,
      whiskerLow: r.wlo,
      whiskerHigh: r.whi,
      outlierCount: r.outliers,
      outliers: r.ox ?? [],
      histogram,
    };
  });
  return { metric: metric.id, groupBy: parsed.groupBy ?? null, binEdges, groups };
}
