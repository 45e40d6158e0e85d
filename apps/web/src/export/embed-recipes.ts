/**
 * Which chart an /embed/<id> URL draws. Overview charts are named by their spec id; any other
 * id is read as Explore state from the query string (metric, by, by2, chart, x), through the
 * Explore page's own reader, so an embed repairs bad state exactly as the page does.
 *
 * The Overview entries mirror the page's chart definitions (same ids, titles, subtitles and
 * reference lines); keep the two in step until the page exports its definitions.
 */
import type { DimensionId } from "@lens/core";
import type { ChartKind, ReferenceLine } from "../charts/chart-spec.js";
import { groupByFor, readExploreState } from "../charts/explore-state.js";

export interface EmbedRecipe {
  id: string;
  /** The app page the chart lives on, for "Open in Commissioning Lens" and permalinks. */
  page: string;
  metric: string;
  chart: ChartKind;
  /** compare's grouping (bars, lines); the distribution's dimension is groupBy[0] for boxes. */
  groupBy: DimensionId[];
  /** The x metric of a scatter. */
  x?: string;
  title?: string;
  subtitle?: string;
  referenceLines?: ReferenceLine[];
  sortByValue?: boolean;
  horizontal?: boolean;
}

export const OVERVIEW_RECIPES: readonly EmbedRecipe[] = [
  {
    id: "median-annual-value-by-model",
    page: "/",
    metric: "median_annual_value",
    chart: "box",
    groupBy: ["model"],
    title: "Annual contract value by commissioning model",
    subtitle: "Each contract's value per year, £",
  },
  {
    id: "contract-length-by-model",
    page: "/",
    metric: "median_duration_months",
    chart: "box",
    groupBy: ["model"],
    title: "Contract length by commissioning model",
    subtitle: "Each contract's length in months, against the three-year ask",
    referenceLines: [{ value: 36, label: "Three-year ask", colour: "#1d1d1f" }],
  },
  {
    id: "share-36-months-by-model",
    page: "/",
    metric: "share_36_months",
    chart: "bar",
    groupBy: ["model"],
    title: "Contracts lasting at least three years, by commissioning model",
    subtitle: "Share of contracts with a known length that run 36 months or more; whiskers: 95% confidence interval",
  },
  {
    id: "procedure-mix-by-model",
    page: "/",
    metric: "procedure_mix",
    chart: "stacked-bar",
    groupBy: ["model"],
    title: "How contracts were awarded, by commissioning model",
    subtitle: "Share of each model's contracts by procedure type",
  },
  {
    id: "homes-good-outstanding-by-sector",
    page: "/",
    metric: "homes_good_outstanding",
    chart: "line",
    groupBy: ["year", "sector"],
    title: "Children's homes rated Good or Outstanding, by sector",
    subtitle: "Share of inspected children's homes at each 31 March snapshot",
  },
];

export function recipeFor(id: string, params: URLSearchParams): EmbedRecipe {
  const known = OVERVIEW_RECIPES.find((r) => r.id === id);
  if (known) return known;
  const state = readExploreState(params);
  const groupBy = groupByFor(state);
  return {
    id,
    page: "/explore",
    metric: state.metric,
    chart: state.chart,
    groupBy: state.chart === "box" ? (state.by ? [state.by] : []) : groupBy,
    x: state.x,
    sortByValue: groupBy[0] === "council" && groupBy.length === 1,
    horizontal: groupBy[0] === "council",
  };
}
