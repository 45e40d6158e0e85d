/**
 * A chart, described as data: what the on-screen recharts component draws, what the export
 * composer turns into a standalone SVG/PNG, and what the CSV download writes. Pages build a
 * ChartSpec from API rows with pure functions; nothing here computes a metric.
 */
import type { MetricFormat } from "@lens/core";

export const CHART_KINDS = ["bar", "grouped-bar", "stacked-bar", "line", "box", "scatter"] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export interface Series {
  key: string;
  label: string;
  colour: string;
  /** One value per category; null = suppressed or missing (drawn as a gap, never as zero). */
  values: (number | null)[];
  ciLow?: (number | null)[];
  ciHigh?: (number | null)[];
  n?: number[];
  suppressed?: boolean[];
  /** Per-category colours (one series coloured by its categories, e.g. by commissioning model). */
  colours?: string[];
  /** Groups whose n is above the suppression floor but still small: drawn paler and flagged in the table. */
  smallN?: boolean[];
}

/** A like-for-like estimate drawn beside a box: the API's mix-adjusted median with its 95% interval. */
export interface AdjustedMark {
  value: number;
  low: number | null;
  high: number | null;
}

export interface BoxStat {
  category: string;
  colour: string;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  outliers: number[];
  n: number;
  adjusted?: AdjustedMark;
}

export interface ScatterPoint {
  id: string;
  label: string;
  x: number;
  y: number;
  highlight?: boolean;
}

export interface ReferenceLine {
  value: number;
  label: string;
  /** Optional colour; the composer may fall back to its own ink. */
  colour?: string;
}

/** The exact rows behind the chart, as the CSV download and the table view show them. */
export interface ChartTable {
  /** `format` (optional) says how the table view writes the column's numbers; CSV keeps raw values. */
  columns: { key: string; label: string; format?: MetricFormat }[];
  rows: Record<string, string | number | boolean | null>[];
}

/** A contributor supplying more than half the rows, offered as "Show without <label>". */
export interface WithoutOffer {
  dimension: "council" | "source";
  /** la_code or source id, as the exclusion filter takes it. */
  value: string;
  label: string;
  share: number;
}

export interface ChartSpec {
  /** Stable slug used in file names: lens-<id>-<from>-<to>.png */
  id: string;
  kind: ChartKind;
  title: string;
  subtitle?: string;
  filtersInWords: string;
  format: MetricFormat;
  xLabel: string;
  yLabel: string;
  categories: string[];
  series: Series[];
  boxes?: BoxStat[];
  points?: ScatterPoint[];
  xFormat?: MetricFormat;
  referenceLines?: ReferenceLine[];
  notes: string[];
  /** "Source: publisher, title (licence); …" */
  source: string;
  licence: string;
  /** "Data built 25 Nov 2026" or the vintage of the sources. */
  vintage: string;
  n: string;
  summary: string;
  yearRange?: [number, number];
  table: ChartTable;
  isSample: boolean;
  /** Categories drawn emphasised (e.g. the benchmarked council); the others are drawn muted. */
  highlight?: string[];
  /**
   * The council the reader asked to see highlighted everywhere (`?highlight=<la_code>`): drawn
   * distinctly in every chart where councils appear, with all the others kept. `label` is the
   * council's name as the chart's categories and points carry it.
   */
  highlightCouncil?: { code: string; label: string };
  /** Bars run horizontally (long category names, ranked lists). */
  horizontal?: boolean;
  /** Fixed value-axis domain (e.g. [0, 1] for shares). */
  yDomain?: [number, number];
  /** Stacked bars whose series add up to 100% of each category (mix metrics). */
  stackedToWhole?: boolean;
  /**
   * Words that must travel with the chart, drawn under the subtitle on screen and in every
   * export (never dropped to fit): one contributor's dominance, and how the like-for-like
   * estimate compares with the value as recorded.
   */
  disclosures?: string[];
  /** Contributors the page offers to leave out (each supplies more than half the rows). */
  without?: WithoutOffer[];
  /** The like-for-like estimate's name ("Like for like (service × source mix)") when boxes carry one. */
  likeForLike?: string;
  /** Why there is nothing to draw, in the API's words (its answer's `empty`), when it said. */
  emptyReason?: string;
}
