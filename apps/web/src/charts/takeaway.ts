/**
 * One-line plain-English takeaways generated from a spec's own numbers — no hand-written claims.
 * They describe order and size only ("highest", "mostly"), never cause.
 */
import { formatValue } from "@lens/core";
import { ADJUSTED_KEY } from "./answer-spec.js";
import type { ChartSpec } from "./chart-spec.js";

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
