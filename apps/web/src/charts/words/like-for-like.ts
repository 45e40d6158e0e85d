/**
 * The words beside a like-for-like comparison: whether the estimate adjusted for the mix of
 * service and source (the API's) tells the same story as the value as recorded. It names a
 * change of order between groups, a gap that shrinks or grows by more than half, intervals
 * that stop separating, and the strata that could not be compared. Pure: it only compares
 * numbers the API returned; it never estimates anything itself.
 */
import {
  DIMENSIONS,
  type DimensionId,
  formatCount,
  formatValue,
  labelForValue,
  type MetricFormat,
  sourceLabel,
} from "@lens/core";
import type { ExcludedStratum } from "../api-types.js";

export interface GroupValues {
  label: string;
  recorded: number | null;
  recordedLow: number | null;
  recordedHigh: number | null;
  adjusted: number | null;
  adjustedLow: number | null;
  adjustedHigh: number | null;
}

export interface LikeForLikeInput {
  groups: readonly GroupValues[];
  format: MetricFormat;
  /** The dimensions the estimate holds equal across groups, in the API's order. */
  adjustedFor: readonly DimensionId[];
  /** Strata that only some groups have, deduplicated across groups. */
  excluded: readonly ExcludedStratum[];
  /** How many strata the estimate compares, of all seen (the same for every group: common support). */
  strata?: { used: number; total: number };
  /** What one row is ("contracts"). */
  noun: string;
}

/** A gap that changes by more than this fraction of itself is said to shrink or grow. */
export const GAP_CHANGE = 0.5;
/** Strata named in words; the rest are counted. */
const NAMED_STRATA = 2;

/** "service × source mix" — what the estimate holds equal. */
export function mixInWords(adjustedFor: readonly DimensionId[]): string {
  return `${adjustedFor.map((d) => DIMENSIONS[d].label.toLowerCase()).join(" × ")} mix`;
}

/** The legend and column label of the adjusted estimate. */
export function likeForLikeLabel(adjustedFor: readonly DimensionId[]): string {
  return `Like for like (${mixInWords(adjustedFor)})`;
}

export const AS_RECORDED = "As recorded";

/** A difference between two values in the metric's own unit: shares in percentage points. */
export function gapInWords(gap: number, format: MetricFormat): string {
  const g = Math.abs(gap);
  if (format === "percent") return `${(g * 100).toFixed(1)} percentage points`;
  return formatValue(g, format);
}

function stratumValue(dimension: string, value: string | null): string {
  if (dimension === "source" && value !== null) return sourceLabel(value);
  return dimension in DIMENSIONS ? labelForValue(dimension as DimensionId, value) : (value ?? "Not recorded");
}

/** "Fostering · Norfolk County Council contract register (2015)" */
export function stratumInWords(stratum: ExcludedStratum["stratum"]): string {
  return Object.entries(stratum)
    .map(([d, v]) => stratumValue(d, v))
    .join(" · ");
}

/** The same stratum may be listed by several groups; count it once. */
export function mergeExcluded(lists: readonly (readonly ExcludedStratum[])[]): ExcludedStratum[] {
  const seen = new Map<string, ExcludedStratum>();
  for (const list of lists)
    for (const s of list) {
      const key = JSON.stringify(Object.entries(s.stratum).sort(([a], [b]) => a.localeCompare(b)));
      if (!seen.has(key)) seen.set(key, s);
    }
  return [...seen.values()].sort((a, b) => b.rows - a.rows);
}

function excludedInWords(
  excluded: readonly ExcludedStratum[],
  strata: LikeForLikeInput["strata"],
  mix: string,
  noun: string,
): string {
  const cells = mix.replace(/ mix$/, "");
  const plural = (k: number) => (k === 1 ? "stratum" : "strata");
  const compared = strata
    ? ` It compares ${formatCount(strata.used)} of ${formatCount(strata.total)} ${cells} ${plural(strata.total)}.`
    : "";
  if (excluded.length === 0) return compared;
  const rows = excluded.reduce((a, s) => a + s.rows, 0);
  const named = excluded
    .slice(0, NAMED_STRATA)
    .map((s) => `${stratumInWords(s.stratum)} (${formatCount(s.rows)})`)
    .join(", ");
  const rest = excluded.length - NAMED_STRATA;
  const list = rest > 0 ? `, the largest ${named} and ${formatCount(rest)} more` : `: ${named}`;
  return `${compared} Not compared, as some groups have none of them: ${formatCount(excluded.length)} ${plural(excluded.length)} (${formatCount(rows)} ${noun})${list}.`;
}

const namesInWords = (xs: readonly string[]) =>
  xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;

/**
 * Why some groups have no like-for-like value: the estimate compares only `compared` (the API
 * holds market-led and cooperative to the strata both have; adding every model would keep only
 * the strata all of them share). Null when no drawn group is left out.
 */
export function recordedOnlyWords(
  recordedOnly: readonly string[],
  compared: readonly string[],
  adjustedFor: readonly DimensionId[],
): string | null {
  if (recordedOnly.length === 0 || compared.length < 2) return null;
  const cells = mixInWords(adjustedFor).replace(/ mix$/, "");
  const verb = recordedOnly.length === 1 ? "is" : "are";
  return `${namesInWords(recordedOnly)} ${verb} shown as recorded only: like for like compares ${namesInWords(compared)} over the ${cells} strata ${compared.length === 2 ? "both" : "all of them"} have, as holding every model to the strata all share would leave few or none.`;
}

type Both = GroupValues & { recorded: number; adjusted: number };

/**
 * The order of two values as a reader sees them: equal when they print the same (£144k and
 * £144k), so a reversal is never claimed between numbers the sentence shows as equal.
 */
function order(a: number, b: number, format: MetricFormat): number {
  if (formatValue(a, format) === formatValue(b, format)) return 0;
  return a > b ? 1 : -1;
}

/** Pairs whose order as recorded is the reverse of their order like for like (ties are no reversal). */
function reversals(groups: readonly Both[], format: MetricFormat): [Both, Both][] {
  const out: [Both, Both][] = [];
  for (let i = 0; i < groups.length; i++)
    for (let j = i + 1; j < groups.length; j++) {
      const a = groups[i]!;
      const b = groups[j]!;
      const r = order(a.recorded, b.recorded, format);
      const l = order(a.adjusted, b.adjusted, format);
      if (r !== 0 && l !== 0 && r !== l) out.push(r > 0 ? [a, b] : [b, a]);
    }
  // The widest recorded gap first: the reversal a reader is most likely to quote.
  return out.sort((x, y) => y[0].recorded - y[1].recorded - (x[0].recorded - x[1].recorded));
}

function separate(lowOfHigher: number | null, highOfLower: number | null): boolean | null {
  if (lowOfHigher === null || highOfLower === null) return null;
  return lowOfHigher > highOfLower;
}

/**
 * One or two sentences: how the like-for-like estimate compares with the value as recorded.
 * Null when fewer than two groups have both values (there is no comparison to describe).
 */
export function likeForLikeWords(input: LikeForLikeInput): string | null {
  const fmt = (v: number) => formatValue(v, input.format);
  const mix = mixInWords(input.adjustedFor);
  const both = input.groups.filter((g): g is Both => g.recorded !== null && g.adjusted !== null);
  const tail = excludedInWords(input.excluded, input.strata, mix, input.noun);
  if (both.length < 2) {
    if (input.groups.length < 2) return null;
    return `Like for like (same ${mix}), fewer than two groups have an estimate, so the comparison cannot be checked.${tail}`;
  }
  const flips = reversals(both, input.format);
  if (flips.length > 0) {
    // The widest recorded gap that reverses is named; the others are counted, to keep the panel readable.
    const said = flips
      .slice(0, 1)
      .map(
        ([hi, lo]) =>
          `as recorded ${hi.label} (${fmt(hi.recorded)}) is above ${lo.label} (${fmt(lo.recorded)}); like for like ${lo.label} (${fmt(lo.adjusted)}) is above ${hi.label} (${fmt(hi.adjusted)})`,
      );
    const more =
      flips.length > 1 ? ` ${flips.length - 1} more pair${flips.length === 2 ? " changes" : "s change"} order.` : "";
    return `Like for like (same ${mix}) the order reverses: ${said.join("; ")}.${more}${tail}`;
  }
  const byRecorded = [...both].sort((a, b) => b.recorded - a.recorded);
  const hi = byRecorded[0]!;
  const lo = byRecorded[byRecorded.length - 1]!;
  const values = byRecorded.map((g) => `${g.label} ${fmt(g.adjusted)}`).join(", ");
  if (order(hi.recorded, lo.recorded, input.format) === 0) {
    // Level as recorded: any order like for like is news, and "the gap" has no direction to keep.
    const l = order(hi.adjusted, lo.adjusted, input.format);
    if (l === 0) return `Like for like (same ${mix}) the groups stay level: ${values}.${tail}`;
    const [up, down] = l > 0 ? [hi, lo] : [lo, hi];
    return `As recorded ${hi.label} and ${lo.label} are level (${fmt(hi.recorded)}, ${fmt(lo.recorded)}); like for like (same ${mix}) ${up.label} (${fmt(up.adjusted)}) is above ${down.label} (${fmt(down.adjusted)}).${tail}`;
  }
  const recordedGap = hi.recorded - lo.recorded;
  const adjustedGap = hi.adjusted - lo.adjusted;
  // No reversal was found, so the like-for-like gap points the same way (or is level).
  const ratio = adjustedGap / recordedGap;
  const parts: string[] = [];
  if (ratio < 1 - GAP_CHANGE || ratio > 1 + GAP_CHANGE)
    parts.push(
      `the gap between ${hi.label} and ${lo.label} ${ratio < 1 ? "shrinks" : "grows"} from ${gapInWords(recordedGap, input.format)} as recorded to ${gapInWords(adjustedGap, input.format)}`,
    );
  const wasApart = separate(hi.recordedLow, lo.recordedHigh);
  const isApart = separate(hi.adjustedLow, lo.adjustedHigh);
  if (wasApart === true && isApart === false)
    parts.push(
      `their 95% intervals, apart as recorded, overlap like for like (${hi.label} ${fmt(hi.adjustedLow!)}–${fmt(hi.adjustedHigh!)}, ${lo.label} ${fmt(lo.adjustedLow!)}–${fmt(lo.adjustedHigh!)}), so these data cannot tell the two apart`,
    );
  if (parts.length > 0) {
    const said = parts.join(", and ");
    return `Like for like (same ${mix}) the order holds but ${said}: ${values}.${tail}`;
  }
  return `Like for like (same ${mix}) the order and the size of the gap hold: ${values}.${tail}`;
}
