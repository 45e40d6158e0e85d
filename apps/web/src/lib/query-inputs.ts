/**
 * The page prefetch (route-prefetch.ts): a page's first charts asked for with the inputs their
 * hooks will send (@lens/charts/recipe-inputs), so a prefetched answer is the very cache entry
 * the chart then reads.
 */

import type { ChartRecipe } from "@lens/charts/chart-recipes";
import { recipeInputs } from "@lens/charts/recipe-inputs";
import type { Filters } from "@lens/core";
import { appClients, appQueryOptions, FIRST_CHARTS } from "./trpc.js";

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
