/** Every procedure through createCallerFactory on a real warehouse file built from the generated sample. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExportCsvInput } from "./export-csv.js";
import { openFixture } from "./test/fixture.js";

let fx: Awaited<ReturnType<typeof openFixture>>;
beforeAll(async () => {
  fx = await openFixture();
});
afterAll(() => fx.close());

describe("meta", () => {
  it("says the warehouse is a sample and gives its build", async () => {
    const build = await fx.caller.meta.build();
    expect(build.isSample).toBe(true);
    expect(build.buildId).toMatch(/#/);
  });

  it("lists the sources read, with publisher, URL and licence", async () => {
    const sources = await fx.caller.meta.sources();
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) expect(s.rowsKept).toBeGreaterThanOrEqual(0);
    expect(sources.some((s) => s.licence !== null && s.url !== null)).toBe(true);
  });

  it("serves metrics and dimensions with definitions, and the rule table from the warehouse", async () => {
    const catalogue = await fx.caller.meta.catalogue();
    expect(catalogue.metrics.find((m) => m.id === "share_36_months")?.definition).toMatch(/36 months/);
    expect(catalogue.dimensions.map((d) => d.id)).toContain("model");
    const rules = await fx.caller.meta.rules();
    expect(rules.length).toBeGreaterThan(5);
    expect(rules[0]).toHaveProperty("rule_id");
    const registry = await fx.caller.meta.registry();
    expect(registry.metrics.length).toBe(catalogue.metrics.length);
  });

  it("sends the registry without SQL: metric SQL stays on the server", async () => {
    const registry = await fx.caller.meta.registry();
    const text = JSON.stringify(registry);
    for (const sql of ["SELECT", "PARTITION BY", "FILTER (WHERE", "coalesce(", "nullif("])
      expect(text).not.toContain(sql);
    // Every fragment of metric SQL reads the fact table aliased f.
    expect(text).not.toMatch(/\bf\.[a-z_]+/);
    for (const m of registry.metrics) {
      expect(m, m.id).not.toHaveProperty("where");
      expect(m, m.id).not.toHaveProperty("relation");
      for (const key of Object.keys(m.aggregate)) expect(["kind", "dimension", "weighted", "k"], m.id).toContain(key);
    }
  });

  it("gives filter options with counts", async () => {
    const options = await fx.caller.meta.filterOptions({ table: "contracts" });
    const model = options.find((o) => o.dimension === "model")!;
    expect(model.options.reduce((s, o) => s + o.n, 0)).toBeGreaterThan(1000);
  });
});

describe("metrics", () => {
  it("compare: rows with value, numerator, denominator, n and suppression", async () => {
    const r = await fx.caller.metrics.compare({ metric: "share_36_months", groupBy: ["model"] });
    expect(r.rows.length).toBeGreaterThan(1);
    for (const row of r.rows) {
      expect(row).toHaveProperty("suppressed");
      if (!row.suppressed) expect(row.value).toBeCloseTo(row.numerator! / row.denominator!, 10);
    }
  });

  it("timeseries: one point per year per series", async () => {
    const r = await fx.caller.metrics.timeseries({ metric: "contracts", dimension: "model" });
    expect(r.years.length).toBeGreaterThan(5);
    for (const s of r.series) expect(s.points).toHaveLength(r.years.length);
  });

  it("distribution: quartiles and histogram bins", async () => {
    const r = await fx.caller.metrics.distribution({ metric: "median_duration_months", groupBy: "model", bins: 10 });
    expect(r.binEdges).toHaveLength(11);
    expect(r.groups.length).toBeGreaterThan(0);
  });

  it("scatter: two metrics per council", async () => {
    const r = await fx.caller.metrics.scatter({ x: "spend_share_for_profit", y: "homes_good_outstanding" });
    expect(r.points).toHaveLength(153);
  });
});

describe("benchmark and search", () => {
  it("benchmark: Kent against its neighbours, region and England, with a rank of up to 153", async () => {
    const r = await fx.caller.benchmark({ council: "886", metrics: ["share_36_months", "contracts"] });
    expect(r.council.name).toBe("Kent");
    const m = r.metrics[0]!;
    expect(m.neighbours).toHaveLength(10);
    expect(m.rankOf).toBeLessThanOrEqual(153);
    expect(m.target).not.toBeNull();
  });

  it("councilIlacs: Kent's ILACS judgement with its neighbours', region's and England's", async () => {
    const r = await fx.caller.councilIlacs({ council: "886" });
    expect(r.council).toMatchObject({ laCode: "886", name: "Kent", region: "South East", source: "sample" });
    expect(r.council.status).toBe(
      r.council.rating ? "judged" : r.council.inspectionDate ? "not published" : "not inspected",
    );
    expect(r.council.sourceFile).toMatch(/\.xlsx$/);
    expect(r.neighbours.councils).toHaveLength(10);
    expect(r.england.councils).toBe(153);
    for (const d of [r.neighbours.distribution, r.region, r.england]) {
      expect(d.counts.map((c) => c.rating)).toEqual(["Outstanding", "Good", "Requires improvement", "Inadequate"]);
      expect(d.counts.reduce((s, c) => s + c.n, 0)).toBe(d.judged);
      expect(d.judged + d.notPublished + d.notInspected).toBe(d.councils);
    }
    expect(r.england.judged).toBeGreaterThan(140);
    expect(r.england.notPublished + r.england.notInspected).toBeGreaterThan(0);
    expect(r.sources).toEqual(["sample"]);
    await expect(fx.caller.councilIlacs({ council: "999" })).rejects.toThrow(/unknown council/);
  });

  it("ledgerPayments: the sample has no council ledger, so no council-years and no shared providers", async () => {
    const r = await fx.caller.ledgerPayments({});
    expect(r).toEqual({ councilYears: [], crossCouncil: [], suppliersPerCouncil: [], sources: [] });
    await expect(fx.caller.ledgerPayments({ council: "88" })).rejects.toThrow(/3-digit/);
  });

  it("the sample's ILACS workbook and placement files build without rejects, so spend per child is benchmarked", async () => {
    const sources = await fx.caller.meta.sources();
    for (const id of ["ofsted-ilacs", "dfe-cla"])
      expect(sources.find((s) => s.id === id)).toMatchObject({ rowsRejected: 0, rowsKept: expect.any(Number) });
    expect(sources.find((s) => s.id === "ofsted-ilacs")?.rowsKept).toBe(153);
    const r = await fx.caller.benchmark({ council: "886", metrics: ["placement_spend_per_cla"] });
    const m = r.metrics[0]!;
    expect(m.council?.value).toBeGreaterThan(10_000);
    expect(m.rankOf).toBeGreaterThan(140);
    expect(m.trend.council).toHaveLength(11);
  });

  it("contracts.search: paged, with a source link on every row", async () => {
    const r = await fx.caller.contracts.search({ pageSize: 10, sort: "value" });
    expect(r.rows).toHaveLength(10);
    expect(r.total).toBeGreaterThan(100);
    for (const row of r.rows) expect(row.sourceLink).toBeTruthy();
  });

  it("contracts.redFlags: a count per flag that matches the flag filter of contracts.search", async () => {
    const r = await fx.caller.contracts.redFlags({});
    expect(r.flags.map((f) => f.flag)).toEqual([
      "direct-award-for-profit",
      "one-tenderer",
      "short-care-contract",
      "no-prior-tender-notice",
      "value-above-range",
    ]);
    for (const f of r.flags) {
      const page = await fx.caller.contracts.search({ flag: f.flag, pageSize: 5 });
      expect(page.total, f.flag).toBe(f.flagged);
      expect(f.flagged).toBeLessThanOrEqual(f.judged);
      for (const row of page.rows) expect(row.redFlags).toContain(f.flag);
    }
  });

  it("providers.search: paged", async () => {
    const r = await fx.caller.providers.search({ pageSize: 5 });
    expect(r.rows).toHaveLength(5);
  });
});

describe("exportCsv", () => {
  it("exports the compare rows with source, licence and the sample notice", async () => {
    const r = await fx.caller.exportCsv({ view: "compare", input: { metric: "contracts", groupBy: ["model"] } });
    expect(r.filename).toBe("lens-contracts-compare.csv");
    expect(r.csv).toMatch(/^# Source: /);
    expect(r.csv).toMatch(/# Sample data — not real/);
    expect(r.csv).toMatch(/\r\nmodel,value,numerator,denominator,n,suppressed,ciLow,ciHigh\r\n/);
  });

  it.each<ExportCsvInput>([
    { view: "timeseries", input: { metric: "contracts", dimension: "model" } },
    { view: "benchmark", input: { council: "886", metrics: ["share_36_months"] } },
    { view: "contracts", input: { q: "fostering", pageSize: 20 } },
    { view: "providers", input: { pageSize: 20 }, scope: "all" },
  ])("exports the $view view", async (selection) => {
    const r = await fx.caller.exportCsv(selection);
    expect(r.rows).toBeGreaterThan(0);
    expect(r.csv.split("\r\n").filter((l) => l !== "" && !l.startsWith("#"))).toHaveLength(r.rows + 1);
  });

  it("writes the same rows without # lines for spreadsheets and scripts, the about lines beside them", async () => {
    const selection: ExportCsvInput = { view: "compare", input: { metric: "contracts", groupBy: ["model"] } };
    const withComments = await fx.caller.exportCsv(selection);
    const sheet = await fx.caller.exportCsv({ ...selection, layout: "spreadsheet" });
    const plain = await fx.caller.exportCsv({ ...selection, layout: "plain" });
    const rowsOf = (csv: string) => csv.replace(/^\uFEFF/, "").replace(/^#.*\r\n/gm, "");
    expect(sheet.csv.charCodeAt(0)).toBe(0xfeff);
    expect(plain.csv).toMatch(/^model,value,/);
    expect(plain.csv).not.toMatch(/^#/m);
    expect(rowsOf(sheet.csv)).toBe(rowsOf(withComments.csv));
    expect(rowsOf(plain.csv)).toBe(rowsOf(withComments.csv));
    expect(plain.about).toEqual(withComments.about);
    expect(withComments.csv.startsWith(withComments.about.map((l) => `# ${l}\r\n`).join(""))).toBe(true);
    expect(plain.about).toContain("Sample data — not real");
  });

  it("exports a distribution's boxes as the procedure returns them, suppressed groups empty", async () => {
    const input = { metric: "median_duration_months", groupBy: "model" } as const;
    const groups = (await fx.caller.metrics.distribution(input)).groups;
    const r = await fx.caller.exportCsv({ view: "distribution", input, layout: "plain" });
    expect(r.filename).toBe("lens-median_duration_months-distribution.csv");
    const [header, ...lines] = r.csv.trimEnd().split("\r\n");
    expect(header).toBe("model,n,suppressed,min,whisker_low,q1,median,q3,whisker_high,max,outliers");
    expect(lines.map((l) => l.split(",").slice(0, 3).join(","))).toEqual(
      groups.map((g) => `${g.key ?? ""},${g.n},${g.suppressed}`),
    );
    expect(lines.map((l) => l.split(",")[6])).toEqual(groups.map((g) => (g.median === null ? "" : String(g.median))));
    expect(r.about.some((l) => l.startsWith("Source: "))).toBe(true);
  });

  it("exports a scatter's councils with both axes, each axis's sources and the correlation", async () => {
    const input = { x: "spend_share_for_profit", y: "homes_good_outstanding" } as const;
    const points = (await fx.caller.metrics.scatter(input)).points;
    const r = await fx.caller.exportCsv({ view: "scatter", input, layout: "plain" });
    expect(r.rows).toBe(points.length);
    expect(r.csv.split("\r\n")[0]).toBe(
      "la_code,council,region,x_metric,x,x_n,x_suppressed,y_metric,y,y_n,y_suppressed",
    );
    expect(r.about.filter((l) => l.startsWith("Metric: "))).toHaveLength(2);
    expect(r.about.some((l) => /^Pearson r across the \d+ councils/.test(l))).toBe(true);
  });

  it("exports the ledger council-years (none in the sample) with the selection named", async () => {
    const r = await fx.caller.exportCsv({ view: "ledgerPayments", input: {}, layout: "plain" });
    expect(r.rows).toBe(0);
    expect(r.csv).toMatch(/^la_code,council,source,year,months,/);
    expect(r.about).toContain("View: ledgerPayments. Council: the four ledger councils");
  });

  it("reads each view from the view's own cache entry", async () => {
    const input = { metric: "median_duration_months", groupBy: "region" } as const;
    await fx.caller.metrics.distribution(input);
    const before = fx.cache.stats();
    await fx.caller.exportCsv({ view: "distribution", input });
    const after = fx.cache.stats();
    expect(after.hits - before.hits).toBe(1);
    expect(after.misses - before.misses).toBe(0);
  });

  it("caps an all-pages search export", async () => {
    const r = await fx.caller.exportCsv({ view: "providers", input: { snapshot: "all" }, scope: "all" });
    expect(r.rows).toBeLessThanOrEqual(5000);
    expect(r.truncated).toBe(true);
  });
});

describe("cache", () => {
  it("answers an identical query from the cache", async () => {
    const before = fx.cache.stats();
    await fx.caller.metrics.compare({ metric: "vcse_share", groupBy: ["region"] });
    await fx.caller.metrics.compare({ groupBy: ["region"], metric: "vcse_share" });
    const after = fx.cache.stats();
    expect(after.misses - before.misses).toBe(1);
    expect(after.hits - before.hits).toBe(1);
  });
});
