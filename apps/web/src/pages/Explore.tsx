/**
 * Explore: a chart builder for researchers. Metric, up to two dimensions, chart type and
 * filters all live in the URL, so the address bar is the permalink.
 */

import { exploreRecipe } from "@lens/charts/chart-recipes";
import {
  CHART_LABELS,
  chartsFor,
  type ExploreState,
  groupDimensionsFor,
  readExploreState,
  scatterPartners,
  writeExploreState,
} from "@lens/charts/explore-state";
import {
  councilName,
  type FilterControl,
  filtersForMetric,
  filtersFromParams,
  filtersInWords,
  yearRangeOf,
} from "@lens/charts/filter-state";
import { highlightInWords, withHighlight } from "@lens/charts/highlight";
import { takeaway } from "@lens/charts/takeaway";
import { DIMENSIONS, type DimensionId, getMetric, METRICS } from "@lens/core";
import { useId } from "react";
import { ChartCard } from "../components/ChartCard.js";
import { FilterBar, useFilters, useHighlight } from "../components/FilterBar.js";
import { useChartSpec } from "../components/use-chart-spec.js";
import { prefetchRecipes } from "../lib/query-inputs.js";
import { useSearchParams } from "../lib/router.js";

const GROUPS: { label: string; table: string }[] = [
  { label: "Contracts", table: "contracts" },
  { label: "Providers and quality (Ofsted)", table: "provider_snapshots" },
  { label: "Joiners and leavers (Ofsted)", table: "joiners_leavers" },
  { label: "Spend", table: "spend" },
  { label: "Outcomes for children (DfE, by council)", table: "council_indicators" },
];

const FILTER_ORDER: FilterControl[] = [
  "region",
  "council",
  "service",
  "model",
  "procedure",
  "ownership",
  "sector",
  "provision_type",
];

/** The chart the address describes, asked for as soon as this chunk is in (lib/route-prefetch.ts). */
export function prefetch(_path: string, params: URLSearchParams): void {
  prefetchRecipes([exploreRecipe(readExploreState(params))], filtersFromParams(params));
}

export default function Explore() {
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useFilters();
  const [highlight, setHighlight] = useHighlight();
  const state = readExploreState(params);
  const metric = getMetric(state.metric)!;
  const id = useId();
  const update = (patch: Partial<ExploreState>) =>
    setParams((p) => writeExploreState(p, readExploreState(withPatch(p, patch))));

  const isScatter = state.chart === "scatter";
  const isBox = state.chart === "box";
  const { spec: drawn, state: queryState, request } = useChartSpec(exploreRecipe(state), filters);
  // The highlighted council is drawn distinctly with every other council kept; its words travel with exports.
  const highlightWords = drawn ? highlightInWords(drawn, highlight) : null;
  const marked = drawn ? withHighlight(drawn, highlight) : null;
  const spec = marked && highlightWords ? { ...marked, notes: [highlightWords, ...marked.notes] } : marked;
  const drawsCouncils = isScatter || state.by === "council";
  // One council chosen as a filter on a council chart collapses it to one mark: offer the highlight instead.
  const lone = drawsCouncils && filters.council?.length === 1 ? filters.council[0]! : null;

  const dims = groupDimensionsFor(metric);
  const charts = chartsFor(metric);
  const controls: FilterControl[] = [
    "year",
    ...FILTER_ORDER.filter((d) => d !== "year" && metric.dimensions.includes(d as DimensionId)),
  ];
  const secondAllowed = state.chart === "grouped-bar" || state.chart === "stacked-bar";

  return (
    <div className="page">
      <h1>Explore the data</h1>
      <p className="lede">
        Pick a measure, how to split it and a chart. Everything you choose is in the page address: copy it to share
        exactly this view.
      </p>
      <form className="builder" aria-label="Chart builder" onSubmit={(e) => e.preventDefault()}>
        <div className="filter-bar__field builder__metric">
          <label htmlFor={`${id}-metric`}>Measure</label>
          <select id={`${id}-metric`} value={state.metric} onChange={(e) => update({ metric: e.target.value })}>
            {GROUPS.map((g) => (
              <optgroup key={g.table} label={g.label}>
                {METRICS.filter((m) => m.table === g.table).map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="filter-bar__field">
          <label htmlFor={`${id}-chart`}>Chart</label>
          <select
            id={`${id}-chart`}
            value={state.chart}
            onChange={(e) => update({ chart: e.target.value as ExploreState["chart"] })}
          >
            {charts.map((c) => (
              <option key={c} value={c}>
                {CHART_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
        {!isScatter && (
          <div className="filter-bar__field">
            <label htmlFor={`${id}-by`}>{state.chart === "line" ? "Lines for each" : "Group by"}</label>
            <select
              id={`${id}-by`}
              value={state.by ?? ""}
              onChange={(e) => update({ by: (e.target.value || null) as DimensionId | null })}
            >
              <option value="">{state.chart === "line" ? "One line (all)" : "Nothing (one value)"}</option>
              {dims
                .filter((d) => !(state.chart === "line" && d === "year") && !(isBox && d === "council"))
                .map((d) => (
                  <option key={d} value={d}>
                    {DIMENSIONS[d].label}
                  </option>
                ))}
            </select>
          </div>
        )}
        {secondAllowed && (
          <div className="filter-bar__field">
            <label htmlFor={`${id}-by2`}>Then by</label>
            <select
              id={`${id}-by2`}
              value={state.by2 ?? ""}
              onChange={(e) => update({ by2: (e.target.value || null) as DimensionId | null })}
            >
              <option value="">Nothing</option>
              {dims
                .filter((d) => d !== state.by && d !== "council")
                .map((d) => (
                  <option key={d} value={d}>
                    {DIMENSIONS[d].label}
                  </option>
                ))}
            </select>
          </div>
        )}
        {isScatter && (
          <div className="filter-bar__field builder__metric">
            <label htmlFor={`${id}-x`}>Against (x axis)</label>
            <select id={`${id}-x`} value={state.x} onChange={(e) => update({ x: e.target.value })}>
              {scatterPartners(metric).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </div>
        )}
      </form>
      <FilterBar controls={controls} highlight={metric.dimensions.includes("council")} />
      {lone && (
        <p className="card highlight-offer">
          Only {councilName(lone)} is drawn: the council filter leaves every other council out.{" "}
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setFilters({ ...filters, council: undefined });
              setHighlight(lone);
            }}
          >
            Highlight {councilName(lone)} among all councils instead
          </button>
        </p>
      )}
      {highlightWords && (
        <p className="highlight-line" data-testid="highlight-line" aria-live="polite">
          {highlightWords}
        </p>
      )}
      <details className="definition">
        <summary>What “{metric.label}” means</summary>
        <p>{metric.definition}</p>
        <p>
          Suppressed when fewer than {metric.minN} rows; unit: {metric.unit}. Applies to:{" "}
          {filtersInWords(filtersForMetric(metric, filters).applied)}
          {yearRangeOf(filters) ? "" : "."}
        </p>
      </details>
      <ChartCard
        title={metric.label}
        state={queryState}
        spec={spec}
        request={request}
        takeaway={spec && spec.kind !== "scatter" ? takeaway(spec) : undefined}
      />
    </div>
  );
}

function withPatch(params: URLSearchParams, patch: Partial<ExploreState>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === undefined) next.set(k, "");
    else next.set(k, String(v));
  }
  if (patch.metric) {
    // A new measure keeps the chart if it suits it; readExploreState repairs the rest.
    next.delete("x");
  }
  return next;
}
