/**
 * Provider quality & market: children's homes and other provision by sector — stock, places,
 * ratings over time, joiners and leavers, chain size and the largest owners' share of places.
 */
import type { DimensionId, Filters } from "@lens/core";
import { useQuery } from "@tanstack/react-query";
import { buildCompareSpec, mergeSpecs } from "../charts/build-spec.js";
import type { ChartKind, ChartSpec } from "../charts/chart-spec.js";
import { takeaway } from "../charts/takeaway.js";
import { ChartCard, type QueryState } from "../components/ChartCard.js";
import { FilterBar, useFilters } from "../components/FilterBar.js";
import { type MetricQuery, specWhenLoaded, useMetric, useSpecContext } from "../components/use-metric.js";
import { useTRPC } from "../lib/trpc.js";

interface ChartDef {
  id: string;
  metric: string;
  groupBy: DimensionId[];
  kind: ChartKind;
  title: string;
  subtitle: string;
}

const CHARTS: ChartDef[] = [
  {
    id: "providers-by-sector",
    metric: "providers",
    groupBy: ["year", "sector"],
    kind: "stacked-bar",
    title: "Registered providers by sector",
    subtitle: "Providers registered at 31 March, from snapshots that list every registered provider",
  },
  {
    id: "places-by-sector",
    metric: "places",
    groupBy: ["year", "sector"],
    kind: "stacked-bar",
    title: "Registered places by sector",
    subtitle: "Places of registered providers at 31 March",
  },
  {
    id: "homes-rating-mix",
    metric: "homes_rating_mix",
    groupBy: ["year"],
    kind: "stacked-bar",
    title: "Children's homes by latest inspection rating",
    subtitle: "Share of inspected children's homes at each 31 March snapshot",
  },
  {
    id: "homes-good-outstanding-by-sector",
    metric: "homes_good_outstanding",
    groupBy: ["year", "sector"],
    kind: "line",
    title: "Children's homes rated Good or Outstanding, by sector",
    subtitle: "Share of inspected children's homes",
  },
  {
    id: "homes-inadequate-by-sector",
    metric: "homes_inadequate",
    groupBy: ["year", "sector"],
    kind: "line",
    title: "Children's homes rated Inadequate, by sector",
    subtitle: "Share of inspected children's homes",
  },
  {
    id: "homes-per-owner-by-sector",
    metric: "homes_per_owner",
    groupBy: ["year", "sector"],
    kind: "line",
    title: "Chain size: children's homes per owner, by sector",
    subtitle: "Registered children's homes with a recorded owner ÷ distinct owners",
  },
  {
    id: "top10-owner-places-share",
    metric: "top10_owner_places_share",
    groupBy: ["year"],
    kind: "line",
    title: "Largest ten owners' share of children's home places",
    subtitle: "Share of registered places held by the ten owners with the most places",
  },
];

function specFor(def: ChartDef, q: MetricQuery, ctxFor: ReturnType<typeof useSpecContext>): ChartSpec | null {
  return specWhenLoaded(q, ctxFor, (data, ctx) =>
    buildCompareSpec({
      id: def.id,
      metric: q.metric,
      rows: data.rows,
      groupBy: data.groupBy,
      kind: def.kind,
      ctx,
      title: def.title,
      subtitle: def.subtitle,
    }),
  );
}

function Chart({ def, filters }: { def: ChartDef; filters: Filters }) {
  const q = useMetric(def.metric, def.groupBy, filters);
  const ctxFor = useSpecContext();
  const spec = specFor(def, q, ctxFor);
  return <ChartCard title={def.title} state={q.state} spec={spec} takeaway={spec ? takeaway(spec) : undefined} />;
}

function JoinersLeavers({ filters }: { filters: Filters }) {
  const joiners = useMetric("joiners", ["year"], filters);
  const leavers = useMetric("leavers", ["year"], filters);
  const ctxFor = useSpecContext();
  const title = "Providers joining and leaving the register";
  const j = specFor(
    { id: "joiners", metric: "joiners", groupBy: ["year"], kind: "bar", title, subtitle: "" },
    joiners,
    ctxFor,
  );
  const l = specFor(
    { id: "leavers", metric: "leavers", groupBy: ["year"], kind: "bar", title, subtitle: "" },
    leavers,
    ctxFor,
  );
  const spec =
    j && l
      ? mergeSpecs(
          "joiners-leavers",
          title,
          "Providers registering and de-registering with Ofsted in the year to 31 March",
          [
            { spec: j, label: "Joiners", colour: "#0072B2" },
            { spec: l, label: "Leavers", colour: "#D55E00" },
          ],
        )
      : null;
  const state: QueryState = {
    isLoading: joiners.state.isLoading || leavers.state.isLoading,
    error: joiners.state.error ?? leavers.state.error,
    retry: () => {
      joiners.state.retry();
      leavers.state.retry();
    },
  };
  return <ChartCard title={title} state={state} spec={spec} takeaway={spec ? takeaway(spec) : undefined} />;
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
        {CHARTS.slice(0, 2).map((def) => (
          <Chart key={def.id} def={def} filters={filters} />
        ))}
      </div>
      <Chart def={CHARTS[2]!} filters={filters} />
      <div className="chart-grid">
        {CHARTS.slice(3, 5).map((def) => (
          <Chart key={def.id} def={def} filters={filters} />
        ))}
      </div>
      <JoinersLeavers filters={filters} />
      <div className="chart-grid">
        {CHARTS.slice(5).map((def) => (
          <Chart key={def.id} def={def} filters={filters} />
        ))}
      </div>
    </div>
  );
}
