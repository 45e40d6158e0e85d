/**
 * Every sentence the app generates about a chart, from the chart's own numbers — never a
 * hand-written claim: the one-line takeaway, the summary read by screen readers and written
 * into exports, and a benchmark's rank and distance-to-the-ask words. They describe order and
 * size only ("highest", "mostly"), never cause.
 */
import { formatCount, formatValue, type MetricDef } from "@lens/core";
import { ADJUSTED_KEY } from "./answer-spec.js";
import type { BenchmarkMetric } from "./api-types.js";
import type { RankResult } from "./benchmark.js";
import type { ChartSpec } from "./chart-spec.js";

/** A plain-English takeaway: the order of the groups (latest year for lines), largest first. */
export function takeaway(spec: ChartSpec): string {
  // A recorded/like-for-like pair: the takeaway reads the recorded values; the disclosure beside
  // it says how like for like compares, so the two are never mixed up in one sentence.
  const recorded = spec.series.filter((s) => s.key !== ADJUSTED_KEY);
  if (recorded.length < spec.series.length)
    return takeaway({ ...spec, kind: "bar", series: recorded }).replace(/\.$/, " (as recorded).");
  const fmt = (v: number) => formatValue(v, spec.format);
  if (spec.kind === "box" && spec.boxes) {
    if (spec.boxes.length === 0) return "No group has enough values to publish.";
    const sorted = [...spec.boxes].sort((a, b) => b.median - a.median);
    return `Median: ${sorted.map((b) => `${b.category} ${fmt(b.median)}`).join(", ")} (highest first).`;
  }
  if (spec.kind === "line") {
    const lastIndex = (() => {
      for (let i = spec.categories.length - 1; i >= 0; i--) if (spec.series.some((s) => s.values[i] != null)) return i;
      return -1;
    })();
    if (lastIndex < 0) return "No published values for this selection.";
    const points = spec.series
      .map((s) => ({ label: s.label, v: s.values[lastIndex] ?? null }))
      .filter((p): p is { label: string; v: number } => p.v !== null)
      .sort((a, b) => b.v - a.v);
    return `In ${spec.categories[lastIndex]}: ${points.map((p) => `${p.label} ${fmt(p.v)}`).join(", ")} (highest first).`;
  }
  if (spec.series.length > 1 && spec.categories.length > 3) {
    // Many categories (usually years): describe the latest one with a value, parts largest first.
    let i = spec.categories.length - 1;
    while (i > 0 && spec.series.every((s) => s.values[i] == null)) i--;
    const parts = spec.series
      .map((s) => ({ label: s.label, v: s.values[i] ?? null }))
      .filter((p): p is { label: string; v: number } => p.v !== null)
      .sort((a, b) => b.v - a.v);
    if (parts.length === 0) return "No published values for this selection.";
    return `${spec.categories[i]}: ${parts.map((p) => `${p.label} ${fmt(p.v)}`).join(", ")} (largest first).`;
  }
  if (spec.series.length > 1) {
    const parts = spec.categories.map((cat, i) => {
      const largest = spec.series
        .map((s) => ({ label: s.label, v: s.values[i] ?? null }))
        .filter((p): p is { label: string; v: number } => p.v !== null)
        .sort((a, b) => b.v - a.v)[0];
      return largest ? `${cat}: largest part ${largest.label.toLowerCase()} (${fmt(largest.v)})` : `${cat}: suppressed`;
    });
    return `${parts.join("; ")}.`;
  }
  const series = spec.series[0];
  if (!series) return "No published values for this selection.";
  const cells = spec.categories
    .map((c, i) => ({ c, v: series.values[i] ?? null }))
    .filter((p): p is { c: string; v: number } => p.v !== null)
    .sort((a, b) => b.v - a.v);
  if (cells.length === 0) return "No published values for this selection.";
  if (cells.length === 1) return `${cells[0]!.c}: ${fmt(cells[0]!.v)}.`;
  const hi = cells[0]!;
  const lo = cells[cells.length - 1]!;
  return `${hi.c} is highest at ${fmt(hi.v)}; ${lo.c} lowest at ${fmt(lo.v)}.`;
}

/** One sentence from the numbers: the highest and lowest groups, and what was withheld. */
export function summariseSpec(spec: ChartSpec): string {
  const fmt = (v: number) => formatValue(v, spec.format);
  const what = spec.title.charAt(0).toLowerCase() + spec.title.slice(1);
  if (spec.kind === "box" && spec.boxes && spec.boxes.length > 0) {
    const sorted = [...spec.boxes].sort((a, b) => b.median - a.median);
    const hi = sorted[0]!;
    const lo = sorted[sorted.length - 1]!;
    return sorted.length === 1
      ? `${hi.category}: median ${fmt(hi.median)}, middle half ${fmt(hi.q1)} to ${fmt(hi.q3)} (n = ${formatCount(hi.n)}).`
      : `Box plot of ${what}: ${hi.category} has the highest median (${fmt(hi.median)}, middle half ${fmt(hi.q1)}–${fmt(hi.q3)}) and ${lo.category} the lowest (${fmt(lo.median)}, ${fmt(lo.q1)}–${fmt(lo.q3)}).`;
  }
  if (spec.kind === "scatter" && spec.points) {
    const hl = spec.points.find((p) => p.highlight);
    return `Scatter of ${spec.points.length} councils: ${spec.yLabel} against ${spec.xLabel}${hl ? `; ${hl.label} is highlighted` : ""}.`;
  }
  if (spec.kind === "line") {
    const parts = spec.series
      .map((s) => {
        const pts = s.values.map((v, i) => ({ v, c: spec.categories[i]! })).filter((p) => p.v !== null);
        if (pts.length === 0) return `${s.label}: no published values`;
        const first = pts[0]!;
        const last = pts[pts.length - 1]!;
        return pts.length === 1
          ? `${s.label} ${fmt(first.v!)} in ${first.c}`
          : `${s.label} from ${fmt(first.v!)} in ${first.c} to ${fmt(last.v!)} in ${last.c}`;
      })
      .slice(0, 5);
    return `Line chart of ${what}: ${parts.join("; ")}.`;
  }
  const cells: { label: string; v: number }[] = [];
  let suppressed = 0;
  for (const s of spec.series)
    s.values.forEach((v, i) => {
      const label = spec.series.length > 1 ? `${spec.categories[i]} – ${s.label}` : spec.categories[i]!;
      if (v === null) {
        if (s.suppressed?.[i]) suppressed += 1;
      } else cells.push({ label, v });
    });
  if (cells.length === 0) return `No published values for ${what} with these filters.`;
  const sorted = [...cells].sort((a, b) => b.v - a.v);
  const hi = sorted[0]!;
  const lo = sorted[sorted.length - 1]!;
  const tail = suppressed > 0 ? `; ${suppressed} group${suppressed === 1 ? "" : "s"} suppressed for small n` : "";
  if (sorted.length === 1) return `${hi.label}: ${fmt(hi.v)}${tail}.`;
  return `Chart of ${what}: highest ${hi.label} (${fmt(hi.v)}), lowest ${lo.label} (${fmt(lo.v)})${tail}.`;
}

export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${s}`;
}

/** "Top", "Second", "Third", "Bottom" for quartiles 1–4 (1 = best quarter). */
export function quartileName(quartile: 1 | 2 | 3 | 4): string {
  return ({ 1: "Top", 2: "Second", 3: "Third", 4: "Bottom" } as const)[quartile];
}

export function rankInWords(rank: RankResult | null, metric: MetricDef, councilName: string): string {
  if (!rank)
    return `${councilName} has no published value for ${metric.label.toLowerCase()} with these filters (missing or suppressed for small n).`;
  const order = metric.polarity === "lower-better" ? "lowest first" : "highest first";
  const quarter = quartileName(rank.quartile).toLowerCase();
  return `${councilName}: ${formatValue(rank.value, metric.format)} — ranked ${ordinal(rank.rank)} of ${formatCount(rank.of)} councils with a published value (${order}), in the ${quarter} quartile.`;
}

/** How far the council is from the three-year-contract ask, in words, from the API's values and gaps. */
export function askDistanceInWords(
  name: string,
  length: BenchmarkMetric | undefined,
  share: BenchmarkMetric | undefined,
): string {
  const parts: string[] = [];
  const median = length?.council?.suppressed ? null : (length?.council?.value ?? null);
  const gap = length?.target?.gap ?? null;
  if (median === null)
    parts.push(`${name}'s median contract length is not published with these filters (missing or suppressed)`);
  else if (gap !== null && gap <= 0)
    parts.push(`${name}'s median contract runs ${formatValue(median, "months")}, meeting the three-year ask`);
  else
    parts.push(
      `${name}'s median contract runs ${formatValue(median, "months")}${gap !== null ? `, ${formatValue(gap, "months")} short of the three-year ask` : ""}`,
    );
  const s = share?.council;
  if (s && !s.suppressed && s.value !== null)
    parts.push(
      `${formatValue(s.value, "percent")} of its ${formatCount(s.n)} contracts with a known length run 36 months or more (the ask: all of them)`,
    );
  return `${parts.join("; ")}.`;
}
