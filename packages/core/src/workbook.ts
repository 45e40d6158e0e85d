/**
 * The one workbook layout, for every .xlsx the product writes (a chart's on the page, a
 * table's from the data API): a "Data" sheet (a bold header row that stays in view, numbers as
 * numbers, missing and suppressed cells empty, never 0) and an "About" sheet of label/value
 * rows. The sheets are plain data in write-excel-file's shape; each writer hands them to the
 * library (the page loads it on first use, the server has it), so the layout lives only here.
 */

/** A cell: a value, or a value with the styles the layout uses. */
export type WorkbookCell =
  | string
  | number
  | boolean
  | null
  | { value: string; fontWeight?: "bold"; wrap?: boolean; alignVertical?: "top" };

export interface WorkbookSheet {
  sheet: string;
  data: WorkbookCell[][];
  stickyRowsCount?: number;
  columns?: { width: number }[];
}

/**
 * A data cell: numbers stay numbers (a non-finite one is missing), a list is joined with "; ",
 * anything else is text. Cells are written as text, never as formulas, so no formula guard is
 * needed here.
 */
export function workbookValue(raw: unknown): WorkbookCell {
  const value = Array.isArray(raw) ? raw.join("; ") : raw;
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  return String(value);
}

/** The Data and About sheets; `labelWidth` is the About sheet's label column, in characters. */
export function workbookSheets(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  about: readonly (readonly [string, string])[],
  labelWidth = 14,
): WorkbookSheet[] {
  const data: WorkbookCell[][] = [
    header.map((label) => ({ value: label, fontWeight: "bold" as const })),
    ...rows.map((row) => row.map(workbookValue)),
  ];
  const aboutRows: WorkbookCell[][] = about.map(([label, value]) => [
    { value: label, fontWeight: "bold", alignVertical: "top" },
    { value, wrap: true },
  ]);
  return [
    { sheet: "Data", data, stickyRowsCount: 1 },
    { sheet: "About", data: aboutRows, columns: [{ width: labelWidth }, { width: 110 }] },
  ];
}
