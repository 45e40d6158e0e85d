/**
 * One chart recipe → its queries and its spec. The Overview, Explore, Quality, Evidence and
 * Embed pages all draw through here; the spec is built by @lens/charts' specFromAnswers, as the
 * server's chart export builds it, so the page, an iframe and the downloaded file agree.
 */

import type { ChartRecipe } from "@lens/charts/chart-recipes";
import type { ChartRequest } from "@lens/charts/chart-request";
import type { ChartSpec } from "@lens/charts/chart-spec";
import { recipeInputs } from "@lens/charts/recipe-inputs";
import { specFromAnswers } from "@lens/charts/recipe-spec";
import type { Filters } from "@lens/core";
import { useBuild } from "../lib/use-build.js";
import type { QueryState } from "./ChartCard.js";
import { useDistribution, useMetric, useScatter } from "./use-metric.js";

export function useChartSpec(
  recipe: ChartRecipe,
  filters: Filters,
): { spec: ChartSpec | null; state: QueryState; request: ChartRequest } {
  const build = useBuild();
  const isBox = recipe.chart === "box";
  const isScatter = recipe.chart === "scatter";
  // The like-for-like strata as recipeInputs decides them, so the hook asks exactly what the
  // page prefetch and the server's chart export ask (one cache entry, one answer).
  const adjust = recipeInputs(recipe, filters).compare?.adjust ?? [];
  const compare = useMetric(recipe.metric, recipe.groupBy, filters, { enabled: !isScatter, adjust });
  const dist = useDistribution(recipe.metric, recipe.groupBy[0], filters, { enabled: isBox });
  const scatter = useScatter(recipe.x ?? recipe.metric, recipe.metric, filters, { enabled: isScatter });
  const answers = isScatter
    ? { scatter: scatter.data }
    : isBox
      ? { compare: compare.data, distribution: dist.data }
      : { compare: compare.data };
  const spec = build.data ? specFromAnswers(recipe, filters, answers, build.data) : null;
  const state = isScatter ? scatter.state : isBox ? bothStates(dist.state, compare.state) : compare.state;
  return { spec, state, request: { kind: "recipe", recipe, filters } };
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
