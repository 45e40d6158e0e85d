/** One council against its statistical neighbours, its region and England. */
import { benchmark, benchmarkInput, councilIlacs, councilIlacsInput } from "@lens/queries";
import { cachedQuery, publicProcedure } from "../trpc.js";

export const benchmarkProcedure = publicProcedure
  .input(benchmarkInput)
  .query(({ ctx, input }) => cachedQuery(ctx, "benchmark", input, (c, o) => benchmark(c, input, o)));

/** The council's latest ILACS judgement and the judgements of its neighbours, region and England. */
export const councilIlacsProcedure = publicProcedure
  .input(councilIlacsInput)
  .query(({ ctx, input }) => cachedQuery(ctx, "councilIlacs", input, (c, o) => councilIlacs(c, input, o)));
