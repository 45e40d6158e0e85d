/** Row types as the API returns them; only the router's type crosses from the server. */
import type { AppRouter } from "@lens/api";
import type { inferRouterOutputs } from "@trpc/server";

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type CompareResult = RouterOutputs["metrics"]["compare"];
export type CompareRow = CompareResult["rows"][number];
export type DistributionResult = RouterOutputs["metrics"]["distribution"];
export type DistributionGroup = DistributionResult["groups"][number];
export type ScatterResult = RouterOutputs["metrics"]["scatter"];
export type ScatterApiPoint = ScatterResult["points"][number];
export type BenchmarkResult = RouterOutputs["benchmark"];
export type BenchmarkMetric = BenchmarkResult["metrics"][number];
export type ContractsPage = RouterOutputs["contracts"]["search"];
export type ContractRow = ContractsPage["rows"][number];

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
  /** Which groups the like-for-like estimate compares (null or absent: every group). */
  Partial<Pick<CompareResult, "adjustedGroups">>;

/** A compare row; `adjusted` is present when the answer was asked to adjust. */
export type AnsweredRow = CompareRow;
