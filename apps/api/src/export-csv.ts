/**
 * exportCsv: the exact rows behind a compare, timeseries, distribution, scatter, benchmark,
 * ledger-payments or search view, or behind one dashboard chart (export-chart.ts), as CSV
 * with source, licence and selection lines. Each export calls the view's own procedure
 * through a server-side caller (same path, same validated input, so the same cache entry), so the file
 * holds the numbers the chart was drawn from — never a second, possibly different, query.
 *
 * The flattening functions are pure and unit-tested; cells are written by `toCsv` from
 * packages/queries, which neutralises spreadsheet formulas.
 */
import { getMetric, type MetricDef } from "@lens/core";
import {
  type AreaValue,
  aboutLines,
  type BenchmarkResult,
  benchmarkInput,
  type CompareResult,
  type CsvColumn,
  compareInput,
  csvRows,
  type DistributionResult,
  distributionInput,
  type LedgerPaymentsResult,
  ledgerPaymentsInput,
  MAX_PAGE_SIZE,
  type Page,
  type ScatterResult,
  scatterInput,
  searchContractsInput,
  searchProvidersInput,
  timeseriesInput,
  toCsv,
} from "@lens/queries";
import { z } from "zod";
import { answerNotes, filtersText, flattenMetricRows, sourceText } from "./data-api/csv.js";
import { contributingSources, licenceOf, SAMPLE_NOTICE, type SourceSummary, sourcesFor } from "./data-api/describe.js";
import { chartViewInput, exportChart } from "./export-chart.js";
import { queryCaller } from "./query-procedures.js";
import type { Context } from "./trpc.js";

/** Most rows one search export may hold (pages of MAX_PAGE_SIZE fetched in turn). */
export const MAX_SEARCH_EXPORT_ROWS = 5000;

const searchScope = z.enum(["page", "all"]).default("page");

/**
 * How the file carries what it says about its rows: "comments", as `# ` lines before the header
 * (for scripts that skip them); "spreadsheet" and "plain", not in the file at all (a `#` line
 * breaks spreadsheets and most CSV readers) but in `about`, for an about file beside it, the
 * spreadsheet one with a byte-order mark. The page's downloads can ask for either.
 */
const layout = { layout: z.enum(["comments", "spreadsheet", "plain"]).default("comments") };

export const exportCsvInput = z.discriminatedUnion("view", [
  z.object({ view: z.literal("compare"), input: compareInput, ...layout }),
  z.object({ view: z.literal("timeseries"), input: timeseriesInput, ...layout }),
  z.object({ view: z.literal("distribution"), input: distributionInput, ...layout }),
  z.object({ view: z.literal("scatter"), input: scatterInput, ...layout }),
  z.object({ view: z.literal("benchmark"), input: benchmarkInput, ...layout }),
  z.object({ view: z.literal("ledgerPayments"), input: ledgerPaymentsInput, ...layout }),
  z.object({ view: z.literal("contracts"), input: searchContractsInput, scope: searchScope, ...layout }),
  z.object({ view: z.literal("providers"), input: searchProvidersInput, scope: searchScope, ...layout }),
  // A dashboard chart's own table (its labelled columns), as the page's Download CSV writes it.
  z.object(chartViewInput),
]);
export type ExportCsvInput = z.input<typeof exportCsvInput>;
/** The views whose rows are a procedure's answer flattened here (the chart view has its own module). */
type ParsedExport = Exclude<z.output<typeof exportCsvInput>, { view: "chart" }>;

export interface CsvExport {
  filename: string;
  csv: string;
  /** Source, licence and notes, one line each (inside `csv` as `# ` lines only in the "comments" layout). */
  about: string[];
  rows: number;
  /** True when a search export stopped at MAX_SEARCH_EXPORT_ROWS. */
  truncated: boolean;
}

type Row = Record<string, unknown>;

const columnsOf = (keys: readonly string[]): CsvColumn[] => keys.map((key) => ({ key, label: key }));

const BENCHMARK_COLUMNS = [
  "metric",
  "area_type",
  "area_code",
  "area_name",
  "year",
  "value",
  "numerator",
  "denominator",
  "n",
  "suppressed",
  "rank",
  "rank_of",
  "quartile",
  "target",
  "gap_to_target",
] as const;

/** benchmark: one row per metric × area (council, each neighbour, neighbours pooled, region, England), then the trends. */
export function flattenBenchmark(result: BenchmarkResult): { columns: CsvColumn[]; rows: Row[] } {
  const rows: Row[] = [];
  const area = (metric: string, type: string, code: string | null, name: string | null, v: AreaValue | null): Row => ({
    metric,
    area_type: type,
    area_code: code,
    area_name: name,
    year: null,
    value: v?.value ?? null,
    numerator: v?.numerator ?? null,
    denominator: v?.denominator ?? null,
    n: v?.n ?? 0,
    suppressed: v?.suppressed ?? null,
  });
  for (const m of result.metrics) {
    rows.push({
      ...area(m.metric, "council", result.council.laCode, result.council.name, m.council),
      rank: m.rank,
      rank_of: m.rankOf,
      quartile: m.quartile,
      target: m.target?.value ?? null,
      gap_to_target: m.target?.gap ?? null,
    });
    for (const nb of m.neighbours)
      rows.push({ ...area(m.metric, "neighbour", nb.laCode, nb.name, nb.value), rank: nb.rank });
    rows.push(area(m.metric, "neighbours pooled", null, "Statistical neighbours", m.neighbourAverage));
    rows.push(area(m.metric, "region", null, result.council.region, m.region));
    rows.push(area(m.metric, "england", null, "England", m.england));
    for (const [type, code, name, points] of [
      ["council trend", result.council.laCode, result.council.name, m.trend.council],
      ["england trend", null, "England", m.trend.england],
    ] as const)
      for (const p of points)
        rows.push({
          metric: m.metric,
          area_type: type,
          area_code: code,
          area_name: name,
          year: p.year,
          value: p.value,
          n: p.n,
          suppressed: p.suppressed,
        });
  }
  return { columns: columnsOf(BENCHMARK_COLUMNS), rows };
}

const DISTRIBUTION_COLUMNS = [
  "n",
  "suppressed",
  "min",
  "whisker_low",
  "q1",
  "median",
  "q3",
  "whisker_high",
  "max",
  "outliers",
] as const;

/** distribution: one row per group (box), the group's key first; a suppressed group's numbers stay empty. */
export function flattenDistribution(result: DistributionResult): { columns: CsvColumn[]; rows: Row[] } {
  const dim = result.groupBy;
  return {
    columns: columnsOf([...(dim ? [dim] : []), ...DISTRIBUTION_COLUMNS]),
    rows: result.groups.map((g) => ({
      ...(dim ? { [dim]: g.key } : {}),
      n: g.n,
      suppressed: g.suppressed,
      min: g.min,
      whisker_low: g.whiskerLow,
      q1: g.q1,
      median: g.median,
      q3: g.q3,
      whisker_high: g.whiskerHigh,
      max: g.max,
      outliers: g.outlierCount,
    })),
  };
}

/** scatter: one row per council, each axis's value (empty when suppressed), n and suppression. */
export function flattenScatter(result: ScatterResult): { columns: CsvColumn[]; rows: Row[] } {
  const keys = [
    "la_code",
    "council",
    "region",
    "x_metric",
    "x",
    "x_n",
    "x_suppressed",
    "y_metric",
    "y",
    "y_n",
    "y_suppressed",
  ];
  return {
    columns: columnsOf(keys),
    rows: result.points.map((p) => ({
      la_code: p.laCode,
      council: p.name,
      region: p.region,
      x_metric: result.x,
      x: p.xSuppressed ? null : p.x,
      x_n: p.xN,
      x_suppressed: p.xSuppressed,
      y_metric: result.y,
      y: p.ySuppressed ? null : p.y,
      y_n: p.yN,
      y_suppressed: p.ySuppressed,
    })),
  };
}

const LEDGER_COLUMNS = [
  "la_code",
  "council",
  "source",
  "year",
  "months",
  "children_gbp",
  "children_lines",
  "placement_gbp",
  "placement_lines",
  "known_ownership_gbp",
  "known_ownership_lines",
  "for_profit_gbp",
  "redacted_gbp",
  "for_profit_share",
  "s251_total_gbp",
  "s251_placement_gbp",
  "s251_private_placement_gbp",
  "s251_private_share",
  "s251_coverage",
  "panel_cla_total_gbp",
  "panel_private_gbp",
  "panel_private_share",
  "panel_coverage",
] as const;

/** ledgerPayments: one row per council × financial year, the ledger's totals beside the s251 and panel figures. */
export function flattenLedgerPayments(result: LedgerPaymentsResult): { columns: CsvColumn[]; rows: Row[] } {
  return {
    columns: columnsOf(LEDGER_COLUMNS),
    rows: result.councilYears.map((y) => ({
      la_code: y.laCode,
      council: y.name,
      source: y.source,
      year: y.year,
      months: y.months,
      children_gbp: y.childrenGbp,
      children_lines: y.childrenLines,
      placement_gbp: y.placementGbp,
      placement_lines: y.placementLines,
      known_ownership_gbp: y.knownOwnershipGbp,
      known_ownership_lines: y.knownOwnershipLines,
      for_profit_gbp: y.forProfitGbp,
      redacted_gbp: y.redactedGbp,
      for_profit_share: y.forProfitShare,
      s251_total_gbp: y.s251?.totalGbp ?? null,
      s251_placement_gbp: y.s251?.placementGbp ?? null,
      s251_private_placement_gbp: y.s251?.privatePlacementGbp ?? null,
      s251_private_share: y.s251?.privateShare ?? null,
      s251_coverage: y.s251?.coverage ?? null,
      panel_cla_total_gbp: y.panel?.claTotalGbp ?? null,
      panel_private_gbp: y.panel?.privateGbp ?? null,
      panel_private_share: y.panel?.privateShare ?? null,
      panel_coverage: y.panel?.coverage ?? null,
    })),
  };
}

/** Search rows as returned (every field, including the source link), columns in the row's own order. */
export function flattenSearchRows(rows: readonly object[]): { columns: CsvColumn[]; rows: Row[] } {
  const first = rows[0];
  return { columns: columnsOf(first ? Object.keys(first) : []), rows: rows as Row[] };
}

function metricsOf(parsed: ParsedExport): MetricDef[] {
  const ids = (() => {
    switch (parsed.view) {
      case "compare":
      case "timeseries":
      case "distribution":
        return [parsed.input.metric];
      case "scatter":
        return [parsed.input.y, parsed.input.x];
      case "benchmark":
        return parsed.input.metrics;
      case "ledgerPayments":
        return [];
      case "contracts":
      case "providers":
        return [parsed.view];
    }
  })();
  return ids.map((id) => getMetric(id)).filter((m): m is MetricDef => m !== undefined);
}

/** Pages through a search (each page through the cache, like the view) up to the export cap. */
async function allPages<T extends object>(
  fetchPage: (page: number) => Promise<Page<T>>,
  first: number,
  scope: "page" | "all",
): Promise<{ rows: T[]; truncated: boolean }> {
  const start = await fetchPage(first);
  if (scope === "page") return { rows: start.rows, truncated: false };
  const rows = [...start.rows];
  for (let page = first + 1; page <= start.pages && rows.length < MAX_SEARCH_EXPORT_ROWS; page++)
    rows.push(...(await fetchPage(page)).rows);
  const total = start.total - (first - 1) * start.pageSize;
  return { rows: rows.slice(0, MAX_SEARCH_EXPORT_ROWS), truncated: total > MAX_SEARCH_EXPORT_ROWS };
}

interface ViewRows {
  columns: CsvColumn[];
  rows: Row[];
  truncated: boolean;
  /** For metric views: lines about the rows (concentration, adjustment, caveats) and exactly the sources behind them. */
  answer?: { notes: string[]; sources: SourceSummary[] };
}

type Contributed = { id: string; label: string; rows: number };

/** The sources behind several answers (axes, measures), a source behind more than one listed once, where it first appears. */
function firstOfEach(lists: readonly (readonly Contributed[])[]): Contributed[] {
  const seen = new Map<string, Contributed>();
  for (const list of lists) for (const source of list) if (!seen.has(source.id)) seen.set(source.id, source);
  return [...seen.values()];
}

async function viewRows(ctx: Context, parsed: ParsedExport): Promise<ViewRows> {
  // Through the procedures, so each export reads the view's own cache entry.
  const call = queryCaller(ctx);
  switch (parsed.view) {
    case "compare": {
      const input = parsed.input;
      const r: CompareResult = await call.metrics.compare(input);
      const answer = { notes: answerNotes(r), sources: contributingSources(r.sources, ctx.warehouse.info) };
      return { ...flattenMetricRows(r.groupBy, r.rows), truncated: false, answer };
    }
    case "timeseries": {
      const input = parsed.input;
      const r = await call.metrics.timeseries(input);
      const dims = [...r.seriesBy, "year"];
      const answer = { notes: answerNotes(r), sources: contributingSources(r.sources, ctx.warehouse.info) };
      return { ...flattenMetricRows(dims, r.rows), truncated: false, answer };
    }
    case "distribution": {
      const r = await call.metrics.distribution(parsed.input);
      return { ...flattenDistribution(r), truncated: false };
    }
    case "scatter": {
      const r = await call.metrics.scatter(parsed.input);
      // Each axis's contributors, named by axis; a source behind both is listed once.
      const notes = [
        ...(r.pearson === null
          ? []
          : [`Pearson r across the ${r.pairs} councils with both values: ${r.pearson}; a description, not a cause.`]),
        ...(["x", "y"] as const).flatMap((axis) =>
          answerNotes({ ...r.answers[axis], rows: [] }).map((n) => `${axis} (${r[axis]}): ${n}`),
        ),
      ];
      const sources = firstOfEach([r.answers.y.sources, r.answers.x.sources]);
      const answer = { notes, sources: contributingSources(sources, ctx.warehouse.info) };
      return { ...flattenScatter(r), truncated: false, answer };
    }
    case "ledgerPayments": {
      const r = await call.ledgerPayments(parsed.input);
      const rowsOf = (id: string) => r.councilYears.filter((y) => y.source === id).length;
      const contributed = r.sources.map((id) => ({ id, label: id, rows: rowsOf(id) }));
      const answer = { notes: [], sources: contributingSources(contributed, ctx.warehouse.info) };
      return { ...flattenLedgerPayments(r), truncated: false, answer };
    }
    case "benchmark": {
      const input = parsed.input;
      const r = await call.benchmark(input);
      // Each measure's contributors, named by measure; a source behind several measures is listed once.
      const notes = r.metrics.flatMap((m) => answerNotes({ ...m, rows: [] }).map((n) => `${m.metric}: ${n}`));
      const sources = firstOfEach(r.metrics.map((m) => m.sources));
      const answer = { notes, sources: contributingSources(sources, ctx.warehouse.info) };
      return { ...flattenBenchmark(r), truncated: false, answer };
    }
    case "contracts": {
      const base = parsed.input;
      const pageSize = parsed.scope === "all" ? MAX_PAGE_SIZE : base.pageSize;
      const { rows, truncated } = await allPages(
        (page) => call.contracts.search({ ...base, page, pageSize }),
        parsed.scope === "all" ? 1 : base.page,
        parsed.scope,
      );
      return { ...flattenSearchRows(rows), truncated };
    }
    case "providers": {
      const base = parsed.input;
      const pageSize = parsed.scope === "all" ? MAX_PAGE_SIZE : base.pageSize;
      const { rows, truncated } = await allPages(
        (page) => call.providers.search({ ...base, page, pageSize }),
        parsed.scope === "all" ? 1 : base.page,
        parsed.scope,
      );
      return { ...flattenSearchRows(rows), truncated };
    }
  }
}

export async function exportCsv(ctx: Context, input: z.output<typeof exportCsvInput>): Promise<CsvExport> {
  if (input.view === "chart") return exportChart(ctx, input);
  const parsed: ParsedExport = input;
  const { columns, rows, truncated, answer } = await viewRows(ctx, parsed);
  const info = ctx.warehouse.info;
  const metrics = metricsOf(parsed);
  const sources = answer?.sources ?? [
    ...new Map(metrics.flatMap((m) => sourcesFor(m, info)).map((s) => [s.id, s])).values(),
  ];
  const label = (() => {
    switch (parsed.view) {
      case "compare":
      case "timeseries":
      case "distribution":
        return `${parsed.input.metric}-${parsed.view}`;
      case "scatter":
        return `${parsed.input.y}-by-${parsed.input.x}`;
      case "benchmark":
        return `benchmark-${parsed.input.council}`;
      case "ledgerPayments":
        return `ledger-payments-${parsed.input.council ?? "all"}`;
      case "contracts":
      case "providers":
        return `${parsed.view}-search`;
    }
  })();
  const selection =
    parsed.view === "ledgerPayments"
      ? `Council: ${parsed.input.council ?? "the four ledger councils"}`
      : `Filters: ${filtersText(parsed.input.filters)}`;
  const meta = {
    source: sourceText(sources),
    licence: licenceOf(sources),
    notes: [
      ...(info.isSample ? [SAMPLE_NOTICE] : []),
      ...metrics.map((m) => `Metric: ${m.label} (${m.id}). ${m.definition}`),
      `View: ${parsed.view}. ${selection}`,
      ...(answer?.notes ?? []),
      `Built: ${info.builtAt ?? "unknown"}.`,
      ...(truncated ? [`Truncated at ${MAX_SEARCH_EXPORT_ROWS} rows: narrow the search for the rest.`] : []),
    ],
  };
  const csv =
    parsed.layout === "comments"
      ? toCsv(rows, columns, meta)
      : csvRows(rows, columns, { bom: parsed.layout === "spreadsheet" });
  return { filename: `lens-${label}.csv`, csv, about: aboutLines(meta), rows: rows.length, truncated };
}
