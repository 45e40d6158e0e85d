/**
 * toCsv: rows to RFC 4180 CSV with the source and licence written into the file, so the data
 * travels with its attribution. Text cells that a spreadsheet would run as a formula (starting
 * with = + - @, tab or carriage return) get a leading apostrophe; numbers are written as
 * numbers (a negative number is data, not a formula).
 */

export interface CsvColumn<K extends string = string> {
  key: K;
  label: string;
}

export interface CsvMeta {
  source: string;
  licence: string;
  /** Extra lines (e.g. "Sample data — not real", the selection, the build date). */
  notes?: readonly string[];
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (typeof value === "number") text = Number.isFinite(value) ? String(value) : "";
  else if (typeof value === "boolean") text = value ? "true" : "false";
  else if (typeof value === "object") text = neutraliseFormula(JSON.stringify(value));
  else text = neutraliseFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Header comment lines ("# Source: …") come first so a reader sees the attribution before the
 * data; readers that load the table directly can skip lines starting with '#'.
 */
export function toCsv<R extends Record<string, unknown>>(
  rows: readonly R[],
  columns: readonly CsvColumn<Extract<keyof R, string>>[],
  meta: CsvMeta,
): string {
  // Written unquoted: a line starting "# " cannot be read as a formula, and quoting would defeat comment skipping.
  const comment = (line: string) => `# ${line.replace(/[\r\n]+/g, " ")}`;
  const lines = [
    comment(`Source: ${meta.source}`),
    comment(`Licence: ${meta.licence}`),
    ...(meta.notes ?? []).map(comment),
    columns.map((c) => csvCell(c.label)).join(","),
    ...rows.map((r) => columns.map((c) => csvCell(r[c.key])).join(",")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
