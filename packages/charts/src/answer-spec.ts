/**
 * What an answer says about itself, shaped for a chart: the source line and licence of exactly
 * the sources that contributed rows, the concentration sentence (a disclosure and a note), the
 * offers to leave a dominant contributor out, the like-for-like series, table columns and words.
 * Pure shaping of the API's fields; no estimate is computed here.
 */
import {
  DIMENSIONS,
  disclosedConcentration,
  formatCount,
  getSource,
  labelForValue,
  type MetricDef,
  type MetricFormat,
} from "@lens/core";
import type { AnsweredRow, ComparisonAnswer } from "./api-types.js";
import type { ChartTable, Series, WithoutOffer } from "./chart-spec.js";
import { ADJUSTED_MARK_COLOUR } from "./legend-key.js";
import { answerLicence, answerSourceLine } from "./source-line.js";
import {
  AS_RECORDED,
  type GroupValues,
  likeForLikeLabel,
  likeForLikeWords,
  mergeExcluded,
  mixInWords,
  recordedOnlyWords,
  supportWords,
} from "./words/like-for-like.js";

/** Two colours no commissioning model or sector uses, so "recorded" and "like for like" are not read as groups. */
export const RECORDED_COLOUR = "#4D4D4D";
export const ADJUSTED_COLOUR = ADJUSTED_MARK_COLOUR;

/** The like-for-like series' key beside the recorded one (whose words are the disclosure's, not the takeaway's). */
export const ADJUSTED_KEY = "adjusted";

/** More than this share of the rows from one contributor is disclosed and offered for exclusion. */
export const DOMINANT_SHARE = 0.5;

export interface AnswerParts {
  source: string;
  licence: string;
  /** Notes the answer adds (concentration first), before the metric's own caveats. */
  notes: string[];
  disclosures: string[];
  without: WithoutOffer[];
}

/**
 * Contributors above half the rows with a value the exclusion filter can name (not "not
 * recorded"), and not all of them: leaving out every row would draw an empty chart, not the
 * same chart without one contributor. A dominant source that is the dominant council's own
 * list (its register) is the same contributor seen twice: only the council is offered, as
 * leaving the council out leaves its register out too.
 */
export function withoutOffers(answer: ComparisonAnswer, metricSources: readonly string[]): WithoutOffer[] {
  // A metric's only possible source is not offered: leaving it out would leave nothing.
  const dominant = disclosedConcentration(answer.concentration, metricSources).filter(
    (c): c is typeof c & { value: string } => c.share > DOMINANT_SHARE && c.rows < c.total && c.value !== null,
  );
  const councils = new Set(dominant.filter((c) => c.dimension === "council").map((c) => c.value));
  return dominant
    .filter((c) => c.dimension === "council" || !councils.has(getSource(c.value)?.laCode ?? ""))
    .sort((a, b) => b.share - a.share)
    .map((c) => ({ dimension: c.dimension, value: c.value, label: c.label, share: c.share }));
}

export function answerParts(metric: MetricDef, answer: ComparisonAnswer, isSample: boolean, noun: string): AnswerParts {
  const notes: string[] = [];
  if (answer.sentence) notes.push(answer.sentence);
  if (answer.implausible && answer.implausible.excluded > 0)
    notes.push(
      answer.implausible.excluded === 1
        ? `1 implausible ${noun.replace(/s$/, "")} is kept in the data but left out of this measure: ${answer.implausible.reason}.`
        : `${formatCount(answer.implausible.excluded)} implausible ${noun} are kept in the data but left out of this measure: ${answer.implausible.reason}.`,
    );
  for (const c of answer.caveats) if (!metric.caveats.includes(c)) notes.push(c);
  return {
    source: answerSourceLine(answer.sources, isSample),
    licence: answerLicence(answer.sources, isSample),
    notes,
    disclosures: answer.sentence ? [answer.sentence] : [],
    without: withoutOffers(answer, metric.sources),
  };
}

/** Whether the answer carries a like-for-like estimate for at least one group. */
export function isAdjusted(answer: ComparisonAnswer | undefined, rows: readonly AnsweredRow[]): boolean {
  return !!answer && answer.adjustedFor.length > 0 && rows.some((r) => r.adjusted?.value != null);
}

/**
 * Why no group has a like-for-like estimate, in words (a count or a mix cannot be standardised;
 * no stratum is shared by every group): null when some group has one, or none was asked for.
 */
export function notAdjustedNote(answer: ComparisonAnswer | undefined, rows: readonly AnsweredRow[]): string | null {
  if (!answer || answer.adjustedFor.length === 0 || isAdjusted(answer, rows)) return null;
  const reasons = [...new Set(rows.map((r) => r.adjusted?.reason).filter((r): r is string => !!r))];
  if (reasons.length === 0) return null;
  return `Not compared like for like (same ${mixInWords(answer.adjustedFor)}): ${reasons.join("; ")}.`;
}

/**
 * The note for groups the API left out of the like-for-like comparison (in-house and unknown
 * beside market-led and cooperative): drawn groups with a recorded value outside
 * `adjustedGroups`. Null when every group is compared.
 */
export function recordedOnlyNote(answer: ComparisonAnswer | undefined, rows: readonly AnsweredRow[]): string | null {
  const among = answer?.adjustedGroups;
  if (!answer || !among || !isAdjusted(answer, rows)) return null;
  const values: readonly unknown[] = among.values;
  const left = drawnValues(rows, among.dimension).filter((v) => !values.includes(v));
  return recordedOnlyWords(
    left.map((v) => labelForValue(among.dimension, v)),
    among.values.map((v) => labelForValue(among.dimension, v)),
    answer.adjustedFor,
  );
}

/** The values of `dimension` drawn (unsuppressed, with a value), in vocabulary order; "not recorded" last. */
function drawnValues(rows: readonly AnsweredRow[], dimension: "model"): (string | null)[] {
  const drawn = new Set(rows.filter((r) => !r.suppressed && r.value !== null).map((r) => r.dims[dimension] ?? null));
  const vocab: (string | null)[] = (DIMENSIONS[dimension].values ?? []).map(String);
  return [...vocab, null].filter((v) => drawn.has(v));
}

/** The like-for-like series beside the recorded one: same categories, the API's estimate and interval. */
export function adjustedSeries(
  answer: ComparisonAnswer,
  cells: readonly (AnsweredRow | undefined)[],
  smallN: boolean[] | undefined,
): Series {
  const est = cells.map((r) => (r && !r.suppressed ? (r.adjusted ?? null) : null));
  return {
    key: ADJUSTED_KEY,
    label: likeForLikeLabel(answer.adjustedFor),
    colour: ADJUSTED_COLOUR,
    values: est.map((a) => a?.value ?? null),
    ciLow: est.map((a) => a?.ciLow ?? null),
    ciHigh: est.map((a) => a?.ciHigh ?? null),
    n: cells.map((r) => r?.n ?? 0),
    suppressed: cells.map((r) => r?.suppressed ?? false),
    smallN,
  };
}

export function adjustedColumns(answer: ComparisonAnswer, format: MetricFormat): ChartTable["columns"] {
  const label = likeForLikeLabel(answer.adjustedFor);
  return [
    { key: "adjusted", label, format },
    { key: "adjustedCiLow", label: `${label}: 95% CI low`, format },
    { key: "adjustedCiHigh", label: `${label}: 95% CI high`, format },
    { key: "strata", label: "Strata compared" },
  ];
}

export function adjustedCells(row: AnsweredRow): ChartTable["rows"][number] {
  const a = row.suppressed ? null : (row.adjusted ?? null);
  return {
    adjusted: a?.value ?? null,
    adjustedCiLow: a?.ciLow ?? null,
    adjustedCiHigh: a?.ciHigh ?? null,
    strata: !a
      ? null
      : a.value === null && a.reason
        ? a.reason
        : `${formatCount(a.strata.used)} of ${formatCount(a.strata.total)}`,
  };
}

/** The recorded and like-for-like values of one group, as the words module compares them. */
export function groupValues(label: string, row: AnsweredRow | undefined): GroupValues {
  const ok = row && !row.suppressed;
  const a = ok ? (row.adjusted ?? null) : null;
  return {
    label,
    recorded: ok ? row.value : null,
    recordedLow: ok ? row.ciLow : null,
    recordedHigh: ok ? row.ciHigh : null,
    adjusted: a?.value ?? null,
    adjustedLow: a?.ciLow ?? null,
    adjustedHigh: a?.ciHigh ?? null,
  };
}

/**
 * What the disagreement panel says, over the groups drawn: one sentence of what changes like
 * for like, then one line of what could not be compared. Empty when there is nothing to compare.
 */
export function comparisonWords(
  answer: ComparisonAnswer,
  groups: readonly { label: string; row: AnsweredRow | undefined }[],
  format: MetricFormat,
  noun: string,
  groupNoun?: string,
): string[] {
  const input = {
    groups: groups.map((g) => groupValues(g.label, g.row)),
    format,
    adjustedFor: answer.adjustedFor,
    excluded: mergeExcluded(groups.map((g) => g.row?.adjusted?.strata.excluded ?? [])),
    // Common support: every compared group is held to the same strata, so any one's counts say it.
    strata: groups.find((g) => g.row?.adjusted?.value != null)?.row?.adjusted?.strata,
    noun,
    groupNoun,
  };
  const change = likeForLikeWords(input);
  if (change === null) return [];
  const support = supportWords(input);
  return support ? [change, support] : [change];
}

export { AS_RECORDED };
