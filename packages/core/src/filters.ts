/**
 * The filter and selection schemas shared by the API (validation) and the web app (URL
 * state). Values are checked against the registries here, so a bad value is a 400 that
 * names the parameter and the allowed values, before anything reaches SQL.
 */
import { z } from "zod";
import { DIMENSION_IDS, DIMENSIONS, type DimensionId } from "./dimensions.js";
import { METRIC_IDS, type MetricDef } from "./metrics.js";
import { SOURCES } from "./sources.js";

/**
 * The one year range. FIRST_YEAR..LAST_YEAR are the years of the data, offered by the year
 * pickers and meant by an open end in words and file names: from the earliest year any source
 * covers (the s251 outturn 2008-09, year 2009; a year is the one a financial year ends in) to the
 * latest release. A filter may name any year MIN_YEAR..MAX_YEAR, a margin around them, so a
 * permalink stays valid when a release moves the ends.
 */
export const FIRST_YEAR = 2009;
export const LAST_YEAR = 2025;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2030;

const year = z
  .number({ error: "must be a year" })
  .int({ message: "must be a whole year" })
  .min(MIN_YEAR, { message: `must be ${MIN_YEAR} or later` })
  .max(MAX_YEAR, { message: `must be ${MAX_YEAR} or earlier` });

/** A filter value: bounded text; vocabulary dimensions are checked against their values. */
function valuesFor(id: DimensionId) {
  const allowed = DIMENSIONS[id].values;
  const item = z.string().min(1).max(200);
  const list = z.array(item).max(200);
  if (!allowed) return list.optional();
  const set = new Set(allowed.map(String));
  return list
    .refine((vs) => vs.every((v) => set.has(v)), {
      message: `unknown value; allowed: ${allowed.slice(0, 20).join(", ")}${allowed.length > 20 ? ", …" : ""}`,
    })
    .optional();
}

const FILTER_DIMENSIONS = DIMENSION_IDS.filter((d) => d !== "year");

/**
 * Exclusion filters: "the same chart without that contributor". Each leaves out the rows of
 * the listed values of one dimension (bound NOT IN, see compile-metric). Only council and
 * source have one, because those are the contributors the concentration disclosure names.
 */
export const EXCLUSION_FILTERS = [
  { key: "excludeCouncils", dimension: "council" },
  { key: "excludeSources", dimension: "source" },
] as const satisfies readonly { key: string; dimension: DimensionId }[];
export type ExclusionFilterKey = (typeof EXCLUSION_FILTERS)[number]["key"];

const SOURCE_IDS: readonly string[] = SOURCES.map((s) => s.id);

/** A list of values to leave out, checked against the dimension's registry so a typo is a 400, not a silent no-op. */
function exclusionFor(allowed: readonly string[], what: string) {
  const set = new Set(allowed);
  return z
    .array(z.string().min(1).max(200))
    .max(200)
    .refine((vs) => vs.every((v) => set.has(v)), {
      message: `unknown ${what}; allowed: ${allowed.slice(0, 20).join(", ")}${allowed.length > 20 ? ", …" : ""}`,
    })
    .optional();
}

export const filtersSchema = z
  .object({
    from: year.optional(),
    to: year.optional(),
    ...Object.fromEntries([
      ...FILTER_DIMENSIONS.map((d) => [d, valuesFor(d)] as const),
      ["excludeCouncils", exclusionFor((DIMENSIONS.council.values ?? []).map(String), "council code")] as const,
      ["excludeSources", exclusionFor(SOURCE_IDS, "source id")] as const,
    ]),
  } as { from: z.ZodOptional<typeof year>; to: z.ZodOptional<typeof year> } & Record<
    Exclude<DimensionId, "year"> | ExclusionFilterKey,
    z.ZodOptional<z.ZodType<string[]>>
  >)
  .strict()
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
    message: "from must not be after to",
    path: ["from"],
  });

export type Filters = z.infer<typeof filtersSchema>;

export const metricIdSchema = z.string().refine((id) => METRIC_IDS.includes(id), {
  message: `unknown metric; allowed: ${METRIC_IDS.join(", ")}`,
});

export const dimensionIdSchema = z.enum(DIMENSION_IDS, {
  message: `unknown dimension; allowed: ${DIMENSION_IDS.join(", ")}`,
});

export const groupBySchema = z.array(dimensionIdSchema).max(2, { message: "at most two dimensions" });

/** Filter dimensions that carry a list of values (everything but the year range). */
export const LIST_FILTER_DIMENSIONS: readonly Exclude<DimensionId, "year">[] = FILTER_DIMENSIONS as Exclude<
  DimensionId,
  "year"
>[];

/**
 * The filters a metric can take, and the ones it cannot (reported, never silently applied
 * or dropped): the server narrows a request spanning several metrics with it, the page says
 * what it narrowed. The year range applies wherever the metric has years.
 */
export function filtersForMetric(
  metric: Pick<MetricDef, "dimensions">,
  filters: Filters,
): { applied: Filters; ignored: DimensionId[] } {
  const applied: Filters = {};
  const ignored: DimensionId[] = [];
  const hasYear = metric.dimensions.includes("year");
  if (filters.from !== undefined || filters.to !== undefined) {
    if (hasYear) {
      if (filters.from !== undefined) applied.from = filters.from;
      if (filters.to !== undefined) applied.to = filters.to;
    } else ignored.push("year");
  }
  for (const d of LIST_FILTER_DIMENSIONS) {
    const values = filters[d];
    if (!values || values.length === 0) continue;
    if (metric.dimensions.includes(d)) applied[d] = values;
    else ignored.push(d);
  }
  for (const { key, dimension } of EXCLUSION_FILTERS) {
    const values = filters[key];
    if (!values || values.length === 0) continue;
    if (metric.dimensions.includes(dimension)) applied[key] = values;
    else if (!ignored.includes(dimension)) ignored.push(dimension);
  }
  return { applied, ignored };
}
