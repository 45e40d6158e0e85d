/**
 * The requests of the load benchmark: what the dashboard's pages ask for when someone opens
 * them (apps/web/src/pages and packages/charts/src/chart-recipes.ts), plus the public data API, health and
 * static files. Inputs are typed by the query functions' own input types, so a schema change
 * that would make these requests stale fails the bench's typecheck rather than its numbers.
 */
import { COUNCILS } from "@lens/core";
import type {
  BenchmarkInput,
  CompareInput,
  CouncilIlacsInput,
  DistributionInput,
  FilterOptionsInput,
  ScatterInput,
  SearchContractsInput,
  SearchProvidersInput,
} from "@lens/queries";

export interface MixEntry {
  /** Which page or client makes the request, for the report. */
  group: string;
  path: string;
}

interface Procedures {
  "metrics.compare": CompareInput;
  "metrics.distribution": DistributionInput;
  "metrics.scatter": ScatterInput;
  benchmark: BenchmarkInput;
  councilIlacs: CouncilIlacsInput;
  "contracts.search": SearchContractsInput;
  "providers.search": SearchProvidersInput;
  "meta.filterOptions": FilterOptionsInput;
  "meta.build": undefined;
  "meta.sources": undefined;
  "meta.rules": undefined;
  "meta.catalogue": undefined;
}
type Call = { [P in keyof Procedures]: [P, Procedures[P]] }[keyof Procedures];

/** A tRPC GET as the web app's httpBatchLink sends it: one request for the calls a page makes together. */
function trpcBatch(calls: readonly Call[]): string {
  const input: Record<string, unknown> = {};
  calls.forEach(([, value], i) => {
    if (value !== undefined) input[String(i)] = value;
  });
  return `/api/trpc/${calls.map(([name]) => name).join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
}

/** A single tRPC GET (how scripts and the API benchmark call a procedure). */
function trpcCall([name, value]: Call): string {
  return value === undefined
    ? `/api/trpc/${name}`
    : `/api/trpc/${name}?input=${encodeURIComponent(JSON.stringify(value))}`;
}

const OVERVIEW: Call[] = [
  ["meta.build", undefined],
  ["metrics.compare", { metric: "contracts", groupBy: ["model"], filters: {} }],
  ["metrics.compare", { metric: "contracts", groupBy: [], filters: {} }],
  ["metrics.distribution", { metric: "median_annual_value", groupBy: "model", filters: {} }],
  ["metrics.distribution", { metric: "median_duration_months", groupBy: "model", filters: {} }],
  ["metrics.compare", { metric: "share_36_months", groupBy: ["model"], filters: {} }],
  ["metrics.compare", { metric: "procedure_mix", groupBy: ["model"], filters: {} }],
  ["metrics.compare", { metric: "homes_good_outstanding", groupBy: ["year", "sector"], filters: {} }],
];

const EXPLORE: Call[] = [
  ["metrics.compare", { metric: "share_36_months", groupBy: ["council"], filters: {} }],
  ["metrics.compare", { metric: "median_duration_months", groupBy: ["year", "model"], filters: {} }],
  ["metrics.compare", { metric: "single_tenderer_share", groupBy: ["region"], filters: { model: ["market-led"] } }],
  ["metrics.compare", { metric: "vcse_share", groupBy: ["model"], filters: { from: 2018, to: 2024 } }],
  ["metrics.distribution", { metric: "median_annual_value", groupBy: "region", filters: {} }],
  ["metrics.scatter", { x: "share_36_months", y: "single_tenderer_share", filters: {} }],
];

const QUALITY: Call[] = [
  ["meta.filterOptions", { table: "provider_snapshots" }],
  ["metrics.compare", { metric: "providers", groupBy: ["year", "sector"], filters: {} }],
  ["metrics.compare", { metric: "places", groupBy: ["year", "sector"], filters: {} }],
  ["metrics.compare", { metric: "homes_rating_mix", groupBy: ["year"], filters: {} }],
];

const BENCHMARK_METRICS = [
  "share_36_months",
  "median_duration_months",
  "median_annual_value",
  "single_tenderer_share",
  "vcse_share",
  "retender_within_3y",
  "homes_good_outstanding",
  "spend_share_for_profit",
  "placement_spend_per_cla",
] as const;

/** Every 8th council: enough distinct answers that the query cache is not the whole story. */
const BENCHMARK_COUNCILS = COUNCILS.filter((_, i) => i % 8 === 0).map((c) => c.laCode);

const SEARCHES: SearchContractsInput[] = [
  { page: 1, pageSize: 25, sort: "award_date", dir: "desc", filters: {} },
  { q: "foster", page: 1, pageSize: 25, sort: "value", dir: "desc", filters: {} },
  { q: "residential", page: 2, pageSize: 25, sort: "award_date", dir: "desc", filters: {} },
  { q: "support", page: 1, pageSize: 25, sort: "buyer", dir: "asc", filters: { model: ["cooperative"] } },
];

/** The JS entry the built index.html loads (its name carries a content hash). */
export function entryScript(indexHtml: string): string | null {
  return /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(indexHtml)?.[1] ?? null;
}

export function loadMix(indexHtml: string): MixEntry[] {
  const script = entryScript(indexHtml);
  const mix: MixEntry[] = [
    { group: "static", path: "/" },
    { group: "static", path: "/explore" },
    ...(script ? [{ group: "static", path: script }] : []),
    { group: "health", path: "/api/health" },
    { group: "overview", path: trpcBatch(OVERVIEW) },
    ...OVERVIEW.map((call) => ({ group: "overview", path: trpcCall(call) })),
    ...EXPLORE.map((call) => ({ group: "explore", path: trpcCall(call) })),
    { group: "quality", path: trpcBatch(QUALITY) },
    ...BENCHMARK_COUNCILS.flatMap((council) => [
      {
        group: "benchmark",
        path: trpcBatch([
          ["benchmark", { council, metrics: [BENCHMARK_METRICS[0]], filters: {} }],
          ["benchmark", { council, metrics: [...BENCHMARK_METRICS], filters: {} }],
          ["councilIlacs", { council }],
        ]),
      },
    ]),
    ...SEARCHES.map((input) => ({ group: "contracts", path: trpcCall(["contracts.search", input]) })),
    {
      group: "providers",
      path: trpcCall(["providers.search", { page: 1, pageSize: 25, sort: "places", snapshot: "latest", filters: {} }]),
    },
    {
      group: "sources",
      path: trpcBatch([
        ["meta.sources", undefined],
        ["meta.rules", undefined],
      ]),
    },
    { group: "data API", path: "/api/v1/metrics/share_36_months?groupBy=model,year" },
    { group: "data API", path: "/api/v1/metrics/homes_good_outstanding?groupBy=sector&format=csv" },
    { group: "data API", path: "/api/v1/councils" },
  ];
  return mix;
}
