/**
 * Filters live in the URL (`?from=2018&to=2025&region=London&service=fostering`; several values
 * repeat the key, `region=London&region=North+West`, or join with commas), so a reload
 * restores the view and back/forward step through it. Pure functions here turn the query
 * string into the API's `Filters`, narrow them to what a metric accepts, and say them in words.
 */
import {
  COUNCILS,
  contributorLabel,
  DIMENSIONS,
  type DimensionId,
  EXCLUSION_FILTERS,
  type ExclusionFilterKey,
  FIRST_YEAR,
  type Filters,
  LAST_YEAR,
  LIST_FILTER_DIMENSIONS,
  labelForValue,
  MAX_YEAR,
  MIN_YEAR,
  SOURCES,
} from "@lens/core";

export type ListFilterId = Exclude<DimensionId, "year">;
/** Filter controls a page can show; "year" is the from/to range. */
export type FilterControl = "year" | ListFilterId;

/** The years of the data (@lens/core's one year range). */
export { FIRST_YEAR, LAST_YEAR };

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
    // A comma joins several values only for fixed vocabularies (free-text values may hold commas).
    const values = params
      .getAll(d)
      .flatMap((v) => (allowed && !allowed.includes(v) ? v.split(",").map((x) => x.trim()) : [v]))
      .filter((v) => v !== "" && (!allowed || allowed.includes(v)));
    if (values.length > 0) filters[d] = [...new Set(values)];
  }
  for (const { key, dimension } of EXCLUSION_FILTERS) {
    const allowed = excludable(dimension);
    const values = params.getAll(key).filter((v) => allowed.includes(v));
    if (values.length > 0) filters[key] = [...new Set(values)];
  }
  return filters as Filters;
}

/** Values an exclusion may name: council codes and source ids from the registries (others are dropped). */
function excludable(dimension: "council" | "source"): readonly string[] {
  return dimension === "council" ? COUNCILS.map((c) => c.laCode) : SOURCES.map((s) => s.id);
}

/** One contributor left out of the view ("the same chart without Norfolk"), as its chip shows it. */
export interface Exclusion {
  key: ExclusionFilterKey;
  dimension: "council" | "source";
  value: string;
  label: string;
}

export function exclusionsOf(filters: Filters): Exclusion[] {
  return EXCLUSION_FILTERS.flatMap(({ key, dimension }) =>
    (filters[key] ?? []).map((value) => ({ key, dimension, value, label: contributorLabel(dimension, value) })),
  );
}

/** Filters with one contributor left out, or let back in. */
export function withExclusion(filters: Filters, dimension: "council" | "source", value: string, on: boolean): Filters {
  const key = EXCLUSION_FILTERS.find((e) => e.dimension === dimension)!.key;
  const next: Record<string, unknown> = { ...filters };
  const values = toggleValue(filters[key] ?? [], value, on);
  if (values.length === 0) delete next[key];
  else next[key] = values;
  return next as Filters;
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
  for (const { key } of EXCLUSION_FILTERS) {
    params.delete(key);
    for (const v of filters[key] ?? []) params.append(key, v);
  }
}

/** The filters a metric accepts, and the ones that do not apply to it (to say so): the server's own rule. */
export { filtersForMetric } from "@lens/core";

/** Names shown in words before "and N more" (the permalink and the table carry the full list). */
export const MAX_NAMED_VALUES = 5;

/** "A", "A or B", "A, B or C"; past five values, "A, B, C, D, E or 3 more councils". */
export function listInWords(d: ListFilterId, values: readonly string[]): string {
  const labels = values.map((v) => labelForValue(d, v));
  if (labels.length <= 1) return labels[0] ?? "";
  if (labels.length <= MAX_NAMED_VALUES) return `${labels.slice(0, -1).join(", ")} or ${labels[labels.length - 1]}`;
  const rest = labels.length - MAX_NAMED_VALUES;
  const more = d === "council" ? "more councils" : d === "region" ? "more regions" : "more";
  return `${labels.slice(0, MAX_NAMED_VALUES).join(", ")} or ${rest} ${more}`;
}

/** A list filter's values with one value switched on or off (vocabulary order kept for stable URLs). */
export function toggleValue(
  values: readonly string[],
  value: string,
  on: boolean,
  order?: readonly string[],
): string[] {
  const set = new Set(values);
  if (on) set.add(value);
  else set.delete(value);
  const next = [...set];
  if (order) next.sort((a, b) => rankIn(order, a) - rankIn(order, b));
  return next;
}

function rankIn(order: readonly string[], v: string): number {
  const i = order.indexOf(v);
  return i === -1 ? order.length : i;
}

/**
 * Filters with one list filter set to `values` (none = all). Councils outside every chosen
 * region would give an empty view, so choosing regions drops them.
 */
export function withListFilter(filters: Filters, d: ListFilterId, values: readonly string[]): Filters {
  const next: Record<string, unknown> = { ...filters };
  if (values.length === 0) delete next[d];
  else next[d] = [...values];
  if (d === "region" && values.length > 0 && filters.council?.length) {
    const kept = filters.council.filter((c) => values.includes(COUNCILS.find((x) => x.laCode === c)?.region ?? ""));
    if (kept.length === 0) delete next.council;
    else next.council = kept;
  }
  return next as Filters;
}

/** What a closed multi-select shows: "All", one name, two names, or "3 selected". */
export function selectionSummary(labels: readonly string[]): string {
  if (labels.length === 0) return "All";
  if (labels.length === 1) return labels[0]!;
  if (labels.length === 2 && labels.join(", ").length <= 28) return labels.join(", ");
  return `${labels.length} selected`;
}

/**
 * "2018–2025 · London · Service: Fostering" — or "All years · all councils in England".
 * `place` names the councils drawn when no council or region filter does (e.g. a benchmark's).
 */
export function filtersInWords(
  filters: Filters,
  ignored: readonly DimensionId[] = [],
  place = "all councils in England",
): string {
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
  if (!hasPlace) parts.push(place);
  const left = exclusionsOf(filters).map((e) => e.label);
  if (left.length > 0) parts.push(`without ${left.join(" or ")}`);
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
