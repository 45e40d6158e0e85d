/**
 * Build step: classify every contract and spend row (procedure, service, supplier ownership,
 * commissioning model, rule and reason) with the pure rules in @lens/core.
 *
 * Speed invariant: rows are never classified one by one. Each pass selects the DISTINCT
 * evidence combinations (far fewer than rows), classifies those in JS, loads the answers into
 * a temp table with the DuckDB Appender and writes them back with one UPDATE … FROM join.
 * Results depend only on the evidence columns, so equal evidence always gets an equal answer.
 *
 * Also creates `classification_rules` (the rule table as data) and the
 * `classification_coverage` view (rows each rule decided, per table and stage), so a rule's
 * reach and the rows left unknown are queryable.
 */

import type { DuckDBAppender, DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import {
  COMMISSIONING_MODELS,
  type CommissioningModel,
  SPEND_OWNERSHIPS,
  SUPPLIER_OWNERSHIPS,
  type SupplierOwnership,
} from "@lens/core";
import {
  buildOfstedOwnerLookup,
  CHILDRENS_SERVICES_TRUSTS,
  classifyCommissioningModel,
  classifyService,
  describeRules,
  detectArrangement,
  normaliseProcedure,
  type OfstedOwnerLookup,
  RULESET_VERSION,
  serviceReason,
  supplierCouldBeInHouse,
  trustStartFor,
} from "@lens/core/classify";
import { decideSupplierOwnership, type SupplierDecision } from "./supplier-ownership.js";

export interface ClassificationSummary {
  rulesetVersion: string;
  contracts: {
    rows: number;
    /** Distinct evidence combinations actually classified in JS (text pass + model pass). */
    distinctText: number;
    distinctEvidence: number;
    byModel: Record<CommissioningModel, number>;
    byOwnership: Record<SupplierOwnership, number>;
  };
  spend: { rows: number; distinctEvidence: number; byModel: Record<CommissioningModel, number> };
  durationMs: number;
}

const RULES_DDL = `
CREATE OR REPLACE TABLE classification_rules (
  rule_id VARCHAR PRIMARY KEY,
  description VARCHAR NOT NULL,
  result VARCHAR NOT NULL,
  precedence INTEGER NOT NULL,
  ruleset_version VARCHAR NOT NULL,
  stage VARCHAR NOT NULL
)`;

/**
 * One row per (table, stage, rule), from the rule-id columns (service_rule, scope_rule,
 * ownership_rule, model_rule): rule ids are columns, never parsed out of the reasons.
 */
const COVERAGE_VIEW = `
CREATE OR REPLACE VIEW classification_coverage AS
WITH decided AS (
  SELECT 'contracts' AS table_name, 'model' AS stage, model_rule AS rule_id, commissioning_model AS result FROM contracts
  UNION ALL
  SELECT 'contracts', 'ownership', ownership_rule, supplier_ownership FROM contracts WHERE ownership_rule IS NOT NULL
  UNION ALL
  SELECT 'contracts', 'service', service_rule, service FROM contracts
  UNION ALL
  SELECT 'contracts', 'scope', scope_rule, CASE WHEN in_scope THEN 'in scope' ELSE 'out of scope' END FROM contracts
  WHERE scope_rule IS NOT NULL
  UNION ALL
  SELECT 'spend', 'service', service_rule, service FROM spend WHERE service_rule IS NOT NULL
  UNION ALL
  SELECT 'spend', 'model', model_rule, commissioning_model FROM spend
  UNION ALL
  SELECT 'spend', 'ownership', ownership_rule, supplier_ownership FROM spend WHERE ownership_rule IS NOT NULL
)
SELECT
  d.rule_id AS rule,
  d.table_name AS "table",
  d.stage,
  d.result,
  r.description,
  count(*)::BIGINT AS rows_decided,
  round(100.0 * count(*) / sum(count(*)) OVER (PARTITION BY d.table_name, d.stage), 2)::DOUBLE AS share_pct
FROM decided d LEFT JOIN classification_rules r ON r.rule_id = d.rule_id
GROUP BY d.rule_id, d.table_name, d.stage, d.result, r.description, r.precedence
ORDER BY d.table_name, d.stage, r.precedence, d.rule_id`;

async function rows(connection: DuckDBConnection, sql: string): Promise<DuckDBValue[][]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRows();
}

const str = (v: DuckDBValue | undefined): string | null => (v == null ? null : String(v));
const int = (v: DuckDBValue | undefined): number => Number(v ?? 0);

function appendNullable(appender: DuckDBAppender, value: string | null): void {
  if (value == null) appender.appendNull();
  else appender.appendVarchar(value);
}

async function tempAppender(connection: DuckDBConnection, table: string): Promise<DuckDBAppender> {
  return connection.createAppender(table, "main", "temp");
}

async function loadOfstedOwners(connection: DuckDBConnection): Promise<OfstedOwnerLookup> {
  const owners = await rows(
    connection,
    "SELECT owner_name, sector FROM provider_snapshots WHERE owner_name IS NOT NULL AND sector IS NOT NULL GROUP BY ALL",
  );
  return buildOfstedOwnerLookup(
    owners.map(([ownerName, sector]) => ({ ownerName: str(ownerName), sector: str(sector) })),
  );
}

async function writeRuleTable(connection: DuckDBConnection): Promise<void> {
  await connection.run(RULES_DDL);
  const appender = await connection.createAppender("classification_rules");
  for (const rule of describeRules()) {
    appender.appendVarchar(rule.ruleId);
    appender.appendVarchar(rule.description);
    appender.appendVarchar(rule.result);
    appender.appendInteger(rule.precedence);
    appender.appendVarchar(rule.rulesetVersion);
    appender.appendVarchar(rule.stage);
    appender.endRow();
  }
  appender.closeSync();
}

/** Pass 1 over contracts: service (source category, CPV, then words) and co-operative arrangement words, per distinct text. */
async function classifyContractText(connection: DuckDBConnection): Promise<number> {
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE _cls_text AS
    SELECT row_number() OVER () AS text_id, cpv, title, description, source_category
    FROM (SELECT DISTINCT cpv, title, description, source_category FROM contracts)`);
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE _cls_text_result (
       text_id BIGINT, service VARCHAR, service_rule VARCHAR, service_reason VARCHAR,
       arrangement_kind VARCHAR, arrangement_phrase VARCHAR)`,
  );
  const keys = await rows(connection, "SELECT text_id, cpv, title, description, source_category FROM _cls_text");
  const appender = await tempAppender(connection, "_cls_text_result");
  for (const [id, cpv, title, description, category] of keys) {
    const service = classifyService({
      category: str(category),
      cpv: str(cpv),
      title: str(title),
      description: str(description),
    });
    const arrangement = detectArrangement(str(title), str(description));
    appender.appendBigInt(BigInt(int(id)));
    appender.appendVarchar(service.service);
    appender.appendVarchar(service.rule);
    appender.appendVarchar(serviceReason(service));
    appendNullable(appender, arrangement?.kind ?? null);
    appendNullable(appender, arrangement?.phrase ?? null);
    appender.endRow();
  }
  appender.closeSync();
  return keys.length;
}

/** Suppliers for which the buyer matters (public bodies, council-owned companies): see supplierCouldBeInHouse. */
async function markInHouseCandidates(connection: DuckDBConnection, sql: string): Promise<void> {
  await connection.run("CREATE OR REPLACE TEMP TABLE _cls_supplier (supplier_name VARCHAR, needs_buyer BOOLEAN)");
  const suppliers = await rows(connection, sql);
  const appender = await tempAppender(connection, "_cls_supplier");
  for (const [name] of suppliers) {
    const supplierName = str(name);
    if (supplierName == null) continue;
    appender.appendVarchar(supplierName);
    appender.appendBoolean(supplierCouldBeInHouse(supplierName));
    appender.endRow();
  }
  appender.closeSync();
}

/**
 * Pass 2 over contracts: procedure, ownership and model per distinct evidence combination.
 * The buyer is part of the evidence only for suppliers that could be in-house, so the number
 * of combinations grows with suppliers × procedures, not buyers × suppliers.
 */
async function classifyContractModels(
  connection: DuckDBConnection,
  suppliers: ReadonlyMap<string, SupplierDecision>,
): Promise<number> {
  await markInHouseCandidates(
    connection,
    "SELECT DISTINCT supplier_name FROM contracts WHERE supplier_name IS NOT NULL",
  );
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE _cls_rows AS
    SELECT rid, text_service, text_service_rule, text_service_reason,
           dense_rank() OVER (ORDER BY buyer, supplier_name, procurement_method, procurement_method_detail, contract_type,
                                       arrangement_kind, arrangement_phrase) AS evidence_id,
           buyer, supplier_name, procurement_method, procurement_method_detail, contract_type,
           arrangement_kind, arrangement_phrase
    FROM (
      SELECT c.rowid AS rid,
             CASE WHEN s.needs_buyer THEN coalesce(c.buyer_name, la.name) END AS buyer,
             c.supplier_name, c.procurement_method, c.procurement_method_detail, c.contract_type,
             r.service AS text_service, r.service_rule AS text_service_rule, r.service_reason AS text_service_reason,
             r.arrangement_kind, r.arrangement_phrase
      FROM contracts c
      LEFT JOIN _cls_supplier s ON s.supplier_name = c.supplier_name
      LEFT JOIN local_authorities la ON la.la_code = c.la_code
      LEFT JOIN _cls_text t
        ON t.cpv IS NOT DISTINCT FROM c.cpv AND t.title IS NOT DISTINCT FROM c.title
       AND t.description IS NOT DISTINCT FROM c.description
       AND t.source_category IS NOT DISTINCT FROM c.source_category
      LEFT JOIN _cls_text_result r ON r.text_id = t.text_id
    )
    -- Row order matters: the UPDATE below writes rows in this order, and DuckDB updates rows
    -- in storage order ~100× faster than scattered (measured: 0.5 s vs > 80 s for 1M rows).
    ORDER BY rid`);
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE _cls_result (
      evidence_id BIGINT, procedure_type VARCHAR, supplier_is_placeholder BOOLEAN, supplier_ownership VARCHAR,
      ownership_rule VARCHAR, ownership_reason VARCHAR, ownership_conflict VARCHAR,
      commissioning_model VARCHAR, model_reason VARCHAR, model_rule VARCHAR)`);
  const keys = await rows(
    connection,
    `SELECT evidence_id, any_value(buyer), any_value(supplier_name), any_value(procurement_method),
            any_value(procurement_method_detail), any_value(contract_type),
            any_value(arrangement_kind), any_value(arrangement_phrase)
     FROM _cls_rows GROUP BY evidence_id`,
  );
  const appender = await tempAppender(connection, "_cls_result");
  for (const [id, buyer, supplier, method, detail, contractType, kind, phrase] of keys) {
    const procurementMethodDetail = str(detail);
    const supplierName = str(supplier)?.trim() || null;
    const supplierDecision = supplierName ? suppliers.get(str(supplier) ?? "") : undefined;
    const placeholder = supplierDecision?.placeholder === true;
    // The source's own contract type is the strongest route evidence ("grant agreement").
    const typeArrangement = /\bgrant\b/i.test(str(contractType) ?? "")
      ? { kind: "grant" as const, phrase: `contract type ${str(contractType)}` }
      : null;
    const textArrangement =
      kind != null
        ? { kind: String(kind) as "grant" | "partnership" | "reserved", phrase: String(phrase ?? "") }
        : null;
    const decision = classifyCommissioningModel({
      buyerName: str(buyer),
      // A placeholder ("TBC", "Various …") is not a supplier: the row is not an award to anyone.
      supplierName: placeholder ? null : supplierName,
      procedureType: normaliseProcedure(str(method), procurementMethodDetail).procedure,
      procurementMethod: str(method),
      procurementMethodDetail,
      arrangement: typeArrangement ?? textArrangement ?? detectArrangement(procurementMethodDetail),
      ownership: supplierDecision?.ownership ?? null,
    });
    const ownership = supplierName && !placeholder ? decision.ownership : null;
    appender.appendBigInt(BigInt(int(id)));
    appender.appendVarchar(decision.procedureType);
    appender.appendBoolean(placeholder);
    // No supplier (or a placeholder) → no ownership claim at all (NULL), not 'unknown' about nobody.
    appendNullable(appender, ownership?.ownership ?? null);
    appendNullable(appender, ownership?.rule ?? null);
    appendNullable(appender, ownership?.reason ?? null);
    appendNullable(appender, ownership?.conflict ?? null);
    appender.appendVarchar(decision.model);
    appender.appendVarchar(
      placeholder
        ? `supplier field '${supplierName}' is a placeholder, not a supplier; ${decision.reason}`
        : decision.reason,
    );
    appender.appendVarchar(decision.rule);
    appender.endRow();
  }
  appender.closeSync();
  await connection.run(`
    UPDATE contracts SET
      procedure_type = x.procedure_type,
      service = coalesce(contracts.service, x.text_service),
      service_rule = CASE WHEN contracts.service IS NULL THEN x.text_service_rule ELSE contracts.service_rule END,
      service_reason = CASE WHEN contracts.service IS NULL THEN x.text_service_reason ELSE contracts.service_reason END,
      supplier_is_placeholder = x.supplier_is_placeholder,
      supplier_ownership = x.supplier_ownership,
      ownership_rule = x.ownership_rule,
      ownership_reason = x.ownership_reason,
      ownership_conflict = x.ownership_conflict,
      commissioning_model = x.commissioning_model,
      model_reason = x.model_reason,
      model_rule = x.model_rule
    FROM (SELECT r.rid, r.text_service, r.text_service_rule, r.text_service_reason, res.* FROM _cls_rows r JOIN _cls_result res USING (evidence_id)) x
    WHERE contracts.rowid = x.rid`);
  return keys.length;
}

const SPEND_LINE_OWNERSHIPS = new Set<string>(SPEND_OWNERSHIPS);

/**
 * Marks spend rows of councils whose children's services a trust or company delivered in that
 * financial year (reference facts in core's CHILDRENS_SERVICES_TRUSTS, checked at the year's
 * midpoint), so their 'own' and 'other public' lines are not read as co-operation.
 */
async function markTrustDelivered(connection: DuckDBConnection): Promise<void> {
  await connection.run(
    "CREATE OR REPLACE TEMP TABLE _cls_trust (la_code VARCHAR, label VARCHAR, from_date DATE, until_date DATE)",
  );
  const appender = await tempAppender(connection, "_cls_trust");
  for (const trust of CHILDRENS_SERVICES_TRUSTS) {
    for (const la of trust.laCodes) {
      appender.appendVarchar(la);
      appender.appendVarchar(trust.label);
      appender.appendVarchar(trustStartFor(trust, la));
      appendNullable(appender, trust.until ?? null);
      appender.endRow();
    }
  }
  appender.closeSync();
  await connection.run(`
    UPDATE spend SET delivered_by = t.label FROM _cls_trust t
    WHERE spend.la_code = t.la_code
      AND make_date(spend.year - 1, 10, 1) BETWEEN t.from_date AND coalesce(t.until_date, DATE '9999-12-31')`);
}

/**
 * Spend: aggregate lines (s251, placement spend) carry an ownership line and no supplier;
 * ledger lines carry a supplier, whose ownership was decided once for all its rows.
 */
async function classifySpend(
  connection: DuckDBConnection,
  suppliers: ReadonlyMap<string, SupplierDecision>,
): Promise<number> {
  await markTrustDelivered(connection);
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE _cls_spend AS
    SELECT row_number() OVER () AS evidence_id, *
    FROM (SELECT DISTINCT s.la_code, la.name AS buyer, s.supplier_name, s.provider_ownership, s.supplier_category,
                 coalesce(s.arrangement = 'grant', false) AS is_grant, s.delivered_by
          FROM spend s LEFT JOIN local_authorities la ON la.la_code = s.la_code)`);
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE _cls_spend_result (
      evidence_id BIGINT, supplier_ownership VARCHAR, ownership_rule VARCHAR, ownership_conflict VARCHAR,
      commissioning_model VARCHAR, model_reason VARCHAR, model_rule VARCHAR)`);
  const keys = await rows(
    connection,
    "SELECT evidence_id, buyer, supplier_name, provider_ownership, is_grant, delivered_by FROM _cls_spend",
  );
  const trustByLabel = new Map(CHILDRENS_SERVICES_TRUSTS.map((t) => [t.label, t]));
  const appender = await tempAppender(connection, "_cls_spend_result");
  for (const [id, buyer, supplier, providerOwnership, isGrant, deliveredBy] of keys) {
    const supplierName = str(supplier)?.trim() || null;
    const line = str(providerOwnership)?.trim().toLowerCase() ?? null;
    const isLine = line != null && SPEND_LINE_OWNERSHIPS.has(line);
    // An ownership line decides the model for aggregate rows and for "own provision"; on a
    // named-supplier ledger row any other category is evidence about that supplier instead.
    const spendOwnership = isLine && (supplierName == null || line === "own") ? line : null;
    const supplierDecision = supplierName && !spendOwnership ? suppliers.get(str(supplier) ?? "") : undefined;
    const placeholder = supplierDecision?.placeholder === true;
    const ownership = supplierDecision?.ownership ?? null;
    const trust = trustByLabel.get(str(deliveredBy) ?? "");
    const decision = classifyCommissioningModel({
      buyerName: str(buyer),
      supplierName: placeholder ? null : supplierName,
      spendOwnership,
      // A grants register lists grants: the route itself is the evidence (rule C1).
      procedureType: isGrant === true ? "grant" : "unknown",
      arrangement: null,
      ownership,
      deliveredBy: trust ? { label: trust.label, councilOwned: trust.councilOwned, from: trust.from } : null,
    });
    appender.appendBigInt(BigInt(int(id)));
    appendNullable(appender, ownership?.ownership ?? null);
    appendNullable(appender, ownership?.rule ?? null);
    appendNullable(appender, ownership?.conflict ?? null);
    appender.appendVarchar(decision.model);
    appender.appendVarchar(decision.reason);
    appender.appendVarchar(decision.rule);
    appender.endRow();
  }
  appender.closeSync();
  await connection.run(`
    UPDATE spend SET
      supplier_ownership = x.supplier_ownership,
      ownership_rule = x.ownership_rule,
      ownership_conflict = x.ownership_conflict,
      commissioning_model = x.commissioning_model,
      model_reason = x.model_reason,
      model_rule = x.model_rule
    FROM (SELECT e.la_code, e.supplier_name, e.provider_ownership, e.supplier_category, e.is_grant, e.delivered_by, r.*
          FROM _cls_spend e JOIN _cls_spend_result r USING (evidence_id)) x
    WHERE spend.la_code IS NOT DISTINCT FROM x.la_code
      AND spend.supplier_name IS NOT DISTINCT FROM x.supplier_name
      AND spend.provider_ownership IS NOT DISTINCT FROM x.provider_ownership
      AND spend.supplier_category IS NOT DISTINCT FROM x.supplier_category
      AND coalesce(spend.arrangement = 'grant', false) = x.is_grant
      AND spend.delivered_by IS NOT DISTINCT FROM x.delivered_by`);
  return keys.length;
}

async function countBy<K extends string>(
  connection: DuckDBConnection,
  sql: string,
  keys: readonly K[],
): Promise<Record<K, number>> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const [key, n] of await rows(connection, sql)) {
    const k = str(key) as K | null;
    if (k != null && k in out) out[k] = int(n);
  }
  return out;
}

export async function classifyWarehouse(connection: DuckDBConnection): Promise<ClassificationSummary> {
  const started = Date.now();
  await writeRuleTable(connection);
  const ofstedOwners = await loadOfstedOwners(connection);
  const distinctText = await classifyContractText(connection);
  const suppliers = await decideSupplierOwnership(connection, ofstedOwners);
  const distinctEvidence = await classifyContractModels(connection, suppliers);
  const spendEvidence = await classifySpend(connection, suppliers);
  for (const t of [
    "_cls_text",
    "_cls_text_result",
    "_cls_rows",
    "_cls_evidence",
    "_cls_result",
    "_cls_spend",
    "_cls_spend_result",
    "_cls_trust",
  ]) {
    await connection.run(`DROP TABLE IF EXISTS temp.main.${t}`);
  }
  await connection.run(COVERAGE_VIEW);

  const [[contractRows], [spendRows]] = [
    await rows(connection, "SELECT count(*) FROM contracts"),
    await rows(connection, "SELECT count(*) FROM spend"),
  ];
  return {
    rulesetVersion: RULESET_VERSION,
    contracts: {
      rows: int(contractRows?.[0]),
      distinctText,
      distinctEvidence,
      byModel: await countBy(
        connection,
        "SELECT commissioning_model, count(*) FROM contracts GROUP BY 1",
        COMMISSIONING_MODELS,
      ),
      byOwnership: await countBy(
        connection,
        "SELECT supplier_ownership, count(*) FROM contracts GROUP BY 1",
        SUPPLIER_OWNERSHIPS,
      ),
    },
    spend: {
      rows: int(spendRows?.[0]),
      distinctEvidence: spendEvidence,
      byModel: await countBy(
        connection,
        "SELECT commissioning_model, count(*) FROM spend GROUP BY 1",
        COMMISSIONING_MODELS,
      ),
    },
    durationMs: Date.now() - started,
  };
}
