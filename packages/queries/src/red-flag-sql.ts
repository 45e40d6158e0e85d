/**
 * The SQL behind each red flag (@lens/core red-flags.ts has the words): over contracts aliased
 * `f`, a condition that raises the flag and the base of contracts on which the flag can be
 * judged at all (its share's denominator: a flag that needs the number of tenders says nothing
 * about a notice that leaves it out). Fixed strings over fixed vocabularies; nothing here is
 * built from user input.
 */
import {
  CARE_SERVICES,
  PERIOD_FLAGS,
  PLAUSIBILITY,
  RED_FLAG_IDS,
  type RedFlagId,
  SHORT_CARE_MONTHS,
  VALUE_FLAGS,
} from "@lens/core";

const sqlList = (xs: readonly string[]) => xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(", ");

/** Procedures that are uncompetitive by design: one bidder and no tender notice are expected there. */
const UNCOMPETED = sqlList(["direct award", "grant"]);
const PERIOD_OK = `NOT coalesce(f.value_flag IN (${sqlList(PERIOD_FLAGS)}), false)`;
/**
 * A tender notice is known about only where the record says so: a tender date on the same
 * record (OCDS releases merged per ocid), or a register's "advertised (OJEU/FTS)?" column. A
 * missing date is not a missing notice (many awards were advertised under another notice id),
 * so only those records are judged.
 */
const TENDER_KNOWN =
  "((f.tender_published_date IS NOT NULL AND f.award_date IS NOT NULL) OR f.ojeu_advertised IS NOT NULL)";

export interface RedFlagSql {
  condition: string;
  base: string;
}

export const RED_FLAG_SQL: Record<RedFlagId, RedFlagSql> = {
  "direct-award-for-profit": {
    condition: `(f.procedure_type = 'direct award' OR f.procurement_method_detail ILIKE '%single tender%') AND f.supplier_ownership = 'for-profit'`,
    base: "f.procedure_type IS NOT NULL AND f.procedure_type <> 'unknown' AND f.supplier_ownership IN ('for-profit', 'not-for-profit', 'public')",
  },
  "one-tenderer": {
    condition: `f.number_of_tenderers = 1 AND f.procedure_type NOT IN (${UNCOMPETED})`,
    base: `f.number_of_tenderers >= 1 AND f.procedure_type NOT IN (${UNCOMPETED})`,
  },
  "short-care-contract": {
    condition: `f.service IN (${sqlList(CARE_SERVICES)}) AND f.duration_months < ${SHORT_CARE_MONTHS} AND ${PERIOD_OK}`,
    base: `f.service IN (${sqlList(CARE_SERVICES)}) AND f.duration_months IS NOT NULL AND ${PERIOD_OK}`,
  },
  "no-prior-tender-notice": {
    condition: `(f.tender_published_date > f.award_date OR (f.tender_published_date IS NULL AND f.ojeu_advertised = false)) AND f.procedure_type NOT IN (${UNCOMPETED})`,
    base: `${TENDER_KNOWN} AND f.procedure_type NOT IN (${UNCOMPETED})`,
  },
  "value-above-range": {
    condition: `f.value_flag = ${sqlList([VALUE_FLAGS.aboveServiceRange])}`,
    base: `f.annual_value_gbp IS NOT NULL AND f.service NOT IN (${sqlList(PLAUSIBILITY.servicesWithoutRange)})`,
  },
};

/** The row's flags as a list of ids, in the registry's order (an empty list when none applies). */
export const RED_FLAGS_LIST_SQL = `list_filter([${RED_FLAG_IDS.map(
  (id) => `CASE WHEN coalesce(${RED_FLAG_SQL[id].condition}, false) THEN '${id}' END`,
).join(", ")}], x -> x IS NOT NULL)`;
