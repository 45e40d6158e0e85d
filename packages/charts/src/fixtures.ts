/** Handmade API rows for the shaping tests: every field the API sends, overridable. */
import type { AdjustedEstimate, AnsweredRow, ComparisonAnswer } from "./api-types.js";

export function compareRow(
  dims: AnsweredRow["dims"],
  value: number | null,
  n: number,
  extra: Partial<AnsweredRow> = {},
): AnsweredRow {
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

/** A handmade compare answer's self-description: one council supplying most rows, two sources. */
export function comparisonAnswer(extra: Partial<ComparisonAnswer> = {}): ComparisonAnswer {
  return {
    adjustedFor: ["service", "source"],
    concentration: [
      { dimension: "council", value: "926", label: "Norfolk", share: 0.93, rows: 1915, total: 2068 },
      {
        dimension: "source",
        value: "norfolk-register",
        label: "Norfolk County Council contract register (2015)",
        share: 0.93,
        rows: 1915,
        total: 2068,
      },
    ],
    sentence: "93% of these contracts come from Norfolk County Council's 2015 contract register",
    sources: [
      { id: "norfolk-register", label: "Norfolk County Council contract register (2015)", rows: 1915 },
      { id: "contracts-finder", label: "Contracts Finder notices", rows: 153 },
    ],
    implausible: null,
    caveats: [],
    ...extra,
  };
}

/** A like-for-like estimate for a handmade row. */
export function adjusted(
  value: number,
  ciLow: number,
  ciHigh: number,
  excluded: AdjustedEstimate["strata"]["excluded"] = [],
): AdjustedEstimate {
  return {
    value,
    ciLow,
    ciHigh,
    method: "direct-standardisation",
    strata: { used: 6, total: 6 + excluded.length, excluded },
    reason: null,
  };
}
