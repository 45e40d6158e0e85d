/**
 * The Explore chart builder's state, read from and written to the URL:
 * `?metric=share_36_months&by=model&by2=service&chart=grouped-bar&x=vcse_share&from=2018`.
 * Invalid combinations are repaired to the nearest valid one (never an error page), so any
 * shared link opens a chart.
 */
import { DIMENSIONS, type DimensionId, getMetric, METRICS, type MetricDef } from "@lens/core";
import type { ChartKind } from "./chart-spec.js";

export interface ExploreState {
  metric: string;
  by: DimensionId | null;
  by2: DimensionId | null;
  chart: ChartKind;
  /** The x metric of a scatter across councils. */
  x: string;
}

export const DEFAULT_EXPLORE: ExploreState = {
  metric: "share_36_months",
  by: "model",
  by2: null,
  chart: "bar",
  x: "median_annual_value",
};

export const CHART_LABELS: Record<ChartKind, string> = {
  bar: "Bar",
  "grouped-bar": "Grouped bar",
  "stacked-bar": "Stacked bar",
  line: "Line over time",
  box: "Box plot (distribution)",
  scatter: "Scatter across councils",
};

/** Chart types that suit a metric's kind. */
export function chartsFor(metric: MetricDef): ChartKind[] {
  const council = metric.dimensions.includes("council");
  const scatter: ChartKind[] = council ? ["scatter"] : [];
  switch (metric.kind) {
    case "mix":
      return ["stacked-bar"];
    case "median":
      return ["bar", "grouped-bar", "line", "box", ...scatter];
    case "count":
    case "amount":
      return ["bar", "grouped-bar", "stacked-bar", "line", ...scatter];
    default:
      return ["bar", "grouped-bar", "line", ...scatter];
  }
}

/** Dimensions a user may group this metric by (a mix metric's own split is implied). */
export function groupDimensionsFor(metric: MetricDef): DimensionId[] {
  const split = metric.aggregate.kind === "mix" ? metric.aggregate.dimension : null;
  return metric.dimensions.filter((d) => d !== split && d !== "source");
}

/** Metrics that can sit on the other axis of a scatter across councils. */
export function scatterPartners(metric: MetricDef): MetricDef[] {
  return METRICS.filter((m) => m.id !== metric.id && m.kind !== "mix" && m.dimensions.includes("council"));
}

function dim(raw: string | null): DimensionId | null {
  return raw !== null && raw in DIMENSIONS ? (raw as DimensionId) : null;
}

export function readExploreState(params: URLSearchParams): ExploreState {
  const metric = getMetric(params.get("metric") ?? "") ?? getMetric(DEFAULT_EXPLORE.metric)!;
  const charts = chartsFor(metric);
  const rawChart = params.get("chart") as ChartKind | null;
  const chart = rawChart && charts.includes(rawChart) ? rawChart : charts[0]!;
  const allowed = groupDimensionsFor(metric);
  const hasBy = params.has("by");
  let by = dim(params.get("by"));
  if (by && !allowed.includes(by)) by = null;
  if (!hasBy && allowed.includes("model")) by = "model";
  if (!hasBy && !by && allowed.includes("sector")) by = "sector";
  let by2 = dim(params.get("by2"));
  if (by2 && (!allowed.includes(by2) || by2 === by)) by2 = null;
  if (chart === "line") {
    // Years are the x axis; a group-by becomes the lines.
    if (by === "year") by = by2;
    by2 = null;
  } else if (chart === "box" || chart === "bar" || metric.kind === "mix") {
    by2 = null;
  } else if ((chart === "grouped-bar" || chart === "stacked-bar") && by2 === null) {
    by2 = allowed.find((d) => d !== by && d !== "council" && d !== "year") ?? null;
  }
  if (chart === "box" && by === "council") by = null;
  const partners = scatterPartners(metric);
  const x = partners.some((m) => m.id === params.get("x")) ? params.get("x")! : (partners[0]?.id ?? metric.id);
  return { metric: metric.id, by, by2, chart, x };
}

export function writeExploreState(params: URLSearchParams, state: ExploreState): void {
  params.set("metric", state.metric);
  params.set("chart", state.chart);
  params.set("by", state.by ?? "");
  if (state.by2) params.set("by2", state.by2);
  else params.delete("by2");
  if (state.chart === "scatter") params.set("x", state.x);
  else params.delete("x");
}

/** The API grouping for the state (years first for lines). */
export function groupByFor(state: ExploreState): DimensionId[] {
  if (state.chart === "line") return state.by ? ["year", state.by] : ["year"];
  return [state.by, state.by2].filter((d): d is DimensionId => d !== null);
}
