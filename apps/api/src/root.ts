import { queryProcedures } from "./query-procedures.js";
import { exportChartXlsxProcedure, exportCsvProcedure } from "./routers/export.js";
import { metaProcedures } from "./routers/meta.js";
import { router } from "./trpc.js";

/** The registry's queries at their paths, beside the hand-written procedures. */
export const appRouter = router({
  ...queryProcedures,
  meta: { ...queryProcedures.meta, ...metaProcedures },
  exportCsv: exportCsvProcedure,
  exportChartXlsx: exportChartXlsxProcedure,
});

export type AppRouter = typeof appRouter;
