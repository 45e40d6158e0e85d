/**
 * The OpenAPI 3.1 document of the public data API, served at /api/v1/openapi.json and drawn as
 * the reference page at /api. The query parameters are generated with `z.toJSONSchema` from the
 * zod schemas in data-api/query-schemas.ts — the ones the parser checks values against — so
 * the contract lists exactly the values the server accepts. A test validates the document as
 * OpenAPI 3.1 and checks every route of the handler is in it.
 */
import { DIMENSION_IDS, METRIC_IDS, METRICS } from "@lens/core";
import { z } from "zod";
import {
  filterParamSchemas,
  METRIC_FORMATS,
  metricParamSchemas,
  TABLE_FORMATS,
  TABLE_PARAMS,
} from "../data-api/query-schemas.js";
import { DATA_API_ROUTES } from "../data-api/routes.js";
import { TABLE_COLUMNS, TABLE_ROW_CAP } from "../data-api/table-rows.js";

type Json = Record<string, unknown>;

/** A zod schema as the JSON Schema (2020-12, OpenAPI 3.1's dialect) of a query value. */
function jsonSchemaOf(schema: z.ZodType): Json {
  const {
    $schema: _drop,
    description: _d,
    ...rest
  } = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
  }) as Json;
  return rest;
}

function queryParameter(name: string, schema: z.ZodType, extra: Json = {}): Json {
  const json = jsonSchemaOf(schema);
  return {
    name,
    in: "query",
    required: false,
    description: schema.description ?? name,
    schema: json,
    // Lists are comma-separated: `region=London,North%20East`.
    ...(json.type === "array" ? { style: "form", explode: false } : {}),
    ...extra,
  };
}

const parametersOf = (schemas: Record<string, z.ZodType>) =>
  Object.entries(schemas).map(([name, schema]) => queryParameter(name, schema));

/** The metric route's parameters over every metric: each filter says which metrics have it. */
function metricParameters(): Json[] {
  const merged = new Map<string, { schema: z.ZodType; metrics: string[] }>();
  for (const metric of METRICS)
    for (const [name, schema] of Object.entries({ ...metricParamSchemas(metric), ...filterParamSchemas(metric) })) {
      const seen = merged.get(name);
      if (seen) seen.metrics.push(metric.id);
      else merged.set(name, { schema, metrics: [metric.id] });
    }
  return [...merged].map(([name, { schema, metrics }]) => {
    const all = metrics.length === METRICS.length;
    const base = queryParameter(name, name === "groupBy" ? groupByAny : schema);
    return all
      ? base
      : { ...base, description: `${base.description}. Only for metrics: ${metrics.join(", ")} (a 400 for others)` };
  });
}
const groupByAny = z
  .array(z.enum(DIMENSION_IDS as unknown as [string, ...string[]]))
  .max(2)
  .describe("Up to two of the metric's dimensions (GET /api/v1/metrics lists each metric's), comma-separated");

const json = (description: string, schema: Json = { type: "object" }) => ({
  description,
  content: { "application/json": { schema } },
});
const ERROR = { $ref: "#/components/responses/Error" };

const BUILD_HEADER = {
  "X-Lens-Build": {
    description: "The warehouse build the answer came from",
    schema: { type: "string" },
  },
};
const TABLE_HEADERS = {
  ...BUILD_HEADER,
  "X-Lens-Total-Rows": { description: "Rows in the selection", schema: { type: "integer" } },
  "X-Lens-Rows": { description: `Rows in this answer (at most ${TABLE_ROW_CAP})`, schema: { type: "integer" } },
  "X-Lens-Row-Cap": { description: "The cap", schema: { type: "integer" } },
  "X-Lens-Truncated": { description: "true when the cap was hit", schema: { type: "string", enum: ["true", "false"] } },
  Link: { description: 'The about answer of the same selection, rel="describedby"', schema: { type: "string" } },
};

function tableOperation(table: "contracts" | "providers") {
  const row = {
    type: "object",
    properties: Object.fromEntries(Object.entries(TABLE_COLUMNS[table]).map(([k, d]) => [k, { description: d }])),
  };
  return {
    get: {
      operationId: `${table}Table`,
      summary: `The whole filtered ${table} table (capped at ${TABLE_ROW_CAP.toLocaleString("en-GB")} rows)`,
      description: `Every row of the selection in the table's order, as ${TABLE_FORMATS.join(", ")}. The filters are those of the '${table}' metric. CSV has no # lines: its metadata is GET /api/v1/${table}/about with the same parameters.`,
      tags: ["tables"],
      parameters: [
        ...parametersOf(TABLE_PARAMS[table]),
        ...parametersOf(filterParamSchemas(METRICS.find((m) => m.id === table)!)),
      ],
      responses: {
        "200": {
          description: "The rows",
          headers: TABLE_HEADERS,
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: { about: { $ref: "#/components/schemas/TableAbout" }, rows: { type: "array", items: row } },
              },
            },
            "text/csv": { schema: { type: "string" } },
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
              schema: { type: "string", contentMediaType: "application/octet-stream" },
            },
          },
        },
        "400": ERROR,
      },
    },
  };
}

function aboutOperation(table: "contracts" | "providers") {
  return {
    get: {
      operationId: `${table}About`,
      summary: `What GET /api/v1/${table} with these parameters holds, without the rows`,
      tags: ["tables"],
      parameters: [
        ...parametersOf(TABLE_PARAMS[table]),
        ...parametersOf(filterParamSchemas(METRICS.find((m) => m.id === table)!)),
      ],
      responses: {
        "200": { ...json("The about answer", { $ref: "#/components/schemas/TableAbout" }), headers: TABLE_HEADERS },
        "400": ERROR,
      },
    },
  };
}

const simple = (operationId: string, summary: string, tag: string) => ({
  get: { operationId, summary, tags: [tag], responses: { "200": { ...json(summary), headers: BUILD_HEADER } } },
});

/** The paths, keyed as DATA_API_ROUTES names them. */
function paths(): Record<string, Json> {
  return {
    "/api/v1": simple("index", "The endpoints, the downloads and the build", "meta"),
    "/api/v1/openapi.json": simple("openapi", "This document", "meta"),
    "/api/v1/metrics": simple("metrics", "The metric registry with definitions", "metrics"),
    "/api/v1/metrics/{metricId}": {
      get: {
        operationId: "metric",
        summary: "One metric, grouped and filtered",
        tags: ["metrics"],
        parameters: [
          {
            name: "metricId",
            in: "path",
            required: true,
            description: "A metric id (GET /api/v1/metrics)",
            schema: { type: "string", enum: [...METRIC_IDS] },
          },
          ...metricParameters(),
        ],
        responses: {
          "200": {
            description: `The grouped rows with sources, licence, caveats and build (${METRIC_FORMATS.join(" or ")})`,
            headers: BUILD_HEADER,
            content: { "application/json": { schema: { type: "object" } }, "text/csv": { schema: { type: "string" } } },
          },
          "400": ERROR,
        },
      },
    },
    "/api/v1/dimensions": simple("dimensions", "The dimensions and their vocabularies", "metrics"),
    "/api/v1/councils": simple("councils", "The 153 councils with codes, region, type and neighbours", "metrics"),
    "/api/v1/sources": simple("sources", "The source catalogue and the files this build read", "metrics"),
    "/api/v1/contracts": tableOperation("contracts"),
    "/api/v1/contracts/about": aboutOperation("contracts"),
    "/api/v1/providers": tableOperation("providers"),
    "/api/v1/providers/about": aboutOperation("providers"),
    "/api/v1/downloads": {
      get: {
        operationId: "downloads",
        summary: "The warehouse (.duckdb) and a Parquet zip of this build, with SHA-256 checksums",
        description: "Made once per build on first request; 503 with Retry-After while they are being made.",
        tags: ["downloads"],
        responses: {
          "200": { ...json("The files"), headers: BUILD_HEADER },
          "503": json("Still being prepared"),
        },
      },
    },
    "/api/v1/downloads/{file}": {
      get: {
        operationId: "downloadFile",
        summary: "One of the files, or the SHA256SUMS list",
        tags: ["downloads"],
        parameters: [
          {
            name: "file",
            in: "path",
            required: true,
            description: "Which file",
            schema: { type: "string", enum: ["warehouse.duckdb", "parquet.zip", "SHA256SUMS"] },
          },
        ],
        responses: {
          "200": {
            description: "The file; X-Lens-Sha256 and Repr-Digest carry its checksum",
            headers: { ...BUILD_HEADER, "X-Lens-Sha256": { schema: { type: "string" } } },
            content: {
              "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } },
            },
          },
          "404": ERROR,
        },
      },
    },
    "/api/v1/snapshots/{id}": {
      get: {
        operationId: "snapshot",
        summary: "A stored citation: the rows and metadata of a chart as they were when its frozen link was made",
        tags: ["snapshots"],
        parameters: [
          {
            name: "id",
            in: "path",
            required: true,
            description: "Short id",
            schema: { type: "string", pattern: "^[A-Za-z0-9_-]{6,32}$" },
          },
        ],
        responses: { "200": { ...json("The snapshot"), headers: BUILD_HEADER }, "404": ERROR },
      },
    },
    "/api/v1/snapshots": {
      post: {
        operationId: "createSnapshot",
        summary: "Store a chart's rows and metadata under a short id (the dashboard's frozen links)",
        tags: ["snapshots"],
        requestBody: { required: true, content: { "application/json": { schema: { type: "object" } } } },
        responses: { "201": json("The id and the /s/{id} link"), "400": ERROR, "413": ERROR },
      },
    },
  };
}

let cached: Json | null = null;

export function openApiDocument(): Json {
  cached ??= {
    openapi: "3.1.0",
    info: {
      title: "Commissioning Lens data API",
      version: "1",
      summary: "Children's services commissioning in England: metrics, contracts, providers and the warehouse",
      description:
        "Read-only (GET, HEAD, OPTIONS; CORS open), except POST /api/v1/snapshots. Every answer names its build in X-Lens-Build (and a build field in JSON). Bad input is a 400 naming the parameter and the allowed values.",
      license: { name: "Open Government Licence v3.0 (the data); see each answer's licence" },
    },
    servers: [{ url: "/" }],
    tags: [{ name: "meta" }, { name: "metrics" }, { name: "tables" }, { name: "downloads" }, { name: "snapshots" }],
    paths: paths(),
    components: {
      responses: {
        Error: json("Bad input or not found", {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["status", "message"],
              properties: {
                status: { type: "integer" },
                parameter: { type: "string" },
                message: { type: "string" },
                allowed: { type: "array", items: { type: ["string", "number"] } },
              },
            },
          },
        }),
      },
      schemas: {
        TableAbout: {
          type: "object",
          required: ["build", "total", "rows", "rowCap", "truncated"],
          properties: {
            title: { type: "string" },
            build: { type: "object", properties: { id: { type: "string" }, builtAt: { type: ["string", "null"] } } },
            total: { type: "integer" },
            rows: { type: "integer" },
            rowCap: { type: "integer", const: TABLE_ROW_CAP },
            truncated: { type: "boolean" },
            message: { type: ["string", "null"] },
            licence: { type: "string" },
            columns: { type: "array", items: { type: "object" } },
            links: { type: "object" },
          },
        },
      },
    },
  };
  return cached;
}

/** Keeps the routes list and the document from drifting: the paths of the document. */
export const documentPaths = (): string[] => Object.keys(openApiDocument().paths as Json);
export { DATA_API_ROUTES };
