/**
 * exportCsv: the exact rows behind a compare, timeseries, benchmark or search view, as CSV
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
  MAX_PAGE_SIZE,
  type Page,
  searchContractsInput,
  searchProvidersInput,
  timeseriesInput,
  toCsv,
} from "@lens/queries";
import { z } from "zod";
import { answerNotes, filtersText, flattenMetricRows, sourceText } from "./data-api/csv.js";
import { contributingSources, licenceOf, SAMPLE_NOTICE, type SourceSummary, sourcesFor } from "./data-api/describe.js";
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
  z.object({ view: z.literal("benchmark"), input: benchmarkInput, ...layout }),
  z.object({ view: z.literal("contracts"), input: searchContractsInput, scope: searchScope, ...layout }),
  z.object({ view: z.literal("providers"), input: searchProvidersInput, scope: searchScope, ...layout }),
]);
export type ExportCsvInput = z.input<typeof exportCsvInput>;
type ParsedExport = z.output<typeof exportCsvInput>;

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

/** Search rows as returned (every field, including the source link), columns in the row's own order. */
export function flattenSearchRows(rows: readonly object[]): { columns: CsvColumn[]; rows: Row[] } {
  const first = rows[0];
  return { columns: columnsOf(first ? Object.keys(first) : []), rows: rows as Row[] };
}

function metricsOf(parsed: ParsedExport): MetricDef[] {
  const ids =
    parsed.view === "compare" || parsed.view === "timeseries"
      ? [parsed.input.metric]
      : parsed.view === "benchmark"
        ? parsed.input.metrics
        : parsed.view === "contracts"
          ? ["contracts"]
          : ["providers"];
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
    case "benchmark": {
      const input = parsed.input;
      const r = await call.benchmark(input);
      // Each measure's contributors, named by measure; a source behind several measures is listed once.
      const notes = r.metrics.flatMap((m) => answerNotes({ ...m, rows: [] }).map((n) => `${m.metric}: ${n}`));
      const seen = new Map<string, { id: string; label: string; rows: number }>();
      for (const m of r.metrics) for (const s of m.sources) if (!seen.has(s.id)) seen.set(s.id, s);
      const answer = { notes, sources: contributingSources([...seen.values()], ctx.warehouse.info) };
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

export async function exportCsv(ctx: Context, parsed: ParsedExport): Promise<CsvExport> {
  const { columns, rows, truncated, answer } = await viewRows(ctx, parsed);
  const info = ctx.warehouse.info;
  const metrics = metricsOf(parsed);
  const sources = answer?.sources ?? [
    ...new Map(metrics.flatMap((m) => sourcesFor(m, info)).map((s) => [s.id, s])).values(),
  ];
  const label =
    parsed.view === "compare" || parsed.view === "timeseries"
      ? `${parsed.input.metric}-${parsed.view}`
      : parsed.view === "benchmark"
        ? `benchmark-${parsed.input.council}`
        : `${parsed.view}-search`;
  const meta = {
    source: sourceText(sources),
    licence: licenceOf(sources),
    notes: [
      ...(info.isSample ? [SAMPLE_NOTICE] : []),
      ...metrics.map((m) => `Metric: ${m.label} (${m.id}). ${m.definition}`),
      `View: ${parsed.view}. Filters: ${filtersText(parsed.input.filters)}`,
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
