/**
 * searchContracts: the contracts behind any number, paged and sortable, with text search on
 * title, supplier and buyer (not the long descriptions: scanning them made search slower than
 * SQLite), every contract filter, and each row's source link (the notice URL, else file:line).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { type DimensionId, filtersSchema, METRICS, RED_FLAG_IDS } from "@lens/core";
import { z } from "zod";
import { filtersToSql } from "./compile-metric.js";
import { RED_FLAG_SQL, RED_FLAGS_LIST_SQL } from "./red-flag-sql.js";
import { type RunOptions, runQuery } from "./run.js";
import { type Page, pagingInput } from "./search.js";

/** Allow-listed sort keys → fixed SQL. */
export const CONTRACT_SORTS = {
  award_date: "coalesce(f.award_date, f.start_date)",
  value: "f.value_gbp",
  annual_value: "f.annual_value_gbp",
  duration: "f.duration_months",
  supplier: "lower(f.supplier_name)",
  buyer: "lower(coalesce(la.name, f.buyer_name))",
  title: "lower(f.title)",
  tenderers: "f.number_of_tenderers",
} as const;

const CONTRACT_FILTER_DIMENSIONS: readonly DimensionId[] = METRICS.find((m) => m.id === "contracts")!.dimensions;

export const searchContractsInput = z.object({
  ...pagingInput,
  filters: filtersSchema.default({}),
  sort: z
    .enum(Object.keys(CONTRACT_SORTS) as [keyof typeof CONTRACT_SORTS, ...(keyof typeof CONTRACT_SORTS)[]])
    .default("award_date"),
  /** Notices judged not to be children's services are hidden unless asked for. */
  includeOutOfScope: z.boolean().default(false),
  /** Only contracts carrying this red flag (a reason to look, see @lens/core red-flags.ts). */
  flag: z.enum(RED_FLAG_IDS).optional(),
});
export type SearchContractsInput = z.input<typeof searchContractsInput>;

export interface ContractRow {
  contractId: string;
  source: string;
  ocid: string | null;
  title: string | null;
  buyerName: string | null;
  laCode: string | null;
  councilName: string | null;
  supplierName: string | null;
  supplierOwnership: string | null;
  /** A self-declared flag that disagrees with the evidence that decided ownership (shown, not hidden). */
  ownershipConflict: string | null;
  /** The supplier field is a placeholder ("TBC", "Various …"): not an award to anyone. */
  supplierIsPlaceholder: boolean | null;
  buyerKind: string | null;
  commissioningModel: string | null;
  modelReason: string | null;
  serviceReason: string | null;
  scopeReason: string | null;
  procedureType: string | null;
  service: string | null;
  valueGbp: number | null;
  annualValueGbp: number | null;
  durationMonths: number | null;
  startDate: string | null;
  endDate: string | null;
  awardDate: string | null;
  numberOfTenderers: number | null;
  /** Why the build flagged its value or period implausible (kept, left out of medians), else null. */
  valueFlag: string | null;
  year: number | null;
  inScope: boolean | null;
  noticeUrl: string | null;
  sourceFile: string;
  sourceLine: number | null;
  /** Where to check this row: the notice URL, else "file:line". */
  sourceLink: string;
  /** The red flags it carries (reasons to look, not verdicts), in the registry's order. */
  redFlags: string[];
}

/**
 * The WHERE clauses of a contracts search — filters, scope, text and red flag — shared by the
 * page of rows and the red-flag counts, so both describe the same selection.
 */
export function contractClauses(p: {
  filters: z.output<typeof filtersSchema>;
  includeOutOfScope: boolean;
  q?: string | undefined;
  flag?: (typeof RED_FLAG_IDS)[number] | undefined;
}): ReturnType<typeof filtersToSql> {
  const { clauses, params } = filtersToSql("contracts", CONTRACT_FILTER_DIMENSIONS, p.filters);
  if (!p.includeOutOfScope) clauses.push("f.in_scope");
  if (p.q) {
    // A case-insensitive substring match, as `ILIKE '%q%'` with its wildcards escaped, but
    // with nothing to escape; lower() is the folding ILIKE applies, and DuckDB runs it once per
    // dictionary entry of these low-variety columns rather than once per row.
    clauses.push(
      "(contains(lower(f.title), lower($q)) OR contains(lower(f.supplier_name), lower($q)) OR contains(lower(f.buyer_name), lower($q)))",
    );
    params.q = p.q;
  }
  // The flag's id is one of the registry's (zod checked it): its SQL is a fixed string.
  if (p.flag) clauses.push(`coalesce(${RED_FLAG_SQL[p.flag].condition}, false)`);
  return { clauses, params };
}

/**
 * The FROM of a contracts selection: councils are joined in only where a clause (filter or sort)
 * reads them — la_code is their key, so the join never changes which contracts match.
 */
export function contractsFrom(sqlParts: readonly string[]): string {
  const needsCouncil = sqlParts.some((sql) => /\bla\./.test(sql));
  return `contracts f${needsCouncil ? " LEFT JOIN local_authorities la ON la.la_code = f.la_code" : ""}`;
}

export async function searchContracts(
  connection: DuckDBConnection,
  input: SearchContractsInput,
  options: RunOptions = {},
): Promise<Page<ContractRow>> {
  const p = searchContractsInput.parse(input);
  const { clauses, params } = contractClauses(p);
  const where = clauses.length > 0 ? `WHERE ${clauses.join(" AND ")}` : "";
  const sortKey = CONTRACT_SORTS[p.sort];
  const dir = p.dir === "asc" ? "ASC" : "DESC";
  const from = contractsFrom([...clauses, sortKey]);
  // The matches are found once, keeping only their row id and sort key; the total counts them.
  // Ties are broken by contract_id, a long string too costly to read for every match, so it is
  // read only for the candidates: the matches sorting before, or level with, the key of the
  // page's last row (`edge`, a top-N on the key alone). No other match can reach the page, so
  // the page is exactly that of sorting every match by (key, contract_id). If the matches run
  // out first, or the edge is NULL (sorted last), every match is a candidate. The candidates
  // are materialized first, so the join that reads their contract_id is built on them alone
  // (on the 1M sample a first page takes half the time; deep pages and big ties about the same).
  // Then just the page's rows are read in full.
  const beforeOrTie = p.dir === "asc" ? "<=" : ">=";
  const rows = await runQuery<ContractRow & { total?: number }>(
    connection,
    {
      sql: `WITH hits AS MATERIALIZED (SELECT f.rowid AS rid, ${sortKey} AS k FROM ${from} ${where}),
edge AS (SELECT k FROM hits ORDER BY k ${dir} NULLS LAST LIMIT 1 OFFSET $last),
cand AS MATERIALIZED (SELECT rid, k FROM hits WHERE (SELECT k FROM edge) IS NULL OR k ${beforeOrTie} (SELECT k FROM edge)),
page AS (SELECT c.rid FROM cand c JOIN contracts f ON f.rowid = c.rid
  ORDER BY c.k ${dir} NULLS LAST, f.contract_id LIMIT $limit OFFSET $offset)
SELECT f.contract_id AS "contractId", f.source, f.ocid, f.title, f.buyer_name AS "buyerName",
  f.la_code AS "laCode", la.name AS "councilName", f.supplier_name AS "supplierName",
  f.supplier_ownership AS "supplierOwnership", f.ownership_conflict AS "ownershipConflict",
  f.supplier_is_placeholder AS "supplierIsPlaceholder", f.buyer_kind AS "buyerKind",
  f.commissioning_model AS "commissioningModel", f.model_reason AS "modelReason",
  f.service_reason AS "serviceReason", f.scope_reason AS "scopeReason", f.procedure_type AS "procedureType", f.service,
  f.value_gbp::DOUBLE AS "valueGbp", f.annual_value_gbp::DOUBLE AS "annualValueGbp",
  f.duration_months::DOUBLE AS "durationMonths", CAST(f.start_date AS VARCHAR) AS "startDate",
  CAST(f.end_date AS VARCHAR) AS "endDate", CAST(f.award_date AS VARCHAR) AS "awardDate",
  f.number_of_tenderers::INTEGER AS "numberOfTenderers", f.value_flag AS "valueFlag", f.year::INTEGER AS year, f.in_scope AS "inScope",
  f.notice_url AS "noticeUrl", f.source_file AS "sourceFile", f.source_line::INTEGER AS "sourceLine",
  coalesce(f.notice_url, f.source_file || coalesce(':' || f.source_line, '')) AS "sourceLink",
  ${RED_FLAGS_LIST_SQL} AS "redFlags",
  (SELECT count(*) FROM hits)::INTEGER AS total
FROM page JOIN contracts f ON f.rowid = page.rid LEFT JOIN local_authorities la ON la.la_code = f.la_code
ORDER BY ${sortKey} ${dir} NULLS LAST, f.contract_id`,
      params: { ...params, limit: p.pageSize, offset: (p.page - 1) * p.pageSize, last: p.page * p.pageSize - 1 },
    },
    options,
  );
  let total = rows[0]?.total;
  if (total === undefined) {
    const [count] = await runQuery<{ total: number }>(
      connection,
      { sql: `SELECT count(*)::INTEGER AS total FROM ${from} ${where}`, params },
      options,
    );
    total = count?.total ?? 0;
  }
  for (const row of rows) delete row.total;
  return { rows, total, page: p.page, pageSize: p.pageSize, pages: Math.ceil(total / p.pageSize) };
}
