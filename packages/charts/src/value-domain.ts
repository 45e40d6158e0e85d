/**
 * The value axis of ranked bars, decided once when the spec is built; axis.ts turns the domain
 * into the ticks every drawing of the chart uses. Pure: it reads the spec's values and
 * reference lines and never computes a metric.
 */
import type { ReferenceLine, Series } from "./chart-spec.js";

/** A round axis top (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k) at or above v. */
export function niceCeil(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  // toPrecision drops float noise (6 × 0.1 = 0.6000000000000001) that would spoil the round ticks.
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return Number((m * p).toPrecision(12));
  return 10 * p;
}

/**
 * Ranked bars: the axis still starts at zero but ends at a round number just above the longest
 * bar, whisker or reference line, never beyond `cap` (e.g. 100% for shares) — a 0–100% axis
 * squeezes ~30% shares into a third of a phone screen. Undefined when nothing has a value.
 */
export function rankedDomain(
  series: readonly Series[],
  referenceLines: readonly ReferenceLine[] = [],
  cap?: readonly [number, number],
): [number, number] | undefined {
  const values = [
    ...series.flatMap((s) => [...s.values, ...(s.ciHigh ?? [])]),
    ...referenceLines.map((r) => r.value),
  ].filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (values.length === 0) return undefined;
  const top = niceCeil(Math.max(...values) * 1.04);
  return [0, cap ? Math.min(cap[1], top) : top];
}

/** Evenly spaced round ticks from 0 to a nice top (3–6 of them), so a 0–50% axis reads 0, 10 … 50%. */
export function roundTicks(top: number): number[] | undefined {
  if (!(top > 0)) return undefined;
  for (const k of [5, 4, 3, 2]) {
    const step = top / k;
    const m = step / 10 ** Math.floor(Math.log10(step));
    if ([1, 2, 2.5, 3, 4, 5].some((n) => Math.abs(n - m) < 1e-9))
      return Array.from({ length: k + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  }
  return undefined;
}
