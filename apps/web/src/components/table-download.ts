/**
 * The whole filtered selection of a table, downloaded from the data API rather than the page
 * on screen: `GET /api/v1/contracts?format=csv&bom=1&<filters>` (or providers). The filters go
 * in the same parameters the page's URL and the metrics routes use, so the file holds exactly
 * the rows the table counts; the server streams it and says so when it caps the rows.
 */

import { filtersForMetric, writeFilters } from "@lens/charts/filter-state";
import { type Filters, getMetric } from "@lens/core";

export type TableId = "contracts" | "providers";
export type TableFormat = "csv" | "csv-plain" | "xlsx" | "json";

export const TABLE_FORMATS: { format: TableFormat; label: string; hint: string }[] = [
  { format: "csv", label: "CSV", hint: "for spreadsheets (UTF-8 with a byte-order mark)" },
  { format: "xlsx", label: "XLSX", hint: "data and about sheets" },
  { format: "csv-plain", label: "plain CSV", hint: "for scripts" },
  { format: "json", label: "JSON", hint: "with the about metadata" },
];

/** What a table's files hold (build, selection, counts, sources, licence, columns), without the rows. */
export function tableAboutUrl(table: TableId, filters: Filters, extra: { q?: string; flag?: string } = {}): string {
  const url = new URL(tableDownloadUrl(table, filters, "json", extra), "http://x");
  url.searchParams.delete("format");
  const query = url.searchParams.toString();
  return `/api/v1/${table}/about${query ? `?${query}` : ""}`;
}

/** The data API address of a table's filtered rows in one format (search text and sort kept). */
export function tableDownloadUrl(
  table: TableId,
  filters: Filters,
  format: TableFormat,
  extra: { q?: string; sort?: string; dir?: "asc" | "desc"; flag?: string } = {},
): string {
  const params = new URLSearchParams();
  // The data API takes the filters of the table's metric and refuses others (a filter left in
  // the URL by another page must not break the download).
  writeFilters(params, filtersForMetric(getMetric(table)!, filters).applied);
  if (extra.q) params.set("q", extra.q);
  if (extra.sort) params.set("sort", extra.sort);
  if (extra.dir) params.set("dir", extra.dir);
  if (extra.flag) params.set("flag", extra.flag);
  params.set("format", format === "csv-plain" ? "csv" : format);
  if (format === "csv") params.set("bom", "1");
  return `/api/v1/${table}?${params.toString()}`;
}
