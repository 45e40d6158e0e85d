/**
 * The zod schemas of the data API's query parameters: the parser in params.ts checks values
 * against them and the OpenAPI document (openapi/document.ts) is generated from them with
 * `z.toJSONSchema`, so the contract cannot say one thing while the server accepts another.
 * Lists are comma-separated (OpenAPI `style: form, explode: false`); a repeated parameter
 * is read as one list as well.
 */
import {
  COMMISSIONING_MODELS,
  COUNCILS,
  DIMENSIONS,
  type DimensionId,
  EXCLUSION_FILTERS,
  MAX_YEAR,
  type MetricDef,
  MIN_YEAR,
  RED_FLAG_IDS,
  SOURCES,
} from "@lens/core";
import { ADJUST_DIMENSIONS, CONTRACT_SORTS, PROVIDER_SORTS } from "@lens/queries";
import { z } from "zod";

export const METRIC_FORMATS = ["json", "csv"] as const;
export type MetricFormat = (typeof METRIC_FORMATS)[number];
export const TABLE_FORMATS = ["json", "csv", "xlsx"] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export const formatParam = (formats: readonly [string, ...string[]]) =>
  z.enum(formats).describe(`Answer format: ${formats.join(", ")} (default ${formats[0]})`);

const COUNCIL_CODES = COUNCILS.map((c) => c.laCode);

/** The values a dimension filter accepts; null when its vocabulary is open (e.g. free-text ids). */
export function dimensionVocabulary(d: DimensionId): readonly string[] | null {
  if (d === "council") return COUNCIL_CODES;
  return DIMENSIONS[d].values ?? null;
}

/** The allowed values of an enum schema, for the 400's `allowed` list. */
export function enumValues(schema: z.ZodType): readonly string[] | undefined {
  const inner = schema instanceof z.ZodOptional || schema instanceof z.ZodDefault ? schema.unwrap() : schema;
  const options = (inner as { options?: unknown }).options;
  return Array.isArray(options) ? (options as string[]) : undefined;
}

const yearParam = (which: "from" | "to") =>
  z
    .string()
    .regex(/^\d{4}$/)
    .describe(`${which === "from" ? "First" : "Last"} year, YYYY, inclusive (${MIN_YEAR}–${MAX_YEAR})`);

const listParam = (values: readonly string[] | null, what: string) =>
  z
    .array(values ? z.enum(values as [string, ...string[]]) : z.string().max(200))
    .min(1)
    .max(200)
    .describe(what);

/** `bom=1` (or `true`): CSV starts with a UTF-8 byte-order mark, so spreadsheets read "£" and "≥". */
const booleanParam = (what: string) =>
  z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true")
    .describe(what);

/** The filter parameters a metric's dimensions allow, in the order the docs list them. */
export function filterParamSchemas(metric: MetricDef): Record<string, z.ZodType> {
  const out: Record<string, z.ZodType> = { from: yearParam("from"), to: yearParam("to") };
  for (const d of metric.dimensions) {
    if (d === "year") continue;
    out[d] = listParam(
      dimensionVocabulary(d),
      d === "council"
        ? "Councils (DfE 3-digit codes, GET /api/v1/councils), comma-separated"
        : `${DIMENSIONS[d].label}: one or more values, comma-separated`,
    );
  }
  for (const e of EXCLUSION_FILTERS) {
    if (!(metric.dimensions as readonly string[]).includes(e.dimension)) continue;
    out[e.key] = listParam(
      e.dimension === "council" ? COUNCIL_CODES : SOURCES.map((s) => s.id),
      `Leave out these ${e.dimension === "council" ? "councils' (DfE codes)" : "sources' (ids)"} rows`,
    );
  }
  return out;
}

/** The metric route's own parameters beside the filters. */
export function metricParamSchemas(metric: MetricDef): Record<string, z.ZodType> {
  return {
    groupBy: z
      .array(z.enum(metric.dimensions as unknown as [string, ...string[]]))
      .max(2)
      .describe("Up to two of the metric's dimensions, comma-separated"),
    adjust: listParam(
      ADJUST_DIMENSIONS.filter((d) => metric.dimensions.includes(d)),
      "Add a like-for-like estimate standardised over these strata (not a grouped dimension)",
    ),
    adjustGroups: listParam(
      [...COMMISSIONING_MODELS, "all"],
      "With adjust, grouped by model: the models compared like for like",
    ),
    format: formatParam(METRIC_FORMATS),
  };
}

const sortParam = (keys: readonly string[], fallback: string) =>
  z
    .enum(keys as [string, ...string[]])
    .default(fallback)
    .describe(`Sort key (default ${fallback})`);

const common = {
  format: formatParam(TABLE_FORMATS),
  bom: booleanParam("With format=csv: start the file with a UTF-8 byte-order mark (for spreadsheets)"),
  q: z.string().trim().max(200).optional().describe("Text search (case-insensitive substring)"),
  dir: z.enum(["asc", "desc"]).default("desc").describe("Sort direction (default desc)"),
};

/** The table routes' own parameters beside the filters, by table. */
export const TABLE_PARAMS: Record<"contracts" | "providers", Record<string, z.ZodType>> = {
  contracts: {
    ...common,
    q: common.q.describe("Text search in title, supplier and buyer (case-insensitive substring)"),
    sort: sortParam(Object.keys(CONTRACT_SORTS), "award_date"),
    includeOutOfScope: booleanParam("Include notices judged not to be children's services (default 0)"),
    flag: z
      .enum(RED_FLAG_IDS)
      .optional()
      .describe("Only contracts carrying this red flag (a reason to look, not a finding; see docs/methods.md)"),
  },
  providers: {
    ...common,
    q: common.q.describe("Text search in URN, owner and provision type (case-insensitive substring)"),
    sort: sortParam(Object.keys(PROVIDER_SORTS), "places"),
    snapshot: z
      .enum(["latest", "all"])
      .default("latest")
      .describe("latest: the latest snapshot among the matches (each provider once); all: every snapshot"),
  },
};
