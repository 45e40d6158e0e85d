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
  type CommissioningModel,
  DIMENSION_IDS,
  type DimensionId,
  EXCLUSION_FILTERS,
  type Filters,
  filtersSchema,
  getMetric,
  MAX_YEAR,
  METRIC_IDS,
  type MetricDef,
  MIN_YEAR,
  type RedFlagId,
} from "@lens/core";
import { ADJUST_DIMENSIONS, type AdjustDimension } from "@lens/queries";
import {
  dimensionVocabulary,
  enumValues,
  formatParam,
  METRIC_FORMATS,
  type MetricFormat,
  TABLE_FORMATS,
  TABLE_PARAMS,
  type TableFormat,
} from "./query-schemas.js";

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
  format: MetricFormat;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: ParamError };

/** Longest list of values one filter may carry, and longest single value (matches the zod schema). */
export const MAX_VALUES_PER_FILTER = 200;
export const MAX_VALUE_LENGTH = 200;

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

/**
 * The names a route's filters take for `metric`'s dimensions: `from`, `to`, one per dimension
 * (year excepted) and the exclusions the metric's dimensions allow.
 */
export function filterParamNames(metric: MetricDef): string[] {
  const dims = metric.dimensions;
  return [
    "from",
    "to",
    ...dims.filter((d) => d !== "year"),
    ...EXCLUSION_FILTERS.filter((e) => (dims as readonly string[]).includes(e.dimension)).map((e) => e.key),
  ];
}

/** Every parameter given must be one of `allowedParams`; an unknown one is an error naming it. */
function checkKnownParams(
  metric: MetricDef,
  params: URLSearchParams,
  allowedParams: readonly string[],
): ParseResult<true> {
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
      allowed: [...allowedParams],
    });
  }
  return { ok: true, value: true };
}

/** `format=…` checked against the route's own formats (the zod enum the OpenAPI document shows). */
function parseFormat<F extends string>(params: URLSearchParams, formats: readonly [F, ...F[]]): ParseResult<F> {
  const raw = params.get("format") ?? formats[0];
  const checked = formatParam(formats).safeParse(raw);
  if (!checked.success)
    return fail({ parameter: "format", message: `unknown format '${truncate(raw)}'`, allowed: formats });
  return { ok: true, value: checked.data as F };
}

export function parseMetricQuery(metricId: string, params: URLSearchParams): ParseResult<MetricQuery> {
  const metricResult = parseMetricId(metricId);
  if (!metricResult.ok) return metricResult;
  const metric = metricResult.value;
  const dims = metric.dimensions;
  const allowedParams = ["groupBy", "format", "adjust", "adjustGroups", ...filterParamNames(metric)];
  const known = checkKnownParams(metric, params, allowedParams);
  if (!known.ok) return known;

  const format = parseFormat(params, METRIC_FORMATS);
  if (!format.ok) return format;

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

  const filters = parseFilters(metric, params);
  if (!filters.ok) return filters;
  return {
    ok: true,
    value: {
      metric,
      groupBy: groupBy as DimensionId[],
      filters: filters.value,
      adjust: adjust.value,
      adjustGroups: adjustGroups.value,
      format: format.value,
    },
  };
}

/** The table routes: the contracts metric's filters on contracts, the providers metric's on providers. */
export const TABLE_METRIC = { contracts: "contracts", providers: "providers" } as const;
export type TableName = keyof typeof TABLE_METRIC;

export interface TableQuery {
  table: TableName;
  metric: MetricDef;
  filters: Filters;
  format: TableFormat;
  bom: boolean;
  q: string | undefined;
  sort: string;
  dir: "asc" | "desc";
  /** contracts: notices judged not children's services are left out unless asked for. */
  includeOutOfScope: boolean;
  /** contracts: only those carrying this red flag. */
  flag?: RedFlagId | undefined;
  /** providers: the latest snapshot among the matches (each provider once), or every snapshot. */
  snapshot: "latest" | "all";
}

/**
 * `GET /api/v1/contracts` and `/providers`: the same filters as the metrics routes (through
 * the same parser), the table's text search and sort, `format` and `bom`.
 */
export function parseTableQuery(table: TableName, params: URLSearchParams): ParseResult<TableQuery> {
  const metric = getMetric(TABLE_METRIC[table])!;
  const own = TABLE_PARAMS[table];
  const allowedParams = [...Object.keys(own), ...filterParamNames(metric)];
  const known = checkKnownParams(metric, params, allowedParams);
  if (!known.ok) return known;
  const format = parseFormat(params, TABLE_FORMATS);
  if (!format.ok) return format;
  const values: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(own)) {
    if (name === "format") continue;
    const all = params.getAll(name);
    if (all.length > 1) return fail({ parameter: name, message: `'${name}' given more than once` });
    const checked = schema.safeParse(all[0]);
    if (!checked.success) {
      const allowed = enumValues(schema);
      return fail({
        parameter: name,
        message: `'${truncate(all[0] ?? "")}' is not valid for '${name}': ${checked.error.issues[0]?.message ?? "invalid"}`,
        ...(allowed ? { allowed } : {}),
      });
    }
    values[name] = checked.data;
  }
  const filters = parseFilters(metric, params);
  if (!filters.ok) return filters;
  return {
    ok: true,
    value: {
      table,
      metric,
      filters: filters.value,
      format: format.value,
      bom: values.bom === true,
      q: (values.q as string | undefined) || undefined,
      sort: values.sort as string,
      dir: values.dir as "asc" | "desc",
      includeOutOfScope: values.includeOutOfScope === true,
      flag: values.flag as RedFlagId | undefined,
      snapshot: (values.snapshot as "latest" | "all" | undefined) ?? "latest",
    },
  };
}

/** `from`, `to`, the dimension lists and the exclusions, checked against the registries and the shared filters schema. */
function parseFilters(metric: MetricDef, params: URLSearchParams): ParseResult<Filters> {
  const dims = metric.dimensions;
  const filterDims = dims.filter((d) => d !== "year");
  const exclusions = EXCLUSION_FILTERS.filter((e) => (dims as readonly string[]).includes(e.dimension));
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
    const vocabulary = dimensionVocabulary(d);
    const unknown = vocabulary ? values.find((v) => !vocabulary.includes(v)) : undefined;
    if (unknown !== undefined)
      return fail({
        parameter: d,
        message:
          d === "council"
            ? `unknown council '${truncate(unknown)}': use the DfE 3-digit code (GET /api/v1/councils lists them)`
            : `unknown value '${truncate(unknown)}'`,
        allowed: vocabulary ?? [],
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
  return { ok: true, value: checked.data };
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
