/**
 * Council benchmark shaping: the API's benchmark result (council, ten statistical neighbours,
 * region, England, rank, quartile, trend, gap to target) → specs and sentences.
 */
import { formatCount, labelForValue, type MetricDef } from "@lens/core";
import { answerParts } from "./answer-spec.js";
import type { BenchmarkMetric, BenchmarkResult, CompareRow, ComparisonAnswer } from "./api-types.js";
import { buildCompareSpec, fillYears, nounFor, SMALL_N, type SpecContext, vintageOf } from "./build-spec.js";
import type { ChartSpec, ChartTable, ReferenceLine, Series } from "./chart-spec.js";
import { summariseSpec } from "./sentences.js";
import { THEME } from "./theme.js";

type AreaValue = BenchmarkMetric["england"];
type TrendPoint = BenchmarkMetric["trend"]["council"][number];

export interface RankResult {
  rank: number;
  /** Councils with a published value. */
  of: number;
  /** 1 = best quarter (or highest, for neutral measures). */
  quartile: 1 | 2 | 3 | 4;
  value: number;
}

/** The API's rank for a benchmarked metric, or null when the council's value is missing or suppressed. */
export function rankOf(bm: BenchmarkMetric): RankResult | null {
  if (bm.rank === null || bm.quartile === null || !bm.council || bm.council.value === null) return null;
  return { rank: bm.rank, of: bm.rankOf, quartile: bm.quartile, value: bm.council.value };
}

const row = (code: string, v: AreaValue | null): CompareRow => ({
  dims: { council: code },
  ...(v ?? {
    value: null,
    numerator: null,
    denominator: null,
    n: 0,
    total: 0,
    coverage: null,
    suppressed: false,
    ciLow: null,
    ciHigh: null,
    q1: null,
    q3: null,
  }),
});

export interface BenchmarkSpecInput {
  metric: MetricDef;
  result: BenchmarkResult;
  bm: BenchmarkMetric;
  ctx: SpecContext;
}

/**
 * What the benchmark says about its rows, as a compare answer does: the concentration sentence
 * and exactly the contributing sources. Nothing is adjusted on a benchmark.
 */
export function benchmarkAnswer(bm: BenchmarkMetric): ComparisonAnswer {
  return {
    adjustedFor: [],
    concentration: bm.concentration,
    sentence: bm.sentence,
    sources: bm.sources,
    implausible: bm.implausible,
    caveats: bm.caveats,
  };
}

/**
 * A benchmark's specs carry the sentence and the sources but no "Show without …": the page's
 * filters fix the council and its neighbours, so leaving one of them out is not offered here.
 */
function withAnswer(spec: ChartSpec): ChartSpec {
  spec.without = undefined;
  return spec;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Ranked bars of the council and its ten statistical neighbours, with region and England lines. */
export function buildBenchmarkSpec({ metric, result, bm, ctx }: BenchmarkSpecInput): ChartSpec {
  const { council } = result;
  const rows = [row(council.laCode, bm.council), ...bm.neighbours.map((n) => row(n.laCode, n.value))];
  const referenceLines: ReferenceLine[] = [];
  if (bm.england?.value != null) referenceLines.push({ value: bm.england.value, label: "England", colour: THEME.ink });
  if (bm.region?.value != null)
    referenceLines.push({ value: bm.region.value, label: council.region, colour: THEME.region });
  const spec = buildCompareSpec({
    id: `benchmark-${metric.id}-${council.laCode}`,
    metric,
    rows,
    answer: benchmarkAnswer(bm),
    groupBy: ["council"],
    kind: "bar",
    ctx,
    title: `${metric.label}: ${council.name} and its statistical neighbours`,
    subtitle: `${capitalise(metric.unit)}; dashed lines: ${council.region} and England`,
    sortByValue: true,
    horizontal: true,
    highlight: [labelForValue("council", council.laCode)],
    referenceLines,
  });
  spec.notes.unshift(
    "Statistical neighbours: the ten councils DfE judges most similar to this one. Region and England values pool all their rows.",
  );
  return withAnswer(spec);
}

/**
 * The council's and England's values by year → a two-line trend, built from the trend points
 * themselves: one line per area (the council in the highlight colour, on top; England in ink), every
 * year between the first and last a category, suppressed years gaps. The table has one row per
 * area and year with a point.
 */
export function buildTrendSpec({ metric, result, bm, ctx }: BenchmarkSpecInput): ChartSpec {
  const areas = [
    { key: "council", label: result.council.name, colour: THEME.highlight, points: bm.trend.council },
    { key: "england", label: "England", colour: THEME.ink, points: bm.trend.england },
  ];
  const years = fillYears(areas.flatMap((a) => a.points.map((p) => p.year))).filter((y): y is number => y !== null);
  const rateLike = metric.kind !== "count" && metric.kind !== "amount";
  // England is drawn first so the council's line lies on top where the two meet.
  const series: Series[] = [...areas].reverse().map((a) => {
    const at = years.map((y) => a.points.find((p) => p.year === y));
    return {
      key: a.key,
      label: a.label,
      colour: a.colour,
      values: at.map((p) => (p && !p.suppressed ? p.value : null)),
      n: at.map((p) => p?.n ?? 0),
      suppressed: at.map((p) => p?.suppressed ?? false),
      smallN: at.map((p) => rateLike && !!p && !p.suppressed && p.n < SMALL_N),
    };
  });
  const rows: ChartTable["rows"] = areas.flatMap((a) =>
    a.points.map((p) => ({
      year: p.year,
      area: a.label,
      value: p.suppressed ? null : p.value,
      n: p.n,
      suppressed: p.suppressed,
    })),
  );
  const noun = nounFor(metric);
  const parts = answerParts(metric, benchmarkAnswer(bm), ctx.isSample, noun);
  const total = (points: readonly TrendPoint[]) => formatCount(points.reduce((a, p) => a + p.n, 0));
  const notes = [...parts.notes, ...metric.caveats];
  if (series.some((s) => s.smallN?.some(Boolean)))
    notes.push(`Hollow points rest on fewer than ${SMALL_N} ${noun}: read them with care.`);
  if (series.some((s) => s.suppressed?.some(Boolean)))
    notes.push(
      `Years with fewer than ${metric.minN} ${noun} are suppressed: shown as gaps in the line, never as zero.`,
    );
  const spec: ChartSpec = {
    id: `benchmark-trend-${metric.id}-${result.council.laCode}`,
    kind: "line",
    title: `${metric.label}: ${result.council.name} and England over time`,
    subtitle: `${capitalise(metric.unit)}, by year (all years, other filters kept)`,
    filtersInWords: ctx.filtersInWords,
    format: metric.format,
    xLabel: "Year",
    yLabel: metric.shortLabel,
    categories: years.map(String),
    series,
    referenceLines:
      metric.target && metric.format !== "percent"
        ? [{ value: metric.target.value, label: metric.target.label }]
        : undefined,
    notes,
    source: parts.source,
    licence: parts.licence,
    vintage: vintageOf(ctx.builtAt),
    n: `n = ${total(bm.trend.council)} ${noun} in ${result.council.name}; ${total(bm.trend.england)} in England`,
    summary: "",
    yearRange: ctx.yearRange,
    table: {
      columns: [
        { key: "year", label: "Year" },
        { key: "area", label: "Area" },
        { key: "value", label: metric.shortLabel, format: metric.format },
        { key: "n", label: "n", format: "integer" },
        { key: "suppressed", label: "Suppressed" },
      ],
      rows,
    },
    isSample: ctx.isSample,
    yDomain: metric.format === "percent" ? [0, 1] : undefined,
    disclosures: parts.disclosures.length > 0 ? parts.disclosures : undefined,
  };
  spec.summary = summariseSpec(spec);
  return spec;
}

// The words a benchmark page says live with every other generated sentence.
export { askDistanceInWords, ordinal, quartileName, rankInWords } from "./sentences.js";
