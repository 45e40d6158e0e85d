/**
 * Adds a like-for-like (directly standardised) estimate to every row of a comparison: runs the
 * metric once more split by the strata (service, source, council as asked) and hands the cells
 * to the pure estimator in adjust.ts. Metrics that are not a share or a median get a null
 * estimate with the reason, never a number computed some other way.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import {
  COMMISSIONING_MODELS,
  type CommissioningModel,
  type DimensionId,
  type Filters,
  labelForValue,
  type MetricDef,
} from "@lens/core";
import {
  ADJUST_DIMENSIONS,
  type AdjustDimension,
  type AdjustedEstimate,
  type CompareGroup,
  type StratumCell,
  standardise,
  unadjusted,
} from "./adjust.js";
import { compileMetricQuery, QueryInputError } from "./compile-metric.js";
import type { MetricRow, RawMetricRow } from "./metric-rows.js";
import { type RunOptions, runQuery } from "./run.js";

/** Why a metric of this kind gets no adjusted value (null = it can be standardised). */
export function notStandardisable(metric: MetricDef): string | null {
  switch (metric.aggregate.kind) {
    case "share":
    case "median":
      return null;
    case "count":
    case "sum":
      return "a count or total measures how many rows there are, not how they compare within strata: nothing to standardise";
    case "mix":
      return "a mix is itself a split across one dimension: filter by service and source to compare it like for like";
    case "ratio":
      return "a money-weighted ratio would need money weights per stratum, not row weights: not standardised";
    case "perEntity":
      return "rows per entity depend on how entities span strata: not standardised";
    case "hhi":
    case "topShare":
      return "market concentration is a property of the whole market and cannot be re-weighted by stratum";
    case "published":
      return "a published figure is the publisher's own value for an area: there are no rows to re-weight";
  }
}

/** The asked-for strata in registry order, checked against the metric and the grouping. */
export function adjustDimensions(
  metric: MetricDef,
  groupBy: readonly DimensionId[],
  adjust: readonly AdjustDimension[],
): AdjustDimension[] {
  const asked = ADJUST_DIMENSIONS.filter((d) => adjust.includes(d));
  for (const d of asked) {
    if (!metric.dimensions.includes(d))
      throw new QueryInputError(
        `cannot adjust metric '${metric.id}' for '${d}': it has no '${d}' dimension; allowed: ${ADJUST_DIMENSIONS.filter((x) => metric.dimensions.includes(x)).join(", ") || "none"}`,
      );
    if (groupBy.includes(d))
      throw new QueryInputError(`cannot adjust for '${d}' while grouping by it: each group would be its own stratum`);
  }
  return asked;
}

/**
 * The comparison the product is about. Common support shrinks with every group added: in-house
 * contracts in the real files are nearly all one stratum, so holding four models to the strata
 * all of them share leaves almost nothing, while market-led and cooperative share most of theirs.
 */
export const LIKE_FOR_LIKE_MODELS: readonly CommissioningModel[] = ["market-led", "cooperative"];

/** Which groups the like-for-like estimate compares: `values` of `dimension`; null = every group. */
export interface AdjustedGroups {
  dimension: "model";
  values: CommissioningModel[];
}

/**
 * The models compared like for like. Asked for by name, those; grouped by model with no model
 * filter, market-led and cooperative; with a model filter, the models the filter chose (the
 * reader picked the groups). Not grouped by model: every group (sectors, ownership, years).
 */
export function adjustedGroups(
  groupBy: readonly DimensionId[],
  filters: Filters,
  asked: readonly CommissioningModel[],
): AdjustedGroups | null {
  if (!groupBy.includes("model")) {
    if (asked.length > 0)
      throw new QueryInputError("adjustGroups names commissioning models: group by 'model' to use it");
    return null;
  }
  if (asked.length > 0) return { dimension: "model", values: COMMISSIONING_MODELS.filter((m) => asked.includes(m)) };
  if (filters.model && filters.model.length > 0) return null;
  return { dimension: "model", values: [...LIKE_FOR_LIKE_MODELS] };
}

const listInWords = (xs: readonly string[]) =>
  xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;

/** Why a group outside the compared models has no like-for-like value. */
export function notComparedReason(groups: AdjustedGroups): string {
  const names = groups.values.map((v) => labelForValue(groups.dimension, v));
  return `shown as recorded only: like for like compares ${listInWords(names)} over the strata they share (holding every model to the strata all of them have would leave almost none)`;
}

const groupKey = (values: readonly unknown[]) => JSON.stringify(values);

/**
 * Rows with `adjusted` set. `dims` are the result's dimensions (the metric's own split
 * included), `rows` the shaped rows of the comparison.
 */
export async function withAdjusted(
  connection: DuckDBConnection,
  metric: MetricDef,
  dims: readonly DimensionId[],
  rows: readonly MetricRow[],
  adjust: readonly AdjustDimension[],
  filters: Filters,
  options: RunOptions = {},
  among: AdjustedGroups | null = null,
): Promise<MetricRow[]> {
  const cannot = notStandardisable(metric);
  if (cannot !== null) return rows.map((r) => ({ ...r, adjusted: unadjusted(cannot) }));
  const kind = metric.aggregate.kind as "share" | "median";
  const inComparison = (r: MetricRow) =>
    among === null || (among.values as readonly unknown[]).includes(r.dims[among.dimension] ?? null);

  const compared: CompareGroup[] = rows
    .filter((r) => !r.suppressed && r.n > 0 && inComparison(r))
    .map((r) => ({
      key: groupKey(dims.map((d) => r.dims[d] ?? null)),
      label: dims.length === 0 ? "all rows" : dims.map((d) => labelForValue(d, r.dims[d] ?? null)).join(" · "),
    }));
  const query = compileMetricQuery(metric, [...dims, ...adjust], filters, { maxDims: dims.length + adjust.length });
  const raw = await runQuery<RawMetricRow & Record<string, unknown>>(connection, query, options);
  const cells: StratumCell[] = raw.map((r) => {
    const cols = [r.d0, r.d1, r.d2, r.d3, r.d4];
    const stratum: Record<string, string | null> = {};
    adjust.forEach((d, i) => {
      const v = cols[dims.length + i];
      stratum[d] = v === null || v === undefined ? null : String(v);
    });
    return {
      group: groupKey(cols.slice(0, dims.length).map((v) => v ?? null)),
      stratum,
      n: r.n,
      successes: r.numerator,
      median: r.value,
      q1: r.q1,
      q3: r.q3,
    };
  });
  const estimates = standardise(kind, compared, cells);
  return rows.map((r) => {
    const key = groupKey(dims.map((d) => r.dims[d] ?? null));
    const estimate: AdjustedEstimate =
      estimates.get(key) ??
      unadjusted(
        r.suppressed
          ? `suppressed: fewer than ${metric.minN} rows`
          : among && !inComparison(r)
            ? notComparedReason(among)
            : "no rows to standardise",
      );
    return { ...r, adjusted: estimate };
  });
}
