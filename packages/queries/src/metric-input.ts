/**
 * Shared pieces of the query modules' inputs: a metric looked up from a validated id, and a
 * dimension it must have. (Filters narrowed to a metric: filtersForMetric in @lens/core.)
 */
import { type DimensionId, getMetric, type MetricDef } from "@lens/core";
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
