import { benchmarkProcedure, councilIlacsProcedure } from "./routers/benchmark.js";
import { exportCsvProcedure } from "./routers/export.js";
import { ledgerPaymentsProcedure } from "./routers/ledger-payments.js";
import { metaRouter } from "./routers/meta.js";
import { metricsRouter } from "./routers/metrics.js";
import { contractsRouter, providersRouter } from "./routers/search.js";
import { router } from "./trpc.js";

export const appRouter = router({
  meta: metaRouter,
  metrics: metricsRouter,
  benchmark: benchmarkProcedure,
  councilIlacs: councilIlacsProcedure,
  ledgerPayments: ledgerPaymentsProcedure,
  contracts: contractsRouter,
  providers: providersRouter,
  exportCsv: exportCsvProcedure,
});

export type AppRouter = typeof appRouter;
