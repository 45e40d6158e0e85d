/**
 * scatter: two metrics per council (e.g. share of spend with for-profit providers against the
 * share of children's homes rated Good or Outstanding). Every council in local_authorities
 * gets a point; a missing or suppressed value is null on that axis, never 0. Shared filters
 * apply to each metric that has the dimension; the ones a metric cannot take are listed.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { type DimensionId, filtersForMetric, filtersSchema, type MetricDef, metricIdSchema } from "@lens/core";
import { z } from "zod";
import { type AnswerDescription, describeAnswer } from "./compare.js";
import { QueryInputError } from "./compile-metric.js";
import { requireDimension, requireMetric } from "./metric-input.js";
import { type MetricRow, runMetric } from "./metric-rows.js";
import { type RunOptions, runQuery } from "./run.js";

export const scatterInput = z.object({
  x: metricIdSchema,
  y: metricIdSchema,
  filters: filtersSchema.default({}),
});
export type ScatterInput = z.input<typeof scatterInput>;

export interface ScatterPoint {
  laCode: string;
  name: string;
  region: string;
  x: number | null;
  y: number | null;
  xN: number;
  yN: number;
  xSuppressed: boolean;
  ySuppressed: boolean;
}

export interface ScatterResult {
  x: string;
  y: string;
  points: ScatterPoint[];
  /** Councils with both values. */
  pairs: number;
  /** Pearson correlation over those councils (null below 3 pairs): a description, not evidence of cause. */
  pearson: number | null;
  /** Its 95% interval (Fisher's z, n − 3 degrees; null below 4 pairs or when r is ±1). */
  pearsonInterval: { low: number; high: number } | null;
  ignoredFilters: { x: DimensionId[]; y: DimensionId[] };
  /** Who supplied each axis's rows, as compare says it (concentration, sentence, sources, …). */
  answers: { x: AnswerDescription; y: AnswerDescription };
}

async function perCouncil(
  connection: DuckDBConnection,
  metric: MetricDef,
  filters: ScatterInputParsed["filters"],
  options: RunOptions,
) {
  if (metric.aggregate.kind === "mix")
    throw new QueryInputError(`metric '${metric.id}' has several values per council; pick a single-valued metric`);
  requireDimension(metric, "council", "compared across councils");
  const narrowed = filtersForMetric(metric, filters);
  const { rows } = await runMetric(connection, metric, ["council"], narrowed.applied, options);
  const answer = await describeAnswer(connection, metric, [], narrowed.applied, options);
  return {
    byCouncil: new Map(rows.map((r) => [String(r.dims.council), r] as [string, MetricRow])),
    ignored: narrowed.ignored,
    answer,
  };
}

type ScatterInputParsed = z.output<typeof scatterInput>;

export function pearson(pairs: readonly [number, number][]): number | null {
  if (pairs.length < 3) return null;
  const n = pairs.length;
  const mx = pairs.reduce((s, p) => s + p[0], 0) / n;
  const my = pairs.reduce((s, p) => s + p[1], 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [a, b] of pairs) {
    sxy += (a - mx) * (b - my);
    sxx += (a - mx) ** 2;
    syy += (b - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

/**
 * Fisher's z interval for a Pearson r over n pairs: atanh(r) ± 1.96 / √(n − 3), back through
 * tanh. It assumes the councils are independent draws, which neighbouring councils are not: read
 * it as the least uncertainty there is.
 */
export function pearsonInterval(r: number | null, n: number): { low: number; high: number } | null {
  if (r === null || n < 4 || Math.abs(r) >= 1) return null;
  const z = Math.atanh(r);
  const half = 1.96 / Math.sqrt(n - 3);
  return { low: Math.tanh(z - half), high: Math.tanh(z + half) };
}

export async function scatter(
  connection: DuckDBConnection,
  input: ScatterInput,
  options: RunOptions = {},
): Promise<ScatterResult> {
  const parsed = scatterInput.parse(input);
  const xm = requireMetric(parsed.x);
  const ym = requireMetric(parsed.y);
  // One connection runs one statement at a time, so these run in turn.
  const xs = await perCouncil(connection, xm, parsed.filters, options);
  const ys = await perCouncil(connection, ym, parsed.filters, options);
  const councils = await runQuery<{ la_code: string; name: string; region: string }>(
    connection,
    { sql: "SELECT la_code, name, region FROM local_authorities ORDER BY name", params: {} },
    options,
  );
  const points = councils.map((c): ScatterPoint => {
    const x = xs.byCouncil.get(c.la_code);
    const y = ys.byCouncil.get(c.la_code);
    return {
      laCode: c.la_code,
      name: c.name,
      region: c.region,
      x: x?.value ?? null,
      y: y?.value ?? null,
      xN: x?.n ?? 0,
      yN: y?.n ?? 0,
      xSuppressed: x?.suppressed ?? false,
      ySuppressed: y?.suppressed ?? false,
    };
  });
  const pairs = points.filter((p) => p.x !== null && p.y !== null).map((p) => [p.x!, p.y!] as [number, number]);
  return {
    x: xm.id,
    y: ym.id,
    points,
    pairs: pairs.length,
    pearson: pearson(pairs),
    pearsonInterval: pearsonInterval(pearson(pairs), pairs.length),
    ignoredFilters: { x: xs.ignored, y: ys.ignored },
    answers: { x: xs.answer, y: ys.answer },
  };
}
