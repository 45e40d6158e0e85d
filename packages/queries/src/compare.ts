/**
 * compare: one metric, up to two group-by dimensions, any filters → one row per group with
 * value, numerator, denominator, n, a suppressed flag (value withheld when n < the metric's
 * minimum) and, for shares, a 95% Wilson interval. Every answer also says who supplied its
 * rows (largest council and source, the sources used, a sentence when one supplies more than
 * half), how many rows were left out as implausible, caveats that depend on the grouping and,
 * when asked, a like-for-like estimate per row (see like-for-like.ts).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import {
  COMMISSIONING_MODELS,
  type Concentration,
  concentrationSentence,
  type DimensionId,
  disclosedConcentration,
  type Filters,
  filtersSchema,
  getMetric,
  groupBySchema,
  type MetricDef,
  metricIdSchema,
} from "@lens/core";
import { z } from "zod";
import { ADJUST_DIMENSIONS } from "./adjust.js";
import { answerCaveats, type SnapshotBias } from "./answer-caveats.js";
import { contributors, type SourceContribution } from "./contributors.js";
import { type EmptyAnswer, explainEmpty } from "./empty-answer.js";
import { type AdjustedGroups, adjustDimensions, adjustedGroups, withAdjusted } from "./like-for-like.js";
import { type MetricRow, runMetric } from "./metric-rows.js";
import type { RunOptions } from "./run.js";

export const adjustSchema = z
  .array(z.enum(ADJUST_DIMENSIONS, { message: `unknown adjust dimension; allowed: ${ADJUST_DIMENSIONS.join(", ")}` }))
  .max(ADJUST_DIMENSIONS.length);

export const compareInput = z.object({
  metric: metricIdSchema,
  groupBy: groupBySchema.default([]),
  filters: filtersSchema.default({}),
  /** Strata for the like-for-like estimate: none (the default) adds no `adjusted`. */
  adjust: adjustSchema.default([]),
  /**
   * The commissioning models compared like for like (grouped by model only). Empty (the
   * default): market-led and cooperative, or the models a model filter chose.
   */
  adjustGroups: z
    .array(z.enum(COMMISSIONING_MODELS, { message: `unknown model; allowed: ${COMMISSIONING_MODELS.join(", ")}` }))
    .max(COMMISSIONING_MODELS.length)
    .default([]),
});
export type CompareInput = z.input<typeof compareInput>;
export type { AdjustedEstimate } from "./adjust.js";

export interface CompareResult {
  metric: string;
  groupBy: DimensionId[];
  filters: Filters;
  rows: MetricRow[];
  /** The strata the `adjusted` estimates standardise over (registry order); [] when not asked. */
  adjustedFor: DimensionId[];
  /** The groups the `adjusted` estimates compare; null = every group (or nothing adjusted). */
  adjustedGroups: AdjustedGroups | null;
  /** The largest council and the largest source of the rows behind the whole answer. */
  concentration: Concentration[];
  /** The concentration in words when one council or source supplies more than half the rows, else null. */
  sentence: string | null;
  /** Exactly the sources that contributed rows, most rows first. */
  sources: SourceContribution[];
  /** Rows the metric left out as implausible, when it has such a rule and any were. */
  implausible: { excluded: number; reason: string } | null;
  /** Caveats this grouping and these rows call for (beyond the metric's own). */
  caveats: string[];
  /** A register snapshot's rows drawn by year (the web marks such charts). */
  snapshotBias: SnapshotBias | null;
  /** Why no row has anything behind it, when none has (empty-answer.ts); null otherwise. */
  empty: EmptyAnswer | null;
}

export async function compare(
  connection: DuckDBConnection,
  input: CompareInput,
  options: RunOptions = {},
): Promise<CompareResult> {
  const parsed = compareInput.parse(input);
  const metric = getMetric(parsed.metric)!;
  const adjust = adjustDimensions(metric, parsed.groupBy, parsed.adjust);
  const among = adjustedGroups(parsed.groupBy, parsed.filters, parsed.adjustGroups);
  const { dims, rows } = await runMetric(connection, metric, parsed.groupBy, parsed.filters, options);
  const answer = await describeAnswer(connection, metric, dims, parsed.filters, options);
  const shaped =
    adjust.length > 0
      ? await withAdjusted(connection, metric, dims, rows, adjust, parsed.filters, options, among)
      : rows;
  return {
    metric: metric.id,
    groupBy: dims,
    filters: parsed.filters,
    rows: shaped,
    adjustedFor: adjust,
    adjustedGroups: adjust.length > 0 ? among : null,
    ...answer,
    // No group, or only groups with no rows behind them (an ungrouped count of nothing is one row of 0).
    empty: rows.every((r) => r.total === 0) ? await explainEmpty(connection, metric, parsed.filters, options) : null,
  };
}

export type AnswerDescription = Pick<
  CompareResult,
  "concentration" | "sentence" | "sources" | "implausible" | "caveats" | "snapshotBias"
>;

/** Who supplied the rows, in numbers and words, and the caveats of this grouping: for any metric answer. */
export async function describeAnswer(
  connection: DuckDBConnection,
  metric: MetricDef,
  dims: readonly DimensionId[],
  filters: Filters,
  options: RunOptions = {},
): Promise<AnswerDescription> {
  const who = await contributors(connection, metric, filters, options);
  const { caveats, snapshotBias } = answerCaveats(metric, dims, who.sources);
  return {
    concentration: who.concentration,
    // The numbers keep every contributor; the words leave out a metric's only possible source.
    sentence: concentrationSentence(disclosedConcentration(who.concentration, metric.sources), metric.table),
    sources: who.sources,
    implausible:
      metric.implausible && who.implausible > 0
        ? { excluded: who.implausible, reason: metric.implausible.reason }
        : null,
    caveats,
    snapshotBias,
  };
}
