/**
 * Chart recipes: which query and which spec builder draw a chart, as data. The Overview,
 * Quality and Explore pages and /embed/<id> all draw from these, so a chart and its embed cannot drift
 * apart. Page charts are named by their spec id; any other embed id is read as Explore
 * state from the query string, through the Explore page's own reader, so an embed repairs bad
 * state exactly as the page does.
 */
import { type DimensionId, getMetric, type MetricDef } from "@lens/core";
import type { ChartKind, ReferenceLine } from "./chart-spec.js";
import { EVIDENCE_RECIPES } from "./claims.js";
import { type ExploreState, groupByFor, readExploreState } from "./explore-state.js";

export interface ChartRecipe {
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

/** Dimensions whose groups are ways of commissioning or providing: comparisons that must hold up like for like. */
const COMPARED = new Set<DimensionId>(["model", "sector", "ownership", "provider_ownership"]);

export type AdjustDimension = "service" | "source";

/**
 * The strata a comparison is held equal on: a comparison across commissioning models (or
 * provider sectors, ownership) is also asked for like for like, at the same service × source
 * mix. Only strata the measure can be cut by and is not grouped by; without service (Ofsted's
 * provider measures, one source) there is no mix to hold equal, so nothing is asked.
 */
export function adjustFor(metric: MetricDef, groupBy: readonly DimensionId[]): AdjustDimension[] {
  if (!groupBy.some((d) => COMPARED.has(d))) return [];
  const dims = (["service", "source"] as const).filter((d) => metric.dimensions.includes(d) && !groupBy.includes(d));
  return dims.includes("service") ? dims : [];
}

export const OVERVIEW_CHARTS: Record<
  "value" | "length" | "share" | "mix" | "quality" | "supplierQuality",
  ChartRecipe
> = {
  value: {
    id: "median-annual-value-by-model",
    page: "/",
    metric: "median_annual_value",
    chart: "box",
    groupBy: ["model"],
    title: "Annual contract value by commissioning model",
    subtitle: "Each contract's value per year, £",
  },
  length: {
    id: "contract-length-by-model",
    page: "/",
    metric: "median_duration_months",
    chart: "box",
    groupBy: ["model"],
    title: "Contract length by commissioning model",
    subtitle: "Each contract's length in months, against the three-year ask",
    referenceLines: [{ value: 36, label: "Three-year ask", colour: "#1d1d1f" }],
  },
  share: {
    id: "share-36-months-by-model",
    page: "/",
    metric: "share_36_months",
    chart: "bar",
    groupBy: ["model"],
    title: "Contracts lasting at least three years, by commissioning model",
    subtitle: "Share of contracts with a known length that run 36 months or more; whiskers: 95% confidence interval",
  },
  mix: {
    id: "procedure-mix-by-model",
    page: "/",
    metric: "procedure_mix",
    chart: "stacked-bar",
    groupBy: ["model"],
    title: "How contracts were awarded, by commissioning model",
    subtitle: "Share of each model's contracts by procedure type",
  },
  quality: {
    id: "homes-good-outstanding-by-sector",
    page: "/",
    metric: "homes_good_outstanding",
    chart: "line",
    groupBy: ["year", "sector"],
    title: "Children's homes rated Good or Outstanding, by sector",
    subtitle: "Share of inspected children's homes at each 31 March snapshot",
  },
  supplierQuality: {
    id: "supplier-homes-good-outstanding-by-model",
    page: "/",
    metric: "supplier_homes_good_outstanding",
    chart: "bar",
    groupBy: ["model"],
    title: "Suppliers' children's homes rated Good or Outstanding, by commissioning model",
    subtitle:
      "Of the rated children's homes run by each contract's supplier at the snapshot before it started; whiskers: 95% confidence interval",
  },
};

/** The Provider quality page's charts (joiners and leavers are merged on the page). */
export const QUALITY_CHARTS: readonly ChartRecipe[] = [
  {
    id: "providers-by-sector",
    page: "/quality",
    metric: "providers",
    groupBy: ["year", "sector"],
    chart: "stacked-bar",
    title: "Registered providers by sector",
    subtitle: "Providers registered at 31 March, from snapshots that list every registered provider",
  },
  {
    id: "places-by-sector",
    page: "/quality",
    metric: "places",
    groupBy: ["year", "sector"],
    chart: "stacked-bar",
    title: "Registered places by sector",
    subtitle: "Places of registered providers at 31 March",
  },
  {
    id: "homes-rating-mix",
    page: "/quality",
    metric: "homes_rating_mix",
    groupBy: ["year"],
    chart: "stacked-bar",
    title: "Children's homes by latest inspection rating",
    subtitle: "Share of inspected children's homes at each 31 March snapshot",
  },
  {
    id: "homes-good-outstanding-by-sector",
    page: "/quality",
    metric: "homes_good_outstanding",
    groupBy: ["year", "sector"],
    chart: "line",
    title: "Children's homes rated Good or Outstanding, by sector",
    subtitle: "Share of inspected children's homes",
  },
  {
    id: "homes-inadequate-by-sector",
    page: "/quality",
    metric: "homes_inadequate",
    groupBy: ["year", "sector"],
    chart: "line",
    title: "Children's homes rated Inadequate, by sector",
    subtitle: "Share of inspected children's homes",
  },
  {
    id: "homes-per-owner-by-sector",
    page: "/quality",
    metric: "homes_per_owner",
    groupBy: ["year", "sector"],
    chart: "line",
    title: "Chain size: children's homes per owner, by sector",
    subtitle: "Registered children's homes with a recorded owner ÷ distinct owners",
  },
  {
    id: "top10-owner-places-share",
    page: "/quality",
    metric: "top10_owner_places_share",
    groupBy: ["year"],
    chart: "line",
    title: "Largest ten owners' share of children's home places",
    subtitle: "Share of registered places held by the ten owners with the most places",
  },
];

function yearBars(metric: string): ChartRecipe {
  return { id: metric, page: "/quality", metric, chart: "bar", groupBy: ["year"] };
}

/** The Provider quality page's joiners and leavers: two one-series recipes merged into one grouped chart. */
export const JOINERS_LEAVERS = {
  id: "joiners-leavers",
  page: "/quality",
  title: "Providers joining and leaving the register",
  subtitle: "Providers registering and de-registering with Ofsted in the year to 31 March",
  valueLabel: "Providers",
  parts: [
    { recipe: yearBars("joiners"), label: "Joiners", colour: "#0072B2" },
    { recipe: yearBars("leavers"), label: "Leavers", colour: "#D55E00" },
  ],
} as const;

const LINK_RATE_SUBTITLE =
  "Share of rows naming a supplier whose name is linked to an Ofsted owner (method and labelled sample: docs/methods.md); whiskers: 95% interval";

/** The Sources & methods page's charts: how far the classification rules and the owner linkage reach, per source. */
export const SOURCES_CHARTS: readonly ChartRecipe[] = [
  {
    id: "model-mix-by-source",
    page: "/sources",
    metric: "model_mix",
    groupBy: ["source"],
    chart: "stacked-bar",
    title: "Coverage of the classification rules, by source",
    subtitle: "Share of each source's contracts given each commissioning model; grey is unknown",
  },
  {
    id: "supplier-owner-link-rate-by-source",
    page: "/sources",
    metric: "supplier_owner_link_rate",
    groupBy: ["source"],
    chart: "bar",
    title: "Contract suppliers linked to an Ofsted owner, by source",
    subtitle: LINK_RATE_SUBTITLE,
  },
  {
    id: "spend-supplier-owner-link-rate-by-source",
    page: "/sources",
    metric: "spend_supplier_owner_link_rate",
    groupBy: ["source"],
    chart: "bar",
    title: "Payees linked to an Ofsted owner, by source",
    subtitle: LINK_RATE_SUBTITLE,
  },
];

const PAGE_RECIPES: readonly ChartRecipe[] = [
  ...Object.values(OVERVIEW_CHARTS),
  ...QUALITY_CHARTS,
  ...SOURCES_CHARTS,
  ...EVIDENCE_RECIPES,
];

/** The Explore page's chart for its URL state: ranked bars for councils, the metric's target as a line. */
export function exploreRecipe(state: ExploreState): ChartRecipe {
  const metric = getMetric(state.metric);
  if (!metric) throw new Error(`unknown metric '${state.metric}'`);
  const groupBy = groupByFor(state);
  const common = { page: "/explore", metric: state.metric, chart: state.chart, x: state.x };
  if (state.chart === "scatter") return { ...common, id: `explore-scatter-${state.x}-${state.metric}`, groupBy };
  if (state.chart === "box")
    return {
      ...common,
      id: `explore-${state.metric}-distribution${state.by ? `-by-${state.by}` : ""}`,
      groupBy: state.by ? [state.by] : [],
    };
  return {
    ...common,
    id: `explore-${state.metric}${groupBy.length ? `-by-${groupBy.join("-")}` : ""}`,
    groupBy,
    sortByValue: groupBy[0] === "council" && groupBy.length === 1,
    horizontal: groupBy[0] === "council",
    referenceLines:
      metric.target && metric.format !== "percent"
        ? [{ value: metric.target.value, label: metric.target.label }]
        : undefined,
  };
}

/** The recipe an /embed/<id> URL draws: a page's chart, or the Explore state in its query string. */
export function recipeFor(id: string, params: URLSearchParams): ChartRecipe {
  return PAGE_RECIPES.find((r) => r.id === id) ?? { ...exploreRecipe(readExploreState(params)), id };
}
