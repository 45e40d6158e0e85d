/**
 * The SQL semantics of every metric in the registry (`@lens/core` METRICS): its relation, its
 * row filter, its aggregate's expressions and the condition for rows it leaves out as
 * implausible. They live here, beside the compiler, and not in the registry, so the web app —
 * which reads the registry for labels, formats and caveats — never ships a line of SQL.
 *
 * Typed as Record<MetricId, MetricSql>: a metric added to the registry without SQL here (or SQL
 * for an id the registry does not have) fails to compile. Every fragment is a fixed string over
 * the fact table aliased `f` (and `local_authorities la`); nothing here is built from user input.
 */
import { type MetricId, type RedFlagId, WEEKS_PER_YEAR } from "@lens/core";
import { LEDGER_METRIC_SQL } from "./ledger-metric-sql.js";
import { ANY_FLAGGED_SQL, PERIOD_FLAGGED_SQL } from "./plausibility-sql.js";
import { RED_FLAG_SQL } from "./red-flag-sql.js";

/** The expressions of an aggregate; its kind (and a mix's dimension, a top-k's k) is in the registry. */
export type AggregateSql =
  /** Number of rows (or of distinct `distinct` values). */
  | { kind: "count"; distinct?: string }
  /** Sum of a numeric expression; n counts the non-NULL values. */
  | { kind: "sum"; expr: string }
  /** Median with quartiles; `expr` is also the row-level value for distributions. */
  | { kind: "median"; expr: string }
  /** Share of rows meeting `condition` among rows meeting `base` (the denominator). */
  | { kind: "share"; condition: string; base: string }
  /** Sum of one expression over the sum of another. */
  | { kind: "ratio"; numerator: string; denominator: string }
  /** Split across a dimension's values, by rows or by the sum of `weight`. */
  | { kind: "mix"; weight?: string }
  /** Rows with a known entity divided by the number of distinct entities. */
  | { kind: "perEntity"; entity: string }
  /** Herfindahl–Hirschman index of the entities' weights. */
  | { kind: "hhi"; entity: string; weight: string }
  /** Share of the total weight held by the k largest entities. */
  | { kind: "topShare"; entity: string; weight: string }
  /** A figure the publisher computed: read, never re-aggregated. */
  | { kind: "published" };

export interface MetricSql {
  /**
   * A fixed SQL relation replacing the table (aliased `f`), for metrics that need per-entity
   * windows or a join across tables. It must expose the columns the metric's dimensions use.
   */
  relation?: string;
  /** A fixed row filter that is part of the definition (e.g. children's homes only). */
  where?: string;
  aggregate: AggregateSql;
  /** SQL condition for rows that would otherwise count but are left out as implausible (contracts.value_flag). */
  implausible?: string;
}

/**
 * A framework or multi-supplier award repeats one ceiling on every supplier's row
 * (`value_is_shared`); that is nobody's value, so it is unknown here rather than counted N times.
 */
const ANNUAL_VALUE = "CASE WHEN f.value_is_shared THEN NULL ELSE f.annual_value_gbp END";

/**
 * The annual value for a median: also unknown when the row is flagged implausible (value_flag:
 * a one-day or beyond-horizon period makes value ÷ years meaningless, and a value far above the
 * service's range is a block total or a typo). Flagged rows are counted in `implausible`.
 */
const PLAUSIBLE_ANNUAL_VALUE = `CASE WHEN f.value_is_shared OR ${ANY_FLAGGED_SQL} THEN NULL ELSE f.annual_value_gbp END`;

/** A length is unknown for these metrics when the period is flagged implausible (one-day, beyond the horizon). */
const PLAUSIBLE_DURATION = `CASE WHEN ${PERIOD_FLAGGED_SQL} THEN NULL ELSE f.duration_months END`;

const CONTRACT_VALUE = "CASE WHEN f.value_is_shared THEN NULL ELSE f.value_gbp END";

/** Supplier identity for markets: the name, case- and space-folded (full normalisation happens at build). */
const SUPPLIER = "nullif(lower(trim(f.supplier_name)), '')";

/** Ofsted's definition of a children's home: exactly this provision type, any case (not secure homes, not residential special schools). */
const CHILDRENS_HOME = "replace(lower(trim(f.provision_type)), '\u2019', '''') = 'children''s home'";

/**
 * Registered at the snapshot: Active or Suspended (Ofsted's published "latest judgement" tables
 * count both). Files before 2015 carry no status; every listed provider was registered.
 */
const REGISTERED = "coalesce(lower(trim(f.registration_status)), 'active') IN ('active', 'suspended')";

const INSPECTED = `${REGISTERED} AND f.overall_rating IS NOT NULL`;

const OWNER = "nullif(lower(trim(f.owner_name)), '')";

/**
 * 31 March 2018 has two Ofsted files (the judged list and the full register, part 2); counting
 * homes per snapshot from both would count every home twice. Owner metrics read the judged
 * file, like the other inspected-only years.
 */
const ONE_FILE_PER_DATE = "NOT coalesce(f.is_supplementary, false)";

/**
 * Contract metrics read children's-services contracts that were let: award notices and
 * contract-register entries. Tender notices not yet awarded (stage 'tender') name no supplier
 * and state an estimate, so they would only inflate 'unknown'; they stay queryable in the table.
 * Rows whose supplier field is a placeholder ("TBC", "Not awarded", "Various …") are not awards
 * to anyone: kept, flagged and counted in the table (supplier_is_placeholder), left out here.
 */
const CONTRACT_SCOPE =
  "f.in_scope AND f.stage IN ('award', 'register') AND NOT coalesce(f.supplier_is_placeholder, false)";

const FOLLOWING_YEARS = 3;

/**
 * Contracts with their buyer's next award for the same service (strictly later date), and the
 * latest date in the data (to leave out contracts too recent to have had a follow-up yet).
 */
const RETENDER_RELATION = `
  SELECT w.*,
    min(w.event_date) OVER (
      PARTITION BY w.la_code, w.service ORDER BY w.event_date
      RANGE BETWEEN INTERVAL 1 DAY FOLLOWING AND UNBOUNDED FOLLOWING
    ) AS next_event_date,
    max(w.event_date) OVER () AS data_end_date
  FROM (SELECT t.*, coalesce(t.award_date, t.start_date) AS event_date FROM contracts t WHERE t.in_scope AND t.stage IN ('award', 'register')
    AND NOT coalesce(t.supplier_is_placeholder, false)) w`;

/**
 * Placement spend (s251 residential care and fostering lines, all provider types) per child
 * looked after at 31 March, per council and year, joined only where both are known.
 */
const SPEND_PER_CLA_RELATION = `
  SELECT s.la_code, s.year, s.placement_spend, c.children
  FROM (
    SELECT la_code, year, sum(amount_gbp) AS placement_spend
    FROM spend
    WHERE la_code IS NOT NULL AND provider_ownership IS NOT NULL AND amount_gbp IS NOT NULL
      AND regexp_matches(lower(coalesce(service_line, '')), 'residential care|fostering')
    GROUP BY la_code, year
  ) s
  JOIN (
    SELECT la_code, year, sum(children) AS children
    FROM cla_placements
    WHERE la_code IS NOT NULL AND placement_type IS NULL AND children IS NOT NULL
    GROUP BY la_code, year
  ) c ON c.la_code = s.la_code AND c.year = s.year`;

/**
 * Placement spend by provider ownership beside the children placed with that kind of provider,
 * per council, year and provider type, joined only where both sides are known:
 * - spend: the s251 outturn lines "Residential care" and "Fostering services" (exact line text;
 *   other looked-after lines such as adoption, special guardianship and education are not the
 *   price of a placement), gross, in the return's own / private / voluntary / other public
 *   columns. A zero on a line with children placed is a reporting gap (the money is in another
 *   column), so it counts as no spend recorded rather than a £0 placement;
 * - children: DfE's count at 31 March by placement provider (all placement types); another
 *   council's provision joins "other public", as the return files payments to other councils;
 *   a suppressed cell on either part leaves the provider unknown;
 * - council-years delivered by a children's services trust or company (spend.delivered_by), or
 *   whose placement spend is all "other public", are left out: the trust's own and bought
 *   placements are recorded as other public, so no provider split of that money exists.
 */
const WEEKLY_COST_RELATION = `
  WITH s AS (
    SELECT la_code, year, provider_ownership, sum(amount_gbp) AS placement_spend,
      bool_or(delivered_by IS NOT NULL) AS by_trust
    FROM spend
    WHERE la_code IS NOT NULL AND amount_gbp IS NOT NULL
      AND provider_ownership IN ('own', 'private', 'voluntary', 'other public')
      AND lower(trim(service_line)) IN ('residential care', 'fostering services')
    GROUP BY la_code, year, provider_ownership
  ),
  council_year AS (
    SELECT la_code, year, bool_or(by_trust) AS by_trust,
      sum(placement_spend) AS all_spend,
      coalesce(sum(placement_spend) FILTER (WHERE provider_ownership = 'other public'), 0) AS other_public_spend
    FROM s GROUP BY la_code, year
  ),
  c AS (
    SELECT la_code, year,
      CASE provider WHEN 'other LA' THEN 'other public' ELSE provider END AS provider_ownership,
      CASE WHEN count(*) = count(children) THEN sum(children) END AS children
    FROM cla_placements
    WHERE la_code IS NOT NULL AND placement_type IS NULL
      AND provider IN ('own', 'private', 'voluntary', 'other public', 'other LA')
    GROUP BY la_code, year, 3
  )
  SELECT s.la_code, s.year, s.provider_ownership, s.placement_spend, c.children
  FROM s
  JOIN c ON c.la_code = s.la_code AND c.year = s.year AND c.provider_ownership = s.provider_ownership
  JOIN council_year cy ON cy.la_code = s.la_code AND cy.year = s.year
  WHERE s.placement_spend > 0 AND c.children > 0
    AND NOT cy.by_trust AND NOT (cy.all_spend > 0 AND cy.other_public_spend = cy.all_spend)`;

/**
 * Let contracts × the rated children's homes of their supplier at the contract's snapshot (one
 * row per pair; one row with NULL home for a contract whose supplier has none, so no contract
 * is dropped). The snapshot is the latest judged 31 March file on or before the start (else
 * award) date, or the first judged file for earlier and undated contracts (ASOF join). Files
 * before 2018 name no owner: a home's owner then is its first named owner (by URN). Suppliers
 * reach owners through supplier_owner_links (names as written on both sides).
 */
const SUPPLIER_HOMES_RELATION = `
  WITH first_owner AS (
    SELECT urn, arg_min(owner_name, snapshot_date) AS owner_name FROM provider_snapshots
    WHERE nullif(trim(owner_name), '') IS NOT NULL GROUP BY urn
  ),
  homes AS (
    SELECT f.snapshot_date, f.urn, f.overall_rating, coalesce(nullif(trim(f.owner_name), ''), fo.owner_name) AS owner_name
    FROM provider_snapshots f LEFT JOIN first_owner fo ON fo.urn = f.urn
    WHERE ${CHILDRENS_HOME} AND ${INSPECTED} AND ${ONE_FILE_PER_DATE}
  ),
  snaps AS (SELECT DISTINCT snapshot_date FROM homes),
  c AS (
    SELECT t.*, coalesce(t.start_date, t.award_date, DATE '1900-01-01') AS quality_from FROM contracts t
    WHERE t.in_scope AND t.stage IN ('award', 'register') AND NOT coalesce(t.supplier_is_placeholder, false)
      AND t.supplier_name IS NOT NULL
  ),
  cs AS (
    SELECT c.*, coalesce(s.snapshot_date, (SELECT min(snapshot_date) FROM snaps)) AS quality_snapshot
    FROM c ASOF LEFT JOIN snaps s ON c.quality_from >= s.snapshot_date
  ),
  pairs AS (
    SELECT DISTINCT cs.contract_id, h.urn AS home_urn, h.overall_rating AS home_rating
    FROM cs
    JOIN (SELECT DISTINCT supplier_name, owner_name FROM supplier_owner_links WHERE owner_name IS NOT NULL) o
      ON o.supplier_name = cs.supplier_name
    JOIN homes h ON h.owner_name = o.owner_name AND h.snapshot_date = cs.quality_snapshot
  )
  SELECT cs.*, p.home_urn, p.home_rating FROM cs LEFT JOIN pairs p ON p.contract_id = cs.contract_id`;

/** Rows naming a real supplier, with whether that name is linked to any Ofsted owner. */
const linkedRelation = (table: "contracts" | "spend") => `
  SELECT t.*, coalesce(l.linked, false) AS supplier_linked FROM ${table} t
  LEFT JOIN (SELECT supplier_name, bool_or(owner_name IS NOT NULL) AS linked, bool_or(supplier_is_placeholder) AS placeholder
             FROM supplier_owner_links GROUP BY supplier_name) l ON l.supplier_name = t.supplier_name
  WHERE t.supplier_name IS NOT NULL AND NOT coalesce(l.placeholder, false)`;

/**
 * Each registered children's home with a named owner and the number of homes its owner group
 * runs at the same snapshot (across England: the window is over the snapshot, not the council).
 */
const CHAIN_SIZE_RELATION = `
  SELECT f.*, count(*) OVER (PARTITION BY f.snapshot_date, g.owner_group) AS chain_size
  FROM provider_snapshots f JOIN owner_groups g ON g.owner_name = f.owner_name
  WHERE ${CHILDRENS_HOME} AND ${REGISTERED} AND ${ONE_FILE_PER_DATE}`;

/**
 * Children's homes leaving in a year (1 in `leaving`) beside the registered homes at the start
 * of it (1 in `at_start`: the full-register snapshot of 31 March a year earlier), both carrying
 * the year the leavers' file is for. Only years with both parts are kept.
 */
const CLOSURE_RELATION = `
  WITH leavers AS (
    SELECT f.sector, f.la_code, f.year, f.source, 1 AS leaving, 0 AS at_start FROM joiners_leavers f
    WHERE ${CHILDRENS_HOME} AND lower(f.event) LIKE 'leav%'
  ),
  stock AS (
    SELECT f.sector, f.la_code, f.year + 1 AS year, 'ofsted-joiners-leavers' AS source, 0 AS leaving, 1 AS at_start
    FROM provider_snapshots f
    WHERE ${CHILDRENS_HOME} AND ${REGISTERED} AND f.covers_all_registered
      AND month(f.snapshot_date) = 3 AND day(f.snapshot_date) = 31
  )
  SELECT * FROM leavers WHERE year IN (SELECT year FROM stock)
  UNION ALL SELECT * FROM stock WHERE year IN (SELECT year FROM leavers)`;

const where = (indicator: string, breakdown?: string) =>
  breakdown ? `f.indicator = '${indicator}' AND f.breakdown = '${breakdown}'` : `f.indicator = '${indicator}'`;

/** Rows whose annual value would count but is flagged implausible. */
const ANNUAL_VALUE_FLAGGED = `NOT coalesce(f.value_is_shared, false) AND f.annual_value_gbp IS NOT NULL AND ${ANY_FLAGGED_SQL}`;
/** Rows whose length would count but whose period is flagged implausible. */
const DURATION_FLAGGED = `f.duration_months IS NOT NULL AND ${PERIOD_FLAGGED_SQL}`;

/** A red flag's share over the contracts metrics' scope: flagged among those it can be judged on. */
function redFlagShare(flag: RedFlagId): MetricSql {
  const { condition, base } = RED_FLAG_SQL[flag];
  return {
    where: CONTRACT_SCOPE,
    aggregate: { kind: "share", condition: `coalesce(${condition}, false)`, base: `coalesce(${base}, false)` },
  };
}

export const METRIC_SQL: Record<MetricId, MetricSql> = {
  contracts: { where: CONTRACT_SCOPE, aggregate: { kind: "count" } },
  total_annual_value: { where: CONTRACT_SCOPE, aggregate: { kind: "sum", expr: ANNUAL_VALUE } },
  total_value: { where: CONTRACT_SCOPE, aggregate: { kind: "sum", expr: CONTRACT_VALUE } },
  median_annual_value: {
    where: CONTRACT_SCOPE,
    aggregate: { kind: "median", expr: PLAUSIBLE_ANNUAL_VALUE },
    implausible: ANNUAL_VALUE_FLAGGED,
  },
  median_duration_months: {
    where: CONTRACT_SCOPE,
    aggregate: { kind: "median", expr: PLAUSIBLE_DURATION },
    implausible: DURATION_FLAGGED,
  },
  share_36_months: {
    where: CONTRACT_SCOPE,
    aggregate: {
      kind: "share",
      condition: "f.duration_months >= 36",
      base: `f.duration_months IS NOT NULL AND NOT ${PERIOD_FLAGGED_SQL}`,
    },
    implausible: DURATION_FLAGGED,
  },
  procedure_mix: { where: CONTRACT_SCOPE, aggregate: { kind: "mix" } },
  model_mix: { where: CONTRACT_SCOPE, aggregate: { kind: "mix" } },
  red_flag_direct_award_for_profit: redFlagShare("direct-award-for-profit"),
  red_flag_one_tenderer: redFlagShare("one-tenderer"),
  red_flag_short_care: redFlagShare("short-care-contract"),
  red_flag_no_prior_tender: redFlagShare("no-prior-tender-notice"),
  red_flag_value_above_range: redFlagShare("value-above-range"),
  single_tenderer_share: {
    where: CONTRACT_SCOPE,
    aggregate: {
      kind: "share",
      condition: "f.number_of_tenderers = 1",
      base: "f.number_of_tenderers IS NOT NULL AND f.number_of_tenderers >= 1",
    },
  },
  median_days_tender_to_award: {
    where: CONTRACT_SCOPE,
    aggregate: {
      kind: "median",
      expr: "CASE WHEN f.award_date >= f.tender_end_date THEN date_diff('day', f.tender_end_date, f.award_date) END",
    },
  },
  retender_within_3y: {
    relation: RETENDER_RELATION,
    aggregate: {
      kind: "share",
      condition: `f.next_event_date <= f.event_date + INTERVAL ${FOLLOWING_YEARS} YEAR`,
      base: `f.event_date IS NOT NULL AND f.la_code IS NOT NULL AND f.service IS NOT NULL AND f.service <> 'other' AND f.event_date <= f.data_end_date - INTERVAL ${FOLLOWING_YEARS} YEAR`,
    },
  },
  supplier_hhi: { where: CONTRACT_SCOPE, aggregate: { kind: "hhi", entity: SUPPLIER, weight: CONTRACT_VALUE } },
  top5_supplier_share: {
    where: CONTRACT_SCOPE,
    aggregate: { kind: "topShare", entity: SUPPLIER, weight: CONTRACT_VALUE },
  },
  sme_share: {
    where: CONTRACT_SCOPE,
    aggregate: { kind: "share", condition: "f.supplier_is_sme", base: "f.supplier_is_sme IS NOT NULL" },
  },
  vcse_share: {
    where: CONTRACT_SCOPE,
    aggregate: { kind: "share", condition: "f.supplier_is_vcse", base: "f.supplier_is_vcse IS NOT NULL" },
  },
  providers: { where: `f.covers_all_registered AND ${REGISTERED}`, aggregate: { kind: "count" } },
  places: { where: `f.covers_all_registered AND ${REGISTERED}`, aggregate: { kind: "sum", expr: "f.places" } },
  homes_good_outstanding: {
    where: CHILDRENS_HOME,
    aggregate: { kind: "share", condition: "f.overall_rating IN ('Good', 'Outstanding')", base: INSPECTED },
  },
  homes_inadequate: {
    where: CHILDRENS_HOME,
    aggregate: { kind: "share", condition: "f.overall_rating = 'Inadequate'", base: INSPECTED },
  },
  homes_rating_mix: { where: `${CHILDRENS_HOME} AND ${INSPECTED}`, aggregate: { kind: "mix" } },
  providers_good_outstanding: {
    aggregate: { kind: "share", condition: "f.overall_rating IN ('Good', 'Outstanding')", base: INSPECTED },
  },
  providers_inadequate: { aggregate: { kind: "share", condition: "f.overall_rating = 'Inadequate'", base: INSPECTED } },
  homes_per_owner: {
    where: `${CHILDRENS_HOME} AND ${REGISTERED} AND ${ONE_FILE_PER_DATE}`,
    aggregate: { kind: "perEntity", entity: OWNER },
  },
  top10_owner_places_share: {
    where: `${CHILDRENS_HOME} AND ${REGISTERED} AND ${ONE_FILE_PER_DATE}`,
    aggregate: { kind: "topShare", entity: OWNER, weight: "f.places" },
  },
  supplier_homes_good_outstanding: {
    relation: SUPPLIER_HOMES_RELATION,
    aggregate: {
      kind: "share",
      condition: "f.home_rating IN ('Good', 'Outstanding')",
      base: "f.home_rating IS NOT NULL",
    },
  },
  supplier_homes_inadequate: {
    relation: SUPPLIER_HOMES_RELATION,
    aggregate: { kind: "share", condition: "f.home_rating = 'Inadequate'", base: "f.home_rating IS NOT NULL" },
  },
  contracts_supplier_without_home: {
    relation: SUPPLIER_HOMES_RELATION,
    where: "f.home_urn IS NULL",
    aggregate: { kind: "count" },
  },
  supplier_owner_link_rate: {
    relation: linkedRelation("contracts"),
    aggregate: { kind: "share", condition: "f.supplier_linked", base: "true" },
  },
  spend_supplier_owner_link_rate: {
    relation: linkedRelation("spend"),
    aggregate: { kind: "share", condition: "f.supplier_linked", base: "true" },
  },
  places_per_home: {
    where: `${CHILDRENS_HOME} AND ${REGISTERED} AND ${ONE_FILE_PER_DATE}`,
    aggregate: { kind: "ratio", numerator: "f.places", denominator: "CASE WHEN f.places IS NOT NULL THEN 1 END" },
  },
  chain_size_per_home: {
    relation: CHAIN_SIZE_RELATION,
    aggregate: { kind: "ratio", numerator: "f.chain_size", denominator: "1" },
  },
  closure_rate: {
    relation: CLOSURE_RELATION,
    aggregate: { kind: "ratio", numerator: "f.leaving", denominator: "f.at_start" },
  },
  private_places_share: {
    where: `${CHILDRENS_HOME} AND ${REGISTERED} AND ${ONE_FILE_PER_DATE} AND f.sector IS NOT NULL`,
    aggregate: {
      kind: "ratio",
      // Both sides count only where places are recorded (the ratio keeps rows with both known).
      numerator: "CASE WHEN f.sector = 'Private' THEN f.places ELSE 0 END",
      denominator: "f.places",
    },
  },
  joiners: { where: "lower(f.event) LIKE 'join%'", aggregate: { kind: "count" } },
  leavers: { where: "lower(f.event) LIKE 'leav%'", aggregate: { kind: "count" } },
  spend_total: { aggregate: { kind: "sum", expr: "f.amount_gbp" } },
  spend_by_ownership: {
    where: "f.provider_ownership IS NOT NULL AND f.amount_gbp IS NOT NULL",
    aggregate: { kind: "mix", weight: "f.amount_gbp" },
  },
  spend_share_for_profit: {
    aggregate: {
      kind: "ratio",
      numerator:
        "CASE WHEN coalesce(f.provider_ownership = 'private', f.supplier_ownership = 'for-profit') THEN f.amount_gbp ELSE 0 END",
      denominator:
        "CASE WHEN f.provider_ownership IS NOT NULL OR f.supplier_ownership IN ('for-profit', 'not-for-profit', 'public') THEN f.amount_gbp END",
    },
  },
  placement_spend_per_cla: {
    relation: SPEND_PER_CLA_RELATION,
    aggregate: { kind: "ratio", numerator: "f.placement_spend", denominator: "f.children" },
  },
  weekly_cost_per_child: {
    relation: WEEKLY_COST_RELATION,
    aggregate: { kind: "ratio", numerator: `f.placement_spend / ${WEEKS_PER_YEAR}`, denominator: "f.children" },
  },
  ...LEDGER_METRIC_SQL,
  cla_three_plus_placements: { where: where("cla_three_plus_placements"), aggregate: { kind: "published" } },
  cla_same_carer_2y: { where: where("cla_same_carer_2y"), aggregate: { kind: "published" } },
  placement_changes_provider_closure: {
    where: where("placement_changes_provider_closure"),
    aggregate: { kind: "published" },
  },
  new_placements_over_20_miles: { where: where("new_placements_over_20_miles"), aggregate: { kind: "published" } },
  care_leavers_suitable_accommodation: {
    where: where("care_leavers_suitable_accommodation", "19 to 21"),
    aggregate: { kind: "published" },
  },
  care_leavers_eet: { where: where("care_leavers_eet", "19 to 21"), aggregate: { kind: "published" } },
  social_worker_agency_rate: { where: where("social_worker_agency_rate"), aggregate: { kind: "published" } },
  social_worker_turnover: { where: where("social_worker_turnover"), aggregate: { kind: "published" } },
  social_worker_vacancy_rate: { where: where("social_worker_vacancy_rate"), aggregate: { kind: "published" } },
  homes_placed_outside_council: { where: where("homes_placed_outside_council"), aggregate: { kind: "published" } },
  homes_net_gain: { where: where("homes_net_gain"), aggregate: { kind: "published" } },
};
