/**
 * Every contract source in ../shared/data/procurement, parsed exactly as the build does, with
 * exact counts per file (read = kept + rejected) and for the contracts table.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../query.js";
import { type IngestRun, runIngesters } from "../testing/build-fixture.js";
import { sharedDataDir } from "../testing/shared-data.js";
import { CONTRACT_INGESTERS } from "./index.js";

const shared = sharedDataDir();

describe.skipIf(shared === null)("contracts from the real procurement files", () => {
  let run: IngestRun;
  beforeAll(async () => {
    run = await runIngesters(join(shared ?? "", "procurement"), CONTRACT_INGESTERS);
  }, 120_000);
  afterAll(async () => run?.close());

  it("accounts for every row of every file", () => {
    const byFile = Object.fromEntries(run.stats.map((s) => [s.file, [s.rowsRead, s.rowsKept, s.rowsRejected]]));
    expect(byFile).toEqual(EXPECTED_FILES);
    for (const s of run.stats) expect(s.rowsRead).toBe(s.rowsKept + s.rowsRejected);
    expect(run.rejects.length).toBe(run.stats.reduce((n, s) => n + s.rowsRejected, 0));
  });

  it("writes the expected contracts per source and stage, and in-scope rows", async () => {
    const rows = await queryRows<{ source: string; stage: string; n: number; in_scope: number }>(
      run.connection,
      `SELECT source, stage, count(*)::INTEGER AS n, count(*) FILTER (in_scope)::INTEGER AS in_scope
       FROM contracts GROUP BY ALL ORDER BY ALL`,
    );
    expect(rows.map((r) => `${r.source} ${r.stage} ${r.n} ${r.in_scope}`)).toEqual(EXPECTED_TABLE);
    expect(rows.reduce((n, r) => n + r.n, 0)).toBe(16079);
    expect(rows.reduce((n, r) => n + r.in_scope, 0)).toBe(2082);
  });

  it("keeps unknown as NULL, never 0, and every row traceable", async () => {
    const [r] = await queryRows<Record<string, number>>(
      run.connection,
      `SELECT count(*) FILTER (value_gbp <= 0)::INTEGER AS zero_values,
              count(*) FILTER (annual_value_gbp IS NOT NULL AND (value_gbp IS NULL OR duration_months IS NULL))::INTEGER AS bad_annual,
              count(*) FILTER (source_line IS NULL OR source_file IS NULL)::INTEGER AS untraceable,
              count(*) FILTER (source IN ('public-contracts-scotland', 'sell2wales') AND (la_code IS NOT NULL OR in_scope))::INTEGER AS non_english_in_scope,
              count(*) FILTER (number_of_tenderers IS NOT NULL)::INTEGER AS tenderer_counts
       FROM contracts`,
    );
    expect(r).toEqual({ zero_values: 0, bad_annual: 0, untraceable: 0, non_english_in_scope: 0, tenderer_counts: 0 });
  });

  it("decodes every HTML entity in buyer, title, description and supplier text", async () => {
    const [r] = await queryRows<Record<string, number>>(
      run.connection,
      `SELECT count(*) FILTER (regexp_matches(concat_ws(' ', buyer_name, title, description, supplier_name),
                                              '&(#[0-9]+|#x[0-9A-Fa-f]+|amp|apos|quot|lt|gt|nbsp|pound|bull|eacute|reg);'))::INTEGER AS with_entity,
              count(*) FILTER (title LIKE '%Children''s%' OR description LIKE '%Children''s%')::INTEGER AS childrens_apostrophe
       FROM contracts`,
    );
    expect(r?.with_entity).toBe(0);
    // Before decoding, 'Children&#039;s' hid these from every word rule.
    expect(r?.childrens_apostrophe).toBe(EXPECTED_CHILDRENS_APOSTROPHE);
  });

  it("maps every upper-tier council spelling in the files to its council, and records portals as portals", async () => {
    const all = await queryRows<{ buyer_name: string; la_code: string | null; buyer_kind: string }>(
      run.connection,
      "SELECT DISTINCT buyer_name, la_code, buyer_kind FROM contracts WHERE buyer_name IS NOT NULL",
    );
    // A portal keeps la_code NULL unless a notice names its council ("by notice" when some do).
    const seen = new Map<string, { kind: string; codes: Set<string | null> }>();
    for (const r of all.filter((row) => row.buyer_name in REAL_COUNCIL_SPELLINGS)) {
      const entry = seen.get(r.buyer_name) ?? { kind: r.buyer_kind, codes: new Set<string | null>() };
      entry.codes.add(r.la_code);
      seen.set(r.buyer_name, entry);
    }
    const described = [...seen].map(([name, e]) => [
      name,
      `${e.kind} ${e.codes.size === 1 ? [...e.codes][0] : "by notice"}`,
    ]);
    expect(Object.fromEntries(described)).toEqual(REAL_COUNCIL_SPELLINGS);
    // No English buyer spelled as an upper-tier council is left without its code.
    const [unmapped] = await queryRows<{ n: number }>(
      run.connection,
      `SELECT count(*)::INTEGER AS n FROM contracts
       WHERE la_code IS NULL AND source NOT IN ('public-contracts-scotland', 'sell2wales')
         AND regexp_matches(lower(buyer_name), '(county|metropolitan borough) council|london borough|royal borough')
         AND NOT regexp_matches(lower(buyer_name), 'c/o')`,
    );
    expect(unmapped?.n).toBe(0);
    // Children's notices still without a council, by what the buyer is (was 261 before these spellings).
    const noCouncil = await queryRows<{ buyer_kind: string; n: number }>(
      run.connection,
      `SELECT buyer_kind, count(*)::INTEGER AS n FROM contracts
       WHERE scope_rule IN ('K1', 'K3', 'K8', 'K9', 'K10') AND la_code IS NULL
         AND source NOT IN ('public-contracts-scotland', 'sell2wales')
       GROUP BY ALL ORDER BY ALL`,
    );
    expect(Object.fromEntries(noCouncil.map((r) => [r.buyer_kind, r.n]))).toEqual(CHILDRENS_WITHOUT_COUNCIL);
  });

  it("reads Contracts Finder OCDS 1.0 supplier flags and shared award values", async () => {
    const rows = await queryRows<{ n: number; sme: number; vcse: number; shared: number }>(
      run.connection,
      `SELECT count(*)::INTEGER AS n, count(*) FILTER (supplier_is_sme)::INTEGER AS sme,
              count(*) FILTER (supplier_is_vcse)::INTEGER AS vcse, count(*) FILTER (value_is_shared)::INTEGER AS shared
       FROM contracts WHERE source_file LIKE '%packages_ocds10_100.jsonl'`,
    );
    expect(rows[0]).toEqual(EXPECTED_CF10_SUPPLIERS);
  });
});

// 72 from the notices and Norfolk, 2 from Salford's register (its other 35 write the apostrophe as C1 bytes, kept).
const EXPECTED_CHILDRENS_APOSTROPHE = 74;

/** Buyer spellings in the real files → "buyer_kind la_code" (reference facts: DfE council codes). */
const REAL_COUNCIL_SPELLINGS: Record<string, string> = {
  "Hertfordshire County Council - Children's Services": "council 919",
  "Warwickshire County Council (WCC)": "council 937",
  "Bradford Metropolitan District Council": "council 380",
  "City of Bradford Metropolitan District Council": "council 380",
  "The Borough Council of Bolton": "council 350",
  "Stockton Borough Council": "council 808",
  "City of London Corporation": "council 201",
  "Blackpool Borough Council Trading Standards": "council 890",
  "Walsall Council e-Tendering": "council 335",
  "Northampton County Council": "council 928",
  "DONCASTER CHILDREN'S SERVICES TRUST LIMITED": "children's trust 371",
  "Borough Council of King's Lynn & West Norfolk": "lower-tier council null",
  "DUE NORTH LIMITED": "portal by notice",
  "IN-TEND LIMITED": "portal by notice",
  "BRAVOSOLUTION UK LIMITED": "portal by notice",
  "BIP SOLUTIONS LIMITED": "portal by notice",
  "PROACTIS TENDERS LIMITED": "portal null",
  "Defra Network eTendering Portal": "portal null",
  ESPO: "procurement consortium null",
};

const CHILDRENS_WITHOUT_COUNCIL: Record<string, number> = {
  "lower-tier council": 31,
  other: 94,
  portal: 74,
  "procurement consortium": 15,
};

const EXPECTED_FILES: Record<string, number[]> = {
  // file: [read, kept, rejected]
  "contracts-finder-csv-export/notices_open_2020-04-16.csv": [1000, 855, 145],
  "contracts-finder-harvester-csv/export-2020-08-05.csv": [29, 28, 1],
  "contracts-finder-lancashire-derived/blackburn.json": [70, 70, 0],
  "contracts-finder-lancashire-derived/blackpool.json": [153, 149, 4],
  "contracts-finder-lancashire-derived/burnley.json": [94, 90, 4],
  "contracts-finder-lancashire-derived/chorley.json": [150, 149, 1],
  "contracts-finder-lancashire-derived/fylde.json": [90, 90, 0],
  "contracts-finder-lancashire-derived/hyndburn.json": [33, 32, 1],
  "contracts-finder-lancashire-derived/lancashire_cc.json": [91, 85, 6],
  "contracts-finder-lancashire-derived/lancaster.json": [74, 74, 0],
  "contracts-finder-lancashire-derived/pendle.json": [14, 14, 0],
  "contracts-finder-lancashire-derived/preston.json": [86, 86, 0],
  "contracts-finder-lancashire-derived/ribble_valley.json": [21, 21, 0],
  "contracts-finder-lancashire-derived/rossendale.json": [90, 86, 4],
  "contracts-finder-lancashire-derived/south_ribble.json": [88, 86, 2],
  "contracts-finder-lancashire-derived/west_lancashire.json": [79, 60, 19],
  "contracts-finder-lancashire-derived/wyre.json": [91, 88, 3],
  "contracts-finder-notice-titles-2020/contracts.csv": [2564, 2564, 0],
  "contracts-finder-ocds-2014-ocp-sample/records_compiled_by_ocp.jsonl": [11, 0, 11],
  "contracts-finder-ocds-2014-ocp-sample/releases.jsonl": [21, 3, 18],
  "contracts-finder-ocds-2020-spendnetwork/packages_ocds10_100.jsonl": [100, 100, 0],
  "contracts-finder-ocds-2020-spendnetwork/releases_ocds11_upgraded_34.jsonl": [34, 26, 8],
  "contracts-finder-ocds/releases.jsonl": [200, 183, 17],
  "contracts-finder-scraped-awards/home_office_awards.csv": [2960, 2931, 29],
  "find-a-tender-ocds/package_032703-2026.json": [1, 0, 1],
  "find-a-tender-ocds/package_037689-2026.json": [1, 0, 1],
  "find-a-tender-ocds/releases.jsonl": [2, 1, 1],
  "norfolk-contract-register-2015/NCC164467.csv": [5729, 5729, 0],
  // Two impossible end dates (2022-09-31, 22/04/222) rejected, as for Norfolk's unreadable dates.
  "salford-contract-register-2022/salford_contracts_register_2022-07.csv": [360, 358, 2],
  "public-contracts-scotland-ocds/releases.jsonl": [90, 90, 0],
  "sell2wales-ocds/releases.jsonl": [90, 90, 0],
};
const EXPECTED_TABLE = [
  // source stage rows in_scope (core's childrensScope: works, staff training, adult-only and
  // public-health notices out; early-education places out; a council's whole passenger-transport
  // DPS out unless a school, pupil or college word is beside it; service words such as
  // "residential care placements" in; council spellings, children's trusts and councils named
  // by a portal's notice mapped to la_code)
  "contracts-finder award 4790 273",
  "contracts-finder tender 910 25",
  "contracts-finder-lancashire award 801 4",
  "contracts-finder-lancashire tender 379 2",
  "contracts-finder-scraped award 2931 0",
  "find-a-tender tender 1 0",
  "norfolk-register register 5729 1739",
  "public-contracts-scotland tender 90 0",
  "salford-register register 358 39",
  "sell2wales tender 90 0",
];
const EXPECTED_CF10_SUPPLIERS = { n: 1499, sme: 499, vcse: 32, shared: 1499 };
