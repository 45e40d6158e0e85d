/**
 * timeseries: one metric over years, optionally split into series by one dimension. Years
 * with no rows for a series come back as explicit gaps (value null, n 0, missing true) so a
 * line chart breaks instead of drawing through them, and nothing reads as zero.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { type DimensionId, dimensionIdSchema, filtersSchema, metricIdSchema } from "@lens/core";
import { z } from "zod";
import { type AnswerDescription, describeAnswer } from "./compare.js";
import { QueryInputError } from "./compile-metric.js";
import { requireDimension, requireMetric } from "./metric-input.js";
import { type MetricRow, runMetric } from "./metric-rows.js";
import type { RunOptions } from "./run.js";

export const timeseriesInput = z.object({
  metric: metricIdSchema,
  dimension: dimensionIdSchema.optional(),
  filters: filtersSchema.default({}),
});
export type TimeseriesInput = z.input<typeof timeseriesInput>;

export interface TimeseriesPoint extends Omit<MetricRow, "dims"> {
  year: number;
  /** No rows at all for this series in this year. */
  missing: boolean;
}

export interface TimeseriesSeries {
  /** The series' values of the split dimension(s), e.g. { model: "market-led" }; {} for a single line. */
  key: Partial<Record<DimensionId, string | number | null>>;
  points: TimeseriesPoint[];
}

/** Besides the series: who supplied the rows and the caveats of drawing them by year (as compare). */
export interface TimeseriesResult extends AnswerDescription {
  metric: string;
  /** Dimensions that split series (the requested one, and a mix metric's own categories). */
  seriesBy: DimensionId[];
  years: number[];
  series: TimeseriesSeries[];
  /** The same numbers as flat rows (what the CSV export writes). */
  rows: MetricRow[];
}

export async function timeseries(
  connection: DuckDBConnection,
  input: TimeseriesInput,
  options: RunOptions = {},
): Promise<TimeseriesResult> {
  const parsed = timeseriesInput.parse(input);
  const metric = requireMetric(parsed.metric);
  requireDimension(metric, "year", "drawn over years");
  if (parsed.dimension === "year") throw new QueryInputError("dimension must not be 'year': years are the x axis");
  const groupBy: DimensionId[] = parsed.dimension ? [parsed.dimension, "year"] : ["year"];
  const { dims, rows } = await runMetric(connection, metric, groupBy, parsed.filters, options);
  const seriesBy = dims.filter((d) => d !== "year");
  const yearSet = new Set<number>();
  for (const r of rows) if (typeof r.dims.year === "number") yearSet.add(r.dims.year);
  const years = [...yearSet].sort((a, b) => a - b);

  const bySeries = new Map<string, { key: TimeseriesSeries["key"]; rows: Map<number, MetricRow> }>();
  for (const r of rows) {
    if (typeof r.dims.year !== "number") continue; // rows with no year cannot be placed on the axis
    const key = Object.fromEntries(seriesBy.map((d) => [d, r.dims[d] ?? null]));
    const id = JSON.stringify(seriesBy.map((d) => r.dims[d] ?? null));
    let entry = bySeries.get(id);
    if (!entry) {
      entry = { key, rows: new Map() };
      bySeries.set(id, entry);
    }
    entry.rows.set(r.dims.year, r);
  }
  const series = [...bySeries.values()].map(({ key, rows: byYear }) => ({
    key,
    points: years.map((year): TimeseriesPoint => {
      const r = byYear.get(year);
      if (!r) return { ...emptyPoint, year, missing: true };
      const { dims: _dims, ...rest } = r;
      return { ...rest, year, missing: false };
    }),
  }));
  const answer = await describeAnswer(connection, metric, dims, parsed.filters, options);
  return { metric: metric.id, seriesBy, years, series, rows, ...answer };
}

const emptyPoint: Omit<TimeseriesPoint, "year" | "missing"> = {
  value: null,
  numerator: null,
  denominator: null,
  n: 0,
  total: 0,
  coverage: null,
  suppressed: false,
  ciLow: null,
  ciHigh: null,
  q1: null,
  q3: null,
};
