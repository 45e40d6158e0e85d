/**
 * SQL over contracts aliased `f` for the flags the build's plausibility step sets
 * (`contracts.value_flag`; the flags and thresholds themselves are in @lens/core's plausibility.ts).
 */
import { PERIOD_FLAGS } from "@lens/core";

const sqlList = (xs: readonly string[]) => xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(", ");

/** The row's period is flagged implausible. */
export const PERIOD_FLAGGED_SQL = `coalesce(f.value_flag IN (${sqlList(PERIOD_FLAGS)}), false)`;
/** The row carries any implausibility flag. */
export const ANY_FLAGGED_SQL = "f.value_flag IS NOT NULL";
