/**
 * The labelled set against the rules. First the scoring itself on a handmade table whose
 * answers are counted by hand; then the real thing: a warehouse built from ../shared/data, every
 * label joined to its row (a label whose id no longer names a row fails, with the id), the
 * scores printed, and the targets asserted.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DuckDBConnection, listValue } from "@duckdb/node-api";
import { sharedDataDir } from "@lens/ingest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "./build.js";
import { openMemoryWarehouse, openWarehouse, type Warehouse } from "./db.js";
import {
  type ContractLabel,
  formatMismatches,
  formatScores,
  holdoutRound,
  type LabelledResult,
  type LabelledSet,
  loadLabelledSet,
  parseLabelledSet,
  scoreLabelledSet,
  TARGETS,
} from "./labelled-contracts.js";

const label = (id: string, over: Partial<ContractLabel>): ContractLabel => ({
  contractId: id,
  source: "src",
  sourceFile: "f.csv",
  stratum: id,
  inScope: true,
  service: "fostering",
  ownership: "for-profit",
  scopeReason: "why in or out",
  ownershipReason: "why this owner",
  ...over,
});

describe("scoring the labelled set (handmade rows)", () => {
  let warehouse: Warehouse;
  let connection: DuckDBConnection;
  let result: LabelledResult;

  beforeAll(async () => {
    warehouse = await openMemoryWarehouse();
    connection = await warehouse.connect();
    await connection.run(`CREATE TABLE contracts (contract_id VARCHAR, source VARCHAR, source_file VARCHAR,
      in_scope BOOLEAN, service VARCHAR, supplier_name VARCHAR, supplier_ownership VARCHAR, ownership_reason VARCHAR, title VARCHAR)`);
    await connection.run(`INSERT INTO contracts VALUES
      ('A', 'src', 'f.csv', true,  'fostering',          'A Charity',   'not-for-profit', 'flag', 't'),
      ('B', 'src', 'f.csv', false, 'other',              'B Taxis',     'unknown',        'none', 't'),
      ('C', 'src', 'f.csv', true,  'other',              'C Council',   'public',         'name', 't'),
      ('D', 'src', 'f.csv', true,  'residential care',   'TBC',         'for-profit',     'guess', 't'),
      ('E', 'src', 'f.csv', true,  'youth',              'Own Co',      'in-house',       'group', 't'),
      ('G', 'src', 'g.csv', true,  'youth',              'G Ltd',       'for-profit',     'ltd', 't')`);
    const set: LabelledSet = {
      seed: 1,
      // C's stratum was sampled at one in three, so it weighs 3 in the population estimate.
      strata: ["A", "B", "C", "D", "E", "F", "G"].map((s) => ({
        source: "src",
        stratum: s,
        sourceFile: null,
        population: s === "C" ? 3 : 1,
        drawn: 1,
      })),
      labels: [
        label("A", { ownership: "not-for-profit" }), // right on all three
        label("B", { service: "SEND and transport" }), // missed by scope, wrong service, ownership left unknown
        label("C", { inScope: false, service: null, ownership: "public" }), // scope false positive
        label("D", { service: "residential care", ownership: "placeholder" }), // a placeholder given an owner
        label("E", { service: "youth", ownership: "public", inHouse: true }), // in-house is a kind of public
        label("F", {}), // no such row
        label("G", { sourceFile: "other.csv" }), // the id now names a row of another file
      ],
    };
    result = await scoreLabelledSet(connection, set);
  });

  afterAll(() => {
    connection?.closeSync();
    warehouse?.close();
  });

  it("names every label that does not match its row", () => {
    expect(result.missing.map((m) => m.contractId)).toEqual(["F", "G"]);
    expect(result.missing[1]?.problem).toContain("other.csv");
  });

  it("counts scope, service and ownership as counted by hand", () => {
    const s = result.scores;
    expect([s.scopePrecision.numerator, s.scopePrecision.denominator]).toEqual([3, 4]);
    expect([s.scopeRecall.numerator, s.scopeRecall.denominator]).toEqual([3, 4]);
    expect(s.weightedScopePrecision).toBeCloseTo(3 / 6);
    expect([s.serviceAccuracy.numerator, s.serviceAccuracy.denominator]).toEqual([3, 4]);
    expect([s.ownershipAccuracy.numerator, s.ownershipAccuracy.denominator]).toEqual([2, 4]);
    expect([s.ownershipWrong.numerator, s.ownershipWrong.denominator]).toEqual([1, 4]);
    expect([s.ownershipUnknown.numerator, s.ownershipUnknown.denominator]).toEqual([1, 4]);
    expect(result.mismatches.map((m) => `${m.kind}:${m.contractId}`).sort()).toEqual([
      "ownership-unknown:B",
      "ownership-wrong:D",
      "scope-extra:C",
      "scope-missed:B",
      "service:B",
    ]);
  });

  it("rejects a label that breaks the file's rules, naming it", () => {
    const bad = { seed: 1, strata: [], labels: [label("X", { inScope: false })] };
    expect(() => parseLabelledSet(bad)).toThrow(/X: service must be set exactly when in scope/);
  });
});

const DATA = sharedDataDir();

describe.skipIf(DATA === null)("the rules on the labelled set (real build)", () => {
  let dir: string;
  let warehouse: Warehouse;
  let connection: DuckDBConnection;
  let result: LabelledResult;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "lens-labelled-"));
    const outPath = join(dir, "real.duckdb");
    await buildWarehouse({ sourcesDir: DATA!, outPath });
    warehouse = await openWarehouse(outPath, { readOnly: true });
    connection = await warehouse.connect();
    const set = loadLabelledSet();
    result = await scoreLabelledSet(connection, set);
    console.log(formatScores(result.scores));
    // Each held-out round on its own: the newest round is the out-of-sample check of the rules
    // it was drawn under (docs/methods.md), the older ones have since been tuned against.
    const rounds = [...new Set(set.labels.map(holdoutRound).filter((r) => r !== null))];
    for (const round of rounds) {
      const held = await scoreLabelledSet(connection, {
        ...set,
        labels: set.labels.filter((l) => holdoutRound(l) === round),
      });
      console.log(`Held-out round '${round}' only:\n${formatScores(held.scores)}`);
    }
  }, 300_000);

  afterAll(async () => {
    connection?.closeSync();
    warehouse?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("has at least 200 labels, from every contract source in the build", async () => {
    const rows = await connection.runAndReadAll("SELECT DISTINCT source FROM contracts ORDER BY source");
    const sources = rows.getRowObjectsJson().map((r) => String(r.source));
    expect(result.scores.labels).toBeGreaterThanOrEqual(200);
    expect(Object.keys(result.scores.perSource).sort()).toEqual(sources);
  });

  it("every label still names its row (same source and file)", () => {
    expect(result.missing).toEqual([]);
  });

  it("draws at most two rows of one notice into the fourth held-out round", async () => {
    // The round was capped per notice so one framework's supplier rows cannot dominate it
    // (docs/methods.md); a notice is the ocid, or the source, buyer and title without one.
    const ids = loadLabelledSet()
      .labels.filter((l) => holdoutRound(l) === "holdout-4")
      .map((l) => l.contractId);
    expect(ids.length).toBeGreaterThanOrEqual(100);
    const rows = await connection.runAndReadAll(
      `SELECT coalesce(ocid, source || '|' || lower(coalesce(buyer_name, '')) || '|' || lower(trim(coalesce(title, '')))) AS notice, count(*) AS n
       FROM contracts WHERE list_contains($ids, contract_id) GROUP BY notice ORDER BY n DESC LIMIT 1`,
      { ids: listValue(ids) },
    );
    expect(Number(rows.getRowObjectsJson()[0]?.n)).toBeLessThanOrEqual(2);
  });

  it("meets the issue's targets: scope precision and recall, service accuracy, ownership wrong and unknown", () => {
    const s = result.scores;
    const failed = [
      s.scopePrecision.value >= TARGETS.scopePrecision.atLeast ? null : "scope precision",
      s.scopeRecall.value >= TARGETS.scopeRecall.atLeast ? null : "scope recall",
      s.serviceAccuracy.value >= TARGETS.serviceAccuracy.atLeast ? null : "service accuracy",
      s.ownershipWrong.value <= TARGETS.ownershipWrong.atMost ? null : "ownership wrong",
      s.ownershipUnknown.value <= TARGETS.ownershipUnknown.atMost ? null : "ownership unknown",
    ].filter((f) => f !== null);
    // The mismatch list is what a rule author needs when this fails.
    if (failed.length > 0) console.log(formatMismatches(result.mismatches));
    expect(failed).toEqual([]);
  });
});
