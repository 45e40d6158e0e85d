/**
 * The whole filtered selection of contracts or providers, for downloads: the same columns,
 * filters, text search and order as `contracts.search` / `providers.search` (packages/queries),
 * read in DuckDB chunks rather than pages of 100, and capped at TABLE_ROW_CAP rows.
 * The count comes first (same generation, same bound parameters), so the answer can say in its
 * headers whether the cap was hit before the first row is sent.
 */
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import {
  CONTRACT_SORTS,
  contractClauses,
  filtersToSql,
  PROVIDER_SORTS,
  RED_FLAGS_LIST_SQL,
  withTimeout,
} from "@lens/queries";
import type { TableQuery } from "./params.js";

/** Most rows one download holds; more is a truncated answer that says so (header and about). */
export const TABLE_ROW_CAP = 100_000;

const CONTRACT_COLUMNS = `f.contract_id AS "contractId", f.source, f.ocid, f.title, f.buyer_name AS "buyerName",
  f.la_code AS "laCode", la.name AS "councilName", f.supplier_name AS "supplierName",
  f.supplier_ownership AS "supplierOwnership", f.ownership_conflict AS "ownershipConflict",
  f.supplier_is_placeholder AS "supplierIsPlaceholder", f.buyer_kind AS "buyerKind",
  f.commissioning_model AS "commissioningModel", f.model_reason AS "modelReason",
  f.service_reason AS "serviceReason", f.scope_reason AS "scopeReason", f.procedure_type AS "procedureType", f.service,
  f.value_gbp::DOUBLE AS "valueGbp", f.annual_value_gbp::DOUBLE AS "annualValueGbp",
  f.duration_months::DOUBLE AS "durationMonths", CAST(f.start_date AS VARCHAR) AS "startDate",
  CAST(f.end_date AS VARCHAR) AS "endDate", CAST(f.award_date AS VARCHAR) AS "awardDate",
  f.number_of_tenderers::INTEGER AS "numberOfTenderers", f.value_flag AS "valueFlag", f.year::INTEGER AS year,
  f.in_scope AS "inScope", f.notice_url AS "noticeUrl", f.source_file AS "sourceFile",
  f.source_line::INTEGER AS "sourceLine", coalesce(f.notice_url, f.source_file || coalesce(':' || f.source_line, '')) AS "sourceLink",
  ${RED_FLAGS_LIST_SQL} AS "redFlags"`;

const PROVIDER_COLUMNS = `f.urn, CAST(f.snapshot_date AS VARCHAR) AS "snapshotDate", f.year::INTEGER AS year,
  f.provision_type AS "provisionType", f.sector, f.la_code AS "laCode", f.council_name AS "councilName",
  f.places::INTEGER AS places, f.registration_status AS "registrationStatus", f.overall_rating AS "overallRating",
  f.overall_rating_original AS "overallRatingOriginal", CAST(f.inspection_date AS VARCHAR) AS "inspectionDate",
  f.owner_name AS "ownerName", f.source, f.source_file AS "sourceFile", f.source_line::INTEGER AS "sourceLine",
  f.source_file || coalesce(':' || f.source_line, '') AS "sourceLink"`;

/** What each column holds, for the about sheet and the OpenAPI document. */
export const TABLE_COLUMNS: Record<TableQuery["table"], Record<string, string>> = {
  contracts: {
    contractId: "Lens's id of the contract (source + notice id)",
    source: "Source id (GET /api/v1/sources)",
    ocid: "Open Contracting id, where the notice has one",
    title: "Notice title as published",
    buyerName: "Buyer as published",
    laCode: "DfE code of the council the buyer was matched to",
    councilName: "That council's name",
    supplierName: "Supplier as published",
    supplierOwnership: "Supplier ownership as classified (for-profit, voluntary, public, …)",
    ownershipConflict: "A self-declared flag that disagrees with the evidence that decided ownership",
    supplierIsPlaceholder: "The supplier field is a placeholder (TBC, Various …)",
    buyerKind: "Kind of buyer",
    commissioningModel: "Commissioning model as classified",
    modelReason: "Why that model (rule and evidence)",
    serviceReason: "Why that service",
    scopeReason: "Why in or out of scope",
    procedureType: "Procurement procedure",
    service: "Children's service",
    valueGbp: "Contract value, £",
    annualValueGbp: "Value per year, £",
    durationMonths: "Duration in months",
    startDate: "Start date",
    endDate: "End date",
    awardDate: "Award date",
    numberOfTenderers: "Number of tenderers, where published",
    valueFlag: "Why the build flagged the value or period implausible (kept, left out of medians); empty if not",
    year: "Year the contract is counted in",
    inScope: "Judged a children's service",
    noticeUrl: "The published notice",
    sourceFile: "File the row was read from",
    sourceLine: "Line in that file",
    sourceLink: "Where to check the row: the notice URL, else file:line",
    redFlags:
      "Red flags the contract carries (reasons to look, not findings; docs/methods.md), '; '-separated in CSV and XLSX",
  },
  providers: {
    urn: "Ofsted unique reference number",
    snapshotDate: "Date of the Ofsted snapshot the row is from",
    year: "Year of that snapshot",
    provisionType: "Provision type",
    sector: "Provider sector (Local authority, Private, Voluntary, Health authority)",
    laCode: "DfE code of the council area",
    councilName: "That council's name",
    places: "Registered places",
    registrationStatus: "Registration status",
    overallRating: "Overall effectiveness, normalised",
    overallRatingOriginal: "Overall effectiveness as published",
    inspectionDate: "Date of that inspection",
    ownerName: "Owner as published",
    source: "Source id (GET /api/v1/sources)",
    sourceFile: "File the row was read from",
    sourceLine: "Line in that file",
    sourceLink: "Where to check the row: file:line",
  },
};

export interface TableSql {
  count: string;
  rows: string;
  params: Record<string, DuckDBValue>;
}

/** The count and the rows of a table query, every value a bound parameter, sort keys from the allow-lists. */
export function tableSql(query: TableQuery): TableSql {
  const dir = query.dir === "asc" ? "ASC" : "DESC";
  if (query.table === "contracts") {
    // The same selection as the Contracts page's search (filters, scope, text, red flag).
    const { clauses, params } = contractClauses(query);
    const where = clauses.length > 0 ? `WHERE ${clauses.join(" AND ")}` : "";
    const from = "contracts f LEFT JOIN local_authorities la ON la.la_code = f.la_code";
    const sortKey = CONTRACT_SORTS[query.sort as keyof typeof CONTRACT_SORTS];
    return {
      count: `SELECT count(*)::INTEGER AS total FROM ${from} ${where}`,
      rows: `SELECT ${CONTRACT_COLUMNS} FROM ${from} ${where} ORDER BY ${sortKey} ${dir} NULLS LAST, f.contract_id LIMIT $cap`,
      params: { ...params, cap: TABLE_ROW_CAP },
    };
  }
  const { clauses, params } = filtersToSql("provider_snapshots", query.metric.dimensions, query.filters);
  if (query.q) {
    clauses.push(
      "(f.urn ILIKE $q ESCAPE '\\' OR f.owner_name ILIKE $q ESCAPE '\\' OR f.provision_type ILIKE $q ESCAPE '\\')",
    );
    params.q = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  const where = clauses.length > 0 ? `WHERE ${clauses.join(" AND ")}` : "";
  // The sort keys name la.name; here the council's name is a column of the matches.
  const sortKey = PROVIDER_SORTS[query.sort as keyof typeof PROVIDER_SORTS].replace("la.name", "f.council_name");
  // As providers.search: the latest snapshot among the matching rows unless every one is asked for.
  const matching = `m AS (SELECT f.*, la.name AS council_name, max(f.snapshot_date) OVER () AS latest
  FROM provider_snapshots f LEFT JOIN local_authorities la ON la.la_code = f.la_code ${where}),
shown AS (SELECT * FROM m ${query.snapshot === "latest" ? "WHERE snapshot_date = latest" : ""})`;
  return {
    count: `WITH ${matching} SELECT count(*)::INTEGER AS total FROM shown`,
    rows: `WITH ${matching} SELECT ${PROVIDER_COLUMNS} FROM shown f
ORDER BY ${sortKey} ${dir} NULLS LAST, f.urn, f.snapshot_date DESC LIMIT $cap`,
    params: { ...params, cap: TABLE_ROW_CAP },
  };
}

export type TableRow = Record<string, string | number | boolean | null>;

/**
 * Counts the selection, then hands its rows to `onRows` chunk by chunk (about 2,048 a chunk)
 * as DuckDB produces them. `onRows` must not wait on the client: the connection is held until
 * the last chunk, so a slow download buffers in the socket rather than blocking queries.
 */
export async function readTable(
  connection: DuckDBConnection,
  query: TableQuery,
  timeoutMs: number,
  onStart: (total: number) => void,
  onRows: (rows: TableRow[]) => void,
): Promise<{ total: number; rows: number }> {
  const sql = tableSql(query);
  const { cap, ...countParams } = sql.params;
  return withTimeout(
    connection,
    async () => {
      const countReader = await connection.runAndReadAll(sql.count, countParams);
      const total = Number((countReader.getRowObjectsJson()[0] as { total?: number } | undefined)?.total ?? 0);
      onStart(total);
      const result = await connection.stream(sql.rows, sql.params);
      let rows = 0;
      for await (const chunk of result.yieldRowObjectJson()) {
        rows += chunk.length;
        onRows(chunk as TableRow[]);
      }
      return { total, rows };
    },
    timeoutMs,
  );
}
