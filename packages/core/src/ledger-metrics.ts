/**
 * Payments by provider ownership in the four council ledgers (Devon, Darlington, Salford,
 * Wakefield: spending over £500): the for-profit share of children's placement payments and the
 * concentration of those payments among suppliers, per council and year.
 *
 * A "placement payment" is a ledger line whose expense type the service rules map to
 * residential care or fostering. A ledger has no ownership split of its own: ownership is the
 * supplier's, decided once per supplier by the classification step. Payments to redacted
 * individuals (most of them foster carers and families paid directly) name no supplier, so they
 * are in no market share and of unknown ownership; the answer counts them in the total rows.
 */
import type { DimensionId } from "./dimensions.js";
import type { MetricDef } from "./metrics.js";

/** The four council ledgers (spending over £500) that carry children's placement payments. */
export const LEDGER_SOURCES = ["devon-spend", "darlington-spend", "salford-spend", "wakefield-spend"] as const;

/** The services of a placement payment (service rules on the ledger's expense type). */
export const PLACEMENT_SERVICES = ["residential care", "fostering"] as const;

/** Markets are drawn by council, year and service: grouping by supplier traits would split the market itself. */
const LEDGER_MARKET_DIMENSIONS = [
  "service",
  "council",
  "region",
  "council_type",
  "year",
  "source",
] as const satisfies readonly DimensionId[];

const LEDGER_CAVEATS = [
  "Only four councils publish a ledger in the shared data (Devon, Darlington, Salford, Wakefield): these are four councils' pictures, not England's.",
  "A placement payment is a line whose expense type names residential care or fostering. Where a council books placements under a mixed expense type (Salford's 'Payts to Agencies', Darlington's 'Independent Placements') they are not placement payments here, so Salford has almost none. Devon's ledger has no line naming residential care from 2012-13 to 2016-17 (fostering only in those years).",
  "Payments over £500 only, by the month paid (cash), not accrued costs: a year's payments are not the year's cost, and the council's accounts (s251 outturn) differ from them.",
  "Council ledgers cover part years at their ends: Devon 2010-11 is January–March 2011; Darlington 2022-23 is April–September 2022; Salford 2011-12 starts in August 2011 and 2022-23 is April–June 2022; Wakefield has 2014-15 to 2018-19 and only 1–3 April 2019 of 2019-20.",
] as const;

const REDACTED_CAVEAT =
  "Payments to redacted names ('REDACTED UNDER DP ACT', 'Redacted Data', 'DETAILS REDACTED'…: individuals, mostly foster carers paid directly) have no supplier: they are left out of both sides and reported as coverage.";

export const LEDGER_METRICS = [
  {
    id: "ledger_placement_for_profit_share",
    label: "For-profit share of children's placement payments (council ledgers)",
    shortLabel: "For-profit placement payments",
    definition:
      "Payments over £500 to for-profit suppliers as a share of the payments to suppliers of known ownership, over the residential-care and fostering lines of the four council ledgers (Devon, Darlington, Salford, Wakefield), per council and financial year (April–March, by payment month). Ownership is the supplier's, from the classification step (registry numbers, legal form, known groups, Ofsted's sector). Credits (negative lines) are netted in. n counts payment lines.",
    kind: "ratio",
    format: "percent",
    unit: "share of placement payments",
    table: "spend",
    aggregate: { kind: "ratio" },
    dimensions: LEDGER_MARKET_DIMENSIONS,
    minN: 20,
    sources: LEDGER_SOURCES,
    caveats: [
      ...LEDGER_CAVEATS,
      REDACTED_CAVEAT,
      "Suppliers of unknown ownership are left out of both sides, not counted as not-for-profit.",
    ],
    polarity: "neutral",
  },
  {
    id: "ledger_placement_hhi",
    label: "Supplier concentration of placement payments (HHI, council ledgers)",
    shortLabel: "Placement payments HHI",
    definition:
      "Herfindahl–Hirschman index of each council-year's residential-care and fostering payments in the four council ledgers: the sum over suppliers of the square of each supplier's percentage share of the payments, from 0 (many small suppliers) to 10,000 (one supplier). Above 2,500 is usually read as highly concentrated. Suppliers are names folded for case and spaces; payments to redacted individuals are left out.",
    kind: "concentration",
    format: "integer",
    unit: "HHI (0–10,000)",
    table: "spend",
    aggregate: { kind: "hhi" },
    dimensions: LEDGER_MARKET_DIMENSIONS,
    minN: 20,
    sources: LEDGER_SOURCES,
    caveats: [
      ...LEDGER_CAVEATS,
      REDACTED_CAVEAT,
      "Only lines with a positive amount count towards a supplier's share (credits are left out).",
      "One group paid under several company names (e.g. Cambian Childcare and Cambian Autism Services) counts as several suppliers, so concentration is understated.",
      "Without a council in the grouping, the market is the pooled payments of the councils selected.",
    ],
    polarity: "lower-better",
  },
  {
    id: "ledger_placement_top5_share",
    label: "Top-5 supplier share of placement payments (council ledgers)",
    shortLabel: "Placement payments top-5",
    definition:
      "Share of each council-year's residential-care and fostering payments in the four council ledgers held by its five largest suppliers (names folded for case and spaces; redacted individuals left out; positive lines only).",
    kind: "concentration",
    format: "percent",
    unit: "share of placement payments",
    table: "spend",
    aggregate: { kind: "topShare", k: 5 },
    dimensions: LEDGER_MARKET_DIMENSIONS,
    minN: 20,
    sources: LEDGER_SOURCES,
    caveats: [...LEDGER_CAVEATS, REDACTED_CAVEAT, "Markets with five suppliers or fewer show 100% by definition."],
    polarity: "lower-better",
  },
] as const satisfies readonly MetricDef[];
