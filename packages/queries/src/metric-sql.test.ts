/** The registry and its SQL in step: every metric joins its SQL, every dimension has an expression for exactly its tables. */
import { DIMENSION_IDS, DIMENSIONS, METRICS, type MetricDef } from "@lens/core";
import { describe, expect, it } from "vitest";
import { DIMENSION_SQL } from "./dimension-sql.js";
import { METRIC_SQL } from "./metric-sql.js";
import { withSql } from "./metric-with-sql.js";

describe("metric SQL", () => {
  it("has one entry per registry metric and no other", () => {
    expect(Object.keys(METRIC_SQL).sort()).toEqual(METRICS.map((m) => m.id).sort());
  });

  for (const m of METRICS as readonly MetricDef[])
    it(`${m.id}: its SQL has the registry's aggregate kind and implausible rule`, () => {
      const joined = withSql(m);
      expect(joined.aggregate.kind).toBe(m.aggregate.kind);
      expect(joined.implausible?.reason).toBe(m.implausible?.reason);
      expect(joined.label).toBe(m.label);
    });

  it("refuses a metric the SQL does not know", () => {
    const base = METRICS[0] as MetricDef;
    expect(() => withSql({ ...base, id: "no_such_metric" })).toThrow(/no SQL/);
    expect(() => withSql({ ...base, aggregate: { kind: "published" } })).toThrow(/registry says published/);
  });

  it("gives each dimension an expression on exactly the tables the registry lists", () => {
    for (const d of DIMENSION_IDS)
      expect(Object.keys(DIMENSION_SQL[d]).sort(), d).toEqual([...DIMENSIONS[d].tables].sort());
  });
});
