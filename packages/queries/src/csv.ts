/**
 * toCsv: rows to RFC 4180 CSV with the source and licence written into the file, so the data
 * travels with its attribution. Cells are written by @lens/core's csvCell, the one writer and
 * formula guard.
 */
import { BOM, csvLine } from "@lens/core";

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

/** What a file says about its rows, one line each: source, licence, then the notes. */
export function aboutLines(meta: CsvMeta): string[] {
  return [`Source: ${meta.source}`, `Licence: ${meta.licence}`, ...(meta.notes ?? [])].map((line) =>
    line.replace(/[\r\n]+/g, " "),
  );
}

/** The header and the rows only; `bom` for spreadsheets (Excel then reads "£" and "≥"). */
export function csvRows<R extends Record<string, unknown>>(
  rows: readonly R[],
  columns: readonly CsvColumn<Extract<keyof R, string>>[],
  options: { bom?: boolean } = {},
): string {
  const lines = [csvLine(columns.map((c) => c.label)), ...rows.map((r) => csvLine(columns.map((c) => r[c.key])))];
  return `${options.bom ? BOM : ""}${lines.join("\r\n")}\r\n`;
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
  const comments = aboutLines(meta).map((line) => `# ${line}\r\n`);
  return `${comments.join("")}${csvRows(rows, columns)}`;
}
