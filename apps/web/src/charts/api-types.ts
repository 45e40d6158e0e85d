/** Row types as the API returns them; only the router's type crosses from the server. */
import type { AppRouter } from "@lens/api";
import type { DimensionId } from "@lens/core";
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

/** A stratum (a service × source cell, say) that only some groups have, so it cannot be compared. */
export interface ExcludedStratum {
  stratum: Record<string, string | null>;
  rows: number;
  reason: string;
}

/** compare's like-for-like estimate for one group: the value had every group the pooled mix of the strata. */
export interface AdjustedEstimate {
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  method: "direct-standardisation";
  strata: { used: number; total: number; excluded: ExcludedStratum[] };
}

/** The largest contributor of one dimension to the rows behind an answer. */
export interface Concentration {
  dimension: "council" | "source";
  value: string | null;
  label: string;
  share: number;
  rows: number;
  total: number;
}

/** What a compare answer says about itself beside its rows: mix adjustment, concentration, sources. */
export interface ComparisonAnswer {
  adjustedFor: DimensionId[];
  concentration: Concentration[];
  /** The API's words when one council or source supplies more than half the rows; null otherwise. */
  sentence: string | null;
  /** Exactly the sources that contributed rows to this answer. */
  sources: { id: string; label: string; rows: number }[];
  implausible: { excluded: number; reason: string } | null;
  caveats: string[];
}

/** A compare row with its like-for-like estimate (absent when the answer was not adjusted). */
export type AnsweredRow = CompareRow & { adjusted?: AdjustedEstimate | null };
