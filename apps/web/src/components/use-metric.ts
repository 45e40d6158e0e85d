/** Page-side data hooks: one metric from the API's compare procedure, narrowed to the filters it accepts. */

import type { CompareResult, DistributionResult } from "@lens/charts/api-types";
import { compareInputFor, distributionInputFor, metricWithFilters, scatterInputFor } from "@lens/charts/recipe-inputs";
import type { DimensionId, Filters, MetricDef } from "@lens/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTRPC } from "../lib/trpc.js";
import type { QueryState } from "./ChartCard.js";

/** A metric's query: the registry entry, the API's data, and the filters it applied or ignored. */
export interface DataQuery<D> {
  metric: MetricDef;
  data: D | undefined;
  state: QueryState;
  applied: Filters;
  ignored: DimensionId[];
}
export type MetricQuery = DataQuery<CompareResult>;

/** Loading until data or an error arrives (a disabled query is never loading); retry refetches. */
function stateOf(
  query: { data: unknown; error: { message: string } | null; refetch: () => unknown },
  enabled: boolean,
): QueryState {
  return { isLoading: !query.data && !query.error && enabled, error: query.error, retry: () => void query.refetch() };
}

export function useMetric(
  metricId: string,
  groupBy: readonly DimensionId[],
  filters: Filters,
  options: { enabled?: boolean; adjust?: readonly ("service" | "source")[] } = {},
): MetricQuery {
  const trpc = useTRPC();
  const { metric, applied, ignored } = metricWithFilters(metricId, filters);
  const query = useQuery({
    ...trpc.metrics.compare.queryOptions(compareInputFor(metricId, groupBy, applied, options.adjust)),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
  return {
    metric,
    data: query.data,
    applied,
    ignored,
    state: stateOf(query, options.enabled ?? true),
  };
}

export type DistributionQuery = DataQuery<DistributionResult>;

/** Quartiles, whiskers and histogram of a median metric's row-level values, per group. */
export function useDistribution(
  metricId: string,
  dimension: DimensionId | undefined,
  filters: Filters,
  options: { enabled?: boolean } = {},
): DistributionQuery {
  const trpc = useTRPC();
  const { metric, applied, ignored } = metricWithFilters(metricId, filters);
  const query = useQuery({
    ...trpc.metrics.distribution.queryOptions(distributionInputFor(metricId, dimension, applied)),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
  return {
    metric,
    data: query.data,
    applied,
    ignored,
    state: stateOf(query, options.enabled ?? true),
  };
}

/** Two metrics per council (metrics.scatter), each with the filters it accepts. */
export function useScatter(xId: string, yId: string, filters: Filters, options: { enabled?: boolean } = {}) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.metrics.scatter.queryOptions(scatterInputFor(xId, yId, filters)),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
  return { data: query.data, state: stateOf(query, options.enabled ?? true) };
}
