/**
 * The filters an evidence chart is drawn with, on its brief and in its embed alike: a scatter
 * draws every council (a council filter would leave one point), and on a real build a chart
 * with `realSources` reads only those sources (the spend sources overlap). The generated sample
 * has one source of its own, so nothing is restricted there; a source the user chose is kept.
 * A chart with `councils` draws those councils unless the reader chose councils.
 */

import type { ChartRecipe } from "@lens/charts/chart-recipes";
import type { EvidenceChart } from "@lens/charts/claims";
import type { Filters } from "@lens/core";

export function briefChartFilters(recipe: ChartRecipe | EvidenceChart, filters: Filters, isSample: boolean): Filters {
  const { council: _council, ...everyCouncil } = filters;
  const listed = "councils" in recipe ? recipe.councils : undefined;
  // A chart of a listed set of councils draws that set, unless the reader chose councils of their own.
  const base =
    recipe.chart === "scatter"
      ? everyCouncil
      : listed && !filters.council
        ? { ...filters, council: [...listed] }
        : filters;
  const sources = "realSources" in recipe ? recipe.realSources : undefined;
  return sources && !isSample && !base.source ? { ...base, source: [...sources] } : base;
}
