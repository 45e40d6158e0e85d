/**
 * Pure shaping: API rows → ChartSpec. Nothing here computes a metric; it orders, labels and
 * colours the values the API returned, writes the table behind the chart, and words a
 * one-sentence summary from those same values. Suppressed groups stay null (a gap, never 0).
 */
import {
  DIMENSIONS,
  type DimensionId,
  formatCount,
  formatDate,
  formatValue,
  labelForValue,
  type MetricDef,
  RATING_INFO,
} from "@lens/core";
import {
  AS_RECORDED,
  adjustedCells,
  adjustedColumns,
  adjustedSeries,
  answerParts,
  comparisonWords,
  isAdjusted,
  notAdjustedNote,
  RECORDED_COLOUR,
  recordedOnlyNote,
} from "./answer-spec.js";
import type { AnsweredRow, CompareRow, ComparisonAnswer, DistributionGroup, ScatterApiPoint } from "./api-types.js";
import type { BoxStat, ChartKind, ChartSpec, ChartTable, ReferenceLine, Series } from "./chart-spec.js";
import { summariseSpec } from "./sentences.js";
import { answerLicence, answerSourceLine, licenceLine, sourceLine, sourcesFor } from "./source-line.js";
import { PALETTE, THEME } from "./theme.js";
import { rankedDomain } from "./value-domain.js";
import { likeForLikeLabel, mixInWords } from "./words/like-for-like.js";

/** Below this many rows a value is shown but flagged as resting on few cases. */
export const SMALL_N = 30;

export interface SpecContext {
  isSample: boolean;
  builtAt: string | null;
  filtersInWords: string;
  yearRange?: [number, number];
}

export function nounFor(metric: MetricDef): string {
  if (metric.rowNoun) return metric.rowNoun;
  switch (metric.table) {
    case "contracts":
      return "contracts";
    case "provider_snapshots":
    case "joiners_leavers":
      return "providers";
    case "spend":
      return "spend lines";
    case "council_indicators":
      return "published figures";
  }
}

/** What the compared groups are, plural, for the words under a comparison ("models", "sectors"). */
export function groupNounFor(dimension: DimensionId): string {
  if (dimension === "model") return "models";
  if (dimension === "sector") return "sectors";
  return "groups";
}

export function colourFor(dimension: DimensionId, value: string | number | null, index: number): string {
  if (value === null) return "#8C8C8C";
  if (dimension === "rating") return RATING_INFO[value as keyof typeof RATING_INFO]?.colour ?? "#8C8C8C";
  return DIMENSIONS[dimension].colours?.[String(value)] ?? PALETTE[index % PALETTE.length]!;
}

/** Vocabulary order when the dimension has one, years ascending, otherwise first-seen order. */
export function orderValues(
  dimension: DimensionId,
  values: readonly (string | number | null)[],
): (string | number | null)[] {
  const unique = [...new Set(values)];
  const vocab = DIMENSIONS[dimension].values?.map(String);
  const rank = (v: string | number | null) => {
    if (v === null) return Number.POSITIVE_INFINITY;
    if (dimension === "year") return Number(v);
    const i = vocab?.indexOf(String(v)) ?? -1;
    return i === -1 ? 10_000 : i;
  };
  return unique.sort((a, b) => rank(a) - rank(b) || String(a).localeCompare(String(b)));
}

function isRateLike(metric: MetricDef): boolean {
  return metric.kind !== "count" && metric.kind !== "amount";
}

function licenceOf(isSample: boolean, metrics: readonly MetricDef[]): string {
  return licenceLine(sourcesFor(metrics, { isSample }));
}

export function vintageOf(builtAt: string | null): string {
  return builtAt ? `Data built ${formatDate(builtAt)}` : "Build date unknown";
}

function nLine(metric: MetricDef, n: number, total: number): string {
  const noun = nounFor(metric);
  if (total > n)
    return `n = ${formatCount(n)} ${noun} with a known value, of ${formatCount(total)} (${formatValue(n / total, "percent")} coverage)`;
  return `n = ${formatCount(n)} ${noun}`;
}

/** Every year between the first and last, so a year without data is a visible gap, not a joined line. */
export function fillYears(values: readonly (string | number | null)[]): (number | null)[] {
  const years = values
    .filter((v): v is number | string => v !== null)
    .map(Number)
    .filter(Number.isFinite);
  if (years.length === 0) return values.includes(null) ? [null] : [];
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  const out: (number | null)[] = [];
  for (let y = lo; y <= hi; y++) out.push(y);
  if (values.includes(null)) out.push(null);
  return out;
}

const keyOf = (v: string | number | null) => (v === null ? "__null" : String(v));

/** Sum of each group's n once per group (mix rows repeat the group's n on every cell). */
function groupTotals(rows: readonly CompareRow[], groupDims: readonly DimensionId[]): { n: number; total: number } {
  const seen = new Map<string, { n: number; total: number }>();
  for (const r of rows) {
    const k = groupDims.map((d) => keyOf(r.dims[d] ?? null)).join("|");
    if (!seen.has(k)) seen.set(k, { n: r.n, total: r.total });
  }
  let n = 0;
  let total = 0;
  for (const v of seen.values()) {
    n += v.n;
    total += v.total;
  }
  return { n, total };
}

export interface CompareSpecInput {
  id: string;
  metric: MetricDef;
  rows: readonly AnsweredRow[];
  /**
   * What the answer says about itself: sources, concentration, like-for-like. Absent only for
   * specs not drawn from one compare answer (a benchmark's merged views).
   */
  answer?: ComparisonAnswer;
  /** The dimensions the API grouped by (for mix metrics, including the appended one). */
  groupBy: readonly DimensionId[];
  kind: ChartKind;
  ctx: SpecContext;
  title?: string;
  subtitle?: string;
  notes?: readonly string[];
  referenceLines?: ReferenceLine[];
  /** Rank categories by value (largest first) instead of vocabulary order. */
  sortByValue?: boolean;
  highlight?: string[];
  horizontal?: boolean;
}

/**
 * One metric grouped by zero, one or two dimensions → bars, grouped/stacked bars or lines.
 * Categories come from the first dimension (years when the chart is a line), series from the
 * second (for a mix metric, the split dimension).
 */
export function buildCompareSpec(input: CompareSpecInput): ChartSpec {
  const { metric, rows, ctx } = input;
  const dims = [...input.groupBy];
  const isMix = metric.aggregate.kind === "mix";
  let catDim: DimensionId | undefined = dims[0];
  let seriesDim: DimensionId | undefined = dims[1];
  if (isMix && dims.length === 1) {
    // Only the split dimension: one bar split into its parts.
    catDim = undefined;
    seriesDim = dims[0];
  }
  if (input.kind === "line" && dims.includes("year") && catDim !== "year") {
    seriesDim = catDim;
    catDim = "year";
  }
  let catValues = catDim
    ? orderValues(
        catDim,
        rows.map((r) => r.dims[catDim] ?? null),
      )
    : [null];
  if (catDim === "year") catValues = fillYears(catValues);
  const seriesValues = seriesDim
    ? orderValues(
        seriesDim,
        rows.map((r) => r.dims[seriesDim] ?? null),
      )
    : [null];
  const find = (c: string | number | null, s: string | number | null) =>
    rows.find(
      (r) => (catDim ? (r.dims[catDim] ?? null) === c : true) && (seriesDim ? (r.dims[seriesDim] ?? null) === s : true),
    );

  let orderedCats = catValues;
  if (input.sortByValue && !seriesDim) {
    orderedCats = [...catValues].sort(
      (a, b) => (find(b, null)?.value ?? -Infinity) - (find(a, null)?.value ?? -Infinity),
    );
  }
  const categories = orderedCats.map((c) => (catDim ? labelForValue(catDim, c) : metric.shortLabel));
  const flagSmall = isRateLike(metric);

  const series: Series[] = seriesValues.map((s, si) => {
    const cells = orderedCats.map((c) => find(c, s));
    const base: Series = {
      key: seriesDim ? `s_${keyOf(s)}` : "value",
      label: seriesDim ? labelForValue(seriesDim, s) : metric.shortLabel,
      colour: seriesDim ? colourFor(seriesDim, s, si) : THEME.series,
      values: cells.map((r) => (r && !r.suppressed ? r.value : null)),
      n: cells.map((r) => r?.n ?? 0),
      suppressed: cells.map((r) => r?.suppressed ?? false),
      smallN: cells.map((r) => flagSmall && !!r && !r.suppressed && r.n < SMALL_N),
    };
    if (cells.some((r) => r?.ciLow !== null && r?.ciLow !== undefined)) {
      base.ciLow = cells.map((r) => r?.ciLow ?? null);
      base.ciHigh = cells.map((r) => r?.ciHigh ?? null);
    }
    if (!seriesDim && catDim && DIMENSIONS[catDim].colours) {
      base.colours = orderedCats.map((c, i) => colourFor(catDim, c, i));
    }
    return base;
  });

  // Like for like beside as recorded: one bar per group becomes a pair, each with its interval.
  const answer = input.answer;
  const adjusted = isAdjusted(answer, rows);
  const paired = adjusted && !seriesDim && !!catDim && !isMix && input.kind === "bar";
  if (paired && answer) {
    const recorded = series[0]!;
    const cells = orderedCats.map((c) => find(c, null));
    series.splice(0, 1, { ...recorded, label: AS_RECORDED, colour: RECORDED_COLOUR, colours: undefined });
    series.push(adjustedSeries(answer, cells, recorded.smallN));
  }
  const table = compareTable(
    metric,
    rows,
    catDim,
    seriesDim,
    orderedCats,
    seriesValues,
    find,
    adjusted ? answer : undefined,
  );
  const totals = groupTotals(rows, isMix ? dims.filter((d) => d !== seriesDim) : dims);
  const kind: ChartKind =
    input.kind === "bar" && (seriesDim || paired) ? (isMix ? "stacked-bar" : "grouped-bar") : input.kind;
  const noun = nounFor(metric);
  const parts = answer ? answerParts(metric, answer, ctx.isSample, noun) : null;
  const disclosures = [...(parts?.disclosures ?? [])];
  const notes = [...(parts?.notes ?? []), ...(input.notes ?? metric.caveats)];
  if (adjusted && answer && catDim && !seriesDim) {
    disclosures.push(
      ...comparisonWords(
        answer,
        orderedCats.map((c) => ({ label: labelForValue(catDim, c), row: find(c, null) })),
        metric.format,
        noun,
        groupNounFor(catDim),
      ),
    );
  } else if (adjusted && answer)
    notes.push(`Like-for-like estimates (same ${mixInWords(answer.adjustedFor)}) are in the table and the CSV.`);
  const cannot = notAdjustedNote(answer, rows);
  if (cannot) notes.push(cannot);
  const recordedOnly = recordedOnlyNote(answer, rows);
  if (recordedOnly) notes.push(recordedOnly);
  const catLabel = catDim ? DIMENSIONS[catDim].label : "";
  const shareDomain: [number, number] | undefined = metric.format === "percent" ? [0, 1] : undefined;
  // Ranked (horizontal, unstacked) bars zoom their axis; the screen and the export both read yDomain.
  const yDomain =
    input.horizontal && kind !== "stacked-bar"
      ? (rankedDomain(series, input.referenceLines, shareDomain) ?? shareDomain)
      : shareDomain;
  const spec: ChartSpec = {
    id: input.id,
    kind,
    title: input.title ?? `${metric.label}${catDim ? ` by ${catLabel.toLowerCase()}` : ""}`,
    subtitle: input.subtitle ?? metric.unit,
    filtersInWords: ctx.filtersInWords,
    format: metric.format,
    xLabel: catLabel,
    yLabel: metric.shortLabel,
    categories,
    series,
    referenceLines: input.referenceLines,
    notes,
    source: parts?.source ?? sourceLine([metric], ctx.isSample),
    licence: parts?.licence ?? licenceOf(ctx.isSample, [metric]),
    vintage: vintageOf(ctx.builtAt),
    n: nLine(metric, totals.n, totals.total),
    summary: "",
    yearRange: ctx.yearRange,
    table,
    isSample: ctx.isSample,
    highlight: input.highlight,
    horizontal: input.horizontal,
    yDomain,
    stackedToWhole: isMix || undefined,
    disclosures: disclosures.length > 0 ? disclosures : undefined,
    emptyReason: answer?.empty?.reason,
    without: parts?.without.length ? parts.without : undefined,
  };
  spec.summary = summariseSpec(spec);
  if (series.some((s) => s.smallN?.some(Boolean)))
    spec.notes.push(
      `Paler bars and hollow points rest on fewer than ${SMALL_N} ${nounFor(metric)}: read them with care.`,
    );
  if (series.some((s) => s.suppressed?.some(Boolean)))
    spec.notes.push(
      `Groups with fewer than ${metric.minN} ${nounFor(metric)} are suppressed: shown as “suppressed”, never as zero.`,
    );
  return spec;
}

function compareTable(
  metric: MetricDef,
  rows: readonly CompareRow[],
  catDim: DimensionId | undefined,
  seriesDim: DimensionId | undefined,
  cats: readonly (string | number | null)[],
  seriesValues: readonly (string | number | null)[],
  find: (c: string | number | null, s: string | number | null) => AnsweredRow | undefined,
  answer?: ComparisonAnswer,
): ChartTable {
  const hasCi = rows.some((r) => r.ciLow !== null);
  const hasQ = rows.some((r) => r.q1 !== null);
  const hasRatio = rows.some((r) => r.numerator !== null);
  const columns: ChartTable["columns"] = [];
  if (catDim) columns.push({ key: catDim, label: DIMENSIONS[catDim].label });
  if (seriesDim) columns.push({ key: seriesDim, label: DIMENSIONS[seriesDim].label });
  const f = metric.format;
  // Beside a like-for-like column, the plain value is named for what it is.
  columns.push({ key: "value", label: answer ? `${metric.shortLabel} (as recorded)` : metric.shortLabel, format: f });
  if (hasQ)
    columns.push({ key: "q1", label: "Lower quartile", format: f }, { key: "q3", label: "Upper quartile", format: f });
  if (hasCi)
    columns.push(
      { key: "ciLow", label: `95% CI low${answer ? " (as recorded)" : ""}`, format: f },
      { key: "ciHigh", label: `95% CI high${answer ? " (as recorded)" : ""}`, format: f },
    );
  if (answer) columns.push(...adjustedColumns(answer, f));
  const ratioFormat = metric.aggregate.kind === "ratio" && metric.format === "gbp" ? "gbp" : "integer";
  if (hasRatio)
    columns.push(
      { key: "numerator", label: "Numerator", format: ratioFormat },
      { key: "denominator", label: "Denominator", format: ratioFormat },
    );
  columns.push({ key: "n", label: "n", format: "integer" }, { key: "suppressed", label: "Suppressed" });
  const out: ChartTable["rows"] = [];
  for (const c of cats)
    for (const s of seriesValues) {
      const r = find(c, s);
      if (!r) continue;
      const row: ChartTable["rows"][number] = {};
      if (catDim) row[catDim] = labelForValue(catDim, c);
      if (seriesDim) row[seriesDim] = labelForValue(seriesDim, s);
      row.value = r.suppressed ? null : r.value;
      if (hasQ) Object.assign(row, { q1: r.q1, q3: r.q3 });
      if (hasCi) Object.assign(row, { ciLow: r.ciLow, ciHigh: r.ciHigh });
      if (answer) Object.assign(row, adjustedCells(r));
      if (hasRatio) Object.assign(row, { numerator: r.numerator, denominator: r.denominator });
      row.n = r.n;
      row.suppressed = r.suppressed;
      out.push(row);
    }
  return { columns, rows: out };
}

/** The like-for-like median drawn beside a box, when the API has one for the group. */
function adjustedMark(row: AnsweredRow | undefined): BoxStat["adjusted"] {
  const a = row && !row.suppressed ? row.adjusted : undefined;
  return a && a.value !== null ? { value: a.value, low: a.ciLow, high: a.ciHigh } : undefined;
}

export interface BoxSpecInput {
  id: string;
  metric: MetricDef;
  /** One group per value of `dimension`, as metrics.distribution returns them. */
  groups: readonly DistributionGroup[];
  dimension: DimensionId;
  ctx: SpecContext;
  /** The compare answer for the same grouping: like-for-like medians, concentration, sources. */
  answer?: ComparisonAnswer & { rows: readonly AnsweredRow[] };
  title?: string;
  subtitle?: string;
  referenceLines?: ReferenceLine[];
}

/** Quartiles, median and Tukey whiskers per group → box plot. Suppressed groups are named, not drawn. */
export function buildBoxSpec(input: BoxSpecInput): ChartSpec {
  const { metric, groups, dimension, ctx } = input;
  const values = orderValues(
    dimension,
    groups.map((g) => g.key),
  );
  const boxes: BoxStat[] = [];
  const suppressedLabels: string[] = [];
  let outliers = 0;
  let drawn = 0;
  const ordered = values.map((v) => groups.find((g) => g.key === v)).filter((g): g is DistributionGroup => !!g);
  const answer = input.answer;
  const rowOf = (key: DistributionGroup["key"]) => answer?.rows.find((r) => (r.dims[dimension] ?? null) === key);
  const adjusted = isAdjusted(answer, answer?.rows ?? []);
  ordered.forEach((g, i) => {
    const label = labelForValue(dimension, g.key);
    if (g.suppressed || g.median === null || g.q1 === null || g.q3 === null) {
      suppressedLabels.push(label);
      return;
    }
    outliers += g.outlierCount ?? 0;
    // The API returns the most extreme outliers, capped per group; only finite values are drawn.
    const shown = (g.outliers ?? []).filter((v) => Number.isFinite(v));
    drawn += shown.length;
    boxes.push({
      category: label,
      colour: colourFor(dimension, g.key, i),
      min: g.whiskerLow ?? g.q1,
      q1: g.q1,
      median: g.median,
      q3: g.q3,
      max: g.whiskerHigh ?? g.q3,
      outliers: shown,
      n: g.n,
      adjusted: adjustedMark(adjusted ? rowOf(g.key) : undefined),
    });
  });
  const f = metric.format;
  const table: ChartTable = {
    columns: [
      { key: dimension, label: DIMENSIONS[dimension].label },
      { key: "whiskerLow", label: "Lower whisker", format: f },
      { key: "q1", label: "Lower quartile", format: f },
      { key: "value", label: "Median", format: f },
      { key: "q3", label: "Upper quartile", format: f },
      { key: "whiskerHigh", label: "Upper whisker", format: f },
      ...(adjusted && answer ? adjustedColumns(answer, f) : []),
      { key: "n", label: "n", format: "integer" },
      { key: "suppressed", label: "Suppressed" },
    ],
    rows: ordered.map((g) => {
      const r = rowOf(g.key);
      return {
        [dimension]: labelForValue(dimension, g.key),
        whiskerLow: g.whiskerLow,
        q1: g.q1,
        value: g.suppressed ? null : g.median,
        q3: g.q3,
        whiskerHigh: g.whiskerHigh,
        ...(adjusted && answer ? (r ? adjustedCells(r) : { adjusted: null }) : {}),
        n: g.n,
        suppressed: g.suppressed,
      };
    }),
  };
  const noun = nounFor(metric);
  const parts = answer ? answerParts(metric, answer, ctx.isSample, noun) : null;
  const disclosures = [...(parts?.disclosures ?? [])];
  if (adjusted && answer) {
    disclosures.push(
      ...comparisonWords(
        answer,
        ordered.map((g) => ({ label: labelForValue(dimension, g.key), row: rowOf(g.key) })),
        metric.format,
        noun,
        groupNounFor(dimension),
      ),
    );
  }
  const cannot = notAdjustedNote(answer, answer?.rows ?? []);
  const recordedOnly = recordedOnlyNote(answer, answer?.rows ?? []);
  const n = groups.reduce((a, g) => a + g.n, 0);
  // What box, line, whiskers and circles mean is the legend's job (legend-key.ts); notes add only what it cannot say.
  const notes = [
    ...(outliers > drawn
      ? [
          drawn > 0
            ? `Circles show ${formatCount(drawn)} of the ${formatCount(outliers)} values beyond the whiskers (the most extreme in each group).`
            : `${formatCount(outliers)} values beyond the whiskers are not drawn.`,
        ]
      : []),
    ...(suppressedLabels.length > 0 ? [`Suppressed for small n: ${suppressedLabels.join(", ")}.`] : []),
    ...(parts?.notes ?? []),
    ...metric.caveats,
    ...(cannot ? [cannot] : []),
    ...(recordedOnly ? [recordedOnly] : []),
  ];
  const spec: ChartSpec = {
    id: input.id,
    kind: "box",
    title: input.title ?? `${metric.label} by ${DIMENSIONS[dimension].label.toLowerCase()}`,
    subtitle: input.subtitle ?? `Spread across ${nounFor(metric)}, ${metric.unit}`,
    filtersInWords: ctx.filtersInWords,
    format: metric.format,
    xLabel: DIMENSIONS[dimension].label,
    yLabel: metric.shortLabel,
    categories: boxes.map((b) => b.category),
    series: [],
    boxes,
    referenceLines: input.referenceLines,
    notes,
    source: parts?.source ?? sourceLine([metric], ctx.isSample),
    licence: parts?.licence ?? licenceOf(ctx.isSample, [metric]),
    vintage: vintageOf(ctx.builtAt),
    n: `n = ${formatCount(n)} ${nounFor(metric)} with a known value`,
    summary: "",
    yearRange: ctx.yearRange,
    table,
    isSample: ctx.isSample,
    disclosures: disclosures.length > 0 ? disclosures : undefined,
    emptyReason: answer?.empty?.reason,
    without: parts?.without.length ? parts.without : undefined,
    likeForLike: adjusted && answer ? likeForLikeLabel(answer.adjustedFor) : undefined,
  };
  spec.summary = summariseSpec(spec);
  return spec;
}

export interface ScatterSpecInput {
  id: string;
  xMetric: MetricDef;
  yMetric: MetricDef;
  /** metrics.scatter's points: one per council, with both values and their n. */
  points: readonly ScatterApiPoint[];
  ctx: SpecContext;
  highlight?: string;
  /** The API's Pearson r across the drawn councils, when it has one. */
  pearson?: number | null;
  /** Its 95% interval (the API's Fisher z interval). */
  pearsonInterval?: { low: number; high: number } | null;
  /** Who supplied each axis's rows (the scatter answer's `answers`). */
  answers?: { x: ComparisonAnswer; y: ComparisonAnswer };
}

/**
 * A scatter's two answers in one: each axis's concentration sentence, named by its measure
 * when the two differ, and one source line of every source that contributed to either axis.
 */
function scatterAbout(input: ScatterSpecInput): { source: string; licence: string; disclosures: string[] } | undefined {
  const answers = input.answers;
  if (!answers) return undefined;
  const axes = [
    { metric: input.xMetric, answer: answers.x },
    { metric: input.yMetric, answer: answers.y },
  ];
  const same = answers.x.sentence === answers.y.sentence;
  const disclosures = axes
    .filter((a, i) => a.answer.sentence && !(same && i === 1))
    .map((a) => (same ? a.answer.sentence! : `${a.metric.shortLabel}: ${a.answer.sentence}`));
  const seen = new Map<string, ComparisonAnswer["sources"][number]>();
  for (const a of axes) for (const s of a.answer.sources) if (!seen.has(s.id)) seen.set(s.id, s);
  const sources = [...seen.values()];
  return {
    source: answerSourceLine(sources, input.ctx.isSample),
    licence: answerLicence(sources, input.ctx.isSample),
    disclosures,
  };
}

/** Two metrics per council → one point per council with both values published. */
export function buildScatterSpec(input: ScatterSpecInput): ChartSpec {
  const { xMetric, yMetric, ctx } = input;
  const about = scatterAbout(input);
  const rows: ChartTable["rows"] = [];
  const points: NonNullable<ChartSpec["points"]> = [];
  let missing = 0;
  for (const p of input.points) {
    const xv = p.xSuppressed ? null : p.x;
    const yv = p.ySuppressed ? null : p.y;
    rows.push({ council: p.name, la_code: p.laCode, region: p.region, x: xv, y: yv, x_n: p.xN, y_n: p.yN });
    if (xv === null || yv === null) missing += 1;
    else
      points.push({ id: p.laCode, label: p.name, x: xv, y: yv, highlight: p.laCode === input.highlight || undefined });
  }
  const spec: ChartSpec = {
    id: input.id,
    kind: "scatter",
    title: `${yMetric.label} against ${xMetric.label.toLowerCase()}, by council`,
    subtitle: "One point per council",
    filtersInWords: ctx.filtersInWords,
    format: yMetric.format,
    xFormat: xMetric.format,
    xLabel: xMetric.shortLabel,
    yLabel: yMetric.shortLabel,
    categories: [],
    series: [],
    points,
    notes: [
      ...(input.pearson != null
        ? [
            `Correlation across councils (Pearson r, from the API): ${input.pearson.toFixed(2)}${
              input.pearsonInterval
                ? ` (95% interval ${input.pearsonInterval.low.toFixed(2)} to ${input.pearsonInterval.high.toFixed(2)})`
                : ""
            }, n = ${points.length} councils — a correlation across councils is not an effect of the market mix.`,
          ]
        : []),
      ...(missing > 0 ? [`${missing} councils are not drawn: one of the two values is suppressed or missing.`] : []),
      ...(about?.disclosures ?? []),
      ...xMetric.caveats.slice(0, 1),
      ...yMetric.caveats.slice(0, 1),
    ],
    source: about?.source ?? sourceLine([xMetric, yMetric], ctx.isSample),
    licence: about?.licence ?? licenceOf(ctx.isSample, [xMetric, yMetric]),
    vintage: vintageOf(ctx.builtAt),
    n: `n = ${formatCount(points.length)} councils with both values`,
    summary: "",
    yearRange: ctx.yearRange,
    table: {
      columns: [
        { key: "council", label: "Council" },
        { key: "la_code", label: "LA code" },
        { key: "region", label: "Region" },
        { key: "x", label: xMetric.shortLabel, format: xMetric.format },
        { key: "y", label: yMetric.shortLabel, format: yMetric.format },
        { key: "x_n", label: `n (${xMetric.shortLabel})`, format: "integer" },
        { key: "y_n", label: `n (${yMetric.shortLabel})`, format: "integer" },
      ],
      rows,
    },
    isSample: ctx.isSample,
    yDomain: yMetric.format === "percent" ? [0, 1] : undefined,
    disclosures: about?.disclosures.length ? about.disclosures : undefined,
  };
  spec.summary = summariseSpec(spec);
  return spec;
}

/**
 * Several one-series specs over the same categories (e.g. joiners and leavers by year) → one
 * grouped bar or line chart, one series per metric; the table gains a "Measure" column, and
 * its value column is named `valueLabel` (it holds every measure's values, not the first's).
 */
export function mergeSpecs(
  id: string,
  title: string,
  subtitle: string,
  parts: readonly { spec: ChartSpec; label: string; colour: string }[],
  kind: ChartKind = "grouped-bar",
  valueLabel = "Value",
): ChartSpec {
  const first = parts[0]!.spec;
  const categories = [...new Set(parts.flatMap((p) => p.spec.categories))].sort();
  const series: Series[] = parts.map((p, i) => {
    const s = p.spec.series[0]!;
    const at = (c: string) => p.spec.categories.indexOf(c);
    const pick = <T>(arr: T[] | undefined, fallback: T) =>
      categories.map((c) => (at(c) >= 0 ? (arr?.[at(c)] ?? fallback) : fallback));
    return {
      key: `m${i}`,
      label: p.label,
      colour: p.colour,
      values: pick(s.values, null),
      n: pick(s.n, 0),
      suppressed: pick(s.suppressed, false),
    };
  });
  const columns = [
    { key: "measure", label: "Measure" },
    ...first.table.columns.map((c) => (c.label === first.yLabel ? { ...c, label: valueLabel } : c)),
  ];
  const rows = parts.flatMap((p) => p.spec.table.rows.map((r) => ({ measure: p.label, ...r })));
  const spec: ChartSpec = {
    ...first,
    id,
    kind,
    title,
    subtitle,
    categories,
    series,
    table: { columns, rows },
    n: parts.map((p) => `${p.label}: ${p.spec.n}`).join("; "),
    notes: [...new Set(parts.flatMap((p) => p.spec.notes))],
    summary: "",
  };
  spec.summary = summariseSpec(spec);
  return spec;
}
