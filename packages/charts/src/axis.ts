/**
 * The one decision about a chart's numeric axes: domain and ticks, from the spec alone. LensChart
 * hands these to recharts as fixed `ticks` and `domain`, so a chart drawn on a page, in an embed
 * and in an export (the same component at another size) shows the same scale and the same labels
 * whatever its width or height. Pure; never computes a metric.
 */
import { formatAxisValue, type MetricFormat } from "@lens/core";
import type { ChartSpec } from "./chart-spec.js";
import { boxValueTop } from "./legend-key.js";
import { niceCeil, roundTicks } from "./value-domain.js";

export interface NumericAxis {
  domain: [number, number];
  ticks: number[];
}

/** About five ticks; fewer when the formatted labels would repeat ("£1m", "£1m"). */
const TICK_TARGET = 5;

/** Evenly spaced round ticks (steps of 1, 2, 2.5, 5 × 10^k) covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count: number, integerOnly = false): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi === lo) {
    hi = lo === 0 ? 1 : lo + Math.abs(lo) * 0.5;
    if (lo > 0) lo = 0;
  }
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw - 1e-12) ?? 10 * mag;
  if (integerOnly) step = Math.max(1, Math.round(step));
  const start = Math.floor(lo / step + 1e-9) * step;
  const end = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = start; v <= end + step * 1e-6; v += step)
    ticks.push(Number((Math.round(v / step) * step).toPrecision(12)));
  return ticks.length >= 2 ? ticks : [start, start + step];
}

function distinctTicks(lo: number, hi: number, format: MetricFormat): number[] {
  const integerOnly = format === "integer" || format === "days";
  for (let count = TICK_TARGET; count >= 1; count--) {
    const ticks = niceTicks(lo, hi, count, integerOnly);
    const labels = ticks.map((t) => formatAxisValue(t, format));
    if (new Set(labels).size === labels.length) return ticks;
  }
  return niceTicks(lo, hi, 1, integerOnly);
}

const finite = (values: readonly (number | null | undefined)[]) =>
  values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));

/** The values the value axis must show: bar tops (stacked: sums), whiskers, bands, points, reference lines. */
function valueExtent(spec: ChartSpec): [number, number] | null {
  const refs = (spec.referenceLines ?? []).map((r) => r.value);
  let values: number[];
  if (spec.kind === "stacked-bar")
    values = spec.categories.flatMap((_, i) => {
      let pos = 0;
      let neg = 0;
      for (const s of spec.series) {
        const v = s.values[i];
        if (typeof v !== "number") continue;
        if (v >= 0) pos += v;
        else neg += v;
      }
      return [pos, neg];
    });
  else if (spec.kind === "scatter") values = (spec.points ?? []).map((p) => p.y);
  else values = spec.series.flatMap((s) => finite([...s.values, ...(s.ciLow ?? []), ...(s.ciHigh ?? [])]));
  const all = [...values, ...refs];
  if (all.length === 0) return null;
  return [Math.min(...all), Math.max(...all)];
}

/**
 * The value axis (y; x for horizontal bars). Box plots run from 0 to a round top above the
 * whiskers (extreme outliers are counted at the top instead); a builder's fixed domain (ranked
 * bars, shares) keeps its ends; anything else runs from zero (or its lowest negative value) to a
 * round top.
 */
export function valueAxis(spec: ChartSpec): NumericAxis {
  if (spec.kind === "box") {
    const top = niceCeil(boxValueTop(spec));
    return { domain: [0, top], ticks: roundTicks(top) ?? distinctTicks(0, top, spec.format) };
  }
  if (spec.yDomain) {
    const [lo, hi] = spec.yDomain;
    const round = lo === 0 ? roundTicks(hi) : undefined;
    return { domain: [lo, hi], ticks: round ?? distinctTicks(lo, hi, spec.format).filter((t) => t >= lo && t <= hi) };
  }
  const extent = valueExtent(spec);
  if (!extent) return { domain: [0, 1], ticks: [0, 0.5, 1] };
  const ticks = distinctTicks(Math.min(0, extent[0]), Math.max(0, extent[1]), spec.format);
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
}

/** A scatter's x axis: from zero (or its lowest negative value) to a round top. */
export function scatterXAxis(spec: ChartSpec): NumericAxis {
  const xs = (spec.points ?? []).map((p) => p.x);
  if (xs.length === 0) return { domain: [0, 1], ticks: [0, 0.5, 1] };
  const ticks = distinctTicks(Math.min(0, ...xs), Math.max(0, ...xs), spec.xFormat ?? spec.format);
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
}

/** Label widths are estimated at ≈ 7 px a character at 12 px, the tick size. */
const CHAR_PX = 7;

/**
 * Category labels under vertical bars or boxes: side by side when they fit the room a category
 * gets on a card (≈ 540 px of plot, 290 on a phone), angled otherwise.
 */
export function categoryLabelsAngled(labels: readonly string[], narrow: boolean): boolean {
  const perCategory = (narrow ? 290 : 540) / Math.max(1, labels.length);
  const widest = Math.max(0, ...labels.map((c) => c.length)) * CHAR_PX;
  return widest > perCategory - 8 || labels.length > (narrow ? 4 : 8);
}

/** The width of the category axis beside horizontal bars: the longest label, within a cap. */
export function categoryAxisWidth(labels: readonly string[], narrow: boolean): number {
  return Math.min(narrow ? 104 : 190, 16 + CHAR_PX * Math.max(4, ...labels.map((c) => c.length)));
}

/** A chart's height when its caller does not fix one: ranked bars grow with their rows. */
export function naturalHeight(spec: ChartSpec, narrow: boolean): number {
  if (spec.kind === "scatter") return 380;
  if (spec.kind === "box" || spec.kind === "line") return 340;
  const horizontal = spec.horizontal === true || (narrow && categoryLabelsAngled(spec.categories, narrow));
  return horizontal ? Math.max(240, spec.categories.length * 30 + 70) : 340;
}
