/**
 * Build step (after classification, which decides `service` and `in_scope`): flags contracts
 * whose period or value cannot be right, in `contracts.value_flag`, and counts them. Flagged
 * rows are kept; the metrics that would use the flagged value leave it out and say how many
 * they left out. Thresholds and reasons live in @lens/core (plausibility.ts) and are
 * explained in docs/methods.md.
 *
 * One reason per row, the first that applies: a one-day period, then an end beyond the
 * horizon (either makes value ÷ years meaningless too), then an annual value far above the
 * service's range. The service range is computed from rows not already flagged.
 */
import { type DuckDBConnection, listValue } from "@duckdb/node-api";
import { PLAUSIBILITY, VALUE_FLAGS, type ValueFlag } from "@lens/core";

export interface PlausibilitySummary {
  /** Rows flagged, per reason, over the whole contracts table. */
  flagged: Record<ValueFlag, number>;
  /** The same among let, in-scope contracts (what the contract metrics read). */
  flaggedInScope: Record<ValueFlag, number>;
}

/** Median annual value per service, over let, in-scope contracts with their own value and no flag yet. */
const SERVICE_RANGES = `
  SELECT service, median(annual_value_gbp) AS median_annual
  FROM contracts
  WHERE in_scope AND stage IN ('award', 'register') AND NOT coalesce(value_is_shared, false)
    AND annual_value_gbp > 0 AND value_flag IS NULL AND service IS NOT NULL
    AND service NOT IN (SELECT unnest($no_range::VARCHAR[]))
  GROUP BY service
  HAVING count(*) >= $min_values`;

export async function flagImplausibleValues(connection: DuckDBConnection): Promise<PlausibilitySummary> {
  await connection.run("UPDATE contracts SET value_flag = NULL");
  // A period of a day or less (dates, or a stated duration of under a day) is a placeholder.
  await connection.run(
    `UPDATE contracts SET value_flag = $flag
     WHERE (start_date IS NOT NULL AND end_date IS NOT NULL AND end_date <= start_date + INTERVAL 1 DAY)
        OR (duration_months IS NOT NULL AND duration_months * 30.4375 <= 1)`,
    { flag: VALUE_FLAGS.oneDay },
  );
  // The build date stands in for the start when there is none: an end that far ahead is no plan.
  await connection.run(
    `UPDATE contracts SET value_flag = $flag
     WHERE value_flag IS NULL AND (
        (start_date IS NOT NULL AND end_date > start_date + to_years($years::INTEGER))
        OR (start_date IS NULL AND end_date > current_date + to_years($years::INTEGER))
        OR duration_months > $years * 12)`,
    { flag: VALUE_FLAGS.beyondHorizon, years: PLAUSIBILITY.horizonYears },
  );
  await connection.run(
    `UPDATE contracts AS c SET value_flag = $flag
     FROM (${SERVICE_RANGES}) r
     WHERE c.service = r.service AND c.value_flag IS NULL AND NOT coalesce(c.value_is_shared, false)
       AND c.annual_value_gbp > $multiple * r.median_annual`,
    {
      flag: VALUE_FLAGS.aboveServiceRange,
      multiple: PLAUSIBILITY.serviceMedianMultiple,
      min_values: PLAUSIBILITY.minServiceValues,
      no_range: listValue(PLAUSIBILITY.servicesWithoutRange),
    },
  );
  const reader = await connection.runAndReadAll(
    `SELECT value_flag, count(*)::INTEGER AS all_rows,
       count(*) FILTER (WHERE in_scope AND stage IN ('award', 'register'))::INTEGER AS in_scope
     FROM contracts WHERE value_flag IS NOT NULL GROUP BY value_flag`,
  );
  const zero = () => Object.fromEntries(Object.values(VALUE_FLAGS).map((f) => [f, 0])) as Record<ValueFlag, number>;
  const flagged = zero();
  const flaggedInScope = zero();
  for (const row of reader.getRowObjectsJson() as { value_flag: ValueFlag; all_rows: number; in_scope: number }[]) {
    flagged[row.value_flag] = row.all_rows;
    flaggedInScope[row.value_flag] = row.in_scope;
  }
  return { flagged, flaggedInScope };
}
