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
