/**
 * distribution: the spread of a metric's row-level value (contract length, annual value, days
 * to award, …) per group, for box plots and histograms: quartiles, Tukey whiskers (the most
 * extreme values within 1.5 × IQR of the box), outliers beyond them (the most extreme first,
 * capped per group, with the full count), and a histogram on bins shared by every group so
 * groups can be compared bar for bar. Groups below the metric's minimum n are withheld whole.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { dimensionIdSchema, filtersSchema, metricIdSchema, metricValueExpr } from "@lens/core";
import { z } from "zod";
import { dimensionSql, filterSql, fromSql, QueryInputError } from "./compile-metric.js";
import { requireMetric } from "./metric-input.js";
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
}

export async function distribution(
  connection: DuckDBConnection,
  input: DistributionInput,
  options: RunOptions = {},
): Promise<DistributionResult> {
  const parsed = distributionInput.parse(input);
  const metric = requireMetric(parsed.metric);
  const valueExpr = metricValueExpr(metric);
  if (!valueExpr) throw new QueryInputError(`metric '${metric.id}' has no row-level value to draw a distribution of`);
  const group = parsed.groupBy ? dimensionSql(metric, parsed.groupBy) : "NULL";
  const { clauses, params } = filterSql(metric, parsed.filters);
  const where = [...clauses, `(${valueExpr}) IS NOT NULL`].join(" AND ");
  const values = `v AS (SELECT ${group} AS d0, (${valueExpr})::DOUBLE AS x FROM ${fromSql(metric)} WHERE ${where})`;
  const stats = `s AS (
    SELECT d0, count(*)::INTEGER AS n, min(x) AS mn, quantile_cont(x, 0.25) AS q1, median(x) AS med,
      quantile_cont(x, 0.75) AS q3, max(x) AS mx
    FROM v GROUP BY d0),
  fenced AS (
    SELECT v.d0, v.x, s.med, s.q1 - 1.5 * (s.q3 - s.q1) AS lo, s.q3 + 1.5 * (s.q3 - s.q1) AS hi
    FROM v JOIN s ON s.d0 IS NOT DISTINCT FROM v.d0)`;

  const statsRows = await runQuery<StatsRow>(
    connection,
    {
      sql: `WITH ${values}, ${stats}
SELECT s.d0, s.n, s.mn::DOUBLE AS mn, s.q1::DOUBLE AS q1, s.med::DOUBLE AS med, s.q3::DOUBLE AS q3, s.mx::DOUBLE AS mx,
  min(f.x) FILTER (WHERE f.x >= f.lo)::DOUBLE AS wlo, max(f.x) FILTER (WHERE f.x <= f.hi)::DOUBLE AS whi,
  count(*) FILTER (WHERE f.x < f.lo OR f.x > f.hi)::INTEGER AS outliers
FROM s JOIN fenced f ON f.d0 IS NOT DISTINCT FROM s.d0
GROUP BY ALL ORDER BY s.d0 NULLS LAST`,
      params,
    },
    options,
  );
  const shown = statsRows.filter((r) => r.n >= metric.minN);
  if (statsRows.length === 0) return { metric: metric.id, groupBy: parsed.groupBy ?? null, binEdges: [], groups: [] };

  // Shared bins over the groups that are shown, so a withheld group's extremes do not leak through the edges.
  const lo = Math.min(...shown.map((r) => r.mn));
  const hi = Math.max(...shown.map((r) => r.mx));
  const bins = shown.length === 0 ? 0 : hi > lo ? parsed.bins : 1;
  const width = bins > 0 && hi > lo ? (hi - lo) / bins : 1;
  const binEdges = bins === 0 ? [] : Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width));

  const outlierRows =
    parsed.maxOutliers > 0 && shown.some((r) => r.outliers > 0)
      ? await runQuery<{ d0: string | number | null; x: number }>(
          connection,
          {
            sql: `WITH ${values}, ${stats}
SELECT d0, x FROM fenced WHERE x < lo OR x > hi
QUALIFY row_number() OVER (PARTITION BY d0 ORDER BY abs(x - med) DESC, x) <= $max_outliers
ORDER BY d0 NULLS LAST, x`,
            params: { ...params, max_outliers: parsed.maxOutliers },
          },
          options,
        )
      : [];
  const histRows =
    bins > 0
      ? await runQuery<{ d0: string | number | null; bin: number; c: number }>(
          connection,
          {
            sql: `WITH ${values}
SELECT d0, least(greatest(floor((x - $lo) / $width), 0), $last)::INTEGER AS bin, count(*)::INTEGER AS c
FROM v GROUP BY ALL`,
            params: { ...params, lo, width, last: bins - 1 },
          },
          options,
        )
      : [];

  const same = (a: string | number | null, b: string | number | null) => a === b;
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
    for (const h of histRows) if (same(h.d0, r.d0)) histogram[h.bin] = h.c;
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
      outliers: outlierRows.filter((o) => same(o.d0, r.d0)).map((o) => o.x),
      histogram,
    };
  });
  return { metric: metric.id, groupBy: parsed.groupBy ?? null, binEdges, groups };
}
