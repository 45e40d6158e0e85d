import { METRICS, SOURCES } from "@lens/core";
import { publicProcedure, router } from "../trpc.js";

export const metaRouter = router({
  build: publicProcedure.query(({ ctx }) => ctx.warehouse.info),
  registry: publicProcedure.query(() => ({ metrics: METRICS, sources: SOURCES })),
});
