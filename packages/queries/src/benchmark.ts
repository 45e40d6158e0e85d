/**
 * benchmark: one council against its 10 statistical neighbours, its region and England, for a
 * set of metrics. Region, neighbour and England values are pooled from the underlying rows
 * (numerator over denominator of the whole area), never averages of council values.
 *
 * Rank: standard competition ranking ("1224") among councils with a shown (non-suppressed)
 * value: rank = 1 + the number of councils strictly better. "Better" follows the metric's
 * polarity; for neutral metrics rank 1 is the highest value. `rankOf` says how many councils
 * were ranked (at most 153). Quartile 1 is the best quarter: ceil(4 × rank / rankOf).
 * Gap to target = target − value (positive: short of the target), for metrics with a target.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import {
  type DimensionId,
  type Filters,
  filtersForMetric,
  filtersSchema,
  type MetricDef,
  metricIdSchema,
} from "@lens/core";
import { z } from "zod";
import { type AnswerDescription, describeAnswer } from "./compare.js";
import { QueryInputError } from "./compile-metric.js";
import { requireDimension, requireMetric } from "./metric-input.js";
import { type MetricRow, runMetric } from "./metric-rows.js";
import { type RunOptions, runQuery } from "./run.js";

export const MAX_BENCHMARK_METRICS = 12;

export const benchmarkInput = z.object({
  council: z.string().regex(/^[0-9]{3}$/, { message: "must be a 3-digit DfE council code" }),
  metrics: z.array(metricIdSchema).min(1).max(MAX_BENCHMARK_METRICS),
  filters: filtersSchema
    .default({})
    .refine((f) => !f.council && !f.region, { message: "council and region are set by the benchmark itself" }),
});
export type BenchmarkInput = z.input<typeof benchmarkInput>;

export type AreaValue = Omit<MetricRow, "dims">;

export interface TrendPoint {
  year: number;
  value: number | null;
  n: number;
  suppressed: boolean;
}

/**
 * Beside the values, who supplied the rows, as compare says it (concentration, sentence, the
 * contributing sources, implausible rows left out): over England's rows with these filters,
 * since every value on a benchmark (council, neighbours, region, England) is drawn from them.
 */
export interface BenchmarkMetric extends AnswerDescription {
  metric: string;
  council: AreaValue | null;
  neighbours: { laCode: string; name: string; rank: number; value: AreaValue | null }[];
  /** The 10 neighbours pooled as one area (none for a published figure: rates cannot be pooled without their counts). */
  neighbourAverage: AreaValue | null;
  /** Median of the neighbours' own shown values; the neighbours' summary for published figures. */
  neighbourMedian: number | null;
  /** The year the council, region and England values are for, when they are one year's (published figures). */
  year: number | null;
  region: AreaValue | null;
  england: AreaValue | null;
  rank: number | null;
  rankOf: number;
  quartile: 1 | 2 | 3 | 4 | null;
  /** The council's and England's values by year (all years, other filters kept). */
  trend: { council: TrendPoint[]; england: TrendPoint[] };
  /** Last shown value minus the first shown value of the council's trend. */
  change: number | null;
  target: { value: number; label: string; gap: number | null } | null;
  ignoredFilters: DimensionId[];
}

export interface BenchmarkResult {
  council: { laCode: string; name: string; region: string };
  metrics: BenchmarkMetric[];
}

const strip = (r: MetricRow | undefined): AreaValue | null => {
  if (!r) return null;
  const { dims: _dims, ...rest } = r;
  return rest;
};

/** Competition rank of `value` among `values` given the direction; exported for tests. */
export function competitionRank(value: number, values: readonly number[], higherIsBetter: boolean): number {
  return 1 + values.filter((v) => (higherIsBetter ? v > value : v < value)).length;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The latest year with England rows inside the year filters: the year a published figure's latest-year answer reads. */
function latestYear(rows: readonly MetricRow[], filters: Filters): number | null {
  const years = rows
    .map((r) => r.dims.year)
    .filter((y): y is number => typeof y === "number")
    .filter((y) => (filters.from === undefined || y >= filters.from) && (filters.to === undefined || y <= filters.to));
  return years.length > 0 ? Math.max(...years) : null;
}

const trendOf = (rows: MetricRow[]): TrendPoint[] =>
  rows
    .filter((r) => typeof r.dims.year === "number")
    .map((r) => ({ year: r.dims.year as number, value: r.value, n: r.n, suppressed: r.suppressed }));

async function benchmarkMetric(
  connection: DuckDBConnection,
  metric: MetricDef,
  council: { laCode: string; region: string },
  neighbours: { laCode: string; name: string; rank: number }[],
  filters: Filters,
  options: RunOptions,
): Promise<BenchmarkMetric> {
  if (metric.aggregate.kind === "mix")
    throw new QueryInputError(`metric '${metric.id}' has several values per council; benchmark a single-valued metric`);
  requireDimension(metric, "council", "benchmarked");
  const { applied: f, ignored } = filtersForMetric(metric, filters);
  const { from: _from, to: _to, ...allYears } = f;
  const hasYear = metric.dimensions.includes("year");
  const run = (groupBy: DimensionId[], extra: Filters) =>
    runMetric(connection, metric, groupBy, { ...f, ...extra }, options).then((r) => r.rows);
  // One connection runs one statement at a time (and a timeout interrupts the connection), so these run in turn.
  const byCouncil = await run(["council"], {});
  const england = await run([], {});
  const region = await run([], { region: [council.region] });
  const pooled = neighbours.length > 0 ? await run([], { council: neighbours.map((n) => n.laCode) }) : [];
  const councilTrend = hasYear
    ? await runMetric(connection, metric, ["year"], { ...allYears, council: [council.laCode] }, options)
    : null;
  const englandTrend = hasYear ? await runMetric(connection, metric, ["year"], allYears, options) : null;
  const answer = await describeAnswer(connection, metric, [], f, options);
  const map = new Map(byCouncil.map((r) => [String(r.dims.council), r]));
  const own = map.get(council.laCode);
  const shown = byCouncil.filter((r) => !r.suppressed && r.value !== null).map((r) => r.value as number);
  const higherIsBetter = metric.polarity !== "lower-better";
  const rank = own && !own.suppressed && own.value !== null ? competitionRank(own.value, shown, higherIsBetter) : null;
  const quartile = rank === null ? null : (Math.min(4, Math.ceil((4 * rank) / shown.length)) as 1 | 2 | 3 | 4);
  const trend = trendOf(councilTrend?.rows ?? []);
  const visible = trend.filter((t) => !t.suppressed && t.value !== null);
  const neighbourValues = neighbours
    .map((n) => map.get(n.laCode))
    .filter((r): r is MetricRow => !!r && !r.suppressed && r.value !== null)
    .map((r) => r.value as number);
  const first = visible[0];
  const last = visible[visible.length - 1];
  return {
    metric: metric.id,
    council: strip(own),
    neighbours: neighbours.map((n) => ({ ...n, value: strip(map.get(n.laCode)) })),
    neighbourAverage: strip(pooled[0]),
    neighbourMedian: median(neighbourValues),
    year: metric.aggregate.kind === "published" ? latestYear(englandTrend?.rows ?? [], f) : null,
    region: strip(region[0]),
    england: strip(england[0]),
    rank,
    rankOf: shown.length,
    quartile,
    trend: { council: trend, england: trendOf(englandTrend?.rows ?? []) },
    change: first && last && first !== last ? (last.value as number) - (first.value as number) : null,
    target: metric.target
      ? {
          ...metric.target,
          gap: own && !own.suppressed && own.value !== null ? metric.target.value - own.value : null,
        }
      : null,
    ignoredFilters: ignored,
    ...answer,
  };
}

export async function benchmark(
  connection: DuckDBConnection,
  input: BenchmarkInput,
  options: RunOptions = {},
): Promise<BenchmarkResult> {
  const parsed = benchmarkInput.parse(input);
  const [council] = await runQuery<{ la_code: string; name: string; region: string }>(
    connection,
    {
      sql: "SELECT la_code, name, region FROM local_authorities WHERE la_code = $code",
      params: { code: parsed.council },
    },
    options,
  );
  if (!council) throw new QueryInputError(`unknown council '${parsed.council}'`);
  const neighbours = await runQuery<{ laCode: string; name: string; rank: number }>(
    connection,
    {
      sql: `SELECT n.neighbour_la_code AS "laCode", coalesce(la.name, n.neighbour_la_code) AS name, n.rank::INTEGER AS rank
FROM statistical_neighbours n LEFT JOIN local_authorities la ON la.la_code = n.neighbour_la_code
WHERE n.la_code = $code ORDER BY n.rank`,
      params: { code: parsed.council },
    },
    options,
  );
  const metrics: BenchmarkMetric[] = [];
  for (const id of parsed.metrics)
    metrics.push(
      await benchmarkMetric(
        connection,
        requireMetric(id),
        { laCode: council.la_code, region: council.region },
        neighbours,
        parsed.filters,
        options,
      ),
    );
  return { council: { laCode: council.la_code, name: council.name, region: council.region }, metrics };
}
