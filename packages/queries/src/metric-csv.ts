/**
 * The CSV of any metric view (compare, timeseries rows, benchmark areas): the same rows the
 * chart and the data API return, one column per dimension then the numbers, with the metric's
 * sources and licences written into the file.
 */
import { type DimensionId, getSource, labelForValue, type MetricDef } from "@lens/core";
import type { MetricRow } from "./compare.js";
import { type CsvColumn, toCsv } from "./csv.js";

export function metricSourceLine(metric: MetricDef): { source: string; licence: string } {
  const sources = metric.sources.map((id) => getSource(id)).filter((s) => s !== undefined);
  return {
    source: sources.map((s) => `${s.publisher}, ${s.title} (${s.url})`).join("; ") || metric.sources.join("; "),
    licence: [...new Set(sources.map((s) => s.licence))].join("; ") || "see sources",
  };
}

export function metricRowsToCsv(
  metric: MetricDef,
  dims: readonly DimensionId[],
  rows: readonly MetricRow[],
  notes: readonly string[] = [],
): string {
  const flat = rows.map((r) => ({
    ...Object.fromEntries(
      dims.flatMap((d) => [
        [d, r.dims[d] ?? null],
        [`${d}_label`, labelForValue(d, r.dims[d] ?? null)],
      ]),
    ),
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    n: r.n,
    total: r.total,
    coverage: r.coverage,
    suppressed: r.suppressed,
    ci_low: r.ciLow,
    ci_high: r.ciHigh,
    q1: r.q1,
    q3: r.q3,
  }));
  const columns: CsvColumn[] = [
    ...dims.flatMap((d) => [
      { key: d, label: d },
      { key: `${d}_label`, label: `${d}_label` },
    ]),
    ...[
      "value",
      "numerator",
      "denominator",
      "n",
      "total",
      "coverage",
      "suppressed",
      "ci_low",
      "ci_high",
      "q1",
      "q3",
    ].map((k) => ({ key: k, label: k })),
  ];
  return toCsv(flat as Record<string, unknown>[], columns, {
    ...metricSourceLine(metric),
    notes: [`Metric: ${metric.label} (${metric.id}) — ${metric.unit}`, ...notes],
  });
}
