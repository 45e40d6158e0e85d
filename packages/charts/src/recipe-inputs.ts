/**
 * The API inputs a chart asks for, as pure functions: the page's hooks, the page prefetch and
 * the server's chart export all build their inputs here, so a prefetched answer is the very
 * cache entry the chart then reads, and an exported file holds the rows the chart was drawn from.
 */

import { type DimensionId, type Filters, getMetric, type MetricDef } from "@lens/core";
import { adjustFor, type ChartRecipe } from "./chart-recipes.js";
import { filtersForMetric } from "./filter-state.js";

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
