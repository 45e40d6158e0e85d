/**
 * Highlight, not filter: `?highlight=<la_code>` names one council that every chart where
 * councils appear draws distinctly, with all the others kept (a council filter would drop them).
 * Pure functions here read and write the parameter, mark a spec, and say where the council sits.
 */
import { COUNCILS, DIMENSIONS, formatCount, formatValue, labelForValue } from "@lens/core";
import { ordinal } from "./benchmark.js";
import type { ChartSpec } from "./chart-spec.js";

export const HIGHLIGHT_PARAM = "highlight";

/** The highlighted council's code, or null when absent or not a council in the registry (never guessed). */
export function highlightFromParams(params: URLSearchParams): string | null {
  const code = params.get(HIGHLIGHT_PARAM)?.trim() ?? "";
  return COUNCILS.some((c) => c.laCode === code) ? code : null;
}

export function writeHighlight(params: URLSearchParams, code: string | null): void {
  if (code) params.set(HIGHLIGHT_PARAM, code);
  else params.delete(HIGHLIGHT_PARAM);
}

/** A path with the highlight set, keeping the path's own query (for "see it highlighted in Explore" links). */
export function withHighlightParam(path: string, code: string): string {
  const [base, query = ""] = path.split("?");
  const params = new URLSearchParams(query);
  writeHighlight(params, code);
  return `${base}?${params.toString()}`;
}

/** Councils drawn one per category (ranked bars) or one per point (scatter). */
export function councilsDrawn(spec: ChartSpec): "categories" | "points" | null {
  if (spec.kind === "scatter") return (spec.points?.length ?? 0) > 0 ? "points" : null;
  if (spec.xLabel === DIMENSIONS.council.label) return spec.categories.length > 0 ? "categories" : null;
  return null;
}

/**
 * The spec with `code` highlighted: `highlightCouncil` for the renderer, and the marks it
 * already draws emphasised (the category for bars, the point for a scatter). Charts without
 * councils are returned unchanged.
 */
export function withHighlight(spec: ChartSpec, code: string | null): ChartSpec {
  if (!code) return spec;
  const drawn = councilsDrawn(spec);
  if (!drawn) return spec;
  const label = labelForValue("council", code);
  const next: ChartSpec = { ...spec, highlightCouncil: { code, label } };
  // A council that is not drawn mutes nothing: every other mark keeps its colour.
  if (drawn === "points") {
    if (spec.points!.some((p) => p.id === code))
      next.points = spec.points!.map((p) => ({ ...p, highlight: p.id === code || undefined }));
  } else if (spec.categories.includes(label)) next.highlight = [label];
  return next;
}

/**
 * "Kent is highlighted: 11.3%, ranked 40th of 152 councils drawn (highest first)"; for a
 * scatter both values and the rank on each axis; for a chart without councils, null.
 * Ranks are among the councils drawn with a value (ties share the better rank).
 */
export function highlightInWords(spec: ChartSpec, code: string | null): string | null {
  if (!code) return null;
  const drawn = councilsDrawn(spec);
  if (!drawn) return null;
  const name = labelForValue("council", code);
  if (drawn === "points") {
    const points = spec.points ?? [];
    const p = points.find((q) => q.id === code);
    if (!p)
      return `${name} is highlighted but not drawn: it has no published value on both axes with these filters (missing or suppressed).`;
    const rankY = rankAmong(
      points.map((q) => q.y),
      p.y,
    );
    const rankX = rankAmong(
      points.map((q) => q.x),
      p.x,
    );
    const n = formatCount(points.length);
    return `${name} is highlighted: ${spec.yLabel} ${formatValue(p.y, spec.format)} (${ordinal(rankY)} of ${n}), ${spec.xLabel} ${formatValue(p.x, spec.xFormat ?? spec.format)} (${ordinal(rankX)} of ${n}); ranks among the councils drawn, highest first.`;
  }
  const series = spec.series[0];
  const i = spec.categories.indexOf(name);
  const value = i === -1 ? null : (series?.values[i] ?? null);
  if (value === null)
    return `${name} is highlighted but has no published value in this chart with these filters (missing or suppressed).`;
  const values = (series?.values ?? []).filter((v): v is number => v !== null);
  return `${name} is highlighted: ${formatValue(value, spec.format)}, ranked ${ordinal(rankAmong(values, value))} of ${formatCount(values.length)} councils with a value (highest first).`;
}

/** 1 + the number of values strictly above `value`. */
function rankAmong(values: readonly number[], value: number): number {
  return 1 + values.filter((v) => v > value).length;
}

/**
 * The URL's highlight applied to any chart a page draws, its words first among the notes so
 * they travel with every export. A chart that already emphasises its own council (a council's
 * benchmark) keeps it.
 */
export function withPageHighlight(spec: ChartSpec, code: string | null): ChartSpec {
  if (!code || (spec.highlight?.length ?? 0) > 0 || spec.highlightCouncil) return spec;
  const marked = withHighlight(spec, code);
  if (marked === spec) return spec;
  const words = highlightInWords(spec, code);
  return words && !marked.notes.includes(words) ? { ...marked, notes: [words, ...marked.notes] } : marked;
}
