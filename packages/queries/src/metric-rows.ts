/**
 * One metric's rows: the compiled query run and each raw row shaped into a MetricRow (value
 * withheld below the metric's minimum n, a Wilson interval for shares). compare, timeseries,
 * scatter, benchmark and the empty-answer explanation all run metrics through here.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { type DimensionId, type Filters, hasBinomialInterval, type MetricDef } from "@lens/core";
import type { AdjustedEstimate } from "./adjust.js";
import { compileMetricQuery } from "./compile-metric.js";
import { type RunOptions, runQuery } from "./run.js";
import { wilsonInterval } from "./wilson.js";

export interface MetricRow {
  /** Group values keyed by dimension id (null = not recorded). */
  dims: Partial<Record<DimensionId, string | number | null>>;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Rows in the denominator: what the suppression rule looks at. */
  n: number;
  /** Every row of the group (after the metric's own filter); n / total is the coverage. */
  total: number;
  coverage: number | null;
  suppressed: boolean;
  ciLow: number | null;
  ciHigh: number | null;
  q1: number | null;
  q3: number | null;
  /** The like-for-like estimate; present on every row when the input asked to adjust. */
  adjusted?: AdjustedEstimate;
}

export interface RawMetricRow {
  d0?: string | number | null;
  d1?: string | number | null;
  d2?: string | number | null;
  /** Only in the strata query of a like-for-like estimate. */
  d3?: string | number | null;
  d4?: string | number | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  n: number;
  total: number;
  q1: number | null;
  q3: number | null;
}

export function shapeMetricRow(metric: MetricDef, dimIds: readonly DimensionId[], raw: RawMetricRow): MetricRow {
  const dims: MetricRow["dims"] = {};
  const cols = [raw.d0, raw.d1, raw.d2];
  dimIds.forEach((d, i) => {
    dims[d] = cols[i] ?? null;
  });
  // A ratio over people (a cost per child) is also withheld when it rests on too few of them.
  const suppressed =
    raw.n < metric.minN || (metric.minDenominator !== undefined && (raw.denominator ?? 0) < metric.minDenominator);
  const ci =
    hasBinomialInterval(metric) && raw.numerator !== null && raw.denominator !== null && !suppressed
      ? wilsonInterval(raw.numerator, raw.denominator)
      : null;
  return {
    dims,
    value: suppressed ? null : raw.value,
    numerator: suppressed ? null : raw.numerator,
    denominator: suppressed ? null : raw.denominator,
    n: raw.n,
    total: raw.total,
    coverage: raw.total > 0 ? raw.n / raw.total : null,
    suppressed,
    ciLow: ci?.low ?? null,
    ciHigh: ci?.high ?? null,
    q1: suppressed ? null : raw.q1,
    q3: suppressed ? null : raw.q3,
  };
}

/** Runs one metric with a grouping and filters (already validated) and shapes its rows. */
export async function runMetric(
  connection: DuckDBConnection,
  metric: MetricDef,
  groupBy: readonly DimensionId[],
  filters: Filters,
  options: RunOptions = {},
): Promise<{ dims: DimensionId[]; rows: MetricRow[] }> {
  const query = compileMetricQuery(metric, groupBy, filters);
  const raw = await runQuery<RawMetricRow>(connection, query, options);
  return { dims: query.dims, rows: raw.map((r) => shapeMetricRow(metric, query.dims, r)) };
}
