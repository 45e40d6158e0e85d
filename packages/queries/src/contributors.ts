/**
 * Who supplied the rows behind an answer: the largest council and the largest source (with
 * their share of the rows), every source that contributed, and how many rows the metric left
 * out as implausible. One statement over the same FROM and WHERE as the metric, so these
 * counts are of exactly the rows behind the numbers.
 *
 * "Rows behind the answer" are the rows each group's n counts (the denominator of a share, the
 * known values of a median or a sum, every row of a count or a mix), summed over the groups.
 */
import {
  type Concentration,
  type ConcentrationDimension,
  contributorLabel,
  type DimensionId,
  type Filters,
  type MetricDef,
} from "@lens/core";
import { type CompiledQuery, filterSql, fromSql, tableDimensionSql } from "./compile-metric.js";
import { withSql } from "./metric-with-sql.js";
import { type RunOptions, runQuery } from "./run.js";

export interface SourceContribution {
  id: string;
  label: string;
  rows: number;
}

export interface Contributors {
  /** The largest contributor per dimension the metric can be cut by (council, source). */
  concentration: Concentration[];
  /** Every source with at least one row behind the answer, most rows first. */
  sources: SourceContribution[];
  /** Rows the metric's own plausibility rule left out (0 when it has none). */
  implausible: number;
}

/** SQL condition: the row counts in its group's n. */
export function countedRowSql(metric: MetricDef): string {
  const a = withSql(metric).aggregate;
  switch (a.kind) {
    case "count":
      return a.distinct ? `(${a.distinct}) IS NOT NULL` : "TRUE";
    case "sum":
    case "median":
      return `(${a.expr}) IS NOT NULL`;
    case "share":
      return `(${a.base})`;
    case "ratio":
      return `(${a.numerator}) IS NOT NULL AND (${a.denominator}) IS NOT NULL`;
    case "perEntity":
      return `(${a.entity}) IS NOT NULL`;
    case "mix":
      return "TRUE";
    case "hhi":
    case "topShare":
      return `(${a.entity}) IS NOT NULL AND (${a.weight}) > 0`;
    case "published":
      return "f.value IS NOT NULL";
  }
}

const DIMS: readonly ConcentrationDimension[] = ["council", "source"];

/**
 * One scan: the rows behind the answer, counted per council and per source by GROUPING SETS,
 * with the warehouse's sample flag (a sample's rows are named as the sample's).
 */
export function compileContributorsQuery(metric: MetricDef, filters: Filters): CompiledQuery {
  const { clauses, params } = filterSql(metric, filters);
  const where = clauses.length > 0 ? `WHERE ${clauses.join(" AND ")}` : "";
  // A published figure is its area's own, not a sum of councils' rows: no council contributes
  // to it, but its source still names where it came from.
  const dims =
    metric.aggregate.kind === "published"
      ? (["source"] as const)
      : DIMS.filter((d) => metric.dimensions.includes(d as DimensionId));
  if (dims.length === 0)
    return {
      sql: "SELECT NULL AS dimension, NULL AS value, 0 AS rows, 0 AS implausible, NULL AS is_sample WHERE FALSE",
      // The statement binds nothing: DuckDB refuses parameters a statement does not name.
      params: {},
    };
  const implausible = withSql(metric).implausible;
  const flagged = implausible ? `(${implausible.flagged})` : "FALSE";
  const cols = dims.map((d) => `CAST(${tableDimensionSql(metric.table, d)} AS VARCHAR) AS ${d}`);
  // With one dimension grouping(x) is 0 on every row, so the CASEs pick it.
  const dimension = `CASE ${dims.map((d) => `WHEN grouping(${d}) = 0 THEN '${d}'`).join(" ")} END`;
  const value = `CASE ${dims.map((d) => `WHEN grouping(${d}) = 0 THEN ${d}`).join(" ")} END`;
  const sets = dims.map((d) => `(${d})`).join(", ");
  const sql = `WITH r AS (
  SELECT ${cols.join(", ")}, (${countedRowSql(metric)}) AS counted, ${flagged} AS flagged
  FROM ${fromSql(metric)}
  ${where}
)
SELECT ${dimension} AS dimension, ${value} AS value,
  count(*) FILTER (WHERE counted)::INTEGER AS rows,
  count(*) FILTER (WHERE flagged)::INTEGER AS implausible,
  (SELECT b.value FROM build_info b WHERE b.key = 'is_sample') AS is_sample
FROM r
GROUP BY GROUPING SETS (${sets})
ORDER BY dimension, rows DESC, value NULLS LAST`;
  return { sql, params };
}

interface RawContribution {
  dimension: ConcentrationDimension;
  value: string | null;
  rows: number;
  implausible: number;
  is_sample?: string | null;
}

/**
 * On a warehouse built from the generated sample every row's source is `sample`; should a row
 * carry a real source's id there, it is still the sample's, and is named so.
 */
export function sampleSourceLabel(id: string | null): string {
  if (id === null || id === "sample") return contributorLabel("source", id);
  return `generated sample data in the format of ${contributorLabel("source", id)}`;
}

/** Shapes per-contributor counts into the concentration entries, the source list and the implausible count. */
export function shapeContributors(metric: MetricDef, raw: readonly RawContribution[], isSample = false): Contributors {
  const concentration: Concentration[] = [];
  for (const dimension of DIMS) {
    const entries = raw.filter((r) => r.dimension === dimension);
    if (entries.length === 0) continue;
    const total = entries.reduce((s, r) => s + r.rows, 0);
    // Largest first; ties go to the lower value so the answer does not depend on scan order.
    const top = [...entries].sort(
      (a, b) => b.rows - a.rows || String(a.value ?? "\uffff").localeCompare(String(b.value ?? "\uffff")),
    )[0]!;
    concentration.push({
      dimension,
      value: top.value,
      label: dimension === "source" && isSample ? sampleSourceLabel(top.value) : contributorLabel(dimension, top.value),
      share: total > 0 ? top.rows / total : 0,
      rows: top.rows,
      total,
    });
  }
  const hasSource = raw.some((r) => r.dimension === "source");
  const rowsBehind = concentration[0]?.total ?? 0;
  const sources = isSample
    ? rowsBehind > 0
      ? [{ id: "sample", label: contributorLabel("source", "sample"), rows: rowsBehind }]
      : []
    : metric.dimensions.includes("source") || metric.aggregate.kind === "published"
      ? raw
          .filter((r) => r.dimension === "source" && r.rows > 0 && r.value !== null)
          .sort((a, b) => b.rows - a.rows || String(a.value).localeCompare(String(b.value)))
          .map((r) => ({ id: r.value!, label: contributorLabel("source", r.value), rows: r.rows }))
      : // A metric whose rows join several sources (no source column): each one is behind every row.
        rowsBehind > 0 && !hasSource
        ? metric.sources.map((id) => ({ id, label: contributorLabel("source", id), rows: rowsBehind }))
        : [];
  // Every row has exactly one council value (NULL included), so the council split counts each flagged row once.
  const split = raw.some((r) => r.dimension === "council") ? "council" : "source";
  const implausible = raw.filter((r) => r.dimension === split).reduce((s, r) => s + r.implausible, 0);
  return { concentration, sources, implausible };
}

export async function contributors(
  connection: Parameters<typeof runQuery>[0],
  metric: MetricDef,
  filters: Filters,
  options: RunOptions = {},
): Promise<Contributors> {
  const raw = await runQuery<RawContribution>(connection, compileContributorsQuery(metric, filters), options);
  return shapeContributors(metric, raw, raw[0]?.is_sample === "true");
}
