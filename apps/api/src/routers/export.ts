/** The CSV behind any compare, timeseries, benchmark or search view. */
import { exportCsv, exportCsvInput } from "../export-csv.js";
import { publicProcedure } from "../trpc.js";

export const exportCsvProcedure = publicProcedure
  .input(exportCsvInput)
  .query(({ ctx, input }) => exportCsv(ctx, input));
