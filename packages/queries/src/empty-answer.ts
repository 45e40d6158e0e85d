/**
 * Why an answer has no rows, in one sentence. A blank chart, or a data API answer with
 * `rows: []`, leaves the reader guessing whether the data are missing from this build, outside
 * the years asked or filtered away. Run only when an answer came back empty, so an answer with
 * rows costs nothing more.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { type Filters, type MetricDef, sourceLabel } from "@lens/core";
import { runMetric } from "./metric-rows.js";
import type { RunOptions } from "./run.js";

export interface EmptyAnswer {
  /** One sentence for the reader: what is missing and what there is instead. */
  reason: string;
  /** The years this measure has rows in under the other filters, when it has any. */
  years: { first: number; last: number } | null;
}

function yearsInWords(from: number | undefined, to: number | undefined): string {
  if (from !== undefined && to !== undefined) return from === to ? `in ${from}` : `in ${from}–${to}`;
  return from !== undefined ? `from ${from}` : `up to ${to}`;
}

/** Filters that narrow anything: an empty exclusion list narrows nothing. */
function narrowing(filters: Filters): boolean {
  return Object.values(filters).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
}

async function yearsWithRows(
  connection: DuckDBConnection,
  metric: MetricDef,
  filters: Filters,
  options: RunOptions,
): Promise<EmptyAnswer["years"]> {
  const { rows } = await runMetric(connection, metric, ["year"], filters, options);
  const years = rows
    .filter((r) => r.total > 0)
    .map((r) => Number(r.dims.year))
    .filter(Number.isFinite);
  return years.length > 0 ? { first: Math.min(...years), last: Math.max(...years) } : null;
}

export async function explainEmpty(
  connection: DuckDBConnection,
  metric: MetricDef,
  filters: Filters,
  options: RunOptions = {},
): Promise<EmptyAnswer> {
  const { from, to, ...others } = filters;
  const askedYears = from !== undefined || to !== undefined;
  if (askedYears && metric.dimensions.includes("year")) {
    const years = await yearsWithRows(connection, metric, others, options);
    if (years) {
      const span = years.first === years.last ? `${years.first}` : `${years.first}–${years.last}`;
      const under = narrowing(others) ? "under the other filters, " : "";
      return { reason: `No rows ${yearsInWords(from, to)}: ${under}this measure has rows in ${span}.`, years };
    }
  }
  if (narrowing(filters)) {
    const { rows } = await runMetric(connection, metric, [], {}, options);
    if ((rows[0]?.total ?? 0) > 0)
      return { reason: "No rows match these filters together; this measure has rows without them.", years: null };
  }
  const sources = metric.sources.map(sourceLabel).join("; ");
  return {
    reason: `This build holds no rows for this measure: none of its sources (${sources}) is in it.`,
    years: null,
  };
}
