/**
 * The council-ledger payment measures on a warehouse built from the real ledgers, s251 outturn
 * and research panel, through the API's paths (`ledgerPayments`, `compare`). The expected
 * figures were reproduced by hand from the raw CSVs, independently of the parsers:
 * - Darlington 2013-14: the eleven monthly files 2013-04 … 2014-03 (2013-11 is not published),
 *   lines whose `Service` is one of the children's services, with `Account` External
 *   Placements, Foster Carers Recruitment & Retention or Fostering Allowance; `Invoice Line
 *   Value (net of VAT)` summed, and per supplier name (case-folded) over positive lines;
 * - Wakefield 2017-18: `Directorate = CHILDYOU`, `Payment Date` April 2017 – March 2018,
 *   `Purpose of Spend` one of the four residential and fostering types, `Net Amount` summed;
 * - s251: `outturn_1314.csv`, council 841, lines 6 Residential care and 7 Fostering services,
 *   own + private + other public + voluntary.
 */
import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { sharedDataDir } from "@lens/ingest";
import { compare, type LedgerPaymentsResult, ledgerPayments } from "@lens/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "./build.js";
import { openWarehouse, type Warehouse } from "./db.js";

const DATA = sharedDataDir();

describe.skipIf(DATA === null)("ledger placement payments, real files", () => {
  let dir: string;
  let warehouse: Warehouse;
  let connection: DuckDBConnection;
  let all: LedgerPaymentsResult;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "lens-ledger-payments-"));
    const sources = join(dir, "sources");
    await mkdir(sources);
    for (const folder of ["la-reference", "procurement", "s251-outturn", "derived-research"])
      await symlink(join(DATA!, folder), join(sources, folder));
    const outPath = join(dir, "lens.duckdb");
    await buildWarehouse({ sourcesDir: sources, outPath });
    warehouse = await openWarehouse(outPath, { readOnly: true });
    connection = await warehouse.connect();
    all = await ledgerPayments(connection, {});
  }, 600_000);

  afterAll(async () => {
    connection?.closeSync();
    warehouse?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const year = (laCode: string, y: number) => all.councilYears.find((r) => r.laCode === laCode && r.year === y);

  it("Darlington 2013-14: placement payments and months as the raw files, beside the s251 lines", () => {
    const d = year("841", 2014)!;
    expect(d).toMatchObject({ months: 11, placementLines: 1183 });
    expect(d.placementGbp).toBeCloseTo(4_186_098.48, 2);
    expect(d.s251?.placementGbp).toBe(7_709_398);
    expect(d.s251?.privatePlacementGbp).toBe(4_600_195);
    expect(d.s251?.coverage).toBeCloseTo(4_186_098.48 / 7_709_398, 10);
  });

  it("Wakefield 2017-18: placement and children's payments as the raw files; no s251 year, the panel instead", () => {
    const w = year("384", 2018)!;
    expect(w).toMatchObject({ months: 12, placementLines: 1910 });
    expect(w.placementGbp).toBeCloseTo(12_387_066.07, 2);
    expect(w.childrenGbp).toBeCloseTo(45_855_321.18, 2);
    expect(w.s251).toBeNull();
    expect(w.panel?.claTotalGbp).toBeGreaterThan(0);
  });

  it("HHI and top-5 share of the same council-years as computed by hand", async () => {
    const at = async (metric: string, council: string, y: number) =>
      (await compare(connection, { metric, groupBy: ["council"], filters: { from: y, to: y, council: [council] } }))
        .rows[0];
    expect((await at("ledger_placement_hhi", "841", 2014))?.value).toBeCloseTo(582.6, 0);
    expect((await at("ledger_placement_top5_share", "841", 2014))?.value).toBeCloseTo(0.4288, 3);
    expect((await at("ledger_placement_hhi", "384", 2018))?.value).toBeCloseTo(260.3, 0);
    expect((await at("ledger_placement_top5_share", "384", 2018))?.value).toBeCloseTo(0.2472, 3);
  });

  it("Salford's ledger books placements under mixed expense types, so it has almost none", () => {
    const s = year("355", 2014)!;
    expect(s.placementGbp).toBeCloseTo(11_079, 0);
    expect(s.s251?.coverage).toBeLessThan(0.001);
  });

  it("names the providers paid by several ledger councils, Cambian Childcare in three", () => {
    const cambian = all.crossCouncil.find((p) => p.name === "CAMBIAN CHILDCARE LTD");
    expect(cambian?.councils.map((c) => c.laCode)).toEqual(["878", "384", "841"]);
    for (const p of all.crossCouncil) expect(p.councils.length).toBeGreaterThanOrEqual(2);
  });
});
