import type { DuckDBConnection } from "@duckdb/node-api";
import { describeRules, RULESET_VERSION } from "@lens/core/classify";
import { SCHEMA_SQL } from "@lens/core/schema";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { classifyWarehouse } from "./classify-step.js";
import { openMemoryWarehouse, queryRows, type Warehouse } from "./db.js";

let warehouse: Warehouse;
let connection: DuckDBConnection;

beforeEach(async () => {
  warehouse = await openMemoryWarehouse();
  connection = await warehouse.connect();
  await connection.run(SCHEMA_SQL);
  await connection.run(`
    INSERT INTO local_authorities VALUES
      ('878', 'E10000008', 'Devon', 'South West', 'County'),
      ('873', 'E10000003', 'Cambridgeshire', 'East of England', 'County');
    INSERT INTO provider_snapshots (snapshot_date, year, urn, sector, owner_name, covers_all_registered, source, source_file)
    VALUES ('2024-03-31', 2024, 'SC1', 'Private', 'Horizon Care and Education Group Limited', true, 'ofsted', 'f.csv'),
           ('2024-03-31', 2024, 'SC2', 'Voluntary', 'Break', true, 'ofsted', 'f.csv');
  `);
  const contracts: Array<
    [string, string | null, string | null, string | null, string | null, string | null, boolean | null, string | null]
  > = [
    // id, buyer, supplier, method, detail, title, vcse, service
    [
      "c1",
      "Cambridgeshire County Council",
      "Acme Care Ltd",
      "open",
      "Open procedure",
      "Residential placements",
      null,
      null,
    ],
    [
      "c2",
      "Cambridgeshire County Council",
      "Barnardo's",
      "open",
      "Open procedure",
      "Family support service",
      false,
      null,
    ],
    ["c3", "Devon County Council", "Devon County Council", null, "Other - ", "Internal fostering service", null, null],
    ["c4", "Devon County Council", "Young Devon", null, "Grant agreement", "Youth work grant", null, null],
    ["c5", "Devon County Council", null, "open", "Open procedure", "Home to school transport", null, null],
    [
      "c6",
      "Devon County Council",
      "Horizon Care & Education Group Ltd.",
      "selective",
      "Call-off from a framework agreement",
      "Children's home placement",
      null,
      "residential care",
    ],
    [
      "c7",
      "Devon County Council",
      "Torbay Council",
      null,
      "Other - ",
      "Section 75 agreement for short breaks",
      null,
      null,
    ],
    [
      "c8",
      "Devon County Council",
      "Break",
      "direct",
      "Single tender action (below threshold)",
      "Short breaks",
      null,
      null,
    ],
    ["c9", "Devon County Council", "Mystery Provider", null, null, "Supported accommodation", null, null],
    // Same evidence as c1: must get the identical answer.
    [
      "c10",
      "Cambridgeshire County Council",
      "Acme Care Ltd",
      "open",
      "Open procedure",
      "Residential placements",
      null,
      null,
    ],
  ];
  for (const [id, buyer, supplier, method, detail, title, vcse, service] of contracts) {
    await connection.run(
      `INSERT INTO contracts (contract_id, source, buyer_name, supplier_name, procurement_method, procurement_method_detail, title,
                              supplier_is_vcse, service, source_file)
       VALUES ($1, 'test', $2, $3, $4, $5, $6, $7, $8, 'handmade')`,
      [id, buyer, supplier, method, detail, title, vcse, service],
    );
  }
  await connection.run(`
    INSERT INTO spend (la_code, period, year, source, service_line, provider_ownership, supplier_name, amount_gbp, source_file) VALUES
      ('878', '2013-14', 2013, 's251', 'Residential care', 'own', NULL, 100, 's251.csv'),
      ('878', '2013-14', 2013, 's251', 'Residential care', 'private', NULL, 200, 's251.csv'),
      ('878', '2013-14', 2013, 's251', 'Residential care', 'voluntary', NULL, 50, 's251.csv'),
      ('878', '2013-14', 2013, 's251', 'Residential care', 'other public', NULL, 25, 's251.csv'),
      ('878', '2020-04', 2020, 'ledger', 'Residential Care - Private (3rd)', 'LTD', 'CAMBIAN CHILDCARE LTD', 900, 'ledger.csv'),
      ('878', '2020-04', 2020, 'ledger', 'Grants & Cont to Vol', 'LTD', 'ACTION FOR CHILDREN', 300, 'ledger.csv'),
      ('878', '2020-04', 2020, 'ledger', 'Independent Fostering (3rd)', 'CHTY', 'YOUNG DEVON', 30, 'ledger.csv'),
      ('878', '2020-04', 2020, 'ledger', 'Fostering Allowances', 'INDV', 'REDACTED UNDER DP ACT', 10, 'ledger.csv');
  `);
});

afterEach(() => {
  connection.closeSync();
  warehouse.close();
});

type ContractRow = {
  contract_id: string;
  procedure_type: string;
  service: string;
  supplier_ownership: string | null;
  ownership_reason: string | null;
  commissioning_model: string;
  model_reason: string;
  model_rule: string;
};

describe("classifyWarehouse", () => {
  it("fills procedure, service, ownership and model on every contract", async () => {
    const summary = await classifyWarehouse(connection);
    const result = await queryRows<ContractRow>(connection, "SELECT * FROM contracts ORDER BY contract_id");
    const byId = new Map(result.map((r) => [r.contract_id, r]));
    const expected: Record<
      string,
      [model: string, rule: string, ownership: string | null, procedure: string, service: string]
    > = {
      c1: ["market-led", "M1", "for-profit", "open", "residential care"],
      c2: ["cooperative", "C4", "not-for-profit", "open", "family support"],
      c3: ["in-house", "H1", "public", "other", "fostering"],
      c4: ["cooperative", "C1", "not-for-profit", "grant", "youth"],
      c5: ["unknown", "U1", null, "open", "SEND and transport"],
      c6: ["market-led", "M2", "for-profit", "framework call-off", "residential care"],
      c7: ["cooperative", "C2", "public", "other", "short breaks"],
      c8: ["cooperative", "C4", "not-for-profit", "direct award", "short breaks"],
      c9: ["unknown", "U2", "unknown", "unknown", "care leavers"],
      c10: ["market-led", "M1", "for-profit", "open", "residential care"],
    };
    for (const [id, [model, rule, ownership, procedure, service]] of Object.entries(expected)) {
      const row = byId.get(id);
      expect(row, id).toBeDefined();
      expect(
        [row?.commissioning_model, row?.model_rule, row?.supplier_ownership, row?.procedure_type, row?.service],
        id,
      ).toEqual([model, rule, ownership, procedure, service]);
      expect(row?.model_reason, id).toContain(`rule ${rule}`);
    }
    expect(byId.get("c1")?.model_reason).toBe(
      "supplier 'Acme Care Ltd': has legal form 'Ltd' → for-profit (rule O12); procedure 'Open procedure' → open; rule M1: for-profit supplier; competitive tender → market-led",
    );
    // The Ofsted owner lookup decided "Break" (its sector is Voluntary).
    expect(byId.get("c8")?.ownership_reason).toContain("rule O8");
    expect(byId.get("c1")?.model_reason).toBe(byId.get("c10")?.model_reason);

    expect(summary.rulesetVersion).toBe(RULESET_VERSION);
    expect(summary.contracts.rows).toBe(10);
    expect(summary.contracts.distinctEvidence).toBe(9);
    expect(summary.contracts.byModel).toEqual({ "market-led": 3, cooperative: 4, "in-house": 1, unknown: 2 });
  });

  it("classifies spend lines by ownership line or by the ledger supplier", async () => {
    const summary = await classifyWarehouse(connection);
    const result = await queryRows<{
      supplier_name: string | null;
      provider_ownership: string;
      commissioning_model: string;
      model_rule: string;
      supplier_ownership: string | null;
    }>(
      connection,
      "SELECT supplier_name, provider_ownership, commissioning_model, model_rule, supplier_ownership FROM spend ORDER BY amount_gbp",
    );
    expect(
      result.map((r) => [
        r.provider_ownership,
        r.supplier_name,
        r.commissioning_model,
        r.model_rule,
        r.supplier_ownership,
      ]),
    ).toEqual([
      ["INDV", "REDACTED UNDER DP ACT", "unknown", "U1", "unknown"],
      ["other public", null, "cooperative", "S4", null],
      ["CHTY", "YOUNG DEVON", "cooperative", "C4", "not-for-profit"],
      ["voluntary", null, "cooperative", "S3", null],
      ["own", null, "in-house", "S1", null],
      ["private", null, "market-led", "S2", null],
      // A known charity beats the ledger's "LTD" (charities limited by guarantee are Ltd).
      ["LTD", "ACTION FOR CHILDREN", "cooperative", "C4", "not-for-profit"],
      ["LTD", "CAMBIAN CHILDCARE LTD", "market-led", "M4", "for-profit"],
    ]);
    expect(summary.spend.byModel).toEqual({ "market-led": 2, cooperative: 4, "in-house": 1, unknown: 1 });
  });

  it("publishes the rule table and per-rule coverage", async () => {
    await classifyWarehouse(connection);
    const rules = await queryRows<{ rule_id: string; ruleset_version: string }>(
      connection,
      "SELECT * FROM classification_rules",
    );
    expect(rules).toHaveLength(describeRules().length);
    expect(new Set(rules.map((r) => r.ruleset_version))).toEqual(new Set([RULESET_VERSION]));
    const coverage = await queryRows<{ rule: string; table: string; stage: string; rows_decided: number }>(
      connection,
      `SELECT rule, "table", stage, rows_decided::INTEGER AS rows_decided FROM classification_coverage`,
    );
    const m1 = coverage.find((c) => c.rule === "M1" && c.table === "contracts" && c.stage === "model");
    expect(m1?.rows_decided).toBe(2);
    const total = coverage
      .filter((c) => c.table === "contracts" && c.stage === "model")
      .reduce((s, c) => s + c.rows_decided, 0);
    expect(total).toBe(10);
    const o12 = coverage.find((c) => c.rule === "O12" && c.table === "contracts" && c.stage === "ownership");
    expect(o12?.rows_decided).toBe(2);
  });

  it("is idempotent: a second run gives the same answers", async () => {
    await classifyWarehouse(connection);
    const first = await queryRows(connection, "SELECT contract_id, model_reason FROM contracts ORDER BY 1");
    await classifyWarehouse(connection);
    const second = await queryRows(connection, "SELECT contract_id, model_reason FROM contracts ORDER BY 1");
    expect(second).toEqual(first);
  });
});
