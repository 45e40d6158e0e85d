/** Cell writers shared by the generated CSVs, so every sample file quotes and dates alike. */

/** A CSV cell: quoted only when it holds a quote, comma or line break (as spreadsheet exports do). */
export function quote(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** dd/mm/yyyy in UTC, the date format of the Ofsted files. */
export function ukDate(d: Date): string {
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
}
