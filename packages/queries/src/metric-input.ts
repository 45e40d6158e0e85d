/**
 * Shared pieces of the query modules' inputs: a metric looked up from a validated id, and
 * filters narrowed to what a metric allows when one request spans several metrics.
 */
import {
  type DimensionId,
  EXCLUSION_FILTERS,
  type Filters,
  getMetric,
  LIST_FILTER_DIMENSIONS,
  type MetricDef,
} from "@lens/core";
import { QueryInputError } from "./compile-metric.js";

export function requireMetric(id: string): MetricDef {
  const metric = getMetric(id);
  if (!metric) throw new QueryInputError(`unknown metric '${id}'`);
  return metric;
}

export function requireDimension(metric: MetricDef, dimension: DimensionId, purpose: string): void {
  if (!metric.dimensions.includes(dimension))
    throw new QueryInputError(`metric '${metric.id}' cannot be ${purpose}: it has no '${dimension}' dimension`);
}

/**
 * The filters a metric can take, and the ones it cannot (reported, never silently applied
 * or dropped). The year range applies wherever the metric has years.
 */
export function filtersForMetric(metric: MetricDef, filters: Filters): { filters: Filters; ignored: DimensionId[] } {
  const out: Filters = {};
  const ignored: DimensionId[] = [];
  const hasYear = metric.dimensions.includes("year");
  if (filters.from !== undefined || filters.to !== undefined) {
    if (hasYear) {
      if (filters.from !== undefined) out.from = filters.from;
      if (filters.to !== undefined) out.to = filters.to;
    } else ignored.push("year");
  }
  for (const d of LIST_FILTER_DIMENSIONS) {
    const values = filters[d];
    if (!values || values.length === 0) continue;
    if (metric.dimensions.includes(d)) out[d] = values;
    else ignored.push(d);
  }
  for (const { key, dimension } of EXCLUSION_FILTERS) {
    const values = filters[key];
    if (!values || values.length === 0) continue;
    if (metric.dimensions.includes(dimension)) out[key] = values;
    else if (!ignored.includes(dimension)) ignored.push(dimension);
  }
  return { filters: out, ignored };
}
