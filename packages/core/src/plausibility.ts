/**
 * Implausible contract values: the thresholds and reasons behind `contracts.value_flag`, set by
 * the build's plausibility step and read by the metrics that leave flagged rows out of a
 * median (or a share of lengths). Flagged rows are kept and counted, never deleted: the
 * count comes back with every answer that left them out. Thresholds are documented in
 * docs/methods.md and docs/warehouse.md.
 */

export const VALUE_FLAGS = {
  /** The period is one day or less: a placeholder, not a contract length. */
  oneDay: "one-day placeholder period",
  /** The end date is implausibly far from the start (or, without a start, from the build date). */
  beyondHorizon: "end date beyond horizon",
  /** The annual value is far above what the same service's contracts cost a year. */
  aboveServiceRange: "annual value far above the service range",
} as const;
export type ValueFlag = (typeof VALUE_FLAGS)[keyof typeof VALUE_FLAGS];

/** Flags that make the period (start, end, duration) unusable; each also makes the annual value unusable. */
export const PERIOD_FLAGS: readonly ValueFlag[] = [VALUE_FLAGS.oneDay, VALUE_FLAGS.beyondHorizon];

export const PLAUSIBILITY = {
  /**
   * Children's-services contracts run for months to a few years; the longest ordinary ones
   * (with every extension) run about ten. An end more than 25 years after the start is a
   * placeholder ("31/12/2050") or a typo, not a length.
   */
  horizonYears: 25,
  /** A contract more than this many times its service's median annual value is far above the range. */
  serviceMedianMultiple: 20,
  /** A service's median is a range only when at least this many contracts of it have their own value. */
  minServiceValues: 20,
  /**
   * 'other' is the catch-all for rows no service rule names: it mixes everything and has
   * no range to be far above.
   */
  servicesWithoutRange: ["other"],
} as const;
