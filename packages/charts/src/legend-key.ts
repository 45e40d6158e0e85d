/**
 * Legend entries that explain marks rather than name series — the confidence band of a line
 * chart and the parts of a box plot. Shared by the on-screen legend and the export composer,
 * so the picture and its notes say each thing once.
 */
import type { ChartSpec } from "./chart-spec.js";
import { THEME } from "./theme.js";

export const CI_BAND_LABEL = "Shaded: 95% confidence interval";

/** Line charts shade each series' 95% confidence interval when the spec carries one. */
export function hasCiBand(spec: ChartSpec): boolean {
  return spec.kind === "line" && spec.series.some((s) => !!s.ciHigh && !!s.ciLow?.some((v) => v !== null));
}

export type KeyGlyph = "band" | "box" | "whisker" | "ring" | "diamond";

export interface KeyItem {
  label: string;
  glyph: KeyGlyph;
}

/** What each mark means: the band on line charts; box, whiskers and outliers on box plots. */
export function markKey(spec: ChartSpec): KeyItem[] {
  if (hasCiBand(spec)) return [{ label: CI_BAND_LABEL, glyph: "band" }];
  if (spec.kind !== "box" || (spec.boxes?.length ?? 0) === 0) return [];
  const items: KeyItem[] = [
    { label: "Box: middle half of values (quartiles); line: median", glyph: "box" },
    { label: "Whiskers: furthest values within 1.5 × the box's height", glyph: "whisker" },
  ];
  if (spec.boxes?.some((b) => b.outliers.length > 0)) {
    const top = boxValueTop(spec);
    const offScale = spec.boxes.some((b) => b.outliers.some((o) => o > top));
    items.push({
      label: `Circles: values beyond the whiskers${offScale ? "; “+n” at the top: values above the scale" : ""}`,
      glyph: "ring",
    });
  }
  if (spec.likeForLike && spec.boxes?.some((b) => b.adjusted))
    items.push({ label: `Diamond: median ${lowerFirst(spec.likeForLike)}; its line: 95% interval`, glyph: "diamond" });
  return items;
}

/** How far above the highest whisker a box plot's axis stretches to show outliers. */
export const BOX_OUTLIER_REACH = 1.5;

/**
 * The highest value a box plot's axis must show: whiskers and reference lines always, outliers
 * up to 1.5 × the highest whisker. A few extreme values (a £16m contract among £200k ones)
 * would otherwise squash every box flat; those are counted at the top of the axis instead.
 */
export function boxValueTop(spec: ChartSpec): number {
  const boxes = spec.boxes ?? [];
  const whiskerTop = Math.max(
    0,
    ...boxes.map((b) => b.max),
    // A like-for-like median and its interval are always on the scale, beside the box they belong to.
    ...boxes.map((b) => b.adjusted?.high ?? b.adjusted?.value ?? 0),
    ...(spec.referenceLines ?? []).map((r) => r.value),
  );
  const reach = whiskerTop * BOX_OUTLIER_REACH;
  return Math.max(whiskerTop, ...boxes.flatMap((b) => b.outliers.filter((o) => o <= reach)));
}

/** Outliers drawn (≤ top) and those above the axis, counted (> top). */
export function splitOutliers(outliers: readonly number[], top: number): { shown: number[]; above: number } {
  const shown = outliers.filter((o) => o <= top);
  return { shown, above: outliers.length - shown.length };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The like-for-like estimate's colour (diamonds beside boxes, paired bars): no model or sector uses it. */
export const ADJUSTED_MARK_COLOUR = THEME.adjusted;
