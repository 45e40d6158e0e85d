/**
 * The council benchmark page's charts as pure functions of the API's answers: the council
 * among its statistical neighbours, its trend beside England, and the council among another
 * comparison group. The page and the server's chart export both build them here.
 */
import { COUNCILS, type Filters, formatValue, getMetric, type MetricDef } from "@lens/core";
import type { BenchmarkMetric, BenchmarkResult, CompareResult } from "./api-types.js";
import { buildBenchmarkSpec, buildTrendSpec } from "./benchmark.js";
import { buildCompareSpec, type SpecContext } from "./build-spec.js";
import type { ChartSpec, ReferenceLine } from "./chart-spec.js";
import { type ComparisonGroup, groupInWords, groupMembers, medianOf } from "./comparison-group.js";
import { councilName, filtersForMetric, filtersInWords, type ListFilterId, yearRangeOf } from "./filter-state.js";
import { compareInputFor } from "./recipe-inputs.js";
import { type BuildFacts, specContext } from "./recipe-spec.js";

/** The benchmark sets council and region itself: the reader's other filters apply. */
export function benchmarkFilters(filters: Filters): Filters {
  const { council: _council, region: _region, ...rest } = filters;
  return rest;
}

/** The benchmark procedure's input for one council and one measure. */
export function benchmarkInputFor(council: string, metric: string, filters: Filters) {
  return { council, metrics: [metric], filters: benchmarkFilters(filters) };
}

function metricOf(id: string): MetricDef {
  const metric = getMetric(id);
  if (!metric) throw new Error(`unknown metric '${id}'`);
  return metric;
}

/**
 * The neighbours chart and the trend (null when the council has no value in any year) from the
 * benchmark answer for one measure; the trend spans every year, the other filters still apply.
 */
export function benchmarkCharts(
  result: BenchmarkResult,
  metricId: string,
  filters: Filters,
  build: BuildFacts,
): { neighbours: ChartSpec; trend: ChartSpec | null; bm: BenchmarkMetric } | null {
  const bm = result.metrics.find((m) => m.metric === metricId);
  if (!bm) return null;
  const metric = metricOf(metricId);
  const own = benchmarkFilters(filters);
  const ignored = (bm.ignoredFilters ?? []).filter((d): d is ListFilterId => d !== "year");
  const place = `${councilName(result.council.laCode)}, its statistical neighbours, region and England`;
  const ctx: SpecContext = {
    isSample: build.isSample,
    builtAt: build.builtAt,
    filtersInWords: filtersInWords(own, ignored, place),
    yearRange: yearRangeOf(own),
  };
  const neighbours = buildBenchmarkSpec({ metric, result, bm, ctx });
  const trend =
    bm.trend.council.length > 0
      ? buildTrendSpec({
          metric,
          result,
          bm,
          ctx: { ...ctx, filtersInWords: filtersInWords({ ...own, from: undefined, to: undefined }, ignored, place) },
        })
      : null;
  return { neighbours, trend, bm };
}

/** The group's councils (the council first), and the compare input that draws them. */
export function groupChartInput(laCode: string, group: ComparisonGroup, metricId: string, filters: Filters) {
  const council = COUNCILS.find((c) => c.laCode === laCode);
  if (!council) throw new Error(`unknown council '${laCode}'`);
  const members = groupMembers(council, group);
  const metric = metricOf(metricId);
  const { applied, ignored } = filtersForMetric(metric, {
    ...benchmarkFilters(filters),
    council: [laCode, ...members],
  });
  return { council, members, applied, ignored, compare: compareInputFor(metricId, ["council"], applied) };
}

/**
 * The council among a region, council type or custom group: every member's value as ranked
 * bars (the council highlighted), with the group's median of its councils' values and England.
 */
export function buildGroupSpec(input: {
  laCode: string;
  group: ComparisonGroup;
  metricId: string;
  filters: Filters;
  compare: CompareResult;
  england: BenchmarkMetric["england"] | null;
  build: BuildFacts;
}): ChartSpec {
  const { laCode, group, compare, england } = input;
  const metric = metricOf(input.metricId);
  const { council, applied, ignored } = groupChartInput(laCode, group, input.metricId, input.filters);
  const title = `${metric.label}: ${council.name} and ${groupInWords(council, group)}`;
  const memberValues = compare.rows.filter((r) => r.dims.council !== laCode && !r.suppressed).map((r) => r.value);
  const median = medianOf(memberValues);
  const withValue = memberValues.filter((v) => v !== null).length;
  const referenceLines: ReferenceLine[] = [];
  if (england?.value != null) referenceLines.push({ value: england.value, label: "England", colour: "#1d1d1f" });
  if (median !== null) referenceLines.push({ value: median, label: "Group median", colour: "#6a3d9a" });
  const spec = buildCompareSpec({
    id: `benchmark-${metric.id}-${laCode}-${group.kind}`,
    metric,
    rows: compare.rows,
    answer: compare,
    groupBy: ["council"],
    kind: "bar",
    ctx: specContext(input.build, { applied, ignored }),
    title,
    subtitle: `${metric.unit}; dashed lines: the group's median and England`,
    sortByValue: true,
    horizontal: true,
    highlight: [council.name],
    referenceLines,
  });
  spec.highlightCouncil = { code: laCode, label: council.name };
  spec.without = undefined;
  spec.notes.unshift(
    `Group median: the median of the ${withValue} other councils' own values with a published value (${
      median === null ? "none" : formatValue(median, metric.format)
    }); England pools every council's rows${england?.value != null ? ` (${formatValue(england.value, metric.format)})` : ""}.`,
  );
  return spec;
}
