/**
 * Red flags on a warehouse built from the real files: how many in-scope contracts carry each
 * flag and on how many it could be judged, through the same query the Contracts page reads.
 * Asserted exactly, so a rule or data change shows its effect here.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { sharedDataDir } from "@lens/ingest";
import { compare, redFlagCounts } from "@lens/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "./build.js";
import { openWarehouse, type Warehouse } from "./db.js";

const DATA = sharedDataDir();

describe.skipIf(DATA === null)("red flags on the real build", () => {
  let dir: string;
  let warehouse: Warehouse;
  let connection: DuckDBConnection;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "lens-red-flags-real-"));
    const outPath = join(dir, "real.duckdb");
    await buildWarehouse({ sourcesDir: DATA ?? "", outPath });
    warehouse = await openWarehouse(outPath, { readOnly: true });
    connection = await warehouse.connect();
  }, 600_000);
  afterAll(async () => {
    connection?.closeSync();
    warehouse?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("counts each flag among in-scope contracts, and the contracts it can be judged on", async () => {
    const counts = await redFlagCounts(connection, {});
    console.table(counts.flags);
    expect({ total: counts.total, anyFlag: counts.anyFlag }).toEqual(EXPECTED.selection);
    expect(Object.fromEntries(counts.flags.map((f) => [f.flag, [f.flagged, f.judged]]))).toEqual(EXPECTED.flags);
  });

  it("gives the same shares as the metrics, over awarded contracts", async () => {
    const shares: Record<string, [number | null, number | null]> = {};
    for (const metric of Object.keys(EXPECTED.metrics)) {
      const row = (await compare(connection, { metric })).rows[0];
      shares[metric] = [row?.numerator ?? null, row?.denominator ?? null];
    }
    expect(shares).toEqual(EXPECTED.metrics);
  });
});

/** [flagged, judged]; the metrics read awarded contracts (award and register stages, no placeholder supplier). */
const EXPECTED = {
  selection: { total: 2082, anyFlag: 66 },
  flags: {
    "direct-award-for-profit": [2, 1842],
    "one-tenderer": [0, 0],
    "short-care-contract": [0, 235],
    "no-prior-tender-notice": [19, 53],
    "value-above-range": [45, 1613],
  },
  metrics: {
    red_flag_direct_award_for_profit: [2, 1842],
    red_flag_one_tenderer: [null, null],
    red_flag_short_care: [0, 229],
    red_flag_no_prior_tender: [16, 45],
    red_flag_value_above_range: [43, 1591],
  },
};
