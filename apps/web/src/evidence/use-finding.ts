/**
 * A claim's headline query → its finding and strength line. The numbers come from the API
 * (metrics.compare with like for like, metrics.scatter's Pearson r); this module only picks
 * the rows and hands them to the pure words in ./words.ts.
 */

import type { CompareResult } from "@lens/charts/api-types";
import { adjustFor } from "@lens/charts/chart-recipes";
import type { Claim, Headline } from "@lens/charts/claims";
import { answerSourceLine, sourceLine } from "@lens/charts/source-line";
import { mixInWords } from "@lens/charts/words/like-for-like";
import {
  type ContributingSource,
  DELIVERY_MODEL_COUNCILS,
  DELIVERY_MODELS,
  type DimensionId,
  deliveryBodyOn,
  type Filters,
  getMetric,
  getSource,
  labelForValue,
  type MetricDef,
  rowNoun,
} from "@lens/core";
import { useQueries } from "@tanstack/react-query";
import type { QueryState } from "../components/ChartCard.js";
import { useMetric } from "../components/use-metric.js";
import { useTRPC } from "../lib/trpc.js";
import { useBuild } from "../lib/use-build.js";
import { type CouncilValue, deliveryFinding, type IlacsSplit, splitByDelivery } from "./delivery-words.js";
import {
  comparisonFinding,
  type Finding,
  type GroupEstimate,
  levelFinding,
  relationFinding,
  type StrengthInput,
  strengthLine,
} from "./words.js";

export interface ClaimFinding {
  finding: Finding | null;
  strength: string | null;
  /** The sources behind the headline numbers, as one line. */
  source: string | null;
  state: QueryState;
}

function metricOf(id: string): MetricDef {
  const m = getMetric(id);
  if (!m) throw new Error(`unknown metric '${id}'`);
  return m;
}

/** Scatter points are councils: a council filter would leave one point, so every council is drawn. */
export function withoutCouncil(filters: Filters): Filters {
  const { council: _council, ...rest } = filters;
  return rest;
}

/**
 * The filters a market-mix scatter is asked with: every council, and on a real build the x
 * measure read from the sources given (the API applies a source filter to the x measure only,
 * and names it as ignored for a published y). A source the user chose is kept.
 */
export function scatterFilters(filters: Filters, isSample: boolean, sources?: readonly string[]): Filters {
  const all = withoutCouncil(filters);
  return sources && !isSample && !all.source ? { ...all, source: [...sources] } : all;
}

const firstSentence = (text: string) => lowerFirst(`${text.split(/(?<=\.)\s/)[0]}`);

/** Who supplied the rows, read from an answer's concentration. */
function contributors(answer: CompareResult): Pick<StrengthInput, "council" | "source"> {
  const council = answer.concentration.find((c) => c.dimension === "council");
  const source = answer.concentration.find((c) => c.dimension === "source");
  return {
    council: council && council.value !== null ? { label: council.label, share: council.share } : null,
    source:
      source && source.value !== null
        ? { label: source.label, share: source.share, councilList: !!getSource(source.value)?.laCode }
        : null,
  };
}

function compareGroups(answer: CompareResult, dimension: DimensionId): GroupEstimate[] {
  return answer.rows.map((r) => ({
    label: labelForValue(dimension, r.dims[dimension] ?? null),
    recorded: r.suppressed ? null : r.value,
    recordedLow: r.ciLow,
    recordedHigh: r.ciHigh,
    n: r.n,
    adjusted: r.adjusted?.value ?? null,
    adjustedLow: r.adjusted?.ciLow ?? null,
    adjustedHigh: r.adjusted?.ciHigh ?? null,
  }));
}

const idle: QueryState = { isLoading: false, error: null, retry: () => undefined };

export function useClaimFinding(claim: Claim, filters: Filters): ClaimFinding {
  const h = claim.headline;
  const build = useBuild();
  const isSample = build.data?.isSample ?? false;
  const compare = useCompareFinding(h, filters, isSample, claim);
  const relation = useRelationFinding(h, filters, isSample, claim);
  const level = useLevelFinding(h, filters, isSample, claim);
  const delivery = useDeliveryFinding(h, filters, isSample, claim);
  if (h.kind === "compare") return compare;
  if (h.kind === "relation") return relation;
  if (h.kind === "delivery") return delivery;
  return level;
}

const GOOD_OR_OUTSTANDING = new Set(["Good", "Outstanding"]);

/**
 * Claim 6: trust or company councils against the others. Each measure is read by council and
 * year (every council: one council cannot be compared); ILACS is each listed council's latest
 * judgement, counted on the trust side when a body ran the service on its inspection date,
 * against England's judged councils less those.
 */
function useDeliveryFinding(h: Headline, filters: Filters, isSample: boolean, claim: Claim): ClaimFinding {
  const trpc = useTRPC();
  const enabled = h.kind === "delivery";
  const measures = h.kind === "delivery" ? h.measures : [];
  const everyCouncil = withoutCouncil(filters);
  const queries = useQueries({
    queries: [
      ...measures.map((m) => {
        const metric = metricOf(m.metric);
        const scoped =
          m.realSources && !isSample && !everyCouncil.source
            ? { ...everyCouncil, source: [...m.realSources] }
            : everyCouncil;
        return {
          ...trpc.metrics.compare.queryOptions({ metric: metric.id, groupBy: ["council", "year"], filters: scoped }),
          enabled,
        };
      }),
    ],
  });
  const ilacs = useQueries({
    queries: DELIVERY_MODEL_COUNCILS.map((council) => ({
      ...trpc.councilIlacs.queryOptions({ council }),
      enabled,
    })),
  });
  if (!enabled) return { finding: null, strength: null, source: null, state: idle };
  const all = [...queries, ...ilacs];
  const state: QueryState = {
    isLoading: all.some((q) => !q.data && !q.error),
    error: all.find((q) => q.error)?.error ?? null,
    retry: () => {
      for (const q of all) void q.refetch();
    },
  };
  if (all.some((q) => !q.data)) return { finding: null, strength: null, source: null, state };
  const splits = measures.map((m, i) => {
    const answer = queries[i]!.data as CompareResult;
    const values: CouncilValue[] = answer.rows
      .filter((r) => !r.suppressed && r.value !== null && typeof r.dims.year === "number" && r.dims.council)
      .map((r) => ({ laCode: String(r.dims.council), year: r.dims.year as number, value: r.value as number }));
    return { words: m.words, format: metricOf(m.metric).format, split: splitByDelivery(values) };
  });
  const judgements = ilacs.map((q) => q.data!);
  const england = judgements[0]?.england;
  let ilacsSplit: IlacsSplit | null = null;
  if (england) {
    const trustJudged = judgements
      .map((j) => j.council)
      .filter((c) => c.status === "judged" && c.inspectionDate && deliveryBodyOn(c.laCode, c.inspectionDate));
    const trustGood = trustJudged.filter((c) => GOOD_OR_OUTSTANDING.has(c.rating ?? "")).length;
    const englandGood = england.counts.filter((c) => GOOD_OR_OUTSTANDING.has(c.rating)).reduce((a, c) => a + c.n, 0);
    ilacsSplit = {
      trust: { judged: trustJudged.length, goodOrOutstanding: trustGood },
      others: { judged: england.judged - trustJudged.length, goodOrOutstanding: englandGood - trustGood },
    };
  }
  const finding = deliveryFinding({ ilacs: ilacsSplit, measures: splits });
  const trustCouncils = Math.max(ilacsSplit?.trust.judged ?? 0, ...splits.map((s) => s.split.trust.n));
  const strength = strengthLine({
    format: "percent",
    council: null,
    source: null,
    coverage: null,
    widestInterval: null,
    n: trustCouncils,
    noun: "trust or company councils",
    isSample,
    indirect: claim.measured === "directly" ? undefined : claim.measured,
    selection: "the councils with a trust or company were chosen by their services' failure",
  });
  // Every source that contributed rows, each once; then ILACS and the reference list.
  const contributed = new Map<string, ContributingSource>();
  for (const q of queries)
    for (const src of (q.data as CompareResult).sources) {
      const had = contributed.get(src.id);
      contributed.set(src.id, had ? { ...had, rows: had.rows + src.rows } : src);
    }
  for (const id of new Set(judgements.flatMap((j) => j.sources)))
    if (!contributed.has(id)) contributed.set(id, { id, label: getSource(id)?.title ?? id, rows: 0 });
  const bodies = new Set(DELIVERY_MODELS.map((f) => f.body)).size;
  const source = `${answerSourceLine([...contributed.values()], isSample)} Trusts and companies: the list of ${bodies} bodies below, each with its source.`;
  return { finding, strength, source, state };
}

function useCompareFinding(h: Headline, filters: Filters, isSample: boolean, claim: Claim): ClaimFinding {
  const enabled = h.kind === "compare";
  const metric = metricOf(h.kind === "compare" ? h.metric : "contracts");
  const dimension: DimensionId = h.kind === "compare" ? h.dimension : "model";
  const groups = h.kind === "compare" ? h.groups : undefined;
  const scoped: Filters =
    groups && !(filters as Record<string, unknown>)[dimension] ? { ...filters, [dimension]: [...groups] } : filters;
  const adjust = adjustFor(metric, [dimension]);
  const q = useMetric(metric.id, [dimension], scoped, { enabled, adjust });
  if (!enabled || !q.data) return { finding: null, strength: null, source: null, state: enabled ? q.state : idle };
  const answer = q.data;
  const rows = answer.rows.filter((r) => !r.suppressed);
  const finding = comparisonFinding({
    measure: h.kind === "compare" ? h.words : metric.label,
    format: metric.format,
    groups: compareGroups(answer, dimension),
    mix: answer.adjustedFor.length > 0 ? mixInWords(answer.adjustedFor) : null,
    noun: rowNoun(metric.table),
  });
  const n = rows.reduce((a, r) => a + r.n, 0);
  const total = rows.reduce((a, r) => a + r.total, 0);
  const strength = strengthLine({
    format: metric.format,
    ...contributors(answer),
    coverage: total > n ? n / total : null,
    widestInterval: finding.widestInterval,
    n,
    noun: rowNoun(metric.table),
    isSample,
    indirect: claim.measured === "directly" ? undefined : claim.measured,
  });
  return { finding, strength, source: answerSourceLine(answer.sources, isSample), state: q.state };
}

function useRelationFinding(h: Headline, filters: Filters, isSample: boolean, claim: Claim): ClaimFinding {
  const trpc = useTRPC();
  const enabled = h.kind === "relation";
  const x = h.kind === "relation" ? h.x : "";
  const ys = h.kind === "relation" ? h.ys : [];
  const sources = h.kind === "relation" ? h.realSources : undefined;
  const scoped = scatterFilters(filters, isSample, sources);
  const restricted = scoped.source !== undefined && !filters.source;
  const queries = useQueries({
    queries: ys.map((y) => ({
      ...trpc.metrics.scatter.queryOptions({ x, y, filters: scoped }),
      enabled,
    })),
  });
  if (!enabled) return { finding: null, strength: null, source: null, state: idle };
  const error = queries.find((q) => q.error)?.error ?? null;
  const state: QueryState = {
    isLoading: queries.some((q) => !q.data && !q.error),
    error,
    retry: () => {
      for (const q of queries) void q.refetch();
    },
  };
  if (queries.some((q) => !q.data)) return { finding: null, strength: null, source: null, state };
  const xMetric = metricOf(x);
  const relations = ys.map((y, i) => {
    const data = queries[i]!.data!;
    return {
      measure: lowerFirst(metricOf(y).label),
      r: data.pearson ?? null,
      councils: data.points.filter((p) => p.x !== null && p.y !== null && !p.xSuppressed && !p.ySuppressed).length,
    };
  });
  const finding = relationFinding(`the ${lowerFirst(xMetric.label)}${restricted ? " (s251 outturn)" : ""}`, relations);
  const councils = Math.min(...relations.map((r) => r.councils));
  const strength = strengthLine({
    format: "decimal",
    council: null,
    source: null,
    coverage: null,
    widestInterval: null,
    n: Number.isFinite(councils) ? councils : 0,
    noun: "councils",
    isSample,
    indirect: claim.measured === "directly" ? undefined : claim.measured,
  });
  // The x measure's sources are the ones it was asked to read.
  const xRead = restricted && sources ? { ...xMetric, sources } : xMetric;
  const source = sourceLine([xRead, ...ys.map(metricOf)], isSample);
  return { finding, strength, source, state };
}

function useLevelFinding(h: Headline, filters: Filters, isSample: boolean, claim: Claim): ClaimFinding {
  const enabled = h.kind === "level";
  const metric = metricOf(h.kind === "level" ? h.metric : "contracts");
  const restrict = h.kind === "level" && h.realSources && !isSample && !filters.source;
  const scoped: Filters = restrict ? { ...filters, source: [...(h.realSources ?? [])] } : filters;
  const q = useMetric(metric.id, ["year"], scoped, { enabled });
  // The whole selection's coverage, for the words when no single year has a value.
  const all = useMetric(metric.id, [], scoped, { enabled });
  if (!enabled || !q.data || !all.data)
    return { finding: null, strength: null, source: null, state: enabled ? (q.data ? all.state : q.state) : idle };
  const answer = q.data;
  const overall = all.data.rows[0];
  const years = answer.rows
    .filter((r) => !r.suppressed && r.value !== null && typeof r.dims.year === "number")
    .map((r) => ({ year: r.dims.year as number, value: r.value as number, n: r.n, low: r.ciLow, high: r.ciHigh }))
    .sort((a, b) => a.year - b.year);
  const noun = (h.kind === "level" && h.noun) || rowNoun(metric.table);
  const finding = levelFinding({
    measure: h.kind === "level" ? h.words : metric.label,
    format: metric.format,
    first: years[0] ?? null,
    last: years[years.length - 1] ?? null,
    cash: h.kind === "level" && h.cash,
    notMeasured: claim.measured === "not yet" ? `Not measured yet: ${firstSentence(claim.cannot)}` : undefined,
    noun,
    known: overall ? { n: overall.n, total: overall.total } : undefined,
    sourceWords: restrict && h.kind === "level" ? h.sourceWords : undefined,
  });
  const last = years[years.length - 1];
  const strength = strengthLine({
    format: metric.format,
    ...contributors(answer),
    coverage: overall && overall.total > overall.n ? overall.n / overall.total : null,
    widestInterval: null,
    n: last?.n ?? overall?.n ?? 0,
    noun,
    isSample,
    indirect: claim.measured === "directly" ? undefined : claim.measured,
  });
  return { finding, strength, source: answerSourceLine(answer.sources, isSample), state: q.state };
}

function lowerFirst(s: string): string {
  // Keep capitals that are names (Good, Outstanding) — only the first letter of the label is lowered.
  return s.charAt(0).toLowerCase() + s.slice(1);
}
