/** The plausibility step on handmade contracts: which rows get which flag, and the counts. */
import type { DuckDBConnection } from "@duckdb/node-api";
import { VALUE_FLAGS } from "@lens/core";
import { SCHEMA_SQL } from "@lens/core/schema";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openMemoryWarehouse, queryRows, type Warehouse } from "./db.js";
import { flagImplausibleValues } from "./plausibility-step.js";

let warehouse: Warehouse;
let connection: DuckDBConnection;

interface Row {
  id: string;
  service?: string | null;
  annual?: number | null;
  start?: string | null;
  end?: string | null;
  months?: number | null;
  shared?: boolean;
  inScope?: boolean;
}

async function insert(rows: readonly Row[]): Promise<void> {
  for (const r of rows)
    await connection.run(
      `INSERT INTO contracts (contract_id, source, stage, in_scope, service, annual_value_gbp, value_is_shared,
         start_date, end_date, duration_months, source_file)
       VALUES ($id, 'contracts-finder', 'award', $in_scope, $service, $annual, $shared, $start::DATE, $end::DATE, $months, 'f')`,
      {
        id: r.id,
        in_scope: r.inScope ?? true,
        service: r.service ?? null,
        annual: r.annual ?? null,
        shared: r.shared ?? false,
        start: r.start ?? null,
        end: r.end ?? null,
        months: r.months ?? null,
      },
    );
}

beforeEach(async () => {
  warehouse = await openMemoryWarehouse();
  connection = await warehouse.connect();
  await connection.run(SCHEMA_SQL);
  const send = (id: string, annual: number, extra: Partial<Row> = {}): Row => ({
    id,
    service: "SEND and transport",
    annual,
    ...extra,
  });
  await insert([
    // Twenty transport routes at £30,000 a year: the service median is £30,000, the ceiling 20 × that.
    ...Array.from({ length: 20 }, (_, i) => send(`route${i}`, 30_000)),
    send("at-ceiling", 600_000), // exactly 20 × the median: not above it
    send("block-total", 600_001),
    send("out-of-scope-block", 1_000_000, { inScope: false }), // the range applies to every row of the service
    send("framework-ceiling", 10_000_000, { shared: true }), // a shared ceiling is nobody's value: not judged
    send("one-day-route", 5_000_000, { start: "2020-01-01", end: "2020-01-02" }), // period first
    // 'other' has no range; fostering has too few values for one.
    ...Array.from({ length: 20 }, (_, i) => ({ id: `other${i}`, service: "other", annual: 1_000 })),
    { id: "other-big", service: "other", annual: 1_000_000 },
    ...Array.from({ length: 5 }, (_, i) => ({ id: `fostering${i}`, service: "fostering", annual: 10_000 })),
    { id: "fostering-big", service: "fostering", annual: 9_000_000 },
    // Periods.
    { id: "stated-zero", months: 0 },
    { id: "placeholder-end", start: "2007-03-01", end: "2050-12-31", months: 526 },
    { id: "no-start-far-end", end: "2099-01-01" },
    { id: "stated-400", months: 400 },
    { id: "long-but-sane", start: "2000-01-01", end: "2024-12-31", months: 300 },
    { id: "ordinary", start: "2020-04-01", end: "2023-03-31", months: 36 },
  ]);
});
afterEach(() => {
  connection.closeSync();
  warehouse.close();
});

describe("flagImplausibleValues", () => {
  it("flags one reason per row, keeps every row, and counts them", async () => {
    const summary = await flagImplausibleValues(connection);
    const rows = await queryRows<{ contract_id: string; value_flag: string | null }>(
      connection,
      "SELECT contract_id, value_flag FROM contracts WHERE value_flag IS NOT NULL ORDER BY contract_id",
    );
    expect(rows).toEqual([
      { contract_id: "block-total", value_flag: VALUE_FLAGS.aboveServiceRange },
      { contract_id: "no-start-far-end", value_flag: VALUE_FLAGS.beyondHorizon },
      { contract_id: "one-day-route", value_flag: VALUE_FLAGS.oneDay },
      { contract_id: "out-of-scope-block", value_flag: VALUE_FLAGS.aboveServiceRange },
      { contract_id: "placeholder-end", value_flag: VALUE_FLAGS.beyondHorizon },
      { contract_id: "stated-400", value_flag: VALUE_FLAGS.beyondHorizon },
      { contract_id: "stated-zero", value_flag: VALUE_FLAGS.oneDay },
    ]);
    expect(summary.flagged).toEqual({
      [VALUE_FLAGS.oneDay]: 2,
      [VALUE_FLAGS.beyondHorizon]: 3,
      [VALUE_FLAGS.aboveServiceRange]: 2,
    });
    expect(summary.flaggedInScope).toEqual({
      [VALUE_FLAGS.oneDay]: 2,
      [VALUE_FLAGS.beyondHorizon]: 3,
      [VALUE_FLAGS.aboveServiceRange]: 1,
    });
    const [all] = await queryRows<{ n: number }>(connection, "SELECT count(*)::INTEGER AS n FROM contracts");
    expect(all?.n).toBe(20 + 5 + 21 + 6 + 6);
  });

  it("gives the same flags when run twice", async () => {
    const first = await flagImplausibleValues(connection);
    expect(await flagImplausibleValues(connection)).toEqual(first);
  });
});
