import { compare, compareInput } from "@lens/queries";
import { publicProcedure, router } from "../trpc.js";

export const metricsRouter = router({
  compare: publicProcedure.input(compareInput).query(({ ctx, input }) => ctx.warehouse.use((c) => compare(c, input))),
});
