/**
 * Row types as the API returns them: the query functions' own result types (the tRPC
 * procedures return them unchanged, and the server builds specs from them too). Only types
 * cross from @lens/queries, so no SQL reaches a bundle that imports this package.
 */
import type { BenchmarkResult, CompareResult, DistributionResult, ScatterResult } from "@lens/queries";

export type { BenchmarkResult, CompareResult, DistributionResult, ScatterResult };
export type CompareRow = CompareResult["rows"][number];
export type DistributionGroup = DistributionResult["groups"][number];
export type ScatterApiPoint = ScatterResult["points"][number];
export type BenchmarkMetric = BenchmarkResult["metrics"][number];

/** compare's like-for-like estimate for one group: its value had every group the pooled mix of the strata. */
export type AdjustedEstimate = NonNullable<CompareRow["adjusted"]>;
/** A stratum (a service × source cell, say) that only some groups have, so it cannot be compared. */
export type ExcludedStratum = AdjustedEstimate["strata"]["excluded"][number];
/** The largest contributor of one dimension (council, source) to the rows behind an answer. */
export type Concentration = CompareResult["concentration"][number];

/**
 * What a compare answer says about itself beside its rows: the strata it adjusted for, who
 * supplied the rows (largest council and source, the sentence when one supplies more than half,
 * exactly the contributing sources), implausible rows left out, and grouping-dependent caveats.
 */
export type ComparisonAnswer = Pick<
  CompareResult,
  "adjustedFor" | "concentration" | "sentence" | "sources" | "implausible" | "caveats"
> &
  /** Which groups the like-for-like estimate compares (null or absent: every group); why it is empty, when it is. */
  Partial<Pick<CompareResult, "adjustedGroups" | "empty">>;

/** A compare row; `adjusted` is present when the answer was asked to adjust. */
export type AnsweredRow = CompareRow;
