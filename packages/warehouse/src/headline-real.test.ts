/**
 * The headline on the real build: the share of contracts lasting at least three years by
 * commissioning model, as recorded and like for like (adjusted for service × source), with the
 * largest contributor of its rows. Printed for the record; every expectation is computed here
 * from the definitions (plain SQL over the contracts table), so the test follows the
 * classification as it improves but fails if the query layer says anything the rows do not.
 * Counts that depend only on parsing are pinned: they were counted by hand in the raw files.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { getSource, PLAUSIBILITY, sourceLabel, VALUE_FLAGS } from "@lens/core";
import { sharedDataDir } from "@lens/ingest";
import { type CompareResult, compare, PERIOD_FLAGGED_SQL } from "@lens/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "./build.js";
import { openWarehouse, queryRows, type Warehouse } from "./db.js";

const DATA = sharedDataDir();

/** The rows share_36_months reads, as its definition says them. */
// As the contract metrics' scope: placeholder suppliers ("Various Providers" on Salford's register) are no award.
const LET = "f.in_scope AND f.stage IN ('award', 'register') AND NOT coalesce(f.supplier_is_placeholder, false)";
const KNOWN_LENGTH = `f.duration_months IS NOT NULL AND NOT ${PERIOD_FLAGGED_SQL}`;

describe.skipIf(DATA === null)("headline on the real build: contracts of three years or more, by model", () => {
  let dir: string;
  let warehouse: Warehouse;
  let connection: DuckDBConnection;
  let recorded: CompareResult;
  let twoModels: CompareResult;
  let allModels: CompareResult;

  const sql = <T>(text: string, params?: Record<string, string | number>) => queryRows<T>(connection, text, params);
  const one = async <T>(text: string, params?: Record<string, string | number>) => (await sql<T>(text, params))[0]!;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "lens-headline-"));
    const outPath = join(dir, "lens.duckdb");
    await buildWarehouse({ sourcesDir: DATA!, outPath });
    warehouse = await openWarehouse(outPath, { readOnly: true });
    connection = await warehouse.connect();
    recorded = await compare(connection, { metric: "share_36_months", groupBy: ["model"] });
    allModels = await compare(connection, {
      metric: "share_36_months",
      groupBy: ["model"],
      adjust: ["service", "source"],
      adjustGroups: ["market-led", "cooperative", "in-house", "unknown"],
    });
    // The default like-for-like comparison: market-led against cooperative, the others as recorded.
    twoModels = await compare(connection, {
      metric: "share_36_months",
      groupBy: ["model"],
      adjust: ["service", "source"],
    });
    const pct = (v: number | null | undefined) => (v == null ? "—" : `${(v * 100).toFixed(1)}%`);
    const lines = [
      `share_36_months by model (${recorded.sentence ?? "no single contributor above half"})`,
      ...[allModels, twoModels].flatMap((r) => [
        `  compared: ${r.rows.map((x) => x.dims.model).join(", ")}; strata used ${r.rows[0]?.adjusted?.strata.used} of ${r.rows[0]?.adjusted?.strata.total}`,
        ...r.rows.map(
          (x) =>
            `    ${String(x.dims.model).padEnd(12)} recorded ${pct(x.value)} (${x.numerator}/${x.denominator})  like for like ${pct(x.adjusted?.value)} [${pct(x.adjusted?.ciLow)}, ${pct(x.adjusted?.ciHigh)}]`,
        ),
      ]),
      `  concentration: ${recorded.concentration.map((c) => `${c.dimension} ${c.label} ${c.rows}/${c.total} (${pct(c.share)})`).join("; ")}`,
      `  implausible left out: ${recorded.implausible?.excluded ?? 0}`,
    ];
    console.log(lines.join("\n"));
  }, 600_000);

  afterAll(async () => {
    connection?.closeSync();
    warehouse?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("records each model's share exactly as the rows say", async () => {
    const expected = await sql<{ model: string; x: number; n: number }>(
      `SELECT commissioning_model AS model, count(*) FILTER (WHERE duration_months >= 36)::INTEGER AS x, count(*)::INTEGER AS n
       FROM contracts f WHERE ${LET} AND ${KNOWN_LENGTH} GROUP BY 1 ORDER BY 1`,
    );
    expect(recorded.rows.map((r) => ({ model: r.dims.model, x: r.numerator, n: r.denominator }))).toEqual(expected);
  });

  it("names Norfolk's register as the dominant contributor, with its share of the rows", async () => {
    const { norfolk, register, total } = await one<{ norfolk: number; register: number; total: number }>(
      `SELECT count(*) FILTER (WHERE la_code = '926')::INTEGER AS norfolk,
              count(*) FILTER (WHERE source = 'norfolk-register')::INTEGER AS register, count(*)::INTEGER AS total
       FROM contracts f WHERE ${LET} AND ${KNOWN_LENGTH}`,
    );
    expect(recorded.concentration).toEqual([
      { dimension: "council", value: "926", label: "Norfolk", share: norfolk / total, rows: norfolk, total },
      {
        dimension: "source",
        value: "norfolk-register",
        label: "Norfolk County Council's 2015 contract register",
        share: register / total,
        rows: register,
        total,
      },
    ]);
    expect(register / total).toBeGreaterThan(0.8);
    expect(recorded.sentence).toMatch(
      new RegExp(
        `^${Math.round((register / total) * 100)}% of these contracts come from Norfolk County Council's 2015 contract register`,
      ),
    );
    expect(recorded.sources.reduce((s, x) => s + x.rows, 0)).toBe(total);
  });

  it("standardises market-led and cooperative to their pooled service × source mix (checked in plain SQL)", async () => {
    // Direct standardisation written out in SQL: strata present in both models, weights = pooled rows.
    const expected = await sql<{ model: string; adjusted: number }>(
      `WITH cells AS (
         SELECT commissioning_model AS model, service, source, count(*) AS n, count(*) FILTER (WHERE duration_months >= 36) AS x
         FROM contracts f WHERE ${LET} AND ${KNOWN_LENGTH} AND commissioning_model IN ('market-led', 'cooperative')
         GROUP BY ALL),
       support AS (
         SELECT service, source, sum(n) AS pooled FROM cells GROUP BY ALL HAVING count(DISTINCT model) = 2)
       SELECT c.model, sum(s.pooled / (SELECT sum(pooled) FROM support) * c.x / c.n)::DOUBLE AS adjusted
       FROM cells c JOIN support s ON s.service IS NOT DISTINCT FROM c.service AND s.source = c.source
       GROUP BY 1 ORDER BY 1`,
    );
    const compared = twoModels.rows.filter((r) => r.adjusted?.value != null);
    expect(compared.map((r) => r.dims.model)).toEqual(expected.map((e) => e.model));
    compared.forEach((r, i) => {
      expect(r.adjusted!.value).toBeCloseTo(expected[i]!.adjusted, 12);
      expect(r.adjusted!.ciLow!).toBeLessThan(r.adjusted!.value!);
      expect(r.adjusted!.ciHigh!).toBeGreaterThan(r.adjusted!.value!);
    });
    for (const r of allModels.rows) expect(r.adjusted?.method).toBe("direct-standardisation");
  });

  it("marks every register's start years as a snapshot when drawn by year", async () => {
    const byYear = await compare(connection, { metric: "share_36_months", groupBy: ["year"] });
    const bySource = await sql<{ source: string; n: number }>(
      `SELECT source, count(*)::INTEGER AS n FROM contracts f WHERE ${LET} AND ${KNOWN_LENGTH} GROUP BY 1 ORDER BY n DESC, source`,
    );
    const snapshots = bySource.flatMap(({ source, n }) => {
      const s = getSource(source);
      return s?.snapshotDate ? [{ id: source, label: sourceLabel(source), snapshotDate: s.snapshotDate, rows: n }] : [];
    });
    expect(snapshots.map((x) => x.id)).toContain("norfolk-register");
    expect(snapshots.find((x) => x.id === "norfolk-register")?.snapshotDate).toBe("2015-03-28");
    expect(byYear.snapshotBias?.sources).toEqual(snapshots);
    expect(byYear.caveats).toHaveLength(snapshots.length);
  });

  it("parses the register's periods as counted by hand in the raw file", async () => {
    // NCC164467.csv: 5,729 rows; 4,149 with a start and an end; of those 1,821 last at least 36 months
    // ((end − start) in days / 30.4375, to 0.1) and 65 end more than 25 years after they start.
    const row = await one<{ rows: number; dated: number; long: number; far: number }>(
      `SELECT count(*)::INTEGER AS rows, count(duration_months)::INTEGER AS dated,
              count(*) FILTER (WHERE duration_months >= 36)::INTEGER AS long,
              count(*) FILTER (WHERE value_flag = $far)::INTEGER AS far
       FROM contracts f WHERE source = 'norfolk-register'`,
      { far: VALUE_FLAGS.beyondHorizon },
    );
    expect(row).toEqual({ rows: 5729, dated: 4149, long: 1821, far: 65 });
  });

  it("flags implausible periods and values: exact counts, and every value flag above 20× its service median", async () => {
    const counts = await sql<{ value_flag: string; source: string; n: number }>(
      "SELECT value_flag, source, count(*)::INTEGER AS n FROM contracts f WHERE value_flag IS NOT NULL GROUP BY 1, 2",
    );
    const count = (flag: string, source: string) =>
      counts.find((c) => c.value_flag === flag && c.source === source)?.n ?? 0;
    const total = (flag: string) => counts.filter((c) => c.value_flag === flag).reduce((s, c) => s + c.n, 0);
    // Periods depend only on parsing: 76 Contracts Finder and 22 scraped award notices end a day after they
    // start; 65 register rows, 1 Contracts Finder and 1 Sell2Wales notice end more than 25 years after it.
    expect(count(VALUE_FLAGS.oneDay, "contracts-finder")).toBe(76);
    expect(count(VALUE_FLAGS.oneDay, "contracts-finder-scraped")).toBe(22);
    expect(count(VALUE_FLAGS.beyondHorizon, "norfolk-register")).toBe(65);
    expect(count(VALUE_FLAGS.beyondHorizon, "contracts-finder")).toBe(1);
    expect(count(VALUE_FLAGS.beyondHorizon, "sell2wales")).toBe(1);
    // Every source, by the rule as written (a source added later is counted the same way).
    const { oneDay, far } = await one<{ oneDay: number; far: number }>(
      `SELECT count(*) FILTER (WHERE (end_date <= start_date + INTERVAL 1 DAY) OR duration_months * 30.4375 <= 1)::INTEGER AS "oneDay",
              count(*) FILTER (WHERE NOT coalesce(end_date <= start_date + INTERVAL 1 DAY OR duration_months * 30.4375 <= 1, false)
                AND (end_date > start_date + INTERVAL 25 YEAR OR (start_date IS NULL AND end_date > current_date + INTERVAL 25 YEAR)
                     OR duration_months > 300))::INTEGER AS far
       FROM contracts f`,
    );
    expect(total(VALUE_FLAGS.oneDay)).toBe(oneDay);
    expect(total(VALUE_FLAGS.beyondHorizon)).toBe(far);
    // Values depend on each row's service: recompute the rule from its definition.
    const { above } = await one<{ above: number }>(
      `WITH ranges AS (
         SELECT service, median(annual_value_gbp) AS m FROM contracts f
         WHERE ${LET} AND NOT coalesce(value_is_shared, false) AND annual_value_gbp > 0 AND service <> 'other'
           AND NOT ${PERIOD_FLAGGED_SQL}
         GROUP BY 1 HAVING count(*) >= $min)
       SELECT count(*)::INTEGER AS above FROM contracts f JOIN ranges r USING (service)
       WHERE NOT coalesce(f.value_is_shared, false) AND f.annual_value_gbp > $k * r.m AND NOT ${PERIOD_FLAGGED_SQL}`,
      { min: PLAUSIBILITY.minServiceValues, k: PLAUSIBILITY.serviceMedianMultiple },
    );
    expect(total(VALUE_FLAGS.aboveServiceRange)).toBe(above);
    const median = await compare(connection, { metric: "median_annual_value", groupBy: ["model"] });
    const { left } = await one<{ left: number }>(
      `SELECT count(*)::INTEGER AS left FROM contracts f
       WHERE ${LET} AND NOT coalesce(value_is_shared, false) AND annual_value_gbp IS NOT NULL AND value_flag IS NOT NULL`,
    );
    expect(median.implausible?.excluded ?? 0).toBe(left);
  });
});
