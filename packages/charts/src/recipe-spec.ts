/**
 * One chart recipe and the API's answers to its inputs (recipe-inputs.ts) → its spec. The
 * pages, the embed and the server's chart export all build specs here, so a chart on a page,
 * the same chart in an iframe and the file behind it hold the same rows and words.
 */

import { type DimensionId, type Filters, getMetric } from "@lens/core";
import type { CompareResult, DistributionResult, ScatterResult } from "./api-types.js";
import { buildBoxSpec, buildCompareSpec, buildScatterSpec, mergeSpecs, type SpecContext } from "./build-spec.js";
import { type ChartRecipe, JOINERS_LEAVERS } from "./chart-recipes.js";
import type { ChartSpec } from "./chart-spec.js";
import { filtersForMetric, filtersInWords, yearRangeOf } from "./filter-state.js";

/** What the spec needs to know about the warehouse build it was drawn from. */
export interface BuildFacts {
  isSample: boolean;
  builtAt: string | null;
}

/** The answers a recipe asked for; the ones it did not ask for (or that have not arrived) are undefined. */
export interface RecipeAnswers {
  compare?: CompareResult;
  distribution?: DistributionResult;
  scatter?: ScatterResult;
}

/** The build and the filters a metric applied (and the ones it ignored) in words, as every builder takes them. */
export function specContext(build: BuildFacts, q: { applied: Filters; ignored: readonly DimensionId[] }): SpecContext {
  return {
    isSample: build.isSample,
    builtAt: build.builtAt,
    filtersInWords: filtersInWords(q.applied, q.ignored),
    yearRange: yearRangeOf(q.applied),
  };
}

/** The recipe's spec, or null until every answer it needs has arrived. */
export function specFromAnswers(
  recipe: ChartRecipe,
  filters: Filters,
  answers: RecipeAnswers,
  build: BuildFacts,
): ChartSpec | null {
  const metric = getMetric(recipe.metric);
  if (!metric) throw new Error(`unknown metric '${recipe.metric}'`);
  const ctx = specContext(build, filtersForMetric(metric, filters));
  if (recipe.chart === "scatter") {
    const xMetric = getMetric(recipe.x ?? "");
    const scatter = answers.scatter;
    if (!scatter || !xMetric) return null;
    return buildScatterSpec({
      id: recipe.id,
      xMetric,
      yMetric: metric,
      points: scatter.points,
      pearson: scatter.pearson,
      pearsonInterval: scatter.pearsonInterval,
      answers: {
        x: { adjustedFor: [], ...scatter.answers.x },
        y: { adjustedFor: [], ...scatter.answers.y },
      },
      ctx,
    });
  }
  const compare = answers.compare;
  if (recipe.chart === "box") {
    // Boxes draw the distribution; the compare answer beside it carries the like-for-like
    // medians, the concentration and the contributing sources.
    const dist = answers.distribution;
    if (!dist || !compare) return null;
    return buildBoxSpec({
      id: recipe.id,
      metric,
      groups: dist.groups,
      answer: compare,
      dimension: recipe.groupBy[0] ?? "model",
      ctx,
      title: recipe.title,
      subtitle: recipe.subtitle,
      referenceLines: recipe.referenceLines,
    });
  }
  if (!compare) return null;
  return buildCompareSpec({
    id: recipe.id,
    metric,
    rows: compare.rows,
    answer: compare,
    groupBy: compare.groupBy,
    kind: recipe.chart,
    ctx,
    title: recipe.title,
    subtitle: recipe.subtitle,
    sortByValue: recipe.sortByValue,
    horizontal: recipe.horizontal,
    referenceLines: recipe.referenceLines,
  });
}

/** The joiners and leavers chart: its two one-series specs, in JOINERS_LEAVERS' order, merged into one. */
export function joinersLeaversSpec(parts: readonly ChartSpec[]): ChartSpec {
  return mergeSpecs(
    JOINERS_LEAVERS.id,
    JOINERS_LEAVERS.title,
    JOINERS_LEAVERS.subtitle,
    JOINERS_LEAVERS.parts.map((p, i) => ({ spec: parts[i]!, label: p.label, colour: p.colour })),
    "grouped-bar",
    JOINERS_LEAVERS.valueLabel,
  );
}
