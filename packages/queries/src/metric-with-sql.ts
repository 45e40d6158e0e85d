/**
 * A registry metric joined with its SQL: what the compiler, the contributors query and the
 * distributions read. The registry says what a number is; METRIC_SQL says how it is computed.
 */
import type { MetricDef } from "@lens/core";
import { type AggregateSql, METRIC_SQL } from "./metric-sql.js";

type AggregateShape = MetricDef["aggregate"];
/** The registry's aggregate (kind, a mix's dimension, a top-k's k) with its expressions. */
export type CompiledAggregate = {
  [K in AggregateShape["kind"]]: Extract<AggregateShape, { kind: K }> & Extract<AggregateSql, { kind: K }>;
}[AggregateShape["kind"]];

/** Also a MetricDef (its aggregate and implausible add to the registry's), so every query function takes either. */
export interface SqlMetric extends Omit<MetricDef, "aggregate" | "implausible"> {
  /** Marks a metric already joined with its SQL (a test may pass one with SQL of its own). */
  readonly joined: true;
  aggregate: CompiledAggregate;
  relation?: string;
  where?: string;
  implausible?: { flagged: string; reason: string };
}

// Keyed on the registry object: a caller that derives a metric ({ ...metric, minN }) gets its own join.
const cache = new WeakMap<MetricDef, SqlMetric>();

/** The metric with its SQL; throws when the two disagree on the aggregate kind or on implausible rows. */
export function withSql(metric: MetricDef | SqlMetric): SqlMetric {
  if ("joined" in metric) return metric;
  const hit = cache.get(metric);
  if (hit) return hit;
  const sql = (METRIC_SQL as Record<string, (typeof METRIC_SQL)[keyof typeof METRIC_SQL] | undefined>)[metric.id];
  if (!sql) throw new Error(`metric '${metric.id}' has no SQL in metric-sql.ts`);
  if (sql.aggregate.kind !== metric.aggregate.kind)
    throw new Error(
      `metric '${metric.id}': registry says ${metric.aggregate.kind}, its SQL says ${sql.aggregate.kind}`,
    );
  if ((sql.implausible === undefined) !== (metric.implausible === undefined))
    throw new Error(`metric '${metric.id}': the registry and its SQL disagree on implausible rows`);
  const { implausible, ...rest } = metric;
  const out: SqlMetric = {
    ...rest,
    joined: true,
    ...(sql.relation !== undefined ? { relation: sql.relation } : {}),
    ...(sql.where !== undefined ? { where: sql.where } : {}),
    aggregate: { ...metric.aggregate, ...sql.aggregate } as CompiledAggregate,
    ...(implausible && sql.implausible
      ? { implausible: { flagged: sql.implausible, reason: implausible.reason } }
      : {}),
  };
  cache.set(metric, out);
  return out;
}

/** The row-level value a distribution (box plot, histogram) is drawn from, if the metric has one. */
export function metricValueExpr(metric: MetricDef): string | undefined {
  const a = withSql(metric).aggregate;
  return a.kind === "median" || a.kind === "sum" ? a.expr : undefined;
}
