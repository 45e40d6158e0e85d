/**
 * The legend of a chart, as data: series names, what each mark means, the highlighted council
 * and the reference lines, each with its colour from the theme. The page draws these items as
 * HTML under the chart, the export composer as SVG above it, so both say the same words in the
 * same colours.
 */

import type { ChartSpec } from "@lens/charts/chart-spec";
import { type KeyGlyph, markKey } from "@lens/charts/legend-key";
import { THEME } from "@lens/charts/theme";
import { formatValue } from "@lens/core";

export type LegendGlyph = "square" | "line" | "dash" | "dot" | KeyGlyph;

export interface LegendItem {
  label: string;
  colour: string;
  glyph: LegendGlyph;
}

/** The label of the highlighted category or council, when the chart draws one. */
export function highlightedLabels(spec: ChartSpec): Set<string> {
  const labels = new Set(spec.highlight ?? []);
  if (spec.highlightCouncil) labels.add(spec.highlightCouncil.label);
  return labels;
}

/** Whether a scatter point is the highlighted council. */
export function isHighlightedPoint(spec: ChartSpec, point: { id: string; highlight?: boolean }): boolean {
  return point.highlight === true || (spec.highlightCouncil !== undefined && point.id === spec.highlightCouncil.code);
}

const KEY_COLOURS: Record<KeyGlyph, string> = {
  band: "#3c3c43",
  box: THEME.boxStroke,
  whisker: THEME.boxStroke,
  ring: THEME.boxStroke,
  diamond: THEME.adjusted,
};

export function legendItems(spec: ChartSpec): LegendItem[] {
  const items: LegendItem[] = [];
  if (spec.kind === "scatter") {
    const points = spec.points ?? [];
    const highlighted = points.filter((p) => isHighlightedPoint(spec, p));
    items.push({ label: "Council", colour: highlighted.length ? THEME.muted : THEME.point, glyph: "dot" });
    for (const p of highlighted)
      items.push({ label: `${p.label} (highlighted)`, colour: THEME.highlight, glyph: "dot" });
  } else if (spec.kind !== "box") {
    if (spec.series.length > 1)
      for (const s of spec.series)
        items.push({ label: s.label, colour: s.colour, glyph: spec.kind === "line" ? "line" : "square" });
    const highlighted = highlightedLabels(spec);
    const shown = spec.categories.filter((cat) => highlighted.has(cat));
    for (const c of shown) items.push({ label: `${c} (highlighted)`, colour: THEME.highlight, glyph: "square" });
    if (shown.length > 0 && shown.length < spec.categories.length)
      items.push({ label: spec.highlightCouncil ? "Other councils" : "Others", colour: THEME.muted, glyph: "square" });
  }
  for (const k of markKey(spec)) items.push({ label: k.label, colour: KEY_COLOURS[k.glyph], glyph: k.glyph });
  for (const r of spec.referenceLines ?? [])
    items.push({
      label: `${r.label}: ${formatValue(r.value, spec.format)}`,
      colour: r.colour ?? THEME.reference.colour,
      glyph: "dash",
    });
  return items;
}
