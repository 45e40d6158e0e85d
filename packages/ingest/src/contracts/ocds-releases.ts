/**
 * OCDS releases → contracts, with DuckDB's JSON functions doing the heavy lifting (a
 * million-release file must load in seconds). Every file of one source is first staged as
 * (file, line, pos, priority, release parsed into a typed struct) in `ocds_stage`; the releases are then merged per
 * ocid across ALL of that source's files, so a live page and a shipped extract of the same
 * process never count twice. The winner per ocid is the most authoritative copy (priority:
 * published releases 0, Spend Network's rewritten copies 1, OCP's compiled records 2), then
 * the latest `date` — Contracts Finder republishes the whole notice on every amendment, so
 * the latest release IS the amended notice.
 *
 * The winning release yields one row per active award × supplier (stage 'award'); an award
 * naming several suppliers keeps its single value on every row, flagged `value_is_shared`,
 * because OCDS does not say how it splits. A release without awards yields one intended
 * contract (stage 'tender', supplier NULL, value = the tender estimate). Every staged release
 * is accounted for: kept, or rejected as superseded, duplicate, planning-only or cancelled.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { childrensScope, classifyBuyer } from "@lens/core/classify";
import { decodeStoredText } from "../decode-stored-text.js";
import { queryRows } from "../query.js";

/** Months between two dates, to one decimal (30.4375-day months). */
export const DURATION_MONTHS_SQL = (start: string, end: string) =>
  `CASE WHEN ${start} IS NOT NULL AND ${end} IS NOT NULL AND ${end} >= ${start}
        THEN round(date_diff('day', ${start}, ${end}) / 30.4375, 1) END`;

/**
 * The calendar date as written (first 10 characters). Casting "2027-03-31T00:00:00+01:00" to
 * TIMESTAMPTZ and then DATE would shift it to 30 March in UTC.
 */
const DATE_SQL = (expr: string) => `try_cast(substr(${expr}, 1, 10) AS DATE)`;

/** Money that means something: OCDS publishers write 0 (Contracts Finder) or 0.01 (Sell2Wales) for unknown. */
const MONEY_SQL = (expr: string) => `CASE WHEN try_cast(${expr} AS DOUBLE) > 1 THEN try_cast(${expr} AS DOUBLE) END`;

const PERIOD = '{"startDate":"VARCHAR","endDate":"VARCHAR","durationInDays":"VARCHAR"}';
const CLASSIFICATION = '{"id":"VARCHAR"}';
const AMOUNT = '{"amount":"VARCHAR"}';
/** The fields of an OCDS release (1.0 and 1.1, CF/FTS/PCS/Sell2Wales variants) this parser reads. */
export const RELEASE_SHAPE = `{
  "ocid":"VARCHAR","id":"VARCHAR","date":"VARCHAR","tag":["VARCHAR"],"title":"VARCHAR",
  "buyer":{"name":"VARCHAR"},
  "parties":[{"id":"VARCHAR","name":"VARCHAR","roles":["VARCHAR"],"details":{"scale":"VARCHAR","vcse":"VARCHAR"}}],
  "tender":{"title":"VARCHAR","description":"VARCHAR","status":"VARCHAR","procurementMethod":"VARCHAR",
    "procurementMethodDetails":"VARCHAR","datePublished":"VARCHAR","numberOfTenderers":"VARCHAR",
    "classification":${CLASSIFICATION},
    "items":[{"classification":${CLASSIFICATION},"additionalClassifications":[${CLASSIFICATION}]}],
    "value":${AMOUNT},"minValue":${AMOUNT},
    "tenderPeriod":{"startDate":"VARCHAR","endDate":"VARCHAR"},"contractPeriod":${PERIOD},
    "milestones":[{"title":"VARCHAR","dueDate":"VARCHAR"}],
    "documents":[{"url":"VARCHAR"}],
    "lots":[{"value":${AMOUNT},"contractPeriod":${PERIOD}}]},
  "awards":[{"id":"VARCHAR","status":"VARCHAR","date":"VARCHAR","title":"VARCHAR","description":"VARCHAR",
    "value":${AMOUNT},"contractPeriod":${PERIOD},"documents":[{"url":"VARCHAR"}],
    "items":[{"classification":${CLASSIFICATION}}],
    "suppliers":[{"id":"VARCHAR","name":"VARCHAR","sme":"VARCHAR","vco":"VARCHAR"}]}],
  "bids":{"statistics":[{"measure":"VARCHAR","value":"VARCHAR"}]}
}`.replace(/\s+/g, "");

/** Staging table all OCDS readers append to; one per connection, emptied after each source. */
export async function createOcdsStage(connection: DuckDBConnection): Promise<void> {
  // Releases are parsed into the typed struct as they are read, so the raw text (1.4 GB for
  // the 1M sample) is never held in a table; appenders write raw JSON to ocds_stage_raw.
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE ocds_stage AS
      SELECT ''::VARCHAR AS file, 0::INTEGER AS line, 0::INTEGER AS pos, 0::INTEGER AS priority,
             NULL::VARCHAR AS package_uri, json_transform('{}', '${RELEASE_SHAPE}') AS rel
      WHERE false;
    CREATE OR REPLACE TEMP TABLE ocds_stage_raw (
      file VARCHAR NOT NULL, line INTEGER NOT NULL, pos INTEGER NOT NULL, priority INTEGER NOT NULL,
      package_uri VARCHAR, release JSON);
    -- Entities are decoded after the insert, in JS, by the one decoder (decodeStoredText).
    CREATE OR REPLACE TEMP MACRO clean_text(s) AS nullif(trim(s), '');`);
}

export async function dropOcdsStage(connection: DuckDBConnection): Promise<void> {
  await connection.run("DROP TABLE IF EXISTS ocds_stage; DROP TABLE IF EXISTS ocds_stage_raw");
}

export interface FileOutcome {
  read: number;
  kept: number;
  rejects: { line: number; reason: string }[];
}

/**
 * Turns everything in `ocds_stage` into contracts rows labelled `sourceId`, and reports per
 * staged file what was read, kept and rejected (and why).
 */
export async function insertContractsFromStage(
  connection: DuckDBConnection,
  sourceId: string,
): Promise<Map<string, FileOutcome>> {
  await connection.run(`
    INSERT INTO ocds_stage
    SELECT file, line, pos, priority, package_uri, json_transform(release, '${RELEASE_SHAPE}') FROM ocds_stage_raw;
    DELETE FROM ocds_stage_raw;`);
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE ocds_ranked AS
    SELECT file, line, pos, priority, ocid, is_rewritten_copy,
      row_number() OVER w AS rk,
      first_value(file || ':' || line) OVER w AS winner,
      first_value(priority) OVER w AS winner_priority,
      first_value(release_id) OVER w IS NOT DISTINCT FROM release_id
        AND first_value(ts) OVER w IS NOT DISTINCT FROM ts AS same_release
    FROM (SELECT file, line, pos,
            -- Spend Network's rewritten copies (ocid prefix ocds-b5fd17raw-) rank below the originals.
            starts_with(rel.ocid, 'ocds-b5fd17raw-') AS is_rewritten_copy,
            CASE WHEN starts_with(rel.ocid, 'ocds-b5fd17raw-') THEN greatest(priority, 1) ELSE priority END AS priority,
            regexp_replace(rel.ocid, '^ocds-b5fd17raw-', 'ocds-b5fd17-') AS ocid,
            rel.id AS release_id,
            try_cast(rel.date AS TIMESTAMPTZ) AS ts
          FROM ocds_stage)
    WHERE ocid IS NOT NULL
    WINDOW w AS (PARTITION BY ocid ORDER BY priority, ts DESC NULLS LAST, file DESC, line DESC, pos DESC)`);

  // One unit per intended contract: an active award × supplier, or the tender itself.
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE ocds_units AS
    WITH latest AS (
      SELECT p.file, p.line, p.pos, p.rel.tag AS tag, p.rel.tender.status AS tender_status,
             p.rel.tender IS NOT NULL AS has_tender, len(coalesce(p.rel.awards, [])) AS n_awards,
             -- 0-based indexes of awards that are not cancelled or unsuccessful.
             list_filter(list_transform(coalesce(p.rel.awards, []),
               lambda a, i: CASE WHEN coalesce(a.status, 'active') NOT IN ('cancelled', 'unsuccessful') THEN i - 1 END),
               lambda x: x IS NOT NULL)::INTEGER[] AS award_idx,
             list_transform(coalesce(p.rel.awards, []), lambda a: len(coalesce(a.suppliers, [])))::INTEGER[] AS award_suppliers
      FROM ocds_stage p JOIN ocds_ranked r USING (file, line, pos)
      WHERE r.rk = 1
    ), awards AS (
      SELECT file, line, pos, unnest(award_idx) AS ai, award_suppliers FROM latest WHERE len(award_idx) > 0
    ), award_suppliers AS (
      SELECT file, line, pos, ai, award_suppliers[ai + 1] AS n_suppliers FROM awards
    )
    SELECT file, line, pos, 'award' AS stage, ai, n_suppliers,
           unnest(CASE WHEN n_suppliers = 0 THEN [NULL::INTEGER] ELSE range(n_suppliers)::INTEGER[] END) AS si
    FROM award_suppliers
    UNION ALL BY NAME
    SELECT file, line, pos, 'tender' AS stage, NULL::INTEGER AS ai, 0 AS n_suppliers, NULL::INTEGER AS si
    FROM latest
    WHERE len(award_idx) = 0 AND n_awards = 0 AND has_tender
      AND NOT (len(coalesce(tag, [])) > 0 AND len(list_filter(tag, lambda t: t NOT IN ('planning', 'planningUpdate'))) = 0)
      AND coalesce(tender_status, 'active') NOT IN ('cancelled', 'withdrawn', 'unsuccessful', 'planning', 'planned')`);

  await connection.run(
    `
    INSERT INTO contracts BY NAME
    WITH u0 AS (
      SELECT u.*, r.ocid, r.is_rewritten_copy, p.package_uri, p.rel,
             p.rel.awards[u.ai + 1] AS award, p.rel.tender AS tender, p.rel.tender.lots AS lots
      FROM ocds_units u
      JOIN ocds_stage p USING (file, line, pos)
      JOIN ocds_ranked r USING (file, line, pos)
    ), u AS (
      SELECT *, award.suppliers[si + 1] AS supplier, award.suppliers[si + 1].id AS supplier_id FROM u0
    ), p AS (
      SELECT *,
        CASE WHEN supplier_id IS NOT NULL THEN list_filter(rel.parties, lambda x: x.id = supplier_id)[1] END AS party,
        CASE WHEN len(lots) = 1 THEN lots[1] END AS only_lot,
        list_filter(tender.milestones, lambda m: m.title = 'Contract start')[1].dueDate AS ms_start,
        list_filter(tender.milestones, lambda m: m.title = 'Contract end')[1].dueDate AS ms_end,
        list_filter(rel.bids.statistics, lambda s: s.measure = 'bids') AS bid_stats
      FROM u
    ), d AS (
      SELECT *,
        ${DATE_SQL("coalesce(award.contractPeriod.startDate, tender.contractPeriod.startDate, only_lot.contractPeriod.startDate, ms_start)")} AS start_date,
        ${DATE_SQL("coalesce(award.contractPeriod.endDate, tender.contractPeriod.endDate, only_lot.contractPeriod.endDate, ms_end)")} AS end_date,
        coalesce(try_cast(award.contractPeriod.durationInDays AS DOUBLE),
                 try_cast(tender.contractPeriod.durationInDays AS DOUBLE),
                 CASE WHEN len(lots) > 0
                       AND len(list_distinct(list_transform(lots, lambda l: l.contractPeriod.durationInDays))) = 1
                       AND len(list_filter(lots, lambda l: l.contractPeriod.durationInDays IS NULL)) = 0
                      THEN try_cast(lots[1].contractPeriod.durationInDays AS DOUBLE) END) AS duration_days,
        CASE WHEN stage = 'award' THEN ${MONEY_SQL("award.value.amount")}
             ELSE coalesce(${MONEY_SQL("tender.value.amount")},
               CASE WHEN len(lots) > 0 AND len(list_filter(lots, lambda l: try_cast(l.value.amount AS DOUBLE) > 1)) = len(lots)
                    THEN list_sum(list_transform(lots, lambda l: try_cast(l.value.amount AS DOUBLE))) END,
               -- Contracts Finder writes a single stated value as minValue with value 0.
               ${MONEY_SQL("tender.minValue.amount")}) END AS value_gbp
      FROM p
    ), m AS (
      SELECT *,
        coalesce(${DURATION_MONTHS_SQL("start_date", "end_date")},
                 CASE WHEN duration_days > 0 THEN round(duration_days / 30.4375, 1) END) AS duration_months,
        ${DATE_SQL("award.date")} AS award_date_,
        ${DATE_SQL("coalesce(tender.datePublished, tender.tenderPeriod.startDate, CASE WHEN stage = 'tender' THEN rel.date END)")} AS tender_published_date_
      FROM d
    )
    SELECT
      ocid || CASE stage WHEN 'award' THEN '/award-' || (ai + 1) || coalesce('/supplier-' || (si + 1), '') ELSE '/tender' END AS contract_id,
      $source AS source,
      ocid,
      stage,
      clean_text(coalesce(rel.buyer.name, list_filter(rel.parties, lambda x: list_contains(x.roles, 'buyer'))[1].name)) AS buyer_name,
      clean_text(coalesce(nullif(trim(tender.title), ''), rel.title, award.title)) AS title,
      clean_text(coalesce(tender.description, award.description)) AS description,
      coalesce(tender.classification.id, tender.items[1].classification.id,
               tender.items[1].additionalClassifications[1].id, award.items[1].classification.id) AS cpv,
      nullif(trim(tender.procurementMethod), '') AS procurement_method,
      nullif(trim(tender.procurementMethodDetails), '') AS procurement_method_detail,
      value_gbp,
      CASE WHEN stage = 'award' THEN n_suppliers > 1 ELSE false END AS value_is_shared,
      CASE WHEN value_gbp IS NOT NULL AND duration_months > 0 THEN value_gbp / (duration_months / 12) END AS annual_value_gbp,
      start_date, end_date, duration_months,
      award_date_ AS award_date,
      tender_published_date_ AS tender_published_date,
      ${DATE_SQL("tender.tenderPeriod.endDate")} AS tender_end_date,
      -- Spend Network's upgraded copies carry a derived count of framework suppliers, not bids.
      CASE WHEN is_rewritten_copy THEN NULL
           WHEN len(bid_stats) = 1 THEN try_cast(bid_stats[1].value AS INTEGER)
           ELSE try_cast(tender.numberOfTenderers AS INTEGER) END AS number_of_tenderers,
      clean_text(supplier.name) AS supplier_name,
      coalesce(CASE WHEN party.details.scale IN ('sme', 'micro', 'small', 'medium') THEN true
                    WHEN party.details.scale = 'large' THEN false END,
               try_cast(supplier.sme AS BOOLEAN)) AS supplier_is_sme,
      coalesce(try_cast(party.details.vcse AS BOOLEAN), try_cast(supplier.vco AS BOOLEAN)) AS supplier_is_vcse,
      year(coalesce(award_date_, start_date, tender_published_date_, ${DATE_SQL("rel.date")})) AS year,
      CASE
        WHEN starts_with(ocid, 'ocds-b5fd17-') THEN coalesce(
          list_filter(award.documents, lambda x: starts_with(x.url, 'https://www.contractsfinder.service.gov.uk/Notice/'))[1].url,
          list_filter(tender.documents, lambda x: starts_with(x.url, 'https://www.contractsfinder.service.gov.uk/Notice/'))[1].url,
          'https://www.contractsfinder.service.gov.uk/Notice/' ||
            nullif(regexp_extract(coalesce(rel.id, ''), '^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})', 1), ''),
          'https://www.contractsfinder.service.gov.uk/Notice/' ||
            nullif(regexp_extract(coalesce(package_uri, ''), '/Published/Notice/releases/([0-9a-f-]{36})\\.json$', 1), ''))
        WHEN starts_with(ocid, 'ocds-h6vhtk-') AND rel.id IS NOT NULL THEN 'https://www.find-tender.service.gov.uk/Notice/' || rel.id
        WHEN starts_with(ocid, 'ocds-r6ebe6-') THEN 'https://api.publiccontractsscotland.gov.uk/v1/Notice?id=' || ocid
        WHEN starts_with(ocid, 'ocds-kuma6s-') THEN 'https://api.sell2wales.gov.wales/v1/Notice?id=' || ocid || '&locale=2057'
      END AS notice_url,
      false AS in_scope,
      file AS source_file,
      line AS source_line
    FROM m`,
    { source: sourceId },
  );

  const perFile = await queryRows<{ file: string; read: number; kept: number }>(
    connection,
    `SELECT s.file, count(*)::INTEGER AS read, count(k.line)::INTEGER AS kept
     FROM ocds_stage s
     LEFT JOIN (SELECT DISTINCT file, line, pos FROM ocds_units) k USING (file, line, pos)
     GROUP BY s.file ORDER BY s.file`,
  );
  const rejects = await queryRows<{ file: string; line: number; reason: string }>(
    connection,
    `SELECT s.file, s.line,
       CASE WHEN r.ocid IS NULL THEN 'release has no ocid'
            WHEN r.rk > 1 AND r.winner_priority < r.priority
              THEN 'duplicate of ' || r.ocid || ' already read from ' || r.winner ||
                   CASE r.priority WHEN 2 THEN ' (published releases preferred over a compiled record)'
                                   ELSE ' (original Contracts Finder release preferred over a rewritten copy)' END
            WHEN r.rk > 1 AND r.same_release
              THEN 'same release of ' || r.ocid || ' also in ' || r.winner || ' (counted once)'
            WHEN r.rk > 1 THEN 'superseded by a later release of ' || r.ocid || ' at ' || r.winner || ' (latest release wins)'
            WHEN len(coalesce(s.rel.tag, [])) > 0 AND len(list_filter(s.rel.tag, lambda t: t NOT IN ('planning', 'planningUpdate'))) = 0
              OR s.rel.tender.status IN ('planning', 'planned')
              THEN 'planning notice: no contract tendered or awarded yet'
            WHEN len(coalesce(s.rel.awards, [])) > 0 THEN 'no active award (all awards cancelled or unsuccessful)'
            WHEN s.rel.tender.status IS NOT NULL THEN 'tender ' || s.rel.tender.status || ': no contract'
            ELSE 'release has neither awards nor a tender' END AS reason
     FROM ocds_stage s
     LEFT JOIN ocds_ranked r USING (file, line, pos)
     ANTI JOIN ocds_units k USING (file, line, pos)
     ORDER BY s.file, s.line, s.pos`,
  );
  await connection.run("DROP TABLE ocds_ranked; DROP TABLE ocds_units; DELETE FROM ocds_stage");
  const out = new Map<string, FileOutcome>();
  for (const f of perFile) out.set(f.file, { read: f.read, kept: f.kept, rejects: [] });
  for (const r of rejects) out.get(r.file)?.rejects.push({ line: r.line, reason: r.reason });
  return out;
}

/**
 * Fills la_code (buyer name → council) and in_scope (English council buyer and a children's
 * notice) for rows of the given files, deciding once per distinct value in JS.
 */
export async function resolveBuyersAndScope(
  connection: DuckDBConnection,
  sourceFiles: readonly string[],
): Promise<void> {
  if (sourceFiles.length === 0) return;
  await connection.run("CREATE OR REPLACE TEMP TABLE scope_files (file VARCHAR)");
  const files = await connection.createAppender("scope_files");
  for (const f of sourceFiles) {
    files.appendVarchar(f);
    files.endRow();
  }
  files.flushSync();
  files.closeSync();
  // Names and text must be decoded before buyer, scope and service rules read them.
  await decodeStoredText(
    connection,
    "contracts",
    ["buyer_name", "title", "description", "supplier_name"],
    "contracts.source_file IN (SELECT file FROM scope_files)",
  );
  const buyers = await queryRows<{ buyer_name: string }>(
    connection,
    "SELECT DISTINCT buyer_name FROM contracts WHERE source_file IN (SELECT file FROM scope_files) AND buyer_name IS NOT NULL",
  );
  await connection.run(
    "CREATE OR REPLACE TEMP TABLE buyer_map (buyer_name VARCHAR, buyer_kind VARCHAR, la_code VARCHAR)",
  );
  const appender = await connection.createAppender("buyer_map");
  const intermediaries: string[] = [];
  for (const { buyer_name } of buyers) {
    const buyer = classifyBuyer(buyer_name);
    if (buyer.kind === "portal" || buyer.kind === "procurement consortium") intermediaries.push(buyer_name);
    appender.appendVarchar(buyer_name);
    appender.appendVarchar(buyer.kind);
    if (buyer.laCode === null) appender.appendNull();
    else appender.appendVarchar(buyer.laCode);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
  // Scottish and Welsh buyers are never English councils, whatever their names look like.
  await connection.run(
    `UPDATE contracts c SET buyer_kind = m.buyer_kind,
       la_code = CASE WHEN c.source IN ('public-contracts-scotland', 'sell2wales') THEN c.la_code ELSE coalesce(c.la_code, m.la_code) END
     FROM buyer_map m
     WHERE c.source_file IN (SELECT file FROM scope_files) AND c.buyer_name = m.buyer_name`,
  );
  await resolveIntermediaryBuyers(connection, intermediaries);
  const notices = await queryRows<{ cpv: string | null; title: string | null; description: string | null }>(
    connection,
    "SELECT DISTINCT cpv, title, description FROM contracts WHERE source_file IN (SELECT file FROM scope_files)",
  );
  await connection.run(
    "CREATE OR REPLACE TEMP TABLE scope_map (cpv VARCHAR, title VARCHAR, description VARCHAR, childrens BOOLEAN, rule VARCHAR, reason VARCHAR)",
  );
  const scope = await connection.createAppender("scope_map");
  for (const n of notices) {
    for (const v of [n.cpv, n.title, n.description]) v === null ? scope.appendNull() : scope.appendVarchar(v);
    const decision = childrensScope({ cpv: n.cpv, title: n.title, description: n.description });
    scope.appendBoolean(decision.childrens);
    scope.appendVarchar(decision.rule);
    scope.appendVarchar(decision.reason);
    scope.endRow();
  }
  scope.flushSync();
  scope.closeSync();
  // A children's notice from a buyer that is not an English council stays out, and says why.
  await connection.run(
    `UPDATE contracts c SET in_scope = (c.la_code IS NOT NULL AND m.childrens), scope_rule = m.rule,
       scope_reason = CASE WHEN c.la_code IS NOT NULL OR NOT m.childrens THEN m.reason
         ELSE 'buyer ''' || coalesce(c.buyer_name, '') || ''' is not an English council with children''s services duties → out of scope (' || m.reason || ')' END
     FROM scope_map m
     WHERE c.source_file IN (SELECT file FROM scope_files)
       AND c.cpv IS NOT DISTINCT FROM m.cpv AND c.title IS NOT DISTINCT FROM m.title
       AND c.description IS NOT DISTINCT FROM m.description`,
  );
  await connection.run("DROP TABLE buyer_map; DROP TABLE scope_map; DROP TABLE scope_files");
}

/**
 * A portal or consortium named as the buyer is not a council; where the notice names the
 * council it buys for, that council's code is recorded (per distinct buyer, title, description).
 */
async function resolveIntermediaryBuyers(connection: DuckDBConnection, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await connection.run("CREATE OR REPLACE TEMP TABLE intermediary_names (buyer_name VARCHAR)");
  const list = await connection.createAppender("intermediary_names");
  for (const n of names) {
    list.appendVarchar(n);
    list.endRow();
  }
  list.closeSync();
  const notices = await queryRows<{ buyer_name: string; title: string | null; description: string | null }>(
    connection,
    `SELECT DISTINCT buyer_name, title, description FROM contracts
     WHERE source_file IN (SELECT file FROM scope_files) AND la_code IS NULL
       AND source NOT IN ('public-contracts-scotland', 'sell2wales')
       AND buyer_name IN (SELECT buyer_name FROM intermediary_names)`,
  );
  await connection.run(
    "CREATE OR REPLACE TEMP TABLE intermediary_map (buyer_name VARCHAR, title VARCHAR, description VARCHAR, la_code VARCHAR)",
  );
  const map = await connection.createAppender("intermediary_map");
  for (const n of notices) {
    const code = classifyBuyer(n.buyer_name, n).laCode;
    if (code === null) continue;
    map.appendVarchar(n.buyer_name);
    for (const v of [n.title, n.description]) v === null ? map.appendNull() : map.appendVarchar(v);
    map.appendVarchar(code);
    map.endRow();
  }
  map.closeSync();
  await connection.run(
    `UPDATE contracts c SET la_code = m.la_code FROM intermediary_map m
     WHERE c.source_file IN (SELECT file FROM scope_files) AND c.la_code IS NULL AND c.buyer_name = m.buyer_name
       AND c.title IS NOT DISTINCT FROM m.title AND c.description IS NOT DISTINCT FROM m.description`,
  );
  await connection.run("DROP TABLE intermediary_names; DROP TABLE intermediary_map");
}
