/**
 * toCsv: rows to RFC 4180 CSV with the source and licence written into the file, so the data
 * travels with its attribution. Cells are written by @lens/core's csvCell, the one writer and
 * formula guard.
 */
import { csvCell } from "@lens/core";

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
