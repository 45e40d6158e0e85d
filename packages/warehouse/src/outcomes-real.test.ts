/**
 * Outcomes for children on a warehouse built from the real DfE files, through `benchmark` and
 * `compare` (the path the API, the Council benchmark page and the CSV exports take). The
 * expected figures were read off the raw CSVs by hand (python csv over each file, 2024 rows):
 * the council's row for the council, DfE's own England and regional rows for England and the
 * region — never an average or pool of councils.
 */
import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { METRICS } from "@lens/core";
import { sharedDataDir } from "@lens/ingest";
import { type BenchmarkResult, benchmark, compare } from "@lens/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "./build.js";
import { openWarehouse, type Warehouse } from "./db.js";

const DATA = sharedDataDir();
const OUTCOMES = METRICS.filter((m) => m.table === "council_indicators").map((m) => m.id);

/** [metric, council, South East or Yorkshire region, England] for 2024, from the raw files. */
const KENT: [string, number, number, number][] = [
  ["cla_three_plus_placements", 221 / 1960, 1370 / 11180, 8690 / 83630],
  ["cla_same_carer_2y", 300 / 448, 2320 / 3530, 19750 / 29000],
  ["placement_changes_provider_closure", 13 / 1856, 40 / 9870, 530 / 66070],
  [
    "new_placements_over_20_miles",
    (397 + 259) / (4621 - 2856),
    (1080 + 2620) / (16180 - 4900),
    (4270 + 14980) / (98730 - 15970),
  ],
  ["care_leavers_suitable_accommodation", 1006 / (1191 - 94), 4460 / (5510 - 750), 31630 / (36110 - 2440)],
  ["care_leavers_eet", 664 / (1203 - 94), 2850 / (5570 - 790), 19550 / (36370 - 2520)],
  ["social_worker_agency_rate", 0.14, 0.151, 0.162],
  ["social_worker_turnover", 0.111, 0.144, 0.138],
  ["social_worker_vacancy_rate", 0.151, 0.16, 0.173],
  ["homes_placed_outside_council", 0.41, 0.66, 0.67],
  ["homes_net_gain", 146, -110, -300],
];

describe.skipIf(DATA === null)("outcomes for children on the real DfE files", () => {
  let dir: string;
  let warehouse: Warehouse;
  let connection: DuckDBConnection;
  let kent: BenchmarkResult;
  let leeds: BenchmarkResult;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "lens-outcomes-real-"));
    const sources = join(dir, "sources");
    await mkdir(sources);
    for (const folder of ["la-reference", "dfe-cla-la-outcomes", "dfe-foi-childrens-homes", "dfe-csww"])
      await symlink(join(DATA!, folder), join(sources, folder));
    const outPath = join(dir, "lens.duckdb");
    await buildWarehouse({ sourcesDir: sources, outPath });
    warehouse = await openWarehouse(outPath, { readOnly: true });
    connection = await warehouse.connect();
    kent = await benchmark(connection, { council: "886", metrics: OUTCOMES });
    leeds = await benchmark(connection, { council: "383", metrics: OUTCOMES });
  }, 300_000);

  afterAll(async () => {
    connection?.closeSync();
    await warehouse?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("Kent (886), the South East and England: every outcome metric as the files publish it, for 2024", () => {
    expect(kent.metrics.map((m) => m.metric)).toEqual(KENT.map(([id]) => id));
    for (const [id, council, region, england] of KENT) {
      const m = kent.metrics.find((x) => x.metric === id)!;
      expect(m.year, id).toBe(2024);
      expect(m.council?.value, `${id} Kent`).toBeCloseTo(council, 12);
      expect(m.region?.value, `${id} South East`).toBeCloseTo(region, 12);
      expect(m.england?.value, `${id} England`).toBeCloseTo(england, 12);
    }
  });

  it("Leeds (383): its own rows; its suppressed closure count is shown as suppressed, never 0", () => {
    const value = (id: string) => leeds.metrics.find((m) => m.metric === id)!.council;
    expect(value("cla_three_plus_placements")?.value).toBeCloseTo(238 / 1549, 12);
    expect(value("cla_same_carer_2y")?.value).toBeCloseTo(396 / 555, 12);
    expect(value("new_placements_over_20_miles")?.value).toBeCloseTo((20 + 293) / (2316 - 249), 12);
    expect(value("care_leavers_eet")?.value).toBeCloseTo(282 / (554 - 48), 12);
    expect(value("social_worker_agency_rate")?.value).toBeCloseTo(0.052, 12);
    expect(value("homes_net_gain")?.value).toBe(-89);
    expect(value("placement_changes_provider_closure")).toMatchObject({ value: null, suppressed: true });
    expect(leeds.metrics.find((m) => m.metric === "placement_changes_provider_closure")!.rank).toBeNull();
  });

  it("ranks only councils with a 2024 figure: abolished councils' earlier years are not among them", () => {
    const turnover = kent.metrics.find((m) => m.metric === "social_worker_turnover")!;
    // 2024 has 151 council records: two joint returns (314 / 318, 940 / 941) are rejected and the
    // Isles of Scilly's rate is `z`, so 148 councils rank.
    expect(turnover.rankOf).toBe(148);
  });

  it("England by year is England's own row each year", async () => {
    const r = await compare(connection, { metric: "cla_three_plus_placements", groupBy: ["year"] });
    expect(r.rows.map((x) => x.dims.year)).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(r.rows.at(-1)).toMatchObject({ numerator: 8690, denominator: 83630 });
  });
});
