/**
 * The metric registry: the single definition of every number Lens shows. The SQL compiler
 * (packages/queries), the API, the web app, the exports and the methods page all read it.
 *
 * Invariants:
 * - A rate is always computed as numerator / denominator over the rows of the group, never
 *   as an average of pre-divided values, so any grouping gives the right answer.
 * - Unknown is never zero: rows whose value is unknown leave the denominator (and are
 *   reported as coverage = n / total), they are never counted as "no".
 * - No SQL here: this registry is browser-safe (the web app imports it). Each metric's SQL
 *   (relation, row filter, aggregate expressions) is in packages/queries/src/metric-sql.ts,
 *   typed so that a metric without SQL fails to compile.
 */
import type { DimensionId, FactTable } from "./dimensions.js";
import { LEDGER_METRICS } from "./ledger-metrics.js";
import { OUTCOME_METRICS } from "./outcome-metrics.js";
import { RED_FLAGS, type RedFlagId } from "./red-flags.js";

export type MetricFormat = "integer" | "gbp" | "months" | "days" | "percent" | "decimal";

/**
 * What kind of number a metric is, for the web to pick a chart and an axis:
 * - count / amount: additive totals (bars, stacked bars);
 * - median: a median with quartiles and a row-level value (box plots, histograms);
 * - share: a proportion of rows with a Wilson interval (bars with error bars, lines with bands);
 * - mix: the split of each group across the categories of one dimension (100% stacked bars);
 * - ratio: a sum over a sum (e.g. a money share; no sampling interval: it is a census);
 * - average: rows per entity (e.g. homes per owner);
 * - concentration: HHI (0–10,000) or the top-k share of a market.
 */
export type MetricKind = "count" | "amount" | "median" | "share" | "mix" | "ratio" | "average" | "concentration";

/**
 * How the rows of a group turn into a value: the kind (and what the web needs to draw it). The
 * expressions are in packages/queries/src/metric-sql.ts; ONE function, `compileMetricQuery` in
 * packages/queries, compiles every kind.
 */
export type Aggregate =
  /** Number of rows (or of distinct values). */
  | { kind: "count" }
  /** Sum of a numeric expression; n counts the non-NULL values. */
  | { kind: "sum" }
  /** Median with quartiles; n counts the non-NULL values. Its expression is also the row-level value for distributions. */
  | { kind: "median" }
  /**
   * Share of rows meeting a condition among rows meeting a base (the denominator).
   * Rows outside the base are unknown for this metric and are reported as coverage.
   */
  | { kind: "share" }
  /** Sum of one expression over the sum of another (e.g. for-profit spend / all spend of known ownership). */
  | { kind: "ratio" }
  /**
   * Split of each group across the values of `dimension` (appended to the grouping): rows
   * (or, when `weighted`, the sum of a weight such as spend) in the cell over those in the group.
   */
  | { kind: "mix"; dimension: DimensionId; weighted: boolean }
  /** Rows with a known entity divided by the number of distinct entities (e.g. homes per owner). */
  | { kind: "perEntity" }
  /**
   * Herfindahl–Hirschman index of the group's market: Σ (entity weight / total weight)² × 10,000,
   * over rows with a known entity and a positive weight.
   */
  | { kind: "hhi" }
  /** Share of the group's total weight held by its `k` largest entities (ties broken by name). */
  | { kind: "topShare"; k: number }
  /**
   * A figure the publisher computed, one row per area and year (table council_indicators):
   * the compiler reads the rows of the area level the query asks for — England with no place
   * grouping or filter, regional rows by region, council rows by council — and the latest year
   * when a group spans several. Never pooled: a group of several areas has no value.
   */
  | { kind: "published" };

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
  kind: MetricKind;
  format: MetricFormat;
  unit: string;
  table: FactTable;
  /**
   * What one counted row is, plural, where it is not a row of `table` (e.g. "contract × home
   * pairs"): n, suppression and coverage are said in these words.
   */
  rowNoun?: string;
  aggregate: Aggregate;
  /** The dimensions a user may group or filter by. */
  dimensions: readonly DimensionId[];
  /** Groups with fewer than this many rows in the denominator (n) are suppressed: value withheld, n still shown. */
  minN: number;
  /**
   * Ratio metrics whose denominator is a count of people: a group whose denominator is below
   * this is suppressed as well (a cost per child over 4 children is one child's placement).
   */
  minDenominator?: number;
  /** Source ids (see sources.ts) the metric reads on a real warehouse. */
  sources: readonly string[];
  caveats: readonly string[];
  target?: MetricTarget;
  /**
   * Rows the value leaves out as implausible (contracts.value_flag, set by the build's
   * plausibility step), in words; the condition is the metric's SQL. Every answer returns how
   * many were left out.
   */
  implausible?: { reason: string };
  /** Whether a higher value reads as better, for rank wording; "neutral" when it is a matter of view. */
  polarity: "higher-better" | "lower-better" | "neutral";
}

/** Every fact table can be cut by place (council, region, council type), year and source. */
const WHERE_AND_WHEN = [
  "council",
  "region",
  "council_type",
  "year",
  "source",
] as const satisfies readonly DimensionId[];

const CONTRACT_DIMENSIONS = [
  "model",
  "ownership",
  "service",
  "procedure",
  ...WHERE_AND_WHEN,
] as const satisfies readonly DimensionId[];

/** Markets (HHI, top-k) are drawn by council and service; grouping by supplier traits would split the market itself. */
const MARKET_DIMENSIONS = ["service", ...WHERE_AND_WHEN] as const satisfies readonly DimensionId[];

const CONTRACT_SOURCES = ["contracts-finder", "find-a-tender", "norfolk-register", "salford-register"] as const;

const PROVIDER_DIMENSIONS = ["sector", "provision_type", ...WHERE_AND_WHEN] as const satisfies readonly DimensionId[];

/** Children's-home metrics: one provision type by definition, so it is no dimension of theirs. */
const HOME_DIMENSIONS = ["sector", ...WHERE_AND_WHEN] as const satisfies readonly DimensionId[];

const SPEND_DIMENSIONS = [
  "provider_ownership",
  "ownership",
  "model",
  "service",
  ...WHERE_AND_WHEN,
] as const satisfies readonly DimensionId[];

const OFSTED_PROVIDERS = ["ofsted-providers"] as const;

/** The council ledgers' first and last financial years hold only part of a year's payments. */
const LEDGER_PART_YEARS =
  "Council ledgers cover part years at their ends: Devon 2010-11 is January–March 2011; Darlington 2022-23 is April–September 2022; Salford 2011-12 starts in August 2011 and 2022-23 is April–June 2022; Wakefield has 2014-15 to 2018-19 and only 1–3 April 2019 of 2019-20.";
const SPEND_SOURCES = [
  "s251-outturn",
  "derived-cla-spend",
  "devon-spend",
  "devon-grants",
  "darlington-spend",
  "salford-spend",
  "wakefield-spend",
] as const;

const IMPLAUSIBLE_ANNUAL_VALUE = {
  reason: "contracts whose value or period is flagged implausible (contracts.value_flag) are left out of the median",
};
const IMPLAUSIBLE_DURATION = {
  reason: "contracts whose period is flagged implausible (one-day placeholder, end date beyond horizon) are left out",
};
const FLAGGED_CAVEAT =
  "Values flagged implausible by the build (contracts.value_flag) are kept in the table but left out here; the answer says how many.";

/** Weeks in a year (365.25 / 7), to turn a year's spend into a weekly cost. */
export const WEEKS_PER_YEAR = 52.18;

const PROVIDER_COUNT_CAVEAT =
  "Ofsted's provider files for 2015–2020, 2023 and 2024 list only inspected providers; counts use only snapshots that cover every registered provider (2014, 2018 part 2, 2021, 2022, 2025), so other years are absent rather than understated.";
const SNAPSHOT_SUM_CAVEAT =
  "Each snapshot is a stock at 31 March: group or filter by year, or the total adds the same provider once per year.";
const RATING_CAVEATS = [
  "Ratings are each provider's latest full inspection at the snapshot date, which may be years old; inspections paused from March 2020 to 2021.",
  "Before April 2015 the scale was Outstanding / Good / Adequate / Inadequate; Adequate and Satisfactory count as Requires improvement.",
  "Providers not yet inspected are left out of the denominator; the count of registered providers is given as coverage.",
] as const;

const OWNER_NAMES_CAVEAT =
  "Owner names are recorded from 2018 and are free text: one group trading through several companies counts as several owners.";

const LINK_RATE_CAVEAT =
  "Most suppliers are not care providers (transport, schools, IT), so a low rate is expected; on a labelled sample of 140 suppliers the linkage made no wrong link and found 88% of the links a reader found.";

const SUPPLIER_SNAPSHOT_CAVEAT =
  "Ofsted's first snapshot with ratings is 31 March 2015: contracts starting earlier (most of Norfolk's 2015 register) or without a date are read against it. Before 2018 the files name no owner, so a home's owner then is its first named owner from 2018 on; homes closed before 2018 are missed.";

const SUPPLIER_QUALITY_CAVEATS = [
  "Only contracts whose supplier is linked to an Ofsted owner running registered, inspected children's homes at the snapshot count; the others are counted in 'Contracts whose supplier runs no rated children's home'.",
  "The linkage matches names (labelled sample: precision 100%, recall 88%); a group linked by its stem brings in every company sharing it.",
  "The interval treats contract × home pairs as independent; one large chain with many contracts makes it narrower than it should be.",
  "n counts contract × home pairs; the coverage total also counts each contract whose supplier runs no rated home, once.",
  "A supplier's homes need not be the homes a contract buys: the measure describes who the council contracts with, not the placements made.",
  SUPPLIER_SNAPSHOT_CAVEAT,
  RATING_CAVEATS[0],
] as const;

/** Where these shares part from Ofsted's published national series (asserted in metric-consistency.test.ts). */
const HOMES_SERIES_CAVEAT =
  "Ofsted's published series disagrees with its own provider files in 2018 (every category differs), 2019 (the published row repeats the 2018 file) and 2023 (2 homes whose latest event is a monitoring inspection judged Requires improvement are left out of the published denominator); these figures follow the files. Ofsted publishes no sector split: sector groups add up to the national figure.";

const RED_FLAG_CAVEAT =
  "A red flag is a reason to look at a contract, not a finding: a direct award or a short placement can be lawful and right, and the data behind a flag are often incomplete.";

/** A red flag's share: contracts carrying it among those it can be judged on (words in red-flags.ts). */
function redFlagShare<const Id extends string>(id: Id, flag: RedFlagId) {
  const info = RED_FLAGS[flag];
  return {
    id,
    label: `Share of contracts flagged: ${info.label.toLowerCase()}`,
    shortLabel: `Flag: ${info.label.toLowerCase()}`,
    definition: `${info.reason} Share among ${info.judgedOn}.`,
    kind: "share",
    format: "percent",
    unit: "share of contracts",
    table: "contracts",
    aggregate: { kind: "share" },
    dimensions: CONTRACT_DIMENSIONS,
    minN: 5,
    sources: CONTRACT_SOURCES,
    caveats: [RED_FLAG_CAVEAT],
    polarity: "neutral",
  } as const;
}
export const METRICS = [
  // ── Contracts ──────────────────────────────────────────────────────────────────────────
  {
    id: "contracts",
    label: "Number of contracts",
    shortLabel: "Contracts",
    definition:
      "Count of awarded children's-services contracts (award notices and contract registers; tenders not yet awarded are left out). A contract awarded to several suppliers counts once per supplier, because each supplier relationship is classified separately.",
    kind: "count",
    format: "integer",
    unit: "contracts",
    table: "contracts",
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
    id: "total_annual_value",
    label: "Total annual contract value",
    shortLabel: "Annual value (total)",
    definition:
      "Sum of each contract's value divided by its length in years, over contracts where both are known and the value is the supplier's own (not a ceiling shared by every supplier on a framework).",
    kind: "amount",
    format: "gbp",
    unit: "£ a year",
    table: "contracts",
    aggregate: { kind: "sum" },
    dimensions: CONTRACT_DIMENSIONS,
    minN: 1,
    sources: CONTRACT_SOURCES,
    caveats: [
      "Notices often state a ceiling or estimate, not what was spent.",
      "Contracts with an unknown or shared value are left out; coverage (n of total) shows how many.",
    ],
    polarity: "neutral",
  },
  {
    id: "total_value",
    label: "Total contract value",
    shortLabel: "Value (total)",
    definition:
      "Sum of whole-life contract values, over contracts whose value is known and is the supplier's own (not a framework ceiling shared by every supplier).",
    kind: "amount",
    format: "gbp",
    unit: "£",
    table: "contracts",
    aggregate: { kind: "sum" },
    dimensions: CONTRACT_DIMENSIONS,
    minN: 1,
    sources: CONTRACT_SOURCES,
    caveats: ["Notices often state a ceiling or estimate, not what was spent."],
    polarity: "neutral",
  },
  {
    id: "median_annual_value",
    label: "Median annual contract value",
    shortLabel: "Median annual value",
    definition:
      "Median of the contract value divided by its duration in years, over contracts where both value and duration are known, the value is the supplier's own and neither is flagged implausible (left out and counted). Quartiles are reported alongside.",
    kind: "median",
    format: "gbp",
    unit: "£ a year",
    table: "contracts",
    aggregate: { kind: "median" },
    implausible: IMPLAUSIBLE_ANNUAL_VALUE,
    dimensions: CONTRACT_DIMENSIONS,
    minN: 5,
    sources: CONTRACT_SOURCES,
    caveats: [
      "Framework and spot-purchase notices often state a ceiling, not what was spent.",
      "Contracts without a value or duration are left out of the median, not counted as zero.",
      FLAGGED_CAVEAT,
    ],
    polarity: "neutral",
  },
  {
    id: "median_duration_months",
    label: "Median contract length",
    shortLabel: "Median length (months)",
    definition:
      "Median length of the contract period in months (start to end date, or the stated duration), over contracts where it is known and the period is not flagged implausible (left out and counted). Quartiles are reported alongside.",
    kind: "median",
    format: "months",
    unit: "months",
    table: "contracts",
    aggregate: { kind: "median" },
    implausible: IMPLAUSIBLE_DURATION,
    dimensions: CONTRACT_DIMENSIONS,
    minN: 5,
    sources: CONTRACT_SOURCES,
    caveats: ["Optional extensions are not included unless the notice's end date includes them.", FLAGGED_CAVEAT],
    target: { value: 36, label: "Ask: contracts of at least three years" },
    polarity: "higher-better",
  },
  {
    id: "share_36_months",
    label: "Share of contracts lasting at least three years",
    shortLabel: "≥ 36 months",
    definition:
      "Contracts whose period is 36 months or longer, as a share of contracts whose length is known (periods flagged implausible — one-day placeholders, ends more than 25 years after the start — are left out and counted). The Declaration of Interdependence asks councils to let contracts run for at least three years.",
    kind: "share",
    format: "percent",
    unit: "share of contracts",
    table: "contracts",
    aggregate: { kind: "share" },
    implausible: IMPLAUSIBLE_DURATION,
    dimensions: CONTRACT_DIMENSIONS,
    minN: 5,
    sources: CONTRACT_SOURCES,
    caveats: [
      "Contracts of unknown length are excluded from the denominator and reported as coverage.",
      FLAGGED_CAVEAT,
    ],
    target: { value: 1, label: "Ask: every contract at least three years" },
    polarity: "higher-better",
  },
  {
    id: "procedure_mix",
    label: "Procedure type mix",
    shortLabel: "Procedure mix",
    definition:
      "Share of contracts in each group awarded by each procedure type (open, restricted, negotiated, direct award, framework call-off, grant, other, unknown). Unknown procedures are a category of their own, so the shares of a group add up to 100%.",
    kind: "mix",
    format: "percent",
    unit: "share of contracts",
    table: "contracts",
    aggregate: { kind: "mix", dimension: "procedure", weighted: false },
    dimensions: ["model", "ownership", "service", "council", "region", "council_type", "year", "source"],
    minN: 5,
    sources: CONTRACT_SOURCES,
    caveats: [
      "Procedure types are normalised from OCDS procurementMethod and its free-text details; a framework call-off may be recorded as the framework's own procedure.",
    ],
    polarity: "neutral",
  },
  {
    id: "model_mix",
    label: "Commissioning model mix",
    shortLabel: "Model mix",
    definition:
      "Share of contracts in each group classified market-led, cooperative, in-house or unknown by the versioned classification rules. Unknown is a category of its own, never dropped.",
    kind: "mix",
    format: "percent",
    unit: "share of contracts",
    table: "contracts",
    aggregate: { kind: "mix", dimension: "model", weighted: false },
    dimensions: ["service", "procedure", "council", "region", "council_type", "year", "source"],
    minN: 5,
    sources: CONTRACT_SOURCES,
    caveats: ["The model is inferred from procedure and supplier evidence; see the rule table for each decision."],
    polarity: "neutral",
  },
  {
    id: "single_tenderer_share",
    label: "Share of contracts with a single tenderer",
    shortLabel: "Single tenderer",
    definition:
      "Contracts that received exactly one tender, as a share of contracts where the number of tenderers is published. Coverage (contracts with a known number of tenderers out of all contracts) is reported next to it because most notices leave it out.",
    kind: "share",
    format: "percent",
    unit: "share of contracts",
    table: "contracts",
    aggregate: { kind: "share" },
    dimensions: CONTRACT_DIMENSIONS,
    minN: 5,
    sources: CONTRACT_SOURCES,
    caveats: [
      "The number of tenderers is published for a minority of notices, and unevenly by source and year: read the coverage.",
      "Direct awards have one bidder by design; filter by procedure to compare competitive procedures only.",
    ],
    polarity: "lower-better",
  },
  {
    id: "median_days_tender_to_award",
    label: "Median days from tender close to award",
    shortLabel: "Days close → award",
    definition:
      "Median number of days between the tender's closing date and the award date, over contracts where both are known and the award is not before the closing date. Quartiles are reported alongside.",
    kind: "median",
    format: "days",
    unit: "days",
    table: "contracts",
    aggregate: { kind: "median" },
    dimensions: CONTRACT_DIMENSIONS,
    minN: 5,
    sources: CONTRACT_SOURCES,
    caveats: [
      "Only notices that publish both dates count; awards dated before the closing date (data errors, or notices re-used across lots) are left out.",
    ],
    polarity: "lower-better",
  },
  {
    id: "retender_within_3y",
    label: "Re-tendered within three years",
    shortLabel: "Re-tendered ≤ 3 yrs",
    definition:
      "Share of contracts followed, within three years of their award (or start) date, by a new contract from the same council for the same service category. Contracts awarded in the last three years of the data are left out (their follow-up could not be seen yet), as are contracts with no council, no date, or the catch-all service 'other'.",
    kind: "share",
    format: "percent",
    unit: "share of contracts",
    table: "contracts",
    aggregate: { kind: "share" },
    dimensions: CONTRACT_DIMENSIONS,
    minN: 10,
    sources: CONTRACT_SOURCES,
    caveats: [
      "Service categories are broad: a new contract for a different residential service in the same council counts as a re-tender.",
      "A contract let in lots on different dates can look like a re-tender of itself.",
      "Follow-up contracts are looked for among all in-scope contracts, whatever filters are applied to the contracts counted.",
    ],
    polarity: "lower-better",
  },
  {
    id: "supplier_hhi",
    label: "Supplier concentration (HHI)",
    shortLabel: "HHI",
    definition:
      "Herfindahl–Hirschman index of each market (council, service, region or year as grouped): the sum over suppliers of the square of each supplier's percentage share of contract value, from 0 (many small suppliers) to 10,000 (one supplier). Above 2,500 is usually read as highly concentrated.",
    kind: "concentration",
    format: "integer",
    unit: "HHI (0–10,000)",
    table: "contracts",
    aggregate: { kind: "hhi" },
    dimensions: MARKET_DIMENSIONS,
    minN: 10,
    sources: CONTRACT_SOURCES,
    caveats: [
      "Computed over contract values as published (often ceilings); contracts with unknown or shared values are left out.",
      "Suppliers are matched by name after case and space folding; one group trading under several names counts as several suppliers.",
    ],
    polarity: "lower-better",
  },
  {
    id: "top5_supplier_share",
    label: "Top-5 supplier share of contract value",
    shortLabel: "Top-5 share",
    definition:
      "Share of each market's contract value (council, service, region or year as grouped) held by its five largest suppliers, over contracts with a known supplier and a known value of their own.",
    kind: "concentration",
    format: "percent",
    unit: "share of contract value",
    table: "contracts",
    aggregate: { kind: "topShare", k: 5 },
    dimensions: MARKET_DIMENSIONS,
    minN: 10,
    sources: CONTRACT_SOURCES,
    caveats: ["Markets with five suppliers or fewer show 100% by definition."],
    polarity: "lower-better",
  },
  {
    id: "sme_share",
    label: "Share of contracts awarded to SMEs",
    shortLabel: "SME share",
    definition:
      "Contracts whose supplier is a small or medium-sized enterprise, as a share of contracts where the supplier's size is published (OCDS details.scale).",
    kind: "share",
    format: "percent",
    unit: "share of contracts",
    table: "contracts",
    aggregate: { kind: "share" },
    dimensions: CONTRACT_DIMENSIONS,
    minN: 5,
    sources: CONTRACT_SOURCES,
    caveats: ["Supplier size is self-declared and often missing; read the coverage."],
    polarity: "neutral",
  },
  {
    id: "vcse_share",
    label: "Share of contracts awarded to VCSE organisations",
    shortLabel: "VCSE share",
    definition:
      "Contracts whose supplier is a voluntary, community or social enterprise, as a share of contracts where that is known (published VCSE flags or resolved supplier ownership).",
    kind: "share",
    format: "percent",
    unit: "share of contracts",
    table: "contracts",
    aggregate: { kind: "share" },
    dimensions: CONTRACT_DIMENSIONS,
    minN: 5,
    sources: CONTRACT_SOURCES,
    caveats: ["VCSE status is flagged explicitly by few sources; read the coverage."],
    polarity: "neutral",
  },
  redFlagShare("red_flag_direct_award_for_profit", "direct-award-for-profit"),
  redFlagShare("red_flag_one_tenderer", "one-tenderer"),
  redFlagShare("red_flag_short_care", "short-care-contract"),
  redFlagShare("red_flag_no_prior_tender", "no-prior-tender-notice"),
  redFlagShare("red_flag_value_above_range", "value-above-range"),
  // ── Quality (Ofsted) ──────────────────────────────────────────────────────────────────
  {
    id: "providers",
    label: "Registered providers",
    shortLabel: "Providers",
    definition:
      "Number of providers registered with Ofsted (Active or Suspended) at the 31 March snapshot, from snapshots that list every registered provider.",
    kind: "count",
    format: "integer",
    unit: "providers",
    table: "provider_snapshots",
    aggregate: { kind: "count" },
    dimensions: PROVIDER_DIMENSIONS,
    minN: 1,
    sources: OFSTED_PROVIDERS,
    caveats: [PROVIDER_COUNT_CAVEAT, SNAPSHOT_SUM_CAVEAT],
    polarity: "neutral",
  },
  {
    id: "places",
    label: "Registered places",
    shortLabel: "Places",
    definition:
      "Sum of registered places of providers registered with Ofsted (Active or Suspended) at the 31 March snapshot, over providers whose places are recorded, from snapshots that list every registered provider.",
    kind: "amount",
    format: "integer",
    unit: "places",
    table: "provider_snapshots",
    aggregate: { kind: "sum" },
    dimensions: PROVIDER_DIMENSIONS,
    minN: 1,
    sources: OFSTED_PROVIDERS,
    caveats: [
      PROVIDER_COUNT_CAVEAT,
      SNAPSHOT_SUM_CAVEAT,
      "Fostering and adoption agencies have no places; the 2015 file has no places column.",
    ],
    polarity: "neutral",
  },
  {
    id: "homes_good_outstanding",
    label: "Children's homes rated Good or Outstanding",
    shortLabel: "Homes Good/Outstanding",
    definition:
      "Children's homes (Ofsted provision type exactly 'Children's home', any case; not secure homes or residential special schools) registered (Active or Suspended) at a 31 March snapshot and rated Good or Outstanding for overall experiences and progress at their latest full inspection, as a share of the registered children's homes with a 4-point judgement there (Outstanding + Good + Requires improvement + Inadequate; homes not yet inspected are left out). This is Ofsted's definition in its national series (Table 8c, latest overall effectiveness judgement for children's homes): numerator and denominator equal Ofsted's published counts for 2016, 2017, 2020, 2021, 2022, 2024 and 2025.",
    kind: "share",
    format: "percent",
    unit: "share of inspected homes",
    table: "provider_snapshots",
    aggregate: { kind: "share" },
    dimensions: HOME_DIMENSIONS,
    minN: 5,
    sources: OFSTED_PROVIDERS,
    caveats: [...RATING_CAVEATS, HOMES_SERIES_CAVEAT],
    polarity: "higher-better",
  },
  {
    id: "homes_inadequate",
    label: "Children's homes rated Inadequate",
    shortLabel: "Homes Inadequate",
    definition:
      "Children's homes (provision type exactly 'Children's home', any case) registered (Active or Suspended) at a 31 March snapshot and rated Inadequate at their latest full inspection, as a share of the registered children's homes with a 4-point judgement there (homes not yet inspected are left out). Ofsted's Table 8c definition: numerator and denominator equal its published counts for 2016, 2017, 2020, 2021, 2022, 2024 and 2025.",
    kind: "share",
    format: "percent",
    unit: "share of inspected homes",
    table: "provider_snapshots",
    aggregate: { kind: "share" },
    dimensions: HOME_DIMENSIONS,
    minN: 5,
    sources: OFSTED_PROVIDERS,
    caveats: [...RATING_CAVEATS, HOMES_SERIES_CAVEAT],
    polarity: "lower-better",
  },
  {
    id: "homes_rating_mix",
    label: "Children's homes by latest rating",
    shortLabel: "Homes rating mix",
    definition:
      "Split of registered (Active or Suspended), inspected children's homes across Outstanding, Good, Requires improvement and Inadequate at their latest full inspection, at each 31 March snapshot.",
    kind: "mix",
    format: "percent",
    unit: "share of inspected homes",
    table: "provider_snapshots",
    aggregate: { kind: "mix", dimension: "rating", weighted: false },
    dimensions: HOME_DIMENSIONS,
    minN: 5,
    sources: OFSTED_PROVIDERS,
    caveats: RATING_CAVEATS,
    polarity: "neutral",
  },
  {
    id: "providers_good_outstanding",
    label: "Providers rated Good or Outstanding",
    shortLabel: "Good/Outstanding",
    definition:
      "Providers of any provision type (group or filter by provision type) rated Good or Outstanding at their latest full inspection, as a share of registered (Active or Suspended) providers that have one, at each 31 March snapshot.",
    kind: "share",
    format: "percent",
    unit: "share of inspected providers",
    table: "provider_snapshots",
    aggregate: { kind: "share" },
    dimensions: PROVIDER_DIMENSIONS,
    minN: 5,
    sources: OFSTED_PROVIDERS,
    caveats: [...RATING_CAVEATS, "Provision types are judged on different frameworks; compare within a type."],
    polarity: "higher-better",
  },
  {
    id: "providers_inadequate",
    label: "Providers rated Inadequate",
    shortLabel: "Inadequate",
    definition:
      "Providers of any provision type rated Inadequate at their latest full inspection, as a share of registered (Active or Suspended) providers that have one, at each 31 March snapshot.",
    kind: "share",
    format: "percent",
    unit: "share of inspected providers",
    table: "provider_snapshots",
    aggregate: { kind: "share" },
    dimensions: PROVIDER_DIMENSIONS,
    minN: 5,
    sources: OFSTED_PROVIDERS,
    caveats: [...RATING_CAVEATS, "Provision types are judged on different frameworks; compare within a type."],
    polarity: "lower-better",
  },
  {
    id: "homes_per_owner",
    label: "Children's homes per owner (chain size)",
    shortLabel: "Homes per owner",
    definition:
      "Registered children's homes with a recorded owner divided by the number of distinct owners (Ofsted's 'Organisation which owns the provider', case- and space-folded), at each snapshot: the average chain size a home belongs to is larger still, because big chains own many homes.",
    kind: "average",
    format: "decimal",
    unit: "homes per owner",
    table: "provider_snapshots",
    aggregate: { kind: "perEntity" },
    dimensions: HOME_DIMENSIONS,
    minN: 5,
    sources: OFSTED_PROVIDERS,
    caveats: [
      OWNER_NAMES_CAVEAT,
      "Grouped by council, it counts an owner's homes in that council only.",
      "Ofsted's files for 2015–2020, 2023 and 2024 list only inspected homes, so those years count inspected homes; the others count every registered home.",
      SNAPSHOT_SUM_CAVEAT,
    ],
    polarity: "neutral",
  },
  {
    id: "top10_owner_places_share",
    label: "Largest ten owners' share of children's home places",
    shortLabel: "Top-10 owners' places",
    definition:
      "Share of registered children's home places held by the ten owners with the most places, over homes whose owner and places are recorded, at each snapshot.",
    kind: "concentration",
    format: "percent",
    unit: "share of places",
    table: "provider_snapshots",
    aggregate: { kind: "topShare", k: 10 },
    dimensions: HOME_DIMENSIONS,
    minN: 10,
    sources: OFSTED_PROVIDERS,
    caveats: [OWNER_NAMES_CAVEAT, "Without grouping by year the shares mix snapshots; group or filter by year."],
    polarity: "lower-better",
  },
  {
    id: "places_per_home",
    label: "Places per children's home",
    shortLabel: "Places per home",
    definition:
      "Registered places of registered (Active or Suspended) children's homes divided by the number of those homes whose places are recorded, at each 31 March snapshot: the average home's size, by sector.",
    kind: "ratio",
    format: "decimal",
    unit: "places per home",
    table: "provider_snapshots",
    aggregate: { kind: "ratio" },
    dimensions: HOME_DIMENSIONS,
    minN: 5,
    sources: OFSTED_PROVIDERS,
    caveats: [
      "The 2015 file has no places column, and the 2014 file lists places for some homes only.",
      "Ofsted's files for 2015–2020, 2023 and 2024 list only inspected homes; new homes not yet inspected are missing from those years.",
      SNAPSHOT_SUM_CAVEAT,
    ],
    polarity: "neutral",
  },
  {
    id: "chain_size_per_home",
    label: "Size of the chain the average children's home belongs to",
    shortLabel: "Chain size per home",
    definition:
      "For each registered children's home with a named owner at a 31 March snapshot, the number of children's homes its owner group runs in England at that snapshot, averaged over homes. An owner group is the owner's spellings folded to one name (case, punctuation, spacing, legal suffixes), and the companies of a group a supplier names ('Keys Group': every 'Keys …' company), as in the supplier linkage. Unlike homes per owner, this weighs each chain by its homes: it is the chain size the average home (and so roughly the average child in a home) belongs to.",
    kind: "ratio",
    format: "decimal",
    unit: "homes in the owner's chain, per home",
    table: "provider_snapshots",
    aggregate: { kind: "ratio" },
    dimensions: HOME_DIMENSIONS,
    minN: 5,
    sources: OFSTED_PROVIDERS,
    caveats: [
      OWNER_NAMES_CAVEAT,
      "The chain is counted across England even when the homes are grouped by council or region.",
      "Groups trading under unrelated company names (a parent with differently named subsidiaries) count as several chains; the measure understates chain size.",
      "Ofsted's files for 2015–2020, 2023 and 2024 list only inspected homes, so those years count inspected homes.",
    ],
    polarity: "neutral",
  },
  {
    id: "closure_rate",
    label: "Children's homes leaving the register",
    shortLabel: "Closure rate",
    definition:
      "Children's homes that de-registered during the year to 31 March (Ofsted's joiners-and-leavers file) divided by the registered children's homes at the start of that year (the 31 March snapshot a year earlier), by sector. Only years whose starting snapshot lists every registered home are given: 2018-19 (start: the full register of 31 March 2018), 2021-22 and 2022-23.",
    kind: "ratio",
    format: "percent",
    unit: "leavers per home at the start of the year",
    table: "joiners_leavers",
    aggregate: { kind: "ratio" },
    dimensions: HOME_DIMENSIONS,
    minN: 5,
    sources: ["ofsted-joiners-leavers", ...OFSTED_PROVIDERS],
    caveats: [
      "A change of owner can appear as a leaver and a joiner: a closure here is a de-registration, not always a home that stopped caring for children.",
      "The other years' starting snapshots list only inspected homes, which would overstate the rate, so they are left out.",
      "A home's council and sector are those of its row in each file; a home that changed sector within the year counts in each.",
    ],
    polarity: "neutral",
  },
  {
    id: "private_places_share",
    label: "Share of children's home places run privately",
    shortLabel: "Private places",
    definition:
      "Registered places of registered (Active or Suspended) children's homes whose Ofsted sector is Private, as a share of the places of homes with a recorded sector and places, at each 31 March snapshot: one side of a council's market mix (where its homes are, not where its children are placed).",
    kind: "ratio",
    format: "percent",
    unit: "share of places",
    table: "provider_snapshots",
    aggregate: { kind: "ratio" },
    dimensions: WHERE_AND_WHEN,
    minN: 5,
    sources: OFSTED_PROVIDERS,
    caveats: [
      "A council's homes serve children placed from anywhere: this is the market located in the council, not the placements the council makes.",
      "The 2015 file has no places column; the files for 2015–2020, 2023 and 2024 list only inspected homes.",
    ],
    polarity: "neutral",
  },
  {
    id: "joiners",
    label: "Providers joining the register",
    shortLabel: "Joiners",
    definition: "Number of providers that registered with Ofsted during the year to 31 March.",
    kind: "count",
    format: "integer",
    unit: "providers",
    table: "joiners_leavers",
    aggregate: { kind: "count" },
    dimensions: PROVIDER_DIMENSIONS,
    minN: 1,
    sources: ["ofsted-joiners-leavers"],
    caveats: ["Published for 2016-17 to 2022-23 only."],
    polarity: "neutral",
  },
  {
    id: "leavers",
    label: "Providers leaving the register",
    shortLabel: "Leavers",
    definition: "Number of providers that de-registered from Ofsted during the year to 31 March.",
    kind: "count",
    format: "integer",
    unit: "providers",
    table: "joiners_leavers",
    aggregate: { kind: "count" },
    dimensions: PROVIDER_DIMENSIONS,
    minN: 1,
    sources: ["ofsted-joiners-leavers"],
    caveats: ["Published for 2016-17 to 2022-23 only.", "A change of owner can appear as a leaver and a joiner."],
    polarity: "neutral",
  },
  // ── Quality of the supplier (contracts × the Ofsted-rated homes of their supplier) ─────────
  {
    id: "supplier_homes_good_outstanding",
    label: "Suppliers' children's homes rated Good or Outstanding",
    shortLabel: "Supplier homes Good/Outstanding",
    definition:
      "For each let children's-services contract, the registered children's homes run by its supplier (linked to Ofsted's owners by supplier_owner_links: same company number, same normalised name or trading name, or the companies of a group that names itself) at the latest 31 March snapshot with ratings on or before the contract's start (else award) date; the share of those homes with a 4-point judgement rated Good or Outstanding at their latest full inspection. Pooled over contracts: n counts contract × home pairs, so a chain with several contracts counts its homes once per contract.",
    kind: "share",
    format: "percent",
    unit: "share of the suppliers' inspected homes",
    table: "contracts",
    rowNoun: "contract × home pairs",
    aggregate: { kind: "share" },
    dimensions: CONTRACT_DIMENSIONS,
    minN: 10,
    sources: [...CONTRACT_SOURCES, ...OFSTED_PROVIDERS],
    caveats: SUPPLIER_QUALITY_CAVEATS,
    polarity: "higher-better",
  },
  {
    id: "supplier_homes_inadequate",
    label: "Suppliers' children's homes rated Inadequate",
    shortLabel: "Supplier homes Inadequate",
    definition:
      "As 'Suppliers' children's homes rated Good or Outstanding', the share of the homes run by each contract's supplier at the snapshot on or before its start (else award) rated Inadequate at their latest full inspection, over homes with a 4-point judgement; n counts contract × home pairs.",
    kind: "share",
    format: "percent",
    unit: "share of the suppliers' inspected homes",
    table: "contracts",
    rowNoun: "contract × home pairs",
    aggregate: { kind: "share" },
    dimensions: CONTRACT_DIMENSIONS,
    minN: 10,
    sources: [...CONTRACT_SOURCES, ...OFSTED_PROVIDERS],
    caveats: SUPPLIER_QUALITY_CAVEATS,
    polarity: "lower-better",
  },
  {
    id: "contracts_supplier_without_home",
    label: "Contracts whose supplier runs no rated children's home",
    shortLabel: "Supplier without a home",
    definition:
      "Let children's-services contracts naming a supplier whose supplier ran no registered, inspected children's home at the snapshot the quality metrics read (on or before the contract's start, else award): the supplier is not linked to any Ofsted owner, or is linked but none of its homes was registered and rated then. These contracts are in no quality share; they are counted here so that none is dropped.",
    kind: "count",
    format: "integer",
    unit: "contracts",
    table: "contracts",
    aggregate: { kind: "count" },
    dimensions: CONTRACT_DIMENSIONS,
    minN: 1,
    sources: [...CONTRACT_SOURCES, ...OFSTED_PROVIDERS],
    caveats: [
      "Most are suppliers of services that are not children's homes (transport, family support, fostering agencies), or names the linkage cannot match (see Sources & methods).",
      SUPPLIER_SNAPSHOT_CAVEAT,
    ],
    polarity: "neutral",
  },
  {
    id: "supplier_owner_link_rate",
    label: "Contracts whose supplier is linked to an Ofsted owner",
    shortLabel: "Supplier linked to Ofsted",
    definition:
      "Contract rows (any stage, in scope or not) naming a supplier that is not a placeholder, whose supplier name is linked to at least one Ofsted owner in supplier_owner_links (same company number, same normalised name or trading name, or a group that names itself and the companies sharing its stem), as a share of those rows: the linkage's match rate.",
    kind: "share",
    format: "percent",
    unit: "share of contracts naming a supplier",
    table: "contracts",
    aggregate: { kind: "share" },
    dimensions: CONTRACT_DIMENSIONS,
    minN: 5,
    sources: [...CONTRACT_SOURCES, ...OFSTED_PROVIDERS],
    caveats: [LINK_RATE_CAVEAT],
    polarity: "neutral",
  },
  // ── Spend ─────────────────────────────────────────────────────────────────────────────
  {
    id: "spend_total",
    label: "Spend",
    shortLabel: "Spend",
    definition:
      "Sum of spend (outturn lines split by provider ownership, and ledger payments) over rows with a known amount.",
    kind: "amount",
    format: "gbp",
    unit: "£",
    table: "spend",
    aggregate: { kind: "sum" },
    dimensions: SPEND_DIMENSIONS,
    minN: 1,
    sources: SPEND_SOURCES,
    caveats: [
      "Sources overlap (s251 outturn, researcher panels, council ledgers): filter or group by source, or the same money counts twice.",
      LEDGER_PART_YEARS,
    ],
    polarity: "neutral",
  },
  {
    id: "spend_supplier_owner_link_rate",
    label: "Payments whose supplier is linked to an Ofsted owner",
    shortLabel: "Payee linked to Ofsted",
    definition:
      "Ledger payment rows naming a supplier that is not a placeholder, whose supplier name is linked to at least one Ofsted owner in supplier_owner_links, as a share of those rows: the linkage's match rate on spend.",
    kind: "share",
    format: "percent",
    unit: "share of payments naming a supplier",
    table: "spend",
    aggregate: { kind: "share" },
    dimensions: SPEND_DIMENSIONS,
    minN: 5,
    sources: [...SPEND_SOURCES, ...OFSTED_PROVIDERS],
    caveats: [LINK_RATE_CAVEAT],
    polarity: "neutral",
  },
  {
    id: "spend_by_ownership",
    label: "Spend by provider ownership",
    shortLabel: "Spend mix",
    definition:
      "Split of each group's spend between the council's own provision and private, voluntary and other public providers, as recorded in the spend return, over rows with a known amount and ownership.",
    kind: "mix",
    format: "percent",
    unit: "share of spend",
    table: "spend",
    aggregate: { kind: "mix", dimension: "provider_ownership", weighted: true },
    dimensions: ["service", "council", "region", "council_type", "year", "source"],
    minN: 1,
    sources: SPEND_SOURCES,
    caveats: [
      "Sources overlap: filter or group by source, or the same money counts twice.",
      "A census of reported spend, not a sample: no sampling interval is shown.",
      "The 2008-09 return has one column for own and other public provision together ('own or other public').",
    ],
    polarity: "neutral",
  },
  {
    id: "spend_share_for_profit",
    label: "Share of spend with for-profit providers",
    shortLabel: "For-profit spend",
    definition:
      "Spend with private (for-profit) providers as a share of spend whose provider ownership is known: the return's 'private' column for outturn lines, and suppliers resolved as for-profit for ledger payments.",
    kind: "ratio",
    format: "percent",
    unit: "share of spend",
    table: "spend",
    aggregate: { kind: "ratio" },
    dimensions: ["service", "model", "council", "region", "council_type", "year", "source"],
    minN: 1,
    sources: SPEND_SOURCES,
    caveats: [
      "Sources overlap: filter or group by source, or the same money counts twice.",
      "Spend of unknown ownership is left out of both sides, not counted as not-for-profit.",
      LEDGER_PART_YEARS,
    ],
    polarity: "neutral",
  },
  {
    id: "placement_spend_per_cla",
    label: "Placement spend per child looked after",
    shortLabel: "Spend per child looked after",
    definition:
      "Spend on residential care and fostering placements (s251 outturn lines, all provider types) divided by the number of children looked after at 31 March, per council and year, over council-years where both are known.",
    kind: "ratio",
    format: "gbp",
    unit: "£ per child",
    table: "spend",
    aggregate: { kind: "ratio" },
    dimensions: ["council", "region", "council_type", "year"],
    minN: 1,
    sources: ["s251-outturn", "dfe-cla"],
    caveats: [
      "Spend is for the financial year ending in the stated year; children are counted at 31 March of it.",
      "Children looked after are the sum of the placement-provider rows with no placement-type breakdown in the DfE table; suppressed cells (1–5 children) are left out, so the count is slightly low and the rate slightly high.",
      "Only years covered by both the s251 outturn files and the DfE council-level placement tables can be computed.",
      "n counts council-years, so an England or regional value is total spend over total children, not an average of council rates.",
    ],
    polarity: "neutral",
  },
  {
    id: "weekly_cost_per_child",
    label: "Weekly placement cost per child, by provider type",
    shortLabel: "Weekly cost per child",
    definition:
      "Gross spend on the s251 outturn lines 'Residential care' and 'Fostering services' in a provider column (the council's own provision, private, voluntary, other public), divided by the children looked after placed with that kind of provider at 31 March of the year the financial year ends (DfE, all placement types; another council's provision counted with other public), divided by 52.18 weeks. Computed per council, year and provider type where both sides are known and the spend is above zero, then pooled: a region or England is its councils' spend over their children, not an average of council costs. n counts council-years. Suppressed where fewer than 10 children are placed. Council-years delivered by a children's services trust or company, or with all placement spend recorded as other public, have no cost.",
    kind: "ratio",
    format: "gbp",
    unit: "£ a week per child",
    table: "spend",
    aggregate: { kind: "ratio" },
    dimensions: ["provider_ownership", "council", "region", "council_type", "year"],
    minN: 1,
    minDenominator: 10,
    sources: ["s251-outturn", "dfe-cla"],
    caveats: [
      "Children are a stock on 31 March, not children placed during the year: the value is a cost per occupied placement-week only if the number placed with that provider was about the same all year. Where it rose during the year the 31 March count is above the year's average and the cost is understated; where it fell, overstated. Children placed during the year would give a far lower figure (a short placement counted as a whole child).",
      "The children include every placement type with that provider (placed for adoption, independent living, residential schools…), while the spend is the residential and fostering lines only: own provision in particular includes children whose placement costs sit on other lines.",
      "Years with both sides in the shared data: 2011–2014 (s251 outturn files 2010-11 to 2013-14; DfE council placement-provider tables 2011–2017). The research panel's spend from 2014-15 is the whole looked-after block (adoption, guardianship, education included) and DfE's council provider tables after 2017 are not in the data, so later years are not computed.",
      "Councils file voluntary and other-council placements unevenly (some put them in the private column or record none): voluntary and other public costs rest on the councils that record both sides.",
      "Not the market study's prices: those are average weekly fees of the largest providers' children's homes (about £3,800) and fostering agencies (about £800); this is all residential and fostering spend with a provider type over all its children, so private here mixes fostering agencies with children's homes.",
    ],
    polarity: "neutral",
  },
  // ── Payments by provider ownership in the council ledgers ─────────────────────────────
  ...LEDGER_METRICS,
  // ── Outcomes for children (published council figures) ─────────────────────────────────
  ...OUTCOME_METRICS,
] as const satisfies readonly MetricDef[];

export type MetricId = (typeof METRICS)[number]["id"];

export const METRIC_IDS = METRICS.map((m) => m.id) as readonly string[];

export function getMetric(id: string): MetricDef | undefined {
  return (METRICS as readonly MetricDef[]).find((m) => m.id === id);
}

/** Whether the metric is a proportion of counted rows, so a 95% Wilson interval applies. */
export function hasBinomialInterval(metric: MetricDef): boolean {
  return metric.aggregate.kind === "share" || (metric.aggregate.kind === "mix" && !metric.aggregate.weighted);
}
