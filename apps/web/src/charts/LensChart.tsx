/**
 * The one chart component: draws any ChartSpec with recharts. It decides marks and layout
 * only; every value, label and colour comes from the spec. Missing/suppressed values are
 * gaps with a word on the axis, never zero-height bars.
 */
import { formatAxisValue, formatValue, type MetricFormat } from "@lens/core";
import { useSyncExternalStore } from "react";
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
  ZAxis,
} from "recharts";
import { boxScale } from "./box-scale.js";
import type { BoxStat, ChartSpec } from "./chart-spec.js";
import { ADJUSTED_MARK_COLOUR, boxValueTop, hasCiBand, type KeyGlyph, markKey, splitOutliers } from "./legend-key.js";
import { niceCeil, roundTicks } from "./value-domain.js";
import { yearTicks } from "./year-ticks.js";

/** Most year labels under a line chart: about one per 70px of a wide card, fewer on a phone. */
const YEAR_TICKS_WIDE = 12;
const YEAR_TICKS_NARROW = 6;

const MUTED = "#9aa5b1";
const HIGHLIGHT = "#0b5cad";
const AXIS_INK = "#4a4a4f";

/** Plot margins of every chart: tighter on the right on a phone; `bottom` leaves room for an axis title. */
function chartMargin(narrow: boolean, bottom = 8) {
  return { top: 16, right: narrow ? 12 : 24, bottom, left: 4 };
}

/** A white halo drawn under each whisker keeps it legible where it crosses a dark bar. */
const WHISKER_STROKES = [
  { stroke: "#fff", strokeWidth: 3.5 },
  { stroke: "#1d1d1f", strokeWidth: 1.5 },
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
      stroke={r.colour ?? "#1d1d1f"}
      strokeDasharray="6 3"
      strokeWidth={2}
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

export function LensChart({ spec, height }: { spec: ChartSpec; height?: number }) {
  const narrow = useNarrow();
  switch (spec.kind) {
    case "box":
      return <BoxChart spec={spec} narrow={narrow} height={height} />;
    case "scatter":
      return <ScatterView spec={spec} narrow={narrow} height={height} />;
    case "line":
      return <LineView spec={spec} narrow={narrow} height={height} />;
    default:
      return <BarView spec={spec} narrow={narrow} height={height} />;
  }
}

interface LegendItem {
  label: string;
  colour: string;
  dashed?: boolean;
  /** A glyph explaining a mark (confidence band, box, whisker, outlier) instead of a colour swatch. */
  glyph?: KeyGlyph;
}

export function Legend({ items }: { items: LegendItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="legend" aria-label="Legend">
      {items.map((item) => (
        <li key={item.label}>
          <span
            className={item.glyph ? `swatch swatch--${item.glyph}` : item.dashed ? "swatch swatch--line" : "swatch"}
            style={item.glyph ? undefined : item.dashed ? { borderColor: item.colour } : { background: item.colour }}
            aria-hidden="true"
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

function legendItems(spec: ChartSpec) {
  const items: LegendItem[] = [];
  if (spec.series.length > 1) for (const s of spec.series) items.push({ label: s.label, colour: s.colour });
  for (const k of markKey(spec)) items.push({ label: k.label, colour: "", glyph: k.glyph });
  for (const r of spec.referenceLines ?? [])
    items.push({
      label: `${r.label}: ${formatValue(r.value, spec.format)}`,
      colour: r.colour ?? "#1d1d1f",
      dashed: true,
    });
  return items;
}

/** Angled labels only when they would not fit side by side (≈ 7 px a character at 12 px). */
function xTickProps(spec: ChartSpec, narrow: boolean) {
  const labels = spec.kind === "box" ? (spec.boxes ?? []).map((b) => b.category) : spec.categories;
  const perCategory = (narrow ? 290 : 540) / Math.max(1, labels.length);
  const widest = Math.max(0, ...labels.map((c) => c.length)) * 7;
  const long = widest > perCategory - 8 || labels.length > (narrow ? 4 : 8);
  return long
    ? {
        long: true,
        angle: -35,
        textAnchor: "end" as const,
        height: narrow ? 90 : 80,
        interval: 0 as const,
      }
    : { long: false, height: 40, interval: 0 as const };
}

function BarView({ spec, narrow, height }: { spec: ChartSpec; narrow: boolean; height?: number }) {
  const data = chartRows(spec);
  const stacked = spec.kind === "stacked-bar";
  // On a phone, many or long category names turn the bars sideways instead of angling (and clipping) labels.
  const horizontal = spec.horizontal === true || (narrow && xTickProps(spec, narrow).long);
  const h = height ?? (horizontal ? Math.max(240, spec.categories.length * 30 + 70) : 340);
  const highlight = new Set(spec.highlight ?? []);
  const fmt = tick(spec.format);
  // The builder decides the domain (zoomed for ranked bars) so the export draws the same one.
  const domain = spec.yDomain ?? ([0, "auto"] as [number, "auto"]);
  const valueAxisProps = {
    type: "number" as const,
    tickFormatter: fmt,
    domain,
    ticks: typeof domain[1] === "number" ? roundTicks(domain[1]) : undefined,
    tick: { fill: AXIS_INK, fontSize: 12 },
  };
  const xt = xTickProps(spec, narrow);
  return (
    <>
      <ResponsiveContainer width="100%" height={h}>
        <BarChart
          data={data}
          layout={horizontal ? "vertical" : "horizontal"}
          margin={chartMargin(narrow)}
          accessibilityLayer
        >
          <CartesianGrid strokeDasharray="3 3" vertical={horizontal} horizontal={!horizontal} />
          {horizontal ? (
            <>
              <XAxis {...valueAxisProps} />
              <YAxis
                type="category"
                dataKey="category"
                width={Math.min(narrow ? 104 : 170, 16 + 7 * Math.max(4, ...spec.categories.map((c) => c.length)))}
                interval={0}
                tick={{ fill: AXIS_INK, fontSize: narrow ? 11 : 12 }}
              />
            </>
          ) : (
            <>
              <XAxis
                dataKey="category"
                tick={{ fill: AXIS_INK, fontSize: 12 }}
                angle={xt.angle}
                textAnchor={xt.textAnchor}
                height={xt.height}
                interval={0}
              />
              <YAxis {...valueAxisProps} width={narrow ? 62 : 72} />
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
                const base =
                  highlight.size > 0 ? (highlight.has(cat) ? HIGHLIGHT : MUTED) : (s.colours?.[i] ?? s.colour);
                return <Cell key={cat} fill={base} fillOpacity={s.smallN?.[i] ? 0.45 : 1} />;
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
      </ResponsiveContainer>
      <Legend items={legendItems(spec)} />
    </>
  );
}

/** Tooltip text of a value or of a [low, high] band. */
function tooltipValue(fmt: (v: number) => string) {
  return (v: unknown) => {
    if (Array.isArray(v)) return v.length === 2 ? `${fmt(Number(v[0]))}–${fmt(Number(v[1]))}` : "—";
    return v === null || v === undefined ? "—" : fmt(Number(v));
  };
}

function LineView({ spec, narrow, height }: { spec: ChartSpec; narrow: boolean; height?: number }) {
  const data = chartRows(spec);
  const fmt = tick(spec.format);
  const bands = hasCiBand(spec) ? spec.series.filter((s) => s.ciLow && s.ciHigh) : [];
  const years = yearTicks(spec.categories, narrow ? YEAR_TICKS_NARROW : YEAR_TICKS_WIDE);
  return (
    <>
      <ResponsiveContainer width="100%" height={height ?? 340}>
        <ComposedChart data={data} margin={chartMargin(narrow)} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="category"
            tick={{ fill: AXIS_INK, fontSize: 12 }}
            // Years thinned to a round step; other categories as before.
            ticks={years ?? undefined}
            interval={years ? 0 : narrow ? "preserveStartEnd" : 0}
          />
          <YAxis
            tickFormatter={fmt}
            domain={spec.yDomain ?? [0, "auto"]}
            width={narrow ? 62 : 72}
            tick={{ fill: AXIS_INK, fontSize: 12 }}
          />
          <Tooltip formatter={tooltipValue(fmt)} />
          {bands.map((s) => (
            <Area
              key={`${s.key}__band`}
              dataKey={`${s.key}__band`}
              name={`${s.label}, 95% CI`}
              fill={s.colour}
              fillOpacity={0.16}
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
              strokeWidth={2.5}
              dot={(props: { cx?: number; cy?: number; index?: number; value?: unknown }) => {
                const { cx, cy, index = 0, value } = props;
                if (cx === undefined || cy === undefined || value === null || value === undefined)
                  return <g key={`${s.key}-${index}`} />;
                // Small n: a hollow, paler point (the note under the chart says so).
                const small = s.smallN?.[index] === true;
                return (
                  <circle
                    key={`${s.key}-${index}`}
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
      </ResponsiveContainer>
      <Legend items={legendItems(spec)} />
    </>
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
  return (
    <g>
      {payload.max > payload.q3 && <line x1={cx} x2={cx} y1={maxY} y2={y} stroke="#333" />}
      {payload.min < payload.q1 && <line x1={cx} x2={cx} y1={y + height} y2={minY} stroke="#333" />}
      <rect
        x={x}
        y={y}
        width={width}
        height={Math.max(height, 1)}
        fill={payload.colour}
        fillOpacity={0.85}
        stroke="#333"
      />
      <line x1={x} x2={x + width} y1={medianY} y2={medianY} stroke="#fff" strokeWidth={3} />
      <line x1={x} x2={x + width} y1={medianY} y2={medianY} stroke="#111" strokeWidth={1.5} />
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
        <line x1={x} x2={x} y1={at(mark.low)} y2={at(mark.high)} stroke="#1d1d1f" strokeWidth={1.5} />
      )}
      <path
        d={`M${x} ${y - r}L${x + r} ${y}L${x} ${y + r}L${x - r} ${y}Z`}
        fill={ADJUSTED_MARK_COLOUR}
        stroke="#1d1d1f"
      />
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
            stroke="#333"
            strokeWidth={1.2}
          />
        ))}
      {above > 0 && (
        <g className="box-outliers-above">
          <title>{`${above} more values above the scale`}</title>
          <path d={`M${cx - 5} ${topY + 7}L${cx} ${topY}L${cx + 5} ${topY + 7}Z`} fill="#333" />
          <text x={cx + 8} y={topY + 8} fontSize={12} fill="#333">
            +{above}
          </text>
        </g>
      )}
    </>
  );
}

function BoxChart({ spec, narrow, height }: { spec: ChartSpec; narrow: boolean; height?: number }) {
  const boxes = spec.boxes ?? [];
  const top = niceCeil(boxValueTop(spec));
  const data = boxes.map((b) => ({ ...b, axisTop: top, range: [b.q1, b.q3] as [number, number], format: spec.format }));
  const fmt = tick(spec.format);
  const xt = xTickProps(spec, narrow);
  return (
    <>
      <ResponsiveContainer width="100%" height={height ?? 340}>
        <ComposedChart data={data} margin={chartMargin(narrow)} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="category"
            tick={{ fill: AXIS_INK, fontSize: 12 }}
            angle={xt.angle}
            textAnchor={xt.textAnchor}
            height={xt.height}
            interval={0}
          />
          <YAxis
            tickFormatter={fmt}
            domain={[0, top]}
            width={narrow ? 62 : 72}
            tick={{ fill: AXIS_INK, fontSize: 12 }}
          />
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
      </ResponsiveContainer>
      <Legend items={legendItems(spec)} />
    </>
  );
}

function ScatterView({ spec, narrow, height }: { spec: ChartSpec; narrow: boolean; height?: number }) {
  const points = spec.points ?? [];
  const fmtY = tick(spec.format);
  const fmtX = tick(spec.xFormat ?? spec.format);
  const normal = points.filter((p) => !p.highlight);
  const highlighted = points.filter((p) => p.highlight);
  return (
    <>
      <ResponsiveContainer width="100%" height={height ?? 380}>
        <ScatterChart margin={chartMargin(narrow, 28)} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="x"
            name={spec.xLabel}
            tickFormatter={fmtX}
            tick={{ fill: AXIS_INK, fontSize: 12 }}
            label={{ value: spec.xLabel, position: "insideBottom", offset: -18, fill: AXIS_INK }}
          />
          <YAxis
            type="number"
            dataKey="y"
            name={spec.yLabel}
            tickFormatter={fmtY}
            domain={spec.yDomain ?? [0, "auto"]}
            width={narrow ? 62 : 72}
            tick={{ fill: AXIS_INK, fontSize: 12 }}
          />
          <ZAxis range={[40, 40]} />
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
          <Scatter data={normal} fill="#0072B2" fillOpacity={0.6} name="Councils" isAnimationActive={false} />
          {highlighted.length > 0 && (
            <Scatter
              data={highlighted}
              fill="#D55E00"
              name={highlighted[0]!.label}
              isAnimationActive={false}
              shape="diamond"
            />
          )}
        </ScatterChart>
      </ResponsiveContainer>
      <Legend
        items={[
          { label: "Council", colour: "#0072B2" },
          ...highlighted.map((p) => ({ label: `${p.label} (selected)`, colour: "#D55E00" })),
        ]}
      />
    </>
  );
}
