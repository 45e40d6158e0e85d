/** What each tRPC procedure returns, for the page code that reads answers the chart builders do not. */
import type { AppRouter } from "@lens/api";
import type { inferRouterOutputs } from "@trpc/server";

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type ContractsPage = RouterOutputs["contracts"]["search"];
export type ContractRow = ContractsPage["rows"][number];
