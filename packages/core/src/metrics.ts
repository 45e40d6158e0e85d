/**
 * The metric registry: the single definition of every number Lens shows. The SQL compiler
 * (packages/queries), the API, the web app, the exports and the methods page all read it.
 *
 * Invariant: a rate is always computed as numerator / denominator over the rows of the
 * group, never as an average of pre-divided values, so any grouping gives the right answer.
 */
import type { DimensionId, FactTable } from "./dimensions.js";

export type MetricFormat = "integer" | "gbp" | "months" | "days" | "percent" | "decimal";

/**
 * How the rows of a group turn into a value. Expressions are SQL over the fact table
 * aliased `f`; they are fixed strings in this file, never built from user input.
 */
export type Aggregate =
  /** Number of rows (or of distinct `distinct` values). */
  | { kind: "count"; distinct?: string }
  /** Sum of a numeric expression; n counts the non-NULL values. */
  | { kind: "sum"; expr: string }
  /** Median with quartiles; n counts the non-NULL values. */
  | { kind: "median"; expr: string }
  /**
   * Share of rows meeting `condition` among rows meeting `base` (the denominator).
   * Rows outside `base` are unknown for this metric and are reported as coverage.
   */
  | { kind: "share"; condition: string; base: string }
  /** Sum of one expression over the sum of another (e.g. for-profit spend / all spend). */
  | { kind: "ratio"; numerator: string; denominator: string };

export interface MetricTarget {
  value: number;
  label: string;
}

export interface MetricDef {
  id: string;
  label: string;
  /** A short label for axes and table headers. */
  shortLabel: string;
  definition: string;
  format: MetricFormat;
  unit: string;
  table: FactTable;
  /** A fixed row filter that is part of the definition (e.g. children's homes only). */
  where?: string;
  aggregate: Aggregate;
  dimensions: readonly DimensionId[];
  /** Groups with fewer rows than this are suppressed: value withheld, n still shown. */
  minN: number;
  /** Source ids (see sources.ts) the metric reads on a real warehouse. */
  sources: readonly string[];
  caveats: readonly string[];
  target?: MetricTarget;
  /** Whether a higher value reads as better, for rank wording; "neutral" when it is a matter of view. */
  polarity: "higher-better" | "lower-better" | "neutral";
}

const CONTRACT_DIMENSIONS: readonly DimensionId[] = [
  "model",
  "ownership",
  "service",
  "procedure",
  "council",
  "region",
  "council_type",
  "year",
  "source",
];

const CONTRACT_SOURCES = ["contracts-finder", "find-a-tender", "norfolk-register"] as const;

export const METRICS = [
  {
    id: "contracts",
    label: "Number of contracts",
    shortLabel: "Contracts",
    definition:
      "Count of awarded (or intended) contracts. A contract awarded to several suppliers counts once per supplier, because each supplier relationship is classified separately.",
    format: "integer",
    unit: "contracts",
    table: "contracts",
    where: "f.in_scope",
    aggregate: { kind: "count" },
    dimensions: CONTRACT_DIMENSIONS,
    minN: 1,
    sources: CONTRACT_SOURCES,
    caveats: [
      "Councils publish below-threshold contracts unevenly; counts compare publishing as much as commissioning.",
    ],
    polarity: "neutral",
  },
  {
    id: "median_annual_value",
    label: "Median annual contract value",
    shortLabel: "Median annual value",
    definition:
      "Median of the contract value divided by its duration in years, over contracts where both value and duration are known. Quartiles are reported alongside.",
    format: "gbp",
    unit: "£ a year",
    table: "contracts",
    where: "f.in_scope",
    aggregate: { kind: "median", expr: "f.annual_value_gbp" },
    dimensions: CONTRACT_DIMENSIONS,
    minN: 5,
    sources: CONTRACT_SOURCES,
    caveats: [
      "Framework and spot-purchase notices often state a ceiling, not what was spent.",
      "Contracts without a value or duration are left out of the median, not counted as zero.",
    ],
    polarity: "neutral",
  },
  {
    id: "median_duration_months",
    label: "Median contract length",
    shortLabel: "Median length (months)",
    definition:
      "Median length of the contract period in months (start to end date, or the stated duration), over contracts where it is known. Quartiles are reported alongside.",
    format: "months",
    unit: "months",
    table: "contracts",
    where: "f.in_scope",
    aggregate: { kind: "median", expr: "f.duration_months" },
    dimensions: CONTRACT_DIMENSIONS,
    minN: 5,
    sources: CONTRACT_SOURCES,
    caveats: ["Optional extensions are not included unless the notice's end date includes them."],
    polarity: "higher-better",
  },
  {
    id: "share_36_months",
    label: "Share of contracts lasting at least three years",
    shortLabel: "≥ 36 months",
    definition:
      "Contracts whose period is 36 months or longer, as a share of contracts whose length is known. The Declaration of Interdependence asks councils to let contracts run for at least three years.",
    format: "percent",
    unit: "share of contracts",
    table: "contracts",
    where: "f.in_scope",
    aggregate: { kind: "share", condition: "f.duration_months >= 36", base: "f.duration_months IS NOT NULL" },
    dimensions: CONTRACT_DIMENSIONS,
    minN: 5,
    sources: CONTRACT_SOURCES,
    caveats: ["Contracts of unknown length are excluded from the denominator and reported as coverage."],
    target: { value: 1, label: "Ask: every contract at least three years" },
    polarity: "higher-better",
  },
] as const satisfies readonly MetricDef[];

export type MetricId = (typeof METRICS)[number]["id"];

export const METRIC_IDS = METRICS.map((m) => m.id) as readonly string[];

export function getMetric(id: string): MetricDef | undefined {
  return (METRICS as readonly MetricDef[]).find((m) => m.id === id);
}
