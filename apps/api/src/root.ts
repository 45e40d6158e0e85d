import { metaRouter } from "./routers/meta.js";
import { metricsRouter } from "./routers/metrics.js";
import { router } from "./trpc.js";

export const appRouter = router({
  meta: metaRouter,
  metrics: metricsRouter,
});

export type AppRouter = typeof appRouter;
