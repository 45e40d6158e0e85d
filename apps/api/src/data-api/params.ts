/**
 * Turns the query string of `GET /api/v1/metrics/{metricId}` into a validated compare input,
 * or into a 400 that names the parameter, says what was wrong and lists the allowed values.
 * Pure: no IO, so every rule here is unit-tested without a server.
 *
 * Every parameter is checked against the registries (metric ids, the metric's own dimensions,
 * vocabularies, the 153 council codes, the year range) before anything reaches a query; an
 * unknown parameter is an error, never silently ignored, so a typo cannot return England-wide
 * numbers that look like a filtered answer.
 */
import {
  COMMISSIONING_MODELS,
  COUNCILS,
  type CommissioningModel,
  DIMENSION_IDS,
  DIMENSIONS,
  type DimensionId,
  EXCLUSION_FILTERS,
  type Filters,
  filtersSchema,
  getMetric,
  MAX_YEAR,
  METRIC_IDS,
  type MetricDef,
  MIN_YEAR,
} from "@lens/core";
import { ADJUST_DIMENSIONS, type AdjustDimension } from "@lens/queries";

export interface ParamError {
  parameter: string;
  message: string;
  allowed?: readonly (string | number)[];
}

export interface MetricQuery {
  metric: MetricDef;
  groupBy: DimensionId[];
  filters: Filters;
  /** Strata of the like-for-like estimate, in registry order; [] = none. */
  adjust: AdjustDimension[];
  /** Models compared like for like; [] = the default (market-led and cooperative, or the model filter's). */
  adjustGroups: CommissioningModel[];
  format: "json" | "csv";
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: ParamError };

/** Longest list of values one filter may carry, and longest single value (matches the zod schema). */
export const MAX_VALUES_PER_FILTER = 200;
export const MAX_VALUE_LENGTH = 200;

const COUNCIL_CODES = new Set(COUNCILS.map((c) => c.laCode));
const fail = (error: ParamError): { ok: false; error: ParamError } => ({ ok: false, error });

/** Splits `a,b` and repeated parameters into one list of trimmed, non-empty values. */
function listOf(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

function parseYear(params: URLSearchParams, name: "from" | "to"): ParseResult<number | undefined> {
  const all = params.getAll(name);
  if (all.length === 0) return { ok: true, value: undefined };
  const raw = all[0]!.trim();
  if (all.length > 1) return fail({ parameter: name, message: `'${name}' given more than once` });
  if (!/^\d{4}$/.test(raw) || Number(raw) < MIN_YEAR || Number(raw) > MAX_YEAR)
    return fail({
      parameter: name,
      message: `'${truncate(raw)}' is not a year between ${MIN_YEAR} and ${MAX_YEAR} (YYYY)`,
    });
  return { ok: true, value: Number(raw) };
}

export function truncate(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

export function parseMetricId(metricId: string): ParseResult<MetricDef> {
  const metric = getMetric(metricId);
  if (!metric)
    return fail({
      parameter: "metricId",
      message: `unknown metric '${truncate(metricId)}'`,
      allowed: METRIC_IDS,
    });
  return { ok: true, value: metric };
}

export function parseMetricQuery(metricId: string, params: URLSearchParams): ParseResult<MetricQuery> {
  const metricResult = parseMetricId(metricId);
  if (!metricResult.ok) return metricResult;
  const metric = metricResult.value;
  const dims = metric.dimensions;
  const filterDims = dims.filter((d) => d !== "year");
  const exclusions = EXCLUSION_FILTERS.filter((e) => (dims as readonly string[]).includes(e.dimension));
  const allowedParams = [
    "groupBy",
    "from",
    "to",
    "format",
    "adjust",
    "adjustGroups",
    ...filterDims,
    ...exclusions.map((e) => e.key),
  ];

  for (const name of new Set(params.keys())) {
    if (allowedParams.includes(name)) continue;
    const isDimension = (DIMENSION_IDS as readonly string[]).includes(name);
    const exclusion = EXCLUSION_FILTERS.find((e) => e.key === name);
    return fail({
      parameter: name,
      message: isDimension
        ? name === "year"
          ? "filter years with 'from' and 'to'"
          : `dimension '${name}' is not available for metric '${metric.id}'`
        : exclusion
          ? `metric '${metric.id}' has no '${exclusion.dimension}' dimension to exclude by`
          : `unknown parameter '${truncate(name)}'`,
      allowed: allowedParams,
    });
  }

  const format = params.get("format") ?? "json";
  if (format !== "json" && format !== "csv")
    return fail({ parameter: "format", message: `unknown format '${truncate(format)}'`, allowed: ["json", "csv"] });

  const groupBy = listOf(params, "groupBy");
  if (groupBy.length > 2) return fail({ parameter: "groupBy", message: "at most two dimensions", allowed: dims });
  for (const d of groupBy)
    if (!(dims as readonly string[]).includes(d))
      return fail({
        parameter: "groupBy",
        message: `unknown dimension '${truncate(d)}' for metric '${metric.id}'`,
        allowed: dims,
      });
  if (new Set(groupBy).size !== groupBy.length)
    return fail({ parameter: "groupBy", message: "the two dimensions must differ", allowed: dims });

  const adjust = parseAdjust(params, metric, groupBy);
  if (!adjust.ok) return adjust;
  const adjustGroups = parseAdjustGroups(params, groupBy, adjust.value.length > 0);
  if (!adjustGroups.ok) return adjustGroups;

  const from = parseYear(params, "from");
  if (!from.ok) return from;
  const to = parseYear(params, "to");
  if (!to.ok) return to;
  if (from.value !== undefined && to.value !== undefined && from.value > to.value)
    return fail({ parameter: "from", message: `from (${from.value}) is after to (${to.value})` });

  const filters: Record<string, unknown> = {};
  if (from.value !== undefined) filters.from = from.value;
  if (to.value !== undefined) filters.to = to.value;
  for (const d of filterDims) {
    if (!params.has(d)) continue;
    const values = listOf(params, d);
    if (values.length === 0) return fail({ parameter: d, message: `'${d}' needs at least one value` });
    if (values.length > MAX_VALUES_PER_FILTER)
      return fail({ parameter: d, message: `at most ${MAX_VALUES_PER_FILTER} values` });
    const tooLong = values.find((v) => v.length > MAX_VALUE_LENGTH);
    if (tooLong !== undefined)
      return fail({ parameter: d, message: `values are at most ${MAX_VALUE_LENGTH} characters` });
    const vocabulary = d === "council" ? COUNCIL_CODES : DIMENSIONS[d].values ? new Set(DIMENSIONS[d].values) : null;
    const unknown = vocabulary ? values.find((v) => !vocabulary.has(v)) : undefined;
    if (unknown !== undefined)
      return fail({
        parameter: d,
        message:
          d === "council"
            ? `unknown council '${truncate(unknown)}': use the DfE 3-digit code (GET /api/v1/councils lists them)`
            : `unknown value '${truncate(unknown)}'`,
        allowed: d === "council" ? [...COUNCIL_CODES] : (DIMENSIONS[d].values ?? []),
      });
    filters[d] = [...new Set(values)];
  }
  for (const { key } of exclusions) {
    if (!params.has(key)) continue;
    const values = listOf(params, key);
    if (values.length === 0) return fail({ parameter: key, message: `'${key}' needs at least one value` });
    // Codes and ids are checked by the shared schema below, which names the allowed values.
    filters[key] = [...new Set(values)];
  }

  // The same schema the tRPC procedures use: the two entry points cannot drift apart.
  const checked = filtersSchema.safeParse(filters);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return fail({ parameter: String(issue?.path[0] ?? "filters"), message: issue?.message ?? "invalid filters" });
  }
  return {
    ok: true,
    value: {
      metric,
      groupBy: groupBy as DimensionId[],
      filters: checked.data,
      adjust: adjust.value,
      adjustGroups: adjustGroups.value,
      format,
    },
  };
}

/**
 * `adjustGroups=market-led,cooperative,in-house`: the models compared like for like, only with
 * `adjust` and grouped by model; `all` names every model.
 */
function parseAdjustGroups(
  params: URLSearchParams,
  groupBy: readonly string[],
  adjusting: boolean,
): ParseResult<CommissioningModel[]> {
  if (!params.has("adjustGroups")) return { ok: true, value: [] };
  const allowed = [...COMMISSIONING_MODELS, "all"];
  const values = listOf(params, "adjustGroups");
  if (!adjusting) return fail({ parameter: "adjustGroups", message: "'adjustGroups' needs 'adjust'" });
  if (!groupBy.includes("model"))
    return fail({ parameter: "adjustGroups", message: "'adjustGroups' names models: group by 'model' to use it" });
  if (values.length === 0)
    return fail({ parameter: "adjustGroups", message: "'adjustGroups' needs at least one value", allowed });
  const unknown = values.find((v) => !allowed.includes(v));
  if (unknown !== undefined)
    return fail({ parameter: "adjustGroups", message: `unknown model '${truncate(unknown)}'`, allowed });
  if (values.includes("all")) return { ok: true, value: [...COMMISSIONING_MODELS] };
  return { ok: true, value: COMMISSIONING_MODELS.filter((m) => values.includes(m)) };
}

/** `adjust=service,source`: strata of the like-for-like estimate, each one the metric has and is not grouped by. */
function parseAdjust(
  params: URLSearchParams,
  metric: MetricDef,
  groupBy: readonly string[],
): ParseResult<AdjustDimension[]> {
  if (!params.has("adjust")) return { ok: true, value: [] };
  const values = listOf(params, "adjust");
  const allowed = ADJUST_DIMENSIONS.filter((d) => metric.dimensions.includes(d) && !groupBy.includes(d));
  if (values.length === 0) return fail({ parameter: "adjust", message: "'adjust' needs at least one value", allowed });
  for (const v of values) {
    if (!(ADJUST_DIMENSIONS as readonly string[]).includes(v))
      return fail({ parameter: "adjust", message: `unknown adjust dimension '${truncate(v)}'`, allowed });
    if (groupBy.includes(v))
      return fail({ parameter: "adjust", message: `cannot adjust for '${v}' while grouping by it`, allowed });
    if (!(metric.dimensions as readonly string[]).includes(v))
      return fail({
        parameter: "adjust",
        message: `metric '${metric.id}' has no '${v}' dimension to adjust for`,
        allowed,
      });
  }
  return { ok: true, value: ADJUST_DIMENSIONS.filter((d) => values.includes(d)) };
}
