/**
 * The public, read-only data API under /api/v1 (documented in docs/api.md):
 *   GET /api/v1                    — index of endpoints
 *   GET /api/v1/metrics            — the metric registry with definitions
 *   GET /api/v1/metrics/{metricId} — one metric, grouped and filtered, as JSON or CSV
 *   GET /api/v1/dimensions         — the dimensions and their vocabularies
 *   GET /api/v1/councils           — the 153 councils with codes, region, type and neighbours
 *   GET /api/v1/sources            — the source catalogue, and the files this warehouse was built from
 *   GET /api/v1/contracts, /providers — the whole filtered table as JSON, CSV or XLSX (capped), and …/about
 *
 * Numbers come from the same `compare` query and the same cache entry as the dashboard's
 * `metrics.compare`, so a chart, its CSV and this API cannot disagree. Bad input is a 400
 * naming the parameter and the allowed values; nothing here ever sends a stack trace.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { SOURCES } from "@lens/core";
import { registryCatalogue } from "@lens/queries";
import { clientError, isQueryInputError } from "../error-status.js";
import { openApiDocument } from "../openapi/document.js";
import { queryCaller } from "../query-procedures.js";
import { readBody, SnapshotError, SnapshotStore } from "../snapshots/store.js";
import type { Context } from "../trpc.js";
import { answerNotes, flattenMetricRows, metricCsv } from "./csv.js";
import { contributingSources, describeCouncils, licenceOf, SAMPLE_NOTICE } from "./describe.js";
import { type ParamError, parseMetricQuery, parseTableQuery, TABLE_METRIC, type TableName } from "./params.js";
import { buildOf, tableAboutEndpoint, tableEndpoint } from "./table-download.js";
import { DOWNLOADS_PATH, type DownloadSet, sendDownload, WarehouseDownloads } from "./warehouse-files.js";

export const DATA_API_PREFIX = "/api/v1";
export const SNAPSHOTS_PATH = "/api/v1/snapshots";

/** Longest query string accepted; a longer one is a 414 before any parsing. */
export const MAX_QUERY_LENGTH = 8192;

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, HEAD, OPTIONS",
  "access-control-allow-headers": "content-type",
  "access-control-max-age": "86400",
};

function send(res: ServerResponse, status: number, body: string, contentType: string, extra = {}): void {
  res.writeHead(status, {
    ...CORS,
    "content-type": contentType,
    "cache-control": status === 200 ? "public, max-age=300" : "no-store",
    "x-content-type-options": "nosniff",
    ...extra,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, `${JSON.stringify(body, null, 2)}\n`, "application/json; charset=utf-8");
}

function sendError(res: ServerResponse, status: number, error: ParamError | { message: string }): void {
  sendJson(res, status, { error: { status, ...error } });
}

export function createDataApiHandler(ctx: Context): (req: IncomingMessage, res: ServerResponse) => void {
  const downloads = new WarehouseDownloads(ctx.warehouse);
  const snapshots = SnapshotStore.besideWarehouse(ctx.warehouse.path);
  return (req, res) => {
    handle(ctx, downloads, snapshots, req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof SnapshotError) return sendError(res, error.status, { message: error.message });
      const mapped = clientError(error);
      if (mapped.log) console.error(error);
      sendError(res, mapped.status, {
        ...(isQueryInputError(error) ? { parameter: "query" } : {}),
        message: mapped.message,
      });
    });
  };
}

async function handle(
  ctx: Context,
  downloads: WarehouseDownloads,
  snapshots: SnapshotStore,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  // The one write: the dashboard storing a frozen link's rows (same origin; CORS allows GET only).
  if (req.method === "POST" && (req.url ?? "").replace(/\?.*$/, "").replace(/\/+$/, "") === SNAPSHOTS_PATH) {
    const info = ctx.warehouse.info;
    res.setHeader("x-lens-build", info.buildId);
    if (!/^application\/json\b/.test(req.headers["content-type"] ?? ""))
      return sendError(res, 415, { message: "send the snapshot as application/json" });
    const text = await readBody(req);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return sendError(res, 400, { parameter: "body", message: "not JSON" });
    }
    const snapshot = await snapshots.create(body, { buildId: info.buildId, builtAt: info.builtAt });
    return send(
      res,
      201,
      `${JSON.stringify({ id: snapshot.id, url: `/s/${snapshot.id}`, api: `${SNAPSHOTS_PATH}/${snapshot.id}`, build: buildOf(info) })}\n`,
      "application/json; charset=utf-8",
      { "cache-control": "no-store", location: `${SNAPSHOTS_PATH}/${snapshot.id}` },
    );
  }
  if (req.method === "OPTIONS") {
    res.writeHead(204, CORS);
    res.end();
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    return send(
      res,
      405,
      JSON.stringify({ error: { status: 405, message: "the data API is read-only: use GET" } }),
      "application/json; charset=utf-8",
      {
        allow: "GET, HEAD, OPTIONS",
      },
    );
  }
  const rawUrl = req.url ?? "/";
  const queryStart = rawUrl.indexOf("?");
  if (queryStart >= 0 && rawUrl.length - queryStart > MAX_QUERY_LENGTH)
    return sendError(res, 414, { message: `query string longer than ${MAX_QUERY_LENGTH} characters` });
  let url: URL;
  try {
    url = new URL(rawUrl, "http://localhost");
  } catch {
    return sendError(res, 400, { parameter: "url", message: "malformed URL" });
  }
  const path = url.pathname.replace(/\/+$/, "");
  const rest = path.slice(DATA_API_PREFIX.length);
  // Every answer names the build it came from, errors included.
  const build = ctx.warehouse.info.buildId;
  res.setHeader("x-lens-build", build);

  if (rest === "/downloads" || rest.startsWith("/downloads/")) return downloadsEndpoint(downloads, rest, res);
  if (rest === "/openapi.json") return sendJson(res, 200, openApiDocument());
  const snapshotMatch = /^\/snapshots\/([^/]+)$/.exec(rest);
  if (snapshotMatch) {
    const snapshot = await snapshots.get(snapshotMatch[1]!);
    if (!snapshot) return sendError(res, 404, { message: "no such snapshot" });
    // The stored numbers never change, but `current` (the build served now) does: revalidate.
    return send(
      res,
      200,
      `${JSON.stringify({ ...snapshot, current: buildOf(ctx.warehouse.info) }, null, 2)}\n`,
      "application/json; charset=utf-8",
      {
        "cache-control": "no-cache",
      },
    );
  }

  const table = /^\/(contracts|providers)(\/about)?$/.exec(rest);
  if (table) {
    const name = table[1] as TableName;
    const parsed = parseTableQuery(name, url.searchParams);
    if (!parsed.ok) return sendError(res, 400, parsed.error);
    const headers = { ...CORS, "cache-control": "public, max-age=300", "x-content-type-options": "nosniff" };
    if (table[2]) return tableAboutEndpoint(ctx, parsed.value, url.searchParams, res, headers);
    return tableEndpoint(ctx, parsed.value, url.searchParams, res, headers);
  }

  if (rest === "") return sendJson(res, 200, { ...apiIndex(), build: buildOf(ctx.warehouse.info) });
  const named = { build: buildOf(ctx.warehouse.info) };
  if (rest === "/metrics")
    return sendJson(res, 200, { metrics: CATALOGUE.metrics.map((m) => describeMetric(m.id)), ...named });
  if (rest === "/dimensions") return sendJson(res, 200, { dimensions: CATALOGUE.dimensions, ...named });
  if (rest === "/councils") return sendJson(res, 200, { councils: describeCouncils(), ...named });
  if (rest === "/sources") return sourcesEndpoint(ctx, res);
  const match = /^\/metrics\/([^/]+)$/.exec(rest);
  if (match) {
    let metricId: string;
    try {
      metricId = decodeURIComponent(match[1]!);
    } catch {
      return sendError(res, 400, { parameter: "metricId", message: "malformed metric id" });
    }
    return metricEndpoint(ctx, metricId, url.searchParams, res);
  }
  return sendError(res, 404, {
    message: `no such endpoint: ${rest === "" ? DATA_API_PREFIX : `${DATA_API_PREFIX}${rest}`.slice(0, 200)}`,
  });
}

/** How long GET /api/v1/downloads waits for a build's files before answering "preparing". */
const DOWNLOADS_WAIT_MS = 20_000;

function describeDownloads(set: DownloadSet) {
  return {
    status: "ready" as const,
    build: { id: set.buildId, builtAt: set.builtAt },
    files: set.files.map(({ name, url, bytes, sha256, filename, description }) => ({
      name,
      url,
      bytes,
      sha256,
      filename,
      description,
    })),
    checksums: `${DOWNLOADS_PATH}/SHA256SUMS`,
    tables: set.tables,
  };
}

/**
 * GET /api/v1/downloads (the files with their checksums), …/warehouse.duckdb, …/parquet.zip
 * and …/SHA256SUMS. The files are made on the first request of a build; the index waits a
 * while for them, the files themselves until they are ready.
 */
async function downloadsEndpoint(downloads: WarehouseDownloads, rest: string, res: ServerResponse) {
  const state = downloads.prepare();
  const name = rest.slice("/downloads/".length);
  if (rest === "/downloads") {
    const set = await Promise.race([
      state.ready.catch(() => null),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), DOWNLOADS_WAIT_MS).unref()),
    ]);
    if (!set)
      return send(
        res,
        503,
        `${JSON.stringify({ status: "preparing", build: { id: state.buildId }, message: state.failed ?? "The files for this build are being prepared; try again in a minute." }, null, 2)}\n`,
        "application/json; charset=utf-8",
        { "retry-after": "30" },
      );
    return sendJson(res, 200, describeDownloads(set));
  }
  const set = await state.ready;
  if (name === "SHA256SUMS")
    return send(res, 200, set.files.map((f) => `${f.sha256}  ${f.filename}\n`).join(""), "text/plain; charset=utf-8");
  const file = set.files.find((f) => f.name === name);
  if (!file) return sendError(res, 404, { message: `no such download: ${name.slice(0, 100)}` });
  return sendDownload(res, set, file, { ...CORS, "x-content-type-options": "nosniff" });
}

/** The registry entry of a metric, as GET /api/v1/metrics lists it. */
const CATALOGUE = registryCatalogue();

function describeMetric(id: string) {
  const entry = CATALOGUE.metrics.find((m) => m.id === id);
  return entry ? { ...entry, url: `${DATA_API_PREFIX}/metrics/${id}` } : { id };
}

function apiIndex() {
  return {
    name: "Commissioning Lens data API",
    version: 1,
    documentation: "/api",
    openapi: "/api/v1/openapi.json",
    endpoints: [
      "GET /api/v1/metrics",
      "GET /api/v1/metrics/{metricId}?groupBy=dim1,dim2&{dimension}=value[,value]&from=YYYY&to=YYYY[&adjust=service,source[&adjustGroups=model,model|all]][&excludeCouncils=code][&excludeSources=id][&format=csv]",
      "GET /api/v1/dimensions",
      "GET /api/v1/councils",
      "GET /api/v1/sources",
      ...Object.keys(TABLE_METRIC).flatMap((t) => [
        `GET /api/v1/${t}?{filters as the ${t} metric}&q=&sort=&dir=&format=json|csv|xlsx&bom=1`,
        `GET /api/v1/${t}/about?{same parameters}`,
      ]),
      "GET /api/v1/downloads",
      "GET /api/v1/openapi.json",
    ],
    downloads: {
      index: DOWNLOADS_PATH,
      warehouse: `${DOWNLOADS_PATH}/warehouse.duckdb`,
      parquet: `${DOWNLOADS_PATH}/parquet.zip`,
      checksums: `${DOWNLOADS_PATH}/SHA256SUMS`,
    },
  };
}

/** Every source Lens knows, with publisher, address and licence; `used` is what this build read (same cache entry as meta.sources). */
async function sourcesEndpoint(ctx: Context, res: ServerResponse) {
  const used = await queryCaller(ctx).meta.sources();
  const info = ctx.warehouse.info;
  return sendJson(res, 200, {
    catalogue: SOURCES,
    used,
    sample: info.isSample,
    notice: info.isSample ? SAMPLE_NOTICE : null,
    builtAt: info.builtAt,
    build: buildOf(info),
  });
}

async function metricEndpoint(ctx: Context, metricId: string, params: URLSearchParams, res: ServerResponse) {
  const parsed = parseMetricQuery(metricId, params);
  if (!parsed.ok) return sendError(res, 400, parsed.error);
  const { metric, groupBy, filters, adjust, adjustGroups, format } = parsed.value;
  // The dashboard's own procedure: the same validated input, so both share one cache entry.
  const result = await queryCaller(ctx).metrics.compare({ metric: metric.id, groupBy, filters, adjust, adjustGroups });
  const info = ctx.warehouse.info;
  // Exactly the sources that contributed rows to this answer, so the source line names no other.
  const sources = contributingSources(result.sources, info);
  const licence = licenceOf(sources);
  const flat = flattenMetricRows(result.groupBy, result.rows);
  if (format === "csv") {
    const body = metricCsv({
      metric,
      groupBy: result.groupBy,
      filters,
      rows: flat.rows,
      sources,
      licence,
      info,
      answer: answerNotes(result),
      adjusted: result.adjustedFor.length > 0,
    });
    return send(res, 200, body, "text/csv; charset=utf-8", {
      "content-disposition": `attachment; filename="lens-${metric.id}.csv"`,
    });
  }
  return sendJson(res, 200, {
    metric: describeMetric(metric.id),
    groupBy: result.groupBy,
    filters,
    adjustedFor: result.adjustedFor,
    adjustedGroups: result.adjustedGroups,
    // JSON rows keep the estimate whole under `adjusted`; the flat adjusted_* cells are for CSV.
    rows: flat.rows.map(({ adjusted_value: _v, adjusted_ci_low: _l, adjusted_ci_high: _h, ...row }) => row),
    concentration: result.concentration,
    sentence: result.sentence,
    sources,
    implausible: result.implausible,
    caveats: result.caveats,
    snapshotBias: result.snapshotBias,
    empty: result.empty,
    licence,
    sample: info.isSample,
    notice: info.isSample ? SAMPLE_NOTICE : null,
    builtAt: info.builtAt,
    build: buildOf(info),
  });
}
