/**
 * Red flags on contracts: patterns that procurement researchers (OpenTender, the Open
 * Contracting red-flag guide) treat as reasons to look closer at an award. Each is a reason to
 * look, never a finding: a direct award can be lawful and right (an emergency placement, the
 * only provider with a bed), and the data behind a flag is often incomplete. The words here are
 * what the dashboard shows; the SQL that finds each flag is in @lens/queries (red-flag-sql.ts),
 * so the web app ships none.
 */

export const RED_FLAG_IDS = [
  "direct-award-for-profit",
  "one-tenderer",
  "short-care-contract",
  "no-prior-tender-notice",
  "value-above-range",
] as const;
export type RedFlagId = (typeof RED_FLAG_IDS)[number];

export interface RedFlagInfo {
  /** A short chip label. */
  label: string;
  /** Why it is worth a look, in words that do not judge (shown beside the chip). */
  reason: string;
  /** Which contracts can carry the flag at all: the denominator of its share. */
  judgedOn: string;
}

/** Placement and care services: where a contract shorter than a year is worth a look. */
export const CARE_SERVICES = ["residential care", "fostering", "short breaks", "care leavers"] as const;

/** A placement or care contract shorter than this many months is flagged. */
export const SHORT_CARE_MONTHS = 12;

export const RED_FLAGS: Record<RedFlagId, RedFlagInfo> = {
  "direct-award-for-profit": {
    label: "Direct award, for-profit",
    reason:
      "Awarded without competition (a direct award or single tender) to a for-profit supplier: worth checking the grounds given in the notice.",
    judgedOn: "contracts whose procedure and supplier ownership are known",
  },
  "one-tenderer": {
    label: "One tenderer",
    reason:
      "Only one tender was received in a competition: worth checking whether the market was thin or the opportunity was hard to find.",
    judgedOn: "contracts whose notice publishes the number of tenders",
  },
  "short-care-contract": {
    label: "Care under 12 months",
    reason: `A placement or care service contracted for less than ${SHORT_CARE_MONTHS} months: short terms can mean spot purchasing or repeated re-awards.`,
    judgedOn: "placement and care contracts with a known length",
  },
  "no-prior-tender-notice": {
    label: "No prior tender notice",
    reason:
      "The record shows no tender notice before the award: the publisher says it was not advertised, or its tender notice is dated after the award. Worth checking how suppliers could have bid (below-threshold contracts need not be advertised nationally).",
    judgedOn: "contracts whose record says whether, or when, a tender notice was published",
  },
  "value-above-range": {
    label: "Value far above range",
    reason:
      "The annual value is far above what the same service's contracts cost a year: it may be a block total, a framework ceiling or a typing slip.",
    judgedOn: "contracts with an annual value in a service with a range",
  },
};

export function isRedFlagId(value: unknown): value is RedFlagId {
  return typeof value === "string" && (RED_FLAG_IDS as readonly string[]).includes(value);
}
