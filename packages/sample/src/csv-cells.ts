/** Cell writers shared by the generated CSVs, so every sample file quotes and dates alike. */
import { csvCell } from "@lens/core";

/**
 * A CSV cell by @lens/core's one writer: quoted only when it holds a quote, comma or line break
 * (as spreadsheet exports do), and without the formula guard, because a sample file stands in
 * for a publisher's file, which has none.
 */
export function quote(value: string): string {
  return csvCell(value, { guard: false });
}

/** dd/mm/yyyy in UTC, the date format of the Ofsted files. */
export function ukDate(d: Date): string {
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
}
