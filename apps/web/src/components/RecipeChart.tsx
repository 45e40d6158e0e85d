/** One chart recipe drawn in its card with its takeaway: the Provider quality and Sources pages' charts. */

import type { ChartRecipe } from "@lens/charts/chart-recipes";
import { takeaway } from "@lens/charts/takeaway";
import type { Filters } from "@lens/core";
import { ChartCard } from "./ChartCard.js";
import { useChartSpec } from "./use-chart-spec.js";

export function RecipeChart({ recipe, filters }: { recipe: ChartRecipe; filters: Filters }) {
  const { spec, state, request } = useChartSpec(recipe, filters);
  return (
    <ChartCard
      title={recipe.title ?? ""}
      state={state}
      spec={spec}
      request={request}
      takeaway={spec ? takeaway(spec) : undefined}
    />
  );
}
