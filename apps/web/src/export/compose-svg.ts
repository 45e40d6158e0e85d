/**
 * composeExportSvg: a chart as one standalone SVG frame — header (title, subtitle, filters,
 * concentration and like-for-like words), legend, the chart, footer (notes, n, "Source: …",
 * licence, data vintage, export date, permalink) and, on the sample warehouse, a "Sample data —
 * not real" band and diagonal watermark. The chart is LensChart's own <svg>, drawn at the size
 * this layout leaves for it (render-chart.tsx), so the export shows the page's marks; the legend
 * is the page's legend items drawn as SVG. The PNG is rasterised from this same string.
 *
 * Invariant checked by the layout tests: every text box lies inside the frame and no two
 * text boxes overlap. Fixed-size presets keep it by shrinking type, then dropping notes
 * (saying how many and where to read them), then shrinking the chart — never by clipping.
 */

import { naturalHeight } from "@lens/charts/axis";
import type { ChartSpec } from "@lens/charts/chart-spec";
import { THEME } from "@lens/charts/theme";
import { formatDate, SAMPLE_NOTICE } from "@lens/core";
import { type LegendItem, legendItems } from "../charts/legend.js";
import { approximateMeasure, type MeasureText } from "./measure-text.js";
import {
  escapeXml,
  LINE_HEIGHT,
  num,
  type Rect,
  renderText,
  SVG_FONT_FAMILY,
  type TextBox,
  type TextStyle,
  wrapBlock,
} from "./svg-text.js";

export type SizePreset = "standard" | "social" | "square";

export interface ExportSize {
  /** CSS px of the frame; the PNG is width × density pixels wide. */
  width: number;
  /** Fixed frame height, or null to fit the content. */
  height: number | null;
  density: number;
}

export const SIZE_PRESETS: Record<SizePreset, ExportSize & { label: string }> = {
  standard: { width: 1200, height: null, density: 2, label: "Standard (1200 px wide, 2× density)" },
  social: { width: 1200, height: 675, density: 1, label: "Social (1200 × 675)" },
  square: { width: 1080, height: 1080, density: 1, label: "Square (1080 × 1080)" },
};

export const SIZE_PRESET_IDS = Object.keys(SIZE_PRESETS) as SizePreset[];

export function isSizePreset(v: unknown): v is SizePreset {
  return typeof v === "string" && v in SIZE_PRESETS;
}

export interface ExportMeta {
  permalink: string;
  exportedAt: Date;
  /** The word before the date in the footer: "Exported" (files) or "Shown" (a live embed). */
  dateLabel?: string;
  /** Canvas-backed measurement in the browser; the Helvetica estimate otherwise. */
  measure?: MeasureText;
}

export interface ExportLayout {
  width: number;
  height: number;
  texts: TextBox[];
  plot: Rect;
  scale: number;
  notesShown: number;
  svg: string;
}

/** The sample notice, in @lens/core's words (provenance.ts). */
export const SAMPLE_TEXT = SAMPLE_NOTICE;

/**
 * The source and licence lines under a chart, as the export and the embed both print them:
 * "Source: …" and "Licence: … · Data built … · Exported|Shown <date> · Commissioning Lens".
 */
export function creditLines(
  spec: ChartSpec,
  meta: Pick<ExportMeta, "exportedAt" | "dateLabel">,
): { source: string; licence: string } {
  const vintage = spec.vintage ? ` · ${/^data\b/i.test(spec.vintage) ? spec.vintage : `Data: ${spec.vintage}`}` : "";
  return {
    source: spec.source.startsWith("Source:") ? spec.source : `Source: ${spec.source}`,
    licence: `Licence: ${spec.licence}${vintage} · ${meta.dateLabel ?? "Exported"} ${formatDate(meta.exportedAt)} · Commissioning Lens`,
  };
}
const { ink: INK, muted: MUTED, sample: SAMPLE_RED, disclosure: DISCLOSURE_INK } = THEME.frame;

/** Lays out the legend as flowing rows of swatch + label; long labels wrap inside the row. */
function layoutLegend(
  items: LegendItem[],
  x: number,
  top: number,
  width: number,
  scale: number,
  measure: MeasureText,
): { texts: TextBox[]; marks: string; height: number } {
  const size = Math.max(10, 15 * scale);
  const lh = size * LINE_HEIGHT;
  const sw = size * 0.9;
  const itemGap = 22 * scale;
  const texts: TextBox[] = [];
  const marks: string[] = [];
  let cx = x;
  let rowTop = top;
  let rowH = lh;
  for (const item of items) {
    const labelMax = width - sw - 6 * scale;
    const natural = measure(item.label, { size });
    const itemW = sw + 6 * scale + Math.min(labelMax, natural);
    if (cx > x && cx + itemW > x + width) {
      cx = x;
      rowTop += rowH + 4 * scale;
      rowH = lh;
    }
    const block = wrapBlock(
      item.label,
      { size, fill: INK, role: "legend" },
      { x: cx + sw + 6 * scale, top: rowTop, width: labelMax },
      measure,
    );
    texts.push(...block.boxes);
    const my = rowTop + lh / 2;
    const c = escapeXml(item.colour);
    if (item.glyph === "square")
      marks.push(`<rect x="${num(cx)}" y="${num(my - sw / 2)}" width="${num(sw)}" height="${num(sw)}" fill="${c}"/>`);
    else if (item.glyph === "dot")
      marks.push(`<circle cx="${num(cx + sw / 2)}" cy="${num(my)}" r="${num(sw / 2.6)}" fill="${c}"/>`);
    else if (item.glyph === "band")
      marks.push(
        `<rect class="legend-ci-band" x="${num(cx)}" y="${num(my - sw / 2)}" width="${num(sw)}" height="${num(sw)}" fill="${c}" fill-opacity="0.22"/>`,
      );
    else if (item.glyph === "box")
      marks.push(
        `<rect x="${num(cx + 1)}" y="${num(my - sw / 2 + 1)}" width="${num(sw - 2)}" height="${num(sw - 2)}" fill="#e3e6ea" stroke="${c}" stroke-width="${num(1.5 * scale)}"/>`,
        `<line x1="${num(cx + 1)}" x2="${num(cx + sw - 1)}" y1="${num(my)}" y2="${num(my)}" stroke="#111" stroke-width="${num(2.5 * scale)}"/>`,
      );
    else if (item.glyph === "whisker")
      marks.push(
        `<path d="M${num(cx + sw / 2)} ${num(my - sw / 2)}V${num(my + sw / 2)}M${num(cx + sw * 0.2)} ${num(my - sw / 2)}h${num(sw * 0.6)}M${num(cx + sw * 0.2)} ${num(my + sw / 2)}h${num(sw * 0.6)}" stroke="${c}" stroke-width="${num(1.5 * scale)}" fill="none"/>`,
      );
    else if (item.glyph === "diamond")
      marks.push(
        `<path d="M${num(cx + sw / 2)} ${num(my - sw / 2)}L${num(cx + sw)} ${num(my)}L${num(cx + sw / 2)} ${num(my + sw / 2)}L${num(cx)} ${num(my)}Z" fill="${c}" stroke="${THEME.ink}"/>`,
      );
    else if (item.glyph === "ring")
      marks.push(
        `<circle cx="${num(cx + sw / 2)}" cy="${num(my)}" r="${num(sw / 3.2)}" fill="none" stroke="${c}" stroke-width="${num(1.5 * scale)}"/>`,
      );
    else
      marks.push(
        `<line x1="${num(cx)}" x2="${num(cx + sw)}" y1="${num(my)}" y2="${num(my)}" stroke="${c}" stroke-width="${num(3 * scale)}"${item.glyph === "dash" ? ` stroke-dasharray="${THEME.reference.dash}"` : ""}/>`,
      );
    rowH = Math.max(rowH, block.height);
    cx += itemW + itemGap;
  }
  return { texts, marks: marks.join(""), height: items.length ? rowTop + rowH - top : 0 };
}

interface Attempt {
  scale: number;
  notes: number;
  /** Minimum plot area height for fixed-size frames. */
  minChart: number;
}

function attempts(fixed: boolean, notes: number): Attempt[] {
  if (!fixed) return [{ scale: 1, notes, minChart: 0 }];
  const list: Attempt[] = [];
  for (const scale of [1, 0.92, 0.85, 0.78]) list.push({ scale, notes, minChart: 220 });
  for (let k = notes - 1; k >= 0; k--) list.push({ scale: 0.78, notes: k, minChart: 200 });
  for (const scale of [0.72, 0.66, 0.6]) list.push({ scale, notes: 0, minChart: 160 });
  list.push({ scale: 0.6, notes: 0, minChart: 60 });
  return list;
}

/** The chart's own <svg> at a size, as markup. */
export interface ChartDrawing {
  svg: string;
  width: number;
  height: number;
}

/**
 * Draws the chart's <svg> at a size: `drawChart` (render-chart.tsx) renders LensChart offscreen.
 * Passed in, so this module stays free of React and recharts.
 */
export type DrawChart = (spec: ChartSpec, width: number, height: number) => Promise<ChartDrawing>;

/** The frame laid out around a box left for the chart; `assemble` puts the chart's SVG in it. */
interface FramePlan {
  fits: boolean;
  chart: Rect;
  /** How much the chart, drawn at a card's size, is scaled up to fill its box. */
  chartScale: number;
  layout: Omit<ExportLayout, "svg">;
  assemble(chartSvg: string): string;
}

/**
 * The frame of an export before its chart is drawn: header, legend and footer placed, and the
 * box the chart gets. Pure and synchronous, so the layout rules are testable on their own.
 */
export function planExport(spec: ChartSpec, size: ExportSize, meta: ExportMeta): FramePlan {
  const measure = meta.measure ?? approximateMeasure;
  const fixed = size.height !== null;
  const tries = attempts(fixed, spec.notes.length);
  let last: FramePlan | null = null;
  for (const attempt of tries) {
    const plan = tryLayout(spec, size, meta, measure, attempt);
    if (plan.fits) return plan;
    last = plan;
  }
  // The last attempt keeps only the chart's minimum: header lines beyond the frame are dropped.
  return last!;
}

/** The whole export: the frame planned, the chart drawn into its box, one SVG. */
export async function layoutExport(
  spec: ChartSpec,
  size: ExportSize,
  meta: ExportMeta,
  draw: DrawChart,
): Promise<ExportLayout> {
  const plan = planExport(spec, size, meta);
  // The chart is drawn at the size of a card on the page and scaled up to its box, so its
  // ticks and marks keep the page's proportions instead of shrinking in a wide picture.
  const chart = await draw(
    spec,
    Math.round(plan.chart.w / plan.chartScale),
    Math.round(plan.chart.h / plan.chartScale),
  );
  return { ...plan.layout, svg: plan.assemble(chart.svg) };
}

function tryLayout(
  spec: ChartSpec,
  size: ExportSize,
  meta: ExportMeta,
  measure: MeasureText,
  attempt: Attempt,
): FramePlan {
  const W = size.width;
  // Narrow frames (an embed on a phone) start from smaller type.
  const scale = attempt.scale * Math.max(0.72, Math.min(1, W / 1000));
  const pad = Math.round(Math.max(12, Math.min(36, W * 0.028)) * Math.min(1, scale + 0.1));
  const innerW = W - 2 * pad;
  const texts: TextBox[] = [];
  const marks: string[] = [];
  const styles = {
    title: { size: Math.max(14, 30 * scale), weight: "bold", fill: INK, role: "title" } satisfies TextStyle,
    subtitle: { size: Math.max(12, 19 * scale), fill: "#333", role: "subtitle" } satisfies TextStyle,
    filters: { size: Math.max(11, 15.5 * scale), fill: MUTED, role: "filters" } satisfies TextStyle,
    disclosure: { size: Math.max(11, 15.5 * scale), fill: DISCLOSURE_INK, role: "disclosure" } satisfies TextStyle,
    note: { size: Math.max(10, 13.5 * scale), fill: "#333", role: "note" } satisfies TextStyle,
    n: { size: Math.max(10, 13.5 * scale), fill: "#333", role: "n" } satisfies TextStyle,
    source: { size: Math.max(10, 13.5 * scale), fill: "#333", role: "source" } satisfies TextStyle,
    licence: { size: Math.max(10, 13.5 * scale), fill: MUTED, role: "licence" } satisfies TextStyle,
    permalink: { size: Math.max(10, 12.5 * scale), fill: MUTED, role: "permalink" } satisfies TextStyle,
    band: { size: Math.max(11, 15 * scale), weight: "bold", fill: "#fff", role: "sample-band" } satisfies TextStyle,
  };
  const gap = 10 * scale;

  // Sample band across the top.
  let y = 0;
  if (spec.isSample) {
    const bandH = styles.band.size * 1.9;
    marks.push(`<rect x="0" y="0" width="${W}" height="${num(bandH)}" fill="${SAMPLE_RED}"/>`);
    const text = `${SAMPLE_TEXT} · figures come from a generated sample`;
    const label = measure(text, styles.band) <= innerW ? text : SAMPLE_TEXT;
    const w = Math.min(innerW, measure(label, styles.band));
    const h = styles.band.size * LINE_HEIGHT;
    texts.push({
      ...styles.band,
      weight: "bold",
      text: label,
      x: (W - w) / 2,
      y: (bandH - h) / 2,
      w,
      h,
      anchor: "middle",
    });
    y = bandH;
  }
  y += pad;

  const push = (text: string, style: TextStyle, options: { breakAll?: boolean; lineHeight?: number } = {}) => {
    if (!text) return;
    const block = wrapBlock(text, style, { x: pad, top: y, width: innerW }, measure, options);
    texts.push(...block.boxes);
    y += block.height;
  };
  push(spec.title, styles.title, { lineHeight: 1.2 });
  if (spec.subtitle) {
    y += 4 * scale;
    push(spec.subtitle, styles.subtitle);
  }
  if (spec.filtersInWords) {
    y += 2 * scale;
    push(spec.filtersInWords, styles.filters);
  }
  // Concentration and like-for-like words sit in the header, where no fixed size can drop them.
  const disclosures = spec.disclosures ?? [];
  disclosures.forEach((d, i) => {
    y += (i === 0 ? 6 : 3) * scale;
    push(d, i === 0 ? { ...styles.disclosure, weight: "bold" } : styles.disclosure);
  });
  y += gap * 1.4;

  const legend = layoutLegend(legendItems(spec), pad, y, innerW, scale, measure);
  texts.push(...legend.texts);
  marks.push(legend.marks);
  if (legend.height) y += legend.height + gap * 1.2;
  const chartTop = y;

  // Footer, laid out from 0 and moved under the chart once its height is known.
  const footer: TextBox[] = [];
  let fy = 0;
  const footerPush = (text: string, style: TextStyle, options: { breakAll?: boolean } = {}) => {
    const block = wrapBlock(text, style, { x: pad, top: fy, width: innerW }, measure, options);
    footer.push(...block.boxes);
    fy += block.height + 2 * scale;
  };
  // A note already said in the header is not said twice in the picture.
  const notes = spec.notes.filter((n) => !disclosures.includes(n));
  const shownNotes = notes.slice(0, attempt.notes);
  for (const note of shownNotes) footerPush(`Note: ${note}`, styles.note);
  const dropped = notes.length - shownNotes.length;
  if (dropped > 0)
    footerPush(`${dropped} more note${dropped === 1 ? "" : "s"} with the chart at the permalink below.`, styles.note);
  if (spec.n) footerPush(spec.n, styles.n);
  const credits = creditLines(spec, meta);
  footerPush(credits.source, styles.source);
  footerPush(credits.licence, styles.licence);
  footerPush(meta.permalink, styles.permalink, { breakAll: true });
  const footerH = fy;

  // The chart's box: what a fixed frame leaves, or the chart's own height (at least 42% of the width).
  const chartScale = W >= 900 ? 1.3 : W >= 640 ? 1.15 : 1;
  const naturalH = Math.round(
    Math.max(naturalHeight(spec, W < 640) * chartScale, Math.min(560, Math.max(240, W * 0.42))),
  );
  const chartH = size.height === null ? naturalH : size.height - pad - footerH - gap * 1.5 - chartTop;
  const fits = chartH >= attempt.minChart;
  const box: Rect = { x: pad, y: chartTop, w: Math.round(innerW), h: Math.round(Math.max(chartH, 60)) };
  // The plot inside the chart's box (axes excluded), for the watermark.
  const chart = { plot: { x: box.x + 76, y: box.y + 16, w: Math.max(40, box.w - 100), h: Math.max(30, box.h - 64) } };
  const footerTop = chartTop + box.h + gap * 1.5;
  for (const b of footer) texts.push({ ...b, y: b.y + footerTop });
  const H = size.height ?? Math.ceil(footerTop + footerH + pad);

  // Diagonal watermark across the plot, sized so its rotated box stays inside the plot.
  let watermark = "";
  if (spec.isSample) {
    const p = chart.plot;
    const angle = Math.min(28, (Math.atan2(p.h, p.w) * 180) / Math.PI);
    const rad = (angle * Math.PI) / 180;
    let fontSize = 72 * scale;
    const fitsAt = (f: number) => {
      const w = measure(SAMPLE_TEXT, { size: f, weight: "bold" });
      const h = f * 1.1;
      return w * Math.cos(rad) + h * Math.sin(rad) <= p.w * 0.9 && w * Math.sin(rad) + h * Math.cos(rad) <= p.h * 0.9;
    };
    while (fontSize > 10 && !fitsAt(fontSize)) fontSize -= 2;
    const w = measure(SAMPLE_TEXT, { size: fontSize, weight: "bold" });
    const h = fontSize * 1.1;
    const box: TextBox = {
      x: p.x + p.w / 2 - w / 2,
      y: p.y + p.h / 2 - h / 2,
      w,
      h,
      text: SAMPLE_TEXT,
      role: "watermark",
      size: fontSize,
      weight: "bold",
      fill: SAMPLE_RED,
      anchor: "middle",
      rotate: -angle,
    };
    texts.push(box);
    watermark = renderText(box).replace("<text ", '<text fill-opacity="0.16" ');
  }

  const title = escapeXml(spec.title);
  const body = texts
    .filter((t) => t.role !== "watermark")
    .map(renderText)
    .join("");
  const assemble = (chartSvg: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${num(H)}" viewBox="0 0 ${W} ${num(H)}" role="img" aria-labelledby="lens-export-title lens-export-desc">` +
    `<title id="lens-export-title">${title}</title><desc id="lens-export-desc">${escapeXml(spec.summary)}</desc>` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<g font-family="${escapeXml(SVG_FONT_FAMILY)}">` +
    marks.join("") +
    `<g transform="translate(${num(box.x)} ${num(box.y)}) scale(${chartScale})">${chartSvg}</g>` +
    watermark +
    body +
    "</g></svg>";
  return {
    fits: fits && texts.every((t) => t.y + t.h <= H + 0.5),
    chart: box,
    chartScale,
    layout: { width: W, height: H, texts, plot: box, scale, notesShown: shownNotes.length },
    assemble,
  };
}

/** The standalone SVG string for a chart at a size. */
export async function composeExportSvg(
  spec: ChartSpec,
  size: SizePreset | ExportSize,
  meta: ExportMeta,
  draw: DrawChart,
): Promise<string> {
  return (await layoutExport(spec, typeof size === "string" ? SIZE_PRESETS[size] : size, meta, draw)).svg;
}
