/** The dashboard's metric views: one metric compared, over years, as a distribution, or two metrics per council. */
import {
  compare,
  compareInput,
  distribution,
  distributionInput,
  scatter,
  scatterInput,
  timeseries,
  timeseriesInput,
} from "@lens/queries";
import { cachedQuery, publicProcedure, router } from "../trpc.js";

export const metricsRouter = router({
  compare: publicProcedure
    .input(compareInput)
    .query(({ ctx, input }) => cachedQuery(ctx, "metrics.compare", input, (c, o) => compare(c, input, o))),
  timeseries: publicProcedure
    .input(timeseriesInput)
    .query(({ ctx, input }) => cachedQuery(ctx, "metrics.timeseries", input, (c, o) => timeseries(c, input, o))),
  distribution: publicProcedure
    .input(distributionInput)
    .query(({ ctx, input }) => cachedQuery(ctx, "metrics.distribution", input, (c, o) => distribution(c, input, o))),
  scatter: publicProcedure
    .input(scatterInput)
    .query(({ ctx, input }) => cachedQuery(ctx, "metrics.scatter", input, (c, o) => scatter(c, input, o))),
});
