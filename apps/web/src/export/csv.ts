/**
 * The CSV behind a chart: leading "# " lines with the title, filters, disclosures (concentration,
 * like for like against as recorded), source, licence, data
 * vintage, permalink and the sample flag, then spec.table exactly as the API returned it
 * (raw numbers at full precision; suppressed values empty, never 0).
 *
 * Formula-injection safe: a text cell starting with = + - @ tab or CR is prefixed with ' so a
 * spreadsheet shows it as text. Numbers are written as numbers (a negative number is data,
 * not a formula). Comment lines are guarded fragment by fragment, because a spreadsheet
 * splits them at commas.
 */
import type { ChartSpec } from "../charts/chart-spec.js";
import { SAMPLE_TEXT } from "./compose-svg.js";

const DANGEROUS = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = DANGEROUS.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function commentLine(text: string): string {
  const flat = text.replace(/[\r\n]+/g, " ");
  const guarded = flat
    .split(",")
    .map((part) => part.replace(/^(\s*)([=+\-@\t])/, "$1'$2"))
    .join(",");
  return `# ${guarded}`;
}

export interface CsvMeta {
  permalink: string;
  exportedAt: Date;
}

export function chartCsv(spec: ChartSpec, meta: CsvMeta): string {
  const lines: string[] = [];
  lines.push(commentLine(spec.title));
  if (spec.subtitle) lines.push(commentLine(spec.subtitle));
  if (spec.filtersInWords) lines.push(commentLine(`Filters: ${spec.filtersInWords}`));
  // Concentration and like-for-like words travel with the rows, as they do with the picture.
  for (const d of spec.disclosures ?? []) lines.push(commentLine(d));
  lines.push(commentLine(spec.source.startsWith("Source:") ? spec.source : `Source: ${spec.source}`));
  lines.push(commentLine(`Licence: ${spec.licence}`));
  if (spec.vintage) lines.push(commentLine(/^data\b/i.test(spec.vintage) ? spec.vintage : `Data: ${spec.vintage}`));
  lines.push(commentLine(`Permalink: ${meta.permalink}`));
  lines.push(commentLine(`Exported: ${meta.exportedAt.toISOString()}`));
  lines.push(commentLine(spec.isSample ? `${SAMPLE_TEXT}: generated sample data` : "Data: real sources"));
  const { columns, rows } = spec.table;
  lines.push(columns.map((c) => csvCell(c.label)).join(","));
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c.key])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** Parses CSV text (RFC 4180, with the "# " comment lines) back into rows; for tests and checks. */
export function parseCsv(text: string): { comments: string[]; rows: string[][] } {
  const comments: string[] = [];
  const rows: string[][] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === "#") {
      const end = text.indexOf("\n", i);
      const stop = end === -1 ? text.length : end;
      comments.push(text.slice(i, stop).replace(/\r$/, ""));
      i = stop + 1;
      continue;
    }
    const row: string[] = [];
    let cell = "";
    let quoted = false;
    for (; i < text.length; i++) {
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ",") {
        row.push(cell);
        cell = "";
      } else if (ch === "\n" || ch === "\r") {
        if (ch === "\r" && text[i + 1] === "\n") i++;
        i++;
        break;
      } else cell += ch;
    }
    row.push(cell);
    rows.push(row);
  }
  return { comments, rows };
}
