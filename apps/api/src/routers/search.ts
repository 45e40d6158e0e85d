/** Paged, sortable text search over contracts and Ofsted providers; every row links to its source. */
import { searchContracts, searchContractsInput, searchProviders, searchProvidersInput } from "@lens/queries";
import { cachedQuery, publicProcedure, router } from "../trpc.js";

export const contractsRouter = router({
  search: publicProcedure
    .input(searchContractsInput)
    .query(({ ctx, input }) => cachedQuery(ctx, "contracts.search", input, (c, o) => searchContracts(c, input, o))),
});

export const providersRouter = router({
  search: publicProcedure
    .input(searchProvidersInput)
    .query(({ ctx, input }) => cachedQuery(ctx, "providers.search", input, (c, o) => searchProviders(c, input, o))),
});
