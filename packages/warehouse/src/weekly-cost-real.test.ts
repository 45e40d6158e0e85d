/**
 * `weekly_cost_per_child` on a warehouse built from the real s251 outturn and DfE children
 * looked after files, through `compare` (the path of the API, charts and CSV exports). The
 * expected figures were reproduced by hand from the raw files: for 2013-14, the
 * "Residential care" and "Fostering services" lines of `outturn_1314.csv` summed per council
 * and provider column, and `CLA_OwnP`, `CLA_Priv`, `CLA_Vol`, `CLA_OthPP` + `CLA_OthLA` of
 * `SFR36_CLA2014.csv` per council; a council-provider pair counts where both are known and
 * above zero; England is the sum over those councils.
 */
import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { WEEKS_PER_YEAR } from "@lens/core";
import { sharedDataDir } from "@lens/ingest";
import { compare, type MetricRow } from "@lens/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "./build.js";
import { openWarehouse, type Warehouse } from "./db.js";

const DATA = sharedDataDir();
const METRIC = "weekly_cost_per_child";

describe.skipIf(DATA === null)("weekly cost per child by provider type, real files", () => {
  let dir: string;
  let warehouse: Warehouse;
  let connection: DuckDBConnection;
  let england: MetricRow[];
  const councils = new Map<number, MetricRow[]>();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "lens-weekly-cost-"));
    const sources = join(dir, "sources");
    await mkdir(sources);
    for (const folder of ["la-reference", "s251-outturn", "dfe-cla-la", "dfe-cla-national"])
      await symlink(join(DATA!, folder), join(sources, folder));
    const outPath = join(dir, "lens.duckdb");
    await buildWarehouse({ sourcesDir: sources, outPath });
    warehouse = await openWarehouse(outPath, { readOnly: true });
    connection = await warehouse.connect();
    england = (await compare(connection, { metric: METRIC, groupBy: ["provider_ownership", "year"] })).rows;
    // At most two dimensions a query: council × provider, one year at a time.
    for (const year of [2013, 2014]) {
      const rows = (
        await compare(connection, {
          metric: METRIC,
          groupBy: ["council", "provider_ownership"],
          filters: { from: year, to: year },
        })
      ).rows;
      councils.set(year, rows);
    }
  }, 300_000);

  afterAll(async () => {
    connection?.closeSync();
    warehouse?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const nationalRow = (provider: string, year: number) =>
    england.find((r) => r.dims.provider_ownership === provider && Number(r.dims.year) === year);
  const councilRow = (la: string, provider: string, year: number) =>
    councils.get(year)?.find((r) => r.dims.council === la && r.dims.provider_ownership === provider);

  it("covers 2011–2014 only: the years with both the s251 lines and the DfE council provider counts", () => {
    expect([...new Set(england.map((r) => Number(r.dims.year)))].sort()).toEqual([2011, 2012, 2013, 2014]);
  });

  it.each([
    // provider, spend (£, the two lines), children at 31 March 2014, council-years
    ["own", 1_121_608_564.32, 39_383, 149],
    ["private", 1_285_000_012.15, 21_896, 144],
    ["voluntary", 62_488_128.18, 669, 30],
    ["other public", 3_789_097.86, 144, 9],
  ] as const)("England 2013-14, %s: spend ÷ children ÷ 52.18 as by hand", (provider, spend, children, n) => {
    const row = nationalRow(provider, 2014);
    expect(row?.suppressed).toBe(false);
    expect(row?.n).toBe(n);
    expect(row?.denominator).toBe(children);
    expect((row?.numerator ?? 0) * WEEKS_PER_YEAR).toBeCloseTo(spend, 2);
    expect(row?.value).toBeCloseTo(spend / WEEKS_PER_YEAR / children, 6);
  });

  it("England 2013-14 in pounds a week: own £545.79, private £1,124.69", () => {
    expect(nationalRow("own", 2014)?.value?.toFixed(2)).toBe("545.79");
    expect(nationalRow("private", 2014)?.value?.toFixed(2)).toBe("1124.69");
  });

  it.each([
    // Kent 2013-14
    ["886", "own", 32_812_819, 1_288],
    ["886", "private", 27_468_884, 462],
    ["886", "voluntary", 2_503_850, 24],
    // Salford 2013-14
    ["355", "own", 9_364_033.39, 369],
    ["355", "private", 10_228_642.63, 116],
  ] as const)("council %s 2013-14, %s: as by hand", (la, provider, spend, children) => {
    const row = councilRow(la, provider, 2014);
    expect(row?.suppressed).toBe(false);
    expect(row?.n).toBe(1);
    expect(row?.denominator).toBe(children);
    expect(row?.value).toBeCloseTo(spend / WEEKS_PER_YEAR / children, 6);
  });

  it("leaves out a side that is missing: no spend on the lines, or children suppressed", () => {
    // Kent recorded £0 other public placement spend with 17 children so placed; Birmingham £0
    // voluntary with 98 children: a reporting gap, not a £0 placement.
    expect(councilRow("886", "other public", 2014)).toBeUndefined();
    expect(councilRow("330", "voluntary", 2014)).toBeUndefined();
    // Salford's voluntary count is suppressed (x) in the DfE file.
    expect(councilRow("355", "voluntary", 2014)).toBeUndefined();
  });

  it("suppresses a cost over fewer than 10 children (Rutland's 6 in private placements)", () => {
    const row = councilRow("857", "private", 2014);
    expect(row?.suppressed).toBe(true);
    expect(row?.value).toBeNull();
    expect(row?.n).toBe(1);
  });

  it("computes no cost for a council-year whose placement spend is all other public (City of London 2012-13)", () => {
    expect(councils.get(2013)?.some((r) => r.dims.council === "201")).toBe(false);
    expect(councils.get(2013)?.length).toBeGreaterThan(300);
  });
});
