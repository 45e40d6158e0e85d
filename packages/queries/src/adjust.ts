/**
 * Like-for-like comparisons by direct standardisation. A raw gap between groups (e.g.
 * commissioning models) mixes what they buy and where the rows come from; here every group's
 * value is re-weighted to one common mix of strata (service × source, and council if asked),
 * so the groups differ only in how they do within the same strata.
 *
 * - Common support: only strata present in every group being compared are used; a stratum
 *   missing from any group has no within-group value to weight there, so it is dropped for all
 *   groups and listed with its rows and the reason.
 * - Weights: each used stratum's share of the pooled rows (all compared groups together).
 * - Shares: Σ w·p with variance Σ w²·p̃(1−p̃)/(n+4), p̃ = (x+2)/(n+4) (Agresti–Coull per
 *   stratum, so a stratum of 3 out of 3 still carries uncertainty); 95% normal interval clipped
 *   to [0, 1].
 * - Medians: Σ w·median (a standardised mean of stratum medians) with each stratum median's
 *   variance from its interquartile range, (√(π/2)·IQR/1.349)²/n (the normal-theory standard
 *   error of a median, σ estimated from the IQR); a stratum needs 3 values in every group; the
 *   interval is clipped at 0 (every median metric is of a non-negative quantity).
 * Pure functions: no SQL, no IO; methods and their justification are in docs/methods.md.
 */

export const ADJUST_DIMENSIONS = ["service", "source", "council"] as const;
export type AdjustDimension = (typeof ADJUST_DIMENSIONS)[number];

export type Stratum = Record<string, string | null>;

export interface AdjustedEstimate {
  value: number | null;
  /** 95% interval. */
  ciLow: number | null;
  ciHigh: number | null;
  method: "direct-standardisation";
  strata: {
    /** Strata in the common support (weighted). */
    used: number;
    /** Strata seen in any compared group. */
    total: number;
    excluded: Array<{ stratum: Stratum; rows: number; reason: string }>;
  };
  /** Why value is null (not standardisable, suppressed, no common support); null when there is a value. */
  reason: string | null;
}

/** One (group, stratum) cell: rows behind the value, and what the estimator needs of them. */
export interface StratumCell {
  group: string;
  stratum: Stratum;
  /** Rows in the cell's denominator (shares) or known values (medians). */
  n: number;
  /** Shares: rows meeting the condition. */
  successes?: number | null;
  /** Medians: the cell's median and quartiles. */
  median?: number | null;
  q1?: number | null;
  q3?: number | null;
}

export type AdjustableKind = "share" | "median";

export interface CompareGroup {
  key: string;
  /** For reasons in words ("missing from in-house"). */
  label: string;
}

const Z95 = 1.959963984540054;
/** Normal-theory standard error of a median is √(π/2)·σ/√n; σ is estimated as IQR / 1.349. */
export const MEDIAN_SE_FACTOR = Math.sqrt(Math.PI / 2) / 1.349;
/** Fewest rows a stratum needs in every group: a share is defined from one row; a median's spread needs three. */
export const MIN_CELL_ROWS: Record<AdjustableKind, number> = { share: 1, median: 3 };

interface CellEstimate {
  estimate: number;
  variance: number;
}

function cellEstimate(kind: AdjustableKind, cell: StratumCell): CellEstimate | null {
  if (cell.n <= 0) return null;
  if (kind === "share") {
    const x = cell.successes;
    if (x === null || x === undefined) return null;
    const tilde = (x + 2) / (cell.n + 4);
    return { estimate: x / cell.n, variance: (tilde * (1 - tilde)) / (cell.n + 4) };
  }
  if (cell.median === null || cell.median === undefined || cell.q1 == null || cell.q3 == null) return null;
  const se = (MEDIAN_SE_FACTOR * (cell.q3 - cell.q1)) / Math.sqrt(cell.n);
  return { estimate: cell.median, variance: se * se };
}

export const stratumKey = (stratum: Stratum): string =>
  JSON.stringify(
    Object.keys(stratum)
      .sort()
      .map((k) => [k, stratum[k]]),
  );

const listInWords = (xs: readonly string[]) =>
  xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;

/** An estimate with no value, saying why. */
export function unadjusted(reason: string, total = 0): AdjustedEstimate {
  return {
    value: null,
    ciLow: null,
    ciHigh: null,
    method: "direct-standardisation",
    strata: { used: 0, total, excluded: [] },
    reason,
  };
}

/**
 * Standardises each compared group to the pooled mix of the strata in the common support.
 * `groups` are the groups being compared (the caller leaves out suppressed ones); cells of
 * other groups are ignored. Returns one estimate per compared group, keyed by group key.
 */
export function standardise(
  kind: AdjustableKind,
  groups: readonly CompareGroup[],
  cells: readonly StratumCell[],
): Map<string, AdjustedEstimate> {
  const groupKeys = new Set(groups.map((g) => g.key));
  const minRows = MIN_CELL_ROWS[kind];
  // stratum key → its cells by group
  const strata = new Map<string, { stratum: Stratum; byGroup: Map<string, StratumCell>; rows: number }>();
  for (const cell of cells) {
    if (!groupKeys.has(cell.group) || cell.n <= 0) continue;
    const key = stratumKey(cell.stratum);
    let entry = strata.get(key);
    if (!entry) {
      entry = { stratum: cell.stratum, byGroup: new Map(), rows: 0 };
      strata.set(key, entry);
    }
    entry.byGroup.set(cell.group, cell);
    entry.rows += cell.n;
  }

  const used: { key: string; rows: number }[] = [];
  const excluded: AdjustedEstimate["strata"]["excluded"] = [];
  for (const [key, entry] of strata) {
    const missing = groups.filter((g) => !entry.byGroup.has(g.key)).map((g) => g.label);
    const thin = groups
      .filter((g) => {
        const cell = entry.byGroup.get(g.key);
        return cell !== undefined && (cell.n < minRows || cellEstimate(kind, cell) === null);
      })
      .map((g) => g.label);
    if (missing.length > 0)
      excluded.push({ stratum: entry.stratum, rows: entry.rows, reason: `no rows in ${listInWords(missing)}` });
    else if (thin.length > 0)
      excluded.push({
        stratum: entry.stratum,
        rows: entry.rows,
        reason: `fewer than ${minRows} values in ${listInWords(thin)}`,
      });
    else used.push({ key, rows: entry.rows });
  }
  // Largest first, so the list reads as what was lost.
  excluded.sort((a, b) => b.rows - a.rows || stratumKey(a.stratum).localeCompare(stratumKey(b.stratum)));
  const total = strata.size;
  const pooled = used.reduce((s, u) => s + u.rows, 0);

  const out = new Map<string, AdjustedEstimate>();
  for (const group of groups) {
    if (used.length === 0 || pooled === 0) {
      out.set(group.key, {
        ...unadjusted("no stratum has rows in every group compared", total),
        strata: { used: 0, total, excluded },
      });
      continue;
    }
    let value = 0;
    let variance = 0;
    for (const u of used) {
      const w = u.rows / pooled;
      const est = cellEstimate(kind, strata.get(u.key)!.byGroup.get(group.key)!)!;
      value += w * est.estimate;
      variance += w * w * est.variance;
    }
    const half = Z95 * Math.sqrt(variance);
    // Shares live in [0, 1]; every median metric is of a non-negative quantity (money, months, days).
    const clip = (v: number) => (kind === "share" ? Math.min(1, Math.max(0, v)) : Math.max(0, v));
    out.set(group.key, {
      value,
      ciLow: clip(value - half),
      ciHigh: clip(value + half),
      method: "direct-standardisation",
      strata: { used: used.length, total, excluded },
      reason: null,
    });
  }
  return out;
}
