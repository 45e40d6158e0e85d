/**
 * The one look of every chart — on a page, in an embed and in a PNG/SVG export — because all
 * three draw with LensChart and the export composer frames its SVG with these same values.
 * Colours of the data (models, sectors, ratings) come from the registry through the spec;
 * this module holds only what is not data: ink, grid, highlight, reference lines, opacities,
 * dashes and type.
 */

/** Arial first: it is on every machine that rasterises an export, so measured text fits. */
export const FONT_FAMILY = "Arial, Helvetica, 'Liberation Sans', sans-serif";

/** Colour-blind-safe fallback palette (Okabe–Ito, then a neutral) for dimensions without fixed colours. */
export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D1F", "#555555"];

export const THEME = {
  /** One series without a colour of its own (a single measure). */
  series: "#0072B2",
  ink: "#1d1d1f",
  axisInk: "#4a4a4f",
  grid: "#d9dce1",
  gridDash: "3 3",
  tickSize: 12,
  /** Thin type under the plot (axis titles). */
  labelSize: 12,
  /** The highlighted council (or benchmarked category): one colour, full opacity, everywhere. */
  highlight: "#D55E00",
  /** Every other mark while something is highlighted: grey, so the highlight is the only colour. */
  muted: "#a3acb6",
  mutedOpacity: 0.7,
  /** Points of a scatter without a highlight. */
  point: "#0072B2",
  pointOpacity: 0.6,
  pointRadius: 4,
  highlightRadius: 6,
  /** A benchmarked council's region, beside England's ink line. */
  region: "#6a3d9a",
  /** A target or a national figure across the value axis. */
  reference: { colour: "#1d1d1f", dash: "6 3", width: 2 },
  /** Groups above the suppression floor but still small. */
  smallNOpacity: 0.45,
  ciBandOpacity: 0.16,
  lineWidth: 2.5,
  boxFillOpacity: 0.85,
  boxStroke: "#333333",
  /** White under the dark median line keeps it legible on a dark box. */
  medianHalo: "#ffffff",
  median: "#111111",
  whiskerHalo: "#ffffff",
  whisker: "#1d1d1f",
  /** The like-for-like estimate's colour (diamonds beside boxes): no model or sector uses it. */
  adjusted: "#CC79A7",
  /** The words around an exported chart: title, notes, the sample band. */
  frame: {
    ink: "#1a1a1a",
    muted: "#555555",
    sample: "#b00020",
    /** Dark amber, as the disclosure panel on screen: read as a warning, not as a series colour. */
    disclosure: "#5c4400",
  },
} as const;

/** Fill and opacity of one bar: the highlight wins, then small n makes it paler. */
export function barPaint(
  base: string,
  options: { highlighted: boolean; anyHighlight: boolean; smallN: boolean },
): { fill: string; opacity: number } {
  const fill = options.anyHighlight ? (options.highlighted ? THEME.highlight : THEME.muted) : base;
  return { fill, opacity: options.smallN ? THEME.smallNOpacity : 1 };
}
