/**
 * Filters live in the URL (`?from=2018&to=2025&region=London&service=fostering`), so a reload
 * restores the view and back/forward step through it. Pure functions here turn the query
 * string into the API's `Filters`, narrow them to what a metric accepts, and say them in words.
 */
import {
  COUNCILS,
  DIMENSIONS,
  type DimensionId,
  type Filters,
  LIST_FILTER_DIMENSIONS,
  labelForValue,
  MAX_YEAR,
  type MetricDef,
  MIN_YEAR,
} from "@lens/core";

export type ListFilterId = Exclude<DimensionId, "year">;
/** Filter controls a page can show; "year" is the from/to range. */
export type FilterControl = "year" | ListFilterId;

export const FIRST_YEAR = 2015;
export const LAST_YEAR = 2025;

function yearParam(raw: string | null): number | undefined {
  if (raw === null || !/^\d{4}$/.test(raw)) return undefined;
  const y = Number(raw);
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : undefined;
}

/** Reads filters from search params; unknown or malformed values are dropped, never guessed. */
export function filtersFromParams(params: URLSearchParams): Filters {
  const filters: Record<string, unknown> = {};
  const from = yearParam(params.get("from"));
  const to = yearParam(params.get("to"));
  if (from !== undefined) filters.from = from;
  if (to !== undefined && (from === undefined || to >= from)) filters.to = to;
  for (const d of LIST_FILTER_DIMENSIONS) {
    const allowed = DIMENSIONS[d].values?.map(String);
    const values = params.getAll(d).filter((v) => v !== "" && (!allowed || allowed.includes(v)));
    if (values.length > 0) filters[d] = [...new Set(values)];
  }
  return filters as Filters;
}

/** Writes filters into search params (other params untouched). */
export function writeFilters(params: URLSearchParams, filters: Filters): void {
  params.delete("from");
  params.delete("to");
  if (filters.from !== undefined) params.set("from", String(filters.from));
  if (filters.to !== undefined) params.set("to", String(filters.to));
  for (const d of LIST_FILTER_DIMENSIONS) {
    params.delete(d);
    for (const v of filters[d] ?? []) params.append(d, v);
  }
}

/** The filters a metric accepts, and the ones that do not apply to it (to say so). */
export function filtersForMetric(metric: MetricDef, filters: Filters): { applied: Filters; ignored: ListFilterId[] } {
  const applied: Record<string, unknown> = {};
  const ignored: ListFilterId[] = [];
  if (filters.from !== undefined) applied.from = filters.from;
  if (filters.to !== undefined) applied.to = filters.to;
  for (const d of LIST_FILTER_DIMENSIONS) {
    const values = filters[d];
    if (!values || values.length === 0) continue;
    if (metric.dimensions.includes(d)) applied[d] = values;
    else ignored.push(d);
  }
  return { applied: applied as Filters, ignored };
}

function listInWords(d: ListFilterId, values: readonly string[]): string {
  return values.map((v) => labelForValue(d, v)).join(" or ");
}

/** "2018–2025 · London · Service: Fostering" — or "All years, all councils". */
export function filtersInWords(filters: Filters, ignored: readonly ListFilterId[] = []): string {
  const parts: string[] = [];
  if (filters.from !== undefined && filters.to !== undefined)
    parts.push(filters.from === filters.to ? `${filters.from}` : `${filters.from}–${filters.to}`);
  else if (filters.from !== undefined) parts.push(`${filters.from} onwards`);
  else if (filters.to !== undefined) parts.push(`up to ${filters.to}`);
  else parts.push("All years");
  const hasPlace = (filters.council?.length ?? 0) > 0 || (filters.region?.length ?? 0) > 0;
  for (const d of LIST_FILTER_DIMENSIONS) {
    const values = filters[d];
    if (!values || values.length === 0) continue;
    parts.push(
      d === "council" || d === "region" ? listInWords(d, values) : `${DIMENSIONS[d].label}: ${listInWords(d, values)}`,
    );
  }
  if (!hasPlace) parts.push("all councils in England");
  let words = parts.join(" · ");
  if (ignored.length > 0)
    words += ` (filter by ${ignored.map((d) => DIMENSIONS[d].label.toLowerCase()).join(", ")} does not apply to this measure)`;
  return words;
}

export function councilName(laCode: string): string {
  return COUNCILS.find((c) => c.laCode === laCode)?.name ?? laCode;
}

/** Stable, readable part of export file names: "2015-2025" or "all-years". */
export function yearRangeOf(filters: Filters): [number, number] | undefined {
  if (filters.from === undefined && filters.to === undefined) return undefined;
  return [filters.from ?? FIRST_YEAR, filters.to ?? LAST_YEAR];
}
