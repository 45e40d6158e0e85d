/**
 * The CSV form of a data API answer: `#` lines naming the source, the licence, the metric and
 * the selection (and the sample notice), then the same rows as the JSON. Cells are written by
 * `toCsv` from packages/queries, which neutralises spreadsheet formulas.
 */
import type { Filters, MetricDef } from "@lens/core";
import { type AnswerDescription, type CsvColumn, type EmptyAnswer, type MetricRow, toCsv } from "@lens/queries";
import type { BuildInfo } from "../warehouse-holder.js";
import { SAMPLE_NOTICE, type SourceSummary } from "./describe.js";

export const METRIC_ROW_COLUMNS = ["value", "numerator", "denominator", "n", "suppressed", "ciLow", "ciHigh"] as const;
/** Added after the numbers when the answer carries a like-for-like estimate. */
export const ADJUSTED_COLUMNS = ["adjusted_value", "adjusted_ci_low", "adjusted_ci_high"] as const;

export const metricColumnKeys = (dims: readonly string[], adjusted: boolean): string[] => [
  ...dims,
  ...METRIC_ROW_COLUMNS,
  ...(adjusted ? ADJUSTED_COLUMNS : []),
];

/**
 * compare / timeseries rows: one column per dimension, then the numbers (as the data API
 * writes them). Rows with a like-for-like estimate keep it whole under `adjusted` (JSON) and
 * flat in adjusted_value / adjusted_ci_low / adjusted_ci_high (CSV).
 */
export function flattenMetricRows(
  dims: readonly string[],
  rows: readonly MetricRow[],
): { columns: CsvColumn[]; rows: Record<string, unknown>[] } {
  const adjusted = rows.some((r) => r.adjusted !== undefined);
  return {
    columns: metricColumnKeys(dims, adjusted).map((key) => ({ key, label: key })),
    rows: rows.map((r) => ({
      ...r.dims,
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      n: r.n,
      suppressed: r.suppressed,
      ciLow: r.ciLow,
      ciHigh: r.ciHigh,
      ...(r.adjusted
        ? {
            adjusted: r.adjusted,
            adjusted_value: r.adjusted.value,
            adjusted_ci_low: r.adjusted.ciLow,
            adjusted_ci_high: r.adjusted.ciHigh,
          }
        : {}),
    })),
  };
}

/**
 * `#` lines every metric CSV carries about its rows: the concentration sentence, what was
 * adjusted for and why an estimate is missing, rows left out as implausible, and caveats.
 */
export function answerNotes(
  result: AnswerDescription & {
    rows: readonly MetricRow[];
    /** Why no row has anything behind it (compare's answers only). */
    empty?: EmptyAnswer | null;
    adjustedFor?: readonly string[];
    adjustedGroups?: { dimension: string; values: readonly string[] } | null;
  },
): string[] {
  const notes: string[] = [];
  if (result.empty) notes.push(result.empty.reason);
  if (result.sentence) notes.push(`${result.sentence}.`);
  const top = result.concentration.map((c) => `${c.dimension} ${c.label} ${c.rows} of ${c.total} rows`);
  if (top.length > 0) notes.push(`Largest contributors: ${top.join("; ")}.`);
  notes.push(`Sources with rows: ${result.sources.map((s) => `${s.label} (${s.rows})`).join("; ") || "none"}.`);
  if (result.adjustedFor && result.adjustedFor.length > 0) {
    notes.push(
      `Like for like: adjusted_* columns are standardised to the pooled mix of ${result.adjustedFor.join(" × ")} over the strata ${strataOwners(result.adjustedGroups)} (direct standardisation, 95% interval).`,
    );
    const reasons = [...new Set(result.rows.flatMap((r) => (r.adjusted?.reason ? [r.adjusted.reason] : [])))];
    for (const reason of reasons) notes.push(`No adjusted value: ${reason}.`);
  }
  if (result.implausible)
    notes.push(`${result.implausible.excluded} rows flagged implausible left out: ${result.implausible.reason}.`);
  notes.push(...result.caveats);
  return notes;
}

/** Whose common strata the estimate uses: "market-led and cooperative both have", or every group's. */
function strataOwners(groups: { values: readonly string[] } | null | undefined): string {
  if (!groups) return "every group has";
  const v = groups.values;
  const names = v.length <= 1 ? (v[0] ?? "") : `${v.slice(0, -1).join(", ")} and ${v[v.length - 1]}`;
  return `${names} ${v.length === 2 ? "both" : "all"} have; other groups as recorded only`;
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
  /** Lines about the answer's rows (answerNotes). */
  answer?: readonly string[];
  adjusted?: boolean;
}): string {
  const { metric, info } = options;
  const columns: CsvColumn[] = metricColumnKeys(options.groupBy, options.adjusted ?? false).map((key) => ({
    key,
    label: key,
  }));
  return toCsv(options.rows, columns, {
    source: sourceText(options.sources),
    licence: options.licence,
    notes: [
      ...(info.isSample ? [SAMPLE_NOTICE] : []),
      `Metric: ${metric.label} (${metric.id}). ${metric.definition}`,
      `Filters: ${filtersText(options.filters)}`,
      ...(options.answer ?? []),
      `Built: ${info.builtAt ?? "unknown"}. Rows with n below ${metric.minN}${
        metric.minDenominator !== undefined ? ` or a denominator below ${metric.minDenominator}` : ""
      } are suppressed (value withheld).`,
    ],
  });
}
