/**
 * The chart part of an export, drawn from the ChartSpec as plain SVG marks (never by
 * serialising recharts): axes with ticks formatted by @lens/core, bars with CI whiskers,
 * grouped and stacked bars, lines with points and CI bands, box plots and scatter plots.
 * Crowded axes shrink their labels, wrap them, then show every k-th one; optional labels
 * (values on bars, highlighted points) are only placed where they collide with nothing.
 */
import { formatAxisValue, formatValue, type MetricFormat } from "@lens/core";
import type { ChartSpec, Series } from "../charts/chart-spec.js";
import { ADJUSTED_MARK_COLOUR, boxValueTop, splitOutliers } from "../charts/legend-key.js";
import { roundTicks } from "../charts/value-domain.js";
import type { MeasureText } from "./measure-text.js";
import { boxesOverlap, escapeXml, LINE_HEIGHT, num, type Rect, type TextBox, wrapBlock } from "./svg-text.js";

export interface ChartArea {
  x: number;
  y: number;
  w: number;
  /** Fixed height of the whole chart area (axes included), or null to use `plotHeight`. */
  h: number | null;
  plotHeight: number;
}

export interface ChartLayout {
  marks: string;
  texts: TextBox[];
  plot: Rect;
  height: number;
}

const AXIS = "#333";
const GRID = "#e3e3e3";
const MUTED = "#555";
export const REF_COLOUR = "#b3003b";

export function niceTicks(lo: number, hi: number, count: number, integerOnly = false): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi === lo) {
    hi = lo === 0 ? 1 : lo + Math.abs(lo) * 0.5;
    if (lo > 0) lo = 0;
  }
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  if (integerOnly) step = Math.max(1, Math.round(step));
  const start = Math.floor(lo / step + 1e-9) * step;
  const end = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = start; v <= end + step * 1e-6; v += step) ticks.push(Math.round(v / step) * step);
  return ticks.length >= 2 ? ticks : [start, start + step];
}

function finite(values: readonly (number | null | undefined)[]): number[] {
  return values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
}

function categoriesOf(spec: ChartSpec): string[] {
  return spec.kind === "box" ? (spec.boxes ?? []).map((b) => b.category) : spec.categories;
}

/** Fill and opacity of one category of one series: highlight, small-n and per-category colours. */
export function markStyle(spec: ChartSpec, s: Series, i: number): { fill: string; opacity: number } {
  const category = spec.categories[i] ?? "";
  const muted = (spec.highlight?.length ?? 0) > 0 && !spec.highlight!.includes(category);
  const small = s.smallN?.[i] === true;
  return { fill: escapeXml(s.colours?.[i] ?? s.colour), opacity: (muted ? 0.35 : 1) * (small ? 0.5 : 1) };
}

function opacityAttr(opacity: number): string {
  return opacity < 1 ? ` fill-opacity="${num(opacity)}"` : "";
}

/** The value range the y axis must show. */
export function yExtent(spec: ChartSpec): [number, number] {
  if (spec.yDomain) return spec.yDomain;
  const refs = (spec.referenceLines ?? []).map((r) => r.value);
  let vals: number[];
  let includeZero = true;
  switch (spec.kind) {
    case "stacked-bar": {
      vals = spec.categories.flatMap((_, i) => {
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
      break;
    }
    case "box":
      // Extreme outliers are counted at the top rather than squashing the boxes (as on screen).
      vals = [...(spec.boxes ?? []).flatMap((b) => [b.min, b.max]), boxValueTop(spec)];
      includeZero = vals.every((v) => v >= 0);
      break;
    case "scatter":
      vals = (spec.points ?? []).map((p) => p.y);
      includeZero = false;
      break;
    default:
      vals = spec.series.flatMap((s) => finite([...s.values, ...(s.ciLow ?? []), ...(s.ciHigh ?? [])]));
  }
  const all = [...vals, ...refs];
  if (all.length === 0) return [0, 1];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (includeZero) {
    lo = Math.min(0, lo);
    hi = Math.max(0, hi);
  } else {
    const pad = (hi - lo || Math.abs(hi) || 1) * 0.05;
    lo = lo >= 0 ? Math.max(0, lo - pad) : lo - pad;
    hi += pad;
  }
  return [lo, hi];
}

function xExtent(spec: ChartSpec): [number, number] {
  const xs = (spec.points ?? []).map((p) => p.x);
  if (xs.length === 0) return [0, 1];
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.05;
  // Padding never pushes a positive quantity's axis below zero.
  return [lo >= 0 ? Math.max(0, lo - pad) : lo - pad, hi + pad];
}

/** Linear ticks whose formatted labels are distinct and fit `available` px along the axis. */
function axisTicks(
  extent: [number, number],
  format: MetricFormat,
  available: number,
  labelExtent: (label: string) => number,
  fixed = false,
): { ticks: number[]; labels: string[] } {
  // A fixed 0-based domain (ranked bars) keeps its ends and the screen's round ticks when they fit.
  const round = fixed && extent[0] === 0 ? roundTicks(extent[1]) : undefined;
  if (round) {
    const labels = round.map((t) => formatAxisValue(t, format));
    const spacing = available / (round.length - 1);
    if (new Set(labels).size === labels.length && labels.every((l) => labelExtent(l) + 6 <= spacing))
      return { ticks: round, labels };
  }
  const integerOnly = format === "integer" || format === "days";
  for (let count = Math.max(2, Math.floor(available / 40)); count >= 1; count--) {
    const ticks = niceTicks(extent[0], extent[1], count, integerOnly);
    const labels = ticks.map((t) => formatAxisValue(t, format));
    if (new Set(labels).size !== labels.length) continue;
    const spacing = available / (ticks.length - 1);
    if (labels.every((l) => labelExtent(l) + 6 <= spacing)) return { ticks, labels };
  }
  const ticks = niceTicks(extent[0], extent[1], 1, integerOnly);
  return { ticks, labels: ticks.map((t) => formatAxisValue(t, format)) };
}

interface XTickPlan {
  size: number;
  /** The width each shown label was wrapped to. */
  width: number;
  step: number;
  lines: string[][];
  height: number;
}

/** Fits category labels under their bands: smaller, wrapped, then every k-th one. */
function planCategoryLabels(labels: string[], band: number, baseSize: number, measure: MeasureText): XTickPlan {
  const sizes = [baseSize, baseSize * 0.88, Math.max(10, baseSize * 0.76)];
  const maxLines = 3;
  const wrapAll = (size: number, width: number, step: number) =>
    labels.map((l, i) =>
      i % step === 0 ? wrapBlock(l, { size, fill: AXIS, role: "x-tick" }, { x: 0, top: 0, width }, measure).boxes : [],
    );
  for (const size of sizes) {
    const width = band - 6;
    if (width < size) continue;
    const wrapped = wrapAll(size, width, 1);
    const most = Math.max(1, ...wrapped.map((w) => w.length));
    if (most <= maxLines) return finishPlan(wrapped, size, 1, width);
  }
  const size = sizes[sizes.length - 1]!;
  for (let step = 2; step <= labels.length; step++) {
    const width = band * step - 8;
    const wrapped = wrapAll(size, width, step);
    const most = Math.max(1, ...wrapped.map((w) => w.length));
    if (most <= maxLines) return finishPlan(wrapped, size, step, width);
  }
  const width = band * labels.length - 8;
  return finishPlan(wrapAll(size, width, labels.length), size, labels.length, width);
}

function finishPlan(wrapped: TextBox[][], size: number, step: number, width: number): XTickPlan {
  const most = Math.max(1, ...wrapped.map((w) => w.length));
  return { size, width, step, lines: wrapped.map((w) => w.map((b) => b.text)), height: most * size * LINE_HEIGHT };
}

type AxisTitle = { text: string | undefined; role: "x-label" | "y-label" };

/**
 * Axis titles of a plot: one set in bold above it (returned placed, with the plot's new top)
 * and one centred under it (returned unplaced, at y = 0, for the caller to move below the axis).
 */
function axisTitles(
  head: AxisTitle,
  foot: AxisTitle,
  area: ChartArea,
  axisSize: number,
  gap: number,
  measure: MeasureText,
) {
  let top = area.y;
  let headBoxes: TextBox[] = [];
  if (head.text) {
    const block = wrapBlock(
      head.text,
      { size: axisSize, fill: AXIS, role: head.role, weight: "bold" },
      { x: area.x, top, width: area.w },
      measure,
    );
    headBoxes = block.boxes;
    top += block.height + gap;
  }
  const footBlock = foot.text
    ? wrapBlock(
        foot.text,
        { size: axisSize, fill: AXIS, role: foot.role },
        { x: area.x, top: 0, width: area.w, align: "middle" },
        measure,
      )
    : { boxes: [], height: 0 };
  return { top, headBoxes, foot: footBlock };
}

export function layoutChart(
  spec: ChartSpec,
  area: ChartArea,
  scale: number,
  measure: MeasureText,
  placed: readonly Rect[] = [],
): ChartLayout {
  if (spec.horizontal && (spec.kind === "bar" || spec.kind === "grouped-bar" || spec.kind === "stacked-bar"))
    return layoutHorizontalBars(spec, area, scale, measure, placed);
  const axisSize = Math.max(10, 14 * scale);
  const texts: TextBox[] = [];
  const marks: string[] = [];
  const gap = 8 * scale;

  // The value axis title sits horizontally above the plot (never rotated, never clipped).
  const titles = axisTitles(
    { text: spec.yLabel, role: "y-label" },
    { text: spec.xLabel, role: "x-label" },
    area,
    axisSize,
    gap,
    measure,
  );
  texts.push(...titles.headBoxes);
  const top = titles.top;
  const xLabelBlock = titles.foot;

  const categorical = spec.kind !== "scatter";
  const categories = categoriesOf(spec);
  const yExt = yExtent(spec);
  const yFormat = spec.format;
  const lineH = axisSize * LINE_HEIGHT;
  // x tick labels start below the lowest y tick label, which is centred on the axis line.
  const tickTop = Math.max(6 * scale, lineH / 2 + 1);

  // Two passes: the plot height picks the tick count, the tick widths pick the left margin,
  // the left margin picks the band width, the band width picks the x labels' height.
  let plotH = area.h === null ? area.plotHeight : Math.max(40, area.h - (top - area.y) - 3 * lineH);
  let yTicks = axisTicks(yExt, yFormat, plotH, () => lineH);
  let left = 0;
  let xPlan: XTickPlan | null = null;
  let scatterTicks: { ticks: number[]; labels: string[] } | null = null;
  let xAxisH = 0;
  for (let pass = 0; pass < 2; pass++) {
    left = Math.max(...yTicks.labels.map((l) => measure(l, { size: axisSize }))) + 10 * scale;
    const plotW = area.w - left - 4 * scale;
    if (categorical) {
      const band = plotW / Math.max(1, categories.length);
      xPlan = planCategoryLabels(categories, band, axisSize, measure);
      xAxisH = tickTop + xPlan.height;
    } else {
      // 1.5×: the end labels are shifted inwards to stay in the frame.
      scatterTicks = axisTicks(
        xExtent(spec),
        spec.xFormat ?? "decimal",
        plotW,
        (l) => measure(l, { size: axisSize }) * 1.5,
      );
      xAxisH = tickTop + lineH;
    }
    if (area.h !== null) {
      plotH = Math.max(40, area.h - (top - area.y) - xAxisH - (xLabelBlock.height ? gap + xLabelBlock.height : 0));
      yTicks = axisTicks(yExt, yFormat, plotH, () => lineH);
    }
  }

  const plot: Rect = { x: area.x + left, y: top + axisSize * 0.7, w: area.w - left - 4 * scale, h: plotH };
  plot.h = Math.max(40, plot.h - axisSize * 0.7);
  const y0 = yTicks.ticks[0]!;
  const y1 = yTicks.ticks[yTicks.ticks.length - 1]!;
  const sy = (v: number) => plot.y + plot.h - ((v - y0) / (y1 - y0 || 1)) * plot.h;

  // Grid and y ticks.
  yTicks.ticks.forEach((t, i) => {
    const y = sy(t);
    marks.push(
      `<line x1="${num(plot.x)}" x2="${num(plot.x + plot.w)}" y1="${num(y)}" y2="${num(y)}" stroke="${t === 0 ? "#999" : GRID}" stroke-width="1"/>`,
    );
    const label = yTicks.labels[i]!;
    const w = measure(label, { size: axisSize });
    texts.push({
      x: plot.x - 8 * scale - w,
      y: y - lineH / 2,
      w,
      h: lineH,
      text: label,
      role: "y-tick",
      size: axisSize,
      weight: "normal",
      fill: MUTED,
      anchor: "end",
    });
  });

  const axisBottom = plot.y + plot.h;
  marks.push(
    `<line x1="${num(plot.x)}" x2="${num(plot.x + plot.w)}" y1="${num(axisBottom)}" y2="${num(axisBottom)}" stroke="${AXIS}" stroke-width="1"/>`,
  );

  const band = plot.w / Math.max(1, categories.length);
  const cx = (i: number) => plot.x + (i + 0.5) * band;
  if (categorical && xPlan) {
    const plan = xPlan;
    const tickLH = plan.size * LINE_HEIGHT;
    categories.forEach((_, i) => {
      marks.push(
        `<line x1="${num(cx(i))}" x2="${num(cx(i))}" y1="${num(axisBottom)}" y2="${num(axisBottom + 4 * scale)}" stroke="${AXIS}"/>`,
      );
      const lines = plan.lines[i] ?? [];
      // A label shifted inwards at the frame's edge must not run into its neighbour: it is
      // dropped instead (the tick stays), so crowded axes thin out rather than overlap.
      const boxes = lines.map((line, j): TextBox => {
        const w = Math.min(measure(line, { size: plan.size }), plan.width);
        const x = Math.max(area.x, Math.min(cx(i) - w / 2, area.x + area.w - w));
        return {
          x,
          y: axisBottom + tickTop + j * tickLH,
          w,
          h: tickLH,
          text: line,
          role: "x-tick",
          size: plan.size,
          weight: "normal",
          fill: AXIS,
          anchor: "middle",
        };
      });
      if (boxes.some((b) => texts.some((t) => t.role === "x-tick" && boxesOverlap(t, b)))) return;
      texts.push(...boxes);
    });
  }

  let sx = (_v: number) => plot.x;
  if (!categorical && scatterTicks) {
    const t = scatterTicks;
    const x0 = t.ticks[0]!;
    const x1 = t.ticks[t.ticks.length - 1]!;
    sx = (v: number) => plot.x + ((v - x0) / (x1 - x0 || 1)) * plot.w;
    t.ticks.forEach((tick, i) => {
      const x = sx(tick);
      marks.push(
        `<line x1="${num(x)}" x2="${num(x)}" y1="${num(plot.y)}" y2="${num(axisBottom)}" stroke="${GRID}"/>`,
        `<line x1="${num(x)}" x2="${num(x)}" y1="${num(axisBottom)}" y2="${num(axisBottom + 4 * scale)}" stroke="${AXIS}"/>`,
      );
      const label = t.labels[i]!;
      const w = measure(label, { size: axisSize });
      const left = Math.max(area.x, Math.min(x - w / 2, area.x + area.w - w));
      texts.push({
        x: left,
        y: axisBottom + tickTop,
        w,
        h: lineH,
        text: label,
        role: "x-tick",
        size: axisSize,
        weight: "normal",
        fill: AXIS,
        anchor: "middle",
      });
    });
  }

  let bottom = axisBottom + xAxisH;
  if (xLabelBlock.boxes.length) {
    for (const b of xLabelBlock.boxes) texts.push({ ...b, y: b.y + bottom + gap });
    bottom += gap + xLabelBlock.height;
  }

  // Optional labels go where they collide with nothing already placed.
  const optional = (box: TextBox): boolean => {
    const inside = box.x >= area.x && box.x + box.w <= area.x + area.w && box.y >= area.y;
    if (!inside || [...placed, ...texts].some((t) => boxesOverlap(t, box, 0))) return false;
    texts.push(box);
    return true;
  };
  const valueLabel = (text: string, centreX: number, bottomY: number, maxW: number): void => {
    const size = Math.max(10, axisSize * 0.9);
    const w = measure(text, { size, weight: "bold" });
    if (w > maxW) return;
    const h = size * LINE_HEIGHT;
    optional({
      x: centreX - w / 2,
      y: bottomY - h - 2 * scale,
      w,
      h,
      text,
      role: "value-label",
      size,
      weight: "bold",
      fill: "#222",
      anchor: "middle",
    });
  };

  const zeroY = sy(Math.max(y0, Math.min(0, y1)));
  switch (spec.kind) {
    case "bar":
    case "grouped-bar": {
      const nSeries = Math.max(1, spec.series.length);
      const inner = band * (nSeries === 1 ? 0.62 : 0.8);
      const barW = inner / nSeries;
      spec.series.forEach((s, k) => {
        s.values.forEach((v, i) => {
          const x = cx(i) - inner / 2 + k * barW;
          const centre = x + barW / 2;
          if (v === null || v === undefined) {
            if (nSeries === 1) {
              const size = Math.max(10, axisSize * 0.8);
              const text = s.suppressed?.[i] ? "suppressed" : "no data";
              const w = measure(text, { size });
              if (w <= band - 4) {
                optional({
                  x: centre - w / 2,
                  y: zeroY - size * LINE_HEIGHT - 2,
                  w,
                  h: size * LINE_HEIGHT,
                  text,
                  role: "value-label",
                  size,
                  weight: "normal",
                  fill: MUTED,
                  anchor: "middle",
                });
              }
            }
            return;
          }
          const yv = sy(v);
          const style = markStyle(spec, s, i);
          marks.push(
            `<rect x="${num(x + (nSeries > 1 ? 1 : 0))}" y="${num(Math.min(yv, zeroY))}" width="${num(Math.max(1, barW - (nSeries > 1 ? 2 : 0)))}" height="${num(Math.abs(zeroY - yv))}" fill="${style.fill}"${opacityAttr(style.opacity)}><title>${escapeXml(`${s.label}, ${categories[i] ?? ""}: ${formatValue(v, spec.format)}`)}</title></rect>`,
          );
          const lo = s.ciLow?.[i];
          const hi = s.ciHigh?.[i];
          let labelBottom = Math.min(yv, zeroY);
          if (typeof lo === "number" && typeof hi === "number") {
            const cap = Math.min(16 * scale, barW * 0.4);
            const [a, b] = [sy(lo), sy(hi)];
            marks.push(
              `<path d="M${num(centre)} ${num(a)}V${num(b)}M${num(centre - cap / 2)} ${num(a)}h${num(cap)}M${num(centre - cap / 2)} ${num(b)}h${num(cap)}" stroke="#222" stroke-width="${num(1.5 * scale)}" fill="none"/>`,
            );
            // Clear the whisker's cap (drawn with a stroke) by a visible gap, not a hairline.
            labelBottom = Math.min(labelBottom, b - 5 * scale);
          }
          valueLabel(formatValue(v, spec.format), centre, labelBottom, nSeries === 1 ? band - 4 : barW + 4);
        });
      });
      break;
    }
    case "stacked-bar": {
      const barW = band * 0.62;
      categories.forEach((_, i) => {
        let pos = 0;
        let neg = 0;
        for (const s of spec.series) {
          const v = s.values[i];
          if (typeof v !== "number" || v === 0) continue;
          const base = v >= 0 ? pos : neg;
          const end = base + v;
          if (v >= 0) pos = end;
          else neg = end;
          const [ya, yb] = [sy(base), sy(end)];
          const style = markStyle(spec, s, i);
          marks.push(
            `<rect x="${num(cx(i) - barW / 2)}" y="${num(Math.min(ya, yb))}" width="${num(barW)}" height="${num(Math.abs(ya - yb))}" fill="${style.fill}"${opacityAttr(style.opacity)} stroke="#fff" stroke-width="0.75"><title>${escapeXml(`${s.label}, ${categories[i] ?? ""}: ${formatValue(v, spec.format)}`)}</title></rect>`,
          );
        }
      });
      break;
    }
    case "line": {
      for (const s of spec.series) {
        // CI band per run of consecutive known intervals.
        if (s.ciLow && s.ciHigh) {
          let run: number[] = [];
          const flush = () => {
            if (run.length > 1) {
              const upper = run.map((i) => `${num(cx(i))} ${num(sy(s.ciHigh![i]!))}`);
              const lower = [...run].reverse().map((i) => `${num(cx(i))} ${num(sy(s.ciLow![i]!))}`);
              marks.push(
                `<path class="ci-band" d="M${[...upper, ...lower].join("L")}Z" fill="${escapeXml(s.colour)}" fill-opacity="0.14" stroke="none"/>`,
              );
            }
            run = [];
          };
          s.values.forEach((_, i) => {
            if (typeof s.ciLow![i] === "number" && typeof s.ciHigh![i] === "number") run.push(i);
            else flush();
          });
          flush();
        }
        let d = "";
        let pen = false;
        s.values.forEach((v, i) => {
          if (typeof v !== "number") {
            pen = false;
            return;
          }
          d += `${pen ? "L" : "M"}${num(cx(i))} ${num(sy(v))}`;
          pen = true;
        });
        if (d)
          marks.push(
            `<path d="${d}" fill="none" stroke="${escapeXml(s.colour)}" stroke-width="${num(2.5 * scale)}" stroke-linejoin="round"/>`,
          );
        s.values.forEach((v, i) => {
          if (typeof v !== "number") return;
          // Small n: a hollow point, as on screen.
          const small = s.smallN?.[i] === true;
          const paint = small
            ? `fill="#fff" stroke="${escapeXml(s.colour)}" stroke-width="${num(1.5 * scale)}"`
            : `fill="${escapeXml(s.colour)}" stroke="#fff" stroke-width="1"`;
          marks.push(
            `<circle cx="${num(cx(i))}" cy="${num(sy(v))}" r="${num(3.5 * scale)}" ${paint}><title>${escapeXml(`${s.label}, ${categories[i] ?? ""}: ${formatValue(v, spec.format)}`)}</title></circle>`,
          );
        });
      }
      break;
    }
    case "box": {
      const boxW = Math.min(band * 0.5, 90 * scale);
      (spec.boxes ?? []).forEach((b, i) => {
        const c = cx(i);
        const split = splitOutliers(b.outliers, y1);
        const cap = boxW * 0.5;
        const colour = escapeXml(b.colour);
        marks.push(
          `<g><title>${escapeXml(`${b.category}: median ${formatValue(b.median, spec.format)}, quartiles ${formatValue(b.q1, spec.format)}–${formatValue(b.q3, spec.format)}, n=${b.n}`)}</title>`,
          `<path d="M${num(c)} ${num(sy(b.min))}V${num(sy(b.q1))}M${num(c)} ${num(sy(b.q3))}V${num(sy(b.max))}M${num(c - cap / 2)} ${num(sy(b.min))}h${num(cap)}M${num(c - cap / 2)} ${num(sy(b.max))}h${num(cap)}" stroke="#333" stroke-width="${num(1.5 * scale)}" fill="none"/>`,
          `<rect x="${num(c - boxW / 2)}" y="${num(sy(b.q3))}" width="${num(boxW)}" height="${num(Math.max(1, sy(b.q1) - sy(b.q3)))}" fill="${colour}" fill-opacity="0.35" stroke="${colour}" stroke-width="${num(1.5 * scale)}"/>`,
          `<line x1="${num(c - boxW / 2)}" x2="${num(c + boxW / 2)}" y1="${num(sy(b.median))}" y2="${num(sy(b.median))}" stroke="#111" stroke-width="${num(3 * scale)}"/>`,
          ...split.shown.map(
            (o) =>
              `<circle cx="${num(c)}" cy="${num(sy(o))}" r="${num(2.5 * scale)}" fill="none" stroke="${colour}" stroke-width="1"/>`,
          ),
          adjustedDiamond(b, c + boxW / 2 + 12 * scale, (v) => sy(Math.min(y1, Math.max(y0, v))), scale, spec.format),
          "</g>",
        );
        if (split.above > 0) {
          const t = 6 * scale;
          const topY = sy(y1);
          marks.push(
            `<path class="outliers-above" d="M${num(c - t)} ${num(topY + t * 1.4)}L${num(c)} ${num(topY)}L${num(c + t)} ${num(topY + t * 1.4)}Z" fill="#333"><title>${escapeXml(`${b.category}: ${split.above} more values above the scale`)}</title></path>`,
          );
          const size = Math.max(10, axisSize * 0.85);
          const text = `+${split.above}`;
          optional({
            x: c + t + 3 * scale,
            y: topY - 2 * scale,
            w: measure(text, { size }),
            h: size * LINE_HEIGHT,
            text,
            role: "value-label",
            size,
            weight: "normal",
            fill: "#333",
            anchor: "start",
          });
        }
      });
      break;
    }
    case "scatter": {
      const points = spec.points ?? [];
      const colour = spec.series[0]?.colour ?? "#3b6ea5";
      for (const p of points) {
        marks.push(
          `<circle cx="${num(sx(p.x))}" cy="${num(sy(p.y))}" r="${num((p.highlight ? 5.5 : 4) * scale)}" fill="${p.highlight ? "#d1495b" : escapeXml(colour)}" fill-opacity="${p.highlight ? 1 : 0.6}" stroke="#fff" stroke-width="0.75"><title>${escapeXml(p.label)}</title></circle>`,
        );
      }
      for (const p of points.filter((q) => q.highlight)) {
        const size = Math.max(10, axisSize * 0.9);
        const w = measure(p.label, { size, weight: "bold" });
        const h = size * LINE_HEIGHT;
        const candidates = [
          { x: sx(p.x) + 8 * scale, y: sy(p.y) - h / 2 },
          { x: sx(p.x) - 8 * scale - w, y: sy(p.y) - h / 2 },
          { x: sx(p.x) - w / 2, y: sy(p.y) - h - 6 * scale },
        ];
        for (const c of candidates) {
          const ok = optional({
            ...c,
            w,
            h,
            text: p.label,
            role: "point-label",
            size,
            weight: "bold",
            fill: "#222",
            anchor: "start",
          });
          if (ok) break;
        }
      }
      break;
    }
  }

  for (const r of spec.referenceLines ?? []) {
    const y = sy(r.value);
    marks.push(
      `<line x1="${num(plot.x)}" x2="${num(plot.x + plot.w)}" y1="${num(y)}" y2="${num(y)}" stroke="${escapeXml(r.colour ?? REF_COLOUR)}" stroke-width="${num(1.5 * scale)}" stroke-dasharray="6 4"><title>${escapeXml(r.label)}</title></line>`,
    );
  }

  return { marks: marks.join(""), texts, plot, height: bottom - area.y };
}

/** Category labels beside horizontal bars: smaller, wrapped into the row, then every k-th one. */
function planRowLabels(
  labels: string[],
  row: number,
  width: number,
  baseSize: number,
  measure: MeasureText,
): { size: number; step: number; lines: string[][] } {
  const sizes = [baseSize, baseSize * 0.88, Math.max(10, baseSize * 0.76)];
  const wrap = (size: number, step: number) =>
    labels.map((l, i) =>
      i % step === 0
        ? // Measured bold: a highlighted category is set in bold and must still fit.
          wrapBlock(
            l,
            { size, weight: "bold", fill: AXIS, role: "x-tick" },
            { x: 0, top: 0, width },
            measure,
          ).boxes.map((b) => b.text)
        : [],
    );
  for (const size of sizes) {
    const allowed = Math.min(3, Math.floor(row / (size * LINE_HEIGHT)));
    if (allowed < 1) continue;
    const lines = wrap(size, 1);
    if (lines.every((l) => l.length <= allowed)) return { size, step: 1, lines };
  }
  const size = sizes[sizes.length - 1]!;
  for (let step = 2; step <= labels.length; step++) {
    const allowed = Math.min(3, Math.floor((row * step) / (size * LINE_HEIGHT)));
    if (allowed < 1) continue;
    const lines = wrap(size, step);
    if (lines.every((l) => l.length <= allowed)) return { size, step, lines };
  }
  return { size, step: labels.length, lines: labels.map(() => []) };
}

/** Bars running left to right, categories down the side (long names, ranked lists). */
function layoutHorizontalBars(
  spec: ChartSpec,
  area: ChartArea,
  scale: number,
  measure: MeasureText,
  placed: readonly Rect[],
): ChartLayout {
  const axisSize = Math.max(10, 14 * scale);
  const lineH = axisSize * LINE_HEIGHT;
  const gap = 8 * scale;
  const texts: TextBox[] = [];
  const marks: string[] = [];
  const categories = spec.categories;
  const n = Math.max(1, categories.length);

  // Categories run down the side, so the category title heads the plot and the value title sits under it.
  const titles = axisTitles(
    { text: spec.xLabel, role: "x-label" },
    { text: spec.yLabel, role: "y-label" },
    area,
    axisSize,
    gap,
    measure,
  );
  texts.push(...titles.headBoxes);
  const top = titles.top;
  const valueLabel = titles.foot;

  const labelW = Math.min(area.w * 0.36, Math.max(...categories.map((c) => measure(c, { size: axisSize })), 20));
  const bottomH = 6 * scale + lineH + (valueLabel.height ? gap + valueLabel.height : 0);
  const rowMin = lineH * 1.15;
  const plotH =
    area.h === null ? Math.max(area.plotHeight, n * rowMin) : Math.max(40, area.h - (top - area.y) - bottomH);
  const row = plotH / n;

  const ext = yExtent(spec);
  const provisional = axisTicks(
    ext,
    spec.format,
    area.w - labelW,
    (l) => measure(l, { size: axisSize }),
    !!spec.yDomain,
  );
  const rightPad = measure(provisional.labels[provisional.labels.length - 1] ?? "", { size: axisSize }) / 2 + 4;
  const plot: Rect = { x: area.x + labelW + 10 * scale, y: top, w: 0, h: plotH };
  plot.w = area.x + area.w - rightPad - plot.x;
  const ticks = axisTicks(ext, spec.format, plot.w, (l) => measure(l, { size: axisSize }) * 1.5, !!spec.yDomain);
  const x0 = ticks.ticks[0]!;
  const x1 = ticks.ticks[ticks.ticks.length - 1]!;
  const sx = (v: number) => plot.x + ((v - x0) / (x1 - x0 || 1)) * plot.w;
  const bottom = plot.y + plot.h;

  ticks.ticks.forEach((t, i) => {
    const x = sx(t);
    marks.push(
      `<line x1="${num(x)}" x2="${num(x)}" y1="${num(plot.y)}" y2="${num(bottom)}" stroke="${t === 0 ? "#999" : GRID}"/>`,
    );
    const label = ticks.labels[i]!;
    const w = measure(label, { size: axisSize });
    texts.push({
      x: Math.max(area.x, Math.min(x - w / 2, area.x + area.w - w)),
      y: bottom + 6 * scale,
      w,
      h: lineH,
      text: label,
      role: "y-tick",
      size: axisSize,
      weight: "normal",
      fill: MUTED,
      anchor: "middle",
    });
  });
  marks.push(
    `<line x1="${num(plot.x)}" x2="${num(plot.x)}" y1="${num(plot.y)}" y2="${num(bottom)}" stroke="${AXIS}"/>`,
  );
  for (const b of valueLabel.boxes) texts.push({ ...b, y: b.y + bottom + 6 * scale + lineH + gap });

  const plan = planRowLabels(categories, row, labelW, axisSize, measure);
  const cy = (i: number) => plot.y + (i + 0.5) * row;
  categories.forEach((_, i) => {
    const lines = plan.lines[i] ?? [];
    const lh = plan.size * LINE_HEIGHT;
    const weight = (spec.highlight ?? []).includes(categories[i]!) ? "bold" : "normal";
    lines.forEach((line, j) => {
      const w = Math.min(labelW, measure(line, { size: plan.size, weight }));
      texts.push({
        x: plot.x - 8 * scale - w,
        y: cy(i) - (lines.length * lh) / 2 + j * lh,
        w,
        h: lh,
        text: line,
        role: "x-tick",
        size: plan.size,
        weight,
        fill: AXIS,
        anchor: "end",
      });
    });
  });

  const zeroX = sx(Math.max(x0, Math.min(0, x1)));
  const valueSize = Math.max(10, axisSize * 0.85);
  const optionalValue = (text: string, x: number, centreY: number): void => {
    const w = measure(text, { size: valueSize });
    const h = valueSize * LINE_HEIGHT;
    const box: TextBox = {
      x: x + 4 * scale,
      y: centreY - h / 2,
      w,
      h,
      text,
      role: "value-label",
      size: valueSize,
      weight: "normal",
      fill: "#222",
      anchor: "start",
    };
    if (box.x + box.w > area.x + area.w || h > row * 1.05) return;
    if ([...placed, ...texts].some((t) => boxesOverlap(t, box, 0))) return;
    texts.push(box);
  };

  if (spec.kind === "stacked-bar") {
    const barH = row * 0.7;
    categories.forEach((_, i) => {
      let acc = 0;
      for (const s of spec.series) {
        const v = s.values[i];
        if (typeof v !== "number" || v <= 0) continue;
        const style = markStyle(spec, s, i);
        marks.push(
          `<rect x="${num(sx(acc))}" y="${num(cy(i) - barH / 2)}" width="${num(sx(acc + v) - sx(acc))}" height="${num(barH)}" fill="${style.fill}"${opacityAttr(style.opacity)} stroke="#fff" stroke-width="0.75"><title>${escapeXml(`${s.label}, ${categories[i] ?? ""}: ${formatValue(v, spec.format)}`)}</title></rect>`,
        );
        acc += v;
      }
    });
  } else {
    const nSeries = Math.max(1, spec.series.length);
    const inner = row * (nSeries === 1 ? 0.7 : 0.84);
    const barH = inner / nSeries;
    spec.series.forEach((s, k) => {
      s.values.forEach((v, i) => {
        const y = cy(i) - inner / 2 + k * barH;
        if (typeof v !== "number") {
          if (nSeries === 1) optionalValue(s.suppressed?.[i] ? "suppressed" : "no data", zeroX, y + barH / 2);
          return;
        }
        const style = markStyle(spec, s, i);
        const xv = sx(v);
        marks.push(
          `<rect x="${num(Math.min(xv, zeroX))}" y="${num(y)}" width="${num(Math.abs(xv - zeroX))}" height="${num(Math.max(1, barH - (nSeries > 1 ? 1 : 0)))}" fill="${style.fill}"${opacityAttr(style.opacity)}><title>${escapeXml(`${s.label}, ${categories[i] ?? ""}: ${formatValue(v, spec.format)}`)}</title></rect>`,
        );
        let end = Math.max(xv, zeroX);
        const lo = s.ciLow?.[i];
        const hi = s.ciHigh?.[i];
        if (typeof lo === "number" && typeof hi === "number") {
          const cap = Math.min(12 * scale, barH * 0.5);
          const c = y + barH / 2;
          marks.push(
            `<path d="M${num(sx(lo))} ${num(c)}H${num(sx(hi))}M${num(sx(lo))} ${num(c - cap / 2)}v${num(cap)}M${num(sx(hi))} ${num(c - cap / 2)}v${num(cap)}" stroke="#222" stroke-width="${num(1.25 * scale)}" fill="none"/>`,
          );
          end = Math.max(end, sx(hi) + 4 * scale);
        }
        optionalValue(formatValue(v, spec.format), end, y + barH / 2);
      });
    });
  }
  for (const r of spec.referenceLines ?? []) {
    const x = sx(r.value);
    marks.push(
      `<line x1="${num(x)}" x2="${num(x)}" y1="${num(plot.y)}" y2="${num(bottom)}" stroke="${escapeXml(r.colour ?? REF_COLOUR)}" stroke-width="${num(1.5 * scale)}" stroke-dasharray="6 4"><title>${escapeXml(r.label)}</title></line>`,
    );
  }
  const height = bottom + bottomH - area.y;
  return { marks: marks.join(""), texts, plot, height };
}

/**
 * The like-for-like median beside a box, as on screen: a diamond on a line spanning its 95%
 * interval. `sy` clamps to the axis, so an interval reaching below zero stops at the axis.
 */
function adjustedDiamond(
  b: NonNullable<ChartSpec["boxes"]>[number],
  x: number,
  sy: (v: number) => number,
  scale: number,
  format: MetricFormat,
): string {
  const a = b.adjusted;
  if (!a) return "";
  const y = sy(a.value);
  const r = 6 * scale;
  const interval =
    a.low !== null && a.high !== null
      ? `<line class="box-adjusted-interval" x1="${num(x)}" x2="${num(x)}" y1="${num(sy(a.low))}" y2="${num(sy(a.high))}" stroke="#1d1d1f" stroke-width="${num(1.5 * scale)}"/>`
      : "";
  return `${interval}<path class="box-adjusted" d="M${num(x)} ${num(y - r)}L${num(x + r)} ${num(y)}L${num(x)} ${num(y + r)}L${num(x - r)} ${num(y)}Z" fill="${ADJUSTED_MARK_COLOUR}" stroke="#1d1d1f"><title>${escapeXml(`${b.category}, like for like: ${formatValue(a.value, format)}`)}</title></path>`;
}
