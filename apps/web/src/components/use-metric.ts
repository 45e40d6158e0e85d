/** Page-side data hooks: one metric from the API's compare procedure, narrowed to the filters it accepts. */
import { type DimensionId, type Filters, getMetric, type MetricDef } from "@lens/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { CompareResult, DistributionResult } from "../charts/api-types.js";
import type { SpecContext } from "../charts/build-spec.js";
import type { ChartSpec } from "../charts/chart-spec.js";
import { useTRPC } from "../lib/trpc.js";
import { useBuild } from "../lib/use-build.js";
import type { QueryState } from "./ChartCard.js";
import { filtersForMetric, filtersInWords, type ListFilterId, yearRangeOf } from "./filter-state.js";

export interface MetricQuery {
  metric: MetricDef;
  data: CompareResult | undefined;
  state: QueryState;
  applied: Filters;
  ignored: ListFilterId[];
}

/** The registry's metric and the filters it accepts (the rest are named as ignored); loud on an unknown id. */
function metricWithFilters(
  metricId: string,
  filters: Filters,
): { metric: MetricDef; applied: Filters; ignored: ListFilterId[] } {
  const metric = getMetric(metricId);
  if (!metric) throw new Error(`unknown metric '${metricId}'`);
  return { metric, ...filtersForMetric(metric, filters) };
}

export function useMetric(
  metricId: string,
  groupBy: readonly DimensionId[],
  filters: Filters,
  options: { enabled?: boolean } = {},
): MetricQuery {
  const trpc = useTRPC();
  const { metric, applied, ignored } = metricWithFilters(metricId, filters);
  const query = useQuery({
    ...trpc.metrics.compare.queryOptions({ metric: metricId, groupBy: [...groupBy], filters: applied }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
  return {
    metric,
    data: query.data,
    applied,
    ignored,
    state: {
      isLoading: query.isLoading || (!query.data && !query.error && (options.enabled ?? true)),
      error: query.error,
      retry: () => void query.refetch(),
    },
  };
}

/** What every spec needs to know about the build and the filters it was drawn with. */
export function useSpecContext(): (q: Pick<MetricQuery, "applied" | "ignored">) => SpecContext | null {
  const build = useBuild();
  return (q) =>
    build.data
      ? {
          isSample: build.data.isSample,
          builtAt: build.data.builtAt ?? null,
          filtersInWords: filtersInWords(q.applied, q.ignored),
          yearRange: yearRangeOf(q.applied),
        }
      : null;
}

/** A query's chart spec once both its data and the build are in; null until then. */
export function specWhenLoaded<D>(
  q: { data: D | undefined } & Pick<MetricQuery, "applied" | "ignored">,
  ctxFor: ReturnType<typeof useSpecContext>,
  build: (data: D, ctx: SpecContext) => ChartSpec,
): ChartSpec | null {
  const ctx = ctxFor(q);
  return q.data && ctx ? build(q.data, ctx) : null;
}

export interface DistributionQuery {
  metric: MetricDef;
  data: DistributionResult | undefined;
  state: QueryState;
  applied: Filters;
  ignored: ListFilterId[];
}

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
    ...trpc.metrics.distribution.queryOptions({ metric: metricId, groupBy: dimension, filters: applied }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
  return {
    metric,
    data: query.data,
    applied,
    ignored,
    state: { isLoading: !query.data && !query.error, error: query.error, retry: () => void query.refetch() },
  };
}

/** Two metrics per council (metrics.scatter), each with the filters it accepts. */
export function useScatter(xId: string, yId: string, filters: Filters, options: { enabled?: boolean } = {}) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.metrics.scatter.queryOptions({ x: xId, y: yId, filters }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
  const state: QueryState = {
    isLoading: !query.data && !query.error,
    error: query.error,
    retry: () => void query.refetch(),
  };
  return { data: query.data, state };
}
