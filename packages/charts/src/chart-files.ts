/**
 * The files behind a chart: its rows as CSV, exactly as the API returned them (raw numbers at
 * full precision; suppressed values empty, never 0), and an "about" file beside them with the
 * title, definition, filters, concentration and like-for-like words, notes, n, source,
 * licence, data build and permalink. The metadata lives apart because `#` lines inside a CSV
 * break spreadsheets and most CSV readers; the spreadsheet CSV starts with a UTF-8 byte-order
 * mark (so Excel reads "£" and "≥"), the plain CSV for scripts does not.
 *
 * The server writes these files (exportCsv's `chart` view builds the same spec from the same
 * procedures), so the download is the path its tests cover; its chart XLSX's About sheet
 * holds the same entries. The page only joins the about lines into a file. Cells are written
 * by @lens/core's csvCell, the one CSV writer and formula guard.
 */

import { BOM, csvLine, METRICS, SAMPLE_NOTICE } from "@lens/core";
import type { ChartSpec } from "./chart-spec.js";

export interface CsvMeta {
  permalink: string;
  exportedAt: Date;
  /** The warehouse build the rows came from (the API's build id), when known. */
  buildId?: string;
}

/** The chart's rows: a header of column labels, then one line per row; `bom` for spreadsheets. */
export function chartCsv(spec: ChartSpec, options: { bom?: boolean } = {}): string {
  const { columns, rows } = spec.table;
  const lines = [csvLine(columns.map((c) => c.label))];
  for (const row of rows) lines.push(csvLine(columns.map((c) => row[c.key])));
  return `${options.bom ? BOM : ""}${lines.join("\r\n")}\r\n`;
}

/** The definitions of the measures a chart draws (its axes carry their short labels). */
function definitionsOf(spec: ChartSpec): string[] {
  const labels = spec.kind === "scatter" ? [spec.yLabel, spec.xLabel] : [spec.yLabel];
  return labels.flatMap((l) => {
    const m = METRICS.find((x) => x.shortLabel === l);
    return m ? [`${m.label}: ${m.definition}`] : [];
  });
}

/** What the about file and the about sheet say, as label/value pairs in reading order. */
export function aboutEntries(spec: ChartSpec, meta: CsvMeta): [string, string][] {
  const entries: [string, string][] = [["Title", spec.title]];
  if (spec.subtitle) entries.push(["Subtitle", spec.subtitle]);
  for (const d of definitionsOf(spec)) entries.push(["Definition", d]);
  if (spec.filtersInWords) entries.push(["Filters", spec.filtersInWords]);
  // Concentration and like-for-like words travel with the rows, as they do with the picture.
  for (const d of spec.disclosures ?? []) entries.push(["Read with", d]);
  if (spec.n) entries.push(["n", spec.n]);
  for (const note of spec.notes) entries.push(["Note", note]);
  entries.push(["Source", spec.source.replace(/^Source:\s*/, "")]);
  entries.push(["Licence", spec.licence]);
  if (spec.vintage) entries.push(["Data", spec.vintage]);
  if (meta.buildId) entries.push(["Build", meta.buildId]);
  entries.push(["Permalink", meta.permalink]);
  entries.push(["Exported", meta.exportedAt.toISOString()]);
  entries.push(["Sample", spec.isSample ? `${SAMPLE_NOTICE}: generated sample data` : "No: real sources"]);
  entries.push([
    "Columns",
    spec.table.columns.map((c) => c.label).join(", ") +
      ` (${spec.table.rows.length} rows; empty cells: missing or suppressed, never 0)`,
  ]);
  return entries;
}

/** The about file's lines: one "Label: value" each, a value's line breaks folded to spaces. */
export function aboutLines(spec: ChartSpec, meta: CsvMeta): string[] {
  return aboutEntries(spec, meta).map(([k, v]) => `${k}: ${v.replace(/[\r\n]+/g, " ")}`);
}

/** The about file: its lines as UTF-8 text (with a byte-order mark for Windows editors). */
export function aboutFileText(lines: readonly string[]): string {
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
