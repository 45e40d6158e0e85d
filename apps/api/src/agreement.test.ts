/**
 * The chart numbers (metrics.compare), the CSV export (exportCsv) and the public data API
 * (JSON and CSV) agree for the same selection. Each path gets its own cache, so the numbers
 * are computed independently rather than read from one shared entry.
 */
import { readCsvExport } from "@lens/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QueryCache } from "./query-cache.js";
import { openFixture, startServer } from "./test/fixture.js";

/** The export's rows by header name, read with @lens/core's one CSV reader. */
function readCsv(text: string): Record<string, string>[] {
  const { header, rows } = readCsvExport(text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

const num = (v: unknown): number | null => (v === "" || v === null || v === undefined ? null : Number(v));
type Row = Record<string, unknown>;
/** The comparable core of a row: dimensions as text, numbers as numbers. */
const normalise = (r: Row, dims: readonly string[]) => ({
  ...Object.fromEntries(dims.map((d) => [d, r[d] === null || r[d] === "" ? null : String(r[d])])),
  value: num(r.value),
  numerator: num(r.numerator),
  denominator: num(r.denominator),
  n: num(r.n),
  suppressed: String(r.suppressed),
  ciLow: num(r.ciLow),
  ciHigh: num(r.ciHigh),
});

let fx: Awaited<ReturnType<typeof openFixture>>;
let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  fx = await openFixture();
  server = await startServer(fx.warehouse, new QueryCache());
});
afterAll(async () => {
  await server.close();
  fx.close();
});

describe.each([
  { metric: "share_36_months", groupBy: ["model", "region"], filters: { from: 2017, to: 2024 } },
  { metric: "median_annual_value", groupBy: ["service"], filters: { model: ["market-led", "cooperative"] } },
  { metric: "procedure_mix", groupBy: ["model"], filters: { council_type: ["County"] } },
  { metric: "homes_good_outstanding", groupBy: ["sector", "year"], filters: {} },
  { metric: "spend_share_for_profit", groupBy: ["region"], filters: { from: 2020 } },
] as const)("$metric by $groupBy", (selection) => {
  it("chart, CSV export and data API (JSON and CSV) give the same rows", async () => {
    const chart = await fx.caller.metrics.compare({
      metric: selection.metric,
      groupBy: [...selection.groupBy],
      filters: selection.filters as never,
    });
    const dims = chart.groupBy;
    const expected = chart.rows.map((r) => normalise({ ...r.dims, ...r }, dims));
    expect(expected.length).toBeGreaterThan(0);

    const exported = await fx.caller.exportCsv({
      view: "compare",
      input: { metric: selection.metric, groupBy: [...selection.groupBy], filters: selection.filters as never },
    });
    expect(readCsv(exported.csv).map((r) => normalise(r, dims))).toEqual(expected);

    const qs = new URLSearchParams({ groupBy: selection.groupBy.join(",") });
    for (const [k, v] of Object.entries(selection.filters)) qs.set(k, Array.isArray(v) ? v.join(",") : String(v));
    const json = (await (await fetch(`${server.base}/api/v1/metrics/${selection.metric}?${qs}`)).json()) as {
      groupBy: string[];
      rows: Row[];
    };
    expect(json.groupBy).toEqual(dims);
    expect(json.rows.map((r) => normalise(r, dims))).toEqual(expected);

    qs.set("format", "csv");
    const csv = await (await fetch(`${server.base}/api/v1/metrics/${selection.metric}?${qs}`)).text();
    expect(readCsv(csv).map((r) => normalise(r, dims))).toEqual(expected);
  });
});
