/**
 * Claim 6's words: councils whose children's services a trust or council-owned company ran at
 * the time of each measure, against the other councils. Pure: council values come from the
 * API (metrics.compare by council and year, councilIlacs), which councils had a body from
 * core's reference facts; this module only splits, summarises and words them.
 */
import { deliveryBodyInYear, formatCount, formatValue, type MetricFormat } from "@lens/core";
import type { Finding } from "./words.js";

/** One council's value of a measure in one financial year (year = the year it ends). */
export interface CouncilValue {
  laCode: string;
  year: number;
  value: number;
}

export interface SideSummary {
  /** Councils with a value. */
  n: number;
  median: number | null;
  /** The spread quoted beside the median: the range for the few trust councils, the middle half for the others. */
  low: number | null;
  high: number | null;
}

export interface DeliverySplit {
  /** The latest year with values on both sides; null when none. */
  year: number | null;
  /** The first and last year with any value, to say why nothing compares; null without values. */
  span: { first: number; last: number } | null;
  trust: SideSummary;
  others: SideSummary;
}

function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * The latest year with values on both sides, its councils split by whether a trust or company ran the
 * service for any of that financial year. `hasBody` is the reference facts' answer (a
 * parameter so that tests can use handmade facts).
 */
export function splitByDelivery(
  values: readonly CouncilValue[],
  hasBody: (laCode: string, year: number) => boolean = (c, y) => deliveryBodyInYear(c, y) !== undefined,
): DeliverySplit {
  const finite = values.filter((v) => Number.isFinite(v.value));
  // The latest year both sides have a value: a year only the other councils report (one ledger's newest year) compares nothing.
  const both = [...new Set(finite.map((v) => v.year))]
    .filter((y) => {
      const sides = new Set(finite.filter((v) => v.year === y).map((v) => hasBody(v.laCode, y)));
      return sides.size === 2;
    })
    .sort((a, b) => b - a);
  const year = both[0] ?? null;
  const inYear = finite.filter((v) => v.year === year);
  const trust = inYear.filter((v) => hasBody(v.laCode, v.year)).map((v) => v.value);
  const others = inYear.filter((v) => !hasBody(v.laCode, v.year)).map((v) => v.value);
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const t = sorted(trust);
  const o = sorted(others);
  const years = finite.map((v) => v.year);
  return {
    year,
    span: years.length ? { first: Math.min(...years), last: Math.max(...years) } : null,
    trust: { n: t.length, median: quantile(t, 0.5), low: t[0] ?? null, high: t[t.length - 1] ?? null },
    others: { n: o.length, median: quantile(o, 0.5), low: quantile(o, 0.25), high: quantile(o, 0.75) },
  };
}

/** Latest ILACS judgements, each side: councils judged, and of them Good or Outstanding. */
export interface IlacsSplit {
  trust: { judged: number; goodOrOutstanding: number };
  others: { judged: number; goodOrOutstanding: number };
}

export interface DeliveryMeasure {
  /** The measure in lower case ("the share of spend with for-profit providers"). */
  words: string;
  format: MetricFormat;
  split: DeliverySplit;
}

const TRUSTS = "councils whose children's services a trust or company ran";

function ilacsSentence(i: IlacsSplit): string | null {
  if (i.trust.judged === 0 || i.others.judged === 0) return null;
  const share = (s: { judged: number; goodOrOutstanding: number }) =>
    formatValue(s.goodOrOutstanding / s.judged, "percent");
  return `At their latest ILACS inspection, ${formatCount(i.trust.goodOrOutstanding)} of ${formatCount(i.trust.judged)} ${TRUSTS} at the time were judged Good or Outstanding (${share(i.trust)}), against ${formatCount(i.others.goodOrOutstanding)} of ${formatCount(i.others.judged)} other councils (${share(i.others)}).`;
}

/** A financial year by the year it ends: 2024 → "2023-24". */
const fy = (year: number) => `${year - 1}-${String(year).slice(2)}`;

function measureSentence(m: DeliveryMeasure): string {
  const { year, trust, others } = m.split;
  if (year === null || trust.median === null || others.median === null)
    return m.split.span
      ? `No year of ${m.words} compares: its values (${fy(m.split.span.first)} to ${fy(m.split.span.last)}) include no council whose children's services a trust or company ran at the time.`
      : `No year of ${m.words} has values in this selection.`;
  const v = (x: number | null) => (x === null ? "—" : formatValue(x, m.format));
  const within =
    trust.median >= (others.low ?? Number.NEGATIVE_INFINITY) &&
    trust.median <= (others.high ?? Number.POSITIVE_INFINITY);
  return `In ${fy(year)}, ${m.words} was ${v(trust.median)} at the median of ${formatCount(trust.n)} ${TRUSTS} (range ${v(trust.low)}–${v(trust.high)}), against ${v(others.median)} across ${formatCount(others.n)} other councils (middle half ${v(others.low)}–${v(others.high)})${within ? ": inside the other councils' middle half" : ": outside the other councils' middle half"}.`;
}

/** The caveat every version of the finding carries: few councils, chosen by failure. */
export const SELECTION_CAVEAT =
  "This compares about a dozen councils with the rest, and most of the bodies were set up under a government direction after the council's services were judged Inadequate: a difference, or its absence, cannot show what the model causes.";

export function deliveryFinding(input: { ilacs: IlacsSplit | null; measures: readonly DeliveryMeasure[] }): Finding {
  const ilacs = input.ilacs ? ilacsSentence(input.ilacs) : null;
  const measures = input.measures.map(measureSentence);
  const compared = input.measures.filter((m) => m.split.year !== null);
  const numbers = [ilacs, ...measures].filter((s): s is string => s !== null);
  if (!ilacs && compared.length === 0) {
    const none = `No measure has values for both ${TRUSTS} and the other councils in this selection.`;
    return { oneLine: none, sentences: [none, SELECTION_CAVEAT], widestInterval: null };
  }
  const first = numbers[0]!;
  return {
    oneLine: `${first} ${SELECTION_CAVEAT.split(":")[0]}.`,
    sentences: [...numbers, SELECTION_CAVEAT],
    widestInterval: null,
  };
}
