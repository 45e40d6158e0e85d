/**
 * compare: one metric, up to two group-by dimensions, any filters → one row per group with
 * value, numerator, denominator, n, a suppressed flag (value withheld when n < the metric's
 * minimum) and, for shares, a 95% Wilson interval.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import {
  type DimensionId,
  type Filters,
  filtersSchema,
  getMetric,
  groupBySchema,
  type MetricDef,
  metricIdSchema,
} from "@lens/core";
import { z } from "zod";
import { compileMetricQuery } from "./compile-metric.js";
import { runQuery } from "./run.js";
import { wilsonInterval } from "./wilson.js";

export const compareInput = z.object({
  metric: metricIdSchema,
  groupBy: groupBySchema.default([]),
  filters: filtersSchema.default({}),
});
export type CompareInput = z.input<typeof compareInput>;

export interface MetricRow {
  /** Group values keyed by dimension id (null = not recorded). */
  dims: Partial<Record<DimensionId, string | number | null>>;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  n: number;
  suppressed: boolean;
  ciLow: number | null;
  ciHigh: number | null;
  q1: number | null;
  q3: number | null;
}

export interface CompareResult {
  metric: string;
  groupBy: DimensionId[];
  filters: Filters;
  rows: MetricRow[];
}

interface RawRow {
  d0?: string | number | null;
  d1?: string | number | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  n: number;
  q1: number | null;
  q3: number | null;
}

export function shapeMetricRow(metric: MetricDef, groupBy: readonly DimensionId[], raw: RawRow): MetricRow {
  const dims: MetricRow["dims"] = {};
  groupBy.forEach((d, i) => {
    dims[d] = (i === 0 ? raw.d0 : raw.d1) ?? null;
  });
  const suppressed = raw.n < metric.minN;
  const ci =
    metric.aggregate.kind === "share" && raw.numerator !== null && raw.denominator !== null && !suppressed
      ? wilsonInterval(raw.numerator, raw.denominator)
      : null;
  return {
    dims,
    value: suppressed ? null : raw.value,
    numerator: suppressed ? null : raw.numerator,
    denominator: suppressed ? null : raw.denominator,
    n: raw.n,
    suppressed,
    ciLow: ci?.low ?? null,
    ciHigh: ci?.high ?? null,
    q1: suppressed ? null : raw.q1,
    q3: suppressed ? null : raw.q3,
  };
}

export async function compare(connection: DuckDBConnection, input: CompareInput): Promise<CompareResult> {
  const parsed = compareInput.parse(input);
  const metric = getMetric(parsed.metric)!;
  const query = compileMetricQuery(metric, parsed.groupBy, parsed.filters);
  const raw = await runQuery<RawRow>(connection, query);
  return {
    metric: metric.id,
    groupBy: parsed.groupBy,
    filters: parsed.filters,
    rows: raw.map((r) => shapeMetricRow(metric, parsed.groupBy, r)),
  };
}
