import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildInfo, classificationRules, filterOptions, registryCatalogue, sourcesUsed } from "./meta.js";
import { contract, fixtureWarehouse, KENT, LEEDS } from "./test-fixture.js";

let fx: Awaited<ReturnType<typeof fixtureWarehouse>>;
beforeAll(async () => {
  fx = await fixtureWarehouse({
    local_authorities: [KENT, LEEDS],
    contracts: [
      contract({ commissioning_model: "market-led" }),
      contract({ commissioning_model: "market-led", la_code: "383" }),
      contract({ commissioning_model: null }),
      contract({ commissioning_model: "cooperative", in_scope: false }),
    ],
    build_info: [
      { key: "is_sample", value: "true" },
      { key: "built_at", value: "2025-01-01T00:00:00Z" },
    ],
    build_log: [
      {
        source: "ofsted-providers",
        source_file: "a.csv",
        rows_read: 10,
        rows_kept: 9,
        rows_rejected: 1,
        built_at: "2025-01-01 00:00:00",
      },
      {
        source: "ofsted-providers",
        source_file: "b.csv",
        rows_read: 5,
        rows_kept: 5,
        rows_rejected: 0,
        built_at: "2025-01-01 00:00:00",
      },
    ],
  });
});
afterAll(() => fx.close());

describe("meta", () => {
  it("lists filter options with counts and labels, unknown included", async () => {
    const options = await filterOptions(fx.connection, { table: "contracts" });
    const model = options.find((o) => o.dimension === "model")!;
    expect(model.options).toEqual([
      { value: "market-led", label: "Market-led", n: 2 },
      { value: null, label: "Not recorded", n: 1 },
    ]);
    const council = options.find((o) => o.dimension === "council")!;
    expect(council.options.map((o) => [o.label, o.n])).toEqual([
      ["Kent", 2],
      ["Leeds", 1],
    ]);
    expect(options.some((o) => o.dimension === "sector")).toBe(false);
  });

  it("reads build info and the sources a build used, with their licences", async () => {
    expect(await buildInfo(fx.connection)).toEqual({ built_at: "2025-01-01T00:00:00Z", is_sample: "true" });
    const [ofsted] = await sourcesUsed(fx.connection);
    expect(ofsted).toMatchObject({ id: "ofsted-providers", files: 2, rowsRead: 15, rowsKept: 14, rowsRejected: 1 });
    expect(ofsted!.licence).toMatch(/Open Government Licence/);
  });

  it("serves the classification rules when the build wrote them", async () => {
    expect(await classificationRules(fx.connection)).toEqual([]);
    await fx.connection.run(
      "CREATE TABLE classification_rules (rule_id VARCHAR, description VARCHAR, result VARCHAR, precedence INTEGER)",
    );
    await fx.connection.run(
      "INSERT INTO classification_rules VALUES ('M2', 'b', 'market-led', 2), ('C1', 'a', 'cooperative', 1)",
    );
    const rules = await classificationRules(fx.connection);
    expect(rules.map((r) => [r.rule_id, r.precedence])).toEqual([
      ["C1", 1],
      ["M2", 2],
    ]);
    // With the coverage view, each rule says how many rows it decided (NULL when none).
    await fx.connection.run(
      "CREATE VIEW classification_coverage AS SELECT * FROM (VALUES ('C1', 'contracts', 3), ('C1', 'spend', 4)) t(rule, tbl, rows_decided)",
    );
    const covered = await classificationRules(fx.connection);
    expect(covered.map((r) => [r.rule_id, r.rows_decided])).toEqual([
      ["C1", 7],
      ["M2", null],
    ]);
    await fx.connection.run("DROP VIEW classification_coverage");
    await fx.connection.run("DROP TABLE classification_rules");
  });

  it("exposes the registries as data with a chart kind per metric", () => {
    const catalogue = registryCatalogue();
    expect(catalogue.metrics.find((m) => m.id === "procedure_mix")).toMatchObject({
      kind: "mix",
      splitsBy: "procedure",
    });
    expect(catalogue.metrics.find((m) => m.id === "share_36_months")!.target).toMatchObject({ value: 1 });
    expect(JSON.parse(JSON.stringify(catalogue))).toEqual(catalogue);
  });
});
