/**
 * Provider quality & market: children's homes and other provision by sector — stock, places,
 * ratings over time, joiners and leavers, chain size and the largest owners' share of places.
 */

import { JOINERS_LEAVERS, QUALITY_CHARTS } from "@lens/charts/chart-recipes";
import { filtersFromParams } from "@lens/charts/filter-state";
import { joinersLeaversSpec } from "@lens/charts/recipe-spec";
import { takeaway } from "@lens/charts/takeaway";
import type { Filters } from "@lens/core";
import { useQuery } from "@tanstack/react-query";
import { ChartCard, type QueryState } from "../components/ChartCard.js";
import { FilterBar, useFilters } from "../components/FilterBar.js";
import { RecipeChart } from "../components/RecipeChart.js";
import { useChartSpec } from "../components/use-chart-spec.js";
import { prefetchRecipes } from "../lib/query-inputs.js";
import { useTRPC } from "../lib/trpc.js";

/** The charts at the top of the page, asked for as soon as this chunk is in (lib/route-prefetch.ts). */
export function prefetch(_path: string, params: URLSearchParams): void {
  prefetchRecipes(QUALITY_CHARTS.slice(0, 2), filtersFromParams(params));
}

function JoinersLeavers({ filters }: { filters: Filters }) {
  const [joinersPart, leaversPart] = JOINERS_LEAVERS.parts;
  const joiners = useChartSpec(joinersPart.recipe, filters);
  const leavers = useChartSpec(leaversPart.recipe, filters);
  const spec = joiners.spec && leavers.spec ? joinersLeaversSpec([joiners.spec, leavers.spec]) : null;
  const state: QueryState = {
    isLoading: joiners.state.isLoading || leavers.state.isLoading,
    error: joiners.state.error ?? leavers.state.error,
    retry: () => {
      joiners.state.retry();
      leavers.state.retry();
    },
  };
  return (
    <ChartCard
      title={JOINERS_LEAVERS.title}
      state={state}
      spec={spec}
      request={{ kind: "joiners-leavers", filters }}
      takeaway={spec ? takeaway(spec) : undefined}
    />
  );
}

export default function Quality() {
  const [filters] = useFilters();
  const trpc = useTRPC();
  const options = useQuery(trpc.meta.filterOptions.queryOptions({ table: "provider_snapshots" }));
  const provisionTypes =
    options.data
      ?.find((d) => d.dimension === "provision_type")
      ?.options.map((o) => o.value)
      .filter((v): v is string => typeof v === "string") ?? [];
  return (
    <div className="page">
      <h1>Provider quality and the market</h1>
      <p className="lede">
        Children's homes and other provision registered with Ofsted, by who runs them: stock, places, inspection
        ratings, providers joining and leaving, and how concentrated ownership is.
      </p>
      <FilterBar
        controls={["year", "region", "council", "sector", "provision_type"]}
        extraOptions={{ provision_type: provisionTypes }}
        note="Children's-home charts are fixed to children's homes; provision type applies to the provider counts, places and joiners/leavers."
      />
      <div className="chart-grid">
        {QUALITY_CHARTS.slice(0, 2).map((r) => (
          <RecipeChart key={r.id} recipe={r} filters={filters} />
        ))}
      </div>
      <RecipeChart recipe={QUALITY_CHARTS[2]!} filters={filters} />
      <div className="chart-grid">
        {QUALITY_CHARTS.slice(3, 5).map((r) => (
          <RecipeChart key={r.id} recipe={r} filters={filters} />
        ))}
      </div>
      <JoinersLeavers filters={filters} />
      <div className="chart-grid">
        {QUALITY_CHARTS.slice(5).map((r) => (
          <RecipeChart key={r.id} recipe={r} filters={filters} />
        ))}
      </div>
    </div>
  );
}
