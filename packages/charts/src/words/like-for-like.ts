/**
 * The words beside a like-for-like comparison, kept short enough to read on a chart: one
 * sentence of what changes once the mix of service and source is held equal (an order that
 * reverses, a lead that shrinks or grows by more than half, intervals that overlap), and one
 * line of what could not be compared. Pure: it only compares numbers the API returned; it
 * never estimates anything itself.
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
  /** What the groups are, plural ("models"); "groups" when absent. */
  groupNoun?: string;
}

/** A gap that changes by more than this fraction of itself is said to shrink or grow. */
export const GAP_CHANGE = 0.5;

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

/** A gap as the short sentence says it: shares in whole points (one decimal below one point), else the metric's format. */
export function pointsInWords(gap: number, format: MetricFormat): string {
  const g = Math.abs(gap);
  if (format !== "percent") return formatValue(g, format);
  const points = g * 100;
  return points >= 0.95 ? String(Math.round(points)) : points.toFixed(1);
}

function leadOf(hi: Both, lo: Both, count: number): string {
  const lead = `${hi.label.toLowerCase()} lead`;
  return count > 2 ? `the ${lead} over ${lo.label.toLowerCase()}` : `the ${lead}`;
}

/**
 * One sentence: what changes like for like against as recorded. Null when fewer than two
 * groups are drawn (there is no comparison to describe).
 */
export function likeForLikeWords(input: LikeForLikeInput): string | null {
  const fmt = (v: number) => formatValue(v, input.format);
  const both = input.groups.filter((g): g is Both => g.recorded !== null && g.adjusted !== null);
  if (both.length < 2) {
    if (input.groups.length < 2) return null;
    return "Like for like, fewer than two groups have an estimate, so the comparison cannot be checked.";
  }
  const flips = reversals(both, input.format);
  if (flips.length > 0) {
    // The widest recorded gap that reverses is named; the others are counted.
    const [hi, lo] = flips[0]!;
    const more =
      flips.length > 1 ? ` (${flips.length - 1} more pair${flips.length === 2 ? "" : "s"} change order)` : "";
    return `Like for like, ${lo.label} is above ${hi.label} (${fmt(lo.adjusted)} against ${fmt(hi.adjusted)}), the reverse of as recorded (${fmt(lo.recorded)} against ${fmt(hi.recorded)})${more}.`;
  }
  const byRecorded = [...both].sort((a, b) => b.recorded - a.recorded);
  const hi = byRecorded[0]!;
  const lo = byRecorded[byRecorded.length - 1]!;
  if (order(hi.recorded, lo.recorded, input.format) === 0) {
    // Level as recorded: any order like for like is news, and "the lead" has no direction to keep.
    const l = order(hi.adjusted, lo.adjusted, input.format);
    if (l === 0) return `Like for like, the groups stay level, as recorded (${fmt(hi.adjusted)}, ${fmt(lo.adjusted)}).`;
    const [up, down] = l > 0 ? [hi, lo] : [lo, hi];
    return `Level as recorded, but like for like ${up.label} is above ${down.label} (${fmt(up.adjusted)} against ${fmt(down.adjusted)}).`;
  }
  const recordedGap = hi.recorded - lo.recorded;
  const adjustedGap = hi.adjusted - lo.adjusted;
  // No reversal was found, so the like-for-like gap points the same way (or is level).
  const ratio = adjustedGap / recordedGap;
  const unit = input.format === "percent" ? " points" : "";
  const from = `from ${pointsInWords(recordedGap, input.format)} to ${pointsInWords(adjustedGap, input.format)}${unit}`;
  const lead = leadOf(hi, lo, both.length);
  const isApart = separate(hi.adjustedLow, lo.adjustedHigh);
  const wasApart = separate(hi.recordedLow, lo.recordedHigh);
  const overlap = isApart === false;
  if (ratio < 1 - GAP_CHANGE || ratio > 1 + GAP_CHANGE)
    return `Like for like, ${lead} ${ratio < 1 ? "shrinks" : "grows"} ${from}${overlap ? " and the intervals overlap" : ""}.`;
  if (overlap && wasApart === true)
    return `Like for like, ${lead} holds roughly (${from}) but the intervals now overlap.`;
  return `Like for like, ${lead} holds (${from})${overlap ? "; the intervals overlap" : ""}.`;
}

/**
 * One compact line: how many strata were compared and the rows left out in strata not every
 * group has. Null when the answer says nothing about strata.
 */
export function supportWords(input: LikeForLikeInput): string | null {
  const strata = input.strata;
  if (!strata) return null;
  const cells = mixInWords(input.adjustedFor).replace(/ mix$/, "");
  const plural = strata.total === 1 ? "stratum" : "strata";
  if (input.excluded.length === 0 || strata.used === strata.total)
    return `Compared within ${strata.total === 1 ? "the one" : `all ${formatCount(strata.total)}`} ${cells} ${plural}.`;
  const rows = input.excluded.reduce((a, s) => a + s.rows, 0);
  const compared = input.groups.filter((g) => g.adjusted !== null).length;
  const noun = input.groupNoun ?? "groups";
  const shared = compared === 2 ? `both ${noun}` : `all ${formatCount(compared)} ${noun}`;
  return `Compared within ${formatCount(strata.used)} of ${formatCount(strata.total)} ${cells} ${plural}; ${formatCount(rows)} ${input.noun} in strata not shared by ${shared} were left out.`;
}
