/**
 * searchProviders: Ofsted-registered providers, paged and sortable, with text search on URN,
 * owner and provision type (names of children's homes are redacted by Ofsted), every provider
 * filter, and each row's source (file:line). By default only the latest snapshot among the
 * matching rows is listed, so each provider appears once.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { DimensionId } from "@lens/core";
import { filtersSchema } from "@lens/core";
import { z } from "zod";
import { filtersToSql } from "./compile-metric.js";
import { type RunOptions, runQuery } from "./run.js";
import { containsPattern, type Page, pagingInput } from "./search.js";

export const PROVIDER_SORTS = {
  snapshot_date: "f.snapshot_date",
  places: "f.places",
  inspection_date: "f.inspection_date",
  owner: "lower(f.owner_name)",
  council: "lower(la.name)",
  rating:
    "CASE f.overall_rating WHEN 'Outstanding' THEN 4 WHEN 'Good' THEN 3 WHEN 'Requires improvement' THEN 2 WHEN 'Inadequate' THEN 1 END",
  urn: "f.urn",
} as const;

const PROVIDER_FILTER_DIMENSIONS: readonly DimensionId[] = [
  "sector",
  "provision_type",
  "rating",
  "council",
  "region",
  "council_type",
  "year",
  "source",
];

export const searchProvidersInput = z.object({
  ...pagingInput,
  filters: filtersSchema.default({}),
  sort: z
    .enum(Object.keys(PROVIDER_SORTS) as [keyof typeof PROVIDER_SORTS, ...(keyof typeof PROVIDER_SORTS)[]])
    .default("places"),
  snapshot: z.enum(["latest", "all"]).default("latest"),
});
export type SearchProvidersInput = z.input<typeof searchProvidersInput>;

export interface ProviderRow {
  urn: string;
  snapshotDate: string;
  year: number;
  provisionType: string | null;
  sector: string | null;
  laCode: string | null;
  councilName: string | null;
  places: number | null;
  registrationStatus: string | null;
  overallRating: string | null;
  overallRatingOriginal: string | null;
  inspectionDate: string | null;
  ownerName: string | null;
  source: string;
  sourceFile: string;
  sourceLine: number | null;
  sourceLink: string;
}

export async function searchProviders(
  connection: DuckDBConnection,
  input: SearchProvidersInput,
  options: RunOptions = {},
): Promise<Page<ProviderRow>> {
  const p = searchProvidersInput.parse(input);
  const { clauses, params } = filtersToSql("provider_snapshots", PROVIDER_FILTER_DIMENSIONS, p.filters);
  if (p.q) {
    clauses.push(
      "(f.urn ILIKE $q ESCAPE '\\' OR f.owner_name ILIKE $q ESCAPE '\\' OR f.provision_type ILIKE $q ESCAPE '\\')",
    );
    params.q = containsPattern(p.q);
  }
  const where = clauses.length > 0 ? `WHERE ${clauses.join(" AND ")}` : "";
  const matching = `m AS (
  SELECT f.*, la.name AS council_name, ${PROVIDER_SORTS[p.sort]} AS sort_key, max(f.snapshot_date) OVER () AS latest
  FROM provider_snapshots f LEFT JOIN local_authorities la ON la.la_code = f.la_code
  ${where}
), shown AS (SELECT * FROM m ${p.snapshot === "latest" ? "WHERE snapshot_date = latest" : ""})`;
  const [count] = await runQuery<{ total: number }>(
    connection,
    { sql: `WITH ${matching} SELECT count(*)::INTEGER AS total FROM shown`, params },
    options,
  );
  const total = count?.total ?? 0;
  const rows = await runQuery<ProviderRow>(
    connection,
    {
      sql: `WITH ${matching}
SELECT urn, CAST(snapshot_date AS VARCHAR) AS "snapshotDate", year::INTEGER AS year, provision_type AS "provisionType",
  sector, la_code AS "laCode", council_name AS "councilName", places::INTEGER AS places,
  registration_status AS "registrationStatus", overall_rating AS "overallRating",
  overall_rating_original AS "overallRatingOriginal", CAST(inspection_date AS VARCHAR) AS "inspectionDate",
  owner_name AS "ownerName", source, source_file AS "sourceFile", source_line::INTEGER AS "sourceLine",
  source_file || coalesce(':' || source_line, '') AS "sourceLink"
FROM shown
ORDER BY sort_key ${p.dir === "asc" ? "ASC" : "DESC"} NULLS LAST, urn, snapshot_date DESC
LIMIT $limit OFFSET $offset`,
      params: { ...params, limit: p.pageSize, offset: (p.page - 1) * p.pageSize },
    },
    options,
  );
  return { rows, total, page: p.page, pageSize: p.pageSize, pages: Math.ceil(total / p.pageSize) };
}
