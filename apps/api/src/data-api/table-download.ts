/**
 * GET /api/v1/contracts and /api/v1/providers: the whole filtered selection as JSON, CSV or
 * XLSX, and GET …/about: what that download holds (build, selection, row counts, sources,
 * licence, columns). CSV has no `#` lines — its metadata is the about answer, linked from the
 * CSV's `Link: <…/about?…>; rel="describedby"` header, and summed up in `X-Lens-*` headers.
 * JSON and CSV are streamed chunk by chunk; XLSX is written whole (a zip needs its sizes) with
 * the rows on a "Data" sheet and the about answer on an "About" sheet. All three stop at
 * TABLE_ROW_CAP rows and say so.
 */
import type { ServerResponse } from "node:http";
import { BOM, csvLine, workbookSheets } from "@lens/core";
import writeXlsxFile, { type SheetData } from "write-excel-file/node";
import type { Context } from "../trpc.js";
import type { BuildInfo } from "../warehouse-holder.js";
import { filtersText, sourceText } from "./csv.js";
import { licenceOf, SAMPLE_NOTICE, sourcesFor } from "./describe.js";
import type { TableName, TableQuery } from "./params.js";
import { readTable, TABLE_COLUMNS, TABLE_ROW_CAP, type TableRow, tableSql } from "./table-rows.js";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The build an answer came from, as every /api/v1 JSON answer names it. */
export function buildOf(info: BuildInfo) {
  return { id: info.buildId, builtAt: info.builtAt, rulesetVersion: info.rulesetVersion, sample: info.isSample };
}

/** The query string without `format`/`bom`, so the about and the download links name one selection. */
function selectionQuery(params: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const [k, v] of params) if (k !== "format" && k !== "bom") kept.append(k, v);
  const s = kept.toString();
  return s ? `?${s}` : "";
}

export function tableAbout(
  table: TableName,
  query: TableQuery,
  params: URLSearchParams,
  info: BuildInfo,
  total: number,
) {
  const rows = Math.min(total, TABLE_ROW_CAP);
  const truncated = total > TABLE_ROW_CAP;
  const sources = sourcesFor(query.metric, info);
  const selection = selectionQuery(params);
  return {
    title: table === "contracts" ? "Contracts (children's services)" : "Ofsted-registered providers",
    definition: query.metric.definition,
    build: buildOf(info),
    notice: info.isSample ? SAMPLE_NOTICE : null,
    filters: query.filters,
    filtersText: filtersText(query.filters),
    q: query.q ?? null,
    sort: query.sort,
    dir: query.dir,
    ...(table === "contracts" ? { includeOutOfScope: query.includeOutOfScope } : { snapshot: query.snapshot }),
    total,
    rows,
    rowCap: TABLE_ROW_CAP,
    truncated,
    message: truncated
      ? `Truncated: the first ${TABLE_ROW_CAP.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")} rows in this order. Narrow the filters for the rest.`
      : null,
    sources,
    source: sourceText(sources),
    licence: licenceOf(sources),
    columns: Object.entries(TABLE_COLUMNS[table]).map(([key, description]) => ({ key, description })),
    links: {
      json: `/api/v1/${table}${selection}`,
      csv: `/api/v1/${table}${selection}${selection ? "&" : "?"}format=csv&bom=1`,
      xlsx: `/api/v1/${table}${selection}${selection ? "&" : "?"}format=xlsx`,
      about: `/api/v1/${table}/about${selection}`,
    },
  };
}
type About = ReturnType<typeof tableAbout>;

function summaryHeaders(about: About): Record<string, string> {
  return {
    "x-lens-rows": String(about.rows),
    "x-lens-total-rows": String(about.total),
    "x-lens-row-cap": String(about.rowCap),
    "x-lens-truncated": about.truncated ? "true" : "false",
    link: `<${about.links.about}>; rel="describedby"; type="application/json"`,
  };
}

/** GET …/about: the about answer alone (a count, no rows). */
export async function tableAboutEndpoint(
  ctx: Context,
  query: TableQuery,
  params: URLSearchParams,
  res: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  const sql = tableSql(query);
  const { cap: _cap, ...countParams } = sql.params;
  const { total, info } = await ctx.warehouse.use(async (c, info) => {
    const reader = await c.runAndReadAll(sql.count, countParams);
    return { total: Number((reader.getRowObjectsJson()[0] as { total?: number } | undefined)?.total ?? 0), info };
  });
  const about = tableAbout(query.table, query, params, info, total);
  res.writeHead(200, { ...headers, ...summaryHeaders(about), "content-type": "application/json; charset=utf-8" });
  res.end(`${JSON.stringify(about, null, 2)}\n`);
}

/** A list cell (a contract's red flags) is one text cell, its items joined with "; ". */
const flat = (value: unknown) => (Array.isArray(value) ? value.join("; ") : value);
const csvRow = (values: readonly unknown[]) => `${csvLine(values.map(flat))}\r\n`;

export async function tableEndpoint(
  ctx: Context,
  query: TableQuery,
  params: URLSearchParams,
  res: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  const keys = Object.keys(TABLE_COLUMNS[query.table]);
  const filename = `lens-${query.table}`;
  let about: About | null = null;
  const xlsxRows: TableRow[] = [];
  let firstJsonRow = true;

  await ctx.warehouse.use((connection, info) =>
    readTable(
      connection,
      query,
      ctx.warehouse.queryTimeoutMs,
      (total) => {
        about = tableAbout(query.table, query, params, info, total);
        if (query.format === "xlsx") return;
        const base = { ...headers, ...summaryHeaders(about) };
        if (query.format === "csv") {
          res.writeHead(200, {
            ...base,
            "content-type": "text/csv; charset=utf-8",
            "content-disposition": `attachment; filename="${filename}.csv"`,
          });
          res.write(`${query.bom ? BOM : ""}${csvRow(keys)}`);
        } else {
          res.writeHead(200, { ...base, "content-type": "application/json; charset=utf-8" });
          res.write(`{"about":${JSON.stringify(about)},\n"rows":[\n`);
        }
      },
      (rows) => {
        if (query.format === "xlsx") {
          for (const r of rows) xlsxRows.push(r);
          return;
        }
        let out = "";
        for (const r of rows) {
          if (query.format === "csv") out += csvRow(keys.map((k) => r[k]));
          else {
            out += `${firstJsonRow ? "" : ",\n"}${JSON.stringify(r)}`;
            firstJsonRow = false;
          }
        }
        // Not waiting for 'drain' on purpose: the warehouse connection is released as soon as
        // the query is read; the cap bounds what a slow client can leave buffered.
        if (out) res.write(out);
      },
    ),
  );
  if (query.format === "csv") return void res.end();
  if (query.format === "json") return void res.end("\n]}\n");
  const done = about as About | null;
  if (!done) throw new Error("table download finished without a count");
  const buffer = await tableXlsx(keys, xlsxRows, done);
  res.writeHead(200, {
    ...headers,
    ...summaryHeaders(done),
    "content-type": XLSX_TYPE,
    "content-disposition": `attachment; filename="${filename}.xlsx"`,
    "content-length": String(buffer.length),
  });
  res.end(buffer);
}

/** The about answer as (field, value) pairs for the "About" sheet. */
export function aboutSheet(about: About): [string, string][] {
  const entries: [string, string][] = [
    ["Title", about.title],
    ...(about.notice ? ([["Notice", about.notice]] as [string, string][]) : []),
    ["Definition", about.definition],
    ["Filters", about.filtersText],
    ["Search", about.q ?? "none"],
    ["Order", `${about.sort} ${about.dir}`],
    ["Rows", `${about.rows.toLocaleString("en-GB")} of ${about.total.toLocaleString("en-GB")}`],
    ...(about.message ? ([["Truncated", about.message]] as [string, string][]) : []),
    ["Source", about.source],
    ["Licence", about.licence],
    [
      "Build",
      `${about.build.id} (built ${about.build.builtAt ?? "unknown"}, rules ${about.build.rulesetVersion ?? "unknown"})`,
    ],
    ["Same selection", `${about.links.json} (JSON), ${about.links.about} (about)`],
    ...about.columns.map((c): [string, string] => [`Column ${c.key}`, c.description]),
  ];
  return entries;
}

export async function tableXlsx(keys: readonly string[], rows: readonly TableRow[], about: About): Promise<Buffer> {
  const sheets = workbookSheets(
    keys,
    rows.map((r) => keys.map((k) => r[k])),
    aboutSheet(about),
    22,
  );
  return writeXlsxFile(sheets.map((s) => ({ ...s, data: s.data as SheetData }))).toBuffer();
}
