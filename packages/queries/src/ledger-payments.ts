/**
 * ledgerPayments: the four council ledgers' children's placement payments per council and
 * financial year, set beside the same council's s251 outturn and the research panel for that
 * year, and the providers paid by more than one of the four councils.
 *
 * Why the two sides differ, and are shown side by side rather than reconciled:
 * - a ledger lists payments over £500, by the month paid; outturn is the year's accounts
 *   (accruals: a March placement paid in April is in the outturn of the year it was provided);
 * - a ledger names a service only through its expense type, and some councils book placements
 *   under mixed types, which are not placement payments here;
 * - s251 "Residential care" and "Fostering services" include the council's own homes and
 *   carers (staff pay is not a payment to a supplier) and are gross of income;
 * - the panel's "Total Children Looked After" is the whole looked-after block (adoption,
 *   guardianship, other looked-after services too).
 * Ledger and s251 both use financial years ending in March (`year` 2014 = 2013-14); the end
 * years of a ledger hold only the months it covers, reported as `months`.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { getMetric, LEDGER_SOURCES } from "@lens/core";
import { organisationMatchKey } from "@lens/core/classify";
import { z } from "zod";
import {
  LEDGER_OWNERSHIP_SQL,
  LEDGER_PLACEMENT_SQL,
  LEDGER_SUPPLIER_SQL,
  REDACTED_PAYEE_SQL,
} from "./ledger-metric-sql.js";
import { type RunOptions, runQuery } from "./run.js";

export const ledgerPaymentsInput = z.object({
  /** One council's rows only (a DfE 3-digit code); all four ledger councils without it. */
  council: z
    .string()
    .regex(/^[0-9]{3}$/, { message: "must be a 3-digit DfE council code" })
    .optional(),
});
export type LedgerPaymentsInput = z.input<typeof ledgerPaymentsInput>;

/** The s251 lines that are the price of a placement (as weekly_cost_per_child reads them). */
const S251_PLACEMENT_LINES = "lower(trim(f.service_line)) IN ('residential care', 'fostering services')";

export interface LedgerCouncilYear {
  laCode: string;
  name: string;
  source: string;
  /** Financial year ending (2014 = 2013-14). */
  year: number;
  /** Payment months the ledger holds in that financial year (12 for a whole year). */
  months: number;
  /** All children's-services payment lines of the ledger in the year. */
  childrenGbp: number;
  childrenLines: number;
  /** Residential-care and fostering payment lines. */
  placementGbp: number;
  placementLines: number;
  /** Placement payments to suppliers of known ownership, and of those to for-profit suppliers. */
  knownOwnershipGbp: number;
  knownOwnershipLines: number;
  forProfitGbp: number;
  /** Placement payments to redacted individuals (no supplier). */
  redactedGbp: number;
  /**
   * forProfitGbp / knownOwnershipGbp; null when nothing is of known ownership, or withheld (null)
   * below ledger_placement_for_profit_share's minimum n of lines, as the metric withholds it.
   */
  forProfitShare: number | null;
  s251: {
    /** Sum of every stored line (= DfE's budget including CERA). */
    totalGbp: number;
    /** "Residential care" + "Fostering services", all provider columns. */
    placementGbp: number;
    /** The private column of those two lines. */
    privatePlacementGbp: number;
    /** private ÷ (own + private + voluntary + other public) of those two lines. */
    privateShare: number | null;
    /** Ledger placement payments ÷ s251 placement lines. */
    coverage: number | null;
    sourceFile: string;
  } | null;
  panel: {
    /** The research panel's "Total Children Looked After", all provider columns. */
    claTotalGbp: number;
    privateGbp: number;
    privateShare: number | null;
    /** Ledger placement payments ÷ the panel's looked-after total. */
    coverage: number | null;
  } | null;
}

export interface CrossCouncilProvider {
  /** The supplier's comparison key (legal suffixes, case and punctuation folded). */
  key: string;
  /** The most frequent spelling across the ledgers. */
  name: string;
  /** The supplier's ownership as classified (the most frequent, if spellings differ). */
  ownership: string | null;
  /** Placement payments per council, largest first. */
  councils: { laCode: string; name: string; gbp: number; lines: number; firstYear: number; lastYear: number }[];
  totalGbp: number;
}

export interface LedgerPaymentsResult {
  councilYears: LedgerCouncilYear[];
  /** Suppliers with placement payments from two or more of the four councils, most councils then most money first. */
  crossCouncil: CrossCouncilProvider[];
  /** Suppliers with any placement payment, per council, so the cross-council list can be read against them. */
  suppliersPerCouncil: { laCode: string; suppliers: number }[];
  /** Source ids with rows in the answer. */
  sources: string[];
}

interface YearRow {
  la_code: string;
  name: string;
  source: string;
  year: number;
  months: number;
  children_gbp: number;
  children_lines: number;
  placement_gbp: number | null;
  placement_lines: number;
  known_gbp: number | null;
  known_lines: number;
  for_profit_gbp: number | null;
  redacted_gbp: number | null;
}

const COUNCIL_FILTER = "($council IS NULL OR f.la_code = $council)";

const ledgerList = LEDGER_SOURCES.map((s) => `'${s}'`).join(", ");

const LEDGER_YEARS_SQL = `
SELECT f.la_code, coalesce(la.name, f.la_code) AS name, f.source, f.year::INTEGER AS year,
  count(DISTINCT f.period)::INTEGER AS months,
  coalesce(sum(f.amount_gbp), 0)::DOUBLE AS children_gbp, count(*)::INTEGER AS children_lines,
  sum(f.amount_gbp) FILTER (WHERE ${LEDGER_PLACEMENT_SQL})::DOUBLE AS placement_gbp,
  count(*) FILTER (WHERE ${LEDGER_PLACEMENT_SQL})::INTEGER AS placement_lines,
  sum(f.amount_gbp) FILTER (WHERE ${LEDGER_PLACEMENT_SQL} AND (${LEDGER_OWNERSHIP_SQL}) IN ('for-profit', 'not-for-profit', 'public'))::DOUBLE AS known_gbp,
  count(*) FILTER (WHERE ${LEDGER_PLACEMENT_SQL} AND (${LEDGER_OWNERSHIP_SQL}) IN ('for-profit', 'not-for-profit', 'public'))::INTEGER AS known_lines,
  sum(f.amount_gbp) FILTER (WHERE ${LEDGER_PLACEMENT_SQL} AND (${LEDGER_OWNERSHIP_SQL}) = 'for-profit')::DOUBLE AS for_profit_gbp,
  sum(f.amount_gbp) FILTER (WHERE ${LEDGER_PLACEMENT_SQL} AND ${REDACTED_PAYEE_SQL})::DOUBLE AS redacted_gbp
FROM spend f LEFT JOIN local_authorities la ON la.la_code = f.la_code
WHERE f.source IN (${ledgerList}) AND f.la_code IS NOT NULL AND f.amount_gbp IS NOT NULL AND ${COUNCIL_FILTER}
GROUP BY ALL ORDER BY f.la_code, year`;

const S251_SQL = `
SELECT f.la_code, f.year::INTEGER AS year, sum(f.amount_gbp)::DOUBLE AS total_gbp,
  coalesce(sum(f.amount_gbp) FILTER (WHERE ${S251_PLACEMENT_LINES}), 0)::DOUBLE AS placement_gbp,
  coalesce(sum(f.amount_gbp) FILTER (WHERE ${S251_PLACEMENT_LINES} AND f.provider_ownership = 'private'), 0)::DOUBLE AS private_gbp,
  sum(f.amount_gbp) FILTER (WHERE ${S251_PLACEMENT_LINES} AND f.provider_ownership IN ('own', 'private', 'voluntary', 'other public'))::DOUBLE AS split_gbp,
  min(f.source_file) AS source_file
FROM spend f
WHERE f.source = 's251-outturn' AND f.amount_gbp IS NOT NULL AND f.la_code IN (SELECT DISTINCT la_code FROM spend WHERE source IN (${ledgerList}))
  AND ${COUNCIL_FILTER}
GROUP BY ALL`;

const PANEL_SQL = `
SELECT f.la_code, f.year::INTEGER AS year, sum(f.amount_gbp)::DOUBLE AS total_gbp,
  coalesce(sum(f.amount_gbp) FILTER (WHERE f.provider_ownership = 'private'), 0)::DOUBLE AS private_gbp
FROM spend f
WHERE f.source = 'derived-cla-spend' AND f.amount_gbp IS NOT NULL AND f.la_code IN (SELECT DISTINCT la_code FROM spend WHERE source IN (${ledgerList}))
  AND ${COUNCIL_FILTER}
GROUP BY ALL`;

/** Placement payments per council and supplier name as written (named suppliers only). */
const SUPPLIERS_SQL = `
SELECT f.la_code, coalesce(la.name, f.la_code) AS name, f.supplier_name AS supplier, any_value(f.supplier_ownership) AS ownership,
  sum(f.amount_gbp)::DOUBLE AS gbp, count(*)::INTEGER AS lines, min(f.year)::INTEGER AS first_year, max(f.year)::INTEGER AS last_year
FROM spend f LEFT JOIN local_authorities la ON la.la_code = f.la_code
WHERE ${LEDGER_PLACEMENT_SQL} AND (${LEDGER_SUPPLIER_SQL}) IS NOT NULL AND f.la_code IS NOT NULL
GROUP BY ALL`;

/** The registry's minimum n for the for-profit share, so this answer and Explore withhold the same years. */
const SHARE_MIN_N = getMetric("ledger_placement_for_profit_share")?.minN ?? 20;

const ratio = (a: number | null, b: number | null): number | null => (a == null || b == null || b === 0 ? null : a / b);

/** Groups supplier names of several councils into providers by the build's comparison key; exported for tests. */
export function crossCouncilProviders(
  rows: readonly {
    la_code: string;
    name: string;
    supplier: string;
    ownership: string | null;
    gbp: number;
    lines: number;
    first_year: number;
    last_year: number;
  }[],
): CrossCouncilProvider[] {
  const byKey = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = organisationMatchKey(r.supplier);
    if (!key) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  const out: CrossCouncilProvider[] = [];
  for (const [key, group] of byKey) {
    const councils = new Map<string, CrossCouncilProvider["councils"][number]>();
    const spellings = new Map<string, number>();
    const ownerships = new Map<string, number>();
    for (const r of group) {
      spellings.set(r.supplier, (spellings.get(r.supplier) ?? 0) + r.lines);
      if (r.ownership) ownerships.set(r.ownership, (ownerships.get(r.ownership) ?? 0) + r.lines);
      const c = councils.get(r.la_code);
      councils.set(
        r.la_code,
        c
          ? {
              ...c,
              gbp: c.gbp + r.gbp,
              lines: c.lines + r.lines,
              firstYear: Math.min(c.firstYear, r.first_year),
              lastYear: Math.max(c.lastYear, r.last_year),
            }
          : {
              laCode: r.la_code,
              name: r.name,
              gbp: r.gbp,
              lines: r.lines,
              firstYear: r.first_year,
              lastYear: r.last_year,
            },
      );
    }
    if (councils.size < 2) continue;
    const top = (m: Map<string, number>) =>
      [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
    const list = [...councils.values()].sort((a, b) => b.gbp - a.gbp || a.laCode.localeCompare(b.laCode));
    out.push({
      key,
      name: top(spellings) ?? key,
      ownership: top(ownerships),
      councils: list,
      totalGbp: list.reduce((s, c) => s + c.gbp, 0),
    });
  }
  return out.sort(
    (a, b) => b.councils.length - a.councils.length || b.totalGbp - a.totalGbp || a.key.localeCompare(b.key),
  );
}

export async function ledgerPayments(
  connection: DuckDBConnection,
  input: LedgerPaymentsInput,
  options: RunOptions = {},
): Promise<LedgerPaymentsResult> {
  const { council } = ledgerPaymentsInput.parse(input);
  const params = { council: council ?? null };
  const years = await runQuery<YearRow>(connection, { sql: LEDGER_YEARS_SQL, params }, options);
  const s251 = await runQuery<{
    la_code: string;
    year: number;
    total_gbp: number;
    placement_gbp: number;
    private_gbp: number;
    split_gbp: number | null;
    source_file: string;
  }>(connection, { sql: S251_SQL, params }, options);
  const panel = await runQuery<{ la_code: string; year: number; total_gbp: number; private_gbp: number }>(
    connection,
    { sql: PANEL_SQL, params },
    options,
  );
  const suppliers = await runQuery<Parameters<typeof crossCouncilProviders>[0][number]>(
    connection,
    { sql: SUPPLIERS_SQL, params: {} },
    options,
  );
  const at = <T extends { la_code: string; year: number }>(rows: T[], laCode: string, year: number) =>
    rows.find((r) => r.la_code === laCode && r.year === year);

  const councilYears: LedgerCouncilYear[] = years.map((r) => {
    const placementGbp = r.placement_gbp ?? 0;
    const s = at(s251, r.la_code, r.year);
    const p = at(panel, r.la_code, r.year);
    return {
      laCode: r.la_code,
      name: r.name,
      source: r.source,
      year: r.year,
      months: r.months,
      childrenGbp: r.children_gbp,
      childrenLines: r.children_lines,
      placementGbp,
      placementLines: r.placement_lines,
      knownOwnershipGbp: r.known_gbp ?? 0,
      knownOwnershipLines: r.known_lines,
      forProfitGbp: r.for_profit_gbp ?? 0,
      redactedGbp: r.redacted_gbp ?? 0,
      forProfitShare: r.known_lines < SHARE_MIN_N ? null : ratio(r.for_profit_gbp ?? 0, r.known_gbp),
      s251: s
        ? {
            totalGbp: s.total_gbp,
            placementGbp: s.placement_gbp,
            privatePlacementGbp: s.private_gbp,
            privateShare: ratio(s.private_gbp, s.split_gbp),
            coverage: ratio(placementGbp, s.placement_gbp),
            sourceFile: s.source_file,
          }
        : null,
      panel: p
        ? {
            claTotalGbp: p.total_gbp,
            privateGbp: p.private_gbp,
            privateShare: ratio(p.private_gbp, p.total_gbp),
            coverage: ratio(placementGbp, p.total_gbp),
          }
        : null,
    };
  });
  const all = crossCouncilProviders(suppliers);
  const crossCouncil = council ? all.filter((p) => p.councils.some((c) => c.laCode === council)) : all;
  const perCouncil = new Map<string, Set<string>>();
  for (const r of suppliers) {
    if (council && r.la_code !== council) continue;
    const set = perCouncil.get(r.la_code) ?? new Set<string>();
    set.add(organisationMatchKey(r.supplier));
    perCouncil.set(r.la_code, set);
  }
  const sources = new Set(years.map((r) => r.source));
  if (s251.length > 0) sources.add("s251-outturn");
  if (panel.length > 0) sources.add("derived-cla-spend");
  return {
    councilYears,
    crossCouncil,
    suppliersPerCouncil: [...perCouncil]
      .map(([laCode, set]) => ({ laCode, suppliers: set.size }))
      .sort((a, b) => a.laCode.localeCompare(b.laCode)),
    sources: [...sources].sort(),
  };
}
