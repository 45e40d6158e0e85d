/**
 * SQL of the council-ledger payment metrics (@lens/core LEDGER_METRICS): the placement lines of
 * the four ledgers, a supplier identity that leaves redacted individuals out, and ownership read
 * only where a supplier is named. Fixed strings over the fact table aliased `f`; the source ids
 * and services come from the registry's constants, never from user input.
 */
import { type LEDGER_METRICS, LEDGER_SOURCES, PLACEMENT_SERVICES } from "@lens/core";
import type { MetricSql } from "./metric-sql.js";

type LedgerMetricId = (typeof LEDGER_METRICS)[number]["id"];

const quoted = (values: readonly string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ");

/** Residential-care and fostering payment lines of the four council ledgers, with an amount. */
export const LEDGER_PLACEMENT_SQL = `f.source IN (${quoted(LEDGER_SOURCES)}) AND f.service IN (${quoted(PLACEMENT_SERVICES)}) AND f.amount_gbp IS NOT NULL`;

/**
 * A payee the ledger redacts ('REDACTED UNDER DP ACT', 'Redacted Data', 'DETAILS REDACTED',
 * 'Redaction'…) is an individual — most often a foster carer paid directly — not a supplier:
 * thousands of people under one label would be one huge "supplier" in a market share, and the
 * label's pooled evidence can even carry an ownership (one redacted Wakefield row with a
 * charity number makes 'DETAILS REDACTED' not-for-profit).
 */
export const REDACTED_PAYEE_SQL = "regexp_matches(upper(coalesce(f.supplier_name, '')), 'REDACT')";

/** Supplier identity for a ledger market: the name folded for case and spaces; NULL when none is named. */
export const LEDGER_SUPPLIER_SQL = `CASE WHEN f.supplier_ownership IS NULL OR ${REDACTED_PAYEE_SQL} THEN NULL ELSE nullif(lower(trim(f.supplier_name)), '') END`;

/** The supplier's ownership, unknown (NULL) for redacted payees and unnamed suppliers. */
export const LEDGER_OWNERSHIP_SQL = `CASE WHEN ${REDACTED_PAYEE_SQL} THEN NULL ELSE f.supplier_ownership END`;

export const LEDGER_METRIC_SQL: Record<LedgerMetricId, MetricSql> = {
  ledger_placement_for_profit_share: {
    where: LEDGER_PLACEMENT_SQL,
    aggregate: {
      kind: "ratio",
      numerator: `CASE WHEN (${LEDGER_OWNERSHIP_SQL}) = 'for-profit' THEN f.amount_gbp WHEN (${LEDGER_OWNERSHIP_SQL}) IN ('not-for-profit', 'public') THEN 0 END`,
      denominator: `CASE WHEN (${LEDGER_OWNERSHIP_SQL}) IN ('for-profit', 'not-for-profit', 'public') THEN f.amount_gbp END`,
    },
  },
  ledger_placement_hhi: {
    where: LEDGER_PLACEMENT_SQL,
    aggregate: { kind: "hhi", entity: LEDGER_SUPPLIER_SQL, weight: "f.amount_gbp" },
  },
  ledger_placement_top5_share: {
    where: LEDGER_PLACEMENT_SQL,
    aggregate: { kind: "topShare", entity: LEDGER_SUPPLIER_SQL, weight: "f.amount_gbp" },
  },
};
