/**
 * The chart's rows as an .xlsx workbook in @lens/core's one workbook layout: a "Data" sheet of
 * the chart's table and an "About" sheet with the same entries as the CSV's about file. Written
 * by write-excel-file, loaded on first use so pages that never export do not download it.
 */

import { aboutEntries, type CsvMeta } from "@lens/charts/chart-files";
import type { ChartSpec } from "@lens/charts/chart-spec";
import { type WorkbookSheet, workbookSheets } from "@lens/core";
import type { SheetData } from "write-excel-file/universal";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The two sheets (for tests, and for the writer). */
export function chartSheets(spec: ChartSpec, meta: CsvMeta): WorkbookSheet[] {
  const { columns, rows } = spec.table;
  return workbookSheets(
    columns.map((c) => c.label),
    rows.map((r) => columns.map((c) => r[c.key])),
    aboutEntries(spec, meta),
  );
}

export async function chartXlsx(spec: ChartSpec, meta: CsvMeta): Promise<Blob> {
  const { default: writeXlsxFile } = await import("write-excel-file/universal");
  const sheets = chartSheets(spec, meta).map((s) => ({ ...s, data: s.data as SheetData }));
  const blob = await writeXlsxFile(sheets).toBlob();
  return blob.type ? blob : new Blob([blob], { type: XLSX_TYPE });
}
