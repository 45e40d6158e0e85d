/** One council against its statistical neighbours, its region and England. */
import { benchmark, benchmarkInput } from "@lens/queries";
import { cachedQuery, publicProcedure } from "../trpc.js";

export const benchmarkProcedure = publicProcedure
  .input(benchmarkInput)
  .query(({ ctx, input }) => cachedQuery(ctx, "benchmark", input, (c, o) => benchmark(c, input, o)));
