/**
 * The words of an evidence brief, generated from the API's numbers: what the data show (two or
 * three sentences with the like-for-like estimate, its 95% interval and n), a one-line answer
 * for the claims list, and a "strength of evidence" line from coverage, concentration and
 * interval width. Pure: the inputs are numbers the API returned; nothing is estimated here.
 */

import { gapInWords } from "@lens/charts/words/like-for-like";
import { formatCount, formatValue, type MetricFormat, shareInWords } from "@lens/core";

/** One group of a comparison: the value as recorded and, where the measure allows, like for like. */
export interface GroupEstimate {
  label: string;
  recorded: number | null;
  recordedLow: number | null;
  recordedHigh: number | null;
  /** Rows behind the recorded value. */
  n: number;
  adjusted: number | null;
  adjustedLow: number | null;
  adjustedHigh: number | null;
}

export interface ComparisonInput {
  /** What is measured, in lower case ("contracts lasting at least three years"). */
  measure: string;
  format: MetricFormat;
  groups: readonly GroupEstimate[];
  /** What like for like holds equal ("service × source mix"); null when the measure is not standardised. */
  mix: string | null;
  /** What one row is ("contracts"). */
  noun: string;
}

export interface Finding {
  /** The claims list's one-line answer. */
  oneLine: string;
  /** Two or three sentences for the claim page. */
  sentences: string[];
  /** The widest 95% interval quoted, in the measure's unit (for the strength line); null when none. */
  widestInterval: number | null;
}

type Verdict = "reverses" | "overlap" | "apart" | "unknown";

const range = (low: number | null, high: number | null, format: MetricFormat) =>
  low !== null && high !== null ? `95% interval ${formatValue(low, format)}–${formatValue(high, format)}` : null;

function valueWithInterval(
  v: number,
  low: number | null,
  high: number | null,
  format: MetricFormat,
  n?: number,
  noun?: string,
) {
  const parts = [range(low, high, format), n !== undefined ? `n = ${formatCount(n)}${noun ? ` ${noun}` : ""}` : null]
    .filter(Boolean)
    .join(", ");
  return `${formatValue(v, format)}${parts ? ` (${parts})` : ""}`;
}

function apart(hiLow: number | null, loHigh: number | null): boolean | null {
  if (hiLow === null || loHigh === null) return null;
  return hiLow > loHigh;
}

const width = (low: number | null, high: number | null) => (low !== null && high !== null ? high - low : null);

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Groups compared: the highest and lowest as recorded, then like for like with its interval.
 * Says when the order reverses once adjusted, and when the two intervals overlap (the data
 * cannot tell the groups apart).
 */
export function comparisonFinding(input: ComparisonInput): Finding {
  const f = input.format;
  const shown = input.groups.filter(
    (g): g is GroupEstimate & { recorded: number } => g.recorded !== null && Number.isFinite(g.recorded),
  );
  if (shown.length < 2) {
    const only = shown[0];
    const text = only
      ? `Only ${only.label} has enough ${input.noun} to publish: ${valueWithInterval(only.recorded, only.recordedLow, only.recordedHigh, f, only.n, input.noun)}; there is nothing to compare it with.`
      : `No group has enough ${input.noun} to publish ${input.measure} for this selection.`;
    return { oneLine: text, sentences: [text], widestInterval: null };
  }
  const byRecorded = [...shown].sort((a, b) => b.recorded - a.recorded);
  const hi = byRecorded[0]!;
  const lo = byRecorded[byRecorded.length - 1]!;
  const recordedLevel = formatValue(hi.recorded, f) === formatValue(lo.recorded, f);
  const sentences: string[] = [
    recordedLevel
      ? `As recorded, ${input.measure} is level: ${hi.label} ${valueWithInterval(hi.recorded, hi.recordedLow, hi.recordedHigh, f, hi.n, input.noun)}, ${lo.label} ${valueWithInterval(lo.recorded, lo.recordedLow, lo.recordedHigh, f, lo.n, input.noun)}.`
      : `As recorded, ${input.measure} is highest for ${hi.label}, ${valueWithInterval(hi.recorded, hi.recordedLow, hi.recordedHigh, f, hi.n, input.noun)}, and lowest for ${lo.label}, ${valueWithInterval(lo.recorded, lo.recordedLow, lo.recordedHigh, f, lo.n, input.noun)}.`,
  ];
  const adjusted = hi.adjusted !== null && lo.adjusted !== null && input.mix !== null;
  let verdict: Verdict;
  let oneLine: string;
  let widest: number | null;
  if (adjusted) {
    const hiA = hi.adjusted!;
    const loA = lo.adjusted!;
    const reversed = !recordedLevel && formatValue(hiA, f) !== formatValue(loA, f) && loA > hiA;
    const sep = reversed ? apart(lo.adjustedLow, hi.adjustedHigh) : apart(hi.adjustedLow, lo.adjustedHigh);
    verdict = reversed ? "reverses" : sep === false ? "overlap" : sep === true ? "apart" : "unknown";
    const pair = `${hi.label} ${valueWithInterval(hiA, hi.adjustedLow, hi.adjustedHigh, f)}, ${lo.label} ${valueWithInterval(loA, lo.adjustedLow, lo.adjustedHigh, f)}`;
    const what: Record<Verdict, string> = {
      reverses: `the gap reverses when adjusted: ${lo.label} is above ${hi.label}`,
      overlap: "the two 95% intervals overlap, so these data cannot tell the two apart",
      apart: `the gap holds at ${gapInWords(hiA - loA, f)}, and the intervals do not overlap`,
      unknown: `the gap is ${gapInWords(hiA - loA, f)}`,
    };
    sentences.push(`Like for like (same ${input.mix}): ${pair}; ${what[verdict]}.`);
    widest = Math.max(width(hi.adjustedLow, hi.adjustedHigh) ?? 0, width(lo.adjustedLow, lo.adjustedHigh) ?? 0) || null;
    const short =
      `${hi.label} ${formatValue(hiA, f)} ${range(hi.adjustedLow, hi.adjustedHigh, f) ? `[${formatValue(hi.adjustedLow, f)}–${formatValue(hi.adjustedHigh, f)}]` : ""} vs ${lo.label} ${formatValue(loA, f)} ${range(lo.adjustedLow, lo.adjustedHigh, f) ? `[${formatValue(lo.adjustedLow, f)}–${formatValue(lo.adjustedHigh, f)}]` : ""}`.replace(
        / +/g,
        " ",
      );
    const tail: Record<Verdict, string> = {
      reverses: "the gap as recorded reverses when adjusted",
      overlap: "the intervals overlap: no clear difference",
      apart: "a clear gap",
      unknown: "no interval to judge the gap by",
    };
    oneLine = `Like for like, ${short.trim()} (n = ${formatCount(hi.n + lo.n)}): ${tail[verdict]}.`;
  } else {
    const sep = recordedLevel ? false : apart(hi.recordedLow, lo.recordedHigh);
    verdict = sep === false ? "overlap" : sep === true ? "apart" : "unknown";
    if (input.mix === null)
      sentences.push(
        verdict === "overlap"
          ? "The two 95% intervals overlap, so these data cannot tell the two apart. This measure is not standardised for mix: the gap is as recorded."
          : verdict === "apart"
            ? `The gap is ${gapInWords(hi.recorded - lo.recorded, f)} and the intervals do not overlap. This measure is not standardised for mix: the gap is as recorded.`
            : `The gap is ${gapInWords(hi.recorded - lo.recorded, f)}, with no sampling interval to judge it by. This measure is not standardised for mix.`,
      );
    else sentences.push("No like-for-like estimate could be made for both groups: read the gap as recorded only.");
    widest = Math.max(width(hi.recordedLow, hi.recordedHigh) ?? 0, width(lo.recordedLow, lo.recordedHigh) ?? 0) || null;
    const tail: Record<Verdict, string> = {
      reverses: "",
      overlap: "the intervals overlap: no clear difference",
      apart: "a clear gap as recorded",
      unknown: "no interval to judge the gap by",
    };
    oneLine = `As recorded, ${hi.label} ${formatValue(hi.recorded, f)}${hi.recordedLow !== null && hi.recordedHigh !== null ? ` [${formatValue(hi.recordedLow, f)}–${formatValue(hi.recordedHigh, f)}]` : ""} vs ${lo.label} ${formatValue(lo.recorded, f)}${lo.recordedLow !== null && lo.recordedHigh !== null ? ` [${formatValue(lo.recordedLow, f)}–${formatValue(lo.recordedHigh, f)}]` : ""} (n = ${formatCount(hi.n + lo.n)}): ${tail[verdict]}.`;
  }
  if (byRecorded.length > 2)
    sentences.push(
      `${capital(
        byRecorded
          .slice(1, -1)
          .map((g) => `${g.label} ${formatValue(g.recorded, f)}`)
          .join(", "),
      )} ${byRecorded.length === 3 ? "lies" : "lie"} between them as recorded.`,
    );
  return { oneLine, sentences, widestInterval: widest };
}

/** One proxy against the market mix across councils: the API's Pearson r and how many councils. */
export interface RelationInput {
  /** The proxy, in lower case ("children with three or more placements in the year"). */
  measure: string;
  r: number | null;
  councils: number;
}

/** How strong a correlation reads, by the usual rule of thumb (|r| < 0.1 none, < 0.3 weak, < 0.5 moderate). */
export function correlationInWords(r: number): string {
  const a = Math.abs(r);
  const dir = r > 0 ? "higher" : "lower";
  if (a < 0.1) return "no linear relation";
  if (a < 0.3) return `a weak tendency to be ${dir}`;
  if (a < 0.5) return `a moderate tendency to be ${dir}`;
  return `a strong tendency to be ${dir}`;
}

/**
 * Proxies against each council's market mix: which proxy relates most, and how many councils.
 * Words a correlation as a description, never as a cause.
 */
export function relationFinding(mix: string, relations: readonly RelationInput[]): Finding {
  const known = relations.filter((r): r is RelationInput & { r: number } => r.r !== null && Number.isFinite(r.r));
  if (known.length === 0) {
    const text = `No proxy has enough councils with both figures to relate it to ${mix}.`;
    return { oneLine: text, sentences: [text], widestInterval: null };
  }
  const strongest = [...known].sort((a, b) => Math.abs(b.r) - Math.abs(a.r))[0]!;
  const fewest = Math.min(...known.map((k) => k.councils));
  const most = Math.max(...known.map((k) => k.councils));
  const councils = fewest === most ? formatCount(most) : `${formatCount(fewest)} to ${formatCount(most)}`;
  const each = known.map((k) => `${k.measure}: r = ${k.r.toFixed(2)} (${formatCount(k.councils)} councils)`).join("; ");
  const sentences = [
    `Across councils, set against ${mix} (Pearson r from the API) — ${each}.`,
    Math.abs(strongest.r) < 0.1
      ? `None of these proxies moves with ${mix}: councils that buy more from for-profit providers are neither better nor worse on them.`
      : `The closest relation is ${strongest.measure} (r = ${strongest.r.toFixed(2)}): where ${mix} is higher, it shows ${correlationInWords(strongest.r)}.`,
    "A correlation across councils describes; it does not show that one causes the other.",
  ];
  const oneLine =
    Math.abs(strongest.r) < 0.1
      ? `Across ${councils} councils, none of ${formatCount(known.length)} proxies moves with ${mix} (largest |r| = ${Math.abs(strongest.r).toFixed(2)}); proxies only, not cause.`
      : `Across ${councils} councils, ${strongest.measure} shows ${correlationInWords(strongest.r)} where ${mix} is higher (r = ${strongest.r.toFixed(2)}); proxies only, not cause.`;
  return { oneLine, sentences, widestInterval: null };
}

/** One year's value, with its 95% interval when the measure has one (shares of rows). */
export interface YearValue {
  year: number;
  value: number;
  n: number;
  low?: number | null;
  high?: number | null;
}

const yearValue = (y: YearValue, f: MetricFormat) =>
  `${formatValue(y.value, f)}${y.low != null && y.high != null ? ` (95% interval ${formatValue(y.low, f)}–${formatValue(y.high, f)})` : ""}`;

/** A measure's first and last year with a published value. */
export interface LevelInput {
  measure: string;
  format: MetricFormat;
  first: YearValue | null;
  last: YearValue | null;
  /** The money is cash: say it is not adjusted for inflation. */
  cash?: boolean;
  /** Words before the numbers for a claim the data cannot test ("Not measured yet: …"). */
  notMeasured?: string;
  noun: string;
  /** Rows that record the value, of all rows, over the whole selection (said when no year has a value). */
  known?: { n: number; total: number };
  /** Where the figures come from, when restricted ("in councils' s251 outturn returns"). */
  sourceWords?: string;
}

export function levelFinding(input: LevelInput): Finding {
  const f = input.format;
  const cash = input.cash ? " in cash, not adjusted for inflation (the warehouse holds no deflator)" : "";
  const m = input.sourceWords ? `${input.measure} ${input.sourceWords}` : input.measure;
  let numbers: string;
  if (!input.last)
    numbers = input.known
      ? `No year has a published value of ${m}: ${formatCount(input.known.n)} of ${formatCount(input.known.total)} ${input.noun} in this selection record what it needs.`
      : `No year has a published value of ${m} for this selection.`;
  else if (!input.first || input.first.year === input.last.year)
    numbers = `${capital(m)} was ${yearValue(input.last, f)} in ${input.last.year}${cash} (n = ${formatCount(input.last.n)} ${input.noun}).`;
  else
    numbers = `${capital(m)} was ${yearValue(input.first, f)} in ${input.first.year} and ${yearValue(input.last, f)} in ${input.last.year}${cash} (n = ${formatCount(input.last.n)} ${input.noun} in ${input.last.year}).`;
  const sentences = input.notMeasured ? [input.notMeasured, `The nearest measure: ${numbers}`] : [numbers];
  const oneLine = input.notMeasured
    ? `${input.notMeasured.replace(/:.*$/, "").replace(/\.$/, "")}. Nearest measure: ${numbers.charAt(0).toLowerCase()}${numbers.slice(1)}`
    : numbers;
  return { oneLine, sentences, widestInterval: null };
}

/** What the strength line reads: who supplied the rows, how many are known, how wide the interval. */
export interface StrengthInput {
  format: MetricFormat;
  /** The largest council's share of the rows behind the answer, with its name; null when not known. */
  council: { label: string; share: number } | null;
  /** The largest source's share, and whether that source is one council's own list. */
  source: { label: string; share: number; councilList: boolean } | null;
  /** Rows with a known value ÷ all rows; null when every row is known or it does not apply. */
  coverage: number | null;
  /** The widest 95% interval quoted; null when none. */
  widestInterval: number | null;
  /** Rows (or councils) behind the answer. */
  n: number;
  noun: string;
  isSample: boolean;
  /** The claim itself is not measured: the line says the evidence is only indirect. */
  indirect?: "proxies" | "not yet";
  /** How the groups compared were chosen, when that biases the comparison (a reason, and one step weaker). */
  selection?: string;
}

/** Above this share one contributor's picture is the answer's picture. */
export const DOMINANT = 0.5;
/** Intervals wider than this (20 points for a share) leave the size of a gap open. */
export const WIDE_SHARE = 0.2;
/** Fewer rows than this is a small base, whatever the interval says. */
export const SMALL_BASE = 100;

export function strengthLine(input: StrengthInput): string {
  const reasons: string[] = [];
  let weak = 0;
  if (input.council && input.council.share > DOMINANT) {
    weak += 2;
    reasons.push(
      `one council (${input.council.label}) supplies ${shareInWords(input.council.share).toLowerCase()} of the ${input.noun}: this is one council's picture`,
    );
  } else if (input.source?.councilList && input.source.share > DOMINANT) {
    weak += 2;
    reasons.push(
      `${shareInWords(input.source.share).toLowerCase()} of the ${input.noun} come from one council's own list (${input.source.label}): this is one council's picture`,
    );
  }
  if (input.coverage !== null && input.coverage < 0.5) {
    weak += 1;
    reasons.push(`only ${formatValue(input.coverage, "percent")} of the ${input.noun} record the value measured`);
  }
  if (input.widestInterval !== null && input.format === "percent" && input.widestInterval > WIDE_SHARE) {
    weak += 1;
    reasons.push(`the 95% intervals are wide (up to ${gapInWords(input.widestInterval, "percent")})`);
  }
  // No rows at all is already said by the coverage.
  if (input.n < SMALL_BASE && !(input.n === 0 && input.coverage !== null)) {
    weak += 1;
    reasons.push(`it rests on ${formatCount(input.n)} ${input.noun}`);
  }
  if (input.selection) {
    weak += 1;
    reasons.push(input.selection);
  }
  if (input.indirect === "proxies") reasons.push("it uses proxies, not the claim itself");
  if (input.indirect === "not yet") reasons.push("the claim itself is not measured by these data");
  const level = weak >= 2 || input.indirect === "not yet" ? "weak" : weak === 1 || input.indirect ? "moderate" : "fair";
  const why =
    reasons.length > 0
      ? reasons.join("; ")
      : `${formatCount(input.n)} ${input.noun}, no single council supplies most of them, and the intervals are narrow`;
  const sample = input.isSample ? " Sample data — not real: these numbers show how the brief reads, not evidence." : "";
  return `Strength of evidence: ${level} — ${why}.${sample}`;
}
