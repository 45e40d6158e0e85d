/** The CSV behind any compare, timeseries, benchmark or search view, and a dashboard chart's files. */
import { chartXlsxInput, exportChartXlsx } from "../export-chart.js";
import { exportCsv, exportCsvInput } from "../export-csv.js";
import { publicProcedure } from "../trpc.js";

export const exportCsvProcedure = publicProcedure
  .input(exportCsvInput)
  .query(({ ctx, input }) => exportCsv(ctx, input));

export const exportChartXlsxProcedure = publicProcedure
  .input(chartXlsxInput)
  .query(({ ctx, input }) => exportChartXlsx(ctx, input));
