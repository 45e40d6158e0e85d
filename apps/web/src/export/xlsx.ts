/**
 * The chart's rows as an .xlsx workbook: a "Data" sheet (one header row, numbers as numbers,
 * missing and suppressed cells empty, never 0) and an "About" sheet with the same metadata as
 * the CSV's about file. Written by write-excel-file, loaded on first use so pages that never
 * export do not download it.
 */

import { aboutEntries, type CsvMeta } from "@lens/charts/chart-files";
import type { ChartSpec } from "@lens/charts/chart-spec";
import type { Cell, SheetData } from "write-excel-file/universal";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function cellOf(value: string | number | boolean | null | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  // Cells are written as text, never as formulas, so no formula guard is needed here.
  return value;
}

/** The two sheets' cells (for tests, and for any writer). */
export function chartSheets(spec: ChartSpec, meta: CsvMeta): { data: SheetData; about: SheetData } {
  const { columns, rows } = spec.table;
  const data: SheetData = [
    columns.map((c) => ({ value: c.label, fontWeight: "bold" as const })),
    ...rows.map((r) => columns.map((c) => cellOf(r[c.key]))),
  ];
  const about: SheetData = aboutEntries(spec, meta).map(([k, v]) => [
    { value: k, fontWeight: "bold" as const, alignVertical: "top" as const },
    { value: v, wrap: true },
  ]);
  return { data, about };
}

export async function chartXlsx(spec: ChartSpec, meta: CsvMeta): Promise<Blob> {
  const { default: writeXlsxFile } = await import("write-excel-file/universal");
  const { data, about } = chartSheets(spec, meta);
  const blob = await writeXlsxFile([
    { sheet: "Data", data, stickyRowsCount: 1 },
    { sheet: "About", data: about, columns: [{ width: 14 }, { width: 110 }] },
  ]).toBlob();
  return blob.type ? blob : new Blob([blob], { type: XLSX_TYPE });
}
