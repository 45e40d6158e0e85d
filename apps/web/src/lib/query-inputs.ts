/**
 * The API inputs a chart's hooks send, as pure functions: the hooks (use-metric.ts) and the
 * page prefetch (route-prefetch.ts) both build their inputs here, so a prefetched answer is the
 * very cache entry the chart then reads.
 */

import { adjustFor, type ChartRecipe } from "@lens/charts/chart-recipes";
import { filtersForMetric } from "@lens/charts/filter-state";
import { type DimensionId, type Filters, getMetric, type MetricDef } from "@lens/core";
import { appClients, appQueryOptions, FIRST_CHARTS } from "./trpc.js";

/** The registry's metric and the filters it accepts (the rest are named as ignored); loud on an unknown id. */
export function metricWithFilters(
  metricId: string,
  filters: Filters,
): { metric: MetricDef; applied: Filters; ignored: DimensionId[] } {
  const metric = getMetric(metricId);
  if (!metric) throw new Error(`unknown metric '${metricId}'`);
  return { metric, ...filtersForMetric(metric, filters) };
}

export function compareInputFor(
  metricId: string,
  groupBy: readonly DimensionId[],
  applied: Filters,
  adjust?: readonly ("service" | "source")[],
) {
  // Only asked when wanted, so an unadjusted view shares its cache entry with every other caller.
  return {
    metric: metricId,
    groupBy: [...groupBy],
    filters: applied,
    ...(adjust?.length ? { adjust: [...adjust] } : {}),
  };
}

export function distributionInputFor(metricId: string, dimension: DimensionId | undefined, applied: Filters) {
  return { metric: metricId, groupBy: dimension, filters: applied };
}

export function scatterInputFor(xId: string, yId: string, filters: Filters) {
  return { x: xId, y: yId, filters };
}

/** What a recipe asks of the API: which of compare, distribution and scatter, with which inputs. */
export function recipeInputs(recipe: ChartRecipe, filters: Filters) {
  const { metric, applied } = metricWithFilters(recipe.metric, filters);
  const isScatter = recipe.chart === "scatter";
  return {
    compare: isScatter
      ? null
      : compareInputFor(recipe.metric, recipe.groupBy, applied, adjustFor(metric, recipe.groupBy)),
    distribution: recipe.chart === "box" ? distributionInputFor(recipe.metric, recipe.groupBy[0], applied) : null,
    scatter: isScatter ? scatterInputFor(recipe.x ?? recipe.metric, recipe.metric, filters) : null,
  };
}

/** Asks the API for each recipe's data, as its chart's hooks will (same inputs, same cache entries), in a batch of their own. */
export function prefetchRecipes(recipes: readonly ChartRecipe[], filters: Filters): void {
  const { queryClient } = appClients();
  const options = appQueryOptions();
  for (const recipe of recipes) {
    const inputs = recipeInputs(recipe, filters);
    const o = { trpc: FIRST_CHARTS };
    if (inputs.compare) void queryClient.prefetchQuery(options.metrics.compare.queryOptions(inputs.compare, o));
    if (inputs.distribution)
      void queryClient.prefetchQuery(options.metrics.distribution.queryOptions(inputs.distribution, o));
    if (inputs.scatter) void queryClient.prefetchQuery(options.metrics.scatter.queryOptions(inputs.scatter, o));
  }
}
