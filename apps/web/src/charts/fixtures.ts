/** Handmade API rows for the shaping tests: every field the API sends, overridable. */
import type { CompareRow } from "./api-types.js";

export function compareRow(
  dims: CompareRow["dims"],
  value: number | null,
  n: number,
  extra: Partial<CompareRow> = {},
): CompareRow {
  return {
    dims,
    value,
    numerator: null,
    denominator: null,
    n,
    total: n,
    coverage: 1,
    suppressed: false,
    ciLow: null,
    ciHigh: null,
    q1: null,
    q3: null,
    ...extra,
  };
}
