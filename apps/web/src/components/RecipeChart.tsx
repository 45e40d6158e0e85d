/**
 * One chart recipe drawn in its card with its takeaway: the Provider quality, Sources and
 * evidence-brief charts. A scatter gets no takeaway line: its reading is the API's r, in its notes.
 */

import type { ChartRecipe } from "@lens/charts/chart-recipes";
import { takeaway } from "@lens/charts/takeaway";
import type { Filters } from "@lens/core";
import { ChartCard } from "./ChartCard.js";
import { useChartSpec } from "./use-chart-spec.js";

export function RecipeChart({
  recipe,
  filters,
  height,
  skeletonHeight,
}: {
  recipe: ChartRecipe;
  filters: Filters;
  height?: number;
  skeletonHeight?: number;
}) {
  const { spec, state, request } = useChartSpec(recipe, filters);
  return (
    <ChartCard
      title={recipe.title ?? ""}
      state={state}
      spec={spec}
      request={request}
      takeaway={spec && spec.kind !== "scatter" ? takeaway(spec) : undefined}
      height={height}
      skeletonHeight={skeletonHeight}
    />
  );
}
