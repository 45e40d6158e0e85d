/**
 * The CSV form of a data API answer: `#` lines naming the source, the licence, the metric and
 * the selection (and the sample notice), then the same rows as the JSON. Cells are written by
 * `toCsv` from packages/queries, which neutralises spreadsheet formulas.
 */
import type { Filters, MetricDef } from "@lens/core";
import { type CsvColumn, type MetricRow, toCsv } from "@lens/queries";
import type { BuildInfo } from "../warehouse-holder.js";
import { SAMPLE_NOTICE, type SourceSummary } from "./describe.js";

export const METRIC_ROW_COLUMNS = ["value", "numerator", "denominator", "n", "suppressed", "ciLow", "ciHigh"] as const;

/** compare / timeseries rows: one column per dimension, then the numbers (as the data API writes them). */
export function flattenMetricRows(
  dims: readonly string[],
  rows: readonly MetricRow[],
): { columns: CsvColumn[]; rows: Record<string, unknown>[] } {
  return {
    columns: [...dims, ...METRIC_ROW_COLUMNS].map((key) => ({ key, label: key })),
    rows: rows.map((r) => ({
      ...r.dims,
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      n: r.n,
      suppressed: r.suppressed,
      ciLow: r.ciLow,
      ciHigh: r.ciHigh,
    })),
  };
}

export function filtersText(filters: Filters): string {
  const parts = Object.entries(filters)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join("|") : String(v)}`);
  return parts.length > 0 ? parts.join("; ") : "none (England, all years)";
}

export function sourceText(sources: readonly SourceSummary[]): string {
  return sources.map((s) => `${s.publisher}, ${s.title} (${s.url})`).join("; ") || "see /api/v1/metrics";
}

export function metricCsv(options: {
  metric: MetricDef;
  groupBy: readonly string[];
  filters: Filters;
  rows: readonly Record<string, unknown>[];
  sources: readonly SourceSummary[];
  licence: string;
  info: BuildInfo;
}): string {
  const { metric, info } = options;
  const columns: CsvColumn[] = [...options.groupBy, ...METRIC_ROW_COLUMNS].map((key) => ({ key, label: key }));
  return toCsv(options.rows, columns, {
    source: sourceText(options.sources),
    licence: options.licence,
    notes: [
      ...(info.isSample ? [SAMPLE_NOTICE] : []),
      `Metric: ${metric.label} (${metric.id}). ${metric.definition}`,
      `Filters: ${filtersText(options.filters)}`,
      `Built: ${info.builtAt ?? "unknown"}. Rows with n below ${metric.minN} are suppressed (value withheld).`,
    ],
  });
}
