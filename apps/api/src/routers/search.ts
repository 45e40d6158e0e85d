/** Paged, sortable text search over contracts and Ofsted providers; every row links to its source. */
import {
  redFlagCounts,
  redFlagCountsInput,
  searchContracts,
  searchContractsInput,
  searchProviders,
  searchProvidersInput,
} from "@lens/queries";
import { cachedQuery, publicProcedure, router } from "../trpc.js";

export const contractsRouter = router({
  search: publicProcedure
    .input(searchContractsInput)
    .query(({ ctx, input }) => cachedQuery(ctx, "contracts.search", input, (c, o) => searchContracts(c, input, o))),
  /** Contracts carrying each red flag (a reason to look, not a verdict) in the same selection as search. */
  redFlags: publicProcedure
    .input(redFlagCountsInput)
    .query(({ ctx, input }) => cachedQuery(ctx, "contracts.redFlags", input, (c, o) => redFlagCounts(c, input, o))),
});

export const providersRouter = router({
  search: publicProcedure
    .input(searchProvidersInput)
    .query(({ ctx, input }) => cachedQuery(ctx, "providers.search", input, (c, o) => searchProviders(c, input, o))),
});
