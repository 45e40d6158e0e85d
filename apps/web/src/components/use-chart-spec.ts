/**
 * One chart recipe → its query and its spec. The Overview, Explore and Embed pages all draw
 * through here, so a chart on a page and the same chart in an iframe are built the same way.
 */

import { buildBoxSpec, buildCompareSpec, buildScatterSpec } from "@lens/charts/build-spec";
import { adjustFor, type ChartRecipe } from "@lens/charts/chart-recipes";
import type { ChartSpec } from "@lens/charts/chart-spec";
import { filtersForMetric } from "@lens/charts/filter-state";
import { type Filters, getMetric } from "@lens/core";
import type { QueryState } from "./ChartCard.js";
import { useDistribution, useMetric, useScatter, useSpecContext } from "./use-metric.js";

export function useChartSpec(recipe: ChartRecipe, filters: Filters): { spec: ChartSpec | null; state: QueryState } {
  const ctxFor = useSpecContext();
  const isBox = recipe.chart === "box";
  const isScatter = recipe.chart === "scatter";
  const metric = getMetric(recipe.metric);
  if (!metric) throw new Error(`unknown metric '${recipe.metric}'`);
  const adjust = adjustFor(metric, recipe.groupBy);
  // Boxes draw the distribution; the compare answer beside it carries the like-for-like medians,
  // the concentration and the contributing sources.
  const compare = useMetric(recipe.metric, recipe.groupBy, filters, { enabled: !isScatter, adjust });
  const dist = useDistribution(recipe.metric, recipe.groupBy[0], filters, { enabled: isBox });
  const scatter = useScatter(recipe.x ?? recipe.metric, recipe.metric, filters, { enabled: isScatter });

  if (isScatter) {
    const ctx = ctxFor(filtersForMetric(metric, filters));
    const xMetric = getMetric(recipe.x ?? "");
    const spec =
      scatter.data && ctx && xMetric
        ? buildScatterSpec({
            id: recipe.id,
            xMetric,
            yMetric: metric,
            points: scatter.data.points,
            pearson: scatter.data.pearson,
            pearsonInterval: scatter.data.pearsonInterval,
            answers: {
              x: { adjustedFor: [], ...scatter.data.answers.x },
              y: { adjustedFor: [], ...scatter.data.answers.y },
            },
            ctx,
          })
        : null;
    return { spec, state: scatter.state };
  }
  if (isBox) {
    const ctx = ctxFor(dist);
    const spec =
      dist.data && compare.data && ctx
        ? buildBoxSpec({
            id: recipe.id,
            metric,
            groups: dist.data.groups,
            answer: compare.data,
            dimension: recipe.groupBy[0] ?? "model",
            ctx,
            title: recipe.title,
            subtitle: recipe.subtitle,
            referenceLines: recipe.referenceLines,
          })
        : null;
    return { spec, state: bothStates(dist.state, compare.state) };
  }
  const ctx = ctxFor(compare);
  const spec =
    compare.data && ctx
      ? buildCompareSpec({
          id: recipe.id,
          metric,
          rows: compare.data.rows,
          answer: compare.data,
          groupBy: compare.data.groupBy,
          kind: recipe.chart,
          ctx,
          title: recipe.title,
          subtitle: recipe.subtitle,
          sortByValue: recipe.sortByValue,
          horizontal: recipe.horizontal,
          referenceLines: recipe.referenceLines,
        })
      : null;
  return { spec, state: compare.state };
}

/** Loading until both queries answer; the first error is the chart's error. */
function bothStates(a: QueryState, b: QueryState): QueryState {
  return {
    isLoading: a.isLoading || b.isLoading,
    error: a.error ?? b.error,
    retry: () => {
      a.retry();
      b.retry();
    },
  };
}
