/**
 * The one chart component: draws any ChartSpec with recharts. It decides marks and layout
 * only; every value, label and colour comes from the spec. Missing/suppressed values are
 * gaps with a word on the axis, never zero-height bars.
 */

import { categoryAxisWidth, categoryLabelsAngled, naturalHeight, scatterXAxis, valueAxis } from "@lens/charts/axis";
import type { BoxStat, ChartSpec } from "@lens/charts/chart-spec";
import { hasCiBand, splitOutliers } from "@lens/charts/legend-key";
import { barPaint, FONT_FAMILY, THEME } from "@lens/charts/theme";
import { formatAxisValue, formatValue, type MetricFormat } from "@lens/core";
import { cloneElement, type ReactElement, useSyncExternalStore } from "react";
import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  ErrorBar,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { boxScale } from "./box-scale.js";
import { highlightedLabels, isHighlightedPoint, type LegendItem, legendItems } from "./legend.js";
import { yearTicks } from "./year-ticks.js";

/** Most year labels under a line chart: about one per 70px of a wide card, fewer on a phone. */
const YEAR_TICKS_WIDE = 12;
const YEAR_TICKS_NARROW = 6;

const TICK = { fill: THEME.axisInk, fontSize: THEME.tickSize, fontFamily: FONT_FAMILY };

/** Plot margins of every chart: tighter on the right on a phone; `bottom` leaves room for an axis title. */
function chartMargin(narrow: boolean, bottom = 8) {
  return { top: 16, right: narrow ? 12 : 24, bottom, left: 4 };
}

/** A white halo drawn under each whisker keeps it legible where it crosses a dark bar. */
const WHISKER_STROKES = [
  { stroke: THEME.whiskerHalo, strokeWidth: 3.5 },
  { stroke: THEME.whisker, strokeWidth: 1.5 },
] as const;

/**
 * The spec's reference lines (targets, national figures) across the value axis, `axis` being
 * the one values run along. Called as a function, not a component: the chart sees ReferenceLines.
 */
function referenceLines(spec: ChartSpec, axis: "x" | "y") {
  return (spec.referenceLines ?? []).map((r) => (
    <ReferenceLine
      key={r.label}
      {...{ [axis]: r.value }}
      stroke={r.colour ?? THEME.reference.colour}
      strokeDasharray={THEME.reference.dash}
      strokeWidth={THEME.reference.width}
    />
  ));
}

function subscribeResize(cb: () => void) {
  window.addEventListener("resize", cb);
  return () => window.removeEventListener("resize", cb);
}
/** Narrow screens get shorter axes and angled labels. */
function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribeResize,
    () => window.innerWidth < 640,
    () => false,
  );
}

function tick(format: MetricFormat) {
  return (v: number) => formatAxisValue(v, format);
}

/**
 * How a chart is sized: filling its card's width (page, embed), or at a fixed size when the
 * export draws it offscreen to take its SVG.
 */
interface Size {
  narrow: boolean;
  width?: number;
  height?: number;
}

/** The chart filling its container's width, or at the fixed size it was given. */
function Sized({ size, height, children }: { size: Size; height: number; children: ReactElement }) {
  if (size.width !== undefined)
    return cloneElement(children as ReactElement<{ width?: number; height?: number }>, { width: size.width, height });
  return (
    <ResponsiveContainer width="100%" height={height}>
      {children}
    </ResponsiveContainer>
  );
}

/**
 * Category label with a word when every series is missing there, so an empty bar slot is never
 * read as zero. Lines need no word: a missing year is a visible break, and a dozen long year
 * labels would overlap on a horizontal axis.
 */
export function categoryLabel(spec: ChartSpec, index: number): string {
  const cat = spec.categories[index] ?? "";
  if (spec.series.length === 0 || spec.kind === "line") return cat;
  const allNull = spec.series.every((s) => s.values[index] === null || s.values[index] === undefined);
  if (!allNull) return cat;
  const suppressed = spec.series.some((s) => s.suppressed?.[index]);
  return `${cat} (${suppressed ? "suppressed" : "no data"})`;
}

function chartRows(spec: ChartSpec) {
  return spec.categories.map((_, i) => {
    const row: Record<string, unknown> = { category: categoryLabel(spec, i) };
    for (const s of spec.series) {
      const v = s.values[i] ?? null;
      row[s.key] = v;
      const lo = s.ciLow?.[i];
      const hi = s.ciHigh?.[i];
      if (v !== null && lo != null && hi != null) row[`${s.key}__err`] = [v - lo, hi - v];
      // The band a line chart shades: [low, high], or a gap where the interval is unknown.
      if (s.ciLow) row[`${s.key}__band`] = lo != null && hi != null ? [lo, hi] : null;
    }
    return row;
  });
}

export interface LensChartProps {
  spec: ChartSpec;
  height?: number;
  /** A fixed width (the export's offscreen drawing); without it the chart fills its container. */
  width?: number;
  /** The HTML legend under the chart; the export draws the same items itself, as SVG. */
  legend?: boolean;
}

export function LensChart({ spec, height, width, legend = true }: LensChartProps) {
  const screenNarrow = useNarrow();
  const narrow = width !== undefined ? width < 640 : screenNarrow;
  const size: Size = { narrow, width, height };
  const chart = (() => {
    switch (spec.kind) {
      case "box":
        return <BoxChart spec={spec} size={size} />;
      case "scatter":
        return <ScatterView spec={spec} size={size} />;
      case "line":
        return <LineView spec={spec} size={size} />;
      default:
        return <BarView spec={spec} size={size} />;
    }
  })();
  return (
    <>
      {chart}
      {legend && <Legend items={legendItems(spec)} />}
    </>
  );
}

const SWATCH_CLASS: Record<LegendItem["glyph"], string> = {
  square: "swatch",
  dot: "swatch swatch--dot",
  line: "swatch swatch--solid",
  dash: "swatch swatch--line",
  band: "swatch swatch--band",
  box: "swatch swatch--box",
  whisker: "swatch swatch--whisker",
  ring: "swatch swatch--ring",
  diamond: "swatch swatch--diamond",
};

export function Legend({ items }: { items: LegendItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="legend" aria-label="Legend">
      {items.map((item) => {
        const coloured = item.glyph === "square" || item.glyph === "dot";
        const bordered = item.glyph === "line" || item.glyph === "dash";
        return (
          <li key={item.label}>
            <span
              className={SWATCH_CLASS[item.glyph]}
              style={coloured ? { background: item.colour } : bordered ? { borderColor: item.colour } : undefined}
              aria-hidden="true"
            />
            {item.label}
          </li>
        );
      })}
    </ul>
  );
}

/** Category ticks under vertical bars or boxes: angled only when they would not fit side by side. */
function xTickProps(labels: readonly string[], narrow: boolean) {
  return categoryLabelsAngled(labels, narrow)
    ? { long: true, angle: -35, textAnchor: "end" as const, height: narrow ? 90 : 80 }
    : { long: false, angle: 0, textAnchor: "middle" as const, height: 40 };
}

/**
 * Every row labelled while rows are at least 14 px tall (always so at the chart's natural
 * height); a fixed-size export with more rows than fit labels every k-th one instead of
 * overprinting them.
 */
function rowLabelInterval(rows: number, height: number): number {
  const rowPx = (height - 60) / Math.max(1, rows);
  return rowPx >= 14 ? 0 : Math.ceil(14 / Math.max(rowPx, 0.1)) - 1;
}

/** The value axis as recharts takes it: the one domain and tick set of axis.ts. */
function valueAxisProps(spec: ChartSpec) {
  const axis = valueAxis(spec);
  return {
    type: "number" as const,
    tickFormatter: tick(spec.format),
    domain: axis.domain,
    ticks: axis.ticks,
    interval: 0 as const,
    allowDataOverflow: false,
    tick: TICK,
  };
}

function BarView({ spec, size }: { spec: ChartSpec; size: Size }) {
  const { narrow } = size;
  const data = chartRows(spec);
  const stacked = spec.kind === "stacked-bar";
  // On a phone, many or long category names turn the bars sideways instead of angling (and clipping) labels.
  const horizontal = spec.horizontal === true || (narrow && categoryLabelsAngled(spec.categories, narrow));
  const h = size.height ?? naturalHeight(spec, narrow);
  const highlight = highlightedLabels(spec);
  const fmt = tick(spec.format);
  const valueProps = valueAxisProps(spec);
  const xt = xTickProps(spec.categories, narrow);
  return (
    <Sized size={size} height={h}>
      <BarChart
        data={data}
        layout={horizontal ? "vertical" : "horizontal"}
        margin={chartMargin(narrow)}
        accessibilityLayer
      >
        <CartesianGrid
          stroke={THEME.grid}
          strokeDasharray={THEME.gridDash}
          vertical={horizontal}
          horizontal={!horizontal}
        />
        {horizontal ? (
          <>
            <XAxis {...valueProps} />
            <YAxis
              type="category"
              dataKey="category"
              width={categoryAxisWidth(spec.categories, narrow)}
              interval={rowLabelInterval(spec.categories.length, h)}
              tick={{ ...TICK, fontSize: narrow ? 11 : THEME.tickSize }}
            />
          </>
        ) : (
          <>
            <XAxis
              dataKey="category"
              tick={TICK}
              angle={xt.angle}
              textAnchor={xt.textAnchor}
              height={xt.height}
              interval={0}
            />
            <YAxis {...valueProps} width={narrow ? 62 : 72} />
          </>
        )}
        <Tooltip formatter={(v) => (v === null || v === undefined ? "—" : fmt(Number(v)))} />
        {spec.series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={s.colour}
            stackId={stacked ? "stack" : undefined}
            maxBarSize={horizontal ? 40 : 120}
            isAnimationActive={false}
          >
            {spec.categories.map((cat, i) => {
              const paint = barPaint(s.colours?.[i] ?? s.colour, {
                highlighted: highlight.has(cat),
                anyHighlight: highlight.size > 0,
                smallN: s.smallN?.[i] === true,
              });
              return <Cell key={cat} fill={paint.fill} fillOpacity={paint.opacity} />;
            })}
            {!stacked &&
              s.ciLow &&
              WHISKER_STROKES.map((w) => (
                <ErrorBar
                  key={w.stroke}
                  dataKey={`${s.key}__err`}
                  width={6}
                  stroke={w.stroke}
                  strokeWidth={w.strokeWidth}
                  direction={horizontal ? "x" : "y"}
                  isAnimationActive={false}
                />
              ))}
          </Bar>
        ))}
        {referenceLines(spec, horizontal ? "x" : "y")}
      </BarChart>
    </Sized>
  );
}

/** Tooltip text of a value or of a [low, high] band. */
function tooltipValue(fmt: (v: number) => string) {
  return (v: unknown) => {
    if (Array.isArray(v)) return v.length === 2 ? `${fmt(Number(v[0]))}–${fmt(Number(v[1]))}` : "—";
    return v === null || v === undefined ? "—" : fmt(Number(v));
  };
}

function LineView({ spec, size }: { spec: ChartSpec; size: Size }) {
  const { narrow } = size;
  const data = chartRows(spec);
  const fmt = tick(spec.format);
  const bands = hasCiBand(spec) ? spec.series.filter((s) => s.ciLow && s.ciHigh) : [];
  const years = yearTicks(spec.categories, narrow ? YEAR_TICKS_NARROW : YEAR_TICKS_WIDE);
  return (
    <Sized size={size} height={size.height ?? naturalHeight(spec, narrow)}>
      <ComposedChart data={data} margin={chartMargin(narrow)} accessibilityLayer>
        <CartesianGrid stroke={THEME.grid} strokeDasharray={THEME.gridDash} vertical={false} />
        <XAxis
          dataKey="category"
          tick={TICK}
          // Years thinned to a round step; other categories each labelled.
          ticks={years ?? undefined}
          interval={0}
        />
        <YAxis {...valueAxisProps(spec)} width={narrow ? 62 : 72} />
        <Tooltip formatter={tooltipValue(fmt)} />
        {bands.map((s) => (
          <Area
            key={`${s.key}__band`}
            dataKey={`${s.key}__band`}
            name={`${s.label}, 95% CI`}
            fill={s.colour}
            fillOpacity={THEME.ciBandOpacity}
            stroke="none"
            connectNulls={false}
            activeDot={false}
            dot={false}
            isAnimationActive={false}
            legendType="none"
            className="ci-band"
          />
        ))}
        {spec.series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stroke={s.colour}
            strokeWidth={THEME.lineWidth}
            dot={(props: { cx?: number; cy?: number; index?: number; value?: unknown }) => {
              const { cx, cy, index = 0, value } = props;
              if (cx === undefined || cy === undefined || value === null || value === undefined)
                return <g key={`${s.key}-${index}`} />;
              // Small n: a hollow, paler point (the note under the chart says so).
              const small = s.smallN?.[index] === true;
              return (
                <circle
                  key={`${s.key}-${index}`}
                  className="line-point"
                  cx={cx}
                  cy={cy}
                  r={small ? 3.5 : 3}
                  fill={small ? "#fff" : s.colour}
                  stroke={s.colour}
                  strokeWidth={small ? 1.5 : 1}
                />
              );
            }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
        {referenceLines(spec, "y")}
      </ComposedChart>
    </Sized>
  );
}

interface BoxShapeProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  payload?: BoxStat & { axisTop: number; format: MetricFormat };
  /** The plot's full height behind this bar (recharts passes it to every bar shape). */
  background?: { y?: number; height?: number };
}

/** Box from the quartiles' pixel span; median, whiskers, outliers and diamond placed by the axis. */
function BoxShape({ x = 0, y = 0, width = 0, height = 0, payload, background }: BoxShapeProps) {
  if (!payload) return null;
  const scale = boxScale({ y, height, q1: payload.q1, q3: payload.q3, axisTop: payload.axisTop }, background);
  const at = scale ?? (() => y);
  const cx = x + width / 2;
  const medianY = at(payload.median);
  const minY = at(payload.min);
  const maxY = at(payload.max);
  // Whisker caps: a short bar at each end, 40% of the box's width.
  const cap = Math.max(4, width * 0.4) / 2;
  return (
    <g className="box">
      {payload.max > payload.q3 && (
        <path
          className="box-whisker"
          d={`M${cx} ${maxY}V${y}M${cx - cap} ${maxY}H${cx + cap}`}
          stroke={THEME.boxStroke}
          strokeWidth={1.5}
          fill="none"
        />
      )}
      {payload.min < payload.q1 && (
        <path
          className="box-whisker"
          d={`M${cx} ${y + height}V${minY}M${cx - cap} ${minY}H${cx + cap}`}
          stroke={THEME.boxStroke}
          strokeWidth={1.5}
          fill="none"
        />
      )}
      <rect
        className="box-body"
        x={x}
        y={y}
        width={width}
        height={Math.max(height, 1)}
        fill={payload.colour}
        fillOpacity={THEME.boxFillOpacity}
        stroke={THEME.boxStroke}
      />
      <line x1={x} x2={x + width} y1={medianY} y2={medianY} stroke={THEME.medianHalo} strokeWidth={3} />
      <line x1={x} x2={x + width} y1={medianY} y2={medianY} stroke={THEME.median} strokeWidth={1.5} />
      {scale && <Outliers cx={cx} at={at} payload={payload} />}
      {scale && payload.adjusted && (
        // The interval is drawn within the axis (0 to its top): a normal interval can reach below zero.
        <AdjustedDiamond
          // Just right of its own box; on a phone the gap shrinks so it never sits by the next box.
          x={x + width + Math.min(12, Math.max(4, width * 0.2))}
          at={(v) => at(Math.min(payload.axisTop, Math.max(0, v)))}
          mark={payload.adjusted}
          format={payload.format}
        />
      )}
    </g>
  );
}

/** The like-for-like median beside its box: a diamond on a line spanning its 95% interval. */
function AdjustedDiamond({
  x,
  at,
  mark,
  format,
}: {
  x: number;
  at: (v: number) => number;
  mark: NonNullable<BoxStat["adjusted"]>;
  format: MetricFormat;
}) {
  const y = at(mark.value);
  const r = 6;
  return (
    <g className="box-adjusted">
      <title>{`Like for like: ${formatValue(mark.value, format)}`}</title>
      {mark.low !== null && mark.high !== null && (
        <line
          className="box-adjusted-interval"
          x1={x}
          x2={x}
          y1={at(mark.low)}
          y2={at(mark.high)}
          stroke={THEME.ink}
          strokeWidth={1.5}
        />
      )}
      <path d={`M${x} ${y - r}L${x + r} ${y}L${x} ${y + r}L${x - r} ${y}Z`} fill={THEME.adjusted} stroke={THEME.ink} />
    </g>
  );
}

/** Outliers within the axis as rings; those above it as a count at the top ("+3"). */
function Outliers({
  cx,
  at,
  payload,
}: {
  cx: number;
  at: (v: number) => number;
  payload: BoxStat & { axisTop: number };
}) {
  const { shown, above } = splitOutliers(payload.outliers, payload.axisTop);
  const topY = at(payload.axisTop);
  return (
    <>
      {shown
        // Outliers may repeat a value: keyed by position and value.
        .map((o, i) => ({ o, k: `${i}:${o}` }))
        .map(({ o, k }) => (
          <circle
            key={k}
            className="box-outlier"
            cx={cx}
            cy={at(o)}
            r={3}
            fill="none"
            stroke={THEME.boxStroke}
            strokeWidth={1.2}
          />
        ))}
      {above > 0 && (
        <g className="box-outliers-above">
          <title>{`${above} more values above the scale`}</title>
          <path d={`M${cx - 5} ${topY + 7}L${cx} ${topY}L${cx + 5} ${topY + 7}Z`} fill={THEME.boxStroke} />
          <text x={cx + 8} y={topY + 8} fontSize={THEME.tickSize} fill={THEME.boxStroke}>
            +{above}
          </text>
        </g>
      )}
    </>
  );
}

function BoxChart({ spec, size }: { spec: ChartSpec; size: Size }) {
  const { narrow } = size;
  const boxes = spec.boxes ?? [];
  const axis = valueAxis(spec);
  const top = axis.domain[1];
  const data = boxes.map((b) => ({ ...b, axisTop: top, range: [b.q1, b.q3] as [number, number], format: spec.format }));
  const fmt = tick(spec.format);
  const xt = xTickProps(
    boxes.map((b) => b.category),
    narrow,
  );
  return (
    <Sized size={size} height={size.height ?? naturalHeight(spec, narrow)}>
      <ComposedChart data={data} margin={chartMargin(narrow)} accessibilityLayer>
        <CartesianGrid stroke={THEME.grid} strokeDasharray={THEME.gridDash} vertical={false} />
        <XAxis
          dataKey="category"
          tick={TICK}
          angle={xt.angle}
          textAnchor={xt.textAnchor}
          height={xt.height}
          interval={0}
        />
        <YAxis {...valueAxisProps(spec)} width={narrow ? 62 : 72} />
        <Tooltip
          content={({ active, payload }) => {
            const b = active ? (payload?.[0]?.payload as BoxStat | undefined) : undefined;
            if (!b) return null;
            return (
              <div className="chart-tooltip">
                <strong>{b.category}</strong>
                <br />
                Median {fmt(b.median)}; quartiles {fmt(b.q1)}–{fmt(b.q3)}; n = {b.n.toLocaleString("en-GB")}
              </div>
            );
          }}
        />
        <Bar
          dataKey="range"
          shape={(props: unknown) => <BoxShape {...(props as BoxShapeProps)} />}
          isAnimationActive={false}
          maxBarSize={90}
        />
        {referenceLines(spec, "y")}
      </ComposedChart>
    </Sized>
  );
}

interface PointShapeProps {
  cx?: number;
  cy?: number;
  payload?: { label: string };
}

/** A scatter point: muted while a council is highlighted; the highlighted one larger, named beside it. */
function pointShape(highlighted: boolean, anyHighlight: boolean) {
  return ({ cx, cy, payload }: PointShapeProps) => {
    if (cx === undefined || cy === undefined) return <g />;
    if (!highlighted)
      return (
        <circle
          className="scatter-point"
          cx={cx}
          cy={cy}
          r={THEME.pointRadius}
          fill={anyHighlight ? THEME.muted : THEME.point}
          fillOpacity={anyHighlight ? THEME.mutedOpacity : THEME.pointOpacity}
        />
      );
    return (
      <g className="scatter-highlight">
        <circle
          className="scatter-point"
          cx={cx}
          cy={cy}
          r={THEME.highlightRadius}
          fill={THEME.highlight}
          stroke={THEME.ink}
          strokeWidth={1}
        />
        <text x={cx + 9} y={cy + 4} fontSize={THEME.tickSize} fontWeight="bold" fill={THEME.ink}>
          {payload?.label}
        </text>
      </g>
    );
  };
}

function ScatterView({ spec, size }: { spec: ChartSpec; size: Size }) {
  const { narrow } = size;
  const points = spec.points ?? [];
  const fmtY = tick(spec.format);
  const fmtX = tick(spec.xFormat ?? spec.format);
  const normal = points.filter((p) => !isHighlightedPoint(spec, p));
  const highlighted = points.filter((p) => isHighlightedPoint(spec, p));
  const xAxis = scatterXAxis(spec);
  return (
    <Sized size={size} height={size.height ?? naturalHeight(spec, narrow)}>
      <ScatterChart margin={chartMargin(narrow, 28)} accessibilityLayer>
        <CartesianGrid stroke={THEME.grid} strokeDasharray={THEME.gridDash} />
        <XAxis
          type="number"
          dataKey="x"
          name={spec.xLabel}
          tickFormatter={fmtX}
          domain={xAxis.domain}
          ticks={xAxis.ticks}
          interval={0}
          tick={TICK}
          label={{ value: spec.xLabel, position: "insideBottom", offset: -18, fill: THEME.axisInk }}
        />
        <YAxis {...valueAxisProps(spec)} dataKey="y" name={spec.yLabel} width={narrow ? 62 : 72} />
        <Tooltip
          content={({ active, payload }) => {
            const p = active
              ? (payload?.[0]?.payload as { label: string; x: number; y: number } | undefined)
              : undefined;
            if (!p) return null;
            return (
              <div className="chart-tooltip">
                <strong>{p.label}</strong>
                <br />
                {spec.xLabel}: {fmtX(p.x)}
                <br />
                {spec.yLabel}: {fmtY(p.y)}
              </div>
            );
          }}
        />
        <Scatter
          data={normal}
          name="Councils"
          isAnimationActive={false}
          shape={pointShape(false, highlighted.length > 0)}
        />
        {highlighted.length > 0 && (
          <Scatter
            data={highlighted}
            name={highlighted[0]!.label}
            isAnimationActive={false}
            shape={pointShape(true, true)}
          />
        )}
      </ScatterChart>
    </Sized>
  );
}
