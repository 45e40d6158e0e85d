/**
 * OCDS releases → contracts, with DuckDB's JSON reader doing the heavy lifting (a
 * million-release file must load in seconds). Releases are merged per ocid (the latest
 * `date` wins, so amendments and award updates replace what they amend); the latest
 * release yields one row per award and supplier. An award naming several suppliers keeps
 * its single value on every row, flagged `value_is_shared`, because OCDS does not say how
 * it splits. Every release is accounted for: kept, or rejected as superseded or award-less.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { councilCodeForName, isChildrensNotice } from "@lens/core";
import { queryRows } from "../query.js";

/** Months between two ISO dates, to one decimal (30.4375-day months). */
export const DURATION_MONTHS_SQL = (start: string, end: string) =>
  `CASE WHEN ${start} IS NOT NULL AND ${end} IS NOT NULL AND ${end} >= ${start}
        THEN round(date_diff('day', ${start}, ${end}) / 30.4375, 1) END`;

/**
 * Loads one view `ocds_release_lines(line, json)` into contracts. The caller creates the view
 * from a JSON-lines file or from release packages; `sourceId` and `sourceFile` label rows.
 */
export async function insertContractsFromReleases(
  connection: DuckDBConnection,
  opts: { sourceId: string; sourceFile: string; noticeUrlPrefix: string | null },
): Promise<{ read: number; kept: number; rejects: { line: number; reason: string }[] }> {
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE ocds_latest AS
    SELECT line, json->>'ocid' AS ocid, json
    FROM ocds_release_lines
    QUALIFY row_number() OVER (PARTITION BY json->>'ocid' ORDER BY json->>'date' DESC, line DESC) = 1`);
  await connection.run(
    `
    CREATE OR REPLACE TEMP TABLE ocds_rows AS
    WITH aw AS (
      SELECT line, ocid, json, unnest(json_extract(json, '$.awards[*]')) AS award FROM ocds_latest
    ), sup AS (
      SELECT line, ocid, json, award,
             unnest(range(coalesce(json_array_length(award, '$.suppliers'), 0)::INTEGER)) AS si
      FROM aw
    ), s AS (
      SELECT *, json_extract(award, '$.suppliers[' || si || ']') AS supplier FROM sup
    ), p AS (
      SELECT *,
        list_filter(json_extract(json, '$.parties[*]'),
          lambda x: json_extract_string(x, '$.id') = json_extract_string(supplier, '$.id'))[1] AS party,
        try_cast(coalesce(award->>'$.contractPeriod.startDate', json->>'$.tender.contractPeriod.startDate') AS TIMESTAMPTZ)::DATE AS start_date,
        try_cast(coalesce(award->>'$.contractPeriod.endDate', json->>'$.tender.contractPeriod.endDate') AS TIMESTAMPTZ)::DATE AS end_date,
        try_cast(award->>'$.value.amount' AS DOUBLE) AS raw_value,
        coalesce(json_array_length(award, '$.suppliers'), 0) AS n_suppliers
      FROM s
    )
    SELECT
      ocid || '/' || coalesce(award->>'$.id', '?') || '/' || (si + 1) AS contract_id,
      ocid,
      json->>'$.buyer.name' AS buyer_name,
      json->>'$.tender.title' AS title,
      json->>'$.tender.description' AS description,
      json->>'$.tender.classification.id' AS cpv,
      json->>'$.tender.procurementMethod' AS procurement_method,
      json->>'$.tender.procurementMethodDetails' AS procurement_method_detail,
      CASE WHEN raw_value > 0 THEN raw_value END AS value_gbp,
      n_suppliers > 1 AS value_is_shared,
      start_date, end_date,
      ${DURATION_MONTHS_SQL("start_date", "end_date")} AS duration_months,
      try_cast(award->>'$.date' AS TIMESTAMPTZ)::DATE AS award_date,
      try_cast(coalesce(json->>'$.tender.datePublished', json->>'$.tender.tenderPeriod.startDate') AS TIMESTAMPTZ)::DATE AS tender_published_date,
      try_cast(json->>'$.tender.tenderPeriod.endDate' AS TIMESTAMPTZ)::DATE AS tender_end_date,
      try_cast(json->>'$.tender.numberOfTenderers' AS INTEGER) AS number_of_tenderers,
      nullif(trim(supplier->>'name'), '') AS supplier_name,
      CASE party->>'$.details.scale' WHEN 'sme' THEN true WHEN 'large' THEN false END AS supplier_is_sme,
      try_cast(party->>'$.details.vcse' AS BOOLEAN) AS supplier_is_vcse,
      coalesce(award->>'$.documents[0].url', ${opts.noticeUrlPrefix === null ? "NULL" : "$prefix || (json->>'$.id')"}) AS notice_url,
      line
    FROM p`,
    opts.noticeUrlPrefix === null ? {} : { prefix: opts.noticeUrlPrefix },
  );

  await connection.run(
    `INSERT INTO contracts (contract_id, source, ocid, buyer_name, title, description, cpv, procurement_method,
        procurement_method_detail, value_gbp, value_is_shared, annual_value_gbp, start_date, end_date, duration_months,
        award_date, tender_published_date, tender_end_date, number_of_tenderers, supplier_name, supplier_is_sme,
        supplier_is_vcse, year, notice_url, source_file, source_line)
     SELECT contract_id, $source, ocid, buyer_name, title, description, cpv, procurement_method, procurement_method_detail,
        value_gbp, value_is_shared,
        CASE WHEN value_gbp IS NOT NULL AND duration_months > 0 THEN value_gbp / (duration_months / 12) END,
        start_date, end_date, duration_months, award_date, tender_published_date, tender_end_date, number_of_tenderers,
        supplier_name, supplier_is_sme, supplier_is_vcse,
        year(coalesce(award_date, start_date, tender_published_date)), notice_url, $file, line::INTEGER
     FROM ocds_rows`,
    { source: opts.sourceId, file: opts.sourceFile },
  );

  const [counts] = await queryRows<{ read: number; kept: number }>(
    connection,
    `SELECT (SELECT count(*) FROM ocds_release_lines)::INTEGER AS read,
            (SELECT count(DISTINCT line) FROM ocds_rows)::INTEGER AS kept`,
  );
  const rejects = await queryRows<{ line: number; reason: string }>(
    connection,
    `SELECT r.line::INTEGER AS line,
       CASE WHEN r.json->>'ocid' IS NULL THEN 'release has no ocid'
            WHEN l.line IS NULL THEN 'superseded by a later release of ' || (r.json->>'ocid') || ' (latest release wins)'
            ELSE 'no awarded supplier (tag ' || coalesce(r.json->>'$.tag', '?') || ')' END AS reason
     FROM ocds_release_lines r
     LEFT JOIN ocds_latest l ON l.line = r.line
     WHERE r.line NOT IN (SELECT DISTINCT line FROM ocds_rows)
     ORDER BY r.line`,
  );
  await connection.run("DROP TABLE ocds_latest; DROP TABLE ocds_rows");
  return { read: counts?.read ?? 0, kept: counts?.kept ?? 0, rejects };
}

/**
 * Fills la_code (buyer name → council) and in_scope (English council buyer and a children's
 * notice) for rows of one file, deciding once per distinct value in JS.
 */
export async function resolveBuyersAndScope(connection: DuckDBConnection, sourceFile: string): Promise<void> {
  const buyers = await queryRows<{ buyer_name: string }>(
    connection,
    "SELECT DISTINCT buyer_name FROM contracts WHERE source_file = $file AND buyer_name IS NOT NULL",
    { file: sourceFile },
  );
  await connection.run("CREATE OR REPLACE TEMP TABLE buyer_map (buyer_name VARCHAR, la_code VARCHAR)");
  const appender = await connection.createAppender("buyer_map");
  for (const { buyer_name } of buyers) {
    const code = councilCodeForName(buyer_name);
    if (code === undefined) continue;
    appender.appendVarchar(buyer_name);
    appender.appendVarchar(code);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
  await connection.run(
    `UPDATE contracts c SET la_code = m.la_code FROM buyer_map m
     WHERE c.source_file = $file AND c.buyer_name = m.buyer_name AND c.la_code IS NULL`,
    { file: sourceFile },
  );
  const notices = await queryRows<{ cpv: string | null; title: string | null; description: string | null }>(
    connection,
    "SELECT DISTINCT cpv, title, description FROM contracts WHERE source_file = $file",
    { file: sourceFile },
  );
  await connection.run(
    "CREATE OR REPLACE TEMP TABLE scope_map (cpv VARCHAR, title VARCHAR, description VARCHAR, childrens BOOLEAN)",
  );
  const scope = await connection.createAppender("scope_map");
  for (const n of notices) {
    for (const v of [n.cpv, n.title, n.description]) v === null ? scope.appendNull() : scope.appendVarchar(v);
    scope.appendBoolean(isChildrensNotice(n.cpv, n.title, n.description));
    scope.endRow();
  }
  scope.flushSync();
  scope.closeSync();
  await connection.run(
    `UPDATE contracts c SET in_scope = (c.la_code IS NOT NULL AND m.childrens)
     FROM scope_map m
     WHERE c.source_file = $file
       AND c.cpv IS NOT DISTINCT FROM m.cpv AND c.title IS NOT DISTINCT FROM m.title
       AND c.description IS NOT DISTINCT FROM m.description`,
    { file: sourceFile },
  );
  await connection.run("DROP TABLE buyer_map; DROP TABLE scope_map");
}
